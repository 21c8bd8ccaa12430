"""The shell's own entries in the navigation and on the home page."""

from careleavers.accounts.rules import is_administrator, is_staff_member
from careleavers.core.home import HomeLink
from careleavers.core.home import register as register_home
from careleavers.core.navigation import RECORDS, NavEntry, register

register(NavEntry(text="Home", url_name="core:home", allowed=is_staff_member, order=0))
register(
    NavEntry(
        text="Audit log",
        url_name="core:audit_log",
        allowed=is_administrator,
        order=900,
        section=RECORDS,
    )
)
register_home(
    HomeLink(
        text="Audit log",
        url_name="core:audit_log",
        description="Who viewed, changed, exported or printed what, and when.",
        allowed=is_administrator,
        order=900,
    )
)
