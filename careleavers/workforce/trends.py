"""Workforce trends month by month, counted by the database.

`figures.monthly_figures` defines the figures over plain rows; here the database counts the same
numbers (the tests hold the two together), because a national service has thousands of posts and
holders and walking every one of them for each of 24 months took a third of a second. Only the
sickness absences of the months shown are read, to be spread over their weekdays in Python.

5 queries whatever the number of posts, holders and absences.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from careleavers.core.dates import month_end, months_up_to
from careleavers.workforce import figures
from careleavers.workforce.models import Employment, Post
from careleavers.workforce.selectors import (
    AddDays,
    _current_on,
    _funded_on,
    _in_teams,
    absence_facts,
)


def snapshots(*, team_ids: frozenset[int] | None, days: Sequence[datetime.date]) -> list[Any]:
    """`figures.snapshot` on each of the days (2 queries: one pass over the posts and one over
    the holders, each counting every day at once).

    A funded post is vacant when none of the day's holders of funded posts holds it, so the
    vacant posts are the funded ones less the distinct posts those holders hold."""
    posts = _in_teams(Post.objects.all(), team_ids, "team_id").aggregate(
        **{f"funded_{i}": Count("pk", filter=_funded_on(day)) for i, day in enumerate(days)}
    )
    holders = _in_teams(Employment.objects.all(), team_ids, "post__team_id")
    counts: dict[str, Any] = {}
    for i, day in enumerate(days):
        held = _current_on(day) & _funded_on(day, "post__")
        counts[f"holders_{i}"] = Count("pk", filter=held)
        counts[f"held_{i}"] = Count("post_id", filter=held, distinct=True)
        counts[f"agency_{i}"] = Count("pk", filter=held & Q(kind=figures.AGENCY))
        counts[f"fte_{i}"] = Coalesce(
            Sum("fte", filter=held), Decimal(0), output_field=DecimalField()
        )
    counted = holders.aggregate(**counts)
    return [
        figures.Snapshot(
            day=day,
            funded_posts=posts[f"funded_{i}"],
            vacant_posts=posts[f"funded_{i}"] - counted[f"held_{i}"],
            holders=counted[f"holders_{i}"],
            agency_holders=counted[f"agency_{i}"],
            holder_fte=Decimal(counted[f"fte_{i}"]),
        )
        for i, day in enumerate(days)
    ]


def _by_month(rows: Any) -> dict[datetime.date, int]:
    return dict(rows.values_list("month", "n"))


def starters_and_leavers(
    *, team_ids: frozenset[int] | None, since: datetime.date, until: datetime.date
) -> tuple[dict[datetime.date, int], dict[datetime.date, int]]:
    """`figures.starters_and_leavers` for the months from `since` to `until`, by the first day
    of the month (2 queries)."""
    jobs = _in_teams(Employment.objects.all(), team_ids, "post__team_id")
    # As the figures judge it, among the same holders: another post of theirs that they left
    # for a move within the service at most MOVE_GAP_DAYS before this one started.
    moved_in = (
        jobs.filter(
            staff=OuterRef("staff"),
            leaving_reason=figures.INTERNAL_MOVE,
            end__lte=OuterRef("start"),
            end__gte=AddDays(OuterRef("start"), Value(-figures.MOVE_GAP_DAYS)),
        )
        .exclude(pk=OuterRef("pk"))
        .order_by()
    )
    starters = (
        jobs.filter(start__gte=since, start__lte=until)
        .exclude(Exists(moved_in))
        .annotate(month=TruncMonth("start"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
    )
    leavers = (
        jobs.filter(end__gte=since, end__lte=until)
        .exclude(leaving_reason="")
        .exclude(leaving_reason=figures.INTERNAL_MOVE)
        .annotate(month=TruncMonth("end"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
    )
    return _by_month(starters), _by_month(leavers)


def workforce_trends(
    *, team_ids: frozenset[int] | None, today: datetime.date, months: int = 24
) -> list[figures.MonthFigures]:
    """Posts, vacancies, agency, starters, leavers and sickness month by month, as
    `figures.monthly_figures` counts them (5 queries)."""
    firsts = months_up_to(today, months)
    shots = snapshots(team_ids=team_ids, days=[min(month_end(first), today) for first in firsts])
    starters, leavers = starters_and_leavers(
        team_ids=team_ids, since=firsts[0], until=month_end(today)
    )
    sickness = figures.sickness_by_month(absence_facts(team_ids, firsts[0]), until=today)
    return [
        figures.MonthFigures(
            month=first,
            snapshot=shot,
            starters=starters.get(first, 0),
            leavers=leavers.get(first, 0),
            sickness_days=sickness.get(first, Decimal(0)),
        )
        for first, shot in zip(firsts, shots, strict=True)
    ]
