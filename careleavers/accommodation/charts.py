"""Charts as SVG, drawn on the server with matplotlib. Every chart sits beside a table of the
same numbers on its page, so nobody depends on seeing it. Output is deterministic: a fixed hash
salt and no date in the metadata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from careleavers.core.charts import styled, svg_bytes
from careleavers.core.waiting_bars import within_and_over_target_bars

# GOV.UK blue (the waiting list's over-target bars are core.waiting_bars' hatched red).
BLUE = "#1d70b8"
TEXT = "#0b0c0c"


# Set only while drawing (core.charts.styled), so other apps' charts keep their own settings.
STYLE: dict[str, Any] = {
    "svg.hashsalt": "careleavers-accommodation",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
}


def _svg(figure: Figure) -> str:
    return svg_bytes(figure).decode()


@styled(STYLE)
def waiting_list_chart(bands: Sequence[tuple[str, int, int]]) -> str:
    """Stacked horizontal bars: young people waiting within and over target, per band."""
    names = [band for band, _, _ in bands] or ["No one waiting"]
    within = [count for _, count, _ in bands] or [0]
    over = [count for _, _, count in bands] or [0]
    figure = Figure(figsize=(7, 0.6 * len(names) + 1.4))
    axes = figure.subplots()
    positions = range(len(names))
    within_and_over_target_bars(
        axes,
        positions,
        within,
        over,
        within_label="Waiting, within target",
        over_label="Waiting longer than the target",
    )
    axes.set_yticks(list(positions), labels=names)
    axes.invert_yaxis()
    axes.set_xlabel("Young people waiting")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    return _svg(figure)


@styled(STYLE)
def occupancy_chart(flats: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars: each taster flat's occupancy for the month, as a percentage."""
    names = [name for name, _ in flats] or ["No flats"]
    percents = [percent for _, percent in flats] or [0]
    figure = Figure(figsize=(7, 0.6 * len(names) + 1.2))
    axes = figure.subplots()
    positions = range(len(names))
    axes.barh(positions, percents, color=BLUE)
    for position, percent in zip(positions, percents, strict=True):
        axes.text(min(percent + 1, 92), position, f"{percent}%", va="center")
    axes.set_yticks(list(positions), labels=names)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Nights booked (%)")
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)
