"""A service's refusal shows beside the answer to fix, and only the rest above the form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from careleavers.core.forms.errors import add_service_errors


class MoveForm(forms.Form):
    start_date = forms.CharField()
    note = forms.CharField(required=False)


def _bound() -> MoveForm:
    form = MoveForm({"start_date": "2026-01-01", "note": "x"})
    assert form.is_valid()
    return form


def test_an_error_keyed_by_a_field_on_the_form_sits_beside_that_field():
    form = _bound()
    refusal = ValidationError({"start_date": "The start date must be in the past."})
    add_service_errors(form, refusal)
    assert form.errors["start_date"] == ["The start date must be in the past."]
    assert form.non_field_errors() == []
    # Django drops an answer with an error from the cleaned data, as for its own validation.
    assert "start_date" not in form.cleaned_data


def test_an_error_for_a_field_this_form_does_not_show_goes_above_it():
    form = _bound()
    add_service_errors(
        form,
        ValidationError(
            {
                "end_date": "The end date is before the start.",
                NON_FIELD_ERRORS: "That stay has ended.",
                "note": ["Too long.", "Contains a link."],
            }
        ),
    )
    assert form.non_field_errors() == ["The end date is before the start.", "That stay has ended."]
    assert form.errors["note"] == ["Too long.", "Contains a link."]


def test_an_error_without_fields_goes_above_the_form_message_by_message():
    form = _bound()
    add_service_errors(form, ValidationError(["First problem.", "Second problem."]))
    assert form.non_field_errors() == ["First problem.", "Second problem."]
    assert set(form.errors) == {NON_FIELD_ERRORS}
