"""The service navigation. Apps add their own entries to `nav_entries`, so the shell needs no
edit when a later capability arrives.

Entries that belong to a section (`NavEntry.section`) are reached from that section's page, and
the top of every page shows one link per section instead: a head of service would otherwise
see over 20 links in three rows. The sections are grouped by what people do, so each role sees
about seven links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class NavSection:
    key: str
    text: str
    order: int
    description: str


SERVICES = "services"
MANAGING = "managing"
RECORDS = "records"
SECTIONS = {
    section.key: section
    for section in (
        NavSection(
            SERVICES,
            "Services",
            40,
            "Housing, education and work, adult services, the local offer and groups.",
        ),
        NavSection(
            MANAGING,
            "Managing",
            60,
            "Pathway plans, quality assurance, the workforce, supervision and performance.",
        ),
        NavSection(
            RECORDS,
            "Records",
            800,
            "The DfE and Ofsted returns, data protection, the audit log.",
        ),
    )
}


@dataclass(frozen=True)
class NavEntry:
    text: str
    url_name: str
    allowed: Callable[[Any], bool]
    order: int = 100
    section: str = ""  # a key of SECTIONS, or "" for a link at the top of every page

    def __post_init__(self) -> None:
        if self.section and self.section not in SECTIONS:
            raise ValueError(f"{self.text}: no navigation section {self.section!r}")


nav_entries: Registry[NavEntry] = Registry(
    "navigation links", key=lambda entry: entry.url_name, order=lambda entry: entry.order
)


def _is_current(href: str, current_path: str) -> bool:
    return current_path == href if href == "/" else current_path.startswith(href)


def section_entries(*, user: Any, section: str) -> list[dict[str, Any]]:
    """The links of one section the user may follow, in order."""
    return [
        {"text": entry.text, "href": reverse(entry.url_name), "url_name": entry.url_name}
        for entry in nav_entries
        if entry.section == section and entry.allowed(user)
    ]


def navigation_for(*, user: Any, current_path: str) -> list[dict[str, Any]]:
    """The links at the top of the page: the user's own entries, and one link to each section
    in which they may follow at least one entry."""
    items: list[tuple[int, dict[str, Any]]] = []
    for entry in nav_entries:
        if entry.section or not entry.allowed(user):
            continue
        href = reverse(entry.url_name)
        items.append(
            (
                entry.order,
                {"text": entry.text, "href": href, "active": _is_current(href, current_path)},
            )
        )
    for section in SECTIONS.values():
        links = section_entries(user=user, section=section.key)
        if not links:
            continue
        href = reverse("core:nav_section", kwargs={"key": section.key})
        active = current_path.startswith(href) or any(
            _is_current(link["href"], current_path) for link in links
        )
        items.append((section.order, {"text": section.text, "href": href, "active": active}))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]
