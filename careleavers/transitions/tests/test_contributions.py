"""What transitions adds to the overview, the chronology and the work tray."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from careleavers.casework.tests.factories import AllocationFactory, allocated_to
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.days import days_ago
from careleavers.people.chronology import chronology_for
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions.models import ChaseKind, Outcome
from careleavers.transitions.tests.factories import (
    HealthProfileFactory,
    ReferralChaseFactory,
    ReferralFactory,
    TransitionPlanFactory,
)

pytestmark = pytest.mark.django_db


def test_the_overview_shows_health_and_the_open_referral_wait(pa: Any, team: Any) -> None:
    person = YoungPersonFactory(team=team)
    HealthProfileFactory(
        young_person=person, gp_practice="Westgate Surgery", dentist_registration="no"
    )
    ReferralFactory(young_person=person, referred_on=days_ago(35))
    client = signed_in(pa)
    content = client.get(reverse("people:overview", kwargs={"pk": person.pk})).content.decode()
    assert "Registered: Westgate Surgery" in content
    assert "Not registered" in content
    assert "Adult mental health services" in content
    assert "Waiting 35 days (target 28 days, 7 days over)" in content


def test_the_overview_says_when_nothing_is_recorded(pa: Any, team: Any) -> None:
    person = YoungPersonFactory(team=team)
    client = signed_in(pa)
    content = client.get(reverse("people:overview", kwargs={"pk": person.pk})).content.decode()
    assert "Not waiting for any service." in content
    assert "Not recorded" in content


def test_the_chronology_has_the_referral_its_decision_and_its_chases(pa: Any) -> None:
    referral = ReferralFactory(
        referred_on=days_ago(40),
        decided_on=days_ago(2),
        outcome=Outcome.THRESHOLD_NOT_MET,
        alternative_support="Weekly mentoring",
    )
    ReferralChaseFactory(
        referral=referral, kind=ChaseKind.ESCALATION, on=days_ago(10), contacted="Head of service"
    )
    entries = chronology_for(young_person=referral.young_person, user=pa, kinds={"referral"})
    assert [entry.title for entry in entries] == [
        "Adult mental health services: threshold not met",
        "Adult mental health services: escalation (Head of service)",
        "Adult mental health services: referred",
    ]
    assert entries[0].summary == "Support given instead: Weekly mentoring"


def test_a_referral_beyond_target_is_in_the_allocated_workers_tray(pa: Any, team: Any) -> None:
    person = allocated_to(pa, team)
    overdue = ReferralFactory(young_person=person, referred_on=days_ago(30))
    ReferralFactory(young_person=YoungPersonFactory(team=team), referred_on=days_ago(60))
    items = [item for item in work_tray_for(user=pa) if item.kind == "referral_overdue"]
    assert len(items) == 1
    assert items[0].young_person == person
    assert items[0].days_overdue == 2
    assert items[0].url.endswith(f"/referrals/{overdue.pk}/")


def test_a_referral_within_target_or_decided_is_not_in_the_tray(pa: Any, team: Any) -> None:
    person = allocated_to(pa, team)
    ReferralFactory(young_person=person, referred_on=days_ago(28))
    ReferralFactory(
        young_person=person,
        referred_on=days_ago(90),
        decided_on=days_ago(1),
        outcome=Outcome.SIGNPOSTED,
    )
    assert not [item for item in work_tray_for(user=pa) if item.kind == "referral_overdue"]


def test_a_young_person_who_needs_a_transition_plan_is_in_the_tray_until_it_starts(
    pa: Any, team: Any
) -> None:
    person = allocated_to(pa, team, has_ehc_plan=True)

    def kinds() -> list[str]:
        return [item.kind for item in work_tray_for(user=pa)]

    assert "transition_plan_needed" in kinds()
    TransitionPlanFactory(young_person=person)
    assert "transition_plan_needed" not in kinds()


@time_machine.travel(datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_a_transition_plan_falls_due_no_earlier_than_the_service_took_them_on(
    pa: Any, team: Any
) -> None:
    """Due on the 16th birthday; but a young person who came to the service at 22 (their
    record made today) has a plan due today, not one overdue since they were 16."""
    today = timezone.localdate()
    came_at_22 = YoungPersonFactory(
        team=team, has_ehc_plan=True, date_of_birth=today.replace(year=today.year - 22)
    )
    AllocationFactory(young_person=came_at_22, worker=pa)
    known_since_15 = YoungPersonFactory(
        team=team, has_ehc_plan=True, date_of_birth=today.replace(year=today.year - 17)
    )
    type(known_since_15).objects.filter(pk=known_since_15.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2 * 365)
    )
    AllocationFactory(young_person=known_since_15, worker=pa)

    items = {
        item.young_person.pk: item
        for item in work_tray_for(user=pa)
        if item.kind == "transition_plan_needed"
    }

    assert (items[came_at_22.pk].due, items[came_at_22.pk].overdue) == (today, False)
    sixteenth = today.replace(year=today.year - 1)
    assert items[known_since_15.pk].due == sixteenth
    assert items[known_since_15.pk].days_overdue == (today - sixteenth).days


@pytest.mark.parametrize("count", [1, 15])
def test_the_tray_items_cost_the_same_queries_for_1_or_15_young_people(
    count: int, pa: Any, team: Any, django_assert_num_queries: Any
) -> None:
    from careleavers.casework.work_tray import WorkTrayScope
    from careleavers.transitions.contributions import (
        overdue_referral_items,
        transition_plan_items,
    )

    for _ in range(count):
        person = allocated_to(pa, team, has_ehc_plan=True)
        ReferralFactory(young_person=person, referred_on=days_ago(40))
    pa = type(pa).objects.get(pk=pa.pk)
    pa.role_names  # noqa: B018
    scope = WorkTrayScope(user=pa, today=timezone.localdate())
    scope.allocated_ids  # noqa: B018 - found once per work tray, shared by every kind
    with django_assert_num_queries(3):
        assert len(overdue_referral_items(scope)) == count
    with django_assert_num_queries(1):
        assert len(transition_plan_items(scope)) == count
