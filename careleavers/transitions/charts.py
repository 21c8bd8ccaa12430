"""SVG charts of waits for adult services, drawn server-side with matplotlib.

Each chart is shown with <img alt="..."> beside a GOV.UK table of the same numbers, so nobody
depends on the picture. Charts take plain values (no database) and are deterministic: the same
numbers always give the same bytes (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from careleavers.core.charts import styled, svg_bytes
from careleavers.core.waiting_bars import within_and_over_target_bars
from careleavers.transitions.waits import MonthWaits

STYLE = {"svg.hashsalt": "careleavers-transitions"}

# GOV.UK colours; each series also differs in hatching, line style or marker, so colour is
# never the only difference (WCAG 1.4.1).
BLUE = "#1d70b8"
RED = "#d4351c"
BLACK = "#0b0c0c"
GREY = "#505a5f"


@styled(STYLE)
def waiting_by_service_svg(rows: Sequence[tuple[str, int, int]]) -> bytes:
    """Horizontal stacked bars: for each (service, within target, over target)."""
    height = max(2.0, 0.7 * len(rows) + 1.2)
    figure = Figure(figsize=(9, height))
    axes = figure.add_subplot()
    labels = [textwrap.fill(label, 32) for label, _, _ in rows]
    within = [value for _, value, _ in rows]
    over = [value for _, _, value in rows]
    positions = list(range(len(rows)))
    within_and_over_target_bars(
        axes, positions, within, over, within_label="Within target", over_label="Over target"
    )
    axes.set_yticks(positions, labels=labels)
    axes.invert_yaxis()
    axes.set_xlabel("Young people waiting")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    if rows:
        # Above the bars, never over them: a long bar reaches any corner inside the axes.
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    return svg_bytes(figure)


@styled(STYLE)
def monthly_waits_svg(months: Sequence[MonthWaits]) -> bytes:
    """Lines for each month: median and 90th percentile of completed waits, and the 90th
    percentile of those still waiting at the month's end."""
    figure = Figure(figsize=(8, 4))
    axes = figure.add_subplot()
    labels = [f"{month.month:%b %Y}" for month in months]
    positions = list(range(len(months)))

    def series(values: list[float | None]) -> list[float]:
        return [float("nan") if value is None else value for value in values]

    # Each line differs in colour, marker and line style.
    lines = [
        ([m.decided_median for m in months], BLUE, "o", "-", "Decided: median wait"),
        ([m.decided_p90 for m in months], BLACK, "s", "--", "Decided: 90th percentile"),
        ([m.waiting_p90 for m in months], RED, "^", ":", "Still waiting: 90th percentile"),
    ]
    for values, colour, marker, linestyle, label in lines:
        axes.plot(
            positions,
            series(values),
            color=colour,
            marker=marker,
            linestyle=linestyle,
            label=label,
        )
    axes.set_xticks(positions, labels=labels, rotation=45, ha="right")
    axes.set_ylabel("Days")
    axes.set_ylim(bottom=0)
    axes.spines[["top", "right"]].set_visible(False)
    # Above the plot, never over it: any corner inside can hold a month's point.
    axes.legend(
        loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False, fontsize="small"
    )
    return svg_bytes(figure)
