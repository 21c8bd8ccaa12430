"""Every indicator insight defines, on the known council (tests/conftest.py), against counts made
by hand; and, for every registered indicator, the drill-down has exactly the numerator's rows."""

from __future__ import annotations

from collections.abc import Callable
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


# Each indicator's figure and whose rows its drill-down lists, counted by hand. `_names` reads
# drill-downs of young people; `_people`, drill-downs of their records (PEPs, referrals, ...).
@pytest.mark.parametrize(
    ("key", "figure", "listed", "names"),
    [
        pytest.param(
            "recent_contact",
            Figure(numerator=4, denominator=7),
            _names,
            ["Amy", "Ben", "Cara", "Ivy"],
            id="recent contact counts care leavers with a contact made in the year",
        ),
        # Cara was seen within her council interval (12 weeks, as she chose less contact) but the
        # two-monthly statutory visit in council-provided accommodation is overdue. Fay's only
        # visit is after the day; Dev, Eve, Kit, Gus and Lou have never been seen.
        pytest.param(
            "contacts_within_standard",
            Figure(numerator=2, denominator=10),
            _names,
            ["Amy", "Ivy"],
            id="contacts within standard counts those seen whose next visit is not overdue",
        ),
        pytest.param(
            "pa_by_16_5",
            Figure(numerator=2, denominator=3),
            _names,
            ["Ben", "Dev"],
            id="pa by 16.5 counts an adviser from the day itself",
        ),
        pytest.param(
            "worker_changes",
            Figure(numerator=1, denominator=10),
            _names,
            ["Amy"],
            id="worker changes counts two changes within the year",
        ),
        pytest.param(
            "plans_in_date",
            Figure(numerator=2, denominator=9),
            _names,
            ["Amy", "Cara"],
            id="plans in date counts plans authorised or reviewed in six months",
        ),
        pytest.param(
            "reviews_in_date",
            Figure(numerator=1, denominator=3),
            _names,
            ["Amy"],
            id="reviews in date refuses an overdue request",
        ),
        pytest.param(
            "suitable_accommodation",
            Figure(numerator=1, denominator=6),
            _names,
            ["Amy"],
            id="suitable accommodation leaves out residence not known",
        ),
        pytest.param(
            "eet_17_18",
            Figure(numerator=1, denominator=3),
            _names,
            ["Gus"],
            id="eet 17 18 counts an activity on its last day",
        ),
        pytest.param(
            "eet_19_21",
            Figure(numerator=1, denominator=2),
            _names,
            ["Amy"],
            id="eet 19 21 ignores archived activities and qualifying care leavers",
        ),
        pytest.param(
            "eet_22_25",
            Figure(numerator=1, denominator=2),
            _names,
            ["Cara"],
            id="eet 22 25 ignores activities starting later",
        ),
        pytest.param(
            "documents_at_18",
            Figure(numerator=1, denominator=2),
            _names,
            ["Fay"],
            id="documents at 18 needs every key document",
        ),
        pytest.param(
            "peps_completed",
            Figure(numerator=1, denominator=3),
            _people,
            ["Ben"],
            id="peps completed counts those done by their due date",
        ),
        # Amy 40, Ben 28, Hal 60 and Cara 20 days (decided only after the day).
        pytest.param(
            "referrals_waiting",
            Figure(numerator=4, value=37.0),
            _people,
            ["Amy", "Ben", "Cara", "Hal"],
            id="referrals waiting counts open referrals and their average wait",
        ),
        pytest.param(
            "referrals_over_target",
            Figure(numerator=1, denominator=4),
            _people,
            ["Amy"],
            id="referrals over target is longer than the target not equal",
        ),
        # Amy 100, Ben 100, Gus 50 and Lou 30 days (housed only after the day).
        pytest.param(
            "housing_waiting",
            Figure(numerator=4, value=70.0),
            _people,
            ["Amy", "Ben", "Gus", "Lou"],
            id="housing waiting counts applications not yet housed or closed",
        ),
        pytest.param(
            "housing_over_target",
            Figure(numerator=2, denominator=4),
            _people,
            ["Amy", "Gus"],
            id="housing over target uses the provider target where there is one",
        ),
        pytest.param(
            "allowance_spend",
            Figure(numerator=2, value=750.5),
            _people,
            ["Amy", "Cara"],
            id="allowance spend adds up approved and paid allowance in the year",
        ),
    ],
)
def test_the_indicator_counts_and_lists_what_was_counted_by_hand(
    known: SimpleNamespace,
    key: str,
    figure: Figure,
    listed: Callable[[SimpleNamespace, str], list[str]],
    names: list[str],
):
    assert _figure(known, key) == figure
    assert listed(known, key) == names


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
