"""Chart modules change no matplotlib setting when imported; their style applies only while a
chart is drawn, and charts still come out as deterministic SVG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from careleavers.core.charts import chart_style, styled, svg_bytes

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
