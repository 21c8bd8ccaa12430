"""Where staff find a page of the service: its link in the navigation (navigation.py) and its
link on the home page with what it is for (home.py). One `ServicePage` gives both, so the two
never disagree on the words, the order or who may follow them. Each app declares its pages in
its registrations.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careleavers.core.home import HomeLink, home_links
from careleavers.core.navigation import NavEntry, nav_entries
from careleavers.core.permissions import permitted

HOME_PAGE_ONLY = None


@dataclass(frozen=True)
class ServicePage:
    text: str
    url_name: str
    # Who may follow the link: a permission's name, or a test of the user.
    allowed: str | Callable[[Any], bool]
    order: int
    # The navigation section it is reached from ("" for a link at the top of every page), or
    # HOME_PAGE_ONLY for a page listed only on the home page.
    section: str | None
    # What it is for, on the home page; "" keeps it off the home page.
    description: str = ""


def pages_register(*pages: ServicePage) -> None:
    for page in pages:
        allowed = permitted(page.allowed) if isinstance(page.allowed, str) else page.allowed
        if page.section is not HOME_PAGE_ONLY:
            nav_entries.register(
                NavEntry(
                    text=page.text,
                    url_name=page.url_name,
                    allowed=allowed,
                    order=page.order,
                    section=page.section,
                )
            )
        if page.description:
            home_links.register(
                HomeLink(
                    text=page.text,
                    url_name=page.url_name,
                    description=page.description,
                    allowed=allowed,
                    order=page.order,
                )
            )
