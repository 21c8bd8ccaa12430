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
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from careleavers.core.dates import add_months
from careleavers.core.dfe_codes import ACTIV_NEET
from careleavers.learning import activ as activ_rules
from careleavers.learning import eet_rates, pep, themes
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
    cases: list[PanelCase]
    hidden: int  # cases about young people the viewer cannot see


def panel_agenda_for(*, user: Any, meeting: PanelMeeting) -> Agenda:
    """The meeting's cases the user may see, with their reasons and actions (4 queries).

    Cases about young people the user cannot see are counted but not named.
    """
    visible = young_people_visible_to(user=user).values("pk")
    cases = list(
        PanelCase.objects.filter(meeting=meeting, young_person__in=visible)
        .select_related("young_person")
        .prefetch_related(
            "reasons", Prefetch("actions", queryset=PanelAction.objects.select_related("owner"))
        )
    )
    total = PanelCase.objects.filter(meeting=meeting).count()
    return Agenda(cases=cases, hidden=total - len(cases))


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

    @property
    def has_data(self) -> bool:
        return bool(self.meetings)


def theme_months(*, today: datetime.date) -> list[tuple[int, int]]:
    """The twelve months ending with this month, or with the latest meeting that has an agenda
    if that is later (a coming meeting with nobody on it yet would show as an empty month)."""
    latest = (
        PanelMeeting.objects.filter(cases__isnull=False)
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
    """The panel's themes across all meetings in the last twelve months (8 queries)."""
    months = theme_months(today=today)
    first_day = datetime.date(months[0][0], months[0][1], 1)
    meetings = PanelMeeting.objects.filter(held_on__gte=first_day)
    case_rows = list(
        PanelCase.objects.filter(meeting__in=meetings).values(
            "pk", "young_person_id", "meeting__held_on"
        )
    )
    reason_codes: dict[int, list[str]] = defaultdict(list)
    for case_id, code in PanelCase.reasons.through.objects.filter(
        panelcase__meeting__in=meetings
    ).values_list("panelcase_id", "neetreason__code"):
        reason_codes[case_id].append(code)
    cases = [
        themes.CaseValue(
            meeting_on=row["meeting__held_on"],
            young_person_id=row["young_person_id"],
            reasons=tuple(reason_codes.get(row["pk"], ())),
        )
        for row in case_rows
    ]
    actions = [
        themes.ActionValue(meeting_on=held_on, kind=kind)
        for held_on, kind in PanelAction.objects.filter(case__meeting__in=meetings).values_list(
            "case__meeting__held_on", "kind"
        )
    ]
    reason_list = list(NeetReason.objects.order_by("order", "label").values_list("code", "label"))
    reason_labels = dict(reason_list)
    complete = themes.complete_months(months, today)
    return ThemeSummary(
        months=months,
        month_labels=[
            datetime.date(y, m, 1).strftime("%b %Y") + ("" if index < complete else " so far")
            for index, (y, m) in enumerate(months)
        ],
        young_people=themes.young_people_by_month(cases, months),
        reasons=_rows(
            themes.reasons_by_month(cases, months),
            reason_labels,
            [code for code, _ in reason_list],
            complete,
        ),
        actions=_rows(
            themes.actions_by_month(actions, months),
            dict(ActionKind.choices),
            list(ActionKind.values),
            complete,
        ),
        durations=[
            DurationRow(label=reason_labels.get(row.reason, row.reason), row=row)
            for row in themes.neet_duration_by_reason(neet_histories(), today=today)
        ],
        meetings=meetings.count(),
    )


def neet_histories() -> list[themes.NeetHistory]:
    """Every live young person's NEET episodes and reasons, as plain values (2 queries)."""
    episodes: dict[int, list[ActivityValue]] = defaultdict(list)
    for row in (
        ActivityEpisode.objects.live()
        .filter(activ__in=ACTIV_NEET, young_person__archived_at__isnull=True)
        .values(*VALUE_FIELDS)
    ):
        episodes[row["young_person_id"]].append(_value(row))
    spans: dict[int, list[themes.ReasonSpan]] = defaultdict(list)
    for young_person_id, code, identified_on, resolved_on in (
        NeetReasonRecord.objects.live()
        .filter(young_person__archived_at__isnull=True)
        .values_list("young_person_id", "reason__code", "identified_on", "resolved_on")
    ):
        spans[young_person_id].append(themes.ReasonSpan(code, identified_on, resolved_on))
    return [
        themes.NeetHistory(young_person_id, tuple(episodes[young_person_id]), tuple(reasons))
        for young_person_id, reasons in spans.items()
        if young_person_id in episodes
    ]


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


def current_activ_codes(
    young_people: QuerySet[YoungPerson], *, on: datetime.date
) -> dict[int, str]:
    """The main ACTIV code on `on` for each young person with one (1 query)."""
    rows: dict[int, list[ActivityValue]] = defaultdict(list)
    for row in (
        ActivityEpisode.objects.live()
        .filter(young_person__in=young_people.values("pk"), start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .values(*VALUE_FIELDS)
    ):
        rows[row["young_person_id"]].append(_value(row))
    codes = {}
    for young_person_id, values in rows.items():
        main = activ_rules.activity_on(values, on)
        if main is not None:
            codes[young_person_id] = main.activ
    return codes


def eet_rates_on(*, on: datetime.date) -> list[BandReport]:
    """EET by age band on `on` across the service, with the council's targets and the latest
    national figure (3 queries). A snapshot, not the DfE's birthday measure: the page says so."""
    earliest, latest = _date_of_birth_range(on, 17, 25)
    cohort = YoungPerson.objects.live().filter(
        category__in=EET_RATE_CATEGORIES,
        date_of_birth__gte=earliest,
        date_of_birth__lte=latest,
    )
    codes = current_activ_codes(cohort, on=on)
    people = [
        eet_rates.PersonActivity(date_of_birth=date_of_birth, activ=codes.get(pk))
        for pk, date_of_birth in cohort.values_list("pk", "date_of_birth")
    ]
    policy = LearningPolicy.current()
    return [
        BandReport(
            rate=rate,
            target=policy.eet_target_for(rate.band.key),
            national=eet_rates.latest_national_figure(rate.band.key),
        )
        for rate in eet_rates.eet_rates_by_band(people, on=on)
    ]


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


def pep_completion(*, today: datetime.date) -> list[pep.MonthCompletion]:
    """The completion rate by month for the last twelve months, across the service (1 query)."""
    months = pep.months_back(today, PEP_MONTHS)
    first_day = datetime.date(months[0][0], months[0][1], 1)
    values = [
        pep.PepValue(due_on=due_on, completed_on=completed_on)
        for due_on, completed_on in PersonalEducationPlan.objects.filter(
            due_on__gte=first_day, due_on__lte=today, not_required_on__isnull=True
        ).values_list("due_on", "completed_on")
    ]
    return pep.pep_completion_by_month(values, months=months, today=today)


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
