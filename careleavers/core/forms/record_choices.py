"""Several records chosen from a list of checkboxes, sent back as their ids.

Django's own field asks the database for the ids it is sent. A hand-made POST can send an id
larger than any integer the database holds: PostgreSQL finds no such record, so the form says the
choice is not one of the list, but SQLite (the laptop demo's database) cannot take the number at
all and Django's OverflowError became a server error. Every form that lists records by id uses
this field, so both databases give the same plain message.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet


class RecordChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def _check_values(self, value: Iterable[Any]) -> QuerySet[Any]:
        try:
            return super()._check_values(value)  # type: ignore[misc]
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": "that number"},
            ) from None
