"""Exports made by the returns, each audited. Importing returns is in importer.py and checking
them with the sector's validator in validation.py.

Every service takes keyword arguments with `acting_user` first, runs in one transaction and
writes its AuditEvent in that transaction (DESIGN 4.2).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent
from careleavers.core.spreadsheets import safe_dict, safe_row
from careleavers.returns import annex_a, selectors

EXPORT_SUBJECT = "returns.ssda903_export"
ANNEX_A_SUBJECT = "returns.annex_a"


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
    acting_user: Any,
    subject_type: str,
    subject_id: str,
    detail: dict[str, Any],
    request: HttpRequest | None,
) -> None:
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.EXPORT,
        subject_type=subject_type,
        subject_id=subject_id,
        detail=detail,
        request=request,
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
    acting_user: Any,
    year: int,
    out_dir: Path,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> selectors.Ssda903Return:
    """Write the care-leaver return of ``year`` as header.csv, episodes.csv, uasc.csv, oc3.csv."""
    today = today or timezone.localdate()
    with transaction.atomic():
        result = selectors.ssda903_return_for(year, today=today)
        write_return(result, out_dir)
        _audit_export(
            acting_user=acting_user,
            subject_type=EXPORT_SUBJECT,
            subject_id=str(year),
            detail=_export_detail(result, how=f"folder {out_dir.name}"),
            request=request,
        )
    return result


def ssda903_export_zip(
    *, acting_user: Any, year: int, request: HttpRequest | None = None
) -> tuple[bytes, selectors.Ssda903Return]:
    """The same return as a zip of the four CSVs, for download."""
    with transaction.atomic():
        result = selectors.ssda903_return_for(year, today=timezone.localdate())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, (columns, rows) in result.tables.items():
                archive.writestr(f"{name}.csv", _csv_bytes(columns, rows))
        _audit_export(
            acting_user=acting_user,
            subject_type=EXPORT_SUBJECT,
            subject_id=str(year),
            detail=_export_detail(result, how="download"),
            request=request,
        )
    return buffer.getvalue(), result


def write_annex_a(rows: list[list[str]], out: BinaryIO, *, file_format: str) -> None:
    """Write List 9 rows as an .xlsx workbook (sheet "List 9") or a CSV."""
    if file_format == "csv":
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(annex_a.COLUMNS)
        writer.writerows(safe_row(values) for values in rows)
        out.write(text.getvalue().encode("utf-8-sig"))
        return
    # Write-only: rows stream to the file instead of building every cell in memory first,
    # which took about 20 seconds for 100,000 care leavers. Widths and the frozen heading
    # must be set before the first row.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(annex_a.SHEET_NAME)
    for index, column in enumerate(annex_a.COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(column) + 2, 40))
    sheet.freeze_panes = "A2"
    sheet.append(list(annex_a.COLUMNS))
    for values in rows:
        sheet.append(safe_row(values))
    workbook.save(out)


def annex_a_export(
    *,
    acting_user: Any,
    out: BinaryIO,
    file_format: str,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> int:
    """Write Ofsted Annex A List 9 (care leavers) to ``out``; returns the number of rows."""
    if file_format not in ("xlsx", "csv"):
        raise ValueError("Annex A is written as xlsx or csv")
    today = today or timezone.localdate()
    with transaction.atomic():
        rows = selectors.annex_a_rows(today=today)
        write_annex_a(rows, out, file_format=file_format)
        _audit_export(
            acting_user=acting_user,
            subject_type=ANNEX_A_SUBJECT,
            subject_id="list_9",
            detail={"records": len(rows), "format": file_format, "on": today.isoformat()},
            request=request,
        )
    return len(rows)


__all__ = [
    "annex_a_export",
    "ssda903_export",
    "ssda903_export_zip",
    "write_annex_a",
    "write_return",
]
