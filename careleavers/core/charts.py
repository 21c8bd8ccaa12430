"""What every server-drawn chart shares: matplotlib settings applied only while it is drawn,
and deterministic SVG out.

Chart modules used to set `matplotlib.rcParams` (and the backend) when imported, so which
settings a chart got depended on which other chart modules the process had happened to import.
Here each chart function runs inside `matplotlib.rc_context`: the service's style plus the
module's own changes, put back afterwards, so importing a chart module changes nothing.

Figures are built with `Figure` directly, never pyplot (which keeps global state and is not
safe across a server's threads), so no backend needs choosing.

Drawing is most of a chart's cost (matplotlib takes 100-300 ms of one core for a chart of a
year's bars, where finding the numbers takes a few milliseconds), and the same numbers always
give the same bytes. So the views draw through `cached_chart`, which keeps a chart for an hour
keyed by a hash of its module's code and its arguments: a chart viewed again, or by a
colleague, is not drawn again, and different numbers (or a changed chart module) are a
different key, so nothing stale is served.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import functools
import hashlib
import inspect
import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar, cast

import matplotlib
from django.core.cache import cache
from matplotlib.figure import Figure

P = ParamSpec("P")
R = TypeVar("R")

# A fixed hash salt gives SVG element ids that do not change between runs, so the same numbers
# always give the same bytes (and a cached chart stays valid).
SERVICE_STYLE: Mapping[str, Any] = {"svg.hashsalt": "careleavers"}
CHART_CACHE_SECONDS = 60 * 60


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


def cached_chart(draw: Callable[P, R]) -> Callable[P, R]:
    """The chart function `draw`, answered from the cache when it drew the same numbers within
    the hour (the views call their charts through this; the chart modules stay plain)."""

    @functools.wraps(draw)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> R:
        key = _cache_key(draw, args, kwargs)
        if key is not None and (kept := cache.get(key)) is not None:
            return cast(R, kept)
        chart = draw(*args, **kwargs)
        if key is not None:
            cache.set(key, chart, CHART_CACHE_SECONDS)
        return chart

    return drawn


PLAIN = (str, int, float, bool, type(None), datetime.date, decimal.Decimal)


class _NotPlain(Exception):
    pass


def _described(value: Any) -> Any:
    """The value as nested tuples of numbers, words and dates (a dataclass by every field),
    so two charts described alike have the same numbers; _NotPlain for anything else."""
    if isinstance(value, PLAIN):
        return value
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_described(each) for each in value))
    if isinstance(value, dict):
        return (
            "dict",
            tuple(sorted((repr(key), _described(each)) for key, each in value.items())),
        )
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            tuple(
                (each.name, _described(getattr(value, each.name)))
                for each in dataclasses.fields(value)
            ),
        )
    raise _NotPlain(type(value).__name__)


@functools.cache
def _code_of(module: str) -> str:
    """The chart module's source and this one's: a deployment that changes how a chart is
    drawn draws it again. (Without the source, as from compiled files only, an hour's charts
    may be drawn the old way.)"""
    try:
        return inspect.getsource(sys.modules[module]) + inspect.getsource(sys.modules[__name__])
    except (OSError, TypeError):
        return ""


def _cache_key(
    draw: Callable[..., Any], args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> str | None:
    try:
        described = repr((draw.__qualname__, _described(args), _described(kwargs)))
    except _NotPlain:
        return None  # an argument that cannot be described by its numbers: draw it
    fingerprint = hashlib.sha256()
    for part in (_code_of(draw.__module__), matplotlib.__version__, described):
        fingerprint.update(part.encode("utf-8"))
    return f"chart:{draw.__module__}:{fingerprint.hexdigest()}"


def svg_bytes(figure: Figure) -> bytes:
    """The figure as SVG, cropped to what was drawn, with no date in the metadata."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buffer.getvalue()


def empty_chart(message: str) -> bytes:
    """A chart with nothing to draw yet: the message alone, where the chart would be (the table
    beside it says the same in words)."""
    figure = Figure(figsize=(8, 1.5))
    axes = figure.subplots()
    axes.axis("off")
    axes.text(0.5, 0.5, message, ha="center", va="center", color="#0b0c0c")
    return svg_bytes(figure)


def monthly_axes_svg(
    figure: Figure, axes: Any, months: Sequence[str], *, ylabel: str, percent: bool
) -> bytes:
    """Finish a chart drawn month by month at positions 0, 1, 2 ... and give its SVG: at most
    about twelve month labels (slanted, so they do not overlap), the y axis from 0 (to 100 for a
    percentage) and the legend outside, on the right. Here, not in each chart module, because a
    chart is cached by its own module's code and this one's (see `_code_of`)."""
    positions = list(range(len(months)))
    step = max(1, len(months) // 12)
    axes.set_xticks(positions[::step], list(months)[::step], rotation=45, ha="right")
    axes.set_ylabel(ylabel)
    if percent:
        axes.set_ylim(0, 100)
    else:
        axes.set_ylim(bottom=0)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return svg_bytes(figure)
