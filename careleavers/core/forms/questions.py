"""The kinds of question every part's forms ask again and again, each written once: an answer
in words in a box of some lines, one choice among radios, and Yes or No kept as True or False.
Each says, when it must be answered, what to write or select (`missing`), as the GOV.UK pattern
asks."""

from __future__ import annotations

from typing import Any

from django import forms

from careleavers.core.forms.widgets import GovukRadioSelect

# Yes and No for a question whose answer is kept as True or False.
YES_NO_BOOLEAN = [(True, "Yes"), (False, "No")]


def words(label: str, *, rows: int, missing: str, **kwargs: Any) -> forms.CharField:
    """A required answer in words, in a box `rows` lines high; `missing` says what to enter."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
        **kwargs,
    )


def optional_words(label: str | None = None, *, rows: int, **kwargs: Any) -> forms.CharField:
    """An optional answer in words, in a box `rows` lines high."""
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def radios(
    label: str | None,
    choices: Any,
    *,
    missing: str,
    widget: type[forms.RadioSelect] = forms.RadioSelect,
) -> forms.ChoiceField:
    """One of `choices`, as radio buttons (`widget`, for radios that may carry hints);
    `missing` says what to select."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=widget,
        error_messages={"required": missing},
    )


def boolean_radios(label: str, **kwargs: Any) -> forms.TypedChoiceField:
    """Yes or No, side by side, answered as True or False."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_BOOLEAN,
        coerce=lambda value: value in (True, "True"),
        widget=GovukRadioSelect(attrs={"class": "govuk-radios--inline"}),
        **kwargs,
    )
