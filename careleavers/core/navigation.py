"""The service navigation. Apps add their own entries with `register`, so the shell needs no
edit when a later capability arrives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    text: str
    url_name: str
    allowed: Callable[[Any], bool]
    order: int = 100


_entries: list[NavEntry] = []


def register(entry: NavEntry) -> None:
    if entry not in _entries:
        _entries.append(entry)


def navigation_for(*, user: Any, current_path: str) -> list[dict[str, Any]]:
    items = []
    for entry in sorted(_entries, key=lambda e: e.order):
        if not entry.allowed(user):
            continue
        href = reverse(entry.url_name)
        active = current_path == href if href == "/" else current_path.startswith(href)
        items.append({"text": entry.text, "href": href, "active": active})
    return items
