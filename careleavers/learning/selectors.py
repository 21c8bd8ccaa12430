"""Reads for education, employment and training.

Lists of young people go through `young_people_visible_to`; service-wide counts (themes, EET
rates, PEP completion) are aggregates and name nobody. Every function costs a fixed number of
queries whatever the number of rows. The pure rules they feed live in activ.py, pep.py,
themes.py and eet_rates.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Concat, TruncMonth

from careleavers.accounts.models import User
from careleavers.accounts.roles import STAFF_ROLES
from careleavers.core.dates import add_months
from careleavers.core.dfe_codes import ACTIV_EET, ACTIV_NEET
from careleavers.core.once_a_day import once_a_day
from careleavers.learning import activ as activ_rules
from careleavers.learning import eet_rates, figures_in_python, pep, themes
from careleavers.learning.activ import ActivityValue
from careleavers.learning.models import (
    ActionKind,
    ActivityEpisode,
    LearningPolicy,
    NeetReason,
    NeetReasonRecord,
    PanelAction,
    PanelCase,
    PanelMeeting,
    PersonalEducationPlan,
)
from careleavers.people.category import Category
from careleavers.people.models import CareEpisode, YoungPerson
from careleavers.people.selectors import young_people_visible_to

# Young people with a leaving care category: the panel looks at all of them.
LEAVING_CARE_CATEGORIES = (
    Category.ELIGIBLE.value,
    Category.RELEVANT.value,
    Category.FORMER_RELEVANT.value,
    Category.QUALIFYING.value,
)
# The DfE care-leaver cohort is relevant and former relevant young people
# (docs/data/indicators.md); eligible children are still looked after and qualifying care leavers
# are counted apart.
EET_RATE_CATEGORIES = (Category.RELEVANT.value, Category.FORMER_RELEVANT.value)
# Large id lists are read in chunks, so no database meets its limit on query parameters.
ID_CHUNK = 500


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    chunk: list[int] = []
    for young_person_id in ids:
        chunk.append(young_person_id)
        if len(chunk) == ID_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _value(row: dict[str, Any]) -> ActivityValue:
    return ActivityValue(
        activ=row["activ"], start=row["start"], end=row["end"], is_training=row["is_training"]
    )


VALUE_FIELDS = ("young_person_id", "activ", "start", "end", "is_training")


# One young person ---------------------------------------------------------------------------


def activities_for(*, young_person: YoungPerson) -> QuerySet[ActivityEpisode]:
    """Their activity history, newest first, without episodes archived as recorded in error."""
    return (
        ActivityEpisode.objects.live().filter(young_person=young_person).order_by("-start", "-pk")
    )


def activity_values(episodes: Iterable[ActivityEpisode]) -> tuple[ActivityValue, ...]:
    return tuple(
        ActivityValue(activ=e.activ, start=e.start, end=e.end, is_training=e.is_training)
        for e in episodes
    )


def current_activity(
    episodes: Iterable[ActivityEpisode], *, on: datetime.date
) -> ActivityEpisode | None:
    """The main activity on `on` from already-loaded episodes (activ.activity_on's choice)."""
    episodes = list(episodes)
    main = activ_rules.activity_on(activity_values(episodes), on)
    if main is None:
        return None
    return next(
        e for e in episodes if (e.activ, e.start, e.end) == (main.activ, main.start, main.end)
    )


def neet_reasons_for(*, young_person: YoungPerson) -> QuerySet[NeetReasonRecord]:
    """Their NEET reasons, open ones first."""
    return (
        NeetReasonRecord.objects.live()
        .filter(young_person=young_person)
        .select_related("reason")
        .order_by("resolved_on", "-identified_on", "pk")
    )


def neet_reasons_in_use() -> QuerySet[NeetReason]:
    """The reasons a worker can choose for a new record."""
    return NeetReason.objects.filter(is_active=True).order_by("order", "label")


def peps_for(*, young_person: YoungPerson) -> QuerySet[PersonalEducationPlan]:
    return (
        PersonalEducationPlan.objects.filter(young_person=young_person)
        .select_related("reviewer")
        .order_by("-due_on")
    )


def pep_for_record(*, young_person: YoungPerson, pk: int) -> PersonalEducationPlan:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        PersonalEducationPlan.objects.select_related("reviewer", "young_person"),
        pk=pk,
        young_person=young_person,
    )


