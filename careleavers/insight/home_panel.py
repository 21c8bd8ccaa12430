"""The figures off target, for the head of service's home page: from the overnight count only,
so the home page never waits for a dashboard to be counted."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from rules import has_perm

from careleavers.insight import daily, presenters, selectors
from careleavers.insight.indicators import all_indicators
from careleavers.insight.models import ScopeKind

MOST_SHOWN = 6


def off_target(user: Any) -> dict[str, Any] | None:
    """The service's figures that miss their target, with the change since last month; None
    for anyone who does not read the service's figures."""
    if not has_perm("insight.view_service", user):
        return None
    today = timezone.localdate()
    counted = daily.latest_counts(kind=ScopeKind.SERVICE, scope_id=0, on=today)
    dashboard = reverse("insight:service")
    if not counted:
        return {"rows": [], "counted": False, "href": dashboard}
    view = selectors.service_scope(user=user, on=today)
    rows = []
    # Only indicators still registered: an overnight figure can outlive a renamed indicator.
    counted_now = [item for item in all_indicators() if item.key in counted]
    for row in selectors.dashboard(view=view, indicators=counted_now):
        item = row.indicator
        now = presenters.figure_value(item, row.figure)
        words, colour = presenters.target_status(
            item, now, selectors.target_for(item, row.target), on=row.on
        )
        if colour != "red":
            continue
        change = presenters.direction(
            item, now, presenters.figure_value(item, row.previous), on=row.on
        )
        rows.append(
            {
                "title": item.title,
                "figure": presenters.figure_text(item, row.figure),
                "target": words,
                "change": change.text,
                "href": reverse("insight:figure", kwargs={"key": item.key}) + "?scope=service",
            }
        )
    return {
        "rows": rows[:MOST_SHOWN],
        "more": max(0, len(rows) - MOST_SHOWN),
        "counted": True,
        "href": dashboard,
    }
