"""No page or setting shows a note meant for developers ("[verify ...]") to its users."""

from __future__ import annotations

import re
from pathlib import Path

from django.apps import apps

import careleavers

PLACEHOLDER = re.compile(r"\[verify", re.IGNORECASE)
PACKAGE = Path(careleavers.__file__).parent


def test_no_template_shows_a_verify_placeholder() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("templates/**/*")
        if path.is_file()
        for number, line in enumerate(path.read_text(errors="ignore").splitlines(), 1)
        if PLACEHOLDER.search(line)
    ]
    assert found == []


def test_no_setting_help_text_or_label_shows_a_verify_placeholder() -> None:
    found = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if PLACEHOLDER.search(str(getattr(field, "help_text", "")))
        or PLACEHOLDER.search(str(getattr(field, "verbose_name", "")))
    ]
    assert found == []