def panel_cases_for(*, young_person: YoungPerson) -> QuerySet[PanelCase]:
    """The panel meetings that discussed them, newest first, with the actions agreed."""
    return (
        PanelCase.objects.filter(young_person=young_person)
        .select_related("meeting")
        .prefetch_related(
            "reasons", Prefetch("actions", queryset=PanelAction.objects.select_related("owner"))
        )
        .order_by("-meeting__held_on")
    )


# Higher education: a fact the local offer reads ----------------------------------------------


def higher_education_started_on(*, young_person: YoungPerson) -> datetime.date | None:
    """The day they first started higher education (an F1 or P1 activity), or None.

    The HE bursary rules (offer issue) read this: a recorded fact, not a guess.
    """
    return (
        ActivityEpisode.objects.live()
        .filter(young_person=young_person, activ__in=activ_rules.HIGHER_EDUCATION)
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )


def higher_education_starts(young_person_ids: Iterable[int]) -> dict[int, datetime.date]:
    """For many young people at once: the day each first started higher education."""
    starts: dict[int, datetime.date] = {}
    for chunk in _chunks(young_person_ids):
        rows = (
            ActivityEpisode.objects.live()
            .filter(young_person_id__in=chunk, activ__in=activ_rules.HIGHER_EDUCATION)
            .values_list("young_person_id", "start")
        )
        for young_person_id, start in rows:
            if young_person_id not in starts or start < starts[young_person_id]:
                starts[young_person_id] = start
    return starts


# For the returns app: plain values for many young people --------------------------------------


def activity_values_for(
    young_people: QuerySet[YoungPerson] | Iterable[int],
    *,
    during: tuple[datetime.date, datetime.date] | None = None,
) -> dict[int, tuple[ActivityValue, ...]]:
    """Each young person's activity history as plain values, for the SSDA903 return; with
    ``during`` (first and last day), only the activities on some day of it (``end`` is an
    activity's last day).

    Takes a queryset of young people (read as a subquery: one query whatever its size) or ids
    (read in chunks). Young people with no activity are absent from the result.
    """
    found: dict[int, list[ActivityValue]] = defaultdict(list)
    live = ActivityEpisode.objects.live().order_by("young_person_id", "start")
    if during is not None:
        first, last = during
        live = live.filter(Q(end__isnull=True) | Q(end__gte=first), start__lte=last)
    if isinstance(young_people, QuerySet):
        batches: Iterable[QuerySet[ActivityEpisode]] = [
            live.filter(young_person__in=young_people.values("pk"))
        ]
    else:
        batches = (live.filter(young_person_id__in=chunk) for chunk in _chunks(young_people))
    for batch in batches:
        for row in batch.values(*VALUE_FIELDS):
            found[row["young_person_id"]].append(_value(row))
    return {young_person_id: tuple(values) for young_person_id, values in found.items()}


# Staff ---------------------------------------------------------------------------------------


def staff_named(text: str) -> list[User]:
    """Active staff whose work email address, or else full name, is `text` (any case): at
    most two, which is enough to tell one from several (1 query)."""
    staff = User.objects.filter(
        is_active=True, groups__name__in=[str(role) for role in STAFF_ROLES]
    ).distinct()
    if "@" in text:
        return list(staff.filter(email__iexact=text)[:2])
    named = staff.annotate(full_name=Concat("first_name", Value(" "), "last_name"))
    return list(named.filter(full_name__iexact=text).order_by("pk")[:2])


# The EET panel ------------------------------------------------------------------------------


def panel_meetings() -> QuerySet[PanelMeeting]:
    return (
        PanelMeeting.objects.select_related("chair")
        .annotate(case_count=Count("cases", distinct=True))
        .order_by("-held_on")
    )


def next_panel_meeting(*, today: datetime.date) -> PanelMeeting | None:
    return PanelMeeting.objects.filter(held_on__gte=today).order_by("held_on").first()


@dataclass(frozen=True)
class Agenda:
    page: Page[PanelCase]  # one page of the cases the viewer may see
    hidden: int  # cases about young people the viewer cannot see

    @property
    def cases(self) -> list[PanelCase]:
        return list(self.page.object_list)


