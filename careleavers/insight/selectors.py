"""Reads for the dashboards, drill-downs, trends, targets, benchmarks and the pack.

Every scope starts from `people.selectors.young_people_visible_to(user=...)`, narrowed to a team
or a worker's caseload, so no figure or drill-down reaches a young person the viewer may not
see. A dashboard costs a fixed number of queries per indicator, whatever the number of young
people: each figure is one aggregation, and targets, last month's snapshots and benchmarks are
one query each for all indicators together.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from rules import has_perm

from careleavers.accounts.models import Team, User
from careleavers.casework.rules import managed_team_ids
from careleavers.core.dates import month_start
from careleavers.core.permissions import require
from careleavers.insight import benchmarks, daily
from careleavers.insight.allocations import allocated_on, staff_users
from careleavers.insight.indicators import Figure, Indicator, Scope, all_indicators
from careleavers.insight.models import (
    BenchmarkFigure,
    BenchmarkImport,
    IndicatorSnapshot,
    ScopeKind,
    StatisticalNeighbour,
    Target,
)
from careleavers.insight.periods import previous_month_end
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

logger = logging.getLogger(__name__)

# Bradford's DfE (old) LA code (docs/data/indicators.md); config/settings.py sets the council's.
DEFAULT_COUNCIL_LA_CODE = "380"


def council_la_code() -> str:
    return str(getattr(settings, "COUNCIL_LA_CODE", DEFAULT_COUNCIL_LA_CODE))


# Scopes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeView:
    """A dashboard's scope as the viewer may see it."""

    kind: str  # ScopeKind
    object_id: int  # 0 for the service
    label: str
    scope: Scope
    team: Team | None = None
    worker: User | None = None

    @property
    def key(self) -> str:
        return "service" if self.kind == ScopeKind.SERVICE else f"{self.kind}-{self.object_id}"


def service_scope(*, user: Any, on: datetime.date) -> ScopeView:
    require(user, "insight.view_service")
    return ScopeView(
        kind=ScopeKind.SERVICE,
        object_id=0,
        label="The whole service",
        scope=Scope(on=on, young_people=young_people_visible_to(user=user), staff=staff_users()),
    )


def team_scope(*, user: Any, team: Team, on: datetime.date) -> ScopeView:
    require(user, "insight.view_team", team)
    return ScopeView(
        kind=ScopeKind.TEAM,
        object_id=team.pk,
        label=team.name,
        scope=Scope(
            on=on,
            young_people=young_people_visible_to(user=user).filter(team_id=team.pk),
            staff=staff_users().filter(team_id=team.pk),
            team_ids=frozenset({team.pk}),
        ),
        team=team,
    )


def worker_scope(*, user: Any, worker: User, on: datetime.date) -> ScopeView:
    require(user, "insight.view_worker", worker)
    label = "Your caseload" if worker.pk == user.pk else f"{worker.get_full_name()}'s caseload"
    return ScopeView(
        kind=ScopeKind.WORKER,
        object_id=worker.pk,
        label=label,
        scope=Scope(
            on=on,
            young_people=young_people_visible_to(user=user).filter(allocated_on(worker.pk, on)),
            staff=staff_users().filter(pk=worker.pk),
            team_ids=frozenset({worker.team_id}) if worker.team_id else None,
        ),
        worker=worker,
    )


def scope_for(*, user: Any, key: str, on: datetime.date) -> ScopeView:
    """The scope named in a URL ("service", "team-3", "worker-7"); 404 if there is none,
    403 if the viewer may not see it."""
    if key == "service":
        return service_scope(user=user, on=on)
    kind, _, raw_id = key.partition("-")
    if not raw_id.isdigit():
        raise Http404("No such scope")
    if kind == ScopeKind.TEAM:
        team = Team.objects.select_related("manager").filter(pk=int(raw_id)).first()
        if team is None:
            raise Http404("No such team")
        return team_scope(user=user, team=team, on=on)
    if kind == ScopeKind.WORKER:
        worker = staff_users().select_related("team").filter(pk=int(raw_id)).first()
        if worker is None:
            raise Http404("No such worker")
        return worker_scope(user=user, worker=worker, on=on)
    raise Http404("No such scope")


def readable_teams(*, user: Any) -> QuerySet[Team]:
    """Teams whose dashboard the user may read, by name."""
    if has_perm("insight.view_service", user):
        return Team.objects.order_by("name")
    return Team.objects.filter(pk__in=managed_team_ids(user)).order_by("name")


