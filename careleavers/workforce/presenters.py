"""Tables and summaries for workforce pages: plain data in, govuk_table rows out."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.urls import reverse

from careleavers.core.dates import format_date
from careleavers.workforce import figures
from careleavers.workforce.selectors import (
    CourseStatus,
    PostRow,
    TeamCaseloads,
    TeamFrequency,
    WorkerCaseload,
    WorkerFrequency,
)
from careleavers.workforce.training import CourseCompliance, TrainingOverdue

NUMERIC = "numeric"


def num(value: Any) -> dict[str, Any]:
    return {"text": value, "format": NUMERIC}


def head_num(text: str) -> dict[str, str]:
    return {"text": text, "format": NUMERIC}


def pct(value: float | None) -> dict[str, Any]:
    return num(figures.percent_text(value))


def date_text(value: datetime.date | None, empty: str = "None") -> str:
    return format_date(value) if value else empty


def fte_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}".rstrip("0")


def one_place(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


# Supervision -------------------------------------------------------------------------------------


FREQUENCY_HEAD = [
    "Worker",
    "Team",
    "Role",
    "Last supervision",
    "Next due",
    "Status",
]


def frequency_status(row: WorkerFrequency, today: datetime.date) -> dict[str, Any]:
    if row.in_time:
        due_soon = row.next_due is not None and (row.next_due - today).days <= 7
        return {"text": "Due within a week" if due_soon else "In time"}
    if row.last_held is None and row.next_due is None:
        return {"text": "Never supervised"}
    return {"text": "Overdue"}


def _name(person: Any, href: str | None) -> Any:
    """The person's full name for a table cell, a link to `href` when there is one."""
    name = person.get_full_name()
    return {"text": name, "href": href} if href else name


def frequency_rows(
    rows: Iterable[WorkerFrequency], *, today: datetime.date, record_links: bool = False
) -> list[list[Any]]:
    result = []
    for row in rows:
        name = _name(
            row.worker,
            reverse("workforce:supervision_add", kwargs={"worker_pk": row.worker.pk})
            if record_links
            else None,
        )
        role = row.role + (" (new starter)" if row.new_starter else "")
        result.append(
            [
                name,
                row.team_name,
                role,
                {"text": date_text(row.last_held), "sort_value": str(row.last_held or "")},
                {"text": date_text(row.next_due, "Now"), "sort_value": str(row.next_due or "")},
                frequency_status(row, today)["text"],
            ]
        )
    return result


TEAM_FREQUENCY_HEAD = [
    "Team",
    head_num("Workers"),
    head_num("Supervised in time"),
    head_num("In time"),
]


def team_frequency_rows(
    rows: Sequence[TeamFrequency], *, every_team: Sequence[TeamFrequency] | None = None
) -> list[list[Any]]:
    """Rows for some teams (a page of `every_team`, or all), then the total of every team."""
    every_team = rows if every_team is None else every_team
    result: list[list[Any]] = [
        [row.team, num(row.workers), num(row.in_time), pct(row.in_time_rate)] for row in rows
    ]
    if len(every_team) > 1:
        workers = sum(row.workers for row in every_team)
        in_time = sum(row.in_time for row in every_team)
        result.append(
            ["All teams", num(workers), num(in_time), pct(figures.rate(in_time, workers))]
        )
    return result


GRADE_HEAD = [
    "",
    head_num("Graded"),
    head_num("Reflective"),
    head_num("Compliance-led"),
    head_num("Reflective %"),
]


def grade_head(first: str) -> list[Any]:
    return [first, *GRADE_HEAD[1:]]


def grade_rows(rows: Iterable[figures.GradeCount]) -> list[list[Any]]:
    return [
        [
            row.label,
            num(row.graded),
            num(row.reflective),
            num(row.compliance_led),
            pct(row.reflective_rate),
        ]
        for row in rows
    ]


