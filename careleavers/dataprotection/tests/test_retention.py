"""The retention dates: worked examples, 29 February, and properties."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import add_months
from careleavers.dataprotection.retention import (
    anniversary,
    is_due_for_review,
    latest_birth_date_due,
    retention_ends_on,
    review_horizon,
)

D = datetime.date
births = st.dates(min_value=D(1900, 1, 1), max_value=D(2030, 12, 31))
horizons = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))


def test_records_are_kept_until_the_75th_birthday() -> None:
    assert retention_ends_on(date_of_birth=D(2008, 6, 3)) == D(2083, 6, 3)


def test_a_29_february_birthday_reaches_75_on_1_march_in_a_common_year() -> None:
    assert retention_ends_on(date_of_birth=D(2008, 2, 29)) == D(2083, 3, 1)


def test_a_29_february_birthday_falls_on_29_february_when_that_year_is_a_leap_year() -> None:
    assert anniversary(D(1948, 2, 29), 76) == D(2024, 2, 29)
    assert retention_ends_on(date_of_birth=D(1952, 2, 29), retention_age=76) == D(2028, 2, 29)


def test_a_death_before_18_keeps_records_for_15_years_after_it() -> None:
    assert retention_ends_on(date_of_birth=D(2008, 6, 3), died_on=D(2020, 1, 10)) == D(2035, 1, 10)


def test_a_death_after_18_keeps_records_to_the_75th_birthday() -> None:
    assert retention_ends_on(date_of_birth=D(2000, 6, 3), died_on=D(2020, 1, 10)) == D(2075, 6, 3)


def test_the_policy_can_change_the_age() -> None:
    assert retention_ends_on(date_of_birth=D(2000, 6, 3), retention_age=80) == D(2080, 6, 3)


def test_the_review_window_counts_calendar_months() -> None:
    assert review_horizon(today=D(2026, 1, 31), window_months=1) == D(2026, 2, 28)
    assert review_horizon(today=D(2026, 11, 24), window_months=12) == D(2027, 11, 24)


def test_a_record_is_due_when_its_date_has_passed_or_falls_in_the_window() -> None:
    today = D(2026, 11, 24)
    assert is_due_for_review(retention_ends=D(2020, 1, 1), today=today)
    assert is_due_for_review(retention_ends=D(2027, 11, 24), today=today, window_months=12)
    assert not is_due_for_review(retention_ends=D(2027, 11, 25), today=today, window_months=12)


def test_the_birth_cut_off_for_a_horizon_on_28_february_leaves_out_29_february_births() -> None:
    # Born 29 February 1952: 75 on 1 March 2027, so not due by 28 February 2027.
    assert latest_birth_date_due(horizon=D(2027, 2, 28)) == D(1952, 2, 28)
    assert latest_birth_date_due(horizon=D(2027, 3, 1)) == D(1952, 3, 1)


def test_the_birth_cut_off_for_a_horizon_on_29_february() -> None:
    # 2028 - 75 = 1953, which has no 29 February; born 1 March 1953 is 75 on 1 March 2028.
    assert latest_birth_date_due(horizon=D(2028, 2, 29)) == D(1953, 2, 28)


@given(births)
def test_the_retention_date_is_on_or_after_the_75th_anniversary_of_the_same_day(
    born: datetime.date,
) -> None:
    ends = retention_ends_on(date_of_birth=born)
    assert ends.year == born.year + 75
    assert (ends.month, ends.day) == (born.month, born.day) or (
        (born.month, born.day) == (2, 29) and ends == D(ends.year, 3, 1)
    )


@given(births, births)
def test_a_later_birth_never_has_an_earlier_retention_date(
    first: datetime.date, second: datetime.date
) -> None:
    earlier, later = sorted([first, second])
    assert retention_ends_on(date_of_birth=earlier) <= retention_ends_on(date_of_birth=later)


@given(births, horizons, st.integers(min_value=18, max_value=100))
def test_the_birth_cut_off_finds_exactly_those_due(
    born: datetime.date, horizon: datetime.date, age: int
) -> None:
    cut_off = latest_birth_date_due(horizon=horizon, retention_age=age)
    due = retention_ends_on(date_of_birth=born, retention_age=age) <= horizon
    assert (born <= cut_off) == due


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 1, 1)), st.integers(0, 240))
def test_adding_months_stays_in_the_target_month(day: datetime.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day
