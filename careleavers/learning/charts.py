"""Server-drawn SVG charts (matplotlib, Agg). Each one is shown beside a table of the same numbers.

The SVG is served from its own permission-checked view and shown with <img alt="...">, because
matplotlib's inline style attributes would be blocked by the page's content security policy.
Figures are built with `Figure` directly rather than pyplot, which keeps global state and is
not safe across a server's threads (matplotlib's advice for web applications). Output is
deterministic: a fixed hash salt and no date in the metadata, so the same numbers
always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure

from careleavers.core.charts import empty_chart, styled, svg_bytes

STYLE = {
    "svg.hashsalt": "careleavers-learning",
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
}

# Okabe and Ito's colour-blind safe palette, with hatching so series differ without colour.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++", "oo")
TEXT = "#0b0c0c"
TARGET = "#d4351c"


def _bar_look(index: int) -> dict[str, str]:
    """The colour and hatching of the bars of the `index`th series, white-edged."""
    return {
        "color": COLOURS[index % len(COLOURS)],
        "hatch": HATCHES[index % len(HATCHES)],
        "edgecolor": "white",
    }


def _figure(width: float, height: float) -> tuple[Figure, Any]:
    figure = Figure(figsize=(width, height))
    return figure, figure.subplots()


def _at_most(
    series: Sequence[tuple[str, Sequence[int]]], count: int
) -> Sequence[tuple[str, Sequence[int]]]:
    """The first `count - 1` series and the rest added together, so no two series share a
    colour and a pattern. Callers pass the largest series first."""
    if len(series) <= count:
        return series
    rest = [
        sum(values) for values in zip(*(values for _, values in series[count - 1 :]), strict=True)
    ]
    return [*series[: count - 1], ("All other", rest)]


@styled(STYLE)
def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    ylabel: str,
    empty_message: str = "Nothing to show yet",
) -> bytes:
    """Bars for each category (a month), stacked by series, with a legend."""
    if not series or not any(sum(values) for _, values in series):
        return empty_chart(empty_message)
    series = _at_most(series, len(COLOURS))
    figure, axes = _figure(9, 4.5)
    bottoms = [0] * len(categories)
    positions = range(len(categories))
    for index, (label, values) in enumerate(series):
        axes.bar(
            positions,
            values,
            bottom=bottoms,
            label=label,
            linewidth=0.5,
            **_bar_look(index),
        )
        bottoms = [bottom + value for bottom, value in zip(bottoms, values, strict=True)]
    axes.set_xticks(list(positions), list(categories), rotation=45, ha="right")
    axes.set_ylabel(ylabel)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return svg_bytes(figure)


@styled(STYLE)
def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    xlabel: str,
    empty_message: str = "Nothing to show yet",
) -> bytes:
    """One bar per label, longest at the top, each with its value written beside it."""
    if not labels:
        return empty_chart(empty_message)
    figure, axes = _figure(9, 0.5 * len(labels) + 1.2)
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, values, color=COLOURS[0])
    for position, value in zip(positions, values, strict=True):
        axes.text(value, position, f" {value:g}", va="center", color=TEXT)
    axes.set_yticks(positions, list(labels))
    axes.set_xlabel(xlabel)
    return svg_bytes(figure)


@styled(STYLE)
def rates_against_target(
    categories: Sequence[str],
    rates: Sequence[float | None],
    *,
    target: float,
    ylabel: str,
    empty_message: str = "Nothing to show yet",
) -> bytes:
    """A bar per month for the rate (gaps where nothing fell due) and a line for the target."""
    if all(rate is None for rate in rates):
        return empty_chart(empty_message)
    figure, axes = _figure(9, 4.5)
    positions = list(range(len(categories)))
    axes.bar(positions, [rate or 0 for rate in rates], color=COLOURS[0], label="Completed on time")
    axes.axhline(target, color=TARGET, linestyle="--", linewidth=2, label=f"Target {target:g}%")
    axes.set_ylim(0, 100)
    axes.set_xticks(positions, list(categories), rotation=45, ha="right")
    axes.set_ylabel(ylabel)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return svg_bytes(figure)


@styled(STYLE)
def grouped_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    ylabel: str,
) -> bytes:
    """Side-by-side bars per category (an age band): ours, the target and the national figure.
    A missing value is left out rather than drawn as zero."""
    figure, axes = _figure(9, 4.5)
    width = 0.8 / max(len(series), 1)
    for index, (label, values) in enumerate(series):
        offsets = [
            (position + (index - (len(series) - 1) / 2) * width, value)
            for position, value in enumerate(values)
            if value is not None
        ]
        if not offsets:
            continue
        xs, ys = zip(*offsets, strict=True)
        axes.bar(
            xs,
            ys,
            width=width,
            label=label,
            **_bar_look(index),
        )
        for x, y in offsets:
            axes.text(x, y, f"{y:g}%", ha="center", va="bottom", color=TEXT, fontsize=9)
    axes.set_xticks(list(range(len(categories))), list(categories))
    axes.set_ylim(0, 100)
    axes.set_ylabel(ylabel)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return svg_bytes(figure)
