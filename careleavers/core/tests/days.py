"""Days counted from today, for test data that must stay recent whenever the tests run."""

from __future__ import annotations

import datetime

from django.utils import timezone


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def days_from_today(days: int) -> datetime.date:
    """Today moved on by this many days (back, for a negative number)."""
    return timezone.localdate() + datetime.timedelta(days=days)
