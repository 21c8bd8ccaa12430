"""Date boundaries the indicators count over, checked against brute force."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import add_months, age_on, birthday, month_end
from careleavers.insight.periods import (
    births_for_ages,
    latest_birth_for_age,
    latest_start_reaching,
    month_ends_before,
    previous_month_end,
)

days = st.dates(min_value=datetime.date(2001, 1, 1), max_value=datetime.date(2040, 12, 31))
ONE = datetime.timedelta(days=1)


@given(on=days, age=st.integers(min_value=0, max_value=30))
def test_the_latest_birth_for_an_age_is_the_exact_boundary(on, age):
    latest = latest_birth_for_age(on, age)
    assert birthday(latest, age) <= on
    assert birthday(latest + ONE, age) > on


@given(
    on=days,
    born=st.dates(min_value=datetime.date(1975, 1, 1), max_value=datetime.date(2040, 1, 1)),
)
def test_births_for_ages_holds_exactly_those_of_those_ages(on, born):
    earliest, latest = births_for_ages(on, 17, 18)
    assert (earliest <= born <= latest) == (17 <= age_on(born, on) <= 18)


@given(on=days, months=st.integers(min_value=1, max_value=300))
def test_the_latest_start_reaching_a_day_is_the_exact_boundary(on, months):
    latest = latest_start_reaching(on, months)
    assert add_months(latest, months) <= on
    assert add_months(latest + ONE, months) > on


def test_sixteen_and_a_half_keeps_the_day_within_the_month():
    # Born 31 March 2010: 16 and a half on 30 September 2026.
    assert add_months(datetime.date(2010, 3, 31), 198) == datetime.date(2026, 9, 30)
    assert latest_start_reaching(datetime.date(2026, 9, 30), 198) == datetime.date(2010, 3, 31)


def test_month_ends_before_today_are_the_complete_months_oldest_first():
    ends = month_ends_before(datetime.date(2026, 11, 24), 3)
    assert ends == [
        datetime.date(2026, 8, 31),
        datetime.date(2026, 9, 30),
        datetime.date(2026, 10, 31),
    ]
    assert previous_month_end(datetime.date(2026, 3, 1)) == datetime.date(2026, 2, 28)
    assert month_end(datetime.date(2028, 2, 3)) == datetime.date(2028, 2, 29)
