"""What every server-drawn chart shares: matplotlib settings applied only while it is drawn,
and deterministic SVG out.

Chart modules used to set `matplotlib.rcParams` (and the backend) when imported, so which
settings a chart got depended on which other chart modules the process had happened to import.
Here each chart function runs inside `matplotlib.rc_context`: the service's style plus the
module's own changes, put back afterwards, so importing a chart module changes nothing.

Figures are built with `Figure` directly, never pyplot (which keeps global state and is not
safe across a server's threads), so no backend needs choosing.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar, cast

import matplotlib
from matplotlib.figure import Figure

P = ParamSpec("P")
R = TypeVar("R")

# A fixed hash salt gives SVG element ids that do not change between runs, so the same numbers
# always give the same bytes (and a cached chart stays valid).
SERVICE_STYLE: Mapping[str, Any] = {"svg.hashsalt": "careleavers"}


@contextmanager
def chart_style(overrides: Mapping[str, Any] | None = None) -> Iterator[None]:
    """The service's chart settings, with `overrides`, for the duration of the block."""
    with matplotlib.rc_context(cast(Any, {**SERVICE_STYLE, **(overrides or {})})):
        yield


def styled(
    overrides: Mapping[str, Any] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Draw the decorated chart function inside `chart_style(overrides)`."""

    def decorate(draw: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(draw)
        def drawn(*args: P.args, **kwargs: P.kwargs) -> R:
            with chart_style(overrides):
                return draw(*args, **kwargs)

        return drawn

    return decorate


def svg_bytes(figure: Figure) -> bytes:
    """The figure as SVG, cropped to what was drawn, with no date in the metadata."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buffer.getvalue()
