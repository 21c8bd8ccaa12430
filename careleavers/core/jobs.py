"""Scheduled jobs: apps register idempotent daily jobs; `manage.py run_scheduled_jobs` runs them.

Every job must be safe to run twice on the same day and must catch up if a day was missed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    run: Callable[[datetime.date], str]  # takes today's date, returns a one-line summary
    # Jobs run by order, then name. Jobs that count figures from the records use a high order,
    # so they run after the jobs that bring the records up to date (birthdays, categories).
    order: int = 100


_jobs: dict[str, ScheduledJob] = {}


def register_job(job: ScheduledJob) -> None:
    _jobs[job.name] = job


def jobs() -> list[ScheduledJob]:
    return sorted(_jobs.values(), key=lambda job: (job.order, job.name))