def young_people_in_teams(team_ids: list[int]) -> dict[int, int]:
    """How many young people (not archived) each of these teams has (1 query): asked only for
    the teams a page shows, not for the hundreds of a national council."""
    return dict(
        YoungPerson.objects.filter(team_id__in=team_ids, archived_at__isnull=True)
        .order_by()
        .values("team_id")
        .annotate(count=Count("pk"))
        .values_list("team_id", "count")
    )


def indicator_or_404(key: str) -> Indicator:
    from careleavers.insight.indicators import indicator

    try:
        return indicator(key)
    except KeyError as error:
        raise Http404("No such indicator") from error


# Targets --------------------------------------------------------------------------------------


def targets_in_force(*, on: datetime.date) -> dict[str, Target]:
    """The target in force on the day for each indicator that has one (1 query)."""
    found: dict[str, Target] = {}
    for target in Target.objects.filter(effective_from__lte=on).order_by(
        "indicator_key", "-effective_from", "-id"
    ):
        found.setdefault(target.indicator_key, target)
    return found


def target_history(*, key: str) -> QuerySet[Target]:
    return Target.objects.filter(indicator_key=key).select_related("set_by")


def target_for(item: Indicator, target: Target | None) -> float | None:
    """The council's target in force, or else the one the indicator's own definition sets."""
    return item.built_in_target if target is None else float(target.value)


# Benchmarks -----------------------------------------------------------------------------------


def neighbours_of(la_number: str) -> list[StatisticalNeighbour]:
    return list(StatisticalNeighbour.objects.filter(la_number=la_number).order_by("rank"))


def _figures_to_compare(
    measures: list[str],
) -> tuple[str, list[str], list[benchmarks.FigureRow]]:
    """The council's code, its statistical neighbours' codes, and the published figures of
    `measures` that a comparison needs: England, the regions, the council and its neighbours
    (2 queries). One place, so the comparisons and the yearly series compare the same areas."""
    council = council_la_code()
    neighbour_codes = [row.neighbour_la_number for row in neighbours_of(council)]
    rows = [
        benchmarks.FigureRow(
            measure=row.measure,
            year=row.year,
            area=row.area,
            la_number=row.la_number,
            region=row.region,
            published=row.published,
            value=row.value,
        )
        for row in BenchmarkFigure.objects.filter(measure__in=measures).filter(
            Q(la_number__in=[benchmarks.ENGLAND_LA_NUMBER, council, *neighbour_codes])
            | Q(region="")
        )
    ]
    return council, neighbour_codes, rows


def comparisons(measures: Iterable[str]) -> dict[str, benchmarks.Comparison]:
    """The latest published comparison for each DfE measure (2 queries)."""
    wanted = sorted(set(measures))
    if not wanted:
        return {}
    council, neighbour_codes, rows = _figures_to_compare(wanted)
    found = {}
    for measure in wanted:
        comparison = benchmarks.compare(
            rows, measure=measure, council=council, neighbours=neighbour_codes
        )
        if comparison is not None:
            found[measure] = comparison
    return found


def comparison_for(
    indicator: Indicator, found: dict[str, benchmarks.Comparison]
) -> benchmarks.Comparison | None:
    if not indicator.benchmark_measure:
        return None
    comparison = found.get(indicator.benchmark_measure)
    if comparison is not None and indicator.benchmark_complement:
        return comparison.complement()
    return comparison


def benchmark_series(*, measure: str) -> list[dict[str, Any]]:
    """Every year's England, region, neighbours and council figures for a measure (2 queries)."""
    council, neighbour_codes, rows = _figures_to_compare([measure])
    series = []
    for year in sorted({row.year for row in rows}):
        comparison = benchmarks.compare(
            [row for row in rows if row.year == year],
            measure=measure,
            council=council,
            neighbours=neighbour_codes,
        )
        if comparison is not None:
            series.append({"year": year, "comparison": comparison})
    return series


def benchmark_imports() -> QuerySet[BenchmarkImport]:
    return BenchmarkImport.objects.select_related("created_by").annotate(
        figure_count=Count("figures", distinct=True),
        neighbour_count=Count("neighbours", distinct=True),
    )


def council_name() -> str:
    row = (
        BenchmarkFigure.objects.filter(la_number=council_la_code())
        .values_list("area", flat=True)
        .first()
    )
    return row or f"LA {council_la_code()}"


