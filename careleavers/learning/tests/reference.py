"""The EET figures worked out in Python, one record at a time, as the pages did before the
database counted them (December 2026): the tests' reference that the database's counts are the
same figures. Too slow for a page at a national council's size; plain enough to trust.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careleavers.core.dates import age_on
from careleavers.core.dfe_codes import ACTIV_EET, ACTIV_NEET
from careleavers.learning import activ as activ_rules
from careleavers.learning import eet_rates, pep, selectors, themes
from careleavers.learning.activ import ActivityValue
from careleavers.learning.figures_in_python import (
    NeetHistory,
    ReasonSpan,
    age_band_for,
    neet_duration_by_reason,
)
from careleavers.learning.models import (
    ActionKind,
    ActivityEpisode,
    NeetReason,
    NeetReasonRecord,
    PanelAction,
    PanelCase,
    PanelMeeting,
    PersonalEducationPlan,
)
from careleavers.people.models import YoungPerson

Month = tuple[int, int]


def _month(day: datetime.date) -> Month:
    return (day.year, day.month)


# Themes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseValue:
    meeting_on: datetime.date
    young_person_id: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionValue:
    meeting_on: datetime.date
    kind: str


def reasons_by_month(cases: Iterable[CaseValue], months: Sequence[Month]) -> dict[str, list[int]]:
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
    index = {month: position for position, month in enumerate(months)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for action in actions:
        position = index.get(_month(action.meeting_on))
        if position is not None:
            counts[action.kind][position] += 1
    return dict(counts)


def young_people_by_month(cases: Iterable[CaseValue], months: Sequence[Month]) -> list[int]:
    index = {month: position for position, month in enumerate(months)}
    people: list[set[int]] = [set() for _ in months]
    for case in cases:
        position = index.get(_month(case.meeting_on))
        if position is not None:
            people[position].add(case.young_person_id)
    return [len(group) for group in people]


def _value(row: dict) -> ActivityValue:
    return ActivityValue(
        activ=row["activ"], start=row["start"], end=row["end"], is_training=row["is_training"]
    )


def neet_histories() -> list[NeetHistory]:
    episodes: dict[int, list[ActivityValue]] = defaultdict(list)
    for row in (
        ActivityEpisode.objects.live()
        .filter(activ__in=ACTIV_NEET, young_person__archived_at__isnull=True)
        .values(*selectors.VALUE_FIELDS)
    ):
        episodes[row["young_person_id"]].append(_value(row))
    spans: dict[int, list[ReasonSpan]] = defaultdict(list)
    for young_person_id, code, identified_on, resolved_on in (
        NeetReasonRecord.objects.live()
        .filter(young_person__archived_at__isnull=True)
        .values_list("young_person_id", "reason__code", "identified_on", "resolved_on")
    ):
        spans[young_person_id].append(ReasonSpan(code, identified_on, resolved_on))
    return [
        NeetHistory(young_person_id, tuple(episodes[young_person_id]), tuple(reasons))
        for young_person_id, reasons in spans.items()
        if young_person_id in episodes
    ]


def theme_summary(*, today: datetime.date) -> selectors.ThemeSummary:
    months = selectors.theme_months(today=today)
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
        CaseValue(
            meeting_on=row["meeting__held_on"],
            young_person_id=row["young_person_id"],
            reasons=tuple(reason_codes.get(row["pk"], ())),
        )
        for row in case_rows
    ]
    actions = [
        ActionValue(meeting_on=held_on, kind=kind)
        for held_on, kind in PanelAction.objects.filter(case__meeting__in=meetings).values_list(
            "case__meeting__held_on", "kind"
        )
    ]
    reason_list = list(NeetReason.objects.order_by("order", "label").values_list("code", "label"))
    reason_labels = dict(reason_list)
    complete = themes.complete_months(months, today)
    return selectors.ThemeSummary(
        months=months,
        month_labels=[
            datetime.date(y, m, 1).strftime("%b %Y") + ("" if index < complete else " so far")
            for index, (y, m) in enumerate(months)
        ],
        young_people=young_people_by_month(cases, months),
        reasons=selectors._rows(
            reasons_by_month(cases, months),
            reason_labels,
            [code for code, _ in reason_list],
            complete,
        ),
        actions=selectors._rows(
            actions_by_month(actions, months),
            dict(ActionKind.choices),
            list(ActionKind.values),
            complete,
        ),
        durations=[
            selectors.DurationRow(label=reason_labels.get(row.reason, row.reason), row=row)
            for row in neet_duration_by_reason(neet_histories(), today=today)
        ],
        meetings=meetings.count(),
    )


# EET rates ------------------------------------------------------------------------------------


def eet_rates_on(*, on: datetime.date) -> list[eet_rates.BandRate]:
    """Each relevant or former relevant young person's main activity on `on` (activ.activity_on),
    tallied by age band."""
    cohort = YoungPerson.objects.live().filter(category__in=selectors.EET_RATE_CATEGORIES)
    episodes: dict[int, list[ActivityValue]] = defaultdict(list)
    for row in (
        ActivityEpisode.objects.live()
        .filter(young_person__in=cohort.values("pk"))
        .values(*selectors.VALUE_FIELDS)
    ):
        episodes[row["young_person_id"]].append(_value(row))
    tallies = {band.key: [0, 0, 0, 0] for band in eet_rates.AGE_BANDS}
    for pk, date_of_birth in cohort.values_list("pk", "date_of_birth"):
        band = age_band_for(age_on(date_of_birth, on))
        if band is None:
            continue
        main = activ_rules.activity_on(episodes[pk], on)
        tally = tallies[band.key]
        tally[0] += 1
        if main is not None and main.activ in ACTIV_EET:
            tally[1] += 1
        elif main is not None and main.activ in ACTIV_NEET:
            tally[2] += 1
        else:
            tally[3] += 1
    return [eet_rates.BandRate(band, *tallies[band.key]) for band in eet_rates.AGE_BANDS]


# PEP completion -------------------------------------------------------------------------------


def pep_completion(*, today: datetime.date) -> list[pep.MonthCompletion]:
    months = pep.months_back(today, selectors.PEP_MONTHS)
    first_day = datetime.date(months[0][0], months[0][1], 1)
    tallies: dict[tuple[int, int], list[int]] = {month: [0, 0, 0, 0] for month in months}
    for due_on, completed_on in PersonalEducationPlan.objects.filter(
        due_on__gte=first_day, due_on__lte=today, not_required_on__isnull=True
    ).values_list("due_on", "completed_on"):
        key = (due_on.year, due_on.month)
        if key not in tallies or due_on > today:
            continue
        tally = tallies[key]
        tally[0] += 1
        if completed_on is None or completed_on > today:
            tally[3] += 1
        elif completed_on <= due_on:
            tally[1] += 1
        else:
            tally[2] += 1
    return [pep.MonthCompletion(year, month, *tallies[(year, month)]) for year, month in months]
