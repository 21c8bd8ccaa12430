"""Exports made by the returns, each audited. Importing returns is in importer.py and checking
them with the sector's validator in validation.py.

From the web, each export is asked for (`*_export_request`) and made by a background task
(tasks.py, core/file_jobs.py) that reports its progress; each download of the file made is
audited as the export. The management commands write the files directly.

Every service takes keyword arguments with `acting_user` first, runs in one transaction and
writes its AuditEvent in that transaction (DESIGN 4.2).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core import file_jobs
from careleavers.core.audit import audit_record
from careleavers.core.collector import collector_paused
from careleavers.core.file_jobs import MadeFile, Progress
from careleavers.core.models import AuditEvent, FileJob
from careleavers.core.replica import reads_from_replica
from careleavers.core.spreadsheets import safe_dict, safe_row
from careleavers.core.xlsx_text import write_text_workbook
from careleavers.returns import annex_a, selectors, ssda903

EXPORT_SUBJECT = "returns.ssda903_export"
ANNEX_A_SUBJECT = "returns.annex_a"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- Exports -----------------------------------------------------------------------------------


def _csv_bytes(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    # Valid 903 values never start with a formula character, so a valid return is unchanged.
    writer.writerows(safe_dict(row) for row in rows)
    return buffer.getvalue().encode("utf-8")


def _audit_export(
    *,
    acting_user: User | None,
    subject_type: str,
    subject_id: str,
    detail: dict[str, Any],
) -> None:
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.EXPORT,
        subject_type=subject_type,
        subject_id=subject_id,
        detail=detail,
    )


def _export_detail(result: selectors.Ssda903Return, *, how: str) -> dict[str, Any]:
    return {
        "collection_year": result.year,
        "how": how,
        "records": len(result.header),
        "header": len(result.header),
        "episodes": len(result.episodes),
        "uasc": len(result.uasc),
        "oc3": len(result.oc3),
        "incomplete": len({child for child, _ in result.gaps}),
        "provisional": len(result.provisional),
        "as_returned": result.as_returned,
    }


def write_return(result: selectors.Ssda903Return, out_dir: Path) -> None:
    """The return's four CSV files in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in result.tables.items():
        (out_dir / f"{name}.csv").write_bytes(_csv_bytes(columns, rows))


def ssda903_export(
    *,
    acting_user: User | None,
    year: int,
    out_dir: Path,
    today: datetime.date | None = None,
) -> selectors.Ssda903Return:
    """Write the care-leaver return of ``year`` as header.csv, episodes.csv, uasc.csv, oc3.csv."""
    today = today or timezone.localdate()
    with transaction.atomic(), collector_paused():
        result = selectors.ssda903_return_for(year, today=today)
        write_return(result, out_dir)
        _audit_export(
            acting_user=acting_user,
            subject_type=EXPORT_SUBJECT,
            subject_id=str(year),
            detail=_export_detail(result, how=f"folder {out_dir.name}"),
        )
    return result


def write_annex_a(rows: Iterable[list[str]], out: BinaryIO, *, file_format: str) -> None:
    """Write List 9 rows as an .xlsx workbook (sheet "List 9") or a CSV."""
    if file_format == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(annex_a.COLUMNS)
        writer.writerows(safe_row(values) for values in rows)
        # Leave `out` open for the caller: the wrapper would close it when it is collected.
        text.flush()
        text.detach()
        return
    # Written straight as XML (core/xlsx_text.py): openpyxl took 12.6 s of an export's 10 s
    # budget for 100,000 care leavers.
    write_text_workbook(
        out,
        sheet_name=annex_a.SHEET_NAME,
        heading=annex_a.COLUMNS,
        rows=(safe_row(values) for values in rows),
        widths=[max(12, min(len(column) + 2, 40)) for column in annex_a.COLUMNS],
    )


