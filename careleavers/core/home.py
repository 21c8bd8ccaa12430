"""What the home page offers each user. Apps register sections here as capabilities arrive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class HomeLink:
    text: str
    url_name: str
    description: str
    allowed: Callable[[Any], bool]
    order: int = 100


_links: list[HomeLink] = []


def register(link: HomeLink) -> None:
    if link not in _links:
        _links.append(link)


def home_sections_for(*, user: Any) -> list[dict[str, str]]:
    return [
        {"text": link.text, "href": reverse(link.url_name), "description": link.description}
        for link in sorted(_links, key=lambda entry: entry.order)
        if link.allowed(user)
    ]


def descriptions() -> dict[str, str]:
    """What each registered page is for, by URL name (the navigation's section pages say it)."""
    return {link.url_name: link.description for link in _links}
