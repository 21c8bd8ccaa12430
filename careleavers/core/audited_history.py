"""Records created or changed with their audit event (as core.audit's `create_audited` and
`save_audited`) and with the acting user named in the record's django-simple-history row too.

django-simple-history takes the user from the request middleware; outside a request (jobs,
tests) it would record nobody, so the service names the user itself."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar

from django.db import models

from careleavers.accounts.models import User
from careleavers.core.audit import audit_record, save_audited
from careleavers.core.models import AuditEvent

ModelT = TypeVar("ModelT", bound=models.Model)


def save_audited_with_history(
    record: models.Model,
    /,
    *,
    acting_user: User,
    detail: Mapping[str, Any] | None = None,
    young_person_id: int | None | Literal["of the record"] = "of the record",
    changed: Sequence[str] = (),
) -> None:
    """`save_audited` for a record that keeps a history."""
    record._history_user = acting_user  # type: ignore[attr-defined]
    save_audited(
        record,
        acting_user=acting_user,
        detail=detail,
        young_person_id=young_person_id,
        changed=changed,
    )


def create_audited_with_history(
    model: type[ModelT],
    /,
    *,
    acting_user: User,
    young_person_id: int | None = None,
    detail: Mapping[str, Any] | None = None,
    **fields: Any,
) -> ModelT:
    """`create_audited` for a record that keeps a history: the record is built first, so that
    its history row names the acting user too."""
    record = model(created_by=acting_user, modified_by=acting_user, **fields)
    record._history_user = acting_user  # type: ignore[attr-defined]
    record.save()
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CREATE,
        subject=record,
        young_person_id=young_person_id,
        detail=dict(detail or {}),
    )
    return record
