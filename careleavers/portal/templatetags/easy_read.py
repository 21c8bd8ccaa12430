"""The row of an easy-read page: a picture beside a few short sentences, one to a line."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("portal/_easy_read_row.html")
def easy_read_row(icon: str, *sentences: Any) -> dict[str, Any]:
    """A row whose sentences are all fixed words: {% easy_read_row "gift" _("One.") _("Two.") %}.
    A row with words that change from one young person to another is written out in its page."""
    return {"icon": icon, "sentences": sentences}
