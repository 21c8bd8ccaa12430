"""How a service refuses what it is given: every problem at once, each keyed by the form field
that fixes it, so the page shows each message beside its question (core.forms.errors)."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError


def raise_if(errors: Mapping[str, str | list[str]]) -> None:
    """Refuse with every problem found, or do nothing when there is none."""
    if errors:
        raise ValidationError(dict(errors))
