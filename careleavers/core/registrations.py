"""Core's own entries in the shared registries: home and the audit log in the navigation and
on the home page, and the daily removal of old generated files (file_jobs.py)."""

from __future__ import annotations

from careleavers.accounts.rules import is_administrator, is_staff_member
from careleavers.core.file_jobs import remove_old_files
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.navigation import RECORDS
from careleavers.core.pages import ServicePage, pages_register

pages_register(
    ServicePage("Home", "core:home", is_staff_member, 0, section=""),
    ServicePage(
        "Audit log",
        "core:audit_log",
        is_administrator,
        900,
        section=RECORDS,
        description="Who viewed, changed, exported or printed what, and when.",
    ),
)
scheduled_jobs.register(ScheduledJob(name="core.generated_files", run=remove_old_files))
