"""Reading the DfE files and comparing, on plain values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from careleavers.insight import benchmarks

DATA = Path(__file__).resolve().parent.parent / "data"
HEADER = "measure,year,area,la_number,region,value\n"


def test_the_shipped_figures_and_neighbours_are_valid():
    figures, errors = benchmarks.parse_figures((DATA / "care-leavers-lait.csv").read_bytes())
    assert errors == []
    assert len(figures) == 18020
    neighbours, errors = benchmarks.parse_neighbours(
        (DATA / "statistical-neighbours-may-2025.csv").read_bytes()
    )
    assert errors == []
    bradford = [row.neighbour_la_number for row in neighbours if row.la_number == "380"]
    assert bradford == ["889", "330", "353", "373", "831", "354", "350", "335", "333", "382"]


def test_bradford_compares_as_lait_does():
    figures, _ = benchmarks.parse_figures((DATA / "care-leavers-lait.csv").read_bytes())
    neighbours, _ = benchmarks.parse_neighbours(
        (DATA / "statistical-neighbours-may-2025.csv").read_bytes()
    )
    codes = [row.neighbour_la_number for row in neighbours if row.la_number == "380"]
    suitable = benchmarks.compare(
        figures, measure="CareLeaverAcc", council="380", neighbours=codes
    )
    # docs/data/indicators.md: Bradford 93, SN mean 88.4 (10), Yorkshire and the Humber 90,
    # England 89 in the year to 31 March 2025.
    assert suitable is not None
    assert (suitable.year, suitable.own, suitable.england, suitable.region) == ("2025", 93, 89, 90)
    assert (suitable.neighbours, suitable.neighbours_counted) == (88.4, 10)
    assert suitable.region_name == "Yorkshire and the Humber"
    not_in_touch = benchmarks.compare(
        figures, measure="CareLeavers_LA_NotInTouch", council="380", neighbours=codes
    )
    assert not_in_touch is not None
    # Suppressed neighbours are left out of the mean, never counted as 0.
    assert (not_in_touch.neighbours, not_in_touch.neighbours_counted) == (4.8, 4)


def test_suppressed_values_are_missing_not_zero():
    assert benchmarks.parse_value("-") is None
    assert benchmarks.parse_value("c") is None
    assert benchmarks.parse_value("1,234") == Decimal("1234")


def test_every_bad_row_is_reported_with_row_and_column():
    content = HEADER + (
        "CareLeaverEET,2025,England,970,,54\n"
        "CareLeaverEET,twenty,Bradford,380,Yorkshire,52\n"
        ",2025,Leeds,383,Yorkshire,fifty\n"
        "CareLeaverEET,2025,England,970,,55\n"
    )
    figures, errors = benchmarks.parse_figures(content)
    assert figures == []
    assert [(error.row, error.column) for error in errors] == [
        (3, "year"),
        (4, "measure"),
        (4, "value"),
        (5, "la_number"),
    ]
    assert "Row 3, column year" in str(errors[0])


def test_a_file_without_the_columns_is_refused_at_the_header():
    _, errors = benchmarks.parse_figures("measure,year,value\nA,2025,1\n")
    assert {error.column for error in errors} == {"area", "la_number", "region"}
    assert all(error.row == 1 for error in errors)


def test_a_file_that_is_not_utf8_is_refused():
    _, errors = benchmarks.parse_figures("measure,year\n".encode("utf-16"))
    assert "UTF-8" in errors[0].message


def test_blank_lines_and_the_old_neighbours_heading_are_skipped():
    columns = ",".join(benchmarks.NEIGHBOUR_COLUMNS)
    sns = ",".join(str(800 + rank) for rank in range(1, 11))
    closeness = ",".join(["Close"] * 10)
    content = (
        f"{columns}\n380,Bradford,{sns},{closeness}\n"
        + "," * 21
        + "\n"
        + ",Old SNs:"
        + "," * 20
        + "\n"
        + f"909,Cumbria,{sns},{closeness}\n"
    )
    neighbours, errors = benchmarks.parse_neighbours(content)
    assert errors == []
    assert {row.la_number for row in neighbours} == {"380", "909"}


def test_the_complement_turns_not_in_touch_into_in_touch():
    comparison = benchmarks.Comparison(
        measure="CareLeavers_LA_NotInTouch",
        year="2025",
        england=4.0,
        region=None,
        region_name="",
        neighbours=4.8,
        neighbours_counted=4,
        own=1.0,
    )
    flipped = comparison.complement()
    assert (flipped.england, flipped.region, flipped.neighbours, flipped.own) == (
        96.0,
        None,
        95.2,
        99.0,
    )
