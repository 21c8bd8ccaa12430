"""Two EET figures worked out in Python from every record: the path on SQLite (a new user's demo
council of 700 young people), where the database cannot run the PostgreSQL queries that count
them at national size (selectors.NEET_DURATION_SQL and EET_RATES_SQL). Pure: the records come
in as plain values. The tests hold both paths to the same figures (tests/reference.py).
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from careleavers.core.dates import age_on
from careleavers.core.dfe_codes import ACTIV_EET, ACTIV_NEET
from careleavers.learning import activ as activ_rules
from careleavers.learning import eet_rates, themes
from careleavers.learning.activ import ActivityValue


@dataclass(frozen=True)
class ReasonSpan:
    reason: str
    identified_on: datetime.date
    resolved_on: datetime.date | None = None


@dataclass(frozen=True)
class NeetHistory:
    young_person_id: int
    episodes: tuple[ActivityValue, ...]
    reasons: tuple[ReasonSpan, ...]


def neet_duration_by_reason(
    histories: Iterable[NeetHistory], *, today: datetime.date
) -> list[themes.ReasonDuration]:
    """Which reasons keep young people NEET longest, longest median spell first."""
    days: dict[str, list[int]] = defaultdict(list)
    people: dict[str, set[int]] = defaultdict(set)
    still: dict[str, set[int]] = defaultdict(set)
    for history in histories:
        for spell in themes.neet_spells(history.episodes):
            for reason in {
                span.reason
                for span in history.reasons
                if spell.overlaps(span.identified_on, span.resolved_on)
            }:
                days[reason].append(((spell.end or today) - spell.start).days + 1)
                people[reason].add(history.young_person_id)
                if spell.end is None:
                    still[reason].add(history.young_person_id)
    rows = [
        themes.ReasonDuration(
            reason=reason,
            young_people=len(people[reason]),
            spells=len(lengths),
            median_days=round(statistics.median(lengths)),
            longest_days=max(lengths),
            still_neet=len(still[reason]),
        )
        for reason, lengths in days.items()
    ]
    return sorted(rows, key=lambda row: (-row.median_days, -row.young_people, row.reason))


def age_band_for(age: int) -> eet_rates.AgeBand | None:
    for band in eet_rates.AGE_BANDS:
        if band.youngest <= age <= band.oldest:
            return band
    return None


def band_counts(
    people: Iterable[tuple[int, datetime.date]],
    episodes: Mapping[int, Sequence[ActivityValue]],
    *,
    on: datetime.date,
) -> dict[tuple[str, str], int]:
    """How many of `people` (id, date of birth) in each age band are EET, NEET or not known on
    `on`, by each one's main activity that day (activ.activity_on)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for pk, date_of_birth in people:
        band = age_band_for(age_on(date_of_birth, on))
        if band is None:
            continue
        main = activ_rules.activity_on(list(episodes.get(pk, ())), on)
        if main is not None and main.activ in ACTIV_EET:
            status = "eet"
        elif main is not None and main.activ in ACTIV_NEET:
            status = "neet"
        else:
            status = "not_known"
        counts[(band.key, status)] += 1
    return dict(counts)
