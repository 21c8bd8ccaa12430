"""Turn quality records into the rows, tables and task lists the templates show.

No queries beyond those named: each function works on what it is given, or says what it reads.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from careleavers.core.dates import format_date
from careleavers.core.practice_framework import GRADES, JUDGEMENT_AREAS, label
from careleavers.core.templatetags.govuk import govuk_tag
from careleavers.quality import selectors
from careleavers.quality.models import AnswerRating, CaseAudit
from careleavers.quality.standards import (
    GRADES_WITHOUT_ACTIONS,
    RATINGS_NEEDING_EVIDENCE,
    is_overdue,
    rate_text,
    section_status,
)

GRADE_COLOURS = {
    "outstanding": "green",
    "good": "turquoise",
    "requires_improvement": "orange",
    "inadequate": "red",
}
RATING_COLOURS: dict[str, str] = {
    AnswerRating.MET: "green",
    AnswerRating.PARTLY_MET: "yellow",
    AnswerRating.NOT_MET: "red",
    AnswerRating.NOT_APPLICABLE: "grey",
}
STATUS_TEXT = {
    "completed": "Completed",
    "in_progress": "In progress",
    "not_started": "Not yet started",
}


def role_label(role: str) -> str:
    return {"pa": "personal adviser", "sw": "social worker"}.get(role, "worker")


def grade_tag(code: str) -> SafeString | str:
    if not code:
        return ""
    return govuk_tag(label(GRADES, code), GRADE_COLOURS.get(code, ""))


def _date(day: datetime.date | None) -> str:
    return format_date(day) if day else ""


def _name(user: Any) -> str:
    return (user.get_full_name() or user.email) if user is not None else ""


def _num(value: int) -> dict[str, Any]:
    return {"text": str(value), "format": "numeric"}


# The audit programme -------------------------------------------------------------------------


def team_completion_table(
    rows: Sequence[selectors.Completion], *, total: tuple[int, int]
) -> dict[str, Any]:
    head = [
        "Team",
        {"text": "Completed", "format": "numeric"},
        {"text": "Target", "format": "numeric"},
        {"text": "Against target", "format": "numeric"},
    ]
    body: list[list[Any]] = [
        [
            row.label,
            _num(row.completed),
            _num(row.target),
            {"text": rate_text(row.completed, row.target), "format": "numeric"},
        ]
        for row in rows
    ]
    completed, target = total
    body.append(
        [
            {"text": "The service", "classes": "govuk-!-font-weight-bold"},
            {"text": str(completed), "format": "numeric", "classes": "govuk-!-font-weight-bold"},
            {"text": str(target), "format": "numeric", "classes": "govuk-!-font-weight-bold"},
            {
                "text": rate_text(completed, target),
                "format": "numeric",
                "classes": "govuk-!-font-weight-bold",
            },
        ]
    )
    return {"head": head, "rows": body}


def month_completion_table(rows: Sequence[selectors.Completion]) -> dict[str, Any]:
    head = [
        "Month",
        {"text": "Completed", "format": "numeric"},
        {"text": "Target", "format": "numeric"},
        {"text": "Against target", "format": "numeric"},
    ]
    body = [
        [
            row.label,
            _num(row.completed),
            _num(row.target),
            {"text": rate_text(row.completed, row.target), "format": "numeric"},
        ]
        for row in reversed(rows)
    ]
    return {"head": head, "rows": body}


def _audit_list_url(**params: Any) -> str:
    query = {}
    for key, value in params.items():
        if value is None or value == "":
            continue
        if isinstance(value, datetime.date):
            query[f"{key}-day"] = str(value.day)
            query[f"{key}-month"] = str(value.month)
            query[f"{key}-year"] = str(value.year)
        else:
            query[key] = str(value)
    return reverse("quality:audit_list") + "?" + urlencode(query)


def grade_table(
    counts: Mapping[str, int],
    *,
    start: datetime.date,
    end: datetime.date,
    team_id: int | None,
) -> dict[str, Any]:
    total = sum(counts.values())
    body = []
    for code, text in GRADES:
        count = counts.get(code, 0)
        body.append(
            [
                {
                    "text": text,
                    "href": _audit_list_url(
                        status="completed", grade=code, start=start, end=end, team=team_id
                    )
                    if count
                    else "",
                },
                _num(count),
                {"text": rate_text(count, total) if total else "", "format": "numeric"},
            ]
        )
    head = [
        "Final grade",
        {"text": "Audits", "format": "numeric"},
        {"text": "Share", "format": "numeric"},
    ]
    return {"head": head, "rows": body, "total": total}


def theme_table(
    themes: Sequence[tuple[str, str, int]],
    *,
    start: datetime.date,
    end: datetime.date,
    team_id: int | None,
) -> dict[str, Any]:
    body = [
        [
            theme_label,
            _num(count),
            {
                "text": f"See the {count} audit{'s' if count != 1 else ''}",
                "href": _audit_list_url(
                    status="completed", theme=key, start=start, end=end, team=team_id
                ),
            },
        ]
        for key, theme_label, count in themes
    ]
    head = ["Learning theme", {"text": "Audits", "format": "numeric"}, "The audits behind it"]
    return {"head": head, "rows": body}


# Audit lists -----------------------------------------------------------------------------------


def status_tag(audit: CaseAudit) -> SafeString:
    if not audit.is_completed:
        return govuk_tag("In progress", "blue")
    if _moderation(audit) is not None:
        return govuk_tag("Moderated", "green")
    return govuk_tag("Completed", "turquoise")


def _moderation(audit: CaseAudit) -> Any:
    # A missing one-to-one raises RelatedObjectDoesNotExist, an AttributeError.
    return getattr(audit, "moderation", None)


def audit_table(audits: Iterable[CaseAudit]) -> dict[str, Any]:
    head = [
        "Young person",
        "Team",
        "Worker audited",
        "Auditor",
        "Status",
        "Completed",
        "Final grade",
    ]
    rows = []
    for audit in audits:
        rows.append(
            [
                {
                    "text": audit.young_person.display_name,
                    "href": reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk}),
                },
                audit.team.name if audit.team else "No team",
                _name(audit.worker) or "Nobody",
                _name(audit.auditor),
                status_tag(audit),
                {"text": _date(audit.completed_on), "sort_value": str(audit.completed_on or "")},
                grade_tag(audit.final_grade),
            ]
        )
    return {"head": head, "rows": rows}


# One audit -------------------------------------------------------------------------------------


def _task(name: str, href: str, status: str, hint: str = "") -> dict[str, Any]:
    return {
        "name": name,
        "href": href,
        "status": status,
        "status_text": STATUS_TEXT[status],
        "hint": hint,
    }


def audit_context(audit: CaseAudit, *, can_change: bool) -> dict[str, Any]:
    """Everything the audit's pages show: the task list, each area's answers and grade, the
    young person's voice, the themes, the actions, the overall grade and the moderation.
    Four queries (answers, area grades, themes, actions)."""
    by_area = selectors.answers_by_area(audit=audit)
    grades = selectors.area_grades_for(audit=audit)
    themes = list(audit.themes.order_by("display_order", "label"))
    actions = list(selectors.actions_for(audit=audit))
    audit_href = reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk})

    def url(name: str, **kwargs: Any) -> str:
        return reverse(f"quality:{name}", kwargs={"audit_pk": audit.pk, **kwargs})

    areas = []
    tasks = []
    for code, area_label in JUDGEMENT_AREAS:
        answers = by_area.get(code, [])
        if not answers:
            continue
        grade = grades.get(code)
        answered = sum(
            1
            for answer in answers
            if answer.rating
            and (answer.rating not in RATINGS_NEEDING_EVIDENCE or answer.evidence.strip())
        )
        done = answered + (1 if grade else 0)
        tasks.append(
            _task(
                area_label,
                url("audit_area", area=code),
                section_status(done=done, total=len(answers) + 1),
                f"{answered} of {len(answers)} questions answered" + ("; graded" if grade else ""),
            )
        )
        areas.append(
            {
                "code": code,
                "label": area_label,
                "href": url("audit_area", area=code) if can_change else "",
                "grade": grade,
                "grade_tag": grade_tag(grade.grade) if grade else "",
                "answers": [
                    {
                        "number": number,
                        "question": answer.question_text,
                        "rating_tag": govuk_tag(
                            answer.get_rating_display(), RATING_COLOURS.get(answer.rating, "")
                        )
                        if answer.rating
                        else "",
                        "evidence": answer.evidence,
                    }
                    for number, answer in enumerate(answers, 1)
                ],
                "rows": [
                    {
                        "key": "Grade for this area",
                        "value": grade_tag(grade.grade) if grade else "",
                    },
                    {"key": "Why this grade", "value": grade.comment if grade else ""},
                ],
            }
        )
    voice_rows = voice_rows_for(audit)
    tasks.append(
        _task(
            "The young person’s feedback",
            url("audit_feedback"),
            "completed" if audit.has_voice else "not_started",
            "Their feedback, or the reason it could not be had. Needed to complete the audit.",
        )
    )
    tasks.append(
        _task(
            "Learning themes",
            url("audit_themes"),
            "completed" if themes else "not_started",
        )
    )
    actions_optional = audit.overall_grade in GRADES_WITHOUT_ACTIONS
    tasks.append(
        _task(
            "Actions for improvement",
            url("audit_actions"),
            "completed" if actions else ("completed" if actions_optional else "not_started"),
            f"{len(actions)} action{'s' if len(actions) != 1 else ''} for the worker and manager",
        )
    )
    tasks.append(
        _task(
            "Overall grade and evaluation",
            url("audit_overall"),
            "completed" if audit.overall_grade and audit.summary else "not_started",
        )
    )
    moderation = _moderation(audit)
    return {
        "tasks": tasks,
        "tasks_done": sum(1 for task in tasks if task["status"] == "completed"),
        "areas": areas,
        "voice_rows": voice_rows,
        "themes": [theme.label for theme in themes],
        "actions": [
            {
                "action": action,
                "assignee": _name(action.assignee),
                "assigned_as": action.get_assigned_as_display(),
                "due": _date(action.due_on),
                "status": action_status_tag(action, timezone.localdate()),
                "href": reverse("quality:action_detail", kwargs={"action_pk": action.pk}),
                "remove_href": url("audit_action_remove", action_pk=action.pk),
            }
            for action in actions
        ],
        "about_rows": _about_rows(audit),
        "overall_rows": [
            {"key": "Overall grade", "value": grade_tag(audit.overall_grade) or ""},
            {"key": "Overall evaluation", "value": audit.summary},
        ],
        "moderation": moderation,
        "moderation_rows": _moderation_rows(audit, moderation),
        "audit_href": audit_href,
        "complete_href": url("audit_complete"),
        "moderate_href": url("audit_moderate"),
    }


def _about_rows(audit: CaseAudit) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"key": "Team", "value": audit.team.name if audit.team else "No team"},
        {
            "key": "Worker audited",
            "value": f"{_name(audit.worker)} ({role_label(audit.worker_role)})"
            if audit.worker
            else "Nobody was allocated",
        },
        {"key": "Manager", "value": _name(audit.manager) or "None"},
        {"key": "Auditor", "value": _name(audit.auditor)},
        {"key": "Started", "value": audit.started_on},
        {"key": "Status", "value": status_tag(audit)},
    ]
    if audit.is_completed:
        rows.append({"key": "Completed", "value": audit.completed_on})
        rows.append({"key": "Final grade", "value": grade_tag(audit.final_grade)})
    return rows


def voice_rows_for(audit: CaseAudit) -> list[dict[str, Any]]:
    """The young person's voice in the audit: their feedback and wellbeing check, or why
    neither could be had."""
    rows: list[dict[str, Any]] = []
    feedback = audit.feedback
    if feedback is not None:
        rows += [
            {
                "key": "Given",
                "value": f"{_date(feedback.given_on)}, {feedback.get_method_display().lower()}",
            },
            {"key": "About", "value": feedback.get_about_display()},
        ]
        if feedback.rating:
            rows.append({"key": "They said things are", "value": feedback.get_rating_display()})
        if feedback.what_is_good:
            rows.append({"key": "What is good", "value": feedback.what_is_good})
        if feedback.what_could_be_better:
            rows.append({"key": "What could be better", "value": feedback.what_could_be_better})
    check = audit.wellbeing_check
    if check is not None:
        rows.append(
            {"key": "Wellbeing check", "value": f"Filled in online on {_date(check.given_on)}"}
        )
        rows += wellbeing_rows(check)
    if rows:
        return rows
    if audit.no_feedback_reason:
        return [
            {"key": "Their feedback", "value": "Could not be had"},
            {"key": "Reason", "value": audit.get_no_feedback_reason_display()},
            {"key": "What was tried", "value": audit.no_feedback_explanation},
        ]
    return [{"key": "Their feedback", "value": "Not recorded yet"}]


def wellbeing_rows(check: Any) -> list[dict[str, Any]]:
    """A wellbeing check's answers as summary list rows, as staff read them."""
    from careleavers.quality.wellbeing import QUESTIONS

    rows = [
        {"key": question.staff_label, "value": check.answer_label(question.key)}
        for question in QUESTIONS
    ]
    if check.anything_else:
        rows.append({"key": "Anything else they told us", "value": check.anything_else})
    return rows


