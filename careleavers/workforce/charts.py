"""Server-drawn SVG charts for workforce pages (matplotlib, Agg), each shown beside a table of
the same numbers.

As in learning/charts.py: figures are built with `Figure` directly (pyplot keeps global state and
is not thread safe), the SVG is served by its own permission-checked view and shown with
<img alt="...">, and the output is deterministic (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure

from careleavers.core.charts import empty_chart, monthly_axes_svg, styled, svg_bytes

STYLE = {"svg.hashsalt": "careleavers-workforce"}

# Okabe and Ito's colour-blind safe palette; markers and line styles tell series apart too.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
MARKERS = ("o", "s", "^", "D", "v", "P")
LINES = ("-", "--", "-.", ":", "-", "--")
HATCHES = ("", "//", "..", "xx")


def _figure(width: float, height: float) -> tuple[Figure, Any]:
    figure = Figure(figsize=(width, height))
    axes = figure.subplots()
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    return figure, axes


@styled(STYLE)
def lines(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    ylabel: str,
    percent: bool = False,
    empty_message: str = "Nothing to show yet",
) -> bytes:
    """One line per series over the months; a missing value leaves a gap, never a zero."""
    if not any(value is not None for _, values in series for value in values):
        return empty_chart(empty_message)
    figure, axes = _figure(9, 4)
    positions = list(range(len(categories)))
    for index, (label, values) in enumerate(series):
        axes.plot(
            positions,
            [float("nan") if value is None else value for value in values],
            label=label,
            color=COLOURS[index % len(COLOURS)],
            marker=MARKERS[index % len(MARKERS)],
            linestyle=LINES[index % len(LINES)],
            markersize=4,
        )
    return monthly_axes_svg(figure, axes, categories, ylabel=ylabel, percent=percent)


@styled(STYLE)
def paired_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    ylabel: str,
    empty_message: str = "Nothing to show yet",
) -> bytes:
    """Side-by-side bars per month (starters beside leavers, reflective beside compliance-led)."""
    if not any(sum(values) for _, values in series):
        return empty_chart(empty_message)
    figure, axes = _figure(9, 4)
    width = 0.8 / max(len(series), 1)
    for index, (label, values) in enumerate(series):
        offset = (index - (len(series) - 1) / 2) * width
        axes.bar(
            [position + offset for position in range(len(categories))],
            values,
            width=width,
            label=label,
            color=COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white",
        )
    step = max(1, len(categories) // 12)
    positions = list(range(len(categories)))
    axes.set_xticks(positions[::step], list(categories)[::step], rotation=45, ha="right")
    axes.set_ylabel(ylabel)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return svg_bytes(figure)


@styled(STYLE)
def distribution(
    groups: Sequence[tuple[str, Sequence[int]]],
    *,
    xlabel: str,
    empty_message: str = "Nothing to show yet",
) -> bytes:
    """Each worker's count as a dot on their group's row, with a bar from the minimum to the
    maximum and a tick at the median: the spread of caseloads in each team at a glance."""
    groups = [(label, values) for label, values in groups if values]
    if not groups:
        return empty_chart(empty_message)
    figure, axes = _figure(9, 0.6 * len(groups) + 1.4)
    positions = list(range(len(groups)))[::-1]
    for position, (_, values) in zip(positions, groups, strict=True):
        ordered = sorted(values)
        middle = len(ordered) // 2
        median = (
            ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
        )
        axes.hlines(position, ordered[0], ordered[-1], color="#b1b4b6", linewidth=6)
        axes.plot(
            ordered,
            [position] * len(ordered),
            linestyle="none",
            marker="o",
            markersize=6,
            color=COLOURS[0],
            alpha=0.8,
        )
        axes.plot([median], [position], marker="|", markersize=22, color=COLOURS[5], mew=3)
    axes.plot([], [], linestyle="none", marker="o", color=COLOURS[0], label="A worker")
    axes.plot(
        [],
        [],
        linestyle="none",
        marker="|",
        markersize=14,
        mew=3,
        color=COLOURS[5],
        label="Median",
    )
    axes.set_yticks(positions, [label for label, _ in groups])
    axes.set_xlabel(xlabel)
    axes.set_xlim(left=0)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return svg_bytes(figure)