def neighbour_names() -> list[tuple[int, str, str]]:
    """The council's statistical neighbours: rank, name and closeness (2 queries)."""
    neighbours = neighbours_of(council_la_code())
    names = dict(
        BenchmarkFigure.objects.filter(
            la_number__in=[row.neighbour_la_number for row in neighbours]
        ).values_list("la_number", "area")
    )
    return [
        (row.rank, names.get(row.neighbour_la_number, row.neighbour_la_number), row.closeness)
        for row in neighbours
    ]


# Snapshots ------------------------------------------------------------------------------------


def snapshots_for(
    *, view: ScopeView, month: datetime.date, keys: Sequence[str] | None = None
) -> dict[str, IndicatorSnapshot]:
    rows = IndicatorSnapshot.objects.filter(
        month=month, scope_kind=view.kind, scope_id=view.object_id
    )
    if keys is not None:
        rows = rows.filter(indicator_key__in=keys)
    return {row.indicator_key: row for row in rows}


def trend(
    *, view: ScopeView, key: str, months: int, on: datetime.date
) -> list[tuple[datetime.date, IndicatorSnapshot | None]]:
    """The snapshots of the `months` complete months before `on`'s month, oldest first; None
    for a month with no snapshot (1 query)."""
    ends: list[datetime.date] = []
    end = previous_month_end(on)
    for _ in range(months):
        ends.append(month_start(end))
        end = previous_month_end(end)
    ends.reverse()
    found = {
        row.month: row
        for row in IndicatorSnapshot.objects.filter(
            indicator_key=key,
            scope_kind=view.kind,
            scope_id=view.object_id,
            month__gte=ends[0],
            month__lte=ends[-1],
        )
    }
    return [(month, found.get(month)) for month in ends]


# Dashboards -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardRow:
    indicator: Indicator
    on: datetime.date  # the day the figure is for
    figure: Figure | None  # None when the figure could not be computed
    target: Target | None
    previous: IndicatorSnapshot | None
    comparison: benchmarks.Comparison | None
    # When the figure was counted overnight (daily.py); None when it was counted just now.
    counted: daily.Counted | None = None


def safe_compute(item: Indicator, scope: Scope) -> Figure | None:
    """The figure, or None (logged) if the indicator fails: one broken indicator must not take
    a dashboard down. Inside a transaction the attempt runs in a savepoint, so a failed query
    does not spoil the rest of the request."""
    try:
        if connection.in_atomic_block:
            with transaction.atomic():
                return item.compute(scope)
        return item.compute(scope)
    except Exception:
        logger.exception("Indicator %s could not be computed", item.key)
        return None


def dashboard(
    *, view: ScopeView, indicators: Sequence[Indicator] | None = None
) -> list[DashboardRow]:
    """Every indicator for the scope, with its target, last month's snapshot and the latest DfE
    comparison. The service's and teams' figures come from the overnight count where there is
    one (daily.py); the rest are counted now."""
    chosen = list(indicators if indicators is not None else all_indicators())
    on = view.scope.on
    targets = targets_in_force(on=on)
    previous = snapshots_for(view=view, month=month_start(previous_month_end(on)))
    found = comparisons(item.benchmark_measure for item in chosen if item.benchmark_measure)
    counted = daily.latest_counts(kind=view.kind, scope_id=view.object_id, on=on)
    rows = []
    figures = [
        counted[item.key].figure if item.key in counted else safe_compute(item, view.scope)
        for item in chosen
    ]
    for item, figure in zip(chosen, figures, strict=True):
        rows.append(
            DashboardRow(
                indicator=item,
                on=on,
                figure=figure,
                target=targets.get(item.key),
                previous=previous.get(item.key),
                comparison=comparison_for(item, found),
                counted=counted.get(item.key),
            )
        )
    return rows


def _with_team(rows: QuerySet[Any]) -> QuerySet[Any]:
    # The lists show each young person's or worker's team; join it whoever defined the list.
    if rows.model in (YoungPerson, User):
        return rows.select_related("team")
    return rows


def members(*, view: ScopeView, indicator: Indicator) -> QuerySet[Any]:
    return _with_team(indicator.members(view.scope))


def exceptions(*, view: ScopeView, indicator: Indicator) -> QuerySet[Any] | None:
    if indicator.exceptions is None:
        return None
    return _with_team(indicator.exceptions(view.scope))


# The cohort -----------------------------------------------------------------------------------


def category_counts(*, young_people: QuerySet[YoungPerson]) -> dict[str, int]:
    return dict(
        young_people.order_by()
        .values_list("category")
        .annotate(n=Count("pk"))
        .values_list("category", "n")
    )
