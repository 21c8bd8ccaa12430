"""What casework adds to the shared registries: the record's banner, tabs, overview panels and
chronology (contributions.py), the home page's work panel, the navigation and home links, the
daily contact-due job, the stored work items (their daily job and the handler that follows each
committed change), and a listener for support choices recorded on the people app's record.
The work tray's own kinds are registered in work_tray.py."""

from __future__ import annotations

from typing import Any

from careleavers.casework import selectors
from careleavers.casework.appointment_services import appointment_reminders_send
from careleavers.casework.contributions import (
    CHRONOLOGY_SOURCES,
    OVERVIEW_PANELS,
    RECORD_TABS,
    banner_alert_facts,
    banner_worker_facts,
)
from careleavers.casework.handover_services import handovers_make
from careleavers.casework.home_panel import work_summary
from careleavers.casework.stored_work import (
    stored_work_items_follow,
    stored_work_items_refresh_everyone,
)
from careleavers.core.home import HomePanel, home_panels
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register
from careleavers.core.record_changes import record_change_handlers
from careleavers.people.allocations import CurrentAllocations, current_allocations
from careleavers.people.chronology import chronology_sources
from careleavers.people.hooks import ChangeListener, change_listeners
from careleavers.people.overview import overview_panels
from careleavers.people.record_frame import banner_alerts, banner_workers, record_tabs


def refresh_contact_due(today: Any) -> str:
    from careleavers.casework.services import contact_due_refresh_all

    changed = contact_due_refresh_all(today=today)
    return f"Next contact due worked out again: {changed} young people changed."


def refresh_visits_after_support_choice(*, young_person: Any, what: str, today: Any) -> None:
    # A former relevant young person aged 21 to 25 who says they no longer want a personal
    # adviser has no visits due, and one who asks again has them due at once (CA 1989 s.23CZB).
    from careleavers.casework.services import contact_due_refresh

    contact_due_refresh(young_person=young_person, today=today)


current_allocations.register(
    CurrentAllocations(
        young_person_ids_of=selectors.allocated_young_person_ids,
        workers_of=selectors.allocated_workers,
    )
)
banner_workers.register(banner_worker_facts)
banner_alerts.register(banner_alert_facts)
for tab in RECORD_TABS:
    record_tabs.register(tab)
for panel in OVERVIEW_PANELS:
    overview_panels.register(panel)
for source in CHRONOLOGY_SOURCES:
    chronology_sources.register(source)

home_panels.register(
    HomePanel(
        key="casework_work", template="casework/home_work.html", context=work_summary, order=10
    )
)
change_listeners.register(
    ChangeListener("casework.contact_due", refresh_visits_after_support_choice)
)
pages_register(
    ServicePage(
        "Work tray",
        "casework:work_tray",
        "casework.view_work_tray",
        5,
        section="",
        description="What is due and overdue for you, most urgent first, and messages from duty.",
    ),
    ServicePage(
        "Caseloads",
        "casework:caseloads",
        "casework.view_caseloads",
        20,
        section="",
        description="Young people by worker and team: next visits, overdue visits and reviews.",
    ),
    ServicePage(
        "Duty log",
        "casework:duty_log",
        "casework.view_duty_log",
        30,
        section="",
        description="Record calls and visits to duty and pass them to the allocated worker.",
    ),
    ServicePage(
        "Duty rota",
        "casework:duty_rota",
        "casework.view_duty_rota",
        31,
        section=HOME_PAGE_ONLY,
        description=(
            "Who is on duty when, the office hours, and the out-of-hours service that urgent "
            "messages from young people go to."
        ),
    ),
)
# Birthdays move young people between bands of the contact standard with no new contact.
scheduled_jobs.register(ScheduledJob(name="casework.contact_due", run=refresh_contact_due))
scheduled_jobs.register(
    ScheduledJob(name="casework.appointment_reminders", run=appointment_reminders_send)
)
scheduled_jobs.register(
    # Before the contact standard and the figures: a handover made today changes both.
    ScheduledJob(name="casework.planned_handovers", run=handovers_make, order=50)
)


def refresh_stored_work(today: Any) -> str:
    return f"Stored work items: {stored_work_items_refresh_everyone(today)}."


# After every job that brings the records up to date (birthdays, categories, due dates).
scheduled_jobs.register(
    ScheduledJob(name="casework.stored_work_items", run=refresh_stored_work, order=500)
)
record_change_handlers.register(stored_work_items_follow)
