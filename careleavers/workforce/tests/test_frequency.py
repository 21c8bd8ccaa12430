"""When supervision is next due under the council's policy (pure functions)."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import add_months
from careleavers.workforce.frequency import (
    Intervals,
    is_new_starter,
    next_due,
    supervised_in_time,
)

POLICY = Intervals(standard_days=28, new_starter_days=14, new_starter_months=6)
D = datetime.date


def test_an_established_worker_is_next_due_four_weeks_after_their_last_supervision() -> None:
    due = next_due(last_held=D(2026, 11, 2), started_on=D(2020, 1, 6), intervals=POLICY)
    assert due == D(2026, 11, 30)


def test_a_new_starter_is_next_due_two_weeks_after_their_last_supervision() -> None:
    due = next_due(last_held=D(2026, 11, 2), started_on=D(2026, 9, 1), intervals=POLICY)
    assert due == D(2026, 11, 16)


def test_a_new_starters_first_supervision_is_due_two_weeks_after_they_start() -> None:
    assert next_due(last_held=None, started_on=D(2026, 11, 2), intervals=POLICY) == D(2026, 11, 16)


def test_the_interval_lengthens_once_six_months_have_passed() -> None:
    started = D(2026, 3, 1)
    assert is_new_starter(D(2026, 8, 31), started_on=started, months=6)
    assert not is_new_starter(D(2026, 9, 1), started_on=started, months=6)
    assert next_due(last_held=D(2026, 9, 1), started_on=started, intervals=POLICY) == D(
        2026, 9, 29
    )


def test_someone_never_supervised_with_no_start_date_is_not_in_time() -> None:
    due = next_due(last_held=None, started_on=None, intervals=POLICY)
    assert due is None
    assert not supervised_in_time(due, D(2026, 11, 24))


def test_due_today_is_still_in_time_and_due_yesterday_is_overdue() -> None:
    today = D(2026, 11, 24)
    assert supervised_in_time(today, today)
    assert not supervised_in_time(today - datetime.timedelta(days=1), today)


def test_add_months_keeps_the_day_or_uses_the_last_day_of_a_shorter_month() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 24), -6) == D(2026, 5, 24)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)


@given(
    last=st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 1, 1)),
    started=st.one_of(st.none(), st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 1, 1))),
    standard=st.integers(min_value=1, max_value=120),
    new=st.integers(min_value=1, max_value=120),
)
def test_the_next_supervision_is_due_one_of_the_two_intervals_after_the_last(
    last: datetime.date, started: datetime.date | None, standard: int, new: int
) -> None:
    intervals = Intervals(standard_days=standard, new_starter_days=new, new_starter_months=6)
    due = next_due(last_held=last, started_on=started, intervals=intervals)
    assert due is not None
    assert (due - last).days in {standard, new}
    assert supervised_in_time(due, last)
