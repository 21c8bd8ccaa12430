"""Never lower a category from partial history (people/reported.py): pure rules, from the
primary text the ageing follows (CA 1989 s.23C(1), s.23CZB, s.24(2), s.24B)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.people.category import Category, CategoryDecision
from careleavers.people.reported import RANK, Report, hold_reported, reported_category_on

BORN = date(2005, 9, 1)
NONE = CategoryDecision(Category.NONE, None, "Not looked after at any time since 14.")


@pytest.mark.parametrize(
    ("reported", "on", "expected"),
    [
        # A relevant child becomes former relevant at 18 (s.23C(1)), owed help to 25 (s.23CZB).
        (Category.RELEVANT, date(2023, 3, 1), Category.RELEVANT),
        (Category.RELEVANT, date(2023, 9, 1), Category.FORMER_RELEVANT),
        (Category.FORMER_RELEVANT, date(2030, 8, 31), Category.FORMER_RELEVANT),
        (Category.FORMER_RELEVANT, date(2030, 9, 1), Category.NONE),
        # Qualifying: to 21, or 25 in education (s.24(2), s.24B); a return does not say which.
        (Category.QUALIFYING, date(2027, 9, 1), Category.QUALIFYING),
        (Category.QUALIFYING, date(2030, 9, 1), Category.NONE),
        # Nobody is a care leaver before 16.
        (Category.RELEVANT, date(2021, 8, 31), Category.NONE),
    ],
)
def test_a_report_ages_as_the_law_ages_categories(reported, on, expected):
    report = Report(reported, 2024, "2023-24, OC3")
    assert reported_category_on(report, date_of_birth=BORN, on=on) is expected


def test_a_report_holds_a_category_the_history_held_cannot_show():
    held = hold_reported(
        NONE,
        [Report(Category.FORMER_RELEVANT, 2026, "2025-26, OC3")],
        date_of_birth=BORN,
        on=date(2026, 12, 5),
    )
    assert held.decision.category is Category.FORMER_RELEVANT
    assert held.decision.since == date(2023, 9, 1)
    assert "SSDA903 return for 2025 to 2026 (2025-26, OC3)" in held.decision.reason
    assert held.held_up


def test_a_history_that_shows_as_much_confirms_the_report():
    derived = CategoryDecision(Category.FORMER_RELEVANT, date(2023, 9, 1), "From episodes.")
    held = hold_reported(
        derived,
        [Report(Category.RELEVANT, 2023, "2022-23")],
        date_of_birth=BORN,
        on=date(2026, 1, 1),
    )
    assert held.decision is derived
    assert not held.held_up


def test_the_strongest_latest_report_holds():
    held = hold_reported(
        NONE,
        [
            Report(Category.QUALIFYING, 2026, "2025-26"),
            Report(Category.FORMER_RELEVANT, 2024, "2023-24"),
        ],
        date_of_birth=BORN,
        on=date(2026, 12, 5),
    )
    assert held.decision.category is Category.FORMER_RELEVANT
    assert {report.collection_year for report in held.unconfirmed} == {2024, 2026}


categories = st.sampled_from(list(Category))
days = st.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31))


@given(categories, st.lists(st.tuples(categories, st.integers(2018, 2031)), max_size=4), days)
def test_the_held_category_is_never_lower_than_derived_or_reported(derived, reports, on):
    decision = CategoryDecision(derived, None, "Derived.")
    held = hold_reported(
        decision,
        [Report(category, year, "file") for category, year in reports],
        date_of_birth=BORN,
        on=on,
    )
    assert RANK[held.decision.category] >= RANK[derived]
    for category, year in reports:
        aged = reported_category_on(Report(category, year, "file"), date_of_birth=BORN, on=on)
        assert RANK[held.decision.category] >= RANK[aged]
    if not held.held_up:
        assert held.decision is decision
