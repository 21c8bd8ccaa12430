"""Days counted from today, for test data that must stay recent whenever the tests run.

`TODAY` is read once, when the tests are collected, for tests that compare many dates with one
day; `days_ago` and `days_from_today` read the day when called, so they follow a stopped clock
(time_machine)."""

from __future__ import annotations

import datetime

from django.utils import timezone

TODAY = timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def days_from_today(days: int) -> datetime.date:
    """Today moved on by this many days (back, for a negative number)."""
    return timezone.localdate() + datetime.timedelta(days=days)


def date_fields(name: str, day: datetime.date) -> dict[str, str]:
    """What a browser sends for a GOV.UK date input named `name` holding `day`."""
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }
