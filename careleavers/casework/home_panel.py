"""The work part of a staff member's home page: what is overdue and due this week, the most
urgent items, and for a manager their team's overdue work by worker. Registered on core's
`home_panels` from casework's registrations.py."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.urls import reverse
from django.utils import timezone

from careleavers.casework import presenters
from careleavers.casework.work_tray import MINE, TEAM, scopes_for, work_tray_for, work_tray_kinds
from careleavers.casework.work_tray_triage import OVERDUE, THIS_WEEK, due_this_week
from careleavers.core.permissions import can

TOP_ITEMS = 5


def work_summary(user: Any) -> dict[str, Any] | None:
    """The counts and top items of the user's own tray; for managers, their team's overdue
    work by worker; for duty workers, today's duty log. None for anyone without a tray."""
    if not can(user, "casework.view_work_tray"):
        return None
    today = timezone.localdate()
    items = work_tray_for(user=user, today=today, scope=MINE)
    labels = {kind.kind: kind.label for kind in work_tray_kinds}
    overdue = [item for item in items if item.overdue]
    this_week = [item for item in items if due_this_week(item, today)]
    kinds = Counter(labels.get(item.kind, item.kind) for item in overdue + this_week)
    tray = reverse("casework:work_tray")
    context: dict[str, Any] = {
        "overdue": len(overdue),
        "this_week": len(this_week),
        "urgent": sum(1 for item in items if item.urgent),
        "kinds": sorted(kinds.items(), key=lambda pair: (-pair[1], pair[0])),
        "top": presenters.work_items(items[:TOP_ITEMS], today=today),
        "total": len(items),
        "tray_href": tray,
        "overdue_href": f"{tray}?show={MINE}&due={OVERDUE}",
        "this_week_href": f"{tray}?show={MINE}&due={THIS_WEEK}",
    }
    if TEAM in scopes_for(user):
        team_overdue = work_tray_for(user=user, today=today, scope=TEAM, only_overdue=True)
        by_worker = Counter(item.worker_name or "Not allocated" for item in team_overdue)
        context["team_overdue"] = sorted(by_worker.items(), key=lambda pair: (-pair[1], pair[0]))
        context["team_href"] = f"{tray}?show={TEAM}&due={OVERDUE}"
    if can(user, "casework.view_duty_log"):
        from careleavers.casework.selectors import duty_log_entries

        context["duty_today"] = duty_log_entries(user=user).filter(occurred_at__date=today).count()
        context["duty_href"] = reverse("casework:duty_log")
    return context
