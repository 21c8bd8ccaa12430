"""A change saved with its audit event and with the acting user named in the record's
django-simple-history row as well."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from django.db import models

from careleavers.accounts.models import User
from careleavers.core.audit import save_audited


def save_audited_with_history(
    record: models.Model,
    /,
    *,
    acting_user: User,
    detail: Mapping[str, Any] | None = None,
    young_person_id: int | None | Literal["of the record"] = "of the record",
    changed: Sequence[str] = (),
) -> None:
    """`save_audited` for a record that keeps a history.

    django-simple-history takes the user from the request middleware; outside a request (jobs,
    tests) it would record nobody, so the service names the user itself."""
    record._history_user = acting_user  # type: ignore[attr-defined]
    save_audited(
        record,
        acting_user=acting_user,
        detail=detail,
        young_person_id=young_person_id,
        changed=changed,
    )
