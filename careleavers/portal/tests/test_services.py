"""What young people ask for from their pages, and what happens: a request for their adviser,
a review brought forward, feedback for the auditors, an alert and urgent messages when they do
not feel safe, and a reply when it is done."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.casework.models import Alert, DutyPolicy, Notification
from careleavers.casework.tests.factories import DutyRotaEntryFactory
from careleavers.core.models import AuditEvent
from careleavers.people.models import AboutMe
from careleavers.people.services import StaleEdit
from careleavers.plans.models import PlanReview, PlanState, ReviewReason
from careleavers.plans.tests.factories import make_plan
from careleavers.portal import notify, services
from careleavers.portal.models import (
    OutboxMessage,
    RequestKind,
    RequestStatus,
    YoungPersonRequest,
)
from careleavers.portal.tests.conftest import MONDAY_TEN, SATURDAY_THREE
from careleavers.quality.models import YoungPersonFeedback

pytestmark = pytest.mark.django_db


def _ask(people: Any, service: Any, **kwargs: Any) -> YoungPersonRequest:
    return service(acting_user=people.user, young_person=people.young_person, **kwargs)


def test_asking_for_an_offer_item_makes_a_request_with_an_audit_event(people: Any) -> None:
    portal_request = _ask(people, services.offer_item_ask, key="leisure_pass", text="For swimming")
    assert portal_request.kind == RequestKind.OFFER_ITEM
    assert portal_request.about_key == "leisure_pass"
    assert portal_request.about_label == "Free leisure centre pass"
    assert portal_request.status == RequestStatus.OPEN
    assert portal_request.created_by == people.user
    assert AuditEvent.objects.filter(
        action="create",
        subject_type="portal.YoungPersonRequest",
        young_person_id=people.young_person.pk,
    ).exists()


def test_an_item_not_in_their_offer_cannot_be_asked_for(people: Any) -> None:
    # Young parents' support needs a child; Jade has none recorded.
    for key in ("young_parents", "no_such_item"):
        with pytest.raises(ValidationError):
            _ask(people, services.offer_item_ask, key=key)
    assert not YoungPersonRequest.objects.exists()


def test_the_same_thing_cannot_be_asked_for_twice_while_waiting(people: Any) -> None:
    first = _ask(people, services.offer_item_ask, key="leisure_pass")
    with pytest.raises(ValidationError, match="already asked"):
        _ask(people, services.offer_item_ask, key="leisure_pass")
    services.request_mark_done(acting_user=people.adviser, portal_request=first, reply="Sent it.")
    assert _ask(people, services.offer_item_ask, key="leisure_pass").pk != first.pk


def test_asking_for_a_review_brings_the_plan_review_forward(people: Any) -> None:
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    portal_request = _ask(people, services.review_ask, text="My college course changed")
    assert portal_request.kind == RequestKind.REVIEW
    review = PlanReview.objects.get(young_person=people.young_person)
    assert review.reason == ReviewReason.YOUNG_PERSON_ASKED
    assert review.requested_on == timezone.localdate()
    assert review.request_note == "My college course changed"
    assert review.requested_by == people.user


def test_asking_for_a_review_without_a_plan_still_reaches_the_adviser(people: Any) -> None:
    portal_request = _ask(people, services.review_ask)
    assert portal_request.kind == RequestKind.REVIEW
    assert not PlanReview.objects.exists()


def test_help_with_a_document_names_the_document(people: Any) -> None:
    portal_request = _ask(people, services.document_help_ask, kind="passport")
    assert portal_request.about_label.startswith("Passport")
    with pytest.raises(ValidationError):
        _ask(people, services.document_help_ask, kind="library_card")


def test_an_agenda_item_needs_words_and_a_meeting(people: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        _ask(people, services.agenda_add, meeting="visit", text="  ")
    assert "text" in caught.value.error_dict
    with pytest.raises(ValidationError):
        _ask(people, services.agenda_add, meeting="party", text="Money")
    one = _ask(people, services.agenda_add, meeting="review", text="Moving to Leeds")
    two = _ask(people, services.agenda_add, meeting="review", text="My sister")
    assert {one.about_label, two.about_label} == {"My next plan review"}


def test_words_that_are_too_long_are_refused(people: Any) -> None:
    with pytest.raises(ValidationError, match="2000 characters"):
        _ask(people, services.agenda_add, meeting="visit", text="x" * 2001)


def test_support_again_is_for_21_to_25(people: Any) -> None:
    with pytest.raises(ValidationError, match="from 21"):
        _ask(people, services.support_again_ask)


def test_support_again_is_for_those_without_a_personal_adviser_and_is_recorded(
    people: Any,
) -> None:
    from careleavers.people.models import SupportChoice
    from careleavers.people.services import support_choice_record

    twenty_first = people.young_person.date_of_birth.replace(
        year=people.young_person.date_of_birth.year + 21
    )
    with time_machine.travel(twenty_first):
        # Their personal adviser is still allocated: there is nothing to ask for again.
        with pytest.raises(ValidationError, match="if you have not got one now"):
            _ask(people, services.support_again_ask, text="Housing")
        support_choice_record(
            acting_user=people.adviser,
            young_person=people.young_person,
            kind="declined",
            told_on=twenty_first,
        )
        portal_request = _ask(people, services.support_again_ask, text="Housing")

    assert portal_request.kind == RequestKind.SUPPORT_AGAIN
    people.young_person.refresh_from_db()
    assert people.young_person.personal_adviser_declined_on is None
    asked = SupportChoice.objects.get(young_person=people.young_person, kind="asked")
    assert asked.from_young_persons_pages is True
    assert asked.notes == "Housing"


def test_feedback_is_kept_for_the_auditors_as_given_on_the_portal(people: Any) -> None:
    _ask(
        people,
        services.feedback_give,
        send_as="named",
        about="personal_adviser",
        rating="good",
        what_is_good="She calls me back",
    )
    feedback = YoungPersonFeedback.objects.get()
    assert (feedback.method, feedback.about, feedback.rating) == (
        "portal",
        "personal_adviser",
        "good",
    )
    assert feedback.created_by == people.user


def test_empty_feedback_is_refused(people: Any) -> None:
    with pytest.raises(ValidationError):
        services.feedback_give(
            acting_user=people.user,
            young_person=people.young_person,
            send_as="named",
            about="service",
        )
    assert not YoungPersonFeedback.objects.exists()


def _about_me(people: Any) -> AboutMe:
    from careleavers.people.services import about_me_write

    return about_me_write(
        acting_user=people.adviser,
        young_person=people.young_person,
        summary="I like football and I want to be a chef.",
    )


def test_the_young_person_agrees_their_about_me(people: Any) -> None:
    about_me = _about_me(people)
    services.about_me_agree(
        acting_user=people.user, young_person=people.young_person, version=about_me.version
    )
    about_me.refresh_from_db()
    assert about_me.agreed_by_young_person_on == timezone.localdate()


def test_agreeing_an_about_me_that_changed_since_is_refused(people: Any) -> None:
    about_me = _about_me(people)
    from careleavers.people.services import about_me_write

    about_me_write(
        acting_user=people.adviser,
        young_person=people.young_person,
        summary="Rewritten.",
        version=about_me.version,
    )
    with pytest.raises(StaleEdit):
        services.about_me_agree(
            acting_user=people.user, young_person=people.young_person, version=about_me.version
        )


@pytest.fixture
def out_of_hours(out_of_hours: DutyPolicy) -> DutyPolicy:
    """The out-of-hours service (conftest), with the name the duty messages give it."""
    out_of_hours.out_of_hours_name = "Emergency duty team"
    out_of_hours.save()
    return out_of_hours


def _not_safe(people: Any, capture: Any, **kwargs: Any) -> YoungPersonRequest:
    values = {
        "text": "Someone is outside my flat",
        "where": "Flat 3, 12 Mill Lane",
        "call_on": "07700 900 982",
        "link_base": "https://careleavers.example/",
        **kwargs,
    }
    with capture(execute=True):
        return _ask(people, services.not_safe_raise, **values)


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_at_three_on_a_saturday_it_texts_and_emails_the_out_of_hours_service(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    portal_request = _not_safe(people, django_capture_on_commit_callbacks)
    sms = OutboxMessage.objects.get(kind="sms")
    email = OutboxMessage.objects.get(kind="email")
    assert (sms.to, email.to) == ("07700900999", "edt@council.example")
    link = f"https://careleavers.example/duty/not-safe/{portal_request.duty_alert_id}/"
    for message in (sms, email):
        assert "Jade Okafor" in message.body
        assert "07700 900 982" in message.body
        assert "Flat 3, 12 Mill Lane" in message.body
        assert "03:00 on Saturday 12 December 2026" in message.body
        assert link in message.body
    assert "the office is closed now" in email.body
    # Out of hours the adviser is not emailed: the one urgent item waits in their tray.
    assert OutboxMessage.objects.count() == 2
    duty_alert = portal_request.duty_alert
    assert duty_alert.sent_to_name == "Emergency duty team"
    assert set(duty_alert.messages.values_list("status", flat=True)) == {"sent"}


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_every_step_is_audited(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    portal_request = _not_safe(people, django_capture_on_commit_callbacks)
    pressed = AuditEvent.objects.get(
        subject_type="portal.YoungPersonRequest", subject_id=str(portal_request.pk)
    )
    assert (pressed.actor, pressed.detail["kind"]) == (people.user, "not_safe")
    steps = [
        event.detail["event"]
        for event in AuditEvent.objects.filter(subject_type="casework.DutyAlert").order_by("pk")
    ]
    assert steps == [
        "duty_alert_raised",
        "duty_alert_message_sent",
        "duty_alert_message_sent",
    ]
    raised = AuditEvent.objects.get(detail__event="duty_alert_raised")
    assert [message["to"] for message in raised.detail["messages"]] == [
        "07700900999",
        "edt@council.example",
    ]


@time_machine.travel(MONDAY_TEN, tick=False)
def test_on_a_weekday_at_ten_it_reaches_the_duty_worker_on_the_rota_and_the_adviser(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    DutyRotaEntryFactory(on=MONDAY_TEN.date(), worker=people.duty, mobile="07700900456")
    _not_safe(people, django_capture_on_commit_callbacks)
    sent = set(OutboxMessage.objects.values_list("kind", "to"))
    assert sent == {
        ("sms", "07700900456"),
        ("email", people.duty.email),
        ("email", people.adviser.email),
    }
    adviser_email = OutboxMessage.objects.get(to=people.adviser.email)
    assert "who you are personal adviser to" in adviser_email.body
    assert f"{people.duty.get_full_name()}, the duty worker" in adviser_email.body


def test_not_feeling_safe_raises_one_alert_and_no_other_messages(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    portal_request = _not_safe(people, django_capture_on_commit_callbacks)
    assert portal_request.kind == RequestKind.NOT_SAFE
    alert = Alert.objects.get(young_person=people.young_person)
    assert alert.kind == "safeguarding"
    assert "Someone is outside my flat" in alert.description
    assert portal_request.duty_alert.alert == alert
    # The duty alert is the one item in the work trays; nobody gets in-app messages as well.
    assert not Notification.objects.exists()


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_a_text_notify_refuses_is_recorded_and_the_email_still_goes(
    people: Any,
    out_of_hours: DutyPolicy,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> str:
        raise notify.NotifyError("GOV.UK Notify refused the message: 400 bad number")

    monkeypatch.setattr(notify, "send_sms", refuse)
    portal_request = _not_safe(people, django_capture_on_commit_callbacks)
    messages = {m.channel: m for m in portal_request.duty_alert.messages.all()}
    assert messages["sms"].status == "failed"
    assert "400 bad number" in messages["sms"].failure
    assert messages["email"].status == "sent"
    assert OutboxMessage.objects.get().kind == "email"
    assert AuditEvent.objects.filter(detail__event="duty_alert_message_failed").exists()


def test_a_number_that_is_not_a_phone_number_is_refused_and_nothing_is_raised(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        _not_safe(people, django_capture_on_commit_callbacks, call_on="call me")
    assert "call_on" in refused.value.message_dict
    assert not Alert.objects.exists()
    assert not YoungPersonRequest.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_replying_to_the_young_person_takes_it_out_of_the_trays(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    portal_request = _not_safe(people, django_capture_on_commit_callbacks)
    services.request_mark_done(
        acting_user=people.adviser,
        portal_request=portal_request,
        reply="I called you and we made a plan to keep you safe.",
    )
    portal_request.duty_alert.refresh_from_db()
    assert portal_request.duty_alert.closed_by == people.adviser


def test_not_feeling_safe_needs_no_words(people: Any) -> None:
    _ask(people, services.not_safe_raise, text="", call_on="")
    assert "did not say more" in Alert.objects.get().description


def test_marking_a_request_done_keeps_the_reply_for_the_young_person(people: Any) -> None:
    portal_request = _ask(people, services.document_help_ask, kind="passport")
    with pytest.raises(ValidationError):
        services.request_mark_done(
            acting_user=people.adviser, portal_request=portal_request, reply=""
        )
    done = services.request_mark_done(
        acting_user=people.adviser, portal_request=portal_request, reply="I have booked it."
    )
    assert done.status == RequestStatus.DONE
    assert done.handled_by == people.adviser
    assert done.handled_at is not None
    assert done.reply == "I have booked it."
    with pytest.raises(ValidationError, match="already"):
        services.request_mark_done(acting_user=people.adviser, portal_request=done, reply="Again")


def _passport_help_answered(people: Any, capture: Any, *, phone: str, reply: str) -> Any:
    """With `phone` on their record, they ask for help with their passport and their adviser
    marks it done with `reply`; what waits for the commit (the message to them) runs."""
    people.young_person.phone = phone
    people.young_person.save()
    portal_request = _ask(people, services.document_help_ask, kind="passport")
    with capture(execute=True):
        services.request_mark_done(
            acting_user=people.adviser, portal_request=portal_request, reply=reply
        )
    return portal_request


def test_a_young_person_with_a_mobile_gets_a_text_when_their_request_is_answered(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    portal_request = _passport_help_answered(
        people,
        django_capture_on_commit_callbacks,
        phone="07700 900 982",
        reply="I have booked it.",
    )

    [message] = OutboxMessage.objects.all()
    assert (message.kind, message.to) == ("sms", "07700 900 982")
    assert message.template_id == notify.template_id("request_answered_sms")
    assert f"/my/requests/{portal_request.pk}/" in message.personalisation["link"]
    assert message.personalisation["worker_name"] == people.adviser.get_full_name()
    # What was said stays on their pages: a phone's screen can be read by anyone near it.
    assert "booked" not in message.body


def test_a_young_person_with_no_mobile_gets_an_email_instead(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _passport_help_answered(people, django_capture_on_commit_callbacks, phone="", reply="Done.")

    [message] = OutboxMessage.objects.all()
    assert (message.kind, message.to) == ("email", people.user.email)
    assert message.template_id == notify.template_id("request_answered_email")


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_a_duty_text_notify_could_not_take_is_tried_again_and_recorded_as_sent(
    people: Any,
    out_of_hours: DutyPolicy,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
) -> None:
    real_send_sms = notify.send_sms
    calls: list[str] = []

    def down_once(*args: Any, **kwargs: Any) -> str:
        calls.append(args[0])
        if len(calls) == 1:
            raise notify.NotifyError("GOV.UK Notify refused the message: 500", transient=True)
        return real_send_sms(*args, **kwargs)

    monkeypatch.setattr(notify, "send_sms", down_once)
    portal_request = _not_safe(people, django_capture_on_commit_callbacks)

    messages = {m.channel: m for m in portal_request.duty_alert.messages.all()}
    assert calls == ["07700900999", "07700900999"]
    assert (messages["sms"].status, messages["email"].status) == ("sent", "sent")
    events = AuditEvent.objects.filter(detail__message=messages["sms"].pk)
    assert sorted(event.detail["event"] for event in events) == [
        "duty_alert_message_failed",
        "duty_alert_message_sent",
    ]
    assert OutboxMessage.objects.filter(kind="email").count() == 1  # the email went once


@time_machine.travel(SATURDAY_THREE, tick=False)
def test_duty_messages_still_waiting_after_minutes_tell_the_young_person_to_call(
    people: Any, out_of_hours: DutyPolicy, django_capture_on_commit_callbacks: Any
) -> None:
    from careleavers.portal.presenters import safety_result

    with django_capture_on_commit_callbacks(execute=False):
        portal_request = _ask(
            people, services.not_safe_raise, text="", call_on="", link_base=""
        )  # queued, and no worker has sent them
    now = timezone.now()

    soon = safety_result(portal_request, now=now, office_open=False)
    later = safety_result(
        portal_request, now=now + datetime.timedelta(minutes=5), office_open=False
    )

    assert soon is not None
    assert later is not None
    assert soon.heading == "We are sending your message"
    assert later.heading == "We could not send your message"
    assert later.not_sent
    assert later.numbers_first


def test_the_text_that_a_request_is_answered_is_tried_again_when_notify_is_down(
    people: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    real_send_sms = notify.send_sms
    attempts: list[str] = []

    def down_twice(*args: Any, **kwargs: Any) -> str:
        attempts.append(args[0])
        if len(attempts) <= 2:
            raise notify.NotifyError("GOV.UK Notify refused the message: 503", transient=True)
        return real_send_sms(*args, **kwargs)

    monkeypatch.setattr(notify, "send_sms", down_twice)
    _passport_help_answered(
        people, django_capture_on_commit_callbacks, phone="07700 900 982", reply="Booked."
    )

    assert len(attempts) == 3
    assert OutboxMessage.objects.get().to == "07700 900 982"
