"""How referrals, waits and health read on the pages."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions import presenters
from careleavers.transitions.models import Outcome
from careleavers.transitions.selectors import with_wait
from careleavers.transitions.tests.factories import HealthProfileFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "text", "tag"),
    [
        ({"referred_on": days_ago(10)}, "Waiting 10 days (target 28 days)", "Waiting"),
        (
            {"referred_on": days_ago(29)},
            "Waiting 29 days (target 28 days, 1 day over)",
            "Waiting: over target",
        ),
        (
            {
                "referred_on": days_ago(20),
                "decided_on": days_ago(5),
                "outcome": Outcome.THRESHOLD_NOT_MET,
                "alternative_support": "Mentoring",
            },
            "Waited 15 days (target 28 days)",
            "Threshold not met",
        ),
        (
            {"referred_on": days_ago(40), "withdrawn_on": days_ago(1)},
            "Waited 39 days (target 28 days, 11 days over)",
            "Withdrawn",
        ),
    ],
)
def test_a_referral_reads_as_its_wait_against_target_and_its_status(
    fields: dict, text: str, tag: str
) -> None:
    row = with_wait(ReferralFactory(**fields), today=timezone.localdate())
    assert presenters.wait_text(row) == text
    assert f">{tag}<" in presenters.status_tag(row.referral, over_target=row.over_target)


def test_health_with_nothing_recorded_shows_empty_values_not_guesses() -> None:
    rows = presenters.health_rows(None)
    assert [row["value"] for row in rows] == [""] * 5


def test_health_reads_in_plain_words() -> None:
    profile = HealthProfileFactory(
        gp_practice="Westgate Surgery",
        dentist_registration="unknown",
        is_pregnant=True,
        due_on=datetime.date(2026, 1, 5),
        is_parent=True,
        number_of_children=2,
    )
    values = {row["key"]: row["value"] for row in presenters.health_rows(profile)}
    assert values["GP"] == "Registered: Westgate Surgery"
    assert values["Dentist"] == "Not known"
    assert values["Health history summary given"] == "Not given yet"
    assert values["Pregnancy and parenting"] == [
        "Pregnant, due 5 January 2026",
        "Parent of 2 children",
    ]


def test_the_planning_status_says_why_a_plan_is_needed() -> None:
    today = timezone.localdate()
    needs = YoungPersonFactory(has_ehc_plan=True)
    assert "They need a transition plan" in presenters.planning_status(
        needs, has_plan=False, today=today
    )
    assert presenters.planning_status(needs, has_plan=True, today=today) == ""
    assert "do not need" in presenters.planning_status(
        YoungPersonFactory(), has_plan=False, today=today
    )