SUPERVISION_LIST_HEAD = [
    "Date",
    "Worker",
    "Supervisor",
    head_num("Young people discussed"),
    head_num("Open actions"),
    "Worker's comment",
    "Grade",
]


MY_SUPERVISION_HEAD = [
    "Date",
    "Supervisor",
    head_num("Young people discussed"),
    head_num("Open actions"),
    "Your comment",
    "Grade",
]


def supervision_list_rows(records: Iterable[Any], *, mine: bool = False) -> list[list[Any]]:
    """Rows for a list of records; `mine` leaves out the worker (the reader)."""
    rows = []
    for record in records:
        # A record never sampled has no review (the reverse one-to-one raises AttributeError).
        review = getattr(record, "review", None)
        row: list[Any] = [
            {
                "text": format_date(record.held_on),
                "href": reverse("workforce:supervision_detail", kwargs={"pk": record.pk}),
                "sort_value": record.held_on.isoformat(),
            },
            record.worker.get_full_name(),
            record.supervisor.get_full_name(),
            num(record.young_people_count),
            num(record.actions_open),
            "Added" if record.worker_responded_at else "Not yet",
            review.get_grade_display() if review and review.grade else "Not graded",
        ]
        if mine:
            del row[1]
        rows.append(row)
    return rows


SAMPLE_HEAD = ["Date", "Worker", "Supervisor", "Team", ""]


def sample_rows(records: Iterable[Any], *, action: str = "Grade") -> list[list[Any]]:
    return [
        [
            format_date(record.held_on),
            record.worker.get_full_name(),
            record.supervisor.get_full_name(),
            record.team.name if record.team else "No team",
            {
                "text": action,
                "href": reverse("workforce:supervision_grade", kwargs={"pk": record.pk}),
            },
        ]
        for record in records
    ]


# Workforce ---------------------------------------------------------------------------------------


POSTS_HEAD = ["Post", "Team", head_num("FTE"), "Funded", "Held by", "Status"]


def post_status(row: PostRow) -> str:
    if not row.funded:
        return "Not funded now"
    if row.vacant:
        return "Vacant"
    if any(job.kind == "agency" for job in row.holders):
        return "Filled (agency)"
    return "Filled"


def posts_rows(rows: Iterable[PostRow]) -> list[list[Any]]:
    result = []
    for row in rows:
        post = row.post
        funded = f"From {format_date(post.funded_from)}"
        if post.funded_to:
            funded += f" to {format_date(post.funded_to)}"
        result.append(
            [
                {
                    "text": f"{post.get_role_display()} {post.reference}".strip(),
                    "href": reverse("workforce:post_detail", kwargs={"pk": post.pk}),
                },
                post.team.name,
                num(fte_text(post.fte)),
                funded,
                ", ".join(job.staff.get_full_name() for job in row.holders) or "Nobody",
                post_status(row),
            ]
        )
    return result


EMPLOYMENT_HEAD = ["Who", "Post", "Permanent or agency", head_num("FTE"), "Start", "End", "Reason"]


def employment_rows(
    jobs: Iterable[Any], *, show_post: bool = True, end_links: bool = False
) -> list[list[Any]]:
    rows = []
    for job in jobs:
        end: Any = date_text(job.end, "Current")
        if end_links and job.end is None:
            end = {
                "text": "Current: record leaving",
                "href": reverse("workforce:employment_end", kwargs={"pk": job.pk}),
            }
        row = [
            job.staff.get_full_name(),
            str(job.post) if show_post else "",
            job.get_kind_display(),
            num(fte_text(job.fte)),
            format_date(job.start),
            end,
            job.get_leaving_reason_display() if job.leaving_reason else "",
        ]
        rows.append(row)
    return rows


ABSENCE_HEAD = ["First day", "Last day", head_num("Working days lost"), "Reason"]