def panel_agenda_for(
    *, user: Any, meeting: PanelMeeting, page: int | str | None = 1, per_page: int = 50
) -> Agenda:
    """One page of the meeting's cases the user may see, with their reasons and actions
    (5 queries, whatever the length of the agenda: a national council's meeting can list
    thousands of young people).

    Cases about young people the user cannot see are counted but not named.
    """
    visible = young_people_visible_to(user=user).values("pk")
    cases = (
        PanelCase.objects.filter(meeting=meeting, young_person__in=visible)
        .select_related("young_person")
        .prefetch_related(
            "reasons", Prefetch("actions", queryset=PanelAction.objects.select_related("owner"))
        )
    )
    shown = Paginator(cases, per_page).get_page(page)
    total = PanelCase.objects.filter(meeting=meeting).count()
    return Agenda(page=shown, hidden=total - shown.paginator.count)


def panel_case_for(*, meeting: PanelMeeting, pk: int) -> PanelCase:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        PanelCase.objects.select_related("young_person", "meeting").prefetch_related(
            "reasons", Prefetch("actions", queryset=PanelAction.objects.select_related("owner"))
        ),
        meeting=meeting,
        pk=pk,
    )


@dataclass(frozen=True)
class AgendaCandidate:
    young_person_id: int
    listed_because: str
    activ: str
    neet_since: datetime.date | None
    course_ends_on: datetime.date | None
    reason_ids: tuple[int, ...]


