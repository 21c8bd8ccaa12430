"""What the home page offers each user. Apps register sections here as capabilities arrive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class HomeLink:
    text: str
    url_name: str
    description: str
    allowed: Callable[[Any], bool]
    order: int = 100


home_links: Registry[HomeLink] = Registry(
    "home page links", key=lambda link: link.url_name, order=lambda link: link.order
)


def home_sections_for(*, user: Any) -> list[dict[str, str]]:
    return [
        {"text": link.text, "href": reverse(link.url_name), "description": link.description}
        for link in home_links
        if link.allowed(user)
    ]


def descriptions() -> dict[str, str]:
    """What each registered page is for, by URL name (the navigation's section pages say it)."""
    return {link.url_name: link.description for link in home_links}


@dataclass(frozen=True)
class HomePanel:
    """A part of the home page with someone's work on it: what is overdue and due this week,
    what waits for a manager's decision, figures off target. `context(user)` returns the
    template's context, or None when the panel has nothing for this user."""

    key: str
    template: str
    context: Callable[[Any], dict[str, Any] | None]
    order: int = 100


home_panels: Registry[HomePanel] = Registry(
    "home page panels", key=lambda panel: panel.key, order=lambda panel: panel.order
)


def home_panels_for(*, user: Any) -> list[dict[str, Any]]:
    """The panels with something for this user, in order, ready to include."""
    shown = []
    for panel in home_panels:
        context = panel.context(user)
        if context is not None:
            shown.append({"template": panel.template, **context})
    return shown
