"""Scheduled jobs: apps register idempotent daily jobs; `manage.py run_scheduled_jobs` runs them.

Every job must be safe to run twice on the same day and must catch up if a day was missed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    run: Callable[[datetime.date], str]  # takes today's date, returns a one-line summary
    # Jobs run by order, then name. Jobs that count figures from the records use a high order,
    # so they run after the jobs that bring the records up to date (birthdays, categories).
    order: int = 100


scheduled_jobs: Registry[ScheduledJob] = Registry(
    "scheduled jobs", key=lambda job: job.name, order=lambda job: job.order
)


def jobs() -> list[ScheduledJob]:
    return scheduled_jobs.items()
