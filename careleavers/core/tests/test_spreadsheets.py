"""Spreadsheet cells: text that would run as a formula is made text; numbers and dates stay."""

from __future__ import annotations

import ast
import datetime
import decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.spreadsheets import FORMULA_STARTS, safe_cell, safe_dict, safe_row

APPS = Path(__file__).resolve().parents[2]


@given(start=st.sampled_from(FORMULA_STARTS), rest=st.text(max_size=40))
def test_text_that_starts_like_a_formula_gets_an_apostrophe(start: str, rest: str) -> None:
    assert safe_cell(start + rest) == f"'{start}{rest}"


@given(text=st.text(max_size=40).filter(lambda t: not t.startswith(FORMULA_STARTS)))
def test_other_text_is_unchanged(text: str) -> None:
    assert safe_cell(text) == text


def test_the_owasp_examples_are_text() -> None:
    assert safe_cell('=HYPERLINK("https://example.com","Click")').startswith("'=")
    assert safe_cell("=1+2") == "'=1+2"
    assert safe_cell("@SUM(1+1)") == "'@SUM(1+1)"
    assert safe_cell("\t=1") == "'\t=1"


def test_numbers_dates_and_empty_cells_keep_their_type() -> None:
    kept = [
        None,
        True,
        -5,
        -2.5,
        decimal.Decimal("-1.50"),
        datetime.date(2026, 12, 1),
        datetime.datetime(2026, 12, 1, 9, 30),
        datetime.time(9, 30),
    ]
    assert [safe_cell(value) for value in kept] == kept
    assert [type(safe_cell(value)) for value in kept] == [type(value) for value in kept]


def test_other_values_are_written_as_their_safe_text() -> None:
    class Named:
        def __str__(self) -> str:
            return "-named"

    assert safe_cell(Named()) == "'-named"


def test_rows_and_dict_rows() -> None:
    assert safe_row(["=1", 2, "a"]) == ["'=1", 2, "a"]
    assert safe_dict({"CHILD": "A1", "NOTE": "+44"}) == {"CHILD": "A1", "NOTE": "'+44"}


def _writes_spreadsheets(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "openpyxl":
            return True
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "csv"
            and node.attr in ("writer", "DictWriter")
        ):
            return True
    return False


def test_every_module_that_writes_a_spreadsheet_makes_its_cells_safe() -> None:
    # A new xlsx or csv writer that forgets the helper fails here, not in a council's Excel.
    unsafe = []
    for path in APPS.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        source = path.read_text()
        if _writes_spreadsheets(ast.parse(source)) and "core.spreadsheets" not in source:
            unsafe.append(str(path.relative_to(APPS)))
    assert not unsafe, f"These write spreadsheets without core/spreadsheets.py: {unsafe}"
