"""The wait computations: a known dataset worked by hand, and properties."""

from __future__ import annotations

import datetime
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import month_end, months_up_to
from careleavers.transitions.waits import (
    ADULT,
    UNDER_18,
    MonthWaits,
    OpenWait,
    ReferralDates,
    age_group,
    decision_due_on,
    format_days,
    is_over_target,
    is_waiting_on,
    median,
    monthly_waits,
    percentile,
    wait_days,
    waiting_by_service,
)

D = datetime.date
TODAY = D(2025, 3, 15)

# The known dataset. Waits worked by hand (days):
#   A decided 21, B decided 20, H decided the day it was referred (0): all in January.
#   C decided in February after 44 days. F decided in March after 120 days.
#   D and G are still open; E was withdrawn in February without a decision.
KNOWN = {
    "A": ReferralDates(D(2024, 12, 20), decided_on=D(2025, 1, 10)),
    "B": ReferralDates(D(2025, 1, 5), decided_on=D(2025, 1, 25)),
    "C": ReferralDates(D(2025, 1, 2), decided_on=D(2025, 2, 15)),
    "D": ReferralDates(D(2025, 1, 20)),
    "E": ReferralDates(D(2025, 2, 1), withdrawn_on=D(2025, 2, 10)),
    "F": ReferralDates(D(2024, 11, 1), decided_on=D(2025, 3, 1)),
    "G": ReferralDates(D(2025, 3, 10)),
    "H": ReferralDates(D(2025, 1, 31), decided_on=D(2025, 1, 31)),
}


def _months() -> list[MonthWaits]:
    return monthly_waits(
        KNOWN.values(), months=[D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)], today=TODAY
    )


def test_completed_waits_in_january_are_the_three_decided_then() -> None:
    january = _months()[0]
    # [0, 20, 21]: median 20; 90th percentile at rank 1.8 is 20 + 0.8 * (21 - 20).
    assert (january.decided, january.decided_median) == (3, 20)
    assert january.decided_p90 == pytest.approx(20.8)


def test_still_waiting_at_the_end_of_january_counts_open_and_later_decided() -> None:
    january = _months()[0]
    # C (29 days so far), D (11) and F (91); H was decided on the 31st so is not waiting.
    assert january.as_at == D(2025, 1, 31)
    assert (january.waiting, january.waiting_median) == (3, 29)
    assert january.waiting_p90 == pytest.approx(78.6)


def test_a_withdrawn_referral_is_not_a_completed_wait_and_stops_waiting() -> None:
    february = _months()[1]
    # Only C was decided in February; E was withdrawn before the month ended.
    assert (february.decided, february.decided_median, february.decided_p90) == (1, 44, 44)
    # D (39 days) and F (119 days) still waiting on 28 February.
    assert (february.waiting, february.waiting_median) == (2, 79)
    assert february.waiting_p90 == pytest.approx(111)


def test_the_current_month_counts_waits_up_to_today() -> None:
    march = _months()[2]
    assert march.as_at == TODAY
    assert (march.decided, march.decided_median) == (1, 120)
    # D has waited 54 days by 15 March, G 5 days.
    assert (march.waiting, march.waiting_median) == (2, 29.5)
    assert march.waiting_p90 == pytest.approx(49.1)


def test_a_month_with_no_waits_has_no_figures() -> None:
    [december_2023] = monthly_waits(KNOWN.values(), months=[D(2023, 12, 1)], today=TODAY)
    assert december_2023 == MonthWaits(
        month=D(2023, 12, 1),
        as_at=D(2023, 12, 31),
        decided=0,
        decided_median=None,
        decided_p90=None,
        waiting=0,
        waiting_median=None,
        waiting_p90=None,
    )


@pytest.mark.parametrize(
    ("name", "wait"),
    [("A", 21), ("B", 20), ("C", 44), ("D", 54), ("E", 9), ("F", 120), ("G", 5), ("H", 0)],
)
def test_wait_runs_to_the_decision_or_withdrawal_or_today(name: str, wait: int) -> None:
    dates = KNOWN[name]
    assert wait_days(referred_on=dates.referred_on, ended_on=dates.ended_on, today=TODAY) == wait


@pytest.mark.parametrize(
    ("wait", "target", "over"), [(27, 28, False), (28, 28, False), (29, 28, True), (0, 0, False)]
)
def test_over_target_means_longer_than_the_target(wait: int, target: int, over: bool) -> None:
    assert is_over_target(wait=wait, target_days=target) is over


def test_decision_is_due_the_target_number_of_days_after_referral() -> None:
    assert decision_due_on(referred_on=D(2025, 1, 31), target_days=28) == D(2025, 2, 28)


