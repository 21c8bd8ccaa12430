"""Edits that would overwrite someone else's are refused (DESIGN 4.6).

A record that people edit carries a `version`. The edit form sends the version it was opened
at, the service locks the row and, if the version has moved on since, raises `StaleEdit`:
nothing is saved, and the message says who changed the record, when, and (from the record's
history, where it keeps one) what. The view shows the message above the form with what the
editor typed, and sets the form's version to the current one, so saving again is a choice made
after reading what changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from careleavers.core.dates import format_date


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


class StaleEdit(Exception):
    """Someone else saved the record after this editor opened it. Nothing was saved.

    `changes` lists what they changed (when the history can tell), `changed_by` and
    `changed_at` who and when, and `current_version` the version to start again from.
    """

    def __init__(
        self,
        *,
        what: str,
        changes: list[FieldChange] | None = None,
        changed_by: str = "",
        changed_at: datetime.datetime | None = None,
        current_version: int | None = None,
    ) -> None:
        self.what = what
        self.changes = changes or []
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version
        super().__init__(self.message)

    @property
    def message(self) -> str:
        who = self.changed_by or "Someone else"
        when = ""
        if self.changed_at is not None:
            local = timezone.localtime(self.changed_at)
            when = f" at {local:%H:%M} on {format_date(local.date())}"
        text = (
            f"{who} changed {self.what}{when}, after you opened it. Nothing you entered was saved."
        )
        if self.changes:
            described = "; ".join(
                f"{change.label} is now ‘{change.after or 'blank'}’ "
                f"(was ‘{change.before or 'blank'}’)"
                for change in self.changes
            )
            text += f" What changed: {described}."
        return text + " Check your answers against theirs and save again."


def display_value(instance: Any, field_name: str) -> str:
    """A field's value as a person reads it: choice labels, names, Yes or No, GOV.UK dates."""
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname)
    if value is None:
        return ""
    if field.is_relation:
        return str(getattr(instance, field.name))
    if field.choices and value != "":
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{format_date(local.date())} at {local:%H:%M}"
    if isinstance(value, datetime.date):
        return format_date(value)
    return str(value)


def field_label(instance: Any, field_name: str) -> str:
    label = str(getattr(instance._meta.get_field(field_name), "verbose_name", field_name))
    return label[:1].upper() + label[1:]


def _name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.email)


def changes_since(
    current: Any,
    *,
    version: int,
    fields: Iterable[str],
    labels: Mapping[str, str] | None = None,
) -> tuple[list[FieldChange], str, datetime.datetime | None]:
    """What changed in `fields` since `version`, and who made the latest change and when.

    Read from django-simple-history where the model keeps it: the last historical row at
    `version` is the state the editor saw; the newest row is who changed it since. A model
    without history says only who changed it last (`modified_by`, `modified_at`).
    """
    if not hasattr(current, "history"):
        changed_at = getattr(current, "modified_at", None)
        return [], _name(getattr(current, "modified_by", None)), changed_at
    history = current.history.order_by("-history_date", "-history_id")
    seen = history.filter(version=version).first()
    latest = history.select_related("history_user").first()
    changed_by = _name(latest.history_user) if latest is not None else ""
    changed_at = latest.history_date if latest is not None else None
    if seen is None:
        return [], changed_by, changed_at
    changes = []
    for name in fields:
        before, after = display_value(seen, name), display_value(current, name)
        if before != after:
            label = (labels or {}).get(name) or field_label(current, name)
            changes.append(FieldChange(name, label, before, after))
    return changes, changed_by, changed_at


def keeps_version(record: models.Model) -> bool:
    """Whether `record` counts its changes in a `version`, so that an edit opened at an older
    one is refused. A relation that happens to be named `version` (a local offer item's offer
    version) is not such a count."""
    try:
        field = record._meta.get_field("version")
    except FieldDoesNotExist:
        return False
    return isinstance(field, models.IntegerField)


def refuse_if_stale(
    instance: Any,
    *,
    version: int | None,
    what: str,
    fields: Iterable[str] = (),
    labels: Mapping[str, str] | None = None,
) -> None:
    """Raise StaleEdit if `instance` (locked by the caller) is no longer at `version`.

    `fields` are compared to say what changed, under their verbose names or `labels`.
    `version` None means the caller is not editing from a form (the demo, a job); forms that
    edit a record always send one.
    """
    if version is None or version == instance.version:
        return
    changes, changed_by, changed_at = changes_since(
        instance, version=version, fields=fields, labels=labels
    )
    raise StaleEdit(
        what=what,
        changes=changes,
        changed_by=changed_by,
        changed_at=changed_at,
        current_version=instance.version,
    )


def show_stale_edit(
    form: Any, error: StaleEdit, *, field: str = "version", token: Any = None
) -> None:
    """Put the refusal above the form, keep what the editor typed, and move the form's hidden
    version on to the current one so that saving again is their choice. A form that checks
    something other than the version (a last-modified time) passes its current value as
    `token`."""
    form.add_error(None, error.message)
    current = token if token is not None else error.current_version
    if current is not None:
        form.data = form.data.copy()
        form.data[field] = str(current)
