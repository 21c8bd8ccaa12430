"""The SVG charts: deterministic, and honest about missing values (charts.py)."""

from __future__ import annotations

from careleavers.learning import charts


def test_the_same_numbers_give_the_same_bytes() -> None:
    series = [("Mental health", [1, 2]), ("Custody", [0, 1])]
    first = charts.stacked_bars(["Jan 2025", "Feb 2025"], series, ylabel="Young people")
    assert first == charts.stacked_bars(["Jan 2025", "Feb 2025"], series, ylabel="Young people")
    assert first.startswith(b"<?xml")
    assert b"<svg" in first


def test_more_series_than_colours_are_grouped_so_none_look_alike() -> None:
    series = [(f"Reason {n}", [n, 1]) for n in range(12)]
    grouped = charts._at_most(series, len(charts.COLOURS))
    assert len(grouped) == len(charts.COLOURS)
    assert grouped[-1] == ("All other", [7 + 8 + 9 + 10 + 11, 5])


def test_nothing_to_show_says_so() -> None:
    empty = charts.stacked_bars(["Jan 2025"], [], ylabel="Young people", empty_message="None yet")
    assert b"<svg" in empty
    assert charts.rates_against_target(["Jan 2025"], [None], target=90, ylabel="%") != b""
