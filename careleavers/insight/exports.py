"""Spreadsheets (xlsx, openpyxl) of a dashboard and of a drill-down list."""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from careleavers.core.spreadsheets import safe_cell, safe_row
from careleavers.insight import presenters
from careleavers.insight.indicators import Indicator
from careleavers.insight.selectors import DashboardRow


def _plain(cell: Any) -> Any:
    """A table cell as a spreadsheet value: the text of a link, dates kept as dates, and text
    that a spreadsheet would run as a formula (a name typed as =HYPERLINK(...)) made text."""
    if isinstance(cell, dict):
        cell = cell.get("text", "")
    return safe_cell(cell)


def _fill(sheet: Any, title: str, head: Sequence[Any], rows: Sequence[Sequence[Any]]) -> None:
    sheet.title = title[:31]
    sheet.append([_plain(cell) for cell in head])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_plain(cell) for cell in row])
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(10, width + 2), 60)


def _append(sheet: Any, row: Sequence[Any]) -> None:
    sheet.append(safe_row(row))


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DASHBOARD_HEAD = [
    "Area",
    "Indicator",
    "Unit",
    "Numerator",
    "Denominator",
    "Figure",
    "Target",
    "Last month",
    "Change since last month",
    "England",
    "Region",
    "Statistical neighbours",
    "DfE year",
]


def dashboard_rows(rows: Sequence[DashboardRow]) -> list[list[Any]]:
    table = []
    for row in rows:
        item = row.indicator
        now = presenters.figure_value(item, row.figure)
        before = presenters.figure_value(item, row.previous)
        comparison = row.comparison
        table.append(
            [
                presenters.area_title(item.area),
                item.title,
                presenters.unit_label(item),
                row.figure.numerator if row.figure else None,
                row.figure.denominator if row.figure else None,
                now,
                float(row.target.value) if row.target else None,
                before,
                presenters.direction(item, now, before, on=row.on).text,
                comparison.england if comparison else None,
                comparison.region if comparison else None,
                comparison.neighbours if comparison else None,
                comparison.year if comparison else None,
            ]
        )
    return table


def dashboard_xlsx(*, title: str, on: datetime.date, rows: Sequence[DashboardRow]) -> bytes:
    workbook = Workbook()
    _fill(workbook.active, "Indicators", DASHBOARD_HEAD, dashboard_rows(rows))
    about = workbook.create_sheet("About")
    _append(about, ["Dashboard", title])
    counted = [row.counted for row in rows if row.counted is not None]
    if counted:
        # The service's and teams' figures come from the overnight count (daily.py).
        _append(about, ["Counted overnight as at", min(item.as_at for item in counted)])
    if len(counted) < len(rows):
        _append(about, ["Counted as at", on])
    _append(
        about,
        [
            "Note",
            "Our figures are snapshots on the day; DfE figures are annual, around birthdays, "
            "for the year to 31 March. Read each indicator's definition before comparing.",
        ],
    )
    return _bytes(workbook)


def members_xlsx(
    *,
    indicator: Indicator,
    scope_label: str,
    on: datetime.date,
    head: Sequence[Any],
    rows: Sequence[Sequence[Any]],
) -> bytes:
    workbook = Workbook()
    _fill(workbook.active, "Rows", head or ["No rows"], rows)
    about = workbook.create_sheet("About")
    _append(about, ["Indicator", indicator.title])
    _append(about, ["Scope", scope_label])
    _append(about, ["Counted as at", on])
    _append(about, ["Numerator", indicator.numerator])
    _append(
        about,
        ["Official sensitive", "Personal information: keep it secure and delete it when done."],
    )
    return _bytes(workbook)
