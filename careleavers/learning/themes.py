"""The EET panel's themes, collated across meetings: pure functions over plain values.

The Ofsted letter found that the reasons young people are not in education, employment or
training were never collated from the monthly panel, so systemic issues went unseen
(context/ofsted-monitoring-letter-bradford-2022.txt). These functions count them: reasons and
actions by month, their trend, and which reasons keep young people NEET longest.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careleavers.core.dfe_codes import ACTIV_NEET
from careleavers.learning.activ import ActivityValue

Month = tuple[int, int]
# Trends compare the latest three complete months with the three before them.
TREND_SPAN = 3
RISING, FALLING, STEADY = "Rising", "Falling", "No change"


@dataclass(frozen=True)
class CaseValue:
    """A young person on a meeting's agenda, with the NEET reasons they had when listed."""

    meeting_on: datetime.date
    young_person_id: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionValue:
    meeting_on: datetime.date
    kind: str


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


@dataclass(frozen=True)
class Spell:
    start: datetime.date
    end: datetime.date | None  # None while they are still NEET

    def days(self, today: datetime.date) -> int:
        return ((self.end or today) - self.start).days + 1

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


def reasons_by_month(cases: Iterable[CaseValue], months: Sequence[Month]) -> dict[str, list[int]]:
    """For each reason, how many young people discussed in each month had it when listed.

    Someone on two agendas in one month counts once for that month.
    """
    index = {month: position for position, month in enumerate(months)}
    seen: dict[str, list[set[int]]] = defaultdict(lambda: [set() for _ in months])
    for case in cases:
        position = index.get(_month(case.meeting_on))
        if position is None:
            continue
        for reason in set(case.reasons):
            seen[reason][position].add(case.young_person_id)
    return {reason: [len(people) for people in by_month] for reason, by_month in seen.items()}


def actions_by_month(
    actions: Iterable[ActionValue], months: Sequence[Month]
) -> dict[str, list[int]]:
    """For each kind of action, how many the panel agreed in each month."""
    index = {month: position for position, month in enumerate(months)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for action in actions:
        position = index.get(_month(action.meeting_on))
        if position is not None:
            counts[action.kind][position] += 1
    return dict(counts)


def young_people_by_month(cases: Iterable[CaseValue], months: Sequence[Month]) -> list[int]:
    """How many different young people the panel discussed each month."""
    index = {month: position for position, month in enumerate(months)}
    people: list[set[int]] = [set() for _ in months]
    for case in cases:
        position = index.get(_month(case.meeting_on))
        if position is not None:
            people[position].add(case.young_person_id)
    return [len(group) for group in people]


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


def neet_duration_by_reason(
    histories: Iterable[NeetHistory], *, today: datetime.date
) -> list[ReasonDuration]:
    """Which reasons keep young people NEET longest, longest median spell first.

    A spell counts for a reason when the reason was recorded during it (the reason's dates
    overlap the spell). Spells still running are measured to `today` and counted as still NEET.
    """
    days: dict[str, list[int]] = defaultdict(list)
    people: dict[str, set[int]] = defaultdict(set)
    still: dict[str, set[int]] = defaultdict(set)
    for history in histories:
        for spell in neet_spells(history.episodes):
            for reason in {
                span.reason
                for span in history.reasons
                if spell.overlaps(span.identified_on, span.resolved_on)
            }:
                days[reason].append(spell.days(today))
                people[reason].add(history.young_person_id)
                if spell.end is None:
                    still[reason].add(history.young_person_id)
    rows = [
        ReasonDuration(
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