def test_waiting_by_service_lists_every_service_in_order_with_its_figures() -> None:
    rows = waiting_by_service(
        [
            OpenWait(service=2, wait=10, target_days=28),
            OpenWait(service=2, wait=40, target_days=28),
            OpenWait(service=2, wait=30, target_days=28),
        ],
        targets={1: 21, 2: 28},
    )
    assert [(r.service, r.waiting, r.over_target, r.median, r.longest) for r in rows] == [
        (1, 0, 0, None, None),
        (2, 3, 2, 30, 40),
    ]
    assert rows[1].within_target == 1


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([5], 90, 5),
        ([1, 2, 3, 4], 50, 2.5),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9.1),
        ([10, 1, 5], 0, 1),
        ([10, 1, 5], 100, 10),
        ([], 50, None),
    ],
)
def test_percentile_interpolates_between_ranks_like_a_spreadsheet(
    values: list[int], p: float, expected: float | None
) -> None:
    assert percentile(values, p) == (pytest.approx(expected) if expected is not None else None)


def test_percentile_refuses_a_percentage_out_of_range() -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1], 101)


waits_lists = st.lists(st.integers(min_value=0, max_value=2000), min_size=1, max_size=60)


@given(waits_lists, st.floats(min_value=0, max_value=100))
def test_a_percentile_lies_between_the_shortest_and_longest_wait(
    values: list[int], p: float
) -> None:
    result = percentile(values, p)
    assert result is not None
    assert min(values) - 1e-9 <= result <= max(values) + 1e-9


@given(waits_lists)
def test_the_50th_percentile_is_the_ordinary_median(values: list[int]) -> None:
    assert median(values) == pytest.approx(statistics.median(values))


@given(waits_lists, st.floats(0, 100), st.floats(0, 100))
def test_a_higher_percentile_is_never_a_shorter_wait(
    values: list[int], p: float, q: float
) -> None:
    low, high = sorted((p, q))
    assert percentile(values, low) <= percentile(values, high) + 1e-9  # type: ignore[operator]


@given(waits_lists, st.randoms())
def test_percentiles_do_not_depend_on_the_order_of_the_waits(values: list[int], rnd) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert percentile(shuffled, 90) == percentile(values, 90)


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2026, 12, 31))


@st.composite
def referral_dates(draw: st.DrawFn) -> ReferralDates:
    referred = draw(dates)
    ending = draw(st.sampled_from(["open", "decided", "withdrawn"]))
    end = referred + datetime.timedelta(days=draw(st.integers(0, 400)))
    if ending == "decided":
        return ReferralDates(referred, decided_on=end)
    if ending == "withdrawn":
        return ReferralDates(referred, withdrawn_on=end)
    return ReferralDates(referred)


@given(referral_dates(), dates)
def test_a_wait_is_never_negative(referral: ReferralDates, today: datetime.date) -> None:
    assert (
        wait_days(referred_on=referral.referred_on, ended_on=referral.ended_on, today=today) >= 0
    )


@given(referral_dates(), dates, st.integers(1, 100))
def test_an_open_wait_grows_day_by_day(
    referral: ReferralDates, today: datetime.date, days: int
) -> None:
    later = today + datetime.timedelta(days=days)
    now = wait_days(referred_on=referral.referred_on, ended_on=None, today=today)
    then = wait_days(referred_on=referral.referred_on, ended_on=None, today=later)
    assert then >= now


@given(st.lists(referral_dates(), max_size=30), dates)
def test_every_decision_in_the_months_shown_is_counted_once(
    referrals: list[ReferralDates], today: datetime.date
) -> None:
    months = months_up_to(today, 12)
    result = monthly_waits(referrals, months=months, today=today)
    expected = sum(
        1
        for r in referrals
        if r.decided_on is not None and months[0] <= r.decided_on <= month_end(months[-1])
    )
    assert sum(month.decided for month in result) == expected


@given(st.lists(referral_dates(), max_size=30), dates)
def test_those_still_waiting_are_the_open_ones_at_that_day(
    referrals: list[ReferralDates], today: datetime.date
) -> None:
    [month] = monthly_waits(referrals, months=months_up_to(today, 1), today=today)
    assert month.waiting == sum(is_waiting_on(r, today) for r in referrals)


@given(dates, st.integers(1, 36))
def test_months_up_to_today_are_consecutive_and_end_with_this_month(
    today: datetime.date, count: int
) -> None:
    months = months_up_to(today, count)
    assert len(months) == count
    assert months[-1] == today.replace(day=1)
    for earlier, later in zip(months, months[1:], strict=False):
        assert month_end(earlier) + datetime.timedelta(days=1) == later


@pytest.mark.parametrize(
    ("born", "referred", "group"),
    [
        (D(2007, 6, 1), D(2025, 5, 31), UNDER_18),
        (D(2007, 6, 1), D(2025, 6, 1), ADULT),
        (D(2008, 2, 29), D(2026, 2, 28), UNDER_18),  # 18th birthday taken as 1 March
        (D(2008, 2, 29), D(2026, 3, 1), ADULT),
    ],
)
def test_age_group_is_the_age_on_the_day_of_referral(
    born: datetime.date, referred: datetime.date, group: str
) -> None:
    assert age_group(date_of_birth=born, referred_on=referred) == group


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (1, "1 day"),
        (0, "0 days"),
        (12.5, "12.5 days"),
        (20.0, "20 days"),
        (78.6, "78.6 days"),
    ],
)
def test_days_read_in_plain_words(value: float | None, text: str) -> None:
    assert format_days(value) == text
