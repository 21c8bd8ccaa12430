"""Show a service's refusal on the form that asked for the change.

Services raise `ValidationError`, keyed by field where the problem is one answer
(`ValidationError({"end_date": "..."})`). GOV.UK pattern: an error sits beside the answer to
fix, and the summary at the top links to it; only a refusal that belongs to no answer on this
form goes above it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form: Any, error: ValidationError) -> None:
    """Put each of `error`'s messages beside the field it names when the form shows that field,
    and above the form otherwise (no field, `__all__`, or a field this form does not have:
    Django's own `add_error` would raise for the last)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_errors in error.error_dict.items():
        on_form = field != NON_FIELD_ERRORS and field in form.fields
        form.add_error(field if on_form else None, field_errors)
