"""The stacked bars of a waiting list: those waiting within the target, then those waiting
longer, drawn the same way wherever a waiting list is charted (accommodation's priority bands,
transitions' adult services).

The over-target bars are GOV.UK red and hatched, so colour is never the only difference
(WCAG 1.4.1)."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

GOVUK_BLUE = "#1d70b8"
GOVUK_RED = "#d4351c"


def within_and_over_target_bars(
    axes: Axes,
    positions: Sequence[int],
    within: Sequence[int],
    over: Sequence[int],
    *,
    within_label: str,
    over_label: str,
) -> None:
    """One horizontal bar a row: `within` in blue, with `over` stacked after it."""
    axes.barh(positions, within, color=GOVUK_BLUE, label=within_label)
    axes.barh(
        positions,
        over,
        left=within,
        color=GOVUK_RED,
        hatch="//",
        edgecolor="white",
        label=over_label,
    )
