"""Workforce trends counted by the database: the same figures as `figures.monthly_figures`, in a
fixed number of queries."""

from __future__ import annotations

import datetime
import random
from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.db.models import Q
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.dates import months_up_to
from careleavers.workforce import figures, selectors
from careleavers.workforce.models import Employment, Post, SicknessAbsence
from careleavers.workforce.trends import workforce_trends

pytestmark = pytest.mark.django_db

D = datetime.date
REASONS = ["", "resigned", "retired", "contract_ended", "moved", "moved", "other"]


def _in_python(team_ids: frozenset[int] | None, today: datetime.date) -> list[Any]:
    absences = SicknessAbsence.objects.filter(
        Q(last_day__isnull=True) | Q(last_day__gte=months_up_to(today, 24)[0])
    )
    if team_ids is not None:
        absences = absences.filter(staff__team_id__in=team_ids)
    return figures.monthly_figures(
        today=today,
        months=24,
        posts=selectors.post_facts(team_ids),
        employments=selectors.employment_facts(team_ids),
        absences=[
            figures.AbsenceFacts(*values)
            for values in absences.values_list(
                "staff_id", "first_day", "last_day", "working_days_lost"
            )
        ],
    )


def _same(counted: list[Any], expected: list[Any]) -> bool:
    """The same months, with sickness the same but for the last of Decimal's 28 digits (a sum
    of shares rounds there, and the database adds in another order)."""
    assert [replace(month, sickness_days=0) for month in counted] == [
        replace(month, sickness_days=0) for month in expected
    ]
    for ours, theirs in zip(counted, expected, strict=True):
        assert abs(ours.sickness_days - theirs.sickness_days) < Decimal("1e-20"), ours.month
    return True


def _a_random_service(rng: random.Random, today: datetime.date) -> list[Any]:
    """Three teams of posts funded and unfunded over three years, held, shared, left and moved
    between (some moves within the gap that makes them internal, some after it, some across
    teams), with sickness absences ended and ongoing."""
    teams = [TeamFactory() for _ in range(3)]
    people = [
        UserFactory(roles=[Role.PERSONAL_ADVISER], team=rng.choice(teams)) for _ in range(12)
    ]
    start = today - datetime.timedelta(days=3 * 365)

    def day(low: int, high: int) -> datetime.date:
        return start + datetime.timedelta(days=rng.randint(low, high))

    posts = Post.objects.bulk_create(
        Post(
            team=rng.choice(teams),
            role="pa",
            fte=Decimal("1.00"),
            funded_from=day(0, 900),
            funded_to=day(700, 1300) if rng.random() < 0.3 else None,
        )
        for _ in range(16)
    )
    jobs = []
    for person in people:
        began = day(0, 400)
        while began <= today + datetime.timedelta(days=30):
            ends = began + datetime.timedelta(days=rng.randint(0, 500))
            reason = rng.choice(REASONS)
            jobs.append(
                Employment(
                    post=rng.choice(posts),
                    staff=person,
                    kind=rng.choice(["permanent", "permanent", "agency"]),
                    fte=rng.choice([Decimal("1.00"), Decimal("0.80"), Decimal("0.50")]),
                    start=began,
                    end=ends if reason else None,
                    leaving_reason=reason,
                )
            )
            if not reason:
                break
            # A move starts the next post within days of leaving, or weeks later.
            began = ends + datetime.timedelta(days=rng.choice([0, 1, 14, 31, 32, 60]))
    Employment.objects.bulk_create(jobs)
    absences = []
    for person in people:
        for _ in range(rng.randint(0, 4)):
            first = day(300, 3 * 365)
            last = None if rng.random() < 0.2 else first + datetime.timedelta(rng.randint(0, 70))
            absences.append(
                SicknessAbsence(
                    staff=person,
                    first_day=first,
                    last_day=last,
                    working_days_lost=Decimal(rng.randint(1, 40)),
                    reason="infection",
                )
            )
    SicknessAbsence.objects.bulk_create(absences)
    return teams


@pytest.mark.parametrize("seed", range(3))
def test_the_database_counts_the_months_as_the_figures_define_them(db: None, seed: int) -> None:
    today = timezone.localdate()
    teams = _a_random_service(random.Random(seed), today)
    scopes = [None, frozenset({teams[0].pk}), frozenset({teams[1].pk, teams[2].pk}), frozenset()]
    for team_ids in scopes:
        assert _same(workforce_trends(team_ids=team_ids, today=today), _in_python(team_ids, today))


