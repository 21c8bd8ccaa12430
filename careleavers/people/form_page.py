"""The one question page about a young person's record (people/form_page.html): their name as
the caption, a heading, one form, and Save and Cancel. People, learning, accommodation, quality
and the local offer ask their questions on it, so the page looks and behaves the same wherever the
record is changed."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careleavers.people.models import YoungPerson


def record_form_page(
    request: HttpRequest,
    young_person: YoungPerson,
    form: Any,
    *,
    title: str,
    back: str,
    button: str = "Save",
    intro_template: str = "",
    **extra: Any,
) -> HttpResponse:
    """Render the page; `back` is the address Back and Cancel lead to, `intro_template` an
    optional template shown above the form. Two of `extra` change the page too: `caption_extra`
    names, after them, the part of the record asked about, and `summary_rows` (a summary list)
    show, above the form, what is being answered."""
    return render(
        request,
        "people/form_page.html",
        {
            "young_person": young_person,
            "form": form,
            "title": title,
            "back_href": back,
            "button_text": button,
            "intro_template": intro_template,
            **extra,
        },
    )
