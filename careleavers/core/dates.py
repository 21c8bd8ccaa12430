"""Calendar arithmetic the service repeats: whole months, ages and birthdays.

Months use `dateutil.relativedelta`, which keeps the day within the month (31 January plus one
month is the last day of February).

Ages and birthdays do not: relativedelta makes someone born on 29 February a year older on
28 February in a common year, but the service counts that birthday on 1 March unless a worker
chose otherwise (the law does not settle it: docs/law/care-leaver-categories.md), and an age
must agree with the birthday that produced it.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from dateutil.relativedelta import relativedelta


# Cached: exports ask it for the same few days once per young person (100,000 times a run), and
# relativedelta's arithmetic was a tenth of an Annex A export. Dates and ints are immutable.
@lru_cache(maxsize=4096)
def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later (or earlier, when negative), kept within the
    month: 31 March less one month is 28 (or 29) February."""
    return day + relativedelta(months=months)


def birthday(
    date_of_birth: datetime.date, age: int, *, leap_day_on_28_february: bool = False
) -> datetime.date:
    """The day a person reaches `age`: 1 March in a common year for someone born on
    29 February, or 28 February when a worker chose that."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + age)
    except ValueError:
        if leap_day_on_28_february:
            return datetime.date(date_of_birth.year + age, 2, 28)
        return datetime.date(date_of_birth.year + age, 3, 1)


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Age in whole years on `day`; a year is added on `birthday` (1 March for 29 February)."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def format_date(day: datetime.date) -> str:
    """A date the GOV.UK way: "3 March 2025" (no leading zero)."""
    return f"{day.day} {day:%B %Y}"


def month_start(day: datetime.date) -> datetime.date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    """The last day of `day`'s month."""
    return add_months(month_start(day), 1) - datetime.timedelta(days=1)


def months_up_to(day: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the `count` calendar months ending with `day`'s month, oldest first."""
    this_month = month_start(day)
    return [add_months(this_month, -back) for back in range(count - 1, -1, -1)]


def latest_birth_date_reaching(age: int, today: datetime.date) -> datetime.date:
    """The latest date of birth of someone who has reached `age` by `today`, so that lists can
    filter by age in the database and agree with `birthday` (29 February included)."""
    try:
        near = today.replace(year=today.year - age)
    except ValueError:  # today is 29 February
        near = today.replace(year=today.year - age, day=28)
    for offset in range(3, -4, -1):
        candidate = near + datetime.timedelta(days=offset)
        if birthday(candidate, age) <= today:
            return candidate
    raise AssertionError("a date of birth within three days always reaches the age")