def _moderation_rows(audit: CaseAudit, moderation: Any) -> list[dict[str, Any]]:
    if moderation is None:
        return []
    return [
        {"key": "Moderated by", "value": _name(moderation.moderator)},
        {"key": "Date", "value": moderation.moderated_on},
        {"key": "Auditor’s grade", "value": grade_tag(audit.overall_grade)},
        {
            "key": "Moderator’s grade",
            "value": grade_tag(moderation.grade),
        },
        {"key": "Decision", "value": "Agrees" if moderation.agrees else "Changed the grade"},
        {"key": "Reason", "value": moderation.reason},
    ]


def area_grade_rows(audit: CaseAudit) -> list[dict[str, Any]]:
    """The area grades so far, to help the auditor decide the overall grade. One query."""
    grades = selectors.area_grades_for(audit=audit)
    return [
        {"key": area_label, "value": grade_tag(grades[code].grade) if code in grades else ""}
        for code, area_label in JUDGEMENT_AREAS
    ]


# Actions -------------------------------------------------------------------------------------


def is_action_overdue(action: Any, today: datetime.date) -> bool:
    return is_overdue(due_on=action.due_on, done_on=action.done_on, today=today)


def action_status_tag(action: Any, today: datetime.date) -> SafeString:
    if action.done_on:
        return govuk_tag("Done", "green")
    if is_action_overdue(action, today):
        return govuk_tag("Overdue", "red")
    return govuk_tag("Open", "blue")


