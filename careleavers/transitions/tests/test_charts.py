"""The SVG charts: valid, deterministic, and free of anything a page's CSP would block."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from careleavers.transitions import charts
from careleavers.transitions.charts import monthly_waits_svg, waiting_by_service_svg
from careleavers.transitions.waits import MonthWaits

D = datetime.date

MONTHS = [
    MonthWaits(D(2025, 1, 1), D(2025, 1, 31), 3, 20, 20.8, 3, 29, 78.6),
    MonthWaits(D(2025, 2, 1), D(2025, 2, 28), 0, None, None, 2, 79, 111),
]


def _root(svg: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def test_the_waiting_chart_is_a_valid_svg() -> None:
    svg = waiting_by_service_svg([("Adult mental health services", 3, 2), ("CAMHS", 0, 0)])
    assert _root(svg).tag.endswith("svg")


def test_the_monthly_chart_copes_with_months_without_figures() -> None:
    assert _root(monthly_waits_svg(MONTHS)).tag.endswith("svg")


def test_charts_are_the_same_bytes_for_the_same_numbers() -> None:
    assert monthly_waits_svg(MONTHS) == monthly_waits_svg(MONTHS)
    rows = [("Learning disability service", 1, 4)]
    assert waiting_by_service_svg(rows) == waiting_by_service_svg(rows)


def test_charts_have_no_scripts() -> None:
    for svg in (monthly_waits_svg(MONTHS), waiting_by_service_svg([("A", 1, 1)])):
        assert b"<script" not in svg


def test_an_empty_chart_still_draws() -> None:
    assert _root(waiting_by_service_svg([])).tag.endswith("svg")
    assert _root(monthly_waits_svg([])).tag.endswith("svg")


@pytest.mark.parametrize(
    "draw",
    [
        lambda: monthly_waits_svg(MONTHS),
        lambda: waiting_by_service_svg([("Adult mental health services", 3, 9), ("CAMHS", 8, 4)]),
    ],
    ids=["monthly", "waiting"],
)
def test_the_legend_is_above_the_plot_not_over_it(
    draw: Callable[[], bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[Figure] = []
    real_svg_bytes = charts.svg_bytes

    def keep(figure: Figure) -> Any:
        drawn.append(figure)
        return real_svg_bytes(figure)

    monkeypatch.setattr(charts, "svg_bytes", keep)
    draw()
    (figure,) = drawn
    (axes,) = figure.axes
    legend = axes.get_legend()
    assert legend is not None
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    plot = axes.get_window_extent(renderer)
    key = legend.get_window_extent(renderer)
    assert key.y0 >= plot.y1
