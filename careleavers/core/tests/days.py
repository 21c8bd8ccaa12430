"""Today and the days before it, for tests that write dates relative to the day they run.

`TODAY` is read once, when the tests are collected, so a run that passes midnight compares
every date with the same day."""

from __future__ import annotations

import datetime

from django.utils import timezone

TODAY = timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def date_fields(name: str, day: datetime.date) -> dict[str, str]:
    """What a browser sends for a GOV.UK date input named `name` holding `day`."""
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }
