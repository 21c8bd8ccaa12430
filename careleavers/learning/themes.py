"""The EET panel's themes, collated across meetings: pure functions over plain values.

The Ofsted letter found that the reasons young people are not in education, employment or
training were never collated from the monthly panel, so systemic issues went unseen
(context/ofsted-monitoring-letter-bradford-2022.txt). The database counts reasons and actions by
month and measures how long each reason keeps young people NEET (learning.selectors, since a
national council's panel discusses thousands of young people); these functions hold the rules
those counts share: which months are complete, the trend, and what a NEET spell is.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careleavers.core.dfe_codes import ACTIV_NEET
from careleavers.learning.activ import ActivityValue

Month = tuple[int, int]
# Trends compare the latest three complete months with the three before them.
TREND_SPAN = 3
RISING, FALLING, STEADY = "Rising", "Falling", "No change"


@dataclass(frozen=True)
class Spell:
    start: datetime.date
    end: datetime.date | None  # None while they are still NEET

    def overlaps(self, start: datetime.date, end: datetime.date | None) -> bool:
        return start <= (self.end or datetime.date.max) and self.start <= (
            end or datetime.date.max
        )


@dataclass(frozen=True)
class ReasonDuration:
    reason: str
    young_people: int
    spells: int
    median_days: int
    longest_days: int
    still_neet: int


def _month(day: datetime.date) -> Month:
    return (day.year, day.month)


def complete_months(months: Sequence[Month], today: datetime.date) -> int:
    """How many of `months` (oldest first) had ended before `today`.

    A month still running (or one to come, when a meeting is already planned) holds only part
    of its meetings, so comparing it with whole months would always read as falling early in
    the month.
    """
    return sum(1 for month in months if month < _month(today))


def trend(counts: Sequence[int], complete: int, span: int = TREND_SPAN) -> str:
    """Rising, falling or no change: the last `span` complete months against the `span` before
    them. `complete` is how many of `counts` (oldest first) are for months that have ended."""
    whole = counts[:complete]
    latest = sum(whole[-span:])
    before = sum(whole[-2 * span : -span]) if len(whole) > span else 0
    if latest > before:
        return RISING
    if latest < before:
        return FALLING
    return STEADY


def neet_spells(episodes: Iterable[ActivityValue]) -> list[Spell]:
    """Continuous periods not in education, employment or training (ACTIV G4, G5 or G6).

    NEET episodes that touch or overlap join into one spell, so a change of NEET code (say G5
    to G6) does not restart the clock.
    """
    neet = sorted(
        (episode for episode in episodes if episode.activ in ACTIV_NEET),
        key=lambda episode: episode.start,
    )
    spells: list[Spell] = []
    for episode in neet:
        if spells:
            last = spells[-1]
            if last.end is None or episode.start <= last.end + datetime.timedelta(days=1):
                end = (
                    None if last.end is None or episode.end is None else max(last.end, episode.end)
                )
                spells[-1] = Spell(last.start, end)
                continue
        spells.append(Spell(episode.start, episode.end))
    return spells
