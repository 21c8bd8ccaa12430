"""Trend charts: an indicator's monthly snapshots as a line, with the target and the England
figure as reference lines. Server-drawn SVG (matplotlib), shown with <img alt> beside a table
of the same numbers.

Built with `Figure` directly rather than pyplot (which keeps global state and is not safe
across a server's threads). Deterministic: a fixed hash salt and no date in the metadata. Each
line differs by style and marker as well as colour (WCAG 1.4.1).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from careleavers.core.charts import monthly_axes_svg, styled, svg_bytes

STYLE = {"svg.hashsalt": "careleavers-insight"}

BLUE = "#1d70b8"
RED = "#d4351c"
BLACK = "#0b0c0c"
GREEN = "#00703c"


@styled(STYLE)
def trend_svg(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    ylabel: str,
    target: float | None = None,
    england: float | None = None,
    percent: bool = False,
) -> bytes:
    """A line of the monthly values (gaps where a month has no figure), with reference lines."""
    figure = Figure(figsize=(9, 4))
    axes = figure.add_subplot()
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    positions = list(range(len(labels)))
    if not any(value is not None for value in values):
        axes.axis("off")
        axes.text(0.5, 0.5, "No monthly figures yet", ha="center", va="center", color=BLACK)
        return svg_bytes(figure)
    axes.plot(
        positions,
        [float("nan") if value is None else value for value in values],
        color=BLUE,
        marker="o",
        linewidth=2,
        label="Our figure at each month end",
    )
    if target is not None:
        axes.axhline(target, color=RED, linestyle="--", linewidth=1.5, label=f"Target {target:g}")
    if england is not None:
        axes.axhline(
            england, color=GREEN, linestyle=":", linewidth=2, label=f"England {england:g}"
        )
    return monthly_axes_svg(figure, axes, labels, ylabel=ylabel, percent=percent)
