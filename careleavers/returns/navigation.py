"""The returns page in the service navigation and on the home page."""

from __future__ import annotations

from typing import Any

from rules import has_perm

from careleavers.core.home import HomeLink
from careleavers.core.home import register as register_home
from careleavers.core.navigation import RECORDS, NavEntry
from careleavers.core.navigation import register as register_nav


def can_view_returns(user: Any) -> bool:
    # rules.has_perm, not user.has_perm, which says yes to every superuser.
    return bool(user.is_authenticated and has_perm("returns.view_returns", user))


def register() -> None:
    register_nav(
        NavEntry(
            text="Returns",
            url_name="returns:index",
            allowed=can_view_returns,
            order=800,
            section=RECORDS,
        )
    )
    register_home(
        HomeLink(
            text="Returns",
            url_name="returns:index",
            description=(
                "The DfE SSDA903 care leavers return, checked by the sector's validator, and "
                "Ofsted's Annex A list of care leavers."
            ),
            allowed=can_view_returns,
            order=800,
        )
    )
