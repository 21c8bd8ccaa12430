"""The registry of indicators: every figure a leader sees, with its definition.

Apps built after insight register the indicators their data answers from their own
`indicators.py` (loaded in their AppConfig.ready); the indicators over the earlier capabilities'
records are defined in insight itself. An indicator computes
its figure with SQL aggregation over a scope (the young people and staff a viewer may see, on a
date) and can list the rows behind its number: the drill-down. Its list always has exactly as many
rows as the figure's numerator, which the tests check for every registered indicator.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.text import slugify

from careleavers.core.registry import Registry

PERCENT = "percent"  # numerator / denominator, shown as a percentage
COUNT = "count"  # the numerator alone (denominator None)
AVERAGE = "average"  # `value` is a mean over the numerator's rows (e.g. days waiting)
MONEY = "money"  # `value` is an amount in pounds over the numerator's rows

YOUNG_PEOPLE = "young_people"
STAFF = "staff"
OTHER = "other"


@dataclass(frozen=True)
class Scope:
    """Whose figures. `young_people` is already limited to what the viewer may see (and to a team
    or a worker's caseload when a dashboard asks); `staff` likewise for workforce figures."""

    on: datetime.date
    young_people: QuerySet[Any]
    staff: QuerySet[Any]
    team_ids: frozenset[int] | None = None  # None: the whole service


@dataclass(frozen=True)
class Figure:
    numerator: int
    denominator: int | None = None
    value: float | None = None  # for AVERAGE and MONEY; None otherwise

    @property
    def rate(self) -> float | None:
        if self.denominator:
            return 100.0 * self.numerator / self.denominator
        return None


@dataclass(frozen=True)
class Breakdown:
    """A figure for the whole scope, and for each team and each worker in it, by id."""

    whole: Figure
    teams: dict[int, Figure]
    workers: dict[int, Figure]


@dataclass(frozen=True)
class Column:
    """One column of a drill-down list: its heading and how to read it from a row.

    `sort` names the database fields its heading sorts by (ascending; a leading "-" turns one
    round), so the list is sorted in the database, across pages and in the spreadsheet. A
    column worked out in Python has none, and its heading is not a sort link: sorting it would
    mean reading the whole list into memory. Labels are unique within a list: the heading's
    link names the column by its label (`key`).
    """

    label: str
    value: Callable[[Any], Any]
    sort: tuple[str, ...] = ()
    numeric: bool = False  # right-aligned, as GOV.UK tables set numbers

    @property
    def key(self) -> str:
        """The column's name in the query string: "days_waiting" for "Days waiting"."""
        return slugify(self.label).replace("-", "_")


@dataclass(frozen=True)
class Indicator:
    key: str  # stable slug: used in URLs, targets and monthly snapshots
    title: str
    area: str  # a key of core.practice_framework.JUDGEMENT_AREAS, or "leadership"
    numerator: str  # plain-English definitions shown on the indicator's page
    denominator: str
    source: str  # which records the figure is computed from
    unit: str
    compute: Callable[[Scope], Figure]
    # The rows behind the numerator (young people, staff or other records), in the order to list.
    members: Callable[[Scope], QuerySet[Any]]
    members_kind: str = YOUNG_PEOPLE
    higher_is_better: bool | None = True  # None where neither direction is good in itself
    benchmark_measure: str | None = None  # DfE measure key in data/dfe-benchmarks, if comparable
    order: int = 100
    # Optional, with defaults, so earlier registrations need no change.
    # The date basis in plain words, e.g. "On the day" or "In the 12 months up to the day".
    period: str = ""
    # True when `compute` honours an earlier `scope.on`, so history can be rebuilt from records
    # (the demo fills 24 months this way); False when it can only say how things stand now.
    as_at: bool = True
    # The scope's figure together with every team's and every worker's (young people allocated
    # on `scope.on`), in one pass: the monthly snapshots use it when it is given, instead of one
    # `compute` per team and per worker.
    breakdown: Callable[[Scope], Breakdown] | None = None
    # The rows in the denominator but not the numerator (overdue plans, say), to follow up.
    exceptions: Callable[[Scope], QuerySet[Any]] | None = None
    # Columns of the drill-down list; empty means the default columns for the kind of row. For
    # rows about a young person, the young person's name (a link to their record) and their
    # personal adviser come first on their own: declare the record's columns after them.
    columns: tuple[Column, ...] = ()
    # What an AVERAGE's value counts, shown after the number: "days", "young people".
    value_unit: str = ""
    # How the DfE figure compares with ours, shown beside the benchmark.
    benchmark_note: str = ""
    # True when the benchmark is 100 less the DfE figure (ours "in touch", theirs "not in touch").
    benchmark_complement: bool = False
    # True when the figure counts the calendar month up to the day (audits this month): until
    # the month ends it is a part month, shown "so far" and never judged against a whole month
    # or against a monthly target.
    month_to_date: bool = False
    # A target that is part of the figure's own definition (audits against the teams' monthly
    # targets: 100%), shown when the council has set no other.
    built_in_target: float | None = None

    def is_part_month(self, on: datetime.date) -> bool:
        """Whether the figure on `on` covers only part of its month."""
        return self.month_to_date and (on + datetime.timedelta(days=1)).day != 1


registered_indicators: Registry[Indicator] = Registry(
    "indicators", key=lambda item: item.key, order=lambda item: item.order
)


def all_indicators() -> list[Indicator]:
    return registered_indicators.items()


def indicator(key: str) -> Indicator:
    return registered_indicators.get(key)
