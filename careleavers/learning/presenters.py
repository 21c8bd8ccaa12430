"""Turn EET records into the rows GOV.UK components show. No queries here: callers pass rows
they have already loaded."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from careleavers.core.dates import format_date
from careleavers.core.dfe_codes import ACTIV_NEET
from careleavers.core.templatetags.govuk import govuk_tag
from careleavers.learning.activ import RECORDABLE_ACTIV
from careleavers.learning.models import (
    ActivityEpisode,
    NeetReasonRecord,
    PanelCase,
    PersonalEducationPlan,
)

_ACTIV = dict(RECORDABLE_ACTIV)

STATUS_COLOURS = {"Completed": "green", "Overdue": "red", "Due": "blue", "Not needed": "grey"}


def activity_label(activ: str) -> str:
    return f"{_ACTIV.get(activ, activ)} ({activ})"


def hours(value: Any) -> str:
    """Hours a week without a needless ".0": 16, 37.5."""
    return f"{value:.1f}".removesuffix(".0") if value is not None else ""


def percent(value: float | None) -> str:
    return "No one in the group" if value is None else f"{value:g}%"


def activity_tag(activ: str) -> SafeString:
    if activ in ACTIV_NEET:
        return govuk_tag("Not in education, employment or training", "orange")
    return govuk_tag("In education, employment or training", "green")


def activity_marks(episode: ActivityEpisode) -> list[str]:
    marks = []
    if episode.is_apprenticeship:
        marks.append("Apprenticeship")
    if episode.council_job_offer:
        marks.append("Offered by the council")
    if episode.is_training:
        marks.append("Training")
    if episode.is_higher_education:
        marks.append(f"Started higher education on {format_date(episode.start)}")
    return marks


def activity_panel_rows(
    *,
    current: ActivityEpisode | None,
    open_reasons: Sequence[NeetReasonRecord],
    next_pep: PersonalEducationPlan | None,
    today: datetime.date,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "key": "Current activity",
            "value": activity_label(current.activ) if current else None,
        }
    ]
    if current is not None:
        rows.append({"key": "Since", "value": current.start})
        if current.provider:
            rows.append({"key": "Where", "value": current.provider})
        if current.planned_end:
            rows.append({"key": "Due to end", "value": current.planned_end})
        marks = activity_marks(current)
        if marks:
            rows.append({"key": "Marked as", "value": marks})
    if open_reasons:
        rows.append(
            {
                "key": "Reasons not in education, employment or training",
                "value": [record.reason.label for record in open_reasons],
            }
        )
    if next_pep is not None:
        rows.append(
            {
                "key": "Next personal education plan",
                "value": f"{next_pep.status_on(today)}: {format_date(next_pep.due_on)}",
            }
        )
    return rows


def current_activity_rows(current: ActivityEpisode) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"key": "Activity", "value": activity_label(current.activ)},
        {"key": "Since", "value": current.start},
        {
            "key": "Where",
            "value": ", ".join(
                part for part in (current.course_or_role, current.provider) if part
            ),
        },
    ]
    if current.hours_per_week:
        rows.append({"key": "Hours a week", "value": hours(current.hours_per_week)})
    if current.planned_end:
        rows.append({"key": "Due to end", "value": current.planned_end})
    marks = activity_marks(current)
    if marks:
        rows.append({"key": "Marked as", "value": marks})
    rows.append({"key": "What they say", "value": current.young_persons_view})
    return rows


def numeric(*texts: str) -> list[dict[str, str]]:
    """Headings of columns of numbers, aligned as numbers are."""
    return [{"text": text, "format": "numeric"} for text in texts]


def _against_target(meets: bool | None, *, none: str) -> Any:
    """Whether a figure meets its target, as a tag; `none` when there is no figure."""
    if meets is None:
        return none
    return govuk_tag("Meets target", "green") if meets else govuk_tag("Below target", "red")


REASON_HEAD = ["Reason", "What they say", "Recorded", "Status", ""]
PEP_HEAD = ["Term", "Due", "Status", "Completed", "Quality"]
AGENDA_HEAD = [
    "Young person",
    "Why they are listed",
    "Reasons when listed",
    "Discussed",
    *numeric("Actions"),
]
ACTIVITY_HEAD = ["Activity", "Where", "Hours a week", "Started", "Ended", "Marked as", ""]


def activity_rows(
    episodes: Iterable[ActivityEpisode], *, young_person_id: int, can_change: bool
) -> list[list[Any]]:
    rows = []
    for episode in episodes:
        actions: Any = ""
        if can_change:
            links = []
            if episode.end is None:
                links.append(
                    format_html(
                        '<a class="govuk-link" href="{}">End<span class="govuk-visually-hidden">'
                        " {}</span></a>",
                        reverse(
                            "learning:activity_end",
                            kwargs={"pk": young_person_id, "activity_pk": episode.pk},
                        ),
                        activity_label(episode.activ),
                    )
                )
            links.append(
                format_html(
                    '<a class="govuk-link" href="{}">Recorded in error<span '
                    'class="govuk-visually-hidden">: {}</span></a>',
                    reverse(
                        "learning:activity_archive",
                        kwargs={"pk": young_person_id, "activity_pk": episode.pk},
                    ),
                    activity_label(episode.activ),
                )
            )
            actions = SafeString("<br>".join(links))
        where = ", ".join(part for part in (episode.course_or_role, episode.provider) if part)
        ended: Any = episode.end or (
            f"Due to end {format_date(episode.planned_end)}" if episode.planned_end else "Ongoing"
        )
        rows.append(
            [
                activity_label(episode.activ),
                where or "Not recorded",
                {
                    "text": hours(episode.hours_per_week),
                    "format": "numeric",
                },
                episode.start,
                ended,
                ", ".join(activity_marks(episode)),
                actions,
            ]
        )
    return rows


def neet_reason_rows(
    records: Iterable[NeetReasonRecord], *, young_person_id: int, can_change: bool
) -> list[list[Any]]:
    rows = []
    for record in records:
        status: Any = (
            govuk_tag("Current", "orange")
            if record.is_open
            else f"Resolved {format_date(record.resolved_on)}"  # type: ignore[arg-type]
        )
        action: Any = ""
        if can_change and record.is_open:
            action = format_html(
                '<a class="govuk-link" href="{}">Resolved<span class="govuk-visually-hidden">: '
                "{}</span></a>",
                reverse(
                    "learning:neet_reason_resolve",
                    kwargs={"pk": young_person_id, "reason_pk": record.pk},
                ),
                record.reason.label,
            )
        rows.append(
            [
                record.reason.label,
                record.young_persons_view or "Not recorded",
                record.identified_on,
                status,
                action,
            ]
        )
    return rows


def pep_rows(
    peps: Iterable[PersonalEducationPlan], *, young_person_id: int, today: datetime.date
) -> list[list[Any]]:
    rows = []
    for pep in peps:
        status = pep.status_on(today)
        rows.append(
            [
                {
                    "text": pep.term_label,
                    "href": reverse(
                        "learning:pep_detail", kwargs={"pk": young_person_id, "pep_pk": pep.pk}
                    ),
                },
                pep.due_on,
                govuk_tag(status, STATUS_COLOURS[status]),
                pep.completed_on or "",
                pep.get_quality_grade_display() or "Not reviewed",
            ]
        )
    return rows


def panel_case_rows(cases: Iterable[PanelCase]) -> list[list[Any]]:
    """The agenda: one row per young person, with why they are listed."""
    rows = []
    for case in cases:
        if case.listed_because == "neet":
            why = "Not in education, employment or training" + (
                f" since {format_date(case.neet_since)}" if case.neet_since else ""
            )
        else:
            why = "Course or contract ends" + (
                f" {format_date(case.course_ends_on)}" if case.course_ends_on else " soon"
            )
        reasons = ", ".join(reason.label for reason in case.reasons.all())
        actions = list(case.actions.all())
        rows.append(
            [
                {
                    "text": case.young_person.display_name,
                    "href": reverse(
                        "learning:panel_case",
                        kwargs={"meeting_pk": case.meeting_id, "case_pk": case.pk},
                    ),
                },
                why,
                reasons or "None recorded",
                "Discussed" if case.discussed_at else "Not yet",
                {"text": len(actions), "format": "numeric"},
            ]
        )
    return rows


def month_table(
    first_column: str, month_labels: Sequence[str], rows: Iterable[Any]
) -> tuple[list[Any], list[list[Any]]]:
    """A theme table: one row per reason or kind of action, a column per month, the total and
    the trend."""
    head: list[Any] = [first_column]
    head += [*numeric(*month_labels, "Total"), "Trend"]
    body = [[row.label, *row.counts, row.total, row.trend] for row in rows]
    return head, body


DURATION_HEAD = [
    "Reason",
    *numeric("Young people", "Periods not in EET", "Median days"),
    *numeric("Longest (days)", "Still not in EET"),
]


def duration_rows(rows: Iterable[Any]) -> list[list[Any]]:
    return [
        [
            row.label,
            row.row.young_people,
            row.row.spells,
            row.row.median_days,
            row.row.longest_days,
            row.row.still_neet,
        ]
        for row in rows
    ]


RATES_HEAD = [
    "Age band",
    *numeric("Young people", "In EET", "Not in EET", "Not known", "EET rate", "Our target"),
    "Against target",
    *numeric("England"),
]


def rates_rows(bands: Iterable[Any]) -> list[list[Any]]:
    rows = []
    for band in bands:
        against = _against_target(band.meets_target, none="No one in the group")
        national = (
            f"{band.national.percent:g}% ({band.national.year})"
            if band.national
            else "Not available"
        )
        rows.append(
            [
                band.rate.band.label,
                band.rate.cohort,
                band.rate.eet,
                band.rate.neet,
                band.rate.not_known,
                {"text": percent(band.rate.eet_rate), "format": "numeric"},
                {"text": f"{band.target}%", "format": "numeric"},
                against,
                {"text": national, "format": "numeric"},
            ]
        )
    return rows


PEP_MONTH_HEAD = [
    "Month",
    *numeric("Due", "On time", "Late", "Not done", "Completed on time"),
    "Against target",
]


def pep_month_rows(months: Iterable[Any], *, target: int) -> list[list[Any]]:
    rows = []
    for month in months:
        rate = month.rate
        against = _against_target(None if rate is None else rate >= target, none="Nothing due")
        rows.append(
            [
                month.label,
                month.due,
                month.on_time,
                month.late,
                month.outstanding,
                {"text": "" if rate is None else f"{rate:g}%", "format": "numeric"},
                against,
            ]
        )
    return rows


PEP_LIST_HEAD = ["Young person", "Term", "Due", "Status"]
PEP_REVIEW_HEAD = ["Young person", "Term", "Completed"]


def pep_list_rows(
    peps: Iterable[PersonalEducationPlan], *, today: datetime.date
) -> list[list[Any]]:
    rows = []
    for pep in peps:
        status = pep.status_on(today)
        rows.append(
            [
                {
                    "text": pep.young_person.display_name,
                    "href": reverse(
                        "learning:pep_detail",
                        kwargs={"pk": pep.young_person_id, "pep_pk": pep.pk},
                    ),
                },
                pep.term_label,
                pep.due_on,
                govuk_tag(status, STATUS_COLOURS[status]),
            ]
        )
    return rows


def pep_review_rows(peps: Iterable[PersonalEducationPlan]) -> list[list[Any]]:
    return [
        [
            {
                "text": pep.young_person.display_name,
                "href": reverse(
                    "learning:pep_detail", kwargs={"pk": pep.young_person_id, "pep_pk": pep.pk}
                ),
            },
            pep.term_label,
            pep.completed_on,
        ]
        for pep in peps
    ]


MEETING_HEAD = ["Date", "Where", "Chair", *numeric("Young people")]
