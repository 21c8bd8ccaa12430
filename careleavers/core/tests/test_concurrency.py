"""A stale edit is refused with who changed the record, when, and what."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from careleavers.core.concurrency import FieldChange, StaleEdit, show_stale_edit


def test_the_message_names_who_when_and_what_changed() -> None:
    at = timezone.make_aware(datetime.datetime(2026, 12, 5, 14, 30))
    error = StaleEdit(
        what="this milestone",
        changes=[FieldChange("owner", "Who will do it", "Their PA", "Housing officer")],
        changed_by="Tia Manager",
        changed_at=at,
        current_version=3,
    )
    assert error.message == (
        "Tia Manager changed this milestone at 14:30 on 5 December 2026, after you opened it. "
        "Nothing you entered was saved. What changed: Who will do it is now ‘Housing officer’ "
        "(was ‘Their PA’). Check your answers against theirs and save again."
    )


def test_without_history_it_still_says_nothing_was_saved() -> None:
    error = StaleEdit(what="this document")
    assert error.message.startswith("Someone else changed this document, after you opened it.")
    assert "Nothing you entered was saved" in error.message


class _Form(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField()


def test_the_form_keeps_what_was_typed_and_moves_on_to_the_current_version() -> None:
    form = _Form({"version": "1", "notes": "Mine"})
    assert form.is_valid()

    show_stale_edit(form, StaleEdit(what="this record", current_version=2))

    assert form.non_field_errors()[0].startswith("Someone else changed this record")
    assert form.data["version"] == "2"
    assert form.data["notes"] == "Mine"
