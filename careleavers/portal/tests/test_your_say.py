"""The young person's "Your say" page, from where they start: who reads what they say (and that
it is true), feedback without their name, the wellbeing check, and "you said, we did"."""

from __future__ import annotations

import datetime
import html
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import Notification
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.models import AuditEvent
from careleavers.dataprotection.discovery import record_kinds
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal.tests.conftest import signed_in
from careleavers.quality.models import (
    AnonymousFeedback,
    QualityPolicy,
    WellbeingCheck,
    YoungPersonFeedback,
    YouSaidStatus,
)
from careleavers.quality.services import anonymous_feedback_log
from careleavers.quality.tests.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db

ALL_MOSTLY = {
    "settled": "mostly",
    "safe": "mostly",
    "someone_to_turn_to": "mostly",
    "managing_money": "sometimes",
    "good_about_future": "rather_not_say",
}


def _page(client: Any, name: str) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.content.decode()


# Feedback with their name ------------------------------------------------------------------------


def test_the_page_names_who_reads_their_feedback(people: Any, yp_client: Any) -> None:
    page = _page(yp_client, "portal:my_say")
    # Escaped as the page escapes it: a generated surname may be "O'Connor".
    manager = html.escape(people.manager.get_full_name())
    assert (
        f"Priya, your personal adviser, and {manager}, the manager of your team, read it." in page
    )
    assert "Nobody else who works here can see it." in page
    assert "managers who check our work" not in page
    form = _page(yp_client, "portal:feedback")
    assert "Priya, your personal adviser," in form
    assert "Do not show my name" in form


