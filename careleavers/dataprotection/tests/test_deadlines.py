"""When a subject access reply is due (UK GDPR Art. 12(3), ICO guidance)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.dataprotection.deadlines import bank_holidays, sar_due_on

D = datetime.date


def test_a_reply_is_due_on_the_same_date_next_month() -> None:
    assert sar_due_on(received_on=D(2026, 11, 3)) == D(2026, 12, 3)  # a Thursday


def test_without_that_date_next_month_it_is_due_on_the_last_day() -> None:
    # 28 February 2027 is a Sunday, so the last day of February moves to Monday 1 March.
    assert sar_due_on(received_on=D(2027, 1, 31)) == D(2027, 3, 1)
    assert sar_due_on(received_on=D(2027, 3, 31)) == D(2027, 4, 30)


def test_a_due_date_on_a_weekend_moves_to_monday() -> None:
    assert sar_due_on(received_on=D(2026, 10, 28)) == D(2026, 11, 30)  # 28 Nov is a Saturday


def test_a_due_date_on_a_bank_holiday_moves_to_the_next_working_day() -> None:
    holidays = bank_holidays()
    assert D(2026, 12, 25) in holidays
    assert D(2026, 12, 28) in holidays
    # 25 December 2026 is a Friday; Monday 28 December is the Boxing Day substitute.
    assert sar_due_on(received_on=D(2026, 11, 25), holidays=holidays) == D(2026, 12, 29)


def test_an_extension_adds_up_to_two_more_months() -> None:
    assert sar_due_on(received_on=D(2026, 11, 3), extension_months=2) == D(2027, 2, 3)
    with pytest.raises(ValueError, match="extension"):
        sar_due_on(received_on=D(2026, 11, 3), extension_months=3)


@given(st.dates(min_value=D(2012, 1, 1), max_value=D(2028, 10, 1)), st.integers(0, 2))
def test_a_reply_is_due_on_a_working_day_about_a_month_later(
    received: datetime.date, extension: int
) -> None:
    holidays = bank_holidays()
    due = sar_due_on(received_on=received, extension_months=extension, holidays=holidays)
    assert due.weekday() < 5
    assert due not in holidays
    months = (due.year * 12 + due.month) - (received.year * 12 + received.month)
    assert months in (1 + extension, 2 + extension)
    assert due > received
