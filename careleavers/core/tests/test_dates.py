"""Months, ages and birthdays, including the month ends and 29 February."""

from __future__ import annotations

import datetime

import pytest

from careleavers.core.dates import add_months, age_on, birthday

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 15), 1, D(2026, 2, 15)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2026, 11, 30), 14, D(2028, 1, 30)),
        (D(2026, 5, 10), -17, D(2024, 12, 10)),
    ],
)
def test_add_months_keeps_the_day_within_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_a_birthday_on_29_february_is_1_march_in_a_common_year_unless_chosen_otherwise():
    born = D(2008, 2, 29)
    assert birthday(born, 18) == D(2026, 3, 1)
    assert birthday(born, 18, leap_day_on_28_february=True) == D(2026, 2, 28)
    assert birthday(born, 16) == D(2024, 2, 29)
    assert birthday(D(2008, 7, 4), 21) == D(2029, 7, 4)


def test_an_age_goes_up_on_the_birthday_and_not_before():
    born = D(2008, 7, 4)
    assert age_on(born, D(2026, 7, 3)) == 17
    assert age_on(born, D(2026, 7, 4)) == 18
    leap = D(2008, 2, 29)
    assert age_on(leap, D(2026, 2, 28)) == 17
    assert age_on(leap, birthday(leap, 18)) == 18
