"""PEP terms, due dates, who needs one, and the completion rate by month (pep.py)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.learning.pep import (
    MonthCompletion,
    PepValue,
    Term,
    months_back,
    needs_pep,
    overall_completion,
    pep_completion_by_month,
    pep_due_on,
    school_term,
    term_on,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (D(2025, 9, 1), "Autumn term 2025/26"),
        (D(2025, 12, 31), "Autumn term 2025/26"),
        (D(2026, 1, 1), "Spring term 2025/26"),
        (D(2026, 3, 31), "Spring term 2025/26"),
        (D(2026, 4, 1), "Summer term 2025/26"),
        (D(2026, 7, 31), "Summer term 2025/26"),
        (D(1999, 9, 1), "Autumn term 1999/00"),
    ],
)
def test_term_on(day: datetime.date, label: str) -> None:
    term = term_on(day)
    assert term is not None
    assert term.label == label
    assert term.starts <= day <= term.ends


def test_august_has_no_term() -> None:
    assert term_on(D(2025, 8, 15)) is None


@pytest.mark.parametrize(
    ("term", "found_on", "expected"),
    [
        (Term.AUTUMN, None, D(2025, 10, 13)),
        (Term.SPRING, None, D(2026, 2, 12)),
        (Term.SUMMER, None, D(2026, 5, 13)),
        # Found on the first day of term: the usual date.
        (Term.AUTUMN, D(2025, 9, 1), D(2025, 10, 13)),
        # Found late: 28 days from then.
        (Term.AUTUMN, D(2025, 10, 1), D(2025, 10, 29)),
        # Never after the term ends.
        (Term.AUTUMN, D(2025, 12, 20), D(2025, 12, 31)),
    ],
)
def test_pep_due_dates(
    term: Term, found_on: datetime.date | None, expected: datetime.date
) -> None:
    assert pep_due_on(school_term(2025, term), weeks_into_term=6, found_on=found_on) == expected


@pytest.mark.parametrize(
    ("born", "on", "in_care", "in_education", "expected"),
    [
        (D(2009, 9, 1), D(2025, 9, 1), True, True, True),  # 16th birthday
        (D(2009, 9, 2), D(2025, 9, 1), True, True, False),  # 15, a day short
        (D(2007, 9, 2), D(2025, 9, 1), True, True, True),  # last day before 18
        (D(2007, 9, 1), D(2025, 9, 1), True, True, False),  # 18th birthday: care has ended
        (D(2008, 1, 1), D(2025, 9, 1), False, True, False),  # left care
        (D(2008, 1, 1), D(2025, 9, 1), True, False, False),  # not in education
    ],
)
def test_who_needs_a_pep(
    born: datetime.date, on: datetime.date, in_care: bool, in_education: bool, expected: bool
) -> None:
    assert (
        needs_pep(
            date_of_birth=born, on=on, in_care=in_care, in_education_or_training=in_education
        )
        is expected
    )


def test_completion_rate_on_a_known_dataset() -> None:
    today = D(2025, 11, 20)
    peps = [
        # October: 4 due; 2 on time (one on the day), 1 late, 1 not done.
        PepValue(D(2025, 10, 13), D(2025, 10, 1)),
        PepValue(D(2025, 10, 13), D(2025, 10, 13)),
        PepValue(D(2025, 10, 13), D(2025, 10, 20)),
        PepValue(D(2025, 10, 13), None),
        # November: one due already (on time); one due later this month, not counted yet.
        PepValue(D(2025, 11, 3), D(2025, 11, 1)),
        PepValue(D(2025, 11, 28), None),
        # Outside the months asked for.
        PepValue(D(2025, 5, 13), None),
    ]
    rows = pep_completion_by_month(peps, months=[(2025, 9), (2025, 10), (2025, 11)], today=today)
    assert rows == [
        MonthCompletion(2025, 9, due=0, on_time=0, late=0, outstanding=0),
        MonthCompletion(2025, 10, due=4, on_time=2, late=1, outstanding=1),
        MonthCompletion(2025, 11, due=1, on_time=1, late=0, outstanding=0),
    ]
    assert [row.rate for row in rows] == [None, 50.0, 100.0]
    overall = overall_completion(rows)
    assert overall is not None
    assert (overall.due, overall.on_time, overall.rate) == (5, 3, 60.0)
    assert rows[1].label == "October 2025"


def test_months_back() -> None:
    assert months_back(D(2025, 2, 10), 4) == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]


peps_strategy = st.lists(
    st.builds(
        PepValue,
        due_on=st.dates(min_value=D(2024, 1, 1), max_value=D(2025, 12, 31)),
        completed_on=st.one_of(
            st.none(), st.dates(min_value=D(2023, 12, 1), max_value=D(2026, 1, 31))
        ),
    ),
    max_size=30,
)


@given(peps_strategy, st.dates(min_value=D(2024, 1, 1), max_value=D(2025, 12, 31)))
def test_the_rate_adds_up_and_stays_between_0_and_100(
    peps: list[PepValue], today: datetime.date
) -> None:
    rows = pep_completion_by_month(peps, months=months_back(today, 24), today=today)
    for row in rows:
        assert row.due == row.on_time + row.late + row.outstanding
        assert row.rate is None or 0 <= row.rate <= 100
    counted = sum(row.due for row in rows)
    assert counted == sum(1 for pep in peps if pep.due_on <= today)
