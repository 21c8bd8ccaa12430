"""The kinds of question every part's forms ask again and again, each written once: an answer
in words in a box of some lines, and one choice among radios. Each says, when it must be
answered, what to write or select (`missing`), as the GOV.UK pattern asks."""

from __future__ import annotations

from typing import Any

from django import forms


def words(label: str, *, rows: int, missing: str) -> forms.CharField:
    """A required answer in words, in a box `rows` lines high; `missing` says what to enter."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
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
