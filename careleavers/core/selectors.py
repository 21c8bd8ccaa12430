"""Reads for the shell: the audit log with its filters."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet

from careleavers.core.models import AuditEvent


def audit_events_filtered(
    *,
    young_person_id: int | None = None,
    actor_id: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    action: str = "",
) -> QuerySet[AuditEvent]:
    events: QuerySet[AuditEvent] = AuditEvent.objects.select_related("actor")
    filters: dict[str, Any] = {}
    if young_person_id is not None:
        filters["young_person_id"] = young_person_id
    if actor_id is not None:
        filters["actor_id"] = actor_id
    if date_from is not None:
        filters["at__date__gte"] = date_from
    if date_to is not None:
        filters["at__date__lte"] = date_to
    if action:
        filters["action"] = action
    return events.filter(**filters)
