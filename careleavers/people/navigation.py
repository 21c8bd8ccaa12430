"""The people app's navigation entry, home page link and daily job."""

from __future__ import annotations

from typing import Any

from rules import has_perm

from careleavers.core.home import HomeLink
from careleavers.core.home import register as register_home
from careleavers.core.jobs import ScheduledJob, register_job
from careleavers.core.navigation import NavEntry
from careleavers.core.navigation import register as register_nav


def can_search(user: Any) -> bool:
    # rules.has_perm, not user.has_perm: the latter says yes to every superuser.
    return bool(user.is_authenticated and has_perm("people.search_youngperson", user))


def register() -> None:
    from careleavers.people.services import categories_refresh_due

    register_nav(
        NavEntry(
            text="Find a young person", url_name="people:search", allowed=can_search, order=10
        )
    )
    register_home(
        HomeLink(
            text="Find a young person",
            url_name="people:search",
            description="Search by name, date of birth, council child ID or NHS number.",
            allowed=can_search,
            order=10,
        )
    )
    # Birthdays, 13 weeks of care and 6 months at home change categories with no new facts.
    register_job(ScheduledJob(name="people.categories", run=categories_refresh_due))
