"""A workbook of text written directly (core/xlsx_text.py), read back with openpyxl."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from careleavers.core.xlsx_text import write_text_workbook


def _written(**kwargs: object) -> bytes:
    out = io.BytesIO()
    write_text_workbook(out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def test_heading_and_rows_read_back_cell_for_cell() -> None:
    rows = [
        ["1000001", "a) Male", "", "Smith & Jones <Area 1>"],
        ["1000002", "b) Female", "23/10/2004", ""],
        ["1000003", "a) Male", "  spaced  ", 'O\'Brien "quoted"'],
    ]
    heading = ["Child", "Gender", "Born", "Team"]
    body = _written(sheet_name="List 9", heading=heading, rows=rows, widths=[12, 30])
    sheet = load_workbook(io.BytesIO(body))["List 9"]
    read = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert read == [["Child", "Gender", "Born", "Team"], *rows]
    # The heading stays in view, and the widths asked for are kept.
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 12
    assert sheet.column_dimensions["B"].width == 30


def test_each_distinct_text_is_stored_once() -> None:
    rows = [[str(n), "a) Male"] for n in range(500)]
    body = _written(sheet_name="List 9", heading=["Child", "Gender"], rows=rows)
    with zipfile.ZipFile(io.BytesIO(body)) as package:
        shared = package.read("xl/sharedStrings.xml").decode()
    assert shared.count("<si>") == 2 + 500 + 1  # the headings, the ids, "a) Male"
    assert shared.count("a) Male") == 1


def test_characters_xml_cannot_hold_are_dropped_not_fatal() -> None:
    body = _written(sheet_name="List 9", heading=["Name"], rows=[["Ann\x00e\x1b Lee"]])
    sheet = load_workbook(io.BytesIO(body))["List 9"]
    assert sheet["A2"].value == "Anne Lee"


def test_returns_the_rows_written_after_the_heading() -> None:
    out = io.BytesIO()
    assert write_text_workbook(out, sheet_name="S", heading=["A"], rows=[["1"], ["2"]]) == 2
    assert write_text_workbook(io.BytesIO(), sheet_name="S", heading=["A"], rows=[]) == 0


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="shorter"):
        _written(sheet_name="S", heading=["A", "B"], rows=[["only one"]])
