"""Reads: visibility, constant query counts, and agreement with the pure functions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.tests.days import days_ago
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions import selectors
from careleavers.transitions.models import HealthProfile, Outcome
from careleavers.transitions.needs import has_complex_needs, needs_transition_plan
from careleavers.transitions.tests.factories import (
    HealthProfileFactory,
    MilestoneFactory,
    ReferralChaseFactory,
    ReferralFactory,
    TransitionPlanFactory,
)
from careleavers.transitions.waits import ADULT, UNDER_18

pytestmark = pytest.mark.django_db


def test_the_waiting_list_shows_only_young_people_the_user_can_see(
    manager: Any, team: Any
) -> None:
    mine = ReferralFactory(young_person=YoungPersonFactory(team=team))
    ReferralFactory(young_person=YoungPersonFactory(team=TeamFactory()))
    ReferralFactory(
        young_person=YoungPersonFactory(team=team, is_restricted=True),
    )
    assert list(selectors.waiting_list_visible_to(user=manager)) == [mine]


def test_the_waiting_list_leaves_out_decided_and_withdrawn_referrals(
    manager: Any, team: Any
) -> None:
    person = YoungPersonFactory(team=team)
    waiting = ReferralFactory(young_person=person, referred_on=days_ago(40))
    ReferralFactory(young_person=person, decided_on=days_ago(1), outcome=Outcome.SIGNPOSTED)
    ReferralFactory(young_person=person, withdrawn_on=days_ago(1))
    rows = selectors.waiting_rows(
        selectors.waiting_list_visible_to(user=manager), today=timezone.localdate()
    )
    assert [(row.referral, row.wait, row.over_target) for row in rows] == [(waiting, 40, True)]


def test_the_waiting_list_filters_by_age_when_referred(manager: Any, team: Any) -> None:
    today = timezone.localdate()
    child = YoungPersonFactory(team=team, date_of_birth=today.replace(year=today.year - 17))
    adult = YoungPersonFactory(
        team=team, date_of_birth=today.replace(year=today.year - 20) - datetime.timedelta(days=3)
    )
    ReferralFactory(young_person=child)
    ReferralFactory(young_person=adult)
    under = selectors.waiting_list_visible_to(user=manager, age_group=UNDER_18)
    over = selectors.waiting_list_visible_to(user=manager, age_group=ADULT)
    assert [row.young_person for row in under] == [child]
    assert [row.young_person for row in over] == [adult]
    assert [row.age_when_referred for row in selectors.waiting_rows(under, today=today)] == [16]


def _referrals_in_team(team: Any, count: int) -> None:
    for index in range(count):
        referral = ReferralFactory(
            young_person=YoungPersonFactory(team=team), referred_on=days_ago(5 + index)
        )
        ReferralChaseFactory(referral=referral)


@pytest.fixture
def manager_as_requested(manager: Any) -> Any:
    """The manager read again with their roles loaded, as the request does before the view, so
    that only the view's own queries are counted."""
    manager = type(manager).objects.get(pk=manager.pk)
    manager.role_names  # noqa: B018
    return manager


@pytest.mark.parametrize("count", [1, 15])
def test_the_waiting_list_costs_the_same_queries_for_1_or_15_rows(
    count: int, manager_as_requested: Any, team: Any, django_assert_num_queries: Any
) -> None:
    _referrals_in_team(team, count)
    with django_assert_num_queries(2):  # the manager's teams, the page with its chases
        rows = selectors.waiting_rows(
            selectors.waiting_list_visible_to(user=manager_as_requested),
            today=timezone.localdate(),
        )
        for row in rows:
            assert row.referral.young_person.display_name
            assert row.referral.service.name
            assert row.referral.last_chased_on == timezone.localdate()
    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 15])
def test_monthly_and_by_service_figures_cost_the_same_queries_for_1_or_15_rows(
    count: int, manager_as_requested: Any, team: Any, django_assert_num_queries: Any
) -> None:
    _referrals_in_team(team, count)
    today = timezone.localdate()
    with django_assert_num_queries(5):
        months = selectors.monthly_waits_visible_to(user=manager_as_requested, today=today)
        by_service = selectors.waiting_by_service_visible_to(
            user=manager_as_requested, today=today
        )
    assert months[-1].waiting == count
    assert sum(row.figures.waiting for row in by_service) == count


def test_monthly_figures_count_a_referral_decided_this_month(manager: Any, team: Any) -> None:
    today = timezone.localdate()
    ReferralFactory(
        young_person=YoungPersonFactory(team=team),
        referred_on=today.replace(day=1),
        decided_on=today,
        outcome=Outcome.THRESHOLD_MET,
    )
    months = selectors.monthly_waits_visible_to(user=manager, today=today)
    assert months[-1].decided == 1
    assert months[-1].decided_median == (today - today.replace(day=1)).days


