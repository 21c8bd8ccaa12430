"""Months, ages and birthdays, including the month ends and 29 February."""

from __future__ import annotations

import datetime

import pytest

from careleavers.core import dates
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
        # The two-monthly statutory visit (casework's contact standard) from a month's end.
        (D(2026, 12, 31), 2, D(2027, 2, 28)),
        (D(2027, 12, 31), 2, D(2028, 2, 29)),
        (D(2027, 1, 15), 2, D(2027, 3, 15)),
        (D(2027, 4, 30), -2, D(2027, 2, 28)),
        (D(2027, 11, 30), 2, D(2028, 1, 30)),
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


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (datetime.date(2026, 12, 5), datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)),
        (datetime.date(2028, 2, 29), datetime.date(2028, 2, 1), datetime.date(2028, 2, 29)),
        (datetime.date(2027, 2, 1), datetime.date(2027, 2, 1), datetime.date(2027, 2, 28)),
    ],
)
def test_a_month_starts_on_the_first_and_ends_on_its_last_day(
    day: datetime.date, start: datetime.date, end: datetime.date
) -> None:
    assert (dates.month_start(day), dates.month_end(day)) == (start, end)


def test_the_months_up_to_a_day_are_whole_calendar_months_oldest_first() -> None:
    assert dates.months_up_to(datetime.date(2026, 1, 31), 3) == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
    ]


@pytest.mark.parametrize(
    ("age", "today", "latest"),
    [
        # Someone born on 5 December 2008 is 18 on 5 December 2026; a day later is too young.
        (18, datetime.date(2026, 12, 5), datetime.date(2008, 12, 5)),
        # On 28 February 2029 someone born on 29 February 2008 is not yet 21: that birthday
        # is 1 March (core.dates.birthday), so the latest date of birth is 28 February.
        (21, datetime.date(2029, 2, 28), datetime.date(2008, 2, 28)),
        (21, datetime.date(2029, 3, 1), datetime.date(2008, 3, 1)),
        # On 29 February 2028 the latest is 28 February 2010: 2010 had no 29 February.
        (18, datetime.date(2028, 2, 29), datetime.date(2010, 2, 28)),
    ],
)
def test_the_latest_date_of_birth_to_have_reached_an_age_agrees_with_birthday(
    age: int, today: datetime.date, latest: datetime.date
) -> None:
    assert dates.latest_birth_date_reaching(age, today) == latest
    assert dates.birthday(latest, age) <= today
    assert dates.birthday(latest + datetime.timedelta(days=1), age) > today
