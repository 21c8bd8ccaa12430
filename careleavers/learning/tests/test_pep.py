"""PEP terms, due dates and who needs one (pep.py); the completion rate is counted by the
database and tested in test_selectors.py."""

from __future__ import annotations

import datetime

import pytest

from careleavers.learning.pep import (
    Term,
    months_back,
    needs_pep,
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


def test_months_back() -> None:
    assert months_back(D(2025, 2, 10), 4) == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
