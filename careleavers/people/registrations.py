"""What the people app adds to the shared registries: its record tabs, chronology sources and
placeholder overview panels (contributions.py), the search link and the daily category job."""

from __future__ import annotations

from typing import Any

from rules import has_perm

from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.pages import ServicePage, pages_register
from careleavers.people.chronology import chronology_sources
from careleavers.people.contributions import CHRONOLOGY_SOURCES, EMPTY_PANELS, RECORD_TABS
from careleavers.people.overview import overview_panels
from careleavers.people.record_frame import record_tabs
from careleavers.people.services import categories_refresh_due


def can_search(user: Any) -> bool:
    # rules.has_perm, not user.has_perm: the latter says yes to every superuser.
    return bool(user.is_authenticated and has_perm("people.search_youngperson", user))


for tab in RECORD_TABS:
    record_tabs.register(tab)
for source in CHRONOLOGY_SOURCES:
    chronology_sources.register(source)
for panel in EMPTY_PANELS:
    overview_panels.register(panel, fallback=True)

pages_register(
    ServicePage(
        "Find a young person",
        "people:search",
        can_search,
        10,
        section="",
        description="Search by name, date of birth, council child ID or NHS number.",
    ),
)
# Birthdays, 13 weeks of care and 6 months at home change categories with no new facts.
scheduled_jobs.register(ScheduledJob(name="people.categories", run=categories_refresh_due))
