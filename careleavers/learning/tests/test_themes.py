"""The rules the panel's themes share (themes.py); the counts are tested against the database
in test_selectors.py."""

from __future__ import annotations

import datetime

import pytest

from careleavers.learning.activ import ActivityValue
from careleavers.learning.themes import (
    FALLING,
    RISING,
    STEADY,
    Spell,
    complete_months,
    neet_spells,
    trend,
)

D = datetime.date


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 1, 1, 2, 2, 2], RISING),
        ([3, 3, 3, 1, 1, 1], FALLING),
        ([1, 2, 3, 3, 2, 1], STEADY),
        ([0, 0, 0, 0, 0, 4], RISING),
        ([5, 0], RISING),  # fewer than 6 months: the latest 3 against nothing
        ([], STEADY),
    ],
)
def test_trend(counts: list[int], expected: str) -> None:
    assert trend(counts, complete=len(counts)) == expected


def test_on_5_december_december_is_not_a_complete_month() -> None:
    months = [(2026, 9), (2026, 10), (2026, 11), (2026, 12)]
    assert complete_months(months, D(2026, 12, 5)) == 3
    assert complete_months(months, D(2026, 12, 31)) == 3  # the last day is not over yet
    assert complete_months(months, D(2027, 1, 1)) == 4


def test_a_month_still_running_never_makes_a_trend_fall() -> None:
    # Three meetings a month for six months, then the first days of a month with none yet: the
    # whole months are steady, so the partial one must not read as falling.
    counts = [3, 3, 3, 3, 3, 3, 0]
    assert trend(counts, complete=6) == STEADY
    assert trend(counts, complete=7) == FALLING  # what comparing part of a month would say


def ep(activ: str, start: datetime.date, end: datetime.date | None = None) -> ActivityValue:
    return ActivityValue(activ=activ, start=start, end=end)


def test_neet_spells_join_touching_neet_episodes_and_skip_others() -> None:
    episodes = [
        ep("G5", D(2024, 1, 1), D(2024, 2, 29)),
        ep("G6", D(2024, 3, 1), D(2024, 5, 31)),  # the day after: the same spell
        ep("F2", D(2024, 6, 1), D(2024, 8, 31)),
        ep("G5", D(2024, 9, 1)),  # ongoing
    ]
    assert neet_spells(episodes) == [
        Spell(D(2024, 1, 1), D(2024, 5, 31)),
        Spell(D(2024, 9, 1), None),
    ]