def action_table(actions: Iterable[Any], *, today: datetime.date, user: Any) -> dict[str, Any]:
    head = ["Young person", "What needs to be done", "For", "Due by", "Status"]
    rows = []
    for action in actions:
        rows.append(
            [
                {
                    "text": action.audit.young_person.display_name,
                    "href": reverse("quality:action_detail", kwargs={"action_pk": action.pk}),
                },
                action.description[:160],
                "You" if action.assignee_id == user.pk else _name(action.assignee),
                {"text": _date(action.due_on), "sort_value": action.due_on.isoformat()},
                action_status_tag(action, today),
            ]
        )
    return {"head": head, "rows": rows}


def action_rows(action: Any, *, today: datetime.date) -> list[dict[str, Any]]:
    audit = action.audit
    rows: list[dict[str, Any]] = [
        {"key": "Young person", "value": audit.young_person.display_name},
        {"key": "What needs to be done", "value": action.description},
        {
            "key": "For",
            "value": f"{_name(action.assignee)} ({action.get_assigned_as_display().lower()})",
        },
        {"key": "Due by", "value": action.due_on},
        {"key": "Status", "value": action_status_tag(action, today)},
        {
            "key": "From",
            "value": f"A case audit by {_name(audit.auditor)}, completed "
            f"{_date(audit.completed_on)}"
            if audit.completed_on
            else f"A case audit by {_name(audit.auditor)}, in progress",
        },
    ]
    if action.done_on:
        rows.append({"key": "Done on", "value": action.done_on})
        rows.append({"key": "What was done", "value": action.done_note})
        rows.append({"key": "Marked done by", "value": _name(action.done_by)})
    return rows


