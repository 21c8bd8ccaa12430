"""The page of one form that is not about one young person (a workforce record, a subject access
request): a caption, a heading, the form and its button. A young person's own form pages show
their record frame instead (people/form_page.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest,
    form: Any,
    *,
    title: str,
    back: str,
    caption: str,
    button: str = "Save",
    intro: str = "",
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        "layouts/form_page.html",
        {
            "form": form,
            "title": title,
            "back_href": back,
            "caption": caption,
            "button_text": button,
            "intro": intro,
            **extra,
        },
    )
