"""Figures about the wait for a home and about taster flats, from plain values.

Priority bands, protocol targets and taster flats are local policy under the Housing Act 1996
Part 6, not care-leaver law (docs/law/accommodation-and-staying-put.md), so the
targets come from the council's own configuration. Pure: no database, no Django.
"""

from __future__ import annotations

import calendar
import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Housed figures look back over this many days (a rolling year).
HOUSED_LOOKBACK_DAYS = 365


@dataclass(frozen=True)
class ApplicationFacts:
    band: str
    provider: str
    applied_on: datetime.date
    housed_on: datetime.date | None = None
    closed_on: datetime.date | None = None  # withdrawn or closed without a home
    target_days: int | None = None  # the housing protocol's timescale for this band
    band_order: int = 0
    # How many applications share these values: at national size the list is read as one row
    # per distinct set of dates rather than one per application.
    count: int = 1

    def is_waiting(self, on: datetime.date) -> bool:
        if self.applied_on > on:
            return False
        ended = [day for day in (self.housed_on, self.closed_on) if day is not None]
        return not ended or min(ended) > on

    def days_waited(self, on: datetime.date) -> int:
        """Days from applying to being housed, or to ``on`` while still waiting."""
        end = self.housed_on if self.housed_on is not None and self.housed_on <= on else on
        return max(0, (end - self.applied_on).days)

    def over_target(self, on: datetime.date) -> bool:
        # Local housing protocol (Housing Act 1996 Part 6 allocation scheme): housed within N days.
        return self.target_days is not None and self.days_waited(on) > self.target_days


@dataclass(frozen=True)
class WaitingRow:
    band: str
    provider: str
    target_days: int | None
    waiting: int
    median_wait_days: int | None
    longest_wait_days: int | None
    over_target: int
    housed: int  # housed in the look-back period
    median_days_to_housed: int | None
    housed_within_target: int

    @property
    def is_total(self) -> bool:
        return self.band == "" and self.provider == ""


def _waits(apps: Iterable[ApplicationFacts], on: datetime.date) -> list[int]:
    """Each application's days waited, once for every application the facts stand for."""
    waits: list[int] = []
    for app in apps:
        waits.extend([app.days_waited(on)] * app.count)
    return waits


def _median(values: Sequence[int]) -> int | None:
    # The lower median is always a real wait someone had, never a half day.
    return statistics.median_low(values) if values else None


def _row(
    band: str,
    provider: str,
    target: int | None,
    apps: Sequence[ApplicationFacts],
    on: datetime.date,
    housed_since: datetime.date,
) -> WaitingRow:
    waiting = [app for app in apps if app.is_waiting(on)]
    waits = _waits(waiting, on)
    housed = [
        app for app in apps if app.housed_on is not None and housed_since <= app.housed_on <= on
    ]
    housed_waits = _waits(housed, on)
    return WaitingRow(
        band=band,
        provider=provider,
        target_days=target,
        waiting=len(waits),
        median_wait_days=_median(waits),
        longest_wait_days=max(waits) if waits else None,
        over_target=sum(app.count for app in waiting if app.over_target(on)),
        housed=len(housed_waits),
        median_days_to_housed=_median(housed_waits),
        housed_within_target=sum(
            app.count for app in housed if app.target_days is not None and not app.over_target(on)
        ),
    )


def waiting_list_figures(
    applications: Iterable[ApplicationFacts],
    *,
    on: datetime.date,
    housed_since: datetime.date | None = None,
) -> list[WaitingRow]:
    """One row per band and provider (bands in their order), then a total row.

    Waiting: applied on or before ``on`` and neither housed nor closed by then. Housed: housed
    between ``housed_since`` (default a year before ``on``) and ``on``.
    """
    housed_since = housed_since or on - datetime.timedelta(days=HOUSED_LOOKBACK_DAYS)
    apps = list(applications)
    groups: dict[tuple[int, str, str], list[ApplicationFacts]] = defaultdict(list)
    targets: dict[tuple[int, str, str], int | None] = {}
    for app in apps:
        key = (app.band_order, app.band, app.provider)
        groups[key].append(app)
        targets[key] = app.target_days
    rows = [
        _row(band, provider, targets[(order, band, provider)], members, on, housed_since)
        for (order, band, provider), members in sorted(groups.items())
    ]
    rows.append(_row("", "", None, apps, on, housed_since))
    return [row for row in rows if row.is_total or row.waiting or row.housed]


def waiting_by_band(rows: Iterable[WaitingRow]) -> list[tuple[str, int, int]]:
    """(band, waiting within target, waiting over target) per band, for the chart."""
    totals: dict[str, list[int]] = {}
    for row in rows:
        if row.is_total:
            continue
        within_over = totals.setdefault(row.band, [0, 0])
        within_over[0] += row.waiting - row.over_target
        within_over[1] += row.over_target
    return [(band, within, over) for band, (within, over) in totals.items()]


# Taster flats ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BookingFacts:
    flat_id: int
    starts_on: datetime.date  # the day they arrive
    ends_on: datetime.date  # the day they leave; the nights are starts_on .. ends_on - 1

    def has_night(self, day: datetime.date) -> bool:
        return self.starts_on <= day < self.ends_on

    def nights_between(self, first: datetime.date, last: datetime.date) -> int:
        """Nights of the booking falling on the days ``first`` to ``last`` inclusive."""
        start = max(self.starts_on, first)
        end = min(self.ends_on, last + datetime.timedelta(days=1))
        return max(0, (end - start).days)


def overlaps(
    a_start: datetime.date, a_end: datetime.date, b_start: datetime.date, b_end: datetime.date
) -> bool:
    """Whether two stays share a night (leaving on the day the next person arrives is fine)."""
    return a_start < b_end and b_start < a_end


def month_days(year: int, month: int) -> list[datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return [datetime.date(year, month, day) for day in range(1, last + 1)]


@dataclass(frozen=True)
class Occupancy:
    flat_id: int
    nights_booked: int
    nights_available: int

    @property
    def percent(self) -> int:
        if not self.nights_available:
            return 0
        return round(100 * self.nights_booked / self.nights_available)


def occupancy(
    bookings: Iterable[BookingFacts],
    *,
    flat_ids: Sequence[int],
    first: datetime.date,
    last: datetime.date,
) -> list[Occupancy]:
    """Nights booked against nights available for each flat, from ``first`` to ``last``."""
    available = (last - first).days + 1
    booked: dict[int, int] = dict.fromkeys(flat_ids, 0)
    for booking in bookings:
        if booking.flat_id in booked:
            booked[booking.flat_id] += booking.nights_between(first, last)
    return [Occupancy(flat_id, min(booked[flat_id], available), available) for flat_id in flat_ids]
