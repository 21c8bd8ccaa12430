"""A young person can reply on a request: the reply joins the conversation both sides read, a
reply on a request marked done brings it back to their adviser's work tray, and the adviser
answers again as they did the first time."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from careleavers.casework.work_tray import work_tray_for
from careleavers.core.models import AuditEvent
from careleavers.portal import notify, services
from careleavers.portal.models import OutboxMessage, RequestMessage, RequestStatus
from careleavers.portal.tests.conftest import signed_in
from careleavers.portal.tests.factories import PortalAccountFactory, YoungPersonRequestFactory

pytestmark = pytest.mark.django_db


def _answered(people: Any) -> Any:
    portal_request = YoungPersonRequestFactory(
        young_person=people.young_person, text="Can I have a leisure pass?"
    )
    return services.request_mark_done(
        acting_user=people.adviser, portal_request=portal_request, reply="It is in the post."
    )


def _tray_items(user: Any) -> list[Any]:
    return [item for item in work_tray_for(user=user) if item.kind == "portal_request"]


def test_a_reply_on_an_answered_request_reopens_it_for_the_adviser(
    people: Any, yp_client: Any
) -> None:
    portal_request = _answered(people)
    assert _tray_items(people.adviser) == []
    url = reverse("portal:request_detail", args=[portal_request.pk])

    response = yp_client.post(url, {"text": "It has not come yet."}, follow=True)

    page = response.content.decode()
    assert "We have sent your reply to your personal adviser." in page
    # The whole conversation, oldest first, with who said what.
    assert page.index("Can I have a leisure pass?") < page.index("It is in the post.")
    assert page.index("It is in the post.") < page.index("It has not come yet.")
    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.OPEN
    [item] = _tray_items(people.adviser)
    assert item.url == reverse("portal:request_handle", args=[portal_request.pk])
    assert item.detail == "They replied: It has not come yet."
    reply = RequestMessage.objects.get(from_young_person=True)
    event = AuditEvent.objects.get(subject_type="portal.RequestMessage", subject_id=str(reply.pk))
    assert event.actor == people.user
    assert event.detail == {"event": "reply", "request": portal_request.pk, "reopened": True}


def test_the_adviser_reads_the_conversation_and_answers_again(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    people.young_person.phone = "07700 900 982"
    people.young_person.save()
    portal_request = _answered(people)
    yp_client.post(
        reverse("portal:request_detail", args=[portal_request.pk]), {"text": "Not come yet."}
    )
    staff = signed_in(people.adviser)
    url = reverse("portal:request_handle", args=[portal_request.pk])

    page = staff.get(url).content.decode()
    assert page.index("Can I have a leisure pass?") < page.index("It is in the post.")
    assert page.index("It is in the post.") < page.index("Not come yet.")
    assert f"{escape(people.adviser.get_full_name())} <span" in page
    assert "Answer their reply" in page

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"reply": "I have sent another one."})

    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.DONE
    assert portal_request.reply == "I have sent another one."
    assert _tray_items(people.adviser) == []
    [text] = OutboxMessage.objects.all()
    assert text.template_id == notify.template_id("request_answered_sms")
    page = yp_client.get(reverse("portal:request_detail", args=[portal_request.pk]))
    content = page.content.decode()
    # Both answers stay in the conversation.
    assert content.index("It is in the post.") < content.index("I have sent another one.")


def test_the_adviser_can_answer_and_keep_it_open(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """To ask a question or say what happens next: the young person is told there is an
    answer, and the request stays in the adviser's tray until it is marked done."""
    people.young_person.phone = "07700 900 982"
    people.young_person.save()
    portal_request = YoungPersonRequestFactory(
        young_person=people.young_person, text="Can I have a leisure pass?"
    )
    staff = signed_in(people.adviser)
    url = reverse("portal:request_handle", args=[portal_request.pk])
    assert "Send reply and keep it open" in staff.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            url, {"reply": "Which leisure centre is nearest?", "action": "reply"}, follow=True
        )

    assert "Reply sent. It stays open in your work tray" in response.content.decode()
    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.OPEN
    assert portal_request.handled_at is None
    assert len(_tray_items(people.adviser)) == 1
    [text] = OutboxMessage.objects.all()
    assert text.template_id == notify.template_id("request_answered_sms")
    # The link in the text is the full address of the request on their pages.
    path = reverse("portal:request_detail", args=[portal_request.pk])
    assert text.personalisation["link"] == f"http://testserver{path}"
    message = RequestMessage.objects.get(from_young_person=False)
    event = AuditEvent.objects.get(
        subject_type="portal.RequestMessage", subject_id=str(message.pk)
    )
    assert (event.actor, event.detail["event"]) == (people.adviser, "staff_reply")
    page = yp_client.get(path).content.decode()
    assert "Which leisure centre is nearest?" in page

    # They answer, and the adviser marks it done with a second reply.
    yp_client.post(path, {"text": "The one on Leeds Road."})
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"reply": "Your pass is at reception.", "action": "done"})
    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.DONE
    assert RequestMessage.objects.filter(from_young_person=False).count() == 2


