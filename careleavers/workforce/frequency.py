"""When a worker's next supervision is due: pure functions over plain values, no database.

The intervals are the council's policy (`SupervisionPolicy`), not law: there is no statutory
frequency for supervising personal advisers or social workers. The defaults (every 4 weeks, every
2 weeks in the first 6 months after starting) are common practice, shown as the council's settings.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from careleavers.core.dates import add_months


@dataclass(frozen=True)
class Intervals:
    standard_days: int  # for this worker's role
    new_starter_days: int
    new_starter_months: int


def is_new_starter(day: datetime.date, *, started_on: datetime.date | None, months: int) -> bool:
    """Within the first `months` months after starting in the service."""
    return started_on is not None and started_on <= day < add_months(started_on, months)


def interval_after(
    day: datetime.date, *, started_on: datetime.date | None, intervals: Intervals
) -> int:
    """Days allowed until the next supervision, counted from a supervision held on `day` (or from
    the start, for the first)."""
    if is_new_starter(day, started_on=started_on, months=intervals.new_starter_months):
        return intervals.new_starter_days
    return intervals.standard_days


def next_due(
    *,
    last_held: datetime.date | None,
    started_on: datetime.date | None,
    intervals: Intervals,
) -> datetime.date | None:
    """The date by which the next supervision must be held. None when the worker has never been
    supervised and their start date is unknown: they are counted as not supervised in time."""
    anchor = last_held or started_on
    if anchor is None:
        return None
    days = interval_after(anchor, started_on=started_on, intervals=intervals)
    return anchor + datetime.timedelta(days=days)


def supervised_in_time(due: datetime.date | None, on: datetime.date) -> bool:
    """In time on `on` while the next supervision is not yet overdue (due today is in time)."""
    return due is not None and due >= on
