"""Every indicator insight defines, on the known council (tests/conftest.py), against counts made
by hand; and, for every registered indicator, the drill-down has exactly the numerator's rows."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from careleavers.insight.allocations import allocated_on, staff_users
from careleavers.insight.indicators import Figure, Scope, all_indicators, indicator
from careleavers.people.models import YoungPerson

pytestmark = pytest.mark.django_db


def _scope(known: SimpleNamespace, young_people: Any = None, **extra: Any) -> Scope:
    return Scope(
        on=known.on,
        young_people=YoungPerson.objects.live() if young_people is None else young_people,
        staff=staff_users(),
        **extra,
    )


def _figure(known: SimpleNamespace, key: str) -> Figure:
    return indicator(key).compute(_scope(known))


def _names(known: SimpleNamespace, key: str) -> list[str]:
    return sorted(str(row.first_name) for row in indicator(key).members(_scope(known)))


def _people(known: SimpleNamespace, key: str) -> list[str]:
    return sorted(row.young_person.first_name for row in indicator(key).members(_scope(known)))


def test_recent_contact_counts_care_leavers_with_a_contact_made_in_the_year(known):
    assert _figure(known, "recent_contact") == Figure(numerator=4, denominator=7)
    assert _names(known, "recent_contact") == ["Amy", "Ben", "Cara", "Ivy"]


def test_contacts_within_standard_counts_those_seen_whose_next_visit_is_not_overdue(known):
    # Cara was seen within her council interval (12 weeks, as she chose less contact) but the
    # two-monthly statutory visit in council-provided accommodation is overdue. Fay's only
    # visit is after the day; Dev, Eve, Kit, Gus and Lou have never been seen.
    assert _figure(known, "contacts_within_standard") == Figure(numerator=2, denominator=10)
    assert _names(known, "contacts_within_standard") == ["Amy", "Ivy"]


def test_pa_by_16_5_counts_an_adviser_from_the_day_itself(known):
    assert _figure(known, "pa_by_16_5") == Figure(numerator=2, denominator=3)
    assert _names(known, "pa_by_16_5") == ["Ben", "Dev"]


def test_worker_changes_counts_two_changes_within_the_year(known):
    assert _figure(known, "worker_changes") == Figure(numerator=1, denominator=10)
    assert _names(known, "worker_changes") == ["Amy"]


def test_plans_in_date_counts_plans_authorised_or_reviewed_in_six_months(known):
    assert _figure(known, "plans_in_date") == Figure(numerator=2, denominator=9)
    assert _names(known, "plans_in_date") == ["Amy", "Cara"]


def test_reviews_in_date_refuses_an_overdue_request(known):
    assert _figure(known, "reviews_in_date") == Figure(numerator=1, denominator=3)
    assert _names(known, "reviews_in_date") == ["Amy"]


def test_suitable_accommodation_leaves_out_residence_not_known(known):
    assert _figure(known, "suitable_accommodation") == Figure(numerator=1, denominator=6)
    assert _names(known, "suitable_accommodation") == ["Amy"]


def test_eet_17_18_counts_an_activity_on_its_last_day(known):
    assert _figure(known, "eet_17_18") == Figure(numerator=1, denominator=3)
    assert _names(known, "eet_17_18") == ["Gus"]


def test_eet_19_21_ignores_archived_activities_and_qualifying_care_leavers(known):
    assert _figure(known, "eet_19_21") == Figure(numerator=1, denominator=2)
    assert _names(known, "eet_19_21") == ["Amy"]


def test_eet_22_25_ignores_activities_starting_later(known):
    assert _figure(known, "eet_22_25") == Figure(numerator=1, denominator=2)
    assert _names(known, "eet_22_25") == ["Cara"]


def test_documents_at_18_needs_every_key_document(known):
    assert _figure(known, "documents_at_18") == Figure(numerator=1, denominator=2)
    assert _names(known, "documents_at_18") == ["Fay"]


def test_peps_completed_counts_those_done_by_their_due_date(known):
    assert _figure(known, "peps_completed") == Figure(numerator=1, denominator=3)
    assert _people(known, "peps_completed") == ["Ben"]


def test_referrals_waiting_counts_open_referrals_and_their_average_wait(known):
    # Amy 40, Ben 28, Hal 60 and Cara 20 days (decided only after the day).
    assert _figure(known, "referrals_waiting") == Figure(numerator=4, value=37.0)
    assert _people(known, "referrals_waiting") == ["Amy", "Ben", "Cara", "Hal"]


def test_referrals_over_target_is_longer_than_the_target_not_equal(known):
    assert _figure(known, "referrals_over_target") == Figure(numerator=1, denominator=4)
    assert _people(known, "referrals_over_target") == ["Amy"]


def test_housing_waiting_counts_applications_not_yet_housed_or_closed(known):
    # Amy 100, Ben 100, Gus 50 and Lou 30 days (housed only after the day).
    assert _figure(known, "housing_waiting") == Figure(numerator=4, value=70.0)
    assert _people(known, "housing_waiting") == ["Amy", "Ben", "Gus", "Lou"]


def test_housing_over_target_uses_the_provider_target_where_there_is_one(known):
    assert _figure(known, "housing_over_target") == Figure(numerator=2, denominator=4)
    assert _people(known, "housing_over_target") == ["Amy", "Gus"]


def test_allowance_spend_adds_up_approved_and_paid_allowance_in_the_year(known):
    assert _figure(known, "allowance_spend") == Figure(numerator=2, value=750.5)
    assert _people(known, "allowance_spend") == ["Amy", "Cara"]


def test_every_drill_down_has_exactly_the_numerators_rows(known):
    scope = _scope(known)
    wrong = {}
    for item in all_indicators():
        figure = item.compute(scope)
        rows = len(list(item.members(scope)))
        if rows != figure.numerator or item.members(scope).count() != figure.numerator:
            wrong[item.key] = (figure.numerator, rows)
    assert not wrong, f"indicator: (numerator, drill-down rows) {wrong}"


def test_those_not_counted_are_the_rest_of_the_denominator(known):
    scope = _scope(known)
    checked = 0
    for item in all_indicators():
        if item.exceptions is None:
            continue
        figure = item.compute(scope)
        assert item.exceptions(scope).count() == (figure.denominator or 0) - figure.numerator, (
            item.key
        )
        checked += 1
    assert checked >= 12


def test_a_breakdown_agrees_with_computing_each_team_and_worker(known):
    checked = 0
    for item in all_indicators():
        if item.breakdown is None:
            continue
        found = item.breakdown(_scope(known))
        assert found.whole == item.compute(_scope(known)), item.key
        for team in (known.team_a, known.team_b):
            alone = item.compute(
                _scope(
                    known,
                    YoungPerson.objects.live().filter(team=team),
                    team_ids=frozenset({team.pk}),
                )
            )
            assert found.teams.get(team.pk, _empty(item)) == alone, (item.key, team)
        for worker in (known.pa1, known.pa2, known.sw1):
            caseload = YoungPerson.objects.live().filter(allocated_on(worker.pk, known.on))
            alone = item.compute(_scope(known, caseload))
            assert found.workers.get(worker.pk, _empty(item)) == alone, (item.key, worker)
        checked += 1
    assert checked >= 17


def _empty(item: Any) -> Figure:
    if item.unit == "percent":
        return Figure(numerator=0, denominator=0)
    if item.unit == "money":
        return Figure(numerator=0, value=0.0)
    return Figure(numerator=0)


def test_figures_follow_the_scope_given(known):
    team_a = YoungPerson.objects.live().filter(team=known.team_a)
    figure = indicator("recent_contact").compute(_scope(known, team_a))
    # Team A's care leavers: Amy, Ben, Fay and Ivy; in touch: Amy, Ben and Ivy.
    assert figure == Figure(numerator=3, denominator=4)


def test_a_past_day_counts_as_things_stood_then(known):
    import datetime

    earlier = Scope(
        on=known.on - datetime.timedelta(days=25),
        young_people=YoungPerson.objects.live(),
        staff=staff_users(),
    )
    # 25 days earlier Amy's contact (20 days before the day) had not happened; Ben's and
    # Cara's (70 days before) and Ivy's (30 days before) had.
    assert sorted(row.first_name for row in indicator("recent_contact").members(earlier)) == [
        "Ben",
        "Cara",
        "Ivy",
    ]