def test_a_reply_to_a_request_already_done_is_refused(people: Any) -> None:
    portal_request = _answered(people)
    with pytest.raises(ValidationError, match="already been marked done"):
        services.request_staff_reply(
            acting_user=people.adviser, portal_request=portal_request, reply="One more thing"
        )
    assert RequestMessage.objects.count() == 1


def test_a_reply_on_a_waiting_request_adds_to_it(people: Any, yp_client: Any) -> None:
    portal_request = YoungPersonRequestFactory(young_person=people.young_person)
    yp_client.post(
        reverse("portal:request_detail", args=[portal_request.pk]), {"text": "It is urgent."}
    )
    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.OPEN
    assert RequestMessage.objects.get().text == "It is urgent."
    [item] = _tray_items(people.adviser)
    assert item.detail == "They replied: It is urgent."


def test_an_empty_reply_is_refused_and_changes_nothing(people: Any, yp_client: Any) -> None:
    portal_request = _answered(people)
    response = yp_client.post(
        reverse("portal:request_detail", args=[portal_request.pk]), {"text": "  "}
    )
    assert response.status_code == 200
    assert "Write your reply" in response.content.decode()
    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.DONE
    assert not RequestMessage.objects.filter(from_young_person=True).exists()


def test_a_young_person_cannot_reply_on_someone_elses_request(people: Any) -> None:
    portal_request = _answered(people)
    other = PortalAccountFactory(young_person__team=people.team)
    response = signed_in(other.user).post(
        reverse("portal:request_detail", args=[portal_request.pk]), {"text": "Hello"}
    )
    assert response.status_code == 404
    portal_request.refresh_from_db()
    assert portal_request.status == RequestStatus.DONE
    assert not RequestMessage.objects.filter(from_young_person=True).exists()


def test_staff_cannot_reply_as_the_young_person(people: Any) -> None:
    portal_request = _answered(people)
    response = signed_in(people.adviser).post(
        reverse("portal:request_detail", args=[portal_request.pk]), {"text": "Hello"}
    )
    assert response.status_code == 403
    assert not RequestMessage.objects.filter(from_young_person=True).exists()


def test_not_feeling_safe_has_no_reply_box_and_refuses_a_reply(
    people: Any, yp_client: Any
) -> None:
    portal_request = YoungPersonRequestFactory(young_person=people.young_person, kind="not_safe")
    url = reverse("portal:request_detail", args=[portal_request.pk])
    assert "Send reply" not in yp_client.get(url).content.decode()
    yp_client.post(url, {"text": "Still scared"})
    assert not RequestMessage.objects.exists()
    with pytest.raises(ValidationError, match="999"):
        services.request_reply(
            acting_user=people.user,
            young_person=people.young_person,
            portal_request=portal_request,
            text="Still scared",
        )