# Oversight -------------------------------------------------------------------------------------


def oversight_cards(
    entries: Iterable[Any], *, can_review: bool, today: datetime.date
) -> list[dict[str, Any]]:
    cards = []
    for entry in entries:
        rows: list[dict[str, Any]] = [
            {"key": "Direction", "value": entry.direction},
            {"key": "Why", "value": entry.rationale},
            {"key": "Review by", "value": entry.review_by or "No review date"},
        ]
        if entry.reviewed_on:
            rows.append(
                {
                    "key": "Reviewed",
                    "value": f"{_date(entry.reviewed_on)} by {_name(entry.reviewed_by)}",
                }
            )
            rows.append({"key": "What the review found", "value": entry.review_note})
            status: SafeString | str = govuk_tag("Reviewed", "green")
        elif entry.review_by and entry.review_by < today:
            status = govuk_tag("Review overdue", "red")
        elif entry.review_by:
            status = govuk_tag("Review due", "blue")
        else:
            status = ""
        cards.append(
            {
                "title": f"{_date(entry.recorded_on)}: {_name(entry.manager)}",
                "rows": rows,
                "status": status,
                "review_href": reverse(
                    "quality:oversight_review",
                    kwargs={"pk": entry.young_person_id, "entry_pk": entry.pk},
                )
                if can_review and not entry.reviewed_on
                else "",
            }
        )
    return cards


