"""Reading the DfE benchmark files, and comparing a council with England, its region and its
statistical neighbours.

Pure functions over plain values (no database): the loader migration, the upload service and
the tests all use them. A file is read whole and checked whole; every bad row is reported with
its row number (the header is row 1, as a spreadsheet shows it) and column, so a performance
analyst can fix the file and try again. Nothing is loaded unless every row is good.

How the DfE compares (docs/data/indicators.md, from LAIT's own code): the statistical
neighbour figure is the unweighted mean of the neighbours' published values, leaving out
suppressed ones; suppressed values ("-", "c", "x", ...) are missing, never zero.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

ENGLAND_LA_NUMBER = "970"
FIGURE_COLUMNS = ("measure", "year", "area", "la_number", "region", "value")
NEIGHBOUR_COUNT = 10
NEIGHBOUR_COLUMNS = (
    "la_number",
    "la_name",
    *[f"sn{rank}" for rank in range(1, NEIGHBOUR_COUNT + 1)],
    *[f"sn{rank}_closeness" for rank in range(1, NEIGHBOUR_COUNT + 1)],
)
# How LAIT and explore-education-statistics mark values they do not publish
# (docs/data/indicators.md): suppressed, not applicable, not available, low, unreliable.
SUPPRESSED = frozenset({"-", "c", "k", "u", "x", "z"})
MEASURE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,59}$")
YEAR_PATTERN = re.compile(r"^\d{4}(-\d{2})?$")
LA_PATTERN = re.compile(r"^\d{3,4}$")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class FigureRow:
    measure: str
    year: str
    area: str
    la_number: str
    region: str
    published: str
    value: Decimal | None


@dataclass(frozen=True)
class NeighbourRow:
    la_number: str
    la_name: str
    rank: int
    neighbour_la_number: str
    closeness: str


def _text(content: bytes | str) -> str:
    if isinstance(content, bytes):
        return content.decode("utf-8-sig")
    return content.lstrip("\ufeff")


def _read(
    content: bytes | str, columns: Sequence[str]
) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """The rows with their row numbers (the header is row 1), or why the file cannot be read."""
    try:
        text = _text(content)
    except UnicodeDecodeError:
        return [], [
            RowError(1, "", "The file is not UTF-8 text. Save it as CSV UTF-8 and try again.")
        ]
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in columns if name not in header]
    if missing:
        return [], [
            RowError(1, name, "This column is missing from the first row.") for name in missing
        ]
    rows = []
    for number, row in enumerate(reader, start=2):
        cleaned = {
            key.strip(): (value or "").strip() if isinstance(value, str) else ""
            for key, value in row.items()
            if key is not None
        }
        # Spreadsheets saved as CSV keep their empty lines; they carry nothing.
        if any(cleaned.values()):
            rows.append((number, cleaned))
    if not rows:
        return [], [RowError(2, "", "The file has no rows after the first row.")]
    return rows, []


def parse_value(published: str) -> Decimal | None:
    """The number in a published value, None if suppressed; ValueError if neither."""
    cleaned = published.replace(",", "").strip()
    if cleaned.lower() in SUPPRESSED:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(published) from error
    if not number.is_finite():
        raise ValueError(published)
    return number


def parse_figures(content: bytes | str) -> tuple[list[FigureRow], list[RowError]]:
    """The rows of a LAIT care-leaver extract (care-leavers-lait.csv), or every error in it."""
    rows, errors = _read(content, FIGURE_COLUMNS)
    if errors:
        return [], errors
    figures: list[FigureRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, row in rows:
        row_errors = []
        if not MEASURE_PATTERN.match(row["measure"]):
            row_errors.append(
                RowError(number, "measure", "Enter a DfE measure code, like CareLeaverEET.")
            )
        if not YEAR_PATTERN.match(row["year"]):
            row_errors.append(
                RowError(number, "year", "Enter the year as 2025 or as a financial year, 2024-25.")
            )
        if not row["area"]:
            row_errors.append(RowError(number, "area", "Enter the area's name."))
        if not LA_PATTERN.match(row["la_number"]):
            row_errors.append(
                RowError(number, "la_number", "Enter the DfE LA number, 3 or 4 digits.")
            )
        try:
            value = parse_value(row["value"])
        except ValueError:
            value = None
            row_errors.append(
                RowError(
                    number,
                    "value",
                    f"“{row['value']}” is not a number or a suppression mark (-, c, x, z, k, u).",
                )
            )
        key = (row["measure"], row["year"], row["la_number"])
        if not row_errors and key in seen:
            row_errors.append(
                RowError(
                    number,
                    "la_number",
                    f"Row {seen[key]} already gives {row['measure']} for {row['year']} for "
                    f"this LA number.",
                )
            )
        if row_errors:
            errors.extend(row_errors)
            continue
        seen[key] = number
        figures.append(
            FigureRow(
                measure=row["measure"],
                year=row["year"],
                area=row["area"],
                la_number=row["la_number"],
                region=row["region"],
                published=row["value"],
                value=value,
            )
        )
    if not errors and not any(f.la_number == ENGLAND_LA_NUMBER for f in figures):
        errors.append(RowError(2, "la_number", "The file has no England rows (LA number 970)."))
    return ([] if errors else figures), errors


def parse_neighbours(content: bytes | str) -> tuple[list[NeighbourRow], list[RowError]]:
    """The rows of the DfE statistical neighbours file, or every error in it."""
    rows, errors = _read(content, NEIGHBOUR_COLUMNS)
    if errors:
        return [], errors
    neighbours: list[NeighbourRow] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        row_errors = []
        la_number = row["la_number"]
        if not la_number and row["la_name"].endswith(":") and not row["sn1"]:
            continue  # a heading, such as the DfE file's "Old SNs:" before superseded councils
        if not LA_PATTERN.match(la_number):
            row_errors.append(
                RowError(number, "la_number", "Enter the DfE LA number, 3 or 4 digits.")
            )
        elif la_number in seen:
            row_errors.append(
                RowError(number, "la_number", f"Row {seen[la_number]} already lists {la_number}.")
            )
        if not row["la_name"]:
            row_errors.append(RowError(number, "la_name", "Enter the council's name."))
        found: list[NeighbourRow] = []
        for rank in range(1, NEIGHBOUR_COUNT + 1):
            neighbour = row[f"sn{rank}"]
            if not neighbour:
                continue
            if not LA_PATTERN.match(neighbour):
                row_errors.append(
                    RowError(number, f"sn{rank}", "Enter the neighbour's DfE LA number.")
                )
                continue
            found.append(
                NeighbourRow(
                    la_number=la_number,
                    la_name=row["la_name"],
                    rank=rank,
                    neighbour_la_number=neighbour,
                    closeness=row[f"sn{rank}_closeness"],
                )
            )
        if not found and not row_errors:
            row_errors.append(RowError(number, "sn1", "The council has no neighbours listed."))
        if row_errors:
            errors.extend(row_errors)
            continue
        seen[la_number] = number
        neighbours.extend(found)
    return ([] if errors else neighbours), errors


# Comparing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A measure's published figures for one year: England, the region, the statistical
    neighbours' mean (with how many had a value), and the council's own."""

    measure: str
    year: str
    england: float | None
    region: float | None
    region_name: str
    neighbours: float | None
    neighbours_counted: int
    own: float | None

    def complement(self) -> Comparison:
        """100 less each figure, for an indicator counted the other way round."""

        def flip(value: float | None) -> float | None:
            return None if value is None else round(100 - value, 1)

        return Comparison(
            measure=self.measure,
            year=self.year,
            england=flip(self.england),
            region=flip(self.region),
            region_name=self.region_name,
            neighbours=flip(self.neighbours),
            neighbours_counted=self.neighbours_counted,
            own=flip(self.own),
        )


