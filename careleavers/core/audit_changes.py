"""What a change to a council's settings reads as in the audit log: each setting by its name,
with what it was and what it became (as `core.council_settings_change` writes it).

Only settings are spelled out. A change to a young person's record keeps its words out of the
audit log page: the log says who changed which record and when, and the record itself says what
it holds to those allowed to read it."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import AuditEvent


def settings_changes(event: AuditEvent) -> list[str]:
    """ "Office closes: 17:00:00 to 16:30:00", one line a setting, or nothing for any other
    event."""
    changes = event.detail.get("changes") if isinstance(event.detail, dict) else None
    model = _settings_model(event.subject_type)
    if model is None or not isinstance(changes, dict):
        return []
    return [
        f"{_label(model, name)}: {_text(model, name, pair[0])} to {_text(model, name, pair[1])}"
        for name, pair in changes.items()
        if isinstance(pair, list) and len(pair) == 2
    ]


def _settings_model(label: str) -> type[CouncilSettings] | None:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, CouncilSettings) else None


def _label(model: type[CouncilSettings], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except LookupError:
        return name
    verbose = str(getattr(field, "verbose_name", name))
    return verbose[:1].upper() + verbose[1:]


def _text(model: type[CouncilSettings], name: str, value: Any) -> str:
    words = model.setting_words(name, value)
    if words is not None:
        return words
    if value is None or value == "":
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "none"
    return str(value)
