"""What the learning app adds to the shared registries.

- The overview panel "activity" (replacing the people app's empty state under the same key).
- A chronology source: activities, NEET reasons, panel discussions and PEPs.
- A work tray kind: PEPs due soon and overdue.
- Navigation and home page entries, and two daily jobs (PEP schedule, panel agendas).
Each provider costs a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from rules import has_perm

from careleavers.core.dates import format_date
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.navigation import SERVICES
from careleavers.core.pages import ServicePage, pages_register
from careleavers.people.chronology import ChronologyEntry, ChronologySource, chronology_sources
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.people.record_frame import RecordTab, record_tabs

ACTIVITY_PANEL = "activity"  # the key the people app's empty panel uses


def can_see_eet_pages(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and (
            has_perm("learning.view_eet_panel", user)
            or has_perm("learning.view_eet_reports", user)
        )
    )


def activity_panel_context(*, young_person: Any, user: Any) -> dict[str, Any]:
    """The overview's "Education, training or work" card (3 queries)."""
    from careleavers.learning import presenters, selectors

    today = timezone.localdate()
    episodes = list(selectors.activities_for(young_person=young_person))
    current = selectors.current_activity(episodes, on=today)
    reasons = [
        record
        for record in selectors.neet_reasons_for(young_person=young_person)
        if record.is_open
    ]
    next_pep = (
        selectors.peps_for(young_person=young_person)
        .filter(completed_on__isnull=True, not_required_on__isnull=True)
        .order_by("due_on")
        .first()
    )
    return {
        "rows": presenters.activity_panel_rows(
            current=current, open_reasons=reasons, next_pep=next_pep, today=today
        ),
        "eet_url": reverse("learning:record", kwargs={"pk": young_person.pk}),
    }


def eet_chronology(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    """Activities started and ended, NEET reasons, panel discussions and PEPs (4 queries)."""
    from careleavers.learning import presenters, selectors

    record_url = reverse("learning:record", kwargs={"pk": young_person.pk})
    entries: list[ChronologyEntry] = []

    def add(when: Any, title: str, summary: str, by: str = "", url: str = record_url) -> None:
        # An EET entry (the fields in ChronologyEntry's order).
        entries.append(ChronologyEntry(when, "eet", "Education and work", title, summary, by, url))

    for episode in selectors.activities_for(young_person=young_person).select_related(
        "created_by"
    ):
        by = str(episode.created_by or "")
        label = presenters.activity_label(episode.activ)
        add(episode.start, f"Started: {label}", episode.provider, by)
        if episode.end is not None:
            add(episode.end, f"Ended: {label}", episode.end_reason, by)
    for record in selectors.neet_reasons_for(young_person=young_person):
        add(
            record.identified_on,
            f"Reason not in education, employment or training: {record.reason.label}",
            record.young_persons_view,
        )
    for case in selectors.panel_cases_for(young_person=young_person):
        actions = "; ".join(action.description for action in case.actions.all())
        add(
            case.meeting.held_on,
            "Discussed at the EET panel",
            (case.discussion + (f" Actions: {actions}" if actions else "")).strip(),
        )
    for pep in selectors.peps_for(young_person=young_person).filter(completed_on__isnull=False):
        assert pep.completed_on is not None
        add(
            pep.completed_on,
            f"Personal education plan completed ({pep.term_label})",
            pep.summary,
            url=reverse("learning:pep_detail", kwargs={"pk": young_person.pk, "pep_pk": pep.pk}),
        )
    return entries


def peps_due(scope: Any) -> list[Any]:
    """Work tray: PEPs overdue or due soon for the young people in scope (3 queries)."""
    from django.db.models import Exists, OuterRef, Prefetch

    from careleavers.casework.work_tray import WorkItem
    from careleavers.learning.models import LearningPolicy
    from careleavers.learning.selectors import peps_to_do

    due = peps_to_do(
        today=scope.today, within_days=LearningPolicy.current().pep_work_tray_days_ahead
    )
    # The young people (with their worker's name) who have a PEP due, and those PEPs.
    young_people = (
        scope.allocated_young_people()
        .filter(Exists(due.filter(young_person=OuterRef("pk"))))
        .prefetch_related(Prefetch("peps", queryset=due.order_by("due_on"), to_attr="due_peps"))
    )
    items = []
    for young_person in young_people:
        for pep in young_person.due_peps:
            days_overdue = max(0, (scope.today - pep.due_on).days)
            title = (
                f"PEP overdue by {days_overdue} day{'s' if days_overdue != 1 else ''}"
                if days_overdue
                else f"PEP due {format_date(pep.due_on)}"
            )
            items.append(
                WorkItem.due_on(
                    pep.due_on,
                    today=scope.today,
                    kind="pep_due",
                    young_person=young_person,
                    title=title,
                    url=reverse(
                        "learning:pep_detail",
                        kwargs={"pk": young_person.pk, "pep_pk": pep.pk},
                    ),
                    detail=f"Personal education plan for the {pep.term_label}",
                    worker_name=young_person.worker_name or "",
                )
            )
    return items


def _register_work_tray() -> None:
    try:
        from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
    except ImportError:  # pragma: no cover - casework always ships with the work tray
        return
    work_tray_kinds.register(
        WorkTrayKind(
            kind="pep_due", label="Personal education plans", provider=peps_due, stored=True
        )
    )


def _run_peps_schedule(today: datetime.date) -> str:
    from careleavers.learning.services import peps_schedule

    return peps_schedule(today)


def _run_panel_agendas(today: datetime.date) -> str:
    from careleavers.learning.services import panel_agendas_refresh

    return panel_agendas_refresh(today)


record_tabs.register(
    RecordTab(key="eet", label="Education and work", url_name="learning:record", order=80)
)
overview_panels.register(
    OverviewPanel(
        key=ACTIVITY_PANEL,
        template="learning/panels/activity.html",
        context=activity_panel_context,
        order=40,
    )
)
chronology_sources.register(ChronologySource("eet", "Education and work", eet_chronology))
_register_work_tray()
pages_register(
    ServicePage(
        "Education, employment and training",
        "learning:index",
        can_see_eet_pages,
        50,
        section=SERVICES,
        description=(
            "The monthly EET panel and its themes, EET rates by age, and personal education plans."
        ),
    ),
)
scheduled_jobs.register(ScheduledJob(name="learning.peps", run=_run_peps_schedule))
scheduled_jobs.register(ScheduledJob(name="learning.panel_agendas", run=_run_panel_agendas))
