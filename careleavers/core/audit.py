"""Write AuditEvent rows. Services call `audit_record` inside their own transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from careleavers.core import request_context
from careleavers.core.models import AuditEvent


def _address() -> str | None:
    # The middleware's context says where the request being handled came from, so no service
    # needs `request` passed down to it (None in a management command or a background task).
    context = request_context.current()
    return context.client_ip if context is not None else None


def audit_record(
    *,
    acting_user: Any,
    action: str,
    subject: models.Model | None = None,
    subject_type: str = "",
    subject_id: str | int = "",
    young_person_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit log."""
    if subject is not None:
        subject_type = subject_type or subject._meta.label
        subject_id = subject_id or subject.pk
    is_user = acting_user is not None and getattr(acting_user, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=acting_user if is_user else None,
        actor_label=(acting_user.get_full_name() or acting_user.email) if is_user else "",
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        young_person_id=young_person_id,
        detail=detail or {},
        ip_address=_address(),
    )
