"""Core's own entries in the shared registries: home and the audit log in the navigation and
on the home page, and the daily removal of old generated files (file_jobs.py)."""

from __future__ import annotations

from careleavers.accounts.rules import is_administrator, is_staff_member
from careleavers.core.file_jobs import remove_old_files
from careleavers.core.home import HomeLink, home_links
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.navigation import RECORDS, NavEntry, nav_entries

nav_entries.register(NavEntry(text="Home", url_name="core:home", allowed=is_staff_member, order=0))
nav_entries.register(
    NavEntry(
        text="Audit log",
        url_name="core:audit_log",
        allowed=is_administrator,
        order=900,
        section=RECORDS,
    )
)
home_links.register(
    HomeLink(
        text="Audit log",
        url_name="core:audit_log",
        description="Who viewed, changed, exported or printed what, and when.",
        allowed=is_administrator,
        order=900,
    )
)
scheduled_jobs.register(ScheduledJob(name="core.generated_files", run=remove_old_files))