def neighbour_mean(values: Iterable[float | None]) -> tuple[float | None, int]:
    """LAIT's statistical neighbour figure: the unweighted mean of the values published."""
    present = [value for value in values if value is not None]
    if not present:
        return None, 0
    return round(sum(present) / len(present), 1), len(present)


def compare(
    figures: Iterable[FigureRow],
    *,
    measure: str,
    council: str,
    neighbours: Sequence[str],
) -> Comparison | None:
    """The latest year with an England figure for `measure`, compared; None if there is none."""
    rows = [row for row in figures if row.measure == measure]
    england_years = [
        row.year for row in rows if row.la_number == ENGLAND_LA_NUMBER and row.value is not None
    ]
    if not england_years:
        return None
    year = max(england_years)
    in_year = {row.la_number: row for row in rows if row.year == year}
    own_row = in_year.get(council)
    region_name = own_row.region if own_row else ""
    region_row = next(
        (
            row
            for row in rows
            if row.year == year
            and not row.region
            and region_name
            and row.area.casefold() == region_name.casefold()
        ),
        None,
    )

    def number(row: FigureRow | None) -> float | None:
        return None if row is None or row.value is None else float(row.value)

    mean, counted = neighbour_mean(number(in_year.get(code)) for code in neighbours)
    return Comparison(
        measure=measure,
        year=year,
        england=number(in_year.get(ENGLAND_LA_NUMBER)),
        region=number(region_row),
        region_name=region_row.area if region_row else region_name,
        neighbours=mean,
        neighbours_counted=counted,
        own=number(own_row),
    )
