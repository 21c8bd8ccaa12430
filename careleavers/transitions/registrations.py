"""What the transitions app adds to the shared registries."""

from __future__ import annotations

from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.core.navigation import SERVICES
from careleavers.core.pages import ServicePage, pages_register
from careleavers.people.chronology import ChronologySource, chronology_sources
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.people.record_frame import RecordTab, record_tabs
from careleavers.transitions.contributions import (
    HEALTH_PANEL,
    TRANSITIONS_PANEL,
    health_panel,
    overdue_referral_items,
    referral_entries,
    sees_waits,
    transition_plan_items,
    transitions_panel,
)

overview_panels.register(
    OverviewPanel(
        key=HEALTH_PANEL,
        template="transitions/panels/health.html",
        context=health_panel,
        order=60,
        column="side",
    )
)
overview_panels.register(
    OverviewPanel(
        key=TRANSITIONS_PANEL,
        template="transitions/panels/transitions.html",
        context=transitions_panel,
        order=60,
    )
)
chronology_sources.register(ChronologySource("referral", "Adult services", referral_entries))
record_tabs.register(
    RecordTab(
        key="transitions",
        label="Health and adult services",
        url_name="transitions:young_person",
        order=90,
    )
)
pages_register(
    ServicePage(
        "Waiting for adult services",
        "transitions:waits",
        sees_waits,
        60,
        section=SERVICES,
        description=(
            "Everyone waiting for adult social care, mental health and other services, for how "
            "long, against each service's target."
        ),
    ),
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="referral_overdue",
        label="Referrals waiting beyond target",
        provider=overdue_referral_items,
        stored=True,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="transition_plan_needed",
        label="Transition plans to start",
        provider=transition_plan_items,
        stored=True,
    )
)
