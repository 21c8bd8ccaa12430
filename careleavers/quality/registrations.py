"""What the quality app adds to the shared registries (called from QualityConfig.ready):

- the navigation and home page: "Quality assurance" (the audit programme) for auditors,
  managers, analysts and inspectors, and the management oversight report;
- the work tray: open actions from case audits for the person they are assigned to,
  management oversight due for review for the manager who wrote it, and unread anonymous
  feedback for the manager of the team it was sent to;
- a nightly job that writes the audit events of the day before's anonymous feedback;
- the young person's overview: a small "Quality assurance" panel;
- the chronology: management oversight and the young person's feedback;
- insight's indicators (quality/indicators.py).

Every provider and source costs a fixed number of queries however many rows it returns.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from careleavers.accounts.models import User
from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.casework.work_tray_batch import BatchAction
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.navigation import MANAGING
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register
from careleavers.core.permissions import can
from careleavers.core.urls_for_many import url_for_each
from careleavers.insight.indicators import registered_indicators
from careleavers.insight.pack import PackEvidence, pack_evidence
from careleavers.people.chronology import ChronologyEntry, ChronologySource, chronology_sources
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.people.record_frame import RecordTab, record_tabs
from careleavers.quality import indicators as quality_indicators
from careleavers.quality.pack_evidence import audit_evidence, feedback_evidence

# Oversight shows in the manager's work tray from this many days before its review date.
REVIEW_HORIZON_DAYS = 14


def _name(user: Any) -> str:
    return (user.get_full_name() or user.email) if user is not None else ""


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


# Work tray ------------------------------------------------------------------------------------


def audit_action_items(scope: Any) -> list[Any]:
    """Open actions from completed audits assigned to the workers in scope. One query."""
    from careleavers.casework.work_tray import WorkItem
    from careleavers.quality.models import AuditAction, AuditStatus

    actions = (
        AuditAction.objects.live()
        .filter(
            done_on__isnull=True,
            assignee_id__in=scope.worker_ids(),
            audit__status=AuditStatus.COMPLETED,
            audit__archived_at__isnull=True,
            audit__young_person__in=scope.visible_young_people().values("pk"),
        )
        .select_related("audit__young_person", "assignee")
        .order_by("due_on", "pk")
    )
    items = []
    for action in actions:
        days_overdue = max(0, (scope.today - action.due_on).days)
        items.append(
            WorkItem.due_on(
                action.due_on,
                today=scope.today,
                kind="audit_action",
                young_person=action.audit.young_person,
                title=(
                    f"Action from a case audit, overdue by {_days(days_overdue)}"
                    if days_overdue
                    else "Action from a case audit"
                ),
                url=reverse("quality:action_detail", kwargs={"action_pk": action.pk}),
                detail=action.description[:200],
                worker_name=_name(action.assignee),
            )
        )
    return items


def oversight_review_items(scope: Any) -> list[Any]:
    """Management oversight written by the managers in scope whose review date is near or past.
    One query."""
    from careleavers.casework.work_tray import WorkItem
    from careleavers.quality.selectors import oversight_due_reviews

    if not scope.user.has_role("team_manager", "head_of_service"):
        return []
    entries = oversight_due_reviews(
        manager_ids=scope.worker_ids(),
        visible=scope.visible_young_people(),
        until=scope.today + datetime.timedelta(days=REVIEW_HORIZON_DAYS),
    )
    review = url_for_each("quality:oversight_review", "pk", "entry_pk")
    items = []
    for entry in entries:
        assert entry.review_by is not None  # the selector finds only entries with a review date
        items.append(
            WorkItem.due_on(
                entry.review_by,
                today=scope.today,
                kind="oversight_review",
                young_person=entry.young_person,
                title="Review your management oversight",
                url=review(entry.young_person_id, entry.pk),
                detail=entry.direction[:200],
                worker_name=_name(entry.manager),
                batch_id=entry.pk,
            )
        )
    return items


def anonymous_feedback_items(scope: Any) -> list[Any]:
    """Unread feedback sent without a name to the teams the viewer manages; for a head of
    service, to teams with no manager, so none is left unread. One query. The item names no
    young person and links only to the feedback itself."""
    from careleavers.accounts.models import Team
    from careleavers.accounts.roles import Role
    from careleavers.casework.rules import managed_team_ids
    from careleavers.casework.work_tray import WorkItem
    from careleavers.quality.selectors import unread_anonymous_feedback_for_teams

    user = scope.user
    team_ids: set[int] = set()
    if user.has_role(Role.TEAM_MANAGER):
        team_ids |= managed_team_ids(user)
    if user.has_role(Role.HEAD_OF_SERVICE):
        team_ids |= set(Team.objects.filter(manager__isnull=True).values_list("pk", flat=True))
    if not team_ids:
        return []
    return [
        WorkItem(
            kind="anonymous_feedback",
            young_person=None,
            title=f"Feedback without a name, about {_anonymous_about(feedback)}",
            due=feedback.given_on,
            overdue=False,
            url=reverse("quality:anonymous_feedback_detail", kwargs={"pk": feedback.pk}),
            detail=f"Sent to {feedback.team.name}",
            worker_name=_name(user),
        )
        for feedback in unread_anonymous_feedback_for_teams(team_ids=sorted(team_ids))
    ]


def _anonymous_about(feedback: Any) -> str:
    if feedback.about == "personal_adviser":
        return "their personal adviser"
    return "the leaving care service"


def _log_anonymous(today: datetime.date) -> str:
    from careleavers.quality.services import anonymous_feedback_log

    return anonymous_feedback_log(today)


def oversight_entries_with_ids(ids: Any) -> Any:
    """The oversight entries a manager chose in the tray to review in one go. One query."""
    from careleavers.quality.models import OversightEntry

    return (
        OversightEntry.objects.live()
        .filter(pk__in=ids)
        .select_related("young_person__team", "manager")
    )


def review_one_oversight(*, acting_user: User, target: Any, note: str) -> None:
    """One review from the tray's batch: the single review's own service, so its checks and its
    audit event are the same as when the manager reviews it on its own page."""
    from careleavers.quality.services import oversight_review

    oversight_review(acting_user=acting_user, entry=target, note=note)


# The overview panel --------------------------------------------------------------------------


def quality_panel_context(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    from careleavers.quality import selectors

    last_oversight = selectors.oversight_for(young_person=young_person).first()
    hears_voice = can(user, "quality.view_feedback", young_person)
    audit = None
    if can(user, "quality.view_audits"):
        audit = selectors.audits_of(young_person=young_person).first()
    facts = [
        {
            "key": "Management oversight",
            "lines": [
                f"Last on {_format(last_oversight.recorded_on)} by {_name(last_oversight.manager)}"
                if last_oversight
                else "None recorded"
            ],
        },
    ]
    if hears_voice:
        # Only for the people the young person is told read what they say (quality/rules.py).
        feedback = list(selectors.feedback_for(young_person=young_person)[:1])
        feedback_count = selectors.feedback_for(young_person=young_person).count()
        check = selectors.wellbeing_checks_for(young_person=young_person).first()
        facts.append(
            {
                "key": "Their feedback",
                "lines": [
                    f"{feedback_count} in all, the last on {_format(feedback[0].given_on)}"
                    if feedback
                    else "None recorded"
                ],
            }
        )
        facts.append(
            {
                "key": "Wellbeing check",
                "lines": [f"Last on {_format(check.given_on)}" if check else "None yet"],
            }
        )
    audit_href = ""
    if audit is not None:
        if audit.is_completed:
            status = f"Completed {_format(audit.completed_on)}: {audit.get_final_grade_display()}"
        else:
            status = f"In progress since {_format(audit.started_on)}"
        facts.append({"key": "Case audit", "lines": [status]})
        if can(user, "quality.view_audit", audit):
            audit_href = reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk})
    start_href = ""
    if can(user, "quality.add_audit", young_person) and (audit is None or audit.is_completed):
        start_href = reverse("quality:audit_start", kwargs={"pk": young_person.pk})
    return {
        "quality_facts": facts,
        "oversight_href": reverse("quality:oversight_list", kwargs={"pk": young_person.pk}),
        "feedback_href": (
            reverse("quality:feedback_list", kwargs={"pk": young_person.pk}) if hears_voice else ""
        ),
        "audit_href": audit_href,
        "start_href": start_href,
    }


def _format(day: datetime.date | None) -> str:
    from careleavers.core.dates import format_date

    return format_date(day) if day else ""


# Chronology -----------------------------------------------------------------------------------


def oversight_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    """Management oversight given and reviewed. One query."""
    from careleavers.quality.selectors import oversight_for

    url = reverse("quality:oversight_list", kwargs={"pk": young_person.pk})
    entries = []
    for entry in oversight_for(young_person=young_person):
        entries.append(
            ChronologyEntry(
                when=entry.recorded_on,
                kind="oversight",
                kind_label="Management oversight",
                title="direction given",
                summary=f"{entry.direction}\n\nWhy: {entry.rationale}",
                by=_name(entry.manager),
                url=url,
            )
        )
        if entry.reviewed_on:
            entries.append(
                ChronologyEntry(
                    when=entry.reviewed_on,
                    kind="oversight",
                    kind_label="Management oversight",
                    title="reviewed",
                    summary=entry.review_note,
                    by=_name(entry.reviewed_by),
                    url=url,
                )
            )
    return entries


def feedback_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    """What the young person told us about their adviser or the service, and their wellbeing
    checks, for the people the young person is told read them. Two queries."""
    from careleavers.quality.selectors import feedback_list_for, wellbeing_checks_for
    from careleavers.quality.wellbeing import QUESTIONS

    if not can(user, "quality.view_feedback", young_person):
        return []
    url = reverse("quality:feedback_list", kwargs={"pk": young_person.pk})
    entries = []
    for feedback in feedback_list_for(young_person=young_person):
        parts = []
        if feedback.rating:
            parts.append(f"They said: {feedback.get_rating_display()}.")
        if feedback.what_is_good:
            parts.append(f"What is good: {feedback.what_is_good}")
        if feedback.what_could_be_better:
            parts.append(f"What could be better: {feedback.what_could_be_better}")
        entries.append(
            ChronologyEntry(
                when=feedback.given_on,
                kind="feedback",
                kind_label="Their feedback",
                title=f"about {feedback.get_about_display().lower()}, "
                f"{feedback.get_method_display().lower()}",
                summary="\n".join(parts),
                by=_name(feedback.created_by),
                url=url,
            )
        )
    for check in wellbeing_checks_for(young_person=young_person):
        answers = [
            f"{question.staff_label}: {check.answer_label(question.key)}" for question in QUESTIONS
        ]
        entries.append(
            ChronologyEntry(
                when=check.given_on,
                kind="feedback",
                kind_label="Their feedback",
                title="wellbeing check, through their pages online",
                summary="\n".join(answers),
                url=url,
            )
        )
    return entries


def _hears_voice_by_role(user: Any) -> bool:
    # The tab from roles alone (record_frame.RecordTab): the roles that can be among the people
    # who read a young person's feedback (rules.hears_young_persons_voice).
    return bool(
        user.has_role(
            "personal_adviser",
            "social_worker",
            "team_manager",
            "head_of_service",
            "auditor",
            "inspector",
        )
    )


record_tabs.register(
    RecordTab(
        key="feedback",
        label="Their feedback",
        url_name="quality:feedback_list",
        order=170,
        shown_to=_hears_voice_by_role,
    )
)
record_tabs.register(
    RecordTab(key="oversight", label="Oversight", url_name="quality:oversight_list", order=180)
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="anonymous_feedback",
        label="Feedback without a name",
        provider=anonymous_feedback_items,
        may_be_overdue=False,
    )
)
scheduled_jobs.register(ScheduledJob(name="quality.anonymous_feedback_log", run=_log_anonymous))
work_tray_kinds.register(
    WorkTrayKind(
        kind="audit_action", label="Actions from case audits", provider=audit_action_items
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="oversight_review",
        label="Management oversight to review",
        provider=oversight_review_items,
        batch=BatchAction(
            title="Review management oversight",
            button="Mark as reviewed",
            note_label="What did the reviews find?",
            note_hint="Was each direction followed, and what happens now? "
            "The same note is recorded on each one.",
            note_missing="Enter what the reviews found",
            done="marked as reviewed",
            permission="quality.review_oversight",
            load=oversight_entries_with_ids,
            act=review_one_oversight,
            summary=lambda entry: f"{entry.direction}\n\nReview by {_format(entry.review_by)}",
        ),
    )
)
overview_panels.register(
    OverviewPanel(
        key="quality",
        template="quality/panels/quality.html",
        context=quality_panel_context,
        order=90,
        column="side",
    )
)
chronology_sources.register(
    ChronologySource(kind="oversight", label="Management oversight", entries=oversight_entries)
)
chronology_sources.register(
    ChronologySource(kind="feedback", label="Their feedback", entries=feedback_entries)
)
pages_register(
    ServicePage(
        "Quality assurance",
        "quality:programme",
        "quality.view_programme",
        80,
        section=MANAGING,
        description=(
            "Case audits against each team's monthly target, their grades and learning themes."
        ),
    ),
    ServicePage(
        "Management oversight",
        "quality:oversight_report",
        "quality.view_oversight_report",
        81,
        section=HOME_PAGE_ONLY,
        description="How often each case had a manager's oversight, and who has had none lately.",
    ),
    ServicePage(
        "Actions from case audits",
        "quality:action_list",
        "quality.view_actions",
        82,
        section=HOME_PAGE_ONLY,
        description="What audits asked workers and managers to do, and what is overdue.",
    ),
    ServicePage(
        "Feedback without a name",
        "quality:anonymous_feedback_list",
        "quality.view_anonymous_feedback",
        83,
        section=HOME_PAGE_ONLY,
        description=(
            "What young people in your teams told us when they chose not to give their name."
        ),
    ),
    ServicePage(
        "You said, we did",
        "quality:you_said_list",
        "quality.manage_you_said",
        84,
        section=HOME_PAGE_ONLY,
        description="Tell young people what the service changed because of what they said.",
    ),
)

for indicator in quality_indicators.INDICATORS:
    registered_indicators.register(indicator)
pack_evidence.register(PackEvidence("audits", audit_evidence))
pack_evidence.register(PackEvidence("feedback", feedback_evidence))
