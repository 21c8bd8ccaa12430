"""Whether the council's office is open at a moment: the line between the duty rota and the
out-of-hours service. A pure function over plain values, and the bank holidays it needs.

No law sets these hours: each council sets its own office days and times (DutyPolicy, on the
duty rota page). Bank holidays in England come from GOV.UK's list as shipped inside the
govuk-bank-holidays package, read without the network: a young person's urgent message must
never wait on GOV.UK being reachable.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from functools import lru_cache

MONDAY_TO_FRIDAY = (0, 1, 2, 3, 4)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def is_office_hours(
    moment: datetime.datetime,
    *,
    opens: datetime.time,
    closes: datetime.time,
    office_days: Collection[int],
    closed_days: Collection[datetime.date] = frozenset(),
) -> bool:
    """True when `moment` (local wall-clock time) falls on an office day that is not a closed
    day, at or after `opens` and before `closes`: at 17:00 exactly the office has closed."""
    return (
        moment.weekday() in office_days
        and moment.date() not in closed_days
        and opens <= moment.time() < closes
    )


def add_working_days(
    start: datetime.date,
    days: int,
    *,
    office_days: Collection[int],
    closed_days: Collection[datetime.date] = frozenset(),
) -> datetime.date:
    """The office day `days` office days after `start` (which itself does not count): asked on
    a Friday with 3 working days to answer, the answer is due on Wednesday."""
    if not office_days:
        raise ValueError("The office has no office days")
    day = start
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if day.weekday() in office_days and day not in closed_days:
            counted += 1
    return day


@lru_cache(maxsize=1)
def _england_bank_holidays() -> dict[datetime.date, str]:
    from govuk_bank_holidays.bank_holidays import BankHolidays

    # use_cached_holidays: the copy of GOV.UK's list inside the package, never the network.
    holidays = BankHolidays(use_cached_holidays=True)
    return {
        holiday["date"]: holiday["title"]
        for holiday in holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    }


def bank_holidays() -> dict[datetime.date, str]:
    """Bank holidays in England, with their names."""
    return _england_bank_holidays()


def bank_holidays_known_until() -> datetime.date:
    """The last bank holiday in the shipped list: after it, holidays are not known until the
    package is updated."""
    return max(_england_bank_holidays())