@pytest.mark.parametrize("today", [D(2026, 3, 31), D(2026, 2, 28), D(2024, 2, 29), D(2026, 1, 1)])
def test_months_counted_by_the_database_agree_on_any_day(db: None, today: datetime.date) -> None:
    _a_random_service(random.Random(7), today)
    assert _same(workforce_trends(team_ids=None, today=today), _in_python(None, today))


def test_a_move_within_the_service_is_neither_a_starter_nor_a_leaver(db: None) -> None:
    today = D(2026, 11, 24)
    team = TeamFactory()
    post_a, post_b, post_c = (
        Post.objects.create(team=team, role="pa", fte=1, funded_from=D(2024, 1, 1))
        for _ in range(3)
    )
    mover, leaver, late = (UserFactory(roles=[Role.PERSONAL_ADVISER], team=team) for _ in "abc")
    jobs = [
        (post_a, mover, D(2025, 1, 6), D(2026, 3, 31), "moved"),
        (post_b, mover, D(2026, 4, 1), None, ""),
        (post_c, leaver, D(2025, 2, 3), D(2026, 4, 30), "resigned"),
        # Moved, but started again 32 days later: a leaver's move is still not a leaver, and
        # the new post is a start.
        (post_c, late, D(2026, 5, 1), D(2026, 6, 30), "moved"),
        (post_a, late, D(2026, 8, 1), None, ""),
    ]
    for post, staff, start, end, reason in jobs:
        Employment.objects.create(
            post=post, staff=staff, kind="permanent", fte=1, start=start, end=end,
            leaving_reason=reason,
        )  # fmt: skip
    months = {month.month: month for month in workforce_trends(team_ids=None, today=today)}
    assert months[D(2026, 4, 1)].starters == 0  # the mover moved
    assert months[D(2026, 4, 1)].leavers == 1  # the leaver; not the mover in March
    assert months[D(2026, 3, 1)].leavers == 0
    assert months[D(2026, 5, 1)].starters == 1
    assert months[D(2026, 8, 1)].starters == 1
    assert months[D(2025, 2, 1)].starters == 1
    assert months[D(2026, 11, 1)].snapshot.vacant_posts == 1  # post c
    assert [month.month for month in months.values()] == months_up_to(today, 24)


def test_workforce_trends_show_this_month_last(service: SimpleNamespace) -> None:
    months = workforce_trends(team_ids=None, today=timezone.localdate())
    assert len(months) == 24
    assert months[-1].snapshot.vacant_posts == 2
    assert (months[-1].snapshot.funded_posts, months[-1].snapshot.holders) == (6, 4)
    assert sum(month.starters for month in months) >= 2  # w3 and w4 started 60 days ago


def test_trends_cost_the_same_queries_whatever_the_number_of_posts(
    db: None, django_assert_num_queries: Any
) -> None:
    today = timezone.localdate()
    _a_random_service(random.Random(1), today)
    with django_assert_num_queries(6):
        workforce_trends(team_ids=None, today=today)
    _a_random_service(random.Random(2), today)
    with django_assert_num_queries(6):
        workforce_trends(team_ids=None, today=today)


def test_sickness_counts_only_the_days_up_to_today(db: None) -> None:
    # Monday 9 to Friday 20 November 2026, 10 days lost, seen on Friday 13 November: 5 of its
    # 10 weekdays have passed; one from 2 to 4 November counts all of its 3 days; one going on
    # since 26 October has 5 weekdays in October and 10 in November by the 13th.
    today = D(2026, 11, 13)
    staff = UserFactory(roles=[Role.PERSONAL_ADVISER], team=TeamFactory())
    for first, last, days in (
        (D(2026, 11, 9), D(2026, 11, 20), 10),
        (D(2026, 11, 2), D(2026, 11, 4), 3),
        (D(2026, 10, 26), None, 15),
    ):
        SicknessAbsence.objects.create(
            staff=staff, first_day=first, last_day=last, working_days_lost=days, reason="other"
        )
    months = {month.month: month for month in workforce_trends(team_ids=None, today=today)}
    assert months[D(2026, 11, 1)].sickness_days == 5 + 3 + 10
    assert months[D(2026, 10, 1)].sickness_days == 5
    assert _same(list(months.values()), _in_python(None, today))
