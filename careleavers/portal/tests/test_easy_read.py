"""The easy-read versions of the young person's plan and of "What you can get": the same
records as the full pages, a sentence to a line with a picture beside each point, checked and
logged like every page of theirs."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import schedule, services
from careleavers.plans.models import ActionStatus, GoalProgress, PlanState
from careleavers.plans.tests.factories import YOUNG_PERSONS_WORDS, make_plan
from careleavers.portal import presenters
from careleavers.portal.tests.conftest import signed_in, viewed
from careleavers.portal.tests.factories import PortalAccountFactory

pytestmark = pytest.mark.django_db

EASY_PLAN = reverse("portal:plan_easy_read")
EASY_OFFER = reverse("portal:entitlements_easy_read")
# A picture that only decorates: screen readers skip it.
PICTURE = '<svg class="app-easy-read__icon" viewBox="0 0 48 48"'


def _shared_plan_with_an_action_and_a_goal(people: Any) -> Any:
    plan = make_plan(people.young_person, writer=people.adviser)
    services.plan_action_save(
        acting_user=people.adviser,
        plan=plan,
        status=ActionStatus.NOT_STARTED,
        section_key="health",
        what="Register with a GP",
        by_when=datetime.date(2030, 1, 1),
        who="Priya",
    )
    services.plan_goal_save(
        acting_user=people.adviser,
        plan=plan,
        description="Learn to drive",
        progress=GoalProgress.SOME_PROGRESS,
        progress_note="Booked the theory test. Lessons start in May.",
    )
    services.plan_submit(acting_user=people.adviser, plan=plan)
    services.plan_authorise(acting_user=people.manager, plan=plan)
    services.plan_share(
        acting_user=people.adviser,
        plan=plan,
        copy_given_and_explained=True,
        shared_on=timezone.localdate(),
        method="in_person",
        agreement="agrees",
        young_persons_response="I agree with most of it. I want more help with money.",
    )
    return plan


# Their words, a sentence to a line ------------------------------------------------------------


def test_words_are_put_a_sentence_to_a_line_and_kept_as_written() -> None:
    assert presenters.sentences("I moved. Is that OK?\nYes!  Call me.") == [
        "I moved.",
        "Is that OK?",
        "Yes!",
        "Call me.",
    ]
    assert presenters.sentences("هل يمكنني الانتقال؟ نعم.") == ["هل يمكنني الانتقال؟", "نعم."]


def test_a_title_with_a_full_stop_does_not_end_a_sentence() -> None:
    assert presenters.sentences("See Dr. Khan on Monday. Then rest.") == [
        "See Dr. Khan on Monday.",
        "Then rest.",
    ]
    assert presenters.sentences("") == []
    assert presenters.sentences("  \n ") == []


def test_every_section_of_the_plan_has_easy_read_words_and_a_picture() -> None:
    assert set(presenters.EASY_READ_SECTIONS) == set(schedule.SECTIONS_BY_KEY)


# The plan -------------------------------------------------------------------------------------


def test_the_easy_read_plan_shows_their_plan_a_sentence_to_a_line_with_pictures(
    people: Any, yp_client: Any
) -> None:
    _shared_plan_with_an_action_and_a_goal(people)

    page = yp_client.get(EASY_PLAN).content.decode()

    for title, _icon in presenters.EASY_READ_SECTIONS.values():
        assert f"<span>{title}</span>" in page
    # Their words and their adviser's, each sentence on its own line.
    for shown in (
        f'<p class="govuk-body" dir="auto">{YOUNG_PERSONS_WORDS}</p>',
        '<p class="govuk-body" dir="auto">(health)</p>',
        "If things go wrong, we will do this:",
        "a room is held at Foyer House.",
        '<p class="govuk-body" dir="auto">Register with a GP</p>',
        "Who will do it: Priya.",
        "When: by 1 January 2030.",
        "Where it is up to: Not started.",
        "How it is going: Some progress.",
        '<p class="govuk-body" dir="auto">Lessons start in May.</p>',
        '<p class="govuk-body" dir="auto">I want more help with money.</p>',
    ):
        assert shown in page, shown
    # A picture beside each point, hidden from screen readers, drawn in the page.
    assert page.count(PICTURE) >= 30
    assert page.count('aria-hidden="true" focusable="false"') >= page.count(PICTURE)
    assert "<img" not in page
    assert f'href="{reverse("portal:plan")}"' in page
    assert viewed(people, "portal:plan_easy_read")


def test_the_full_plan_and_its_easy_read_link_to_each_other(people: Any, yp_client: Any) -> None:
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    full = yp_client.get(reverse("portal:plan")).content.decode()
    assert f'<a class="govuk-link" href="{EASY_PLAN}">Easy read version</a>' in full
    easy = yp_client.get(EASY_PLAN).content.decode()
    assert "Read the full version of your plan" in easy


def test_a_plan_not_yet_shared_is_not_in_the_easy_read(people: Any, yp_client: Any) -> None:
    make_plan(people.young_person, state=PlanState.AUTHORISED, writer=people.adviser)
    page = yp_client.get(EASY_PLAN).content.decode()
    assert "You do not have a plan to read here yet." in page
    assert YOUNG_PERSONS_WORDS not in page


def test_another_young_person_sees_only_their_own_easy_read_plan(people: Any) -> None:
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    other = YoungPersonFactory(team=people.team, category="former_relevant")
    other_account = PortalAccountFactory(young_person=other)

    page = signed_in(other_account.user).get(EASY_PLAN).content.decode()

    assert YOUNG_PERSONS_WORDS not in page
    assert "You do not have a plan to read here yet." in page
    event = AuditEvent.objects.get(actor=other_account.user, detail__page="portal:plan_easy_read")
    assert event.young_person_id == other.pk


@pytest.mark.parametrize("url", [EASY_PLAN, EASY_OFFER])
def test_staff_and_a_young_person_without_an_account_are_refused_the_easy_read(
    people: Any, url: str
) -> None:
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    no_account = UserFactory(roles=[Role.YOUNG_PERSON])
    for user in (people.adviser, people.manager, people.duty, no_account):
        response = signed_in(user).get(url)
        assert response.status_code == 403
        assert YOUNG_PERSONS_WORDS not in response.content.decode()
    easy_read_pages = ["portal:plan_easy_read", "portal:entitlements_easy_read"]
    assert not AuditEvent.objects.filter(action="view", detail__page__in=easy_read_pages).exists()


# What you can get -----------------------------------------------------------------------------


def test_the_easy_read_offer_shows_what_they_can_get_and_lets_them_ask(
    people: Any, yp_client: Any
) -> None:
    page = yp_client.get(EASY_OFFER).content.decode()
    assert "What you can get: easy read" in page
    assert "Free leisure centre pass" in page
    assert reverse("portal:entitlement_ask", args=["leisure_pass"]) in page
    assert page.count(PICTURE) >= 10
    assert f'href="{reverse("portal:entitlements")}"' in page
    assert viewed(people, "portal:entitlements_easy_read")

    yp_client.post(reverse("portal:entitlement_ask", args=["leisure_pass"]), {"text": ""})

    page = yp_client.get(EASY_OFFER).content.decode()
    assert "You asked for this on" in page
    assert reverse("portal:entitlement_ask", args=["leisure_pass"]) not in page


def test_the_full_offer_links_to_its_easy_read(people: Any, yp_client: Any) -> None:
    full = yp_client.get(reverse("portal:entitlements")).content.decode()
    assert f'<a class="govuk-link" href="{EASY_OFFER}">Easy read version</a>' in full


def test_what_opens_later_says_when_in_their_language(people: Any, yp_client: Any) -> None:
    from careleavers.core.dates import birthday

    today = timezone.localdate()
    people.young_person.date_of_birth = birthday(today, -17) - datetime.timedelta(days=40)
    people.young_person.category = "relevant"
    people.young_person.save()
    people.account.language = "ar"
    people.account.save()
    later = presenters.easy_read_statement(people.young_person)["opens_next"]
    assert {entry["trigger"].split(" (")[0] for entry in later} >= {
        "On your 18th birthday",
        "When you start university",
    }

    page = yp_client.get(EASY_OFFER).content.decode()

    assert '<html lang="ar" dir="rtl"' in page
    assert "ما يمكنك الحصول عليه: نسخة سهلة القراءة" in page
    assert "عندما يصبح عمرك 18" in page
    assert "عندما تبدأ الدراسة في الجامعة" in page
    assert "When you" not in page
    assert "On your" not in page