@pytest.mark.parametrize("count", [1, 15])
def test_the_not_met_list_costs_the_same_queries_for_1_or_15_rows(
    count: int, manager_as_requested: Any, team: Any, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        ReferralFactory(
            young_person=YoungPersonFactory(team=team, has_ehc_plan=True),
            decided_on=days_ago(0),
            outcome=Outcome.THRESHOLD_NOT_MET,
            alternative_support="Mentoring",
        )
    with django_assert_num_queries(2):
        referrals = list(selectors.complex_needs_not_met_visible_to(user=manager_as_requested))
        for referral in referrals:
            assert referral.young_person.display_name
            assert referral.service.name
    assert len(referrals) == count


@pytest.mark.parametrize("count", [1, 15])
def test_the_planning_list_costs_the_same_queries_for_1_or_15_rows(
    count: int, manager_as_requested: Any, team: Any, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        plan = TransitionPlanFactory(young_person=YoungPersonFactory(team=team, has_ehc_plan=True))
        MilestoneFactory(plan=plan, due_on=days_ago(3))
    today = timezone.localdate()
    with django_assert_num_queries(3):  # the manager's teams, the list, the page's records
        pks = selectors.transition_planning_visible_to(
            user=manager_as_requested, today=today
        ).values_list("pk", flat=True)
        people = selectors.planning_rows(list(pks), today=today)
        for person in people:
            assert person.team.name
            assert person.overdue_milestones == 1
    assert len(people) == count


def test_the_planning_list_puts_those_without_a_plan_first(manager: Any, team: Any) -> None:
    with_plan = TransitionPlanFactory(
        young_person=YoungPersonFactory(team=team, has_ehc_plan=True)
    ).young_person
    without = YoungPersonFactory(team=team, learning_needs="Moderate learning difficulty")
    YoungPersonFactory(team=team)  # no EHC plan or learning needs: not listed
    today = timezone.localdate()
    pks = selectors.transition_planning_visible_to(user=manager, today=today).values_list(
        "pk", flat=True
    )
    people = selectors.planning_rows(list(pks), today=today)
    assert people == [without, with_plan]
    assert [person.plan_started_on for person in people] == [
        None,
        with_plan.transition_plan.started_on,
    ]


def test_referrals_for_a_young_person_come_open_first(manager: Any, team: Any) -> None:
    person = YoungPersonFactory(team=team)
    decided = ReferralFactory(
        young_person=person,
        referred_on=days_ago(3),
        decided_on=days_ago(1),
        outcome=Outcome.THRESHOLD_MET,
    )
    waiting = ReferralFactory(young_person=person, referred_on=days_ago(30))
    rows = selectors.referrals_for(young_person=person, today=timezone.localdate())
    assert [row.referral for row in rows] == [waiting, decided]


class ComplexNeedsAgreeWithThePureRule(HypothesisTestCase):
    """The database query for complex needs and `needs.has_complex_needs` agree."""

    @settings(max_examples=25, deadline=None)
    @given(
        ehc=st.booleans(),
        learning=st.sampled_from(["", "  ", "Dyslexia"]),
        disability=st.sampled_from(["", " ", "Autism"]),
        mental_health=st.sampled_from([None, False, True]),
    )
    def test_query_and_pure_rule_agree(
        self, ehc: bool, learning: str, disability: str, mental_health: bool | None
    ) -> None:
        person = YoungPersonFactory(
            has_ehc_plan=ehc, learning_needs=learning, disability=disability
        )
        if mental_health is not None:
            HealthProfileFactory(young_person=person, mental_health_needs=mental_health)
        found = selectors.young_people_with_complex_needs(
            YoungPerson.objects.filter(pk=person.pk)
        ).exists()
        expected = has_complex_needs(
            has_ehc_plan=ehc,
            learning_needs=learning,
            disability=disability,
            mental_health_needs=bool(mental_health),
        )
        assert found is expected


class PlanningListAgreesWithThePureRule(HypothesisTestCase):
    """The planning list's age cut-offs agree with `needs.needs_transition_plan`."""

    @settings(max_examples=25, deadline=None)
    @given(days_old=st.integers(min_value=15 * 365, max_value=26 * 365))
    def test_list_and_rule_agree(self, days_old: int) -> None:
        today = timezone.localdate()
        head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
        person = YoungPersonFactory(
            has_ehc_plan=True, date_of_birth=today - datetime.timedelta(days=days_old)
        )
        listed = (
            selectors.transition_planning_visible_to(user=head, today=today)
            .filter(pk=person.pk)
            .exists()
        )
        assert listed is needs_transition_plan(
            date_of_birth=person.date_of_birth,
            has_ehc_plan=True,
            has_learning_needs=False,
            today=today,
        )


def test_the_not_met_list_is_those_the_pure_rule_finds_complex_needs_for(
    manager: Any, team: Any
) -> None:
    def refused(**needs: Any) -> Any:
        mental_health = needs.pop("mental_health", None)
        person = YoungPersonFactory(team=team, **needs)
        if mental_health is not None:
            HealthProfileFactory(young_person=person, mental_health_needs=mental_health)
        return ReferralFactory(
            young_person=person,
            decided_on=days_ago(len(needs) + 1),
            outcome=Outcome.THRESHOLD_NOT_MET,
            alternative_support="Mentoring",
        )

    cases = [
        refused(has_ehc_plan=True),
        refused(learning_needs="Dyslexia"),
        refused(learning_needs="  "),
        refused(disability="Autism"),
        refused(mental_health=True),
        refused(mental_health=False),
        refused(),
    ]
    listed = set(selectors.complex_needs_not_met_visible_to(user=manager))
    expected = {
        referral
        for referral in cases
        if has_complex_needs(
            has_ehc_plan=referral.young_person.has_ehc_plan,
            learning_needs=referral.young_person.learning_needs,
            disability=referral.young_person.disability,
            mental_health_needs=HealthProfile.objects.filter(
                young_person=referral.young_person, mental_health_needs=True
            ).exists(),
        )
    }
    assert listed == expected
    assert len(expected) == 4
