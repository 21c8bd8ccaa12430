"""The panel's themes on a known dataset (themes.py)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.learning.activ import ActivityValue
from careleavers.learning.themes import (
    FALLING,
    RISING,
    STEADY,
    ActionValue,
    CaseValue,
    NeetHistory,
    ReasonDuration,
    ReasonSpan,
    Spell,
    actions_by_month,
    complete_months,
    neet_duration_by_reason,
    neet_spells,
    reasons_by_month,
    trend,
    young_people_by_month,
)

D = datetime.date
MONTHS = [(2025, 1), (2025, 2), (2025, 3)]

CASES = [
    # January meeting: Ann (mental health, housing), Ben (mental health).
    CaseValue(D(2025, 1, 14), 1, ("mental-health", "unstable-housing")),
    CaseValue(D(2025, 1, 14), 2, ("mental-health",)),
    # A second January meeting discusses Ann again: she counts once in January.
    CaseValue(D(2025, 1, 28), 1, ("mental-health",)),
    # February: Ben (confidence), Cat (no reasons recorded).
    CaseValue(D(2025, 2, 11), 2, ("confidence",)),
    CaseValue(D(2025, 2, 11), 3, ()),
    # March: Ann (mental health).
    CaseValue(D(2025, 3, 11), 1, ("mental-health",)),
    # December 2024 is outside the months shown.
    CaseValue(D(2024, 12, 10), 4, ("custody",)),
]


def test_reasons_are_counted_by_month_once_per_young_person() -> None:
    assert reasons_by_month(CASES, MONTHS) == {
        "mental-health": [2, 0, 1],
        "unstable-housing": [1, 0, 0],
        "confidence": [0, 1, 0],
    }


def test_young_people_discussed_by_month() -> None:
    assert young_people_by_month(CASES, MONTHS) == [2, 2, 1]


def test_actions_are_counted_by_kind_and_month() -> None:
    actions = [
        ActionValue(D(2025, 1, 14), "health"),
        ActionValue(D(2025, 1, 14), "health"),
        ActionValue(D(2025, 1, 28), "housing"),
        ActionValue(D(2025, 3, 11), "health"),
        ActionValue(D(2024, 12, 10), "course"),
    ]
    assert actions_by_month(actions, MONTHS) == {"health": [2, 0, 1], "housing": [1, 0, 0]}


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


def test_which_reasons_keep_young_people_neet_longest() -> None:
    today = D(2025, 1, 31)
    histories = [
        # Ann: 100 days NEET with mental health; then 31 days (ongoing) with mental health again.
        NeetHistory(
            1,
            (
                ep("G4", D(2024, 1, 1), D(2024, 4, 9)),
                ep("F2", D(2024, 4, 10), D(2024, 12, 31)),
                ep("G5", D(2025, 1, 1)),
            ),
            (
                ReasonSpan("mental-health", D(2024, 1, 5), D(2024, 4, 9)),
                ReasonSpan("mental-health", D(2025, 1, 2)),
            ),
        ),
        # Ben: 366 days NEET (2024 is a leap year) with housing and mental health.
        NeetHistory(
            2,
            (ep("G5", D(2024, 1, 1), D(2024, 12, 31)),),
            (
                ReasonSpan("unstable-housing", D(2024, 1, 1), D(2024, 12, 31)),
                ReasonSpan("mental-health", D(2024, 6, 1), D(2024, 12, 31)),
            ),
        ),
        # Cat: a reason recorded outside any NEET spell counts for nothing.
        NeetHistory(
            3,
            (ep("G5", D(2024, 1, 1), D(2024, 1, 31)),),
            (ReasonSpan("confidence", D(2024, 3, 1)),),
        ),
    ]
    assert neet_duration_by_reason(histories, today=today) == [
        ReasonDuration(
            "unstable-housing",
            young_people=1,
            spells=1,
            median_days=366,
            longest_days=366,
            still_neet=0,
        ),
        ReasonDuration(
            "mental-health",
            young_people=2,
            spells=3,
            median_days=100,
            longest_days=366,
            still_neet=1,
        ),
    ]


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=D(2024, 1, 1), max_value=D(2025, 12, 31)),
            st.integers(min_value=1, max_value=50),
            st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
        ),
        max_size=40,
    )
)
def test_a_reason_never_counts_more_people_than_were_discussed(
    rows: list[tuple[datetime.date, int, list[str]]],
) -> None:
    cases = [CaseValue(day, person, tuple(reasons)) for day, person, reasons in rows]
    months = [(year, month) for year in (2024, 2025) for month in range(1, 13)]
    people = young_people_by_month(cases, months)
    for counts in reasons_by_month(cases, months).values():
        assert all(count <= total for count, total in zip(counts, people, strict=True))