def agenda_candidates(
    *, on: datetime.date, course_ending_by: datetime.date
) -> list[AgendaCandidate]:
    """Who the panel should discuss: young people whose main activity on `on` is NEET, and
    those whose course or contract is due to end by `course_ending_by` (at risk).

    Restricted records are left off: the panel is a meeting of many people, and a restricted
    record is discussed only by the staff named on it. Costs three queries.
    """
    eligible = YoungPerson.objects.live().filter(
        category__in=LEAVING_CARE_CATEGORIES, is_restricted=False
    )
    current = (
        ActivityEpisode.objects.live()
        .filter(young_person__in=eligible.values("pk"), start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .values(*VALUE_FIELDS, "planned_end")
    )
    by_person: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in current:
        by_person[row["young_person_id"]].append(row)

    neet: dict[int, str] = {}
    at_risk: dict[int, tuple[str, datetime.date]] = {}
    for young_person_id, rows in by_person.items():
        main = activ_rules.activity_on([_value(row) for row in rows], on)
        if main is None:
            continue
        if main.activ in ACTIV_NEET:
            neet[young_person_id] = main.activ
            continue
        ending = [
            row["planned_end"]
            for row in rows
            if row["planned_end"] is not None and on <= row["planned_end"] <= course_ending_by
        ]
        if ending:
            at_risk[young_person_id] = (main.activ, min(ending))

    # When each NEET young person's current spell began: their NEET episodes, one query. The
    # filter is a subquery rather than a list of ids, which could pass a database's limit.
    spells_since: dict[int, datetime.date] = {}
    episodes: dict[int, list[ActivityValue]] = defaultdict(list)
    for row in (
        ActivityEpisode.objects.live()
        .filter(young_person__in=eligible.values("pk"), activ__in=ACTIV_NEET, start__lte=on)
        .values(*VALUE_FIELDS)
    ):
        if row["young_person_id"] in neet:
            episodes[row["young_person_id"]].append(_value(row))
    for young_person_id, values in episodes.items():
        spell = next((s for s in themes.neet_spells(values) if s.overlaps(on, on)), None)
        if spell is not None:
            spells_since[young_person_id] = spell.start

    reasons: dict[int, list[int]] = defaultdict(list)
    for young_person_id, reason_id in (
        NeetReasonRecord.objects.live()
        .filter(young_person__in=eligible.values("pk"), resolved_on__isnull=True)
        .values_list("young_person_id", "reason_id")
    ):
        if young_person_id in neet:
            reasons[young_person_id].append(reason_id)

    candidates = [
        AgendaCandidate(
            young_person_id=young_person_id,
            listed_because="neet",
            activ=code,
            neet_since=spells_since.get(young_person_id),
            course_ends_on=None,
            reason_ids=tuple(sorted(reasons.get(young_person_id, []))),
        )
        for young_person_id, code in neet.items()
    ]
    candidates += [
        AgendaCandidate(
            young_person_id=young_person_id,
            listed_because="course_ending",
            activ=code,
            neet_since=None,
            course_ends_on=ends,
            reason_ids=(),
        )
        for young_person_id, (code, ends) in at_risk.items()
    ]
    return sorted(candidates, key=lambda candidate: candidate.young_person_id)


# Themes -------------------------------------------------------------------------------------

THEME_MONTHS = 12


@dataclass(frozen=True)
class ThemeRow:
    key: str
    label: str
    counts: list[int]
    total: int
    trend: str


@dataclass(frozen=True)
class DurationRow:
    label: str
    row: themes.ReasonDuration


@dataclass(frozen=True)
class ThemeSummary:
    months: list[tuple[int, int]]
    month_labels: list[str]
    young_people: list[int]
    reasons: list[ThemeRow]
    actions: list[ThemeRow]
    durations: list[DurationRow]
    meetings: int
    # When the durations were worked out (they are kept for the day): not part of the figures.
    durations_worked_out_at: datetime.datetime | None = field(default=None, compare=False)

    @property
    def has_data(self) -> bool:
        return bool(self.meetings)


def theme_months(*, today: datetime.date) -> list[tuple[int, int]]:
    """The twelve months ending with this month, or with the latest meeting that has an agenda
    if that is later (a coming meeting with nobody on it yet would show as an empty month)."""
    # Asked meeting by meeting, newest first, so the database stops at the first with a case
    # rather than joining every case of every meeting.
    latest = (
        PanelMeeting.objects.filter(Exists(PanelCase.objects.filter(meeting=OuterRef("pk"))))
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    end = max(today, latest) if latest else today
    return pep.months_back(end, THEME_MONTHS)


def _rows(
    counts: dict[str, list[int]], labels: dict[str, str], order: list[str], complete: int
) -> list[ThemeRow]:
    rows = [
        ThemeRow(
            key=key,
            label=labels.get(key, key),
            counts=values,
            total=sum(values),
            trend=themes.trend(values, complete),
        )
        for key, values in counts.items()
        if sum(values)
    ]
    position = {key: index for index, key in enumerate(order)}
    return sorted(rows, key=lambda row: (-row.total, position.get(row.key, 999), row.label))


def theme_summary(*, today: datetime.date) -> ThemeSummary:
    """The panel's themes across all meetings in the last twelve months (7 queries).

    Counted by the database: the panel discusses thousands of young people a month at a
    national council's size, too many to bring into Python for a page."""
    months = theme_months(today=today)
    labels = theme_reason_labels()
    durations = duration_rows(labels, today=today)
    return ThemeSummary(
        months=months,
        month_labels=theme_month_labels(months, today=today),
        young_people=young_people_discussed_by_month(months),
        reasons=reason_theme_rows(months, labels, today=today),
        actions=action_theme_rows(months, today=today),
        durations=durations.rows,
        durations_worked_out_at=durations.worked_out_at,
        meetings=PanelMeeting.objects.filter(held_on__gte=_first_day(months)).count(),
    )


def reason_themes(*, today: datetime.date) -> tuple[list[str], list[ThemeRow]]:
    """The months' labels and the reasons by month, for the chart of them (3 queries)."""
    months = theme_months(today=today)
    return (
        theme_month_labels(months, today=today),
        reason_theme_rows(months, theme_reason_labels(), today=today),
    )


def action_themes(*, today: datetime.date) -> tuple[list[str], list[ThemeRow]]:
    """The months' labels and the actions by month, for the chart of them (2 queries)."""
    months = theme_months(today=today)
    return theme_month_labels(months, today=today), action_theme_rows(months, today=today)


def _first_day(months: list[tuple[int, int]]) -> datetime.date:
    return datetime.date(months[0][0], months[0][1], 1)


def theme_month_labels(months: list[tuple[int, int]], *, today: datetime.date) -> list[str]:
    complete = themes.complete_months(months, today)
    return [
        datetime.date(y, m, 1).strftime("%b %Y") + ("" if index < complete else " so far")
        for index, (y, m) in enumerate(months)
    ]


def theme_reason_labels() -> dict[str, str]:
    """Every NEET reason's label by code, in the order the service lists them (1 query)."""
    return dict(NeetReason.objects.order_by("order", "label").values_list("code", "label"))


def _month_positions(months: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    return {month: position for position, month in enumerate(months)}


def _by_month(
    rows: Iterable[tuple[str, datetime.date, int]], months: list[tuple[int, int]]
) -> dict[str, list[int]]:
    """Counts by key and month (rows of a key, the first day of a month and a count) as a list
    for each key with a number for each of `months`, oldest first."""
    index = _month_positions(months)
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for key, month, count in rows:
        position = index.get((month.year, month.month))
        if position is not None:
            counts[key][position] += count
    return dict(counts)


def young_people_discussed_by_month(months: list[tuple[int, int]]) -> list[int]:
    """How many different young people the panel discussed each month (1 query)."""
    index = _month_positions(months)
    counts = [0] * len(months)
    for month, people in (
        PanelCase.objects.filter(meeting__held_on__gte=_first_day(months))
        .annotate(month=TruncMonth("meeting__held_on"))
        .values("month")
        .annotate(people=Count("young_person", distinct=True))
        .values_list("month", "people")
    ):
        position = index.get((month.year, month.month))
        if position is not None:
            counts[position] = people
    return counts


def reason_theme_rows(
    months: list[tuple[int, int]], labels: dict[str, str], *, today: datetime.date
) -> list[ThemeRow]:
    """For each reason, how many young people discussed each month had it when listed; someone
    on two agendas in a month counts once for that month (1 query)."""
    rows = (
        PanelCase.objects.filter(meeting__held_on__gte=_first_day(months), reasons__isnull=False)
        .annotate(month=TruncMonth("meeting__held_on"))
        .values("reasons__code", "month")
        .annotate(people=Count("young_person", distinct=True))
        .values_list("reasons__code", "month", "people")
    )
    return _rows(
        _by_month(rows, months),
        labels,
        list(labels),
        themes.complete_months(months, today),
    )


def action_theme_rows(months: list[tuple[int, int]], *, today: datetime.date) -> list[ThemeRow]:
    """For each kind of action, how many the panel agreed each month (1 query)."""
    rows = (
        PanelAction.objects.filter(case__meeting__held_on__gte=_first_day(months))
        .annotate(month=TruncMonth("case__meeting__held_on"))
        .values("kind", "month")
        .annotate(actions=Count("pk"))
        .values_list("kind", "month", "actions")
    )
    return _rows(
        _by_month(rows, months),
        dict(ActionKind.choices),
        list(ActionKind.values),
        themes.complete_months(months, today),
    )


@dataclass(frozen=True)
class Durations:
    rows: list[DurationRow]
    worked_out_at: datetime.datetime


def duration_rows(labels: dict[str, str], *, today: datetime.date) -> Durations:
    """Which reasons keep young people NEET longest, worked out at most once a day: every
    young person's NEET history is read (half a second at national size), and the medians of
    spells lasting months hardly move within a day. The pages say when it was worked out."""

    kept = once_a_day(
        "learning:neet-durations",
        today=today,
        work_out=lambda: neet_duration_by_reason(today=today),
    )
    return Durations(
        rows=[
            DurationRow(label=labels.get(row.reason, row.reason), row=row) for row in kept.value
        ],
        worked_out_at=kept.at,
    )


# Which reasons keep young people NEET longest, worked out by the database (one query) over
# every live young person's NEET episodes and reasons; themes.neet_spells is the same rule over
# one young person's plain values. NEET episodes join into one spell when they touch or overlap:
# an episode joins the spell when it starts by the day after the furthest end so far (an open
# episode never ends), so a change of NEET code does not restart the clock. A spell counts for a
# reason when the reason's dates overlap it; spells still running are measured to today. The
# median is percentile_cont's, which like statistics.median averages the middle two.
NEET_DURATION_SQL = """
WITH archived AS MATERIALIZED (
    SELECT id FROM {person} WHERE archived_at IS NOT NULL
), neet AS (
    SELECT e.id, e.young_person_id, e.start, COALESCE(e."end", 'infinity'::date) AS finish
    FROM {episode} e
    WHERE e.archived_at IS NULL AND e.activ = ANY(%(neet)s)
      AND e.young_person_id NOT IN (SELECT id FROM archived)
), placed AS (
    SELECT young_person_id, start, finish, id,
           COALESCE(start <= MAX(finish) OVER (
               PARTITION BY young_person_id ORDER BY start, id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
           ) + 1, false) AS joins_spell
    FROM neet
), numbered AS (
    SELECT young_person_id, start, finish,
           COUNT(*) FILTER (WHERE NOT joins_spell) OVER (
               PARTITION BY young_person_id ORDER BY start, id ROWS UNBOUNDED PRECEDING
           ) AS spell
    FROM placed
), spells AS (
    SELECT young_person_id, MIN(start) AS start, MAX(finish) AS finish
    FROM numbered GROUP BY young_person_id, spell
), reasons AS (
    SELECT n.young_person_id, n.reason_id, n.identified_on,
           COALESCE(n.resolved_on, 'infinity'::date) AS resolved_on
    FROM {record} n
    WHERE n.archived_at IS NULL AND n.young_person_id NOT IN (SELECT id FROM archived)
), matched AS (
    SELECT DISTINCT s.young_person_id, s.start, s.finish, r.reason_id
    FROM spells s INNER JOIN reasons r ON r.young_person_id = s.young_person_id
    WHERE r.identified_on <= s.finish AND s.start <= r.resolved_on
)
SELECT reason.code, COUNT(DISTINCT m.young_person_id), COUNT(*),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.days), MAX(m.days),
       COUNT(DISTINCT m.young_person_id) FILTER (WHERE m.finish = 'infinity'::date)
FROM (
    SELECT young_person_id, finish, reason_id,
           (CASE WHEN finish = 'infinity'::date THEN %(today)s ELSE finish END) - start + 1
               AS days
    FROM matched
) m INNER JOIN {reason} reason ON reason.id = m.reason_id
GROUP BY reason.code
"""


def neet_duration_by_reason(*, today: datetime.date) -> list[themes.ReasonDuration]:
    """Which reasons keep young people NEET longest, longest median spell first (1 query on
    PostgreSQL; on SQLite, the demo's database, worked out in Python from the records)."""
    if connection.vendor != "postgresql":
        return figures_in_python.neet_duration_by_reason(_neet_histories(), today=today)
    sql = NEET_DURATION_SQL.format(
        episode=_table(ActivityEpisode),
        person=_table(YoungPerson),
        record=_table(NeetReasonRecord),
        reason=_table(NeetReason),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"neet": sorted(ACTIV_NEET), "today": today})
        rows = [
            themes.ReasonDuration(
                reason=code,
                young_people=people,
                spells=spells,
                median_days=round(median),
                longest_days=longest,
                still_neet=still,
            )
            for code, people, spells, median, longest, still in cursor.fetchall()
        ]
    return sorted(rows, key=lambda row: (-row.median_days, -row.young_people, row.reason))


def _activity_values(episodes: QuerySet[ActivityEpisode]) -> dict[int, list[ActivityValue]]:
    values: dict[int, list[ActivityValue]] = defaultdict(list)
    for young_person_id, activ, start, end, is_training in episodes.values_list(*VALUE_FIELDS):
        values[young_person_id].append(ActivityValue(activ, start, end, is_training))
    return values


def _neet_histories() -> list[figures_in_python.NeetHistory]:
    """Everyone's NEET episodes and reasons as plain values (two queries): SQLite's path."""
    episodes = _activity_values(
        ActivityEpisode.objects.live().filter(
            activ__in=ACTIV_NEET, young_person__archived_at__isnull=True
        )
    )
    spans: dict[int, list[figures_in_python.ReasonSpan]] = defaultdict(list)
    for young_person_id, code, identified_on, resolved_on in (
        NeetReasonRecord.objects.live()
        .filter(young_person__archived_at__isnull=True)
        .values_list("young_person_id", "reason__code", "identified_on", "resolved_on")
    ):
        spans[young_person_id].append(
            figures_in_python.ReasonSpan(code, identified_on, resolved_on)
        )
    return [
        figures_in_python.NeetHistory(
            young_person_id, tuple(episodes[young_person_id]), tuple(reasons)
        )
        for young_person_id, reasons in spans.items()
        if young_person_id in episodes
    ]


def _table(model: type[Any]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# EET rates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BandReport:
    rate: eet_rates.BandRate
    target: int
    national: eet_rates.NationalFigure | None

    @property
    def meets_target(self) -> bool | None:
        value = self.rate.eet_rate
        return None if value is None else value >= self.target


def _date_of_birth_range(
    on: datetime.date, youngest: int, oldest: int
) -> tuple[datetime.date, datetime.date]:
    """A range of dates of birth that holds everyone aged `youngest` to `oldest` on `on`,
    a day wider at each end (29 February); the pure functions then place each person exactly."""
    latest = add_months(on, -12 * youngest) + datetime.timedelta(days=1)
    earliest = add_months(on, -12 * (oldest + 1)) - datetime.timedelta(days=1)
    return earliest, latest


# Each young person's main activity on a day, chosen as activ.activity_on chooses
# (core.dfe_codes.activ_priority, then the most recently started, then the code, then the
# latest end), and counted by age band and EET status: one row per band and status, however
# many young people. Codes compare byte by byte ("C"), as Python compares them.
EET_RATES_SQL = """
SELECT band, status, COUNT(*) FROM (
    SELECT DISTINCT ON (c.id) {band} AS band,
           CASE WHEN e.activ = ANY(%s) THEN 'eet' WHEN e.activ = ANY(%s) THEN 'neet'
                ELSE 'not_known' END AS status
    FROM ({cohort}) c (id, date_of_birth)
    LEFT JOIN {episode} e ON e.young_person_id = c.id AND e.archived_at IS NULL
         AND e.start <= %s AND (e."end" IS NULL OR e."end" >= %s)
    ORDER BY c.id,
             CASE WHEN e.activ = ANY(%s) THEN 0 WHEN e.activ = ANY(%s) THEN 1 ELSE 2 END,
             e.start DESC, e.activ COLLATE "C", e."end" DESC NULLS FIRST
) placed
WHERE band IS NOT NULL
GROUP BY band, status
"""


def _band_counts(
    cohort: QuerySet[YoungPerson], *, on: datetime.date
) -> dict[tuple[str, str], int]:
    """How many of `cohort` are in each age band and EET status on `on` (1 query on
    PostgreSQL; on SQLite, the demo's database, worked out in Python from the records)."""
    if connection.vendor != "postgresql":
        return figures_in_python.band_counts(
            cohort.values_list("pk", "date_of_birth"),
            _activity_values(
                ActivityEpisode.objects.live().filter(young_person__in=cohort.values("pk"))
            ),
            on=on,
        )
    cohort_sql, cohort_params = (
        cohort.order_by().values("pk", "date_of_birth").query.sql_with_params()
    )
    bands = [(band.key, *eet_rates.born_in_band(band, on)) for band in eet_rates.AGE_BANDS]
    band_sql = (
        "CASE "
        + " ".join("WHEN c.date_of_birth BETWEEN %s AND %s THEN %s" for _ in bands)
        + " END"
    )
    sql = EET_RATES_SQL.format(cohort=cohort_sql, episode=_table(ActivityEpisode), band=band_sql)
    params = [
        *[value for key, first, last in bands for value in (first, last, key)],
        sorted(ACTIV_EET),
        sorted(ACTIV_NEET),
        *cohort_params,
        on,
        on,
        sorted(activ_rules.FULL_TIME_EET),
        sorted(ACTIV_EET),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(band, status): count for band, status, count in cursor.fetchall()}


def eet_rates_on(*, on: datetime.date) -> list[BandReport]:
    """EET by age band on `on` across the service, with the council's targets and the latest
    national figure (2 queries). A snapshot, not the DfE's birthday measure: the page says so."""
    earliest, latest = _date_of_birth_range(on, 17, 25)
    cohort = YoungPerson.objects.live().filter(
        category__in=EET_RATE_CATEGORIES,
        date_of_birth__gte=earliest,
        date_of_birth__lte=latest,
    )
    counts = _band_counts(cohort, on=on)
    policy = LearningPolicy.current()
    reports = []
    for band in eet_rates.AGE_BANDS:
        eet, neet, not_known = (
            counts.get((band.key, status), 0) for status in ("eet", "neet", "not_known")
        )
        reports.append(
            BandReport(
                rate=eet_rates.BandRate(band, eet + neet + not_known, eet, neet, not_known),
                target=policy.eet_target_for(band.key),
                national=eet_rates.latest_national_figure(band.key),
            )
        )
    return reports


# PEPs ---------------------------------------------------------------------------------------

PEP_MONTHS = 12


def in_care_on(on: datetime.date) -> Exists:
    """Whether the young person in OuterRef has an episode of care open on `on`."""
    return Exists(
        CareEpisode.objects.filter(young_person=OuterRef("pk"), start__lte=on).filter(
            Q(end__isnull=True) | Q(end__gt=on)
        )
    )


def in_education_or_training_on(on: datetime.date) -> Exists:
    """Whether the young person in OuterRef is in education or training on `on`
    (activ.counts_as_education_or_training, as a database condition)."""
    education = activ_rules.EDUCATION | activ_rules.APPRENTICESHIP
    return Exists(
        ActivityEpisode.objects.live()
        .filter(young_person=OuterRef("pk"), start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .filter(
            Q(activ__in=education)
            | Q(activ__in=activ_rules.TRAINING_OR_EMPLOYMENT, is_training=True)
        )
    )


def young_people_needing_pep(*, on: datetime.date) -> QuerySet[YoungPerson]:
    """16 and 17 year olds in care and in education or training on `on` (pep.needs_pep)."""
    earliest, latest = _date_of_birth_range(on, pep.PEP_FROM_AGE, pep.PEP_UNTIL_AGE - 1)
    return (
        YoungPerson.objects.live()
        .filter(date_of_birth__gte=earliest, date_of_birth__lte=latest)
        .filter(in_care_on(on), in_education_or_training_on(on))
    )


PEP_COUNTS = ("due", "on_time", "late", "outstanding")


def pep_completion(*, today: datetime.date) -> list[pep.MonthCompletion]:
    """The PEP completion rate for each of the last twelve months, across the service: of the
    PEPs due in the month (and already due by `today`), how many were completed on or before
    their due date, late, or not yet (1 query, counted by the database).

    A local measure with no national comparator (docs/data/indicators.md); the target is the
    council's.
    """
    months = pep.months_back(today, PEP_MONTHS)
    done = Q(completed_on__lte=today)
    counts = {
        (row["month"].year, row["month"].month): row
        for row in PersonalEducationPlan.objects.filter(
            due_on__gte=_first_day(months), due_on__lte=today, not_required_on__isnull=True
        )
        .annotate(month=TruncMonth("due_on"))
        .values("month")
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=done & Q(completed_on__lte=F("due_on"))),
            late=Count("pk", filter=done & Q(completed_on__gt=F("due_on"))),
            outstanding=Count("pk", filter=~done | Q(completed_on__isnull=True)),
        )
    }
    return [
        pep.MonthCompletion(
            year,
            month,
            *(counts.get((year, month), {}).get(key, 0) for key in PEP_COUNTS),
        )
        for year, month in months
    ]


def peps_to_do(*, today: datetime.date, within_days: int) -> QuerySet[PersonalEducationPlan]:
    """PEPs not yet completed that are overdue or due within `within_days`, for young people
    who still need one. A PEP missed before someone turned 18 or left care stays missed in the
    completion rate, but there is nothing left to do about it, so it is not listed as work."""
    return PersonalEducationPlan.objects.filter(
        young_person__in=young_people_needing_pep(on=today).values("pk"),
        completed_on__isnull=True,
        not_required_on__isnull=True,
        due_on__lte=today + datetime.timedelta(days=within_days),
    )


def peps_outstanding_visible_to(
    *, user: Any, today: datetime.date, within_days: int
) -> QuerySet[PersonalEducationPlan]:
    """`peps_to_do` for the young people this user can see (1 query)."""
    return (
        peps_to_do(today=today, within_days=within_days)
        .filter(young_person__in=young_people_visible_to(user=user).values("pk"))
        .select_related("young_person")
        .order_by("due_on", "pk")
    )


def peps_awaiting_review_visible_to(*, user: Any) -> QuerySet[PersonalEducationPlan]:
    return (
        PersonalEducationPlan.objects.filter(
            young_person__in=young_people_visible_to(user=user).values("pk"),
            completed_on__isnull=False,
            reviewed_on__isnull=True,
        )
        .select_related("young_person")
        .order_by("completed_on", "pk")
    )
