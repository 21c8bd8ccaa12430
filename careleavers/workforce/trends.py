"""Workforce trends month by month, at national size.

`figures.monthly_figures` defines the figures over plain rows; walking every post and holder for
each of 24 months (and spreading every absence over its weekdays) took a third of a second for a
national service's thousands. Here the same figures (the tests hold the two together) come from
one pass over the posts' and holders' dates, starters and leavers counted by the database, and
sickness summed by the database but for the absences that run over a month's end.

6 queries whatever the number of posts, holders and absences.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Value
from django.db.models.functions import TruncMonth

from careleavers.core.dates import month_end, months_up_to
from careleavers.workforce import figures
from careleavers.workforce.models import Employment, Post, SicknessAbsence
from careleavers.workforce.selectors import AddDays, _in_teams


def _days_within(
    days: Sequence[datetime.date], first: datetime.date, last: datetime.date | None
) -> tuple[int, int]:
    """The indexes [low, high) of the (ascending) days from `first` to `last` (None: no end)."""
    return bisect_left(days, first), len(days) if last is None else bisect_right(days, last)


def snapshots(
    *, team_ids: frozenset[int] | None, days: Sequence[datetime.date]
) -> list[figures.Snapshot]:
    """`figures.snapshot` on each of the ascending days (2 queries reading the posts' and the
    holders' dates, then one pass over each).

    Each post counts on the days between its funding dates, and each holder on the days when
    both they hold it and it is funded; counting spans rather than testing every row on every
    day keeps a national service's 24 months to one pass. A funded post is vacant on a day
    when none of that day's holders holds it."""
    n = len(days)
    funded = [0] * (n + 1)  # changes at each index: the count on day i is the sum up to i
    posts = _in_teams(Post.objects.order_by(), team_ids, "team_id")
    for funded_from, funded_to in posts.values_list("funded_from", "funded_to"):
        low, high = _days_within(days, funded_from, funded_to)
        if low < high:
            funded[low] += 1
            funded[high] -= 1
    holders, agency = [0] * (n + 1), [0] * (n + 1)
    fte = [Decimal(0)] * (n + 1)
    held: dict[int, int] = defaultdict(int)  # each post's days held, as bits
    jobs = _in_teams(Employment.objects.order_by(), team_ids, "post__team_id").values_list(
        "post_id", "kind", "fte", "start", "end", "post__funded_from", "post__funded_to"
    )
    for post_id, kind, job_fte, start, end, funded_from, funded_to in jobs:
        ends = [day for day in (end, funded_to) if day is not None]
        low, high = _days_within(days, max(start, funded_from), min(ends) if ends else None)
        if low >= high:
            continue
        holders[low] += 1
        holders[high] -= 1
        if kind == figures.AGENCY:
            agency[low] += 1
            agency[high] -= 1
        fte[low] += job_fte
        fte[high] -= job_fte
        held[post_id] |= (1 << high) - (1 << low)
    # Posts held on the same days are counted together: most are held throughout.
    posts_held = [0] * n
    for bits, count in Counter(held.values()).items():
        for i in range(n):
            if bits >> i & 1:
                posts_held[i] += count
    return [
        figures.Snapshot(
            day=day,
            funded_posts=sum(funded[: i + 1]),
            vacant_posts=sum(funded[: i + 1]) - posts_held[i],
            holders=sum(holders[: i + 1]),
            agency_holders=sum(agency[: i + 1]),
            holder_fte=sum(fte[: i + 1], Decimal(0)),
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


def sickness_by_month(
    *, team_ids: frozenset[int] | None, since: datetime.date, today: datetime.date
) -> dict[datetime.date, Decimal]:
    """`figures.sickness_by_month` for the absences ending in the months from `since` (2
    queries). An absence begun and ended within one month, by today, loses all its days in
    that month: the database sums those (most of them); the others are read and spread over
    their weekdays."""
    absences = _in_teams(
        SicknessAbsence.objects.filter(Q(last_day__isnull=True) | Q(last_day__gte=since)),
        team_ids,
        "staff__team_id",
    ).annotate(month=TruncMonth("first_day"))
    in_one_month = Q(
        last_day__gte=F("first_day"), last_day__lte=today, month=TruncMonth("last_day")
    )
    sickness = figures.sickness_by_month(
        (
            figures.AbsenceFacts(*values)
            for values in absences.filter(Q(last_day__isnull=True) | ~in_one_month)
            .order_by()
            .values_list("staff_id", "first_day", "last_day", "working_days_lost")
        ),
        until=today,
    )
    summed = (
        absences.filter(in_one_month)
        .order_by()
        .values("month")
        .annotate(days=Sum("working_days_lost"))
        .values_list("month", "days")
    )
    for month, days in summed:
        sickness[month] = sickness.get(month, Decimal(0)) + days
    return sickness


def workforce_trends(
    *, team_ids: frozenset[int] | None, today: datetime.date, months: int = 24
) -> list[figures.MonthFigures]:
    """Posts, vacancies, agency, starters, leavers and sickness month by month, as
    `figures.monthly_figures` counts them (6 queries)."""
    firsts = months_up_to(today, months)
    shots = snapshots(team_ids=team_ids, days=[min(month_end(first), today) for first in firsts])
    starters, leavers = starters_and_leavers(
        team_ids=team_ids, since=firsts[0], until=month_end(today)
    )
    sickness = sickness_by_month(team_ids=team_ids, since=firsts[0], today=today)
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
