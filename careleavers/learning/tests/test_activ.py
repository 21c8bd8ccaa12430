"""The 903 ACTIV code and Annex A activity column from the activity history (activ.py)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dfe_codes import ACTIV, codes
from careleavers.learning.activ import (
    ActivityValue,
    activ_around_birthday,
    activ_code_for,
    activity_on,
    add_months,
    annex_a_activity_status,
    counts_as_education_or_training,
    derive_activ,
    in_education_or_training_on,
)

D = datetime.date
BORN = D(2005, 6, 15)
BIRTHDAY_19 = D(2024, 6, 15)


def ep(activ: str, start: datetime.date, end: datetime.date | None = None, **kw) -> ActivityValue:
    return ActivityValue(activ=activ, start=start, end=end, **kw)


# The table: episodes around the 19th birthday (15 June 2024), the IN_TOUCH code, the answer.
BIRTHDAY_CASES = [
    pytest.param([ep("F2", D(2023, 9, 1))], None, "F2", id="open episode covers the birthday"),
    pytest.param(
        [ep("F2", D(2023, 9, 1), D(2024, 6, 14)), ep("G5", D(2024, 6, 15))],
        None,
        "G5",
        id="new activity starts on the birthday",
    ),
    pytest.param(
        [ep("F2", D(2023, 9, 1), D(2024, 6, 15)), ep("G5", D(2024, 6, 16))],
        None,
        "F2",
        id="activity ending on the birthday still counts (end is the last day)",
    ),
    pytest.param(
        [ep("F2", D(2023, 9, 1), D(2024, 4, 30))],
        None,
        "F2",
        id="ended 6 weeks before, nothing since: nearest within 3 months",
    ),
    pytest.param(
        [ep("F2", D(2023, 9, 1), D(2024, 3, 14))],
        None,
        None,
        id="ended over 3 months before: in touch but unknown",
    ),
    pytest.param(
        [ep("F2", D(2023, 9, 1), D(2024, 3, 14))],
        "NO",
        "0",
        id="ended over 3 months before, not in touch: 0",
    ),
    pytest.param(
        [ep("F4", D(2024, 7, 1))],
        None,
        "F4",
        id="starts a fortnight after the birthday",
    ),
    pytest.param(
        [ep("G5", D(2023, 1, 1), D(2024, 4, 15)), ep("F5", D(2024, 7, 1))],
        None,
        "F5",
        id="the nearer of before (2 months) and after (16 days) wins",
    ),
    pytest.param(
        [ep("G5", D(2023, 1, 1), D(2024, 6, 5)), ep("F5", D(2024, 6, 25))],
        None,
        "G5",
        id="equally near before and after: the one before wins",
    ),
    pytest.param(
        [ep("P5", D(2024, 1, 1)), ep("F2", D(2023, 9, 1))],
        None,
        "F2",
        id="two at once: full time beats part time",
    ),
    pytest.param(
        [ep("F2", D(2023, 9, 1)), ep("F5", D(2024, 2, 1))],
        None,
        "F5",
        id="two full time at once: the most recent",
    ),
    pytest.param([ep("F2", D(2023, 9, 1))], "DIED", "0", id="died: always 0"),
    pytest.param([ep("F2", D(2023, 9, 1))], "RHOM", "0", id="returned home: always 0"),
    pytest.param(
        [ep("G6", D(2023, 9, 1))],
        "REFU",
        "G6",
        id="refuses contact but activity known",
    ),
    pytest.param([], "NREQ", "0", id="no longer needs services, nothing known: 0"),
    pytest.param([], "YES", None, id="in touch, nothing recorded: a gap to fill"),
    pytest.param([], None, None, id="nothing recorded and in touch not given"),
]


@pytest.mark.parametrize(("episodes", "in_touch", "expected"), BIRTHDAY_CASES)
def test_activ_around_the_19th_birthday(
    episodes: list[ActivityValue], in_touch: str | None, expected: str | None
) -> None:
    code = activ_around_birthday(episodes, date_of_birth=BORN, age=19, in_touch=in_touch)
    assert code == expected


def test_29_february_birthday_falls_on_1_march_in_a_common_year() -> None:
    born = D(2004, 2, 29)
    episodes = [ep("F2", D(2020, 9, 1), D(2021, 2, 28)), ep("F4", D(2021, 3, 1))]
    assert activ_around_birthday(episodes, date_of_birth=born, age=17, window_months=0) == "F4"
    assert activ_around_birthday(episodes, date_of_birth=born, age=20, window_months=0) == "F4"


def test_the_window_is_configurable() -> None:
    episodes = [ep("F2", D(2023, 9, 1), D(2024, 4, 30))]
    assert activ_code_for(episodes, on=BIRTHDAY_19, window_months=1) is None
    assert activ_code_for(episodes, on=BIRTHDAY_19, window_months=2) == "F2"


def test_the_derivation_names_the_episode_and_says_why() -> None:
    episodes = [ep("F2", D(2023, 9, 1), D(2024, 4, 30))]
    result = derive_activ(episodes, on=BIRTHDAY_19)
    assert result.episode == episodes[0]
    assert "within 3 months" in result.reason


def test_annex_a_uses_the_current_activity_with_the_annex_a_wording() -> None:
    episodes = [ep("F2", D(2023, 9, 1), D(2024, 4, 30)), ep("G4", D(2024, 5, 1))]
    assert annex_a_activity_status(episodes, on=D(2024, 6, 1)) == (
        "G4: Not in education, employment or training - illness or disability"
    )
    # No window: a gap on the day is blank.
    assert annex_a_activity_status(episodes[:1], on=D(2024, 6, 1)) == ""


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
in_touch_codes = st.sampled_from([None, "YES", "NO", "DIED", "REFU", "NREQ", "RHOM"])


@given(histories, days, in_touch_codes)
def test_the_code_is_always_an_activ_code_or_a_gap(
    episodes: list[ActivityValue], on: datetime.date, in_touch: str | None
) -> None:
    code = activ_code_for(episodes, on=on, in_touch=in_touch)
    assert code is None or code in codes(ACTIV)
    if code is None:
        assert in_touch in (None, "YES")


@given(histories, days)
def test_died_and_returned_home_are_always_0(
    episodes: list[ActivityValue], on: datetime.date
) -> None:
    assert activ_code_for(episodes, on=on, in_touch="DIED") == "0"
    assert activ_code_for(episodes, on=on, in_touch="RHOM") == "0"


@given(histories, days, in_touch_codes)
def test_an_episode_covering_the_day_always_decides(
    episodes: list[ActivityValue], on: datetime.date, in_touch: str | None
) -> None:
    covering = [e for e in episodes if e.covers(on)]
    if covering and in_touch not in ("DIED", "RHOM"):
        assert activ_code_for(episodes, on=on, in_touch=in_touch) in {e.activ for e in covering}


@given(histories, days, episodes_strategy())
def test_episodes_outside_the_window_never_change_the_answer(
    episodes: list[ActivityValue], on: datetime.date, far: ActivityValue
) -> None:
    if far.start <= add_months(on, 3) and (far.end is None or far.end >= add_months(on, -3)):
        return  # not outside the window
    assert activ_code_for([*episodes, far], on=on) == activ_code_for(episodes, on=on)


@given(histories, days)
def test_order_of_episodes_does_not_matter(
    episodes: list[ActivityValue], on: datetime.date
) -> None:
    assert activ_code_for(episodes, on=on) == activ_code_for(list(reversed(episodes)), on=on)
    assert activity_on(episodes, on) == activity_on(list(reversed(episodes)), on)
