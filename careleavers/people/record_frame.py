"""The record frame: the banner and the tabs on every page of a young person's record.

The banner says who the page is about and what a worker must not miss: name, age, category,
who works with them, their current alerts and the duty number. The tabs are the record's
pages, one registry that each app adds to (`record_tabs`), in one fixed order, so the same
tabs show on every page whichever app drew it.

The record-page decorator (record_page.py) puts a `RecordFrame` on the request once it has
checked that the user may see the record; the page layout (core's layouts/base.html) draws it.
Everything is worked out at most once per request, at a fixed cost: one query for the workers
and one for the alerts, whatever the record holds.

The people app sits below casework, so who works with them and their alerts come from banner
sources that casework registers (`banner_workers`, `banner_alerts`); the start-up check of
required registries (core.E201) stops the service starting without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.urls import reverse

from careleavers.core.registry import Registry
from careleavers.people.models import YoungPerson
from careleavers.people.presenters import category_tag


@dataclass(frozen=True)
class RecordTab:
    """One tab of the record. `url_name` takes the young person's id as `pk`; `shown_to`
    decides from the user's roles alone (no query) whether they see it. Everyone who may open
    a record sees a tab with no `shown_to`."""

    key: str
    label: str
    url_name: str
    order: int
    shown_to: Callable[[Any], bool] | None = None


record_tabs: Registry[RecordTab] = Registry(
    "record tabs", key=lambda tab: tab.key, order=lambda tab: tab.order
)


@dataclass(frozen=True)
class BannerFact:
    """One line of the banner: "Personal adviser: Sam Jones", or one alert."""

    label: str
    text: str


# The banner's parts that other apps provide: each takes the young person and returns its
# facts, at the cost of at most one query. Casework provides both; without them the service
# does not start (core.E201).
BannerSource = Callable[[YoungPerson], list[BannerFact]]


def _function_key(source: BannerSource) -> str:
    return f"{source.__module__}.{source.__qualname__}"


banner_workers: Registry[BannerSource] = Registry(
    "the record banner's workers",
    key=_function_key,
    required=True,
    hint="The casework app registers it in its registrations.py; is it installed?",
)
banner_alerts: Registry[BannerSource] = Registry(
    "the record banner's alerts",
    key=_function_key,
    required=True,
    hint="The casework app registers it in its registrations.py; is it installed?",
)


class RecordFrame:
    """The banner and tabs of one record page, for one user, worked out when first drawn."""

    def __init__(self, *, young_person: YoungPerson, user: Any, path: str, tab: str = "") -> None:
        self.young_person = young_person
        self.user = user
        self.path = path
        self.tab = tab

    @cached_property
    def category_tag(self) -> str:
        return category_tag(self.young_person)

    @cached_property
    def workers(self) -> list[BannerFact]:
        return banner_workers.only()(self.young_person)

    @cached_property
    def alerts(self) -> list[BannerFact]:
        return banner_alerts.only()(self.young_person)

    @cached_property
    def alerts_href(self) -> str:
        """Where the banner's alerts lead: the alerts tab, when one is registered."""
        tab = record_tabs.get("alerts") if "alerts" in record_tabs else None
        return self._href(tab.url_name) if tab is not None else ""

    @cached_property
    def tabs(self) -> list[dict[str, Any]]:
        """The tabs this user sees, in order, with the one this page belongs to marked:
        the page's declared tab, else the tab whose address is the longest start of this
        page's (the overview, whose address starts every other, only on itself)."""
        items = [
            {"key": tab.key, "text": tab.label, "href": self._href(tab.url_name)}
            for tab in record_tabs
            if tab.shown_to is None or tab.shown_to(self.user)
        ]
        hrefs = [item["href"] for item in items]

        def section_of(item: dict[str, Any]) -> bool:
            href = item["href"]
            if self.path == href:
                return True
            starts_another = any(other != href and other.startswith(href) for other in hrefs)
            return self.path.startswith(href) and not starts_another

        current = next((item for item in items if item["key"] == self.tab), None)
        if current is None:
            sections = [item for item in items if section_of(item)]
            current = max(sections, key=lambda item: len(item["href"]), default=None)
        for item in items:
            item["current"] = ""
            if item is current:
                # "page" for the tab itself; "true" for a page within its section.
                item["current"] = "page" if self.path == item["href"] else "true"
        return items

    def _href(self, url_name: str) -> str:
        return reverse(url_name, kwargs={"pk": self.young_person.pk})