def absence_rows(absences: Iterable[Any], *, end_links: bool = False) -> list[list[Any]]:
    rows = []
    for absence in absences:
        last: Any = date_text(absence.last_day, "Still off")
        if end_links and absence.last_day is None:
            last = {
                "text": "Still off: record return",
                "href": reverse("workforce:absence_end", kwargs={"pk": absence.pk}),
            }
        rows.append(
            [
                format_date(absence.first_day),
                last,
                num(f"{absence.working_days_lost:g}"),
                absence.get_reason_display(),
            ]
        )
    return rows


COURSE_STATUS_HEAD = ["Course", "Mandatory", "Last completed", "Next due", "Status"]


def course_status_rows(statuses: Iterable[CourseStatus]) -> list[list[Any]]:
    rows = []
    for status in statuses:
        if status.overdue:
            text = "Overdue"
        elif status.last_completed:
            text = "Done"
        elif status.course.mandatory:
            text = "To do"
        else:
            text = "Optional"
        rows.append(
            [
                status.course.name,
                "Yes" if status.course.mandatory else "No",
                date_text(status.last_completed, "Not done"),
                date_text(status.due_on, "Now" if status.overdue else "Not due"),
                text,
            ]
        )
    return rows


COMPLIANCE_HEAD = ["Course", head_num("Staff"), head_num("In date"), head_num("In date %")]


def compliance_rows(rows: Iterable[CourseCompliance]) -> list[list[Any]]:
    return [[row.course.name, num(row.staff), num(row.in_date), pct(row.rate)] for row in rows]


OVERDUE_HEAD = ["Who", "Team", "Course", "Last completed", "Was due"]


def overdue_rows(rows: Iterable[TrainingOverdue], *, links: bool) -> list[list[Any]]:
    result = []
    for row in rows:
        name = _name(
            row.staff,
            reverse("workforce:staff_detail", kwargs={"pk": row.staff.pk}) if links else None,
        )
        result.append(
            [
                name,
                row.staff.team.name if row.staff.team else "",
                row.status.course.name,
                date_text(row.status.last_completed, "Never"),
                date_text(row.status.due_on, "Start date not recorded"),
            ]
        )
    return result


CASELOAD_HEAD = [
    "Worker",
    "Team",
    "Role",
    head_num("Young people"),
    head_num("Hours running groups, last 3 months"),
]


def caseload_rows(rows: Iterable[WorkerCaseload]) -> list[list[Any]]:
    return [
        [
            row.worker.get_full_name(),
            row.team_name,
            row.role,
            num(row.caseload),
            num(f"{row.group_hours:g}"),
        ]
        for row in rows
    ]


CASELOAD_TEAM_HEAD = [
    "Team",
    "Role",
    head_num("Workers"),
    head_num("Fewest"),
    head_num("Median"),
    head_num("Most"),
    head_num("Average"),
]


def caseload_team_rows(rows: Iterable[TeamCaseloads]) -> list[list[Any]]:
    return [
        [
            row.team,
            row.role,
            num(row.spread.count),
            num(row.spread.minimum if row.spread.minimum is not None else "–"),
            num(f"{row.spread.median:g}" if row.spread.median is not None else "–"),
            num(row.spread.maximum if row.spread.maximum is not None else "–"),
            num(one_place(row.spread.mean)),
        ]
        for row in rows
    ]


TRENDS_HEAD = [
    "Month",
    head_num("Funded posts"),
    head_num("Vacant"),
    head_num("Vacancy rate"),
    head_num("Agency rate"),
    head_num("Starters"),
    head_num("Leavers"),
    head_num("Sickness days per FTE"),
]


def trend_rows(months: Iterable[figures.MonthFigures]) -> list[list[Any]]:
    return [
        [
            month.label,
            num(month.snapshot.funded_posts),
            num(month.snapshot.vacant_posts),
            pct(month.snapshot.vacancy_rate),
            pct(month.snapshot.agency_rate),
            num(month.starters),
            num(month.leavers),
            num(one_place(month.sickness_days_per_fte)),
        ]
        for month in reversed(list(months))
    ]
