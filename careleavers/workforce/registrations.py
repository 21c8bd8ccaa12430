"""The workforce app's entries in the shared registries: the navigation and home page links, and
the chronology's "Discussed in supervision" entries (the date only, never what was said; linked
to the record only for those who may open it)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from careleavers.core.navigation import MANAGING
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register
from careleavers.insight.indicators import registered_indicators
from careleavers.people.chronology import ChronologyEntry, ChronologySource, chronology_sources
from careleavers.workforce import indicators as workforce_indicators

CHRONOLOGY_KIND = "supervision"


def supervision_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    """One entry per supervision in which the young person was discussed (1 query)."""
    from careleavers.workforce.models import SupervisionRecord
    from careleavers.workforce.selectors import may_see_supervision

    rows = (
        SupervisionRecord.objects.filter(young_people=young_person)
        .order_by("-held_on", "-pk")
        .values_list("pk", "held_on", "worker_id", "supervisor_id", "worker__team__manager_id")
    )
    entries = []
    for pk, held_on, worker_id, supervisor_id, manager_id in rows:
        visible = may_see_supervision(
            user,
            worker_id=worker_id,
            supervisor_id=supervisor_id,
            worker_team_manager_id=manager_id,
        )
        entries.append(
            ChronologyEntry(
                when=held_on,
                kind=CHRONOLOGY_KIND,
                kind_label="Supervision",
                title="Discussed in supervision",
                url=reverse("workforce:supervision_detail", kwargs={"pk": pk}) if visible else "",
            )
        )
    return entries


chronology_sources.register(
    ChronologySource(kind=CHRONOLOGY_KIND, label="Supervision", entries=supervision_entries)
)
pages_register(
    ServicePage(
        "Workforce",
        "workforce:index",
        "workforce.view_index",
        80,
        section=MANAGING,
        description=(
            "Supervision records and their quality, caseloads, posts and vacancies, agency staff, "
            "sickness absence and training."
        ),
    ),
    ServicePage(
        "My supervision",
        "workforce:my_supervision",
        "workforce.view_my_supervision",
        80,
        section=MANAGING,
        description=(
            "Your supervision records, the actions agreed, when the next is due, and your "
            "training."
        ),
    ),
    ServicePage(
        "Record a supervision",
        "workforce:supervision_choose",
        "workforce.record_supervision",
        81,
        section=HOME_PAGE_ONLY,
        description=(
            "Record a supervision with a worker you manage: the reflective discussion and the "
            "actions agreed."
        ),
    ),
    ServicePage(
        "Grade supervision",
        "workforce:supervision_sample",
        "workforce.sample_supervision",
        82,
        section=HOME_PAGE_ONLY,
        description=(
            "Read a random sample of supervision records and grade each reflective or "
            "compliance-led."
        ),
    ),
)

for indicator in workforce_indicators.INDICATORS:
    registered_indicators.register(indicator)
