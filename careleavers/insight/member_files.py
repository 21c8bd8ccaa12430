"""A figure's drill-down list as a spreadsheet, made in the background (core/file_jobs.py).

At national size the service's list runs to 100,000 young people: about 20 seconds to read and
lay out, too long for a web request. The person asks on the drill-down page, follows the
progress page, and downloads the workbook; only they may, as it lists the young people they
could see when they asked.
"""

from __future__ import annotations

import datetime
from typing import Any, BinaryIO

from django.http import QueryDict
from django.utils import timezone

from careleavers.core.file_jobs import MadeFile, Progress
from careleavers.core.models import FileJob
from careleavers.core.replica import reads_from_replica
from careleavers.insight import exports, member_lists, presenters, selectors

MEMBERS_FILE = "insight.members"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What of the drill-down page's address the spreadsheet follows.
KEPT = ("scope", "list", "sort", "order", "adviser", "adviser_name", "no_adviser", "overdue")


def members_make(job: FileJob, out: BinaryIO, progress: Progress) -> MadeFile:
    """The task's work: the list as it stood on the day it was asked for, as the person who
    asked could see it."""
    on: datetime.date = timezone.localdate(job.requested_at)
    item = selectors.indicator_or_404(job.parameters["indicator"])
    query = QueryDict(mutable=True)
    query.update(job.parameters.get("query", {}))
    which = member_lists.which_list(query)
    progress.step("Reading the list.")
    with reads_from_replica():
        view = selectors.scope_for(user=job.requested_by, key=query.get("scope", "service"), on=on)
        rows, _ = member_lists.arranged_rows(query, item, view, which)
        head, body = presenters.member_table(item, rows, on=view.scope.on, links=False)
    progress.step(f"Laying out {len(body)} rows.")
    out.write(
        exports.members_xlsx(
            indicator=item, scope_label=view.label, on=view.scope.on, head=head, rows=body
        )
    )
    return MadeFile(
        download_name=f"{item.key}-{view.key}-{view.scope.on:%Y-%m-%d}.xlsx",
        content_type=XLSX,
        # The event the direct download wrote (services.export_recorded).
        audit_subject_type="insight.export",
        audit_subject_id=item.key,
        audit_detail=_detail(which=which, scope_key=view.key, rows=len(body), key=item.key),
    )


def _detail(*, which: str, scope_key: str, rows: int, key: str) -> dict[str, Any]:
    return {"what": f"drill-down ({which})", "scope": scope_key, "indicator": key, "rows": rows}
