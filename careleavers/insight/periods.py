"""Dates the indicators are counted over: ages on a day, rolling windows and calendar months.

Pure functions over plain dates (no database, no Django), so each boundary can be checked by
hand and with hypothesis. Indicators turn these into date-of-birth ranges that the database can
compare directly, which keeps every figure one SQL aggregation however many young people there
are.
"""

from __future__ import annotations

import datetime

from careleavers.core.dates import add_months, birthday, month_start

ONE_DAY = datetime.timedelta(days=1)


def latest_birth_for_age(on: datetime.date, age: int) -> datetime.date:
    """The latest date of birth of someone who is at least `age` on `on`.

    A person is `age` from their birthday (core.dates.birthday: 29 February birthdays fall
    on 1 March in a common year), so everyone born on or before this day has reached `age`.
    """
    try:
        latest = on.replace(year=on.year - age)
    except ValueError:  # 29 February, in a year that has none
        latest = datetime.date(on.year - age, 2, 28)
    # Step to the exact boundary; at most a day either way, around 29 February.
    while birthday(latest + ONE_DAY, age) <= on:
        latest += ONE_DAY
    while birthday(latest, age) > on:
        latest -= ONE_DAY
    return latest


def births_for_ages(
    on: datetime.date, youngest: int, oldest: int
) -> tuple[datetime.date, datetime.date]:
    """(earliest, latest) dates of birth, inclusive, of everyone aged `youngest` to `oldest`
    (whole years, both included) on `on`."""
    latest = latest_birth_for_age(on, youngest)
    earliest = latest_birth_for_age(on, oldest + 1) + ONE_DAY
    return earliest, latest


def latest_start_reaching(on: datetime.date, months: int) -> datetime.date:
    """The latest day `start` with add_months(start, months) on or before `on`.

    add_months keeps the day within the month (31 August plus 6 months is the end of
    February), so several starts can reach the same day; this finds the last of them.
    """
    latest = add_months(on, -months)
    while add_months(latest + ONE_DAY, months) <= on:
        latest += ONE_DAY
    while add_months(latest, months) > on:
        latest -= ONE_DAY
    return latest


def twelve_months_before(on: datetime.date) -> datetime.date:
    """The day before a rolling year starts: windows run from the day after this to `on`."""
    return add_months(on, -12)


def previous_month_end(day: datetime.date) -> datetime.date:
    """The last day of the month before `day`'s month."""
    return month_start(day) - ONE_DAY


def month_ends_before(day: datetime.date, count: int) -> list[datetime.date]:
    """The last days of the `count` complete months before `day`'s month, oldest first."""
    ends: list[datetime.date] = []
    end = previous_month_end(day)
    for _ in range(count):
        ends.append(end)
        end = previous_month_end(end)
    return list(reversed(ends))


def month_label(day: datetime.date) -> str:
    return day.strftime("%B %Y")


def short_month_label(day: datetime.date) -> str:
    return day.strftime("%b %Y")
