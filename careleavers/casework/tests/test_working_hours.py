"""Whether the office is open at a moment, and the bank holidays it reads without the network."""

from __future__ import annotations

import datetime
import socket
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from careleavers.casework import working_hours
from careleavers.casework.working_hours import MONDAY_TO_FRIDAY, add_working_days, is_office_hours

NINE = datetime.time(9, 0)
FIVE = datetime.time(17, 0)


def _open(moment: datetime.datetime, **kwargs: Any) -> bool:
    options = {"opens": NINE, "closes": FIVE, "office_days": MONDAY_TO_FRIDAY, **kwargs}
    return is_office_hours(moment, **options)


def test_a_weekday_morning_is_office_hours() -> None:
    assert _open(datetime.datetime(2026, 12, 14, 10, 0))  # Monday


def test_the_office_opens_at_nine_and_has_closed_at_five_exactly() -> None:
    monday = datetime.date(2026, 12, 14)
    assert not _open(datetime.datetime.combine(monday, datetime.time(8, 59)))
    assert _open(datetime.datetime.combine(monday, NINE))
    assert _open(datetime.datetime.combine(monday, datetime.time(16, 59, 59)))
    assert not _open(datetime.datetime.combine(monday, FIVE))


def test_a_closed_day_is_not_office_hours() -> None:
    christmas = datetime.datetime(2026, 12, 25, 10, 0)  # a Friday
    assert _open(christmas)
    assert not _open(christmas, closed_days={christmas.date()})


def test_the_council_sets_its_own_days_and_hours() -> None:
    saturday = datetime.datetime(2026, 12, 12, 10, 0)
    assert not _open(saturday)
    assert _open(saturday, office_days=(5,), opens=datetime.time(8, 30))


@given(
    st.datetimes(min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2035, 1, 1))
)
def test_weekends_and_nights_are_never_office_hours(moment: datetime.datetime) -> None:
    if moment.weekday() >= 5 or not NINE <= moment.time() < FIVE:
        assert not _open(moment)
    else:
        assert _open(moment)


def test_bank_holidays_in_england_come_from_the_shipped_list_without_the_network(
    monkeypatch: Any,
) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the bank holidays must not be fetched from the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    working_hours._england_bank_holidays.cache_clear()
    holidays = working_hours.bank_holidays()
    assert holidays[datetime.date(2026, 12, 25)] == "Christmas Day"
    assert datetime.date(2026, 12, 28) in holidays  # Boxing Day, moved from the Saturday
    assert datetime.date(2026, 12, 26) not in holidays
    assert working_hours.bank_holidays_known_until() >= datetime.date(2026, 12, 28)


def test_three_working_days_from_a_friday_is_the_wednesday() -> None:
    friday = datetime.date(2026, 12, 4)
    assert add_working_days(friday, 3, office_days=MONDAY_TO_FRIDAY) == datetime.date(2026, 12, 9)


def test_working_days_skip_the_christmas_bank_holidays() -> None:
    # Christmas Day 2026 is a Friday and Boxing Day's substitute is Monday 28 December.
    closed = {datetime.date(2026, 12, 25), datetime.date(2026, 12, 28)}
    christmas_eve = datetime.date(2026, 12, 24)
    assert add_working_days(
        christmas_eve, 1, office_days=MONDAY_TO_FRIDAY, closed_days=closed
    ) == datetime.date(2026, 12, 29)
