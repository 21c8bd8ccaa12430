"""How a manager or administrator changes a council's settings from the service's own pages: one
way for every kind of setting, so that each change is made under a lock and each reads the same
in the audit log ("changes": each setting changed, with what it was and what it became)."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, TypeVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from careleavers.accounts.models import User
from careleavers.core.audit import save_audited
from careleavers.core.council_settings import CouncilSettings

S = TypeVar("S", bound=CouncilSettings)


def change_council_settings(
    model: type[S],
    *,
    acting_user: User,
    settings: Collection[str],
    values: Mapping[str, Any],
) -> S:
    """Set the council's row of `model` to `values` (a value of None leaves that setting as it
    is) and log what changed. `settings` names the ones the page may change; any other name is a
    programming error, never a person's input. Nothing changed writes nothing."""
    unknown = set(values) - set(settings)
    if unknown:
        raise TypeError(f"Not a setting this page changes: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        row = model._default_manager.select_for_update().get(pk=model.current().pk)
        changes = {
            name: [getattr(row, name), value]
            for name, value in values.items()
            if value is not None and getattr(row, name) != value
        }
        if changes:
            for name, (_, value) in changes.items():
                setattr(row, name, value)
            save_audited(
                row,
                acting_user=acting_user,
                young_person_id=None,
                # Times and dates are written as text, as the audit log stores JSON.
                detail={"changes": json.loads(json.dumps(changes, cls=DjangoJSONEncoder))},
            )
    return row
