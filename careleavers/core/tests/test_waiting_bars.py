"""The stacked bars of a waiting list (core/waiting_bars.py)."""

from __future__ import annotations

from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from careleavers.core.waiting_bars import GOVUK_BLUE, GOVUK_RED, within_and_over_target_bars


def test_over_target_bars_stack_after_those_within_in_hatched_red():
    axes = Figure().add_subplot()
    within_and_over_target_bars(
        axes, [0, 1], [3, 5], [2, 0], within_label="Within target", over_label="Over target"
    )
    within, over = axes.containers
    assert within.get_label() == "Within target"
    assert over.get_label() == "Over target"
    assert [bar.get_width() for bar in within] == [3, 5]
    assert [(bar.get_x(), bar.get_width()) for bar in over] == [(3, 2), (5, 0)]
    assert {to_hex(bar.get_facecolor()) for bar in within} == {GOVUK_BLUE}
    assert {to_hex(bar.get_facecolor()) for bar in over} == {GOVUK_RED}
    assert {bar.get_hatch() for bar in over} == {"//"}
