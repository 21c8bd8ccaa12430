"""Cells the service writes into spreadsheets (xlsx and csv), made safe to open.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or a
carriage return) as a formula: a name typed as `=HYPERLINK("https://…","Click")` becomes a live
link, and worse. OWASP's "CSV Injection" guidance: write such a text cell with a leading single
quote, so it is read as text. Every xlsx and csv writer in the service passes each cell through
`safe_cell` (or a row through `safe_row`).

Numbers, dates, times, booleans and empty cells stay as they are, so sums and sorting still work.
Codes sent to the DfE (the SSDA903 CSVs) never start with these characters when valid, so a
valid return is written byte for byte as before; an invalid code is refused when it comes in
(people/validators.py), not rewritten here.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import Any

# OWASP CSV injection: the characters that make a cell a formula (or a DDE call).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_KEPT_TYPES = (
    bool,
    int,
    float,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
)


def safe_cell(value: Any) -> Any:
    """The value to write into a spreadsheet cell: text that a spreadsheet would run as a
    formula gets a leading apostrophe; numbers, dates, booleans and None are kept as they are."""
    if type(value) is str:  # most cells: checked first, as exports write millions of them
        return f"'{value}" if value.startswith(FORMULA_STARTS) else value
    if value is None or isinstance(value, _KEPT_TYPES):
        return value
    text = value if isinstance(value, str) else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def safe_row(values: Iterable[Any]) -> list[Any]:
    """Every cell of a row through `safe_cell`."""
    return [safe_cell(value) for value in values]


def safe_dict(row: dict[str, Any]) -> dict[str, Any]:
    """Every value of a csv.DictWriter row through `safe_cell`."""
    return {key: safe_cell(value) for key, value in row.items()}
