"""What accommodation adds to the shared registries: the record tab, the overview panel, the
chronology, the work tray and the contact standard's inputs (contributions.py), and the
navigation and home page links to the housing pages."""

from __future__ import annotations

from careleavers.accommodation import selectors
from careleavers.accommodation.contributions import (
    OVERVIEW_PANEL,
    chronology_entries,
    overview_context,
    staying_close_reviews,
    staying_put_ending,
    stays_to_assess,
)
from careleavers.casework.contact_due import ACCOMMODATION, ContactDueInputs, contact_due_inputs
from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.core.navigation import SERVICES
from careleavers.core.pages import ServicePage, pages_register
from careleavers.people.chronology import ChronologySource, chronology_sources
from careleavers.people.overview import OverviewPanel, overview_panels
from careleavers.people.record_frame import RecordTab, record_tabs

record_tabs.register(
    RecordTab(
        key="accommodation", label="Accommodation", url_name="accommodation:history", order=70
    )
)
overview_panels.register(
    OverviewPanel(
        key=OVERVIEW_PANEL,
        template="accommodation/panels/overview.html",
        context=overview_context,
        order=30,
    )
)
chronology_sources.register(ChronologySource("accommodation", "Accommodation", chronology_entries))
contact_due_inputs.register(
    ContactDueInputs("accommodation", selectors.contact_due_inputs, supplies=ACCOMMODATION)
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="accommodation_suitability",
        label="Accommodation to check",
        provider=stays_to_assess,
        stored=True,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="staying_close_review",
        label="Staying Close reviews",
        provider=staying_close_reviews,
        stored=True,
    )
)
work_tray_kinds.register(
    WorkTrayKind(
        kind="staying_put_ending",
        label="Staying Put ending",
        provider=staying_put_ending,
        stored=True,
    )
)
pages_register(
    ServicePage(
        "Housing",
        "accommodation:housing",
        "accommodation.view_taster_flats",
        40,
        section=SERVICES,
        description=(
            "The housing waiting list, taster flats, and young people in unsuitable accommodation "
            "or at risk of homelessness."
        ),
    ),
)
