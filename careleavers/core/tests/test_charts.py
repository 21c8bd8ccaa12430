"""Chart modules change no matplotlib setting when imported; their style applies only while a
chart is drawn, and charts still come out as deterministic SVG."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from careleavers.core.charts import cached_chart, chart_style, styled, svg_bytes

REPOSITORY = Path(__file__).resolve().parents[3]
CHART_MODULES = sorted(
    f"careleavers.{path.parent.name}.charts" for path in REPOSITORY.glob("careleavers/*/charts.py")
)

# In a fresh interpreter, because this one may have imported the chart modules already.
IMPORT_CHECK = """
import sys, django, matplotlib
django.setup()
before = dict(matplotlib.rcParams)
backend = matplotlib.get_backend()
for name in sys.argv[1:]:
    __import__(name)
changed = sorted(k for k, v in matplotlib.rcParams.items() if before.get(k) != v)
print(changed, matplotlib.get_backend() == backend)
"""


def test_there_are_chart_modules_to_check():
    assert "careleavers.learning.charts" in CHART_MODULES
    assert len(CHART_MODULES) >= 6


def test_importing_every_chart_module_changes_no_matplotlib_setting():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_CHECK, *CHART_MODULES],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", **os.environ},
        check=True,
    )
    assert result.stdout.strip() == "[] True"


def _bars() -> bytes:
    figure = Figure(figsize=(4, 3))
    figure.subplots().bar([0, 1], [3, 5])
    return svg_bytes(figure)


def test_a_styled_chart_renders_svg_and_leaves_the_settings_as_they_were():
    before = dict(matplotlib.rcParams)
    seen = {}

    @styled({"font.size": 17})
    def chart() -> bytes:
        seen["font.size"] = matplotlib.rcParams["font.size"]
        seen["salt"] = matplotlib.rcParams["svg.hashsalt"]
        return _bars()

    svg = chart()
    assert svg.startswith(b"<?xml")
    assert b"<svg" in svg
    assert seen == {"font.size": 17, "salt": "careleavers"}
    assert dict(matplotlib.rcParams) == before


def test_the_same_numbers_give_the_same_bytes():
    with chart_style():
        first = _bars()
    with chart_style():
        assert _bars() == first


@dataclass(frozen=True)
class Month:
    label: str
    count: int


def _counting_chart(drawn: list[Any]) -> Any:
    @styled()
    def chart(months: list[Month], *, ylabel: str) -> bytes:
        drawn.append(months)
        figure = Figure(figsize=(4, 3))
        figure.subplots().bar(range(len(months)), [month.count for month in months])
        return svg_bytes(figure)

    return cached_chart(chart)


def test_a_chart_drawn_again_with_the_same_numbers_comes_from_the_cache(db):
    drawn: list[Any] = []
    chart = _counting_chart(drawn)
    first = chart([Month("Jan", 3), Month("Feb", 5)], ylabel="People")
    again = chart([Month("Jan", 3), Month("Feb", 5)], ylabel="People")
    assert again == first
    assert len(drawn) == 1


def test_different_numbers_or_words_draw_the_chart_again(db):
    drawn: list[Any] = []
    chart = _counting_chart(drawn)
    chart([Month("Jan", 3), Month("Feb", 5)], ylabel="People")
    chart([Month("Jan", 3), Month("Feb", 6)], ylabel="People")
    chart([Month("Jan", 3), Month("Feb", 6)], ylabel="Young people")
    assert len(drawn) == 3


def test_a_chart_of_something_not_described_by_its_numbers_is_always_drawn(db):
    class Opaque:
        def __init__(self, count: int) -> None:
            self.count = count

    drawn: list[Any] = []

    @cached_chart
    def chart(rows: list[Opaque]) -> bytes:
        drawn.append(rows)
        return _bars()

    chart([Opaque(1)])
    chart([Opaque(1)])
    assert len(drawn) == 2
