"""The managers' wait figures, counted by the database, so they cost the same at any size.

waits.py holds the definitions as pure functions; here PostgreSQL applies the same rules in one
query per table (a wait is referral to decision, an open one runs to today and is never
negative; percentiles interpolate between the closest ranks as `waits.percentile` does: the
median by percentile_cont, which halves exactly, the 90th percentile step by step as Python
does).
Reading every referral into Python took most of a second at 100,000 young people.

SQLite (the laptop demo's database) has neither percentile_cont nor arrays: there the figures
are worked out by the pure functions from plain values, which a demo's few hundred referrals
make cheap. Tests hold the two paths to the same figures.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Case, QuerySet, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan

from careleavers.core.dates import month_end
from careleavers.transitions import waits
from careleavers.transitions.models import Referral, Service

ADULT_AGE = 18


def in_age_group(referrals: QuerySet[Referral], age_group: str) -> QuerySet[Referral]:
    """The referrals made when the young person was in `age_group` (all for ""): the database
    form of `waits.age_group`, by age in whole years on the day referred (`dates.age_on`,
    so someone born on 29 February turns 18 on 1 March in a common year)."""
    if not age_group:
        return referrals
    born = "young_person__date_of_birth"
    before_birthday: LessThan[int] = LessThan(
        ExtractMonth("referred_on") * 100 + ExtractDay("referred_on"),
        ExtractMonth(born) * 100 + ExtractDay(born),
    )
    aged = referrals.alias(
        age_when_referred=ExtractYear("referred_on")
        - ExtractYear(born)
        - Case(When(before_birthday, then=Value(1)), default=Value(0)),
    )
    if age_group == waits.UNDER_18:
        return aged.filter(age_when_referred__lt=ADULT_AGE)
    return aged.filter(age_when_referred__gte=ADULT_AGE)


def _sql(referrals: QuerySet[Referral], *fields: str) -> tuple[str, tuple[Any, ...]]:
    return referrals.order_by().values(*fields).query.sql_with_params()


def _table(model: type[Any]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# Everyone still waiting, per service: how many, how many longer than the service's target,
# the median and the longest wait so far.
BY_SERVICE_SQL = """
SELECT w.service_id, COUNT(*), COUNT(*) FILTER (WHERE w.wait > s.target_wait_days),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY w.wait), MAX(w.wait)
FROM (SELECT r.service_id, GREATEST(%s::date - r.referred_on, 0) AS wait FROM ({referrals}) r) w
INNER JOIN {service} s ON s.id = w.service_id
GROUP BY w.service_id
"""


def waiting_by_service(
    open_referrals: QuerySet[Referral], *, targets: dict[int, int], today: datetime.date
) -> list[waits.ServiceWaiting]:
    """`waits.waiting_by_service` for these open referrals: every service in `targets`, in
    its order, those with nobody waiting included (one query)."""
    if connection.vendor != "postgresql":
        return waits.waiting_by_service(
            (
                waits.OpenWait(
                    service=service,
                    wait=waits.wait_days(referred_on=referred_on, ended_on=None, today=today),
                    target_days=targets.get(service, 0),
                )
                for service, referred_on in open_referrals.values_list("service_id", "referred_on")
            ),
            targets=targets,
        )
    referrals_sql, params = _sql(open_referrals, "service_id", "referred_on")
    sql = BY_SERVICE_SQL.format(referrals=referrals_sql, service=_table(Service))
    with connection.cursor() as cursor:
        cursor.execute(sql, (today, *params))
        counted = {
            service: waits.ServiceWaiting(
                service=service,
                target_days=targets.get(service, 0),
                waiting=waiting,
                over_target=over_target,
                median=median,
                longest=longest,
            )
            for service, waiting, over_target, median, longest in cursor.fetchall()
        }
    return [
        counted.get(service)
        or waits.ServiceWaiting(
            service=service,
            target_days=target,
            waiting=0,
            over_target=0,
            median=None,
            longest=None,
        )
        for service, target in targets.items()
    ]


def _percentile(waits_sql: str, p: int) -> str:
    """SQL for `waits.percentile` of a sorted array of waits, in the same floating-point steps
    (position (n - 1) * p / 100, then interpolation), so the figures are the same to the last
    digit: percentile_cont multiplies by 0.9 instead, which can differ in the last bit, and
    the tables carry the exact figure for sorting."""
    position = f"((cardinality({waits_sql}) - 1) * {p})::float8 / 100"
    lower = f"{waits_sql}[floor({position})::int + 1]"
    upper = f"{waits_sql}[ceil({position})::int + 1]"
    return f"{lower} + ({upper} - {lower})::float8 * ({position} - floor({position}))"


# For each month shown (its first and last day, and the day its "still waiting" figures
# describe): the waits completed in it, and the waits so far of everyone still waiting then
# (`waits.is_waiting_on`: referred by that day and not decided or withdrawn by its end). The
# completed waits are grouped by month in one pass; only those still waiting are matched to
# each month.
MONTHLY_SQL = """
WITH referral AS MATERIALIZED ({referrals}),
month AS (
    SELECT * FROM unnest(%s::date[], %s::date[], %s::date[]) AS m (first_day, last_day, as_at)
),
decided AS (
    SELECT first_day, array_agg(wait ORDER BY wait) AS waits
    FROM (
        SELECT m.first_day, r.decided_on - r.referred_on AS wait
        FROM referral r INNER JOIN month m ON r.decided_on BETWEEN m.first_day AND m.last_day
    ) completed
    GROUP BY first_day
),
waiting AS (
    SELECT first_day, array_agg(wait ORDER BY wait) AS waits
    FROM (
        SELECT m.first_day, m.as_at - r.referred_on AS wait
        FROM month m INNER JOIN referral r ON r.referred_on <= m.as_at
            AND COALESCE(r.decided_on, r.withdrawn_on, 'infinity'::date) > m.as_at
    ) still_waiting
    GROUP BY first_day
)
SELECT m.first_day,
       COALESCE(cardinality(d.waits), 0), {decided_median}, {decided_p90},
       COALESCE(cardinality(w.waits), 0), {waiting_median}, {waiting_p90}
