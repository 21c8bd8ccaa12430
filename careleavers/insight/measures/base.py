"""The two shapes of indicator insight defines, each answered by one SQL aggregation.

- A people measure counts young people: a cohort (the denominator) and a condition (the
  numerator), both conditions on `YoungPerson` that may use subqueries over other apps' records
  (`Exists(... OuterRef("pk"))`). The figure is one `aggregate` with a filtered count; the
  drill-down is the same conditions as a filter, so it has exactly the numerator's rows.
- A record measure counts records that belong to young people (referrals, housing
  applications, PEPs, payments): the denominator rows, an optional numerator condition and an
  optional amount to average (days waiting) or add up (money).

Both also give, for the monthly snapshots, the figure with every team's and every worker's in
one pass (`breakdown`). A worker's figures are those of the young people allocated to them on
the day (as personal adviser or social worker); a team's are those of the young people in the
team now (the record keeps no history of team moves).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DurationField,
    Expression,
    ExpressionWrapper,
    F,
    Model,
    Q,
    QuerySet,
    Sum,
    Value,
)

from careleavers.casework.models import Allocation
from careleavers.insight.indicators import (
    AVERAGE,
    MONEY,
    OTHER,
    PERCENT,
    YOUNG_PEOPLE,
    Breakdown,
    Figure,
    Indicator,
    Scope,
)
from careleavers.insight.periods import births_for_ages
from careleavers.people.category import Category

TEAM = "team"
WORKER = "worker"

# Young people the leaving care service works with: eligible children (still looked after,
# from 16) and relevant and former relevant care leavers (docs/data/indicators.md, "open
# care leavers"). Qualifying care leavers are counted apart, as the reference advises.
OPEN_CATEGORIES = (
    Category.ELIGIBLE.value,
    Category.RELEVANT.value,
    Category.FORMER_RELEVANT.value,
)
# The DfE care-leaver cohort: relevant and former relevant (docs/data/indicators.md).
CARE_LEAVER_CATEGORIES = (Category.RELEVANT.value, Category.FORMER_RELEVANT.value)

Condition = Callable[[datetime.date], Q]


def aged(on: datetime.date, youngest: int, oldest: int, prefix: str = "") -> Q:
    """Aged `youngest` to `oldest` (whole years, both included) on `on`."""
    earliest, latest = births_for_ages(on, youngest, oldest)
    return Q(**{f"{prefix}date_of_birth__gte": earliest, f"{prefix}date_of_birth__lte": latest})


def open_care_leavers(on: datetime.date) -> Q:
    """Eligible, relevant and former relevant young people aged 16 to 24 on the day.

    The category is the one on the record now: the record keeps no history of it, so past
    figures count today's category (ages are as at the day).
    """
    return Q(category__in=OPEN_CATEGORIES) & aged(on, 16, 24)


def care_leavers_aged(youngest: int, oldest: int) -> Condition:
    def condition(on: datetime.date) -> Q:
        return Q(category__in=CARE_LEAVER_CATEGORIES) & aged(on, youngest, oldest)

    return condition


def current_on(on: datetime.date, *, start: str = "start", end: str = "end") -> Q:
    """A period covering `on`, where `end` is the day it stopped (so not covering that day)."""
    return Q(**{f"{start}__lte": on}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": on}))


def _allocated_on(on: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}allocations__start__lte": on}) & (
        Q(**{f"{prefix}allocations__end__isnull": True})
        | Q(**{f"{prefix}allocations__end__gt": on})
    )


def days_since(on: datetime.date, field: str) -> ExpressionWrapper:
    """Days from the date in `field` to `on`, as a duration the database can average."""
    return ExpressionWrapper(Value(on) - F(field), output_field=DurationField())


def _days(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 86400
    return float(value) / 86_400_000_000  # microseconds, where a backend returns a number


# Young people ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleMeasure:
    cohort: Condition
    hit: Condition

    def _cohort(self, scope: Scope) -> QuerySet[Any]:
        return scope.young_people.filter(self.cohort(scope.on))

    def compute(self, scope: Scope) -> Figure:
        counts = self._cohort(scope).aggregate(
            denominator=Count("pk"), numerator=Count("pk", filter=self.hit(scope.on))
        )
        return Figure(numerator=counts["numerator"], denominator=counts["denominator"])

    def members(self, scope: Scope) -> QuerySet[Any]:
        return (
            self._cohort(scope)
            .filter(self.hit(scope.on))
            .select_related("team")
            .order_by("last_name", "first_name", "pk")
        )

    def exceptions(self, scope: Scope) -> QuerySet[Any]:
        return (
            self._cohort(scope)
            .exclude(self.hit(scope.on))
            .select_related("team")
            .order_by("last_name", "first_name", "pk")
        )

    def breakdown(self, scope: Scope) -> Breakdown:
        """The figure, and each team's and worker's, evaluating every condition once per young
        person: the flags are worked out in a common table expression that both groupings
        read (PostgreSQL materialises a CTE used twice; SQLite does the same work in
        memory)."""
        on = scope.on
        flags = (
            self._cohort(scope)
            .order_by()
            .annotate(hit=ExpressionWrapper(self.hit(on), output_field=BooleanField()))
            .values_list("pk", "team_id", "hit")
        )
        flag_sql, flag_params = flags.query.sql_with_params()
        quote = connection.ops.quote_name
        day = connection.ops.adapt_datefield_value(on)
        allocation = quote(Allocation._meta.db_table)
        start, end = quote("start"), quote("end")
        sql = (
            f"WITH f (id, team_id, hit) AS ({flag_sql}) "
            "SELECT 0, f.team_id, COUNT(*), SUM(CASE WHEN f.hit THEN 1 ELSE 0 END) "
            "FROM f GROUP BY f.team_id "
            "UNION ALL "
            "SELECT 1, a.worker_id, COUNT(DISTINCT f.id), "
            "COUNT(DISTINCT CASE WHEN f.hit THEN f.id END) "
            f"FROM f INNER JOIN {allocation} a ON a.young_person_id = f.id "
            f"AND a.{start} <= %s AND (a.{end} IS NULL OR a.{end} > %s) "
            "GROUP BY a.worker_id"
        )
        teams: dict[int, Figure] = {}
        workers: dict[int, Figure] = {}
        whole = [0, 0]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*flag_params, day, day])
            for kind, key, denominator, numerator in cursor.fetchall():
                figure = Figure(numerator=int(numerator or 0), denominator=int(denominator))
                if kind == 0:
                    whole[0] += figure.numerator
                    whole[1] += denominator
                    if key is not None:
                        teams[key] = figure
                elif key is not None:
                    workers[key] = figure
        return Breakdown(
            whole=Figure(numerator=whole[0], denominator=whole[1]), teams=teams, workers=workers
        )


def people_indicator(measure: PeopleMeasure, **fields: Any) -> Indicator:
    return Indicator(
        compute=measure.compute,
        members=measure.members,
        exceptions=measure.exceptions,
        breakdown=measure.breakdown,
        members_kind=YOUNG_PEOPLE,
        unit=PERCENT,
        **fields,
    )


# Records of young people ----------------------------------------------------------------------


@dataclass(frozen=True)
class RecordMeasure:
    model: type[Model]
    # The denominator's records on the day (before limiting to the scope's young people).
    rows: Callable[[datetime.date], Q]
    unit: str
    # The numerator, within the rows; None when every row counts.
    hit: Condition | None = None
    # For AVERAGE, days from this date field to the day; for MONEY, the amount in pence.
    amount: Callable[[datetime.date], Expression | F] | None = None
    order_by: tuple[str, ...] = ("pk",)
    related: tuple[str, ...] = ("young_person", "young_person__team")

    def _rows(self, scope: Scope) -> QuerySet[Any]:
        return self.model.objects.filter(  # type: ignore[attr-defined]
            young_person__in=scope.young_people.values("pk")
        ).filter(self.rows(scope.on))

    def _aggregates(self, on: datetime.date, *, distinct: bool = False) -> dict[str, Any]:
        hit = self.hit(on) if self.hit else None
        aggregates: dict[str, Any] = {"rows": Count("pk", distinct=distinct)}
        if self.unit == PERCENT:
            aggregates["hits"] = Count("pk", distinct=distinct, filter=hit)
        if self.amount is not None:
            total = Avg if self.unit == AVERAGE else Sum
            aggregates["amount"] = total(self.amount(on), filter=hit)
        return aggregates

    def _figure(self, row: dict[str, Any]) -> Figure:
        if self.unit == PERCENT:
            return Figure(numerator=row["hits"], denominator=row["rows"])
        if self.unit == AVERAGE:
            value = _days(row.get("amount"))
            return Figure(numerator=row["rows"], value=round(value, 1) if value else value)
        if self.unit == MONEY:
            return Figure(numerator=row["rows"], value=(row.get("amount") or 0) / 100)
        return Figure(numerator=row["rows"])

    def _counted(self, scope: Scope) -> QuerySet[Any]:
        """The rows behind the numerator: for a percentage, those meeting the condition."""
        rows = self._rows(scope)
        if self.unit != PERCENT and self.hit is not None:
            rows = rows.filter(self.hit(scope.on))
        return rows

    def compute(self, scope: Scope) -> Figure:
        return self._figure(self._counted(scope).aggregate(**self._aggregates(scope.on)))

    def members(self, scope: Scope) -> QuerySet[Any]:
        rows = self._rows(scope)
        if self.hit is not None:
            rows = rows.filter(self.hit(scope.on))
        return rows.select_related(*self.related).order_by(*self.order_by)

    def exceptions(self, scope: Scope) -> QuerySet[Any]:
        assert self.hit is not None
        return (
            self._rows(scope)
            .exclude(self.hit(scope.on))
            .select_related(*self.related)
            .order_by(*self.order_by)
        )

    def _grouped(self, scope: Scope, by: str) -> dict[int, Figure]:
        on = scope.on
        rows = self._counted(scope).order_by()
        if by == WORKER:
            rows = rows.filter(_allocated_on(on, "young_person__"))
            key = "young_person__allocations__worker_id"
        else:
            key = "young_person__team_id"
        aggregates = self._aggregates(on, distinct=by == WORKER and self.amount is None)
        return {
            row[key]: self._figure(row)
            for row in rows.values(key).annotate(**aggregates)
            if row[key] is not None
        }

    def breakdown(self, scope: Scope) -> Breakdown:
        """Records are few beside young people, so three plain aggregations do."""
        return Breakdown(
            whole=self.compute(scope),
            teams=self._grouped(scope, TEAM),
            workers=self._grouped(scope, WORKER),
        )


def record_indicator(measure: RecordMeasure, **fields: Any) -> Indicator:
    return Indicator(
        compute=measure.compute,
        members=measure.members,
        exceptions=measure.exceptions if measure.unit == PERCENT else None,
        breakdown=measure.breakdown,
        members_kind=OTHER,
        unit=measure.unit,
        **fields,
    )
