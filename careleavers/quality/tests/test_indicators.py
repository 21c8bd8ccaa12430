"""The indicators quality registers with insight: figures over a known dataset, and a
drill-down with exactly as many rows as the numerator."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from careleavers.accounts.models import User
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.core.dates import add_months, month_start
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.insight.indicators import Scope, indicator
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.indicators import INDICATORS
from careleavers.quality.tests.factories import (
    AuditTargetFactory,
    CaseAuditFactory,
    OversightEntryFactory,
)

pytestmark = pytest.mark.django_db


def _scope(team_ids: frozenset[int] | None = None) -> Scope:
    people = YoungPerson.objects.live()
    if team_ids is not None:
        people = people.filter(team_id__in=team_ids)
    return Scope(on=TODAY, young_people=people, staff=User.objects.all(), team_ids=team_ids)


@pytest.fixture
def data() -> SimpleNamespace:
    """North: target 3 this month; Ann audited twice this month (good, then inadequate), Ben
    once last month (outstanding). South: target 1; Cat audited this month (requires
    improvement). Oversight: Ann 10 days ago, Ben 4 months ago, Cat none, Dan (south) 1 month
    ago."""
    north, south = TeamFactory(), TeamFactory()
    AuditTargetFactory(team=north, target=3)
    AuditTargetFactory(team=south, target=1)
    ann = YoungPersonFactory(team=north, first_name="Ann")
    ben = YoungPersonFactory(team=north, first_name="Ben")
    cat = YoungPersonFactory(team=south, first_name="Cat")
    dan = YoungPersonFactory(team=south, first_name="Dan")
    CaseAuditFactory(young_person=ann, completed_on=TODAY, grade="good")
    CaseAuditFactory(young_person=ann, completed_on=month_start(TODAY), grade="inadequate")
    CaseAuditFactory(
        young_person=ben, completed_on=add_months(month_start(TODAY), -1), grade="outstanding"
    )
    CaseAuditFactory(young_person=cat, completed_on=TODAY, grade="requires_improvement")
    CaseAuditFactory(young_person=dan)  # in progress
    OversightEntryFactory(young_person=ann, recorded_on=days_ago(10))
    OversightEntryFactory(young_person=ben, recorded_on=add_months(TODAY, -4))
    OversightEntryFactory(young_person=dan, recorded_on=add_months(TODAY, -1))
    return SimpleNamespace(north=north, south=south, ann=ann, ben=ben, cat=cat, dan=dan)


def test_audits_against_target_for_the_service(data: SimpleNamespace) -> None:
    figure = indicator("audits_against_target").compute(_scope())
    assert (figure.numerator, figure.denominator) == (3, 4)
    assert figure.rate == 75.0


def test_audits_against_target_for_a_team(data: SimpleNamespace) -> None:
    figure = indicator("audits_against_target").compute(_scope(frozenset({data.north.pk})))
    assert (figure.numerator, figure.denominator) == (2, 3)


def test_the_drill_down_lists_a_young_person_for_each_audit(data: SimpleNamespace) -> None:
    members = list(indicator("audits_against_target").members(_scope()))
    assert sorted(person.first_name for person in members) == ["Ann", "Ann", "Cat"]


def test_audits_good_or_better(data: SimpleNamespace) -> None:
    figure = indicator("audits_good_or_better").compute(_scope())
    assert (figure.numerator, figure.denominator) == (2, 4)
    members = indicator("audits_good_or_better").members(_scope())
    assert sorted(person.first_name for person in members) == ["Ann", "Ben"]


def test_cases_with_oversight_in_the_last_three_months(data: SimpleNamespace) -> None:
    figure = indicator("oversight_last_3_months").compute(_scope())
    assert (figure.numerator, figure.denominator) == (2, 4)
    members = indicator("oversight_last_3_months").members(_scope())
    assert sorted(person.first_name for person in members) == ["Ann", "Dan"]


def test_a_restricted_scope_counts_only_its_young_people(data: SimpleNamespace) -> None:
    scope = Scope(
        on=TODAY,
        young_people=YoungPerson.objects.filter(pk=data.cat.pk),
        staff=User.objects.none(),
    )
    assert indicator("audits_against_target").compute(scope).numerator == 1
    assert indicator("oversight_last_3_months").compute(scope).numerator == 0


@pytest.mark.parametrize("registered", INDICATORS, ids=lambda item: item.key)
@pytest.mark.parametrize("team", ["service", "north"])
def test_every_drill_down_has_as_many_rows_as_the_numerator(
    registered: object, team: str, data: SimpleNamespace
) -> None:
    scope = _scope(frozenset({data.north.pk}) if team == "north" else None)
    figure = registered.compute(scope)  # type: ignore[attr-defined]
    members = registered.members(scope)  # type: ignore[attr-defined]
    assert members.count() == figure.numerator
    assert len(list(members)) == figure.numerator


def test_the_indicators_are_registered() -> None:
    for registered in INDICATORS:
        assert indicator(registered.key) is registered