def oversight_team_table(rows: Sequence[selectors.TeamOversight]) -> dict[str, Any]:
    head = [
        "Team",
        {"text": "Young people", "format": "numeric"},
        {"text": "With oversight", "format": "numeric"},
        {"text": "Without", "format": "numeric"},
        {"text": "With oversight (%)", "format": "numeric"},
    ]
    body = [
        [
            row.team_name,
            _num(row.cases),
            _num(row.with_oversight),
            _num(row.without_oversight),
            {"text": rate_text(row.with_oversight, row.cases), "format": "numeric"},
        ]
        for row in rows
    ]
    return {"head": head, "rows": body}


def without_oversight_table(young_people: Iterable[Any]) -> dict[str, Any]:
    head = ["Young person", "Team", "Worker", "Last oversight"]
    rows = [
        [
            {
                "text": person.display_name,
                "href": reverse("quality:oversight_list", kwargs={"pk": person.pk}),
            },
            person.team.name if person.team else "No team",
            person.worker_name or "Nobody allocated",
            {
                "text": _date(person.last_oversight_on) or "Never",
                "sort_value": str(person.last_oversight_on or ""),
            },
        ]
        for person in young_people
    ]
    return {"head": head, "rows": rows}


# Feedback without a name -------------------------------------------------------------------------


def _anonymous_about(feedback: Any) -> str:
    if feedback.about == "personal_adviser":
        name = _name(feedback.adviser)
        return f"Their personal adviser ({name})" if name else "Their personal adviser"
    return feedback.get_about_display()


def _read_tag(feedback: Any) -> SafeString:
    if feedback.read_on is None:
        return govuk_tag("Not read yet", "blue")
    return govuk_tag("Read", "grey")


def anonymous_feedback_table(feedback: Iterable[Any]) -> dict[str, Any]:
    """Reads nothing beyond the rows (their team, adviser and reader come with them)."""
    head = ["Sent on", "Team", "About", "Status"]
    rows = [
        [
            {
                "text": _date(item.given_on),
                "href": reverse("quality:anonymous_feedback_detail", kwargs={"pk": item.pk}),
                "sort_value": item.given_on.isoformat(),
            },
            item.team.name,
            _anonymous_about(item),
            _read_tag(item),
        ]
        for item in feedback
    ]
    return {"head": head, "rows": rows}


def anonymous_feedback_rows(feedback: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"key": "Sent on", "value": _date(feedback.given_on)},
        {"key": "Sent to", "value": feedback.team.name},
        {"key": "About", "value": _anonymous_about(feedback)},
        {
            "key": "They said things are",
            "value": feedback.get_rating_display() if feedback.rating else "Not said",
        },
        {"key": "What is good", "value": feedback.what_is_good or "–"},
        {"key": "What could be better", "value": feedback.what_could_be_better or "–"},
    ]
    if feedback.read_on is not None:
        rows.append(
            {
                "key": "Read",
                "value": f"{_date(feedback.read_on)} by {_name(feedback.read_by)}",
            }
        )
        rows.append({"key": "What was done", "value": feedback.manager_note or "–"})
    return rows


# You said, we did --------------------------------------------------------------------------------

YOU_SAID_COLOURS = {"draft": "yellow", "published": "green", "withdrawn": "grey"}


def you_said_cards(items: Iterable[Any]) -> list[dict[str, Any]]:
    """One card each for the managers' list, with the buttons its status allows."""
    cards = []
    for item in items:
        status = item.status
        cards.append(
            {
                "item": item,
                "tag": govuk_tag(item.get_status_display(), YOU_SAID_COLOURS.get(status, "grey")),
                "rows": [
                    {"key": "You said", "value": item.you_said},
                    {"key": "We did", "value": item.we_did},
                    {"key": "When", "value": _date(item.done_on)},
                    {
                        "key": "Young people see it",
                        "value": f"Since {_date(item.published_on)}"
                        if status == "published"
                        else "No",
                    },
                ],
                "change_href": ""
                if status == "published"
                else reverse("quality:you_said_change", kwargs={"pk": item.pk}),
                "publish_href": ""
                if status == "published"
                else reverse("quality:you_said_publish", kwargs={"pk": item.pk}),
                "withdraw_href": reverse("quality:you_said_withdraw", kwargs={"pk": item.pk})
                if status == "published"
                else "",
            }
        )
    return cards
