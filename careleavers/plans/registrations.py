"""What the plans app adds to the shared registries."""

from __future__ import annotations

from careleavers.accommodation.hooks import MoveListener, move_listeners
from careleavers.casework.contact_due import REVIEWS, ContactDueInputs, contact_due_inputs
from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.core.navigation import MANAGING
from careleavers.core.pages import ServicePage, pages_register
from careleavers.people.chronology import ChronologySource, chronology_sources
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.people.record_frame import RecordTab, record_tabs
from careleavers.plans.contributions import (
    assessments_due,
    is_manager,
    plan_entries,
    plan_panel,
    plans_awaiting,
    plans_returned,
    review_dates_for_contact_standard,
    review_entries,
    review_on_move,
    reviews_due,
)

record_tabs.register(
    RecordTab(key="plans", label="Pathway plans", url_name="plans:young_person_plans", order=60)
)
overview_panels.register(
    OverviewPanel(
        key="plans.pathway_plan",
        template="plans/panels/plan.html",
        context=plan_panel,
        order=40,
    )
)
chronology_sources.register(
    ChronologySource(kind="pathway_plan", label="Pathway plans", entries=plan_entries)
)
chronology_sources.register(
    ChronologySource(kind="plan_review", label="Plan reviews", entries=review_entries)
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="assessment", label="Needs assessments", provider=assessments_due, stored=True
    )
)
work_tray_kinds.register(
    WorkTrayKind(kind="review", label="Plan reviews", provider=reviews_due, stored=True)
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="plan_returned",
        label="Plans returned",
        provider=plans_returned,
        may_be_overdue=False,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="plan_awaiting_authorisation",
        label="Plans to authorise",
        provider=plans_awaiting,
        decision=True,
        may_be_overdue=False,
    )
)
contact_due_inputs.register(
    ContactDueInputs("plans", review_dates_for_contact_standard, supplies=REVIEWS)
)
move_listeners.register(MoveListener("plans.review", review_on_move))
pages_register(
    ServicePage(
        "Pathway plans for managers",
        "plans:manager_view",
        is_manager,
        60,
        section=MANAGING,
        description=(
            "Plans waiting for authorisation, plans returned, overdue plans and reviews, and how "
            "long authorisation takes."
        ),
    ),
)