def annex_a_export(
    *,
    acting_user: User | None,
    out: BinaryIO,
    file_format: str,
    today: datetime.date | None = None,
) -> int:
    """Write Ofsted Annex A List 9 (care leavers) to ``out``; returns the number of rows."""
    if file_format not in ("xlsx", "csv"):
        raise ValueError("Annex A is written as xlsx or csv")
    today = today or timezone.localdate()
    with transaction.atomic(), collector_paused():
        rows = selectors.annex_a_rows(today=today)
        write_annex_a(rows, out, file_format=file_format)
        _audit_export(
            acting_user=acting_user,
            subject_type=ANNEX_A_SUBJECT,
            subject_id="list_9",
            detail={"records": len(rows), "format": file_format, "on": today.isoformat()},
        )
    return len(rows)


# --- Downloads made in the background (core/file_jobs.py, tasks.py) ---------------------------

ANNEX_A_FORMATS = {"xlsx": XLSX, "csv": "text/csv"}


def ssda903_export_request(*, acting_user: User, year: int) -> FileJob:
    """Ask for the care-leaver return of ``year`` as a zip of its four CSVs, made in the
    background (`ssda903_export_make`)."""
    from careleavers.returns.tasks import ssda903_export_task

    return file_jobs.file_job_request(
        acting_user=acting_user,
        kind=selectors.SSDA903_FILE,
        title=f"SSDA903 care leavers return for {ssda903.collection_year_label(year)}",
        parameters={"collection_year": year},
        task=ssda903_export_task,
    )


def annex_a_export_request(*, acting_user: User, file_format: str) -> FileJob:
    """Ask for Annex A List 9 as it stands today, as .xlsx or .csv, made in the background."""
    from careleavers.returns.tasks import annex_a_export_task

    if file_format not in ANNEX_A_FORMATS:
        raise ValidationError({"format": "Choose an Excel workbook or a CSV file"})
    label = "Excel workbook" if file_format == "xlsx" else "CSV"
    return file_jobs.file_job_request(
        acting_user=acting_user,
        kind=selectors.ANNEX_A_FILE,
        title=f"Ofsted Annex A List 9, care leavers ({label})",
        parameters={"format": file_format},
        task=annex_a_export_task,
    )


def _asked_on(job: FileJob) -> datetime.date:
    # The file says how things stood on the day it was asked for, whenever the worker made it.
    return timezone.localdate(job.requested_at)


def ssda903_export_make(job: FileJob, out: BinaryIO, progress: Progress) -> MadeFile:
    """The task's work: the return, its four CSVs written into a zip as they are made."""
    year = int(job.parameters["collection_year"])
    with reads_from_replica():
        result = selectors.ssda903_return_for(year, today=_asked_on(job), progress=progress)
    tables = result.tables
    progress.step("Writing the four files.", total=sum(len(rows) for _, rows in tables.values()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (columns, rows) in tables.items():
            with archive.open(f"{name}.csv", "w") as member:
                text = io.TextIOWrapper(member, encoding="utf-8", newline="")
                writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n")
                writer.writeheader()
                # Valid 903 values never start with a formula character, so a valid return is
                # unchanged.
                writer.writerows(safe_dict(row) for row in progress.counted(rows))
                text.flush()
                text.detach()
    return MadeFile(
        download_name=f"ssda903-care-leavers-{year}.zip",
        content_type="application/zip",
        audit_subject_type=EXPORT_SUBJECT,
        audit_subject_id=str(year),
        audit_detail=_export_detail(result, how="download"),
    )


def annex_a_export_make(job: FileJob, out: BinaryIO, progress: Progress) -> MadeFile:
    """The task's work: List 9 as it stood on the day it was asked for."""
    file_format = job.parameters["format"]
    today = _asked_on(job)
    with reads_from_replica():
        rows = selectors.annex_a_rows(today=today, progress=progress)
    progress.step("Writing the file.", total=len(rows))
    write_annex_a(progress.counted(rows), out, file_format=file_format)
    return MadeFile(
        download_name=f"annex-a-list-9-care-leavers-{today:%Y-%m-%d}.{file_format}",
        content_type=ANNEX_A_FORMATS[file_format],
        audit_subject_type=ANNEX_A_SUBJECT,
        audit_subject_id="list_9",
        audit_detail={"records": len(rows), "format": file_format, "on": today.isoformat()},
    )


__all__ = [
    "annex_a_export",
    "annex_a_export_make",
    "annex_a_export_request",
    "ssda903_export",
    "ssda903_export_make",
    "ssda903_export_request",
    "write_annex_a",
    "write_return",
]
