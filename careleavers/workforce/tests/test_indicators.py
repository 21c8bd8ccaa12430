"""The workforce indicators over the hand-checked service, and their drill-downs: each lists
exactly as many rows as its numerator."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.insight.indicators import Scope, all_indicators, indicator
from careleavers.people.models import YoungPerson
from careleavers.workforce.indicators import INDICATORS

pytestmark = pytest.mark.django_db

KEYS = [item.key for item in INDICATORS]


def _scope(team_ids: frozenset[int] | None = None) -> Scope:
    staff = User.objects.all() if team_ids is None else User.objects.filter(team__in=team_ids)
    return Scope(
        on=timezone.localdate(),
        young_people=YoungPerson.objects.all(),
        staff=staff,
        team_ids=team_ids,
    )


def test_every_workforce_indicator_is_registered_in_leadership() -> None:
    registered = {item.key: item for item in all_indicators()}
    for key in (
        "supervision_in_time",
        "supervision_graded_reflective",
        "average_caseload_personal_advisers",
        "vacancy_rate",
        "agency_rate",
    ):
        assert registered[key].area == "leadership"


def test_supervision_in_time(service: SimpleNamespace) -> None:
    figure = indicator("supervision_in_time").compute(_scope())
    assert (figure.numerator, figure.denominator, figure.rate) == (2, 5, 40.0)


def test_supervision_graded_reflective_in_the_last_6_months(service: SimpleNamespace) -> None:
    figure = indicator("supervision_graded_reflective").compute(_scope())
    assert (figure.numerator, figure.denominator, figure.rate) == (3, 4, 75.0)


def test_average_caseload_of_personal_advisers(service: SimpleNamespace) -> None:
    figure = indicator("average_caseload_personal_advisers").compute(_scope())
    assert (figure.numerator, figure.value) == (3, 4.0)


def test_vacancy_and_agency_rates(service: SimpleNamespace) -> None:
    vacancy = indicator("vacancy_rate").compute(_scope())
    agency = indicator("agency_rate").compute(_scope())
    assert (vacancy.numerator, vacancy.denominator) == (2, 6)
    assert (agency.numerator, agency.denominator, agency.rate) == (2, 4, 50.0)


def test_a_team_scope_counts_only_that_team(service: SimpleNamespace) -> None:
    scope = _scope(frozenset({service.a.pk}))
    assert indicator("vacancy_rate").compute(scope).rate == 25.0
    assert indicator("supervision_in_time").compute(scope).numerator == 2
    assert indicator("supervision_in_time").compute(scope).denominator == 3


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("team", [None, "a", "b"])
def test_each_drill_down_has_as_many_rows_as_the_numerator(
    service: SimpleNamespace, key: str, team: str | None
) -> None:
    scope = _scope(None if team is None else frozenset({getattr(service, team).pk}))
    item = indicator(key)
    figure = item.compute(scope)
    members = list(item.members(scope))
    assert len(members) == figure.numerator
    assert all(str(member) for member in members)


@pytest.mark.parametrize("key", ["supervision_in_time", "supervision_graded_reflective"])
def test_those_not_counted_are_the_rest_of_the_denominator(
    service: SimpleNamespace, key: str
) -> None:
    item = indicator(key)
    assert item.exceptions is not None
    figure = item.compute(_scope())
    assert item.exceptions(_scope()).count() == (figure.denominator or 0) - figure.numerator


def test_the_reflective_drill_down_names_records_but_never_their_notes(
    service: SimpleNamespace,
) -> None:
    members = list(indicator("supervision_graded_reflective").members(_scope()))
    assert members
    assert all("rent" not in str(member) for member in members)
