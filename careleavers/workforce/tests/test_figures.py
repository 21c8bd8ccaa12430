"""Workforce figures over plain values: vacancies, agency, starters, leavers, sickness."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import months_up_to
from careleavers.workforce.figures import (
    AbsenceFacts,
    EmploymentFacts,
    GradedRecord,
    PostFacts,
    Spread,
    days_lost_by_month,
    monthly_figures,
    quality_summary,
    sample_size,
    snapshot,
    starters_and_leavers,
    weekdays_between,
)

D = datetime.date
ONE = Decimal("1.00")


def _post(pk: int, funded_to: datetime.date | None = None) -> PostFacts:
    return PostFacts(pk, 1, ONE, D(2024, 1, 1), funded_to)


def _job(
    pk: int, post: int, staff: int, start: datetime.date, end=None, kind="permanent", reason=""
) -> EmploymentFacts:  # type: ignore[no-untyped-def]
    return EmploymentFacts(pk, post, staff, kind, ONE, start, end, reason)


def test_a_funded_post_nobody_holds_is_vacant_and_an_unfunded_one_is_not_counted() -> None:
    posts = [_post(1), _post(2), _post(3), _post(4, funded_to=D(2025, 3, 31))]
    jobs = [
        _job(1, 1, 10, D(2024, 4, 1)),
        _job(2, 2, 11, D(2024, 4, 1), kind="agency"),
        _job(3, 3, 12, D(2024, 4, 1), end=D(2026, 10, 31), reason="resigned"),
    ]
    shot = snapshot(D(2026, 11, 24), posts, jobs)
    assert (shot.funded_posts, shot.vacant_posts) == (3, 1)
    assert round(shot.vacancy_rate or 0, 1) == 33.3
    assert (shot.holders, shot.agency_holders) == (2, 1)
    assert shot.agency_rate == 50.0


def test_a_post_is_held_on_its_holders_last_day() -> None:
    posts = [_post(1)]
    jobs = [_job(1, 1, 10, D(2024, 4, 1), end=D(2026, 10, 31), reason="resigned")]
    assert snapshot(D(2026, 10, 31), posts, jobs).vacant_posts == 0
    assert snapshot(D(2026, 11, 1), posts, jobs).vacant_posts == 1


def test_a_move_between_posts_is_neither_a_starter_nor_a_leaver() -> None:
    jobs = [
        _job(1, 1, 10, D(2025, 1, 6), end=D(2026, 3, 31), reason="moved"),
        _job(2, 2, 10, D(2026, 4, 1)),
        _job(3, 3, 11, D(2026, 4, 20)),
        _job(4, 4, 12, D(2025, 2, 1), end=D(2026, 4, 30), reason="resigned"),
    ]
    starters, leavers = starters_and_leavers(jobs)
    assert starters[D(2026, 4, 1)] == 1  # only staff 11; staff 10 moved
    assert starters[D(2025, 1, 1)] == 1
    assert starters[D(2025, 2, 1)] == 1
    assert leavers == {D(2026, 4, 1): 1}  # staff 12; the move in March is not a leaver


def test_weekdays_between_counts_monday_to_friday_inclusive() -> None:
    assert weekdays_between(D(2026, 11, 23), D(2026, 11, 29)) == 5  # Monday to Sunday
    assert weekdays_between(D(2026, 11, 28), D(2026, 11, 29)) == 0  # a weekend
    assert weekdays_between(D(2026, 11, 24), D(2026, 11, 23)) == 0


@given(
    first=st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 1, 1)),
    length=st.integers(min_value=0, max_value=400),
)
def test_weekdays_between_agrees_with_counting_each_day(first: datetime.date, length: int) -> None:
    last = first + datetime.timedelta(days=length)
    counted = sum(
        1
        for offset in range(length + 1)
        if (first + datetime.timedelta(days=offset)).weekday() < 5
    )
    assert weekdays_between(first, last) == counted


def test_an_absence_over_a_month_end_is_split_by_weekdays() -> None:
    # Thursday 26 November to Friday 4 December 2026: 3 weekdays in November, 4 in December.
    absence = AbsenceFacts(1, D(2026, 11, 26), D(2026, 12, 4), Decimal("7"))
    spread = days_lost_by_month(absence, until=D(2027, 1, 1))
    assert spread == {D(2026, 11, 1): Decimal(3), D(2026, 12, 1): Decimal(4)}


@given(
    first=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 6, 1)),
    length=st.integers(min_value=0, max_value=200),
    days=st.decimals(min_value=Decimal("0.5"), max_value=Decimal("150"), places=1),
)
def test_splitting_an_absence_keeps_its_days(
    first: datetime.date, length: int, days: Decimal
) -> None:
    absence = AbsenceFacts(1, first, first + datetime.timedelta(days=length), days)
    total = sum(days_lost_by_month(absence, until=D(2027, 1, 1)).values())
    assert abs(total - days) < Decimal("0.0001")


def test_monthly_figures_cover_24_months_ending_this_month() -> None:
    posts = [_post(1), _post(2)]
    jobs = [
        _job(1, 1, 10, D(2024, 4, 1)),
        _job(2, 2, 11, D(2026, 9, 14), kind="agency"),
    ]
    absences = [AbsenceFacts(10, D(2026, 10, 5), D(2026, 10, 9), Decimal("5"))]
    months = monthly_figures(
        today=D(2026, 11, 24), months=24, posts=posts, employments=jobs, absences=absences
    )
    assert len(months) == 24
    assert months[0].month == D(2024, 12, 1)
    assert months[-1].month == D(2026, 11, 1)
    august, september, october = months[-4], months[-3], months[-2]
    assert august.snapshot.vacant_posts == 1
    assert september.snapshot.vacant_posts == 0
    assert september.starters == 1
    assert september.snapshot.agency_rate == 50.0
    assert october.sickness_days == 5
    assert october.sickness_days_per_fte == 2.5


def test_months_up_to_wraps_over_the_year() -> None:
    assert months_up_to(D(2026, 2, 10), 3) == [D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]


def test_spread_gives_minimum_median_maximum_and_mean() -> None:
    spread = Spread.of([3, 10, 5, 2])
    assert (spread.minimum, spread.median, spread.maximum, spread.mean) == (2, 4.0, 10, 5.0)
    assert Spread.of([]).median is None


def test_quality_summary_counts_grades_by_month_team_and_supervisor() -> None:
    records = [
        GradedRecord(D(2026, 10, 3), "North", "Ann Lee", "reflective"),
        GradedRecord(D(2026, 10, 9), "North", "Ann Lee", "compliance_led"),
        GradedRecord(D(2026, 11, 2), "South", "Bo Kim", "reflective"),
    ]
    summary = quality_summary(records, months=months_up_to(D(2026, 11, 24), 3))
    assert summary.total.graded == 3
    assert round(summary.total.reflective_rate or 0) == 67
    assert [(m.label, m.reflective, m.compliance_led) for m in summary.by_month] == [
        ("September 2026", 0, 0),
        ("October 2026", 1, 1),
        ("November 2026", 1, 0),
    ]
    assert [(t.label, t.reflective_rate) for t in summary.by_team] == [
        ("North", 50.0),
        ("South", 100.0),
    ]
    assert [s.label for s in summary.by_supervisor] == ["Ann Lee", "Bo Kim"]


def test_a_sample_is_the_percentage_rounded_up_and_never_more_than_there_are() -> None:
    assert sample_size(0, 10) == 0
    assert sample_size(1, 10) == 1
    assert sample_size(25, 10) == 3
    assert sample_size(30, 10) == 3
    assert sample_size(5, 100) == 5
