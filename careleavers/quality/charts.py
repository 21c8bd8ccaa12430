"""Server-drawn SVG chart of audits completed against target by month (matplotlib, Agg).

Shown with <img alt="..."> beside a table of the same numbers, from its own permission-checked
view, because matplotlib's inline styles would break the page's content security policy.
Built with `Figure` directly (not pyplot, which keeps global state across threads), with a
fixed hash salt and no date in the metadata, so the same numbers give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from careleavers.core.charts import styled, svg_bytes

STYLE = {"svg.hashsalt": "careleavers-quality"}

# Okabe and Ito's colour-blind safe blue; the target is a dark line with markers, so the two
# series differ by shape as well as colour.
COMPLETED = "#0072B2"
TARGET = "#0b0c0c"


@styled(STYLE)
def completion_svg(rows: Sequence[Any]) -> bytes:
    """Bars of audits completed each month, with the month's target as a line."""
    figure = Figure(figsize=(9, 4))
    axes = figure.subplots()
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    labels = [f"{row.month:%b %y}" for row in rows]
    positions = list(range(len(rows)))
    axes.bar(positions, [row.completed for row in rows], color=COMPLETED, label="Completed")
    axes.plot(
        positions,
        [row.target for row in rows],
        color=TARGET,
        marker="o",
        linestyle="--",
        label="Target",
    )
    axes.set_xticks(positions, labels, rotation=45, ha="right")
    axes.set_ylabel("Case audits")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    # Below the plot, so it never covers a bar.
    axes.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2)
    return svg_bytes(figure)