def test_named_feedback_tells_the_adviser_and_manager_and_only_the_people_named_can_open_it(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(
            reverse("portal:feedback"),
            {"send_as": "named", "about": "personal_adviser", "what_is_good": "Priya calls back"},
        )
    assert response.status_code == 302
    feedback = YoungPersonFeedback.objects.get()
    assert feedback.young_person == people.young_person
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {people.adviser.pk, people.manager.pk}
    note = Notification.objects.get(recipient=people.adviser)
    assert note.message == "Jade Okafor sent feedback about their personal adviser"
    # It feeds case audits, as before.
    assert AuditEvent.objects.filter(
        action="create",
        subject_type="quality.YoungPersonFeedback",
        subject_id=str(feedback.pk),
        young_person_id=people.young_person.pk,
    ).exists()
    url = reverse("quality:feedback_list", args=[people.young_person.pk])
    assert "Priya calls back" in signed_in(people.adviser).get(url).content.decode()
    assert signed_in(people.manager).get(url).status_code == 200
    colleague = UserFactory(roles=[Role.PERSONAL_ADVISER], team=people.team)
    assert signed_in(colleague).get(url).status_code == 403


def test_a_young_person_with_no_adviser_is_told_who_reads_it_instead(people: Any) -> None:
    alone = YoungPersonFactory(team=people.team, category="former_relevant")
    from careleavers.portal.tests.factories import PortalAccountFactory

    client = signed_in(PortalAccountFactory(young_person=alone).user)
    page = _page(client, "portal:my_say")
    manager = html.escape(people.manager.get_full_name())
    assert f"{manager}, the manager of your team, reads it." in page


# Feedback without their name ---------------------------------------------------------------------


def test_feedback_without_a_name_reaches_the_team_manager_and_nothing_links_it_to_them(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    page = _page(yp_client, "portal:feedback")
    assert "We will not see your name." in page
    assert "someone may still guess it is you" in page
    events_before = AuditEvent.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(
            reverse("portal:feedback"),
            {
                "send_as": "anonymous",
                "about": "service",
                "rating": "not_good",
                "what_could_be_better": "Nobody answers the phone on Fridays",
            },
        )
    assert response.status_code == 302
    assert not YoungPersonFeedback.objects.exists()
    sent = AnonymousFeedback.objects.get()
    assert (sent.team, sent.given_on, sent.adviser) == (people.team, timezone.localdate(), None)
    # Nothing in the audit log at all yet (sending it redirects, so no page view is logged
    # either), and no message that carries a time or a name.
    assert AuditEvent.objects.count() == events_before
    assert not AuditEvent.objects.filter(subject_type="quality.AnonymousFeedback").exists()
    assert not Notification.objects.exists()
    # The manager's work tray has it, without the young person.
    items = [
        item for item in work_tray_for(user=people.manager) if item.kind == "anonymous_feedback"
    ]
    assert len(items) == 1
    assert items[0].young_person is None
    detail = signed_in(people.manager).get(items[0].url).content.decode()
    assert "Nobody answers the phone on Fridays" in detail
    assert "Jade" not in detail
    assert "Okafor" not in detail
    # Their adviser cannot read it.
    assert signed_in(people.adviser).get(items[0].url).status_code == 403
    # A subject access export finds nothing of it: it has no link to the young person.
    assert AnonymousFeedback not in {kind.model for kind in record_kinds()}


def test_the_audit_event_is_written_the_next_night_by_nobody_about_nobody(
    people: Any, yp_client: Any
) -> None:
    yp_client.post(
        reverse("portal:feedback"),
        {"send_as": "anonymous", "about": "service", "rating": "ok"},
    )
    today = timezone.localdate()
    assert anonymous_feedback_log(today) == "0 anonymous feedback logged"
    tomorrow = today + datetime.timedelta(days=1)
    assert anonymous_feedback_log(tomorrow) == "1 anonymous feedback logged"
    event = AuditEvent.objects.get(subject_type="quality.AnonymousFeedback")
    assert (event.actor, event.actor_label, event.young_person_id, event.ip_address) == (
        None,
        "",
        None,
        None,
    )
    assert event.detail == {
        "team": people.team.pk,
        "given_on": today.isoformat(),
        "about": "service",
    }
    assert anonymous_feedback_log(tomorrow) == "0 anonymous feedback logged"


def test_the_adviser_is_named_only_when_that_does_not_narrow_it_to_a_few(
    people: Any, yp_client: Any
) -> None:
    post = {"send_as": "anonymous", "about": "personal_adviser", "rating": "not_good"}
    yp_client.post(reverse("portal:feedback"), post)
    assert AnonymousFeedback.objects.get().adviser is None  # Priya has one young person
    for _ in range(4):
        AllocationFactory(young_person=YoungPersonFactory(team=people.team), worker=people.adviser)
    yp_client.post(reverse("portal:feedback"), post)
    assert AnonymousFeedback.objects.order_by("-pk").first().adviser == people.adviser


def test_feedback_without_a_name_says_what_is_missing_and_keeps_nothing(yp_client: Any) -> None:
    response = yp_client.post(reverse("portal:feedback"), {"about": "service"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select if you want to give your name" in page
    response = yp_client.post(
        reverse("portal:feedback"), {"send_as": "anonymous", "about": "service"}
    )
    assert "Choose an answer or write something" in response.content.decode()
    assert not AnonymousFeedback.objects.exists()


# The wellbeing check -----------------------------------------------------------------------------


def test_a_wellbeing_check_is_kept_and_the_adviser_told(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    page = _page(yp_client, "portal:wellbeing")
    for question_or_answer in ("Do you feel settled where you live?", "I’d rather not say"):
        assert question_or_answer in page
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(reverse("portal:wellbeing"), ALL_MOSTLY)
    assert response.status_code == 302
    assert response.url == reverse("portal:wellbeing_done")
    check = WellbeingCheck.objects.get()
    assert (check.young_person, check.settled, check.good_about_future) == (
        people.young_person,
        "mostly",
        "rather_not_say",
    )
    done = _page(yp_client, "portal:wellbeing_done")
    assert "We have your answers." in done
    assert "do not always feel safe" not in done
    note = Notification.objects.get(recipient=people.adviser)
    assert not note.urgent


def test_saying_they_do_not_feel_safe_shows_the_way_to_get_help_straight_away(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = yp_client.post(
            reverse("portal:wellbeing"), {**ALL_MOSTLY, "safe": "hardly_ever"}, follow=True
        )
    page = response.content.decode()
    assert "You told us you do not always feel safe where you live." in page
    assert f'href="{reverse("portal:not_safe")}"' in page
    assert "Call 999" in page
    note = Notification.objects.get(recipient=people.adviser)
    assert note.urgent
    assert "do not always feel safe" in note.message


def test_a_missing_answer_is_asked_for_and_nothing_is_kept(yp_client: Any) -> None:
    answers = {key: value for key, value in ALL_MOSTLY.items() if key != "safe"}
    response = yp_client.post(reverse("portal:wellbeing"), answers)
    assert response.status_code == 200
    assert "Choose an answer, or choose I’d rather not say" in response.content.decode()
    assert not WellbeingCheck.objects.exists()


def test_the_next_wellbeing_check_waits_for_the_councils_interval(
    people: Any, yp_client: Any
) -> None:
    policy = QualityPolicy.current()
    policy.wellbeing_interval_days = 30
    policy.save()
    yp_client.post(reverse("portal:wellbeing"), ALL_MOSTLY)
    page = _page(yp_client, "portal:my_say")
    next_on = timezone.localdate() + datetime.timedelta(days=30)
    assert f"You can do the next one from {next_on.day} " in page
    assert reverse("portal:wellbeing") + '"' not in page
    yp_client.post(reverse("portal:wellbeing"), ALL_MOSTLY)
    assert WellbeingCheck.objects.count() == 1
    # Thirty days on (the first check moved back, rather than the clock, so they stay signed in).
    WellbeingCheck.objects.update(given_on=timezone.localdate() - datetime.timedelta(days=30))
    assert reverse("portal:wellbeing") in _page(yp_client, "portal:my_say")
    yp_client.post(reverse("portal:wellbeing"), ALL_MOSTLY)
    assert WellbeingCheck.objects.count() == 2


# You said, we did --------------------------------------------------------------------------------


def test_young_people_see_only_what_is_published_newest_first(yp_client: Any) -> None:
    today = timezone.localdate()
    YouSaidWeDidFactory(
        you_said="Older change",
        done_on=today - datetime.timedelta(days=40),
        status=YouSaidStatus.PUBLISHED,
    )
    YouSaidWeDidFactory(you_said="Newer change", done_on=today, status=YouSaidStatus.PUBLISHED)
    YouSaidWeDidFactory(you_said="A draft", status=YouSaidStatus.DRAFT)
    YouSaidWeDidFactory(you_said="Taken down", status=YouSaidStatus.WITHDRAWN)
    page = _page(yp_client, "portal:my_say")
    assert page.index("Newer change") < page.index("Older change")
    assert "A draft" not in page
    assert "Taken down" not in page


def test_with_nothing_published_the_page_says_what_will_appear(yp_client: Any) -> None:
    assert "we will say so here" in _page(yp_client, "portal:my_say")
