"""Figures worked out at most once a day and kept in the cache, with the time they were worked
out, for pages that read far more records than a request should and whose figures hardly move
within a day (a year's time to authorise plans, how long NEET spells last). The page says when
the figure was worked out, so nobody takes it for a live count."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.cache import cache
from django.utils import timezone

DAY_SECONDS = 24 * 60 * 60
T = TypeVar("T")


@dataclass(frozen=True)
class WorkedOut(Generic[T]):
    value: T
    at: datetime.datetime


def once_a_day(key: str, *, today: datetime.date, work_out: Callable[[], T]) -> WorkedOut[T]:
    """`work_out()`'s value, kept under `key` for `today`: worked out on the day's first ask."""

    def fresh() -> WorkedOut[T]:
        return WorkedOut(work_out(), timezone.now())

    kept = cache.get_or_set(f"{key}:{today.isoformat()}", fresh, timeout=DAY_SECONDS)
    assert isinstance(kept, WorkedOut)
    return kept
