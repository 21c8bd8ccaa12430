"""Workforce and supervision figures: pure functions over plain values, no database.

Selectors load the rows (a fixed number of queries) and these functions count them, so the
definitions below are the ones every page, chart and indicator uses. Where the database counts
instead, for a national service's thousands of rows (the snapshot, trends.py), tests hold its
counts to these definitions.

- A post is *funded* on a day between its `funded_from` and `funded_to` (inclusive).
- A funded post is *vacant* on a day when no employment in it is current (start on or before the
  day, end empty or on or after it). Vacancy rate = vacant funded posts / funded posts.
- Agency rate = current holders of posts employed through an agency / all current holders
  (headcount, not FTE).
- A *starter* starts an employment in the month, unless they moved from another post in the
  service; a *leaver* ends one in the month for any reason but a move within the service.
- Sickness days per FTE in a month = working days lost in the month (an absence spread over its
  weekdays) / the FTE of the posts' holders at the month's end.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from careleavers.core.dates import month_end, month_start, months_up_to

INTERNAL_MOVE = "moved"
AGENCY = "agency"
# A move counts as internal when the new post starts within this many days of the old one ending.
MOVE_GAP_DAYS = 31


def rate(numerator: int, denominator: int) -> float | None:
    return 100.0 * numerator / denominator if denominator else None


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def weekdays_between(first: datetime.date, last: datetime.date) -> int:
    """Monday to Friday days from `first` to `last` inclusive (bank holidays are not known)."""
    if last < first:
        return 0
    days = (last - first).days + 1
    whole_weeks, rest = divmod(days, 7)
    count = whole_weeks * 5
    for offset in range(rest):
        if (first.weekday() + offset) % 7 < 5:
            count += 1
    return count


@dataclass(frozen=True)
class PostFacts:
    pk: int
    team_id: int
    fte: Decimal
    funded_from: datetime.date
    funded_to: datetime.date | None

    def funded_on(self, day: datetime.date) -> bool:
        return self.funded_from <= day and (self.funded_to is None or self.funded_to >= day)


@dataclass(frozen=True)
class EmploymentFacts:
    pk: int
    post_id: int
    staff_id: int
    kind: str
    fte: Decimal
    start: datetime.date
    end: datetime.date | None
    leaving_reason: str = ""

    def current_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class AbsenceFacts:
    staff_id: int
    first_day: datetime.date
    last_day: datetime.date | None
    working_days_lost: Decimal


@dataclass(frozen=True)
class Snapshot:
    """Posts and holders on one day."""

    day: datetime.date
    funded_posts: int
    vacant_posts: int
    holders: int
    agency_holders: int
    holder_fte: Decimal

    @property
    def vacancy_rate(self) -> float | None:
        return rate(self.vacant_posts, self.funded_posts)

    @property
    def agency_rate(self) -> float | None:
        return rate(self.agency_holders, self.holders)


def current_holders(
    day: datetime.date, posts: Sequence[PostFacts], employments: Sequence[EmploymentFacts]
) -> list[EmploymentFacts]:
    """Employments current on `day` in posts funded on it."""
    funded = {post.pk for post in posts if post.funded_on(day)}
    return [job for job in employments if job.post_id in funded and job.current_on(day)]


def snapshot(
    day: datetime.date, posts: Sequence[PostFacts], employments: Sequence[EmploymentFacts]
) -> Snapshot:
    funded = {post.pk for post in posts if post.funded_on(day)}
    current = current_holders(day, posts, employments)
    held = {job.post_id for job in current}
    return Snapshot(
        day=day,
        funded_posts=len(funded),
        vacant_posts=len(funded - held),
        holders=len(current),
        agency_holders=sum(1 for job in current if job.kind == AGENCY),
        holder_fte=sum((job.fte for job in current), Decimal(0)),
    )


def vacant_post_ids(
    day: datetime.date, posts: Sequence[PostFacts], employments: Sequence[EmploymentFacts]
) -> set[int]:
    funded = {post.pk for post in posts if post.funded_on(day)}
    held = {job.post_id for job in employments if job.current_on(day)}
    return funded - held


def _moved_in(job: EmploymentFacts, employments: Sequence[EmploymentFacts]) -> bool:
    return any(
        other.pk != job.pk
        and other.staff_id == job.staff_id
        and other.leaving_reason == INTERNAL_MOVE
        and other.end is not None
        and 0 <= (job.start - other.end).days <= MOVE_GAP_DAYS
        for other in employments
    )


def starters_and_leavers(
    employments: Sequence[EmploymentFacts],
) -> tuple[dict[datetime.date, int], dict[datetime.date, int]]:
    """Counts by the first day of the month."""
    starters: dict[datetime.date, int] = defaultdict(int)
    leavers: dict[datetime.date, int] = defaultdict(int)
    by_staff: dict[int, list[EmploymentFacts]] = defaultdict(list)
    for job in employments:
        by_staff[job.staff_id].append(job)
    for job in employments:
        if not _moved_in(job, by_staff[job.staff_id]):
            starters[month_start(job.start)] += 1
        if job.end is not None and job.leaving_reason and job.leaving_reason != INTERNAL_MOVE:
            leavers[month_start(job.end)] += 1
    return starters, leavers


def days_lost_by_month(
    absence: AbsenceFacts, *, until: datetime.date
) -> dict[datetime.date, Decimal]:
    """Spread an absence's working days lost over its months in proportion to their weekdays.

    An absence still going on runs to `until`. Only days up to `until` count."""
    last = min(absence.last_day or until, until)
    if last < absence.first_day:
        return {}
    total_weekdays = weekdays_between(absence.first_day, absence.last_day or until)
    if total_weekdays == 0:
        return {month_start(absence.first_day): absence.working_days_lost}
    spread: dict[datetime.date, Decimal] = {}
    cursor = absence.first_day
    while cursor <= last:
        end = min(month_end(cursor), last)
        share = Decimal(weekdays_between(cursor, end)) / Decimal(total_weekdays)
        spread[month_start(cursor)] = absence.working_days_lost * share
        cursor = end + datetime.timedelta(days=1)
    return spread


def sickness_by_month(
    absences: Iterable[AbsenceFacts], *, until: datetime.date
) -> dict[datetime.date, Decimal]:
    """Working days lost in each month (by its first day), every absence spread over its
    months as `days_lost_by_month` spreads it."""
    sickness: dict[datetime.date, Decimal] = defaultdict(Decimal)
    for absence in absences:
        for month, days in days_lost_by_month(absence, until=until).items():
            sickness[month] += days
    return sickness


@dataclass(frozen=True)
class MonthFigures:
    month: datetime.date  # the first day of the month
    snapshot: Snapshot  # at the month's end (or today, for this month)
    starters: int
    leavers: int
    sickness_days: Decimal

    @property
    def label(self) -> str:
        return f"{self.month:%b %Y}"

    @property
    def sickness_days_per_fte(self) -> float | None:
        if not self.snapshot.holder_fte:
            return None
        return float(self.sickness_days / self.snapshot.holder_fte)


def monthly_figures(
    *,
    today: datetime.date,
    months: int,
    posts: Sequence[PostFacts],
    employments: Sequence[EmploymentFacts],
    absences: Iterable[AbsenceFacts],
) -> list[MonthFigures]:
    starters, leavers = starters_and_leavers(employments)
    sickness = sickness_by_month(absences, until=today)
    result = []
    for first in months_up_to(today, months):
        day = min(month_end(first), today)
        result.append(
            MonthFigures(
                month=first,
                snapshot=snapshot(day, posts, employments),
                starters=starters.get(first, 0),
                leavers=leavers.get(first, 0),
                sickness_days=sickness.get(first, Decimal(0)),
            )
        )
    return result


@dataclass(frozen=True)
class Spread:
    """Minimum, median and maximum of some counts (caseloads)."""

    count: int
    minimum: int | None
    median: float | None
    maximum: int | None
    mean: float | None

    @classmethod
    def of(cls, values: Sequence[int]) -> Spread:
        if not values:
            return cls(0, None, None, None, None)
        return cls(
            count=len(values),
            minimum=min(values),
            median=float(statistics.median(values)),
            maximum=max(values),
            mean=statistics.fmean(values),
        )


@dataclass
class GradeCount:
    """Graded supervision records in one group (a month, team or supervisor)."""

    label: str
    reflective: int = 0
    compliance_led: int = 0
    sort_key: tuple[object, ...] = field(default_factory=tuple)

    @property
    def graded(self) -> int:
        return self.reflective + self.compliance_led

    @property
    def reflective_rate(self) -> float | None:
        return rate(self.reflective, self.graded)

    def add(self, grade: str, count: int = 1) -> None:
        if grade == "reflective":
            self.reflective += count
        elif grade == "compliance_led":
            self.compliance_led += count


@dataclass(frozen=True)
class GradedRecord:
    held_on: datetime.date
    team: str
    supervisor: str
    grade: str


@dataclass(frozen=True)
class QualitySummary:
    total: GradeCount
    by_month: list[GradeCount]
    by_team: list[GradeCount]
    by_supervisor: list[GradeCount]


def quality_summary(
    records: Iterable[GradedRecord], *, months: Sequence[datetime.date]
) -> QualitySummary:
    """Counts of reflective and compliance-led grades by month held (every month shown, even
    empty ones), by team and by supervisor (only those with graded records)."""
    records = list(records)
    return counted_quality_summary(
        months=months,
        by_month=[(month_start(record.held_on), record.grade, 1) for record in records],
        by_team=[(record.team, record.grade, 1) for record in records],
        by_supervisor=[(record.supervisor, record.grade, 1) for record in records],
    )


def counted_quality_summary(
    *,
    months: Sequence[datetime.date],
    by_month: Iterable[tuple[datetime.date, str, int]],
    by_team: Iterable[tuple[str, str, int]],
    by_supervisor: Iterable[tuple[str, str, int]],
) -> QualitySummary:
    """`quality_summary` from records already counted by month, team and supervisor (as a
    database counts them): the total is the months' counts together."""
    total = GradeCount("All graded records")
    month_rows = {first: GradeCount(f"{first:%B %Y}", sort_key=(first,)) for first in months}
    for month, grade, count in by_month:
        total.add(grade, count)
        if (row := month_rows.get(month)) is not None:
            row.add(grade, count)
    teams: dict[str, GradeCount] = {}
    for team, grade, count in by_team:
        label = team or "No team"
        teams.setdefault(label, GradeCount(label, sort_key=(label,))).add(grade, count)
    supervisors: dict[str, GradeCount] = {}
    for supervisor, grade, count in by_supervisor:
        supervisors.setdefault(supervisor, GradeCount(supervisor, sort_key=(supervisor,))).add(
            grade, count
        )
    return QualitySummary(
        total=total,
        by_month=list(month_rows.values()),
        by_team=sorted(teams.values(), key=lambda row: row.sort_key),
        by_supervisor=sorted(supervisors.values(), key=lambda row: row.sort_key),
    )


def sample_size(candidates: int, percent: int) -> int:
    """How many of `candidates` records a sample of `percent`% draws: rounded up, so any
    candidates give a sample of at least one."""
    if candidates <= 0:
        return 0
    return min(candidates, -(-candidates * percent // 100))
