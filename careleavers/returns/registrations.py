"""What the returns app adds to other apps' registries: a work-tray item for each young person
whose category a past return reported and the care history held here does not show."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from rules import has_perm

from careleavers.casework.work_tray import (
    WORK_ITEM_PERSON_FIELDS,
    WorkItem,
    WorkTrayKind,
    WorkTrayScope,
    work_tray_kinds,
)
from careleavers.core import return_preview
from careleavers.core.navigation import RECORDS
from careleavers.core.pages import ServicePage, pages_register
from careleavers.insight.indicators import registered_indicators
from careleavers.people.models import ReportedCategory
from careleavers.returns import indicators as returns_indicators
from careleavers.returns import selectors, ssda903


def care_history_checks(scope: WorkTrayScope) -> list[WorkItem]:
    """For the allocated workers: check the care history behind a reported category. Two
    queries, whatever the number of young people."""
    waiting = ReportedCategory.objects.filter(young_person=OuterRef("pk"), needs_check=True)
    people = list(
        scope.allocated_young_people().filter(Exists(waiting)).only(*WORK_ITEM_PERSON_FIELDS)
    )
    latest: dict[int, ReportedCategory] = {}
    for report in ReportedCategory.objects.filter(
        young_person_id__in=[person.pk for person in people], needs_check=True
    ).order_by("-collection_year"):
        latest.setdefault(report.young_person_id, report)
    items = []
    for person in people:
        report = latest[person.pk]
        items.append(
            WorkItem(
                kind="care_history_check",
                young_person=person,
                title="Check their care history",
                due=report.created_at.date(),
                overdue=False,
                url=reverse("returns:care_history_check", kwargs={"pk": person.pk}),
                detail=(
                    "The SSDA903 return for "
                    f"{ssda903.collection_year_label(report.collection_year)} reported them as "
                    f"a care leaver ({report.get_category_display().lower()}); the care "
                    "episodes held here do not show it."
                ),
                worker_name=getattr(person, "worker_name", None) or "",
            )
        )
    return items


return_preview.return_preview_providers.register(selectors.return_previews)
work_tray_kinds.register(
    WorkTrayKind(
        kind="care_history_check",
        label="Care history checks",
        provider=care_history_checks,
        may_be_overdue=False,
        stored=True,
    )
)


def can_view_returns(user: Any) -> bool:
    # rules.has_perm, not user.has_perm, which says yes to every superuser.
    return bool(user.is_authenticated and has_perm("returns.view_returns", user))


pages_register(
    ServicePage(
        "Returns",
        "returns:index",
        can_view_returns,
        800,
        section=RECORDS,
        description=(
            "The DfE SSDA903 care leavers return, checked by the sector's validator, and Ofsted's "
            "Annex A list of care leavers."
        ),
    ),
)

for indicator in returns_indicators.INDICATORS:
    registered_indicators.register(indicator)
