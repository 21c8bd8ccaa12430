"""The data protection app's entries in the shared registries: the header navigation and home
page links for the head of service (and the policy for administrators), the work tray's
"subject access reply due" items, and the daily job that removes old subject access files."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from careleavers.casework.work_tray import WorkTrayKind, work_tray_kinds
from careleavers.core.jobs import ScheduledJob, scheduled_jobs
from careleavers.core.navigation import RECORDS
from careleavers.core.pages import HOME_PAGE_ONLY, ServicePage, pages_register
from careleavers.core.permissions import can

# Replies show in the handler's work tray from this many days before they are due.
SAR_TRAY_DAYS = 10


def subject_access_replies_due(scope: Any) -> list[Any]:
    from careleavers.casework.work_tray import WorkItem
    from careleavers.dataprotection import selectors

    if scope.is_team or not can(scope.user, "dataprotection.view_subject_access"):
        return []
    found = selectors.subject_access_due_within(
        user=scope.user, today=scope.today, days=SAR_TRAY_DAYS
    )
    return [
        WorkItem.due_on(
            sar.due_on,
            today=scope.today,
            kind="subject_access_due",
            young_person=sar.young_person,
            title=f"Subject access reply due (SAR-{sar.pk})",
            url=reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk}),
            detail=f"Asked for by {sar.requested_by}; {sar.get_status_display().lower()}",
        )
        for sar in found
    ]


def remove_old_files(today: datetime.date) -> str:
    from careleavers.dataprotection.services import subject_access_files_expire

    return subject_access_files_expire(today)


work_tray_kinds.register(
    WorkTrayKind(
        kind="subject_access_due",
        label="Subject access replies",
        provider=subject_access_replies_due,
    )
)
scheduled_jobs.register(
    ScheduledJob(name="dataprotection.subject_access_files", run=remove_old_files)
)
pages_register(
    ServicePage(
        "Data protection",
        "dataprotection:index",
        "dataprotection.view_subject_access",
        850,
        section=RECORDS,
    ),
    ServicePage(
        "Subject access requests",
        "dataprotection:sar_list",
        "dataprotection.view_subject_access",
        850,
        section=HOME_PAGE_ONLY,
        description=(
            "Log a young person's request for their records, make the file with its redaction "
            "checklist, and reply within the month."
        ),
    ),
    ServicePage(
        "Retention review",
        "dataprotection:retention_report",
        "dataprotection.view_retention",
        851,
        section=HOME_PAGE_ONLY,
        description=(
            "Records reaching the 75th birthday retention date, and the decisions to keep them or "
            "pass them to records management."
        ),
    ),
    ServicePage(
        "Data protection policy",
        "dataprotection:policy",
        "dataprotection.change_policy",
        852,
        section=HOME_PAGE_ONLY,
        description=(
            "How long records are kept, how far ahead the retention review looks, and how long a "
            "subject access file is kept."
        ),
    ),
)
