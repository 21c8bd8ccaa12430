"""What tests ask of the audit log."""

from __future__ import annotations

from typing import Any

from careleavers.core.models import AuditEvent


def view_logged(young_person: Any, page: str, *, by: Any = None) -> bool:
    """Whether a view of `page` of the young person's record is in the audit log (a view by
    `by`, when given)."""
    views = AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, young_person_id=young_person.pk, detail__page=page
    )
    if by is not None:
        views = views.filter(actor=by)
    return views.exists()
