"""Numbers typed as text: a clear message for anything that is not a sensible number, never an
error page (the hostile input test found "1E30" raising one)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms

from careleavers.workforce.forms import DecimalText


@pytest.fixture
def field() -> DecimalText:
    return DecimalText(label="Full-time equivalent")


@pytest.mark.parametrize(("typed", "expected"), [("0.5", Decimal("0.5")), (" 1 ", Decimal("1"))])
def test_a_number_is_cleaned_to_a_decimal(field, typed, expected):
    assert field.clean(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1E30", "too large"),
        ("12345", "too large"),
        ("0.125", "at most 2 decimal places"),
        ("1e-30", "at most 2 decimal places"),
        ("NaN", "at most 2 decimal places"),
        ("Infinity", "at most 2 decimal places"),
        ("half", "must be a number"),
    ],
)
def test_anything_else_gets_a_clear_message(field, typed, message):
    with pytest.raises(forms.ValidationError) as error:
        field.clean(typed)
    assert message in " ".join(error.value.messages)