FROM month m
LEFT JOIN decided d ON d.first_day = m.first_day
LEFT JOIN waiting w ON w.first_day = m.first_day
""".format(
    referrals="{referrals}",
    decided_median=_percentile("d.waits", 50),
    decided_p90=_percentile("d.waits", 90),
    waiting_median=_percentile("w.waits", 50),
    waiting_p90=_percentile("w.waits", 90),
)


def monthly_waits(
    referrals: QuerySet[Referral], *, months: Sequence[datetime.date], today: datetime.date
) -> list[waits.MonthWaits]:
    """`waits.monthly_waits` for these referrals (one query)."""
    fields = ("referred_on", "decided_on", "withdrawn_on")
    if connection.vendor != "postgresql":
        return waits.monthly_waits(
            (waits.ReferralDates(*dates) for dates in referrals.values_list(*fields)),
            months=months,
            today=today,
        )
    ends = [month_end(month) for month in months]
    as_at = [min(end, today) for end in ends]
    referrals_sql, params = _sql(referrals, *fields)
    with connection.cursor() as cursor:
        cursor.execute(
            MONTHLY_SQL.format(referrals=referrals_sql), (*params, list(months), ends, as_at)
        )
        counted = {row[0]: row[1:] for row in cursor.fetchall()}
    result = []
    for month, day in zip(months, as_at, strict=True):
        decided, decided_median, decided_p90, waiting, waiting_median, waiting_p90 = counted.get(
            month, (0, None, None, 0, None, None)
        )
        result.append(
            waits.MonthWaits(
                month=month,
                as_at=day,
                decided=decided,
                decided_median=decided_median,
                decided_p90=decided_p90,
                waiting=waiting,
                waiting_median=waiting_median,
                waiting_p90=waiting_p90,
            )
        )
    return result
