"""The main activity of a day and what counts as education or training (activ.py). What the
903 return says about activity is tested with its one rule, returns/tests/test_ssda903.py."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import add_months
from careleavers.core.dfe_codes import ACTIV, codes
from careleavers.learning.activ import (
    ActivityValue,
    activity_on,
    counts_as_education_or_training,
    in_education_or_training_on,
)

D = datetime.date
BIRTHDAY_19 = D(2024, 6, 15)


def ep(activ: str, start: datetime.date, end: datetime.date | None = None, **kw) -> ActivityValue:
    return ActivityValue(activ=activ, start=start, end=end, **kw)


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        pytest.param([ep("F2", D(2023, 9, 1))], "F2", id="an open episode covers the day"),
        pytest.param([ep("F2", D(2023, 9, 1), D(2024, 6, 14))], None, id="ended the day before"),
        pytest.param(
            [ep("F2", D(2023, 9, 1), D(2024, 6, 15))], "F2", id="the end is the last day"
        ),
        pytest.param(
            [ep("P5", D(2024, 1, 1)), ep("F2", D(2023, 9, 1))],
            "F2",
            id="two at once: full time beats part time",
        ),
        pytest.param(
            [ep("F2", D(2023, 9, 1)), ep("F5", D(2024, 2, 1))],
            "F5",
            id="two full time at once: the most recent",
        ),
        pytest.param(
            [ep("G5", D(2024, 1, 1)), ep("P2", D(2023, 9, 1))],
            "P2",
            id="part time beats NEET",
        ),
    ],
)
def test_the_main_activity_on_a_day(episodes: list[ActivityValue], expected: str | None) -> None:
    main = activity_on(episodes, BIRTHDAY_19)
    assert (main.activ if main else None) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 6, 15), -3, D(2024, 3, 15)),
        (D(2024, 11, 30), 3, D(2025, 2, 28)),
        (D(2024, 1, 15), -13, D(2022, 12, 15)),
    ],
)
def test_add_months(day: datetime.date, months: int, expected: datetime.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("activ", "is_training", "expected"),
    [
        ("F1", False, True),
        ("P2", False, True),
        ("F4", False, True),
        ("F5", False, False),
        ("F5", True, True),
        ("P5", True, True),
        ("G5", False, False),
        ("G4", True, False),
    ],
)
def test_what_counts_as_education_or_training(
    activ: str, is_training: bool, expected: bool
) -> None:
    assert counts_as_education_or_training(activ, is_training=is_training) is expected


def test_in_education_or_training_on_a_day() -> None:
    episodes = [ep("F5", D(2024, 1, 1)), ep("P2", D(2024, 1, 1), D(2024, 3, 31))]
    assert in_education_or_training_on(episodes, D(2024, 2, 1))
    assert not in_education_or_training_on(episodes, D(2024, 4, 1))


# Properties ---------------------------------------------------------------------------------

RECORDABLE = [code for code in codes(ACTIV) if code != "0"]
days = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))


@st.composite
def episodes_strategy(draw: st.DrawFn) -> ActivityValue:
    start = draw(days)
    length = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=900)))
    end = None if length is None else start + datetime.timedelta(days=length)
    return ActivityValue(activ=draw(st.sampled_from(RECORDABLE)), start=start, end=end)


histories = st.lists(episodes_strategy(), max_size=6)


@given(histories, days)
def test_an_episode_covering_the_day_always_decides(
    episodes: list[ActivityValue], on: datetime.date
) -> None:
    covering = {e.activ for e in episodes if e.covers(on)}
    main = activity_on(episodes, on)
    assert (main.activ if main else None) in (covering or {None})


@given(histories, days)
def test_order_of_episodes_does_not_matter(
    episodes: list[ActivityValue], on: datetime.date
) -> None:
    assert activity_on(episodes, on) == activity_on(list(reversed(episodes)), on)
