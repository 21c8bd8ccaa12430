"""Turning days into the moments records are stamped with."""

from __future__ import annotations

import datetime

from django.utils import timezone


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day`, in the service's time zone (Europe/London)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
