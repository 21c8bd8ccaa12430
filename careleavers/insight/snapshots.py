"""Monthly snapshots: every indicator, for the service, each team and each worker, as at the
last day of a month.

A month is written once and then left alone, so trends show what leaders saw at the time even
after records are corrected. Figures for the service count every live young person (the job
has no viewer; restricted records are counted but never named: only numbers are kept). Teams
are the young people's teams now; a worker's caseload is the young people allocated to them on
the day.

Indicators that give a `breakdown` cost one pass a month for the service, every team and every
worker together. Others are computed once per team and per worker; `fallback` can turn that off
for the demo's history, which would otherwise take many thousands of queries at benchmark
sizes.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from careleavers.accounts.models import Team
from careleavers.casework.models import Allocation
from careleavers.core.dates import month_end, month_start
from careleavers.insight.allocations import allocated_on, staff_users
from careleavers.insight.indicators import Figure, Indicator, Scope, all_indicators
from careleavers.insight.measures.base import TEAM, WORKER, current_on
from careleavers.insight.models import IndicatorSnapshot, ScopeKind
from careleavers.insight.periods import previous_month_end
from careleavers.people.models import YoungPerson

logger = logging.getLogger(__name__)

ALL_SCOPES = frozenset({TEAM, WORKER})


@dataclass
class MonthResult:
    month: datetime.date
    written: int = 0
    skipped: list[str] = field(default_factory=list)  # already written
    failed: list[str] = field(default_factory=list)


def service_scope(on: datetime.date) -> Scope:
    return Scope(on=on, young_people=YoungPerson.objects.live(), staff=staff_users())


def _team_scope(on: datetime.date, team_id: int) -> Scope:
    return Scope(
        on=on,
        young_people=YoungPerson.objects.live().filter(team_id=team_id),
        staff=staff_users().filter(team_id=team_id),
        team_ids=frozenset({team_id}),
    )


def _worker_scope(on: datetime.date, worker_id: int, team_id: int | None) -> Scope:
    return Scope(
        on=on,
        young_people=YoungPerson.objects.live().filter(allocated_on(worker_id, on)),
        staff=staff_users().filter(pk=worker_id),
        team_ids=frozenset({team_id}) if team_id else None,
    )


def _workers_on(on: datetime.date) -> list[tuple[int, int | None]]:
    """Workers with anyone allocated to them on the day, with their team."""
    return list(
        Allocation.objects.filter(current_on(on))
        .order_by()
        .values_list("worker_id", "worker__team_id")
        .distinct()
    )


def figures_for(
    indicator: Indicator,
    *,
    on: datetime.date,
    teams: Sequence[int],
    workers: Sequence[tuple[int, int | None]],
    fallback: frozenset[str] = ALL_SCOPES,
) -> list[tuple[str, int, Figure]]:
    """(scope kind, scope id, figure) for the service, every team and every worker.

    An indicator without `breakdown` is computed once per team and per worker, for the kinds
    of scope in `fallback` only.
    """
    service = service_scope(on)
    if indicator.breakdown is not None:
        found = indicator.breakdown(service)
        return [
            (ScopeKind.SERVICE, 0, found.whole),
            *[(ScopeKind.TEAM, pk, figure) for pk, figure in found.teams.items()],
            *[(ScopeKind.WORKER, pk, figure) for pk, figure in found.workers.items()],
        ]
    figures: list[tuple[str, int, Figure]] = [(ScopeKind.SERVICE, 0, indicator.compute(service))]
    if TEAM in fallback:
        figures += [(ScopeKind.TEAM, pk, indicator.compute(_team_scope(on, pk))) for pk in teams]
    if WORKER in fallback:
        figures += [
            (ScopeKind.WORKER, pk, indicator.compute(_worker_scope(on, pk, team)))
            for pk, team in workers
        ]
    return figures


def write_month(
    *,
    on: datetime.date,
    replace: bool = False,
    fallback: frozenset[str] = ALL_SCOPES,
    indicators: Iterable[Indicator] | None = None,
) -> MonthResult:
    """Write the snapshots of `on`'s month, as at `on` (usually the month's last day).

    Indicators already written for the month are left alone unless `replace`. One indicator
    that fails is logged and reported, and the others are still written.
    """
    month = month_start(on)
    result = MonthResult(month=month)
    chosen = list(indicators if indicators is not None else all_indicators())
    done = set(
        IndicatorSnapshot.objects.filter(month=month, scope_kind=ScopeKind.SERVICE).values_list(
            "indicator_key", flat=True
        )
    )
    teams = (
        list(Team.objects.order_by("pk").values_list("pk", flat=True)) if TEAM in fallback else []
    )
    workers = _workers_on(on) if WORKER in fallback else []
    for indicator in chosen:
        if indicator.key in done and not replace:
            result.skipped.append(indicator.key)
            continue
        try:
            # In a savepoint, so a failed query spoils only this indicator.
            with transaction.atomic():
                found = figures_for(
                    indicator, on=on, teams=teams, workers=workers, fallback=fallback
                )
        except Exception:  # the others are still written; the summary names the failure
            logger.exception("Snapshot of %s for %s failed", indicator.key, month)
            result.failed.append(indicator.key)
            continue
        with transaction.atomic():
            # Snapshots are derived figures, not records about anyone: replacing them is safe.
            IndicatorSnapshot.objects.filter(month=month, indicator_key=indicator.key).delete()
            _insert(month=month, on=on, key=indicator.key, found=found)
        result.written += len(found)
    return result


def _insert(
    *, month: datetime.date, on: datetime.date, key: str, found: list[tuple[str, int, Figure]]
) -> None:
    """Write one indicator's figures for a month. A month at benchmark sizes is about 100,000
    rows (every worker and team), so PostgreSQL takes them by COPY; other databases by
    bulk inserts."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(IndicatorSnapshot._meta.db_table)
        columns = (
            "month, as_at, indicator_key, scope_kind, scope_id, numerator, denominator, value, "
            "computed_at"
        )
        now = timezone.now()
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for kind, pk, figure in found:
                copy.write_row(
                    (
                        month,
                        on,
                        key,
                        str(kind),
                        pk,
                        figure.numerator,
                        figure.denominator,
                        figure.value,
                        now,
                    )
                )
        return
    IndicatorSnapshot.objects.bulk_create(
        [
            IndicatorSnapshot(
                month=month,
                as_at=on,
                indicator_key=key,
                scope_kind=kind,
                scope_id=pk,
                numerator=figure.numerator,
                denominator=figure.denominator,
                value=figure.value,
            )
            for kind, pk, figure in found
        ],
        batch_size=2000,
    )


def months_due(today: datetime.date) -> list[datetime.date]:
    """The days to snapshot as at: the last month (if any indicator is missing for it) and,
    on the last day of a month, that month too."""
    keys = {indicator.key for indicator in all_indicators()}
    due = []
    candidates = [previous_month_end(today)]
    if today == month_end(today):
        candidates.append(today)
    for on in candidates:
        written = set(
            IndicatorSnapshot.objects.filter(
                month=month_start(on), scope_kind=ScopeKind.SERVICE
            ).values_list("indicator_key", flat=True)
        )
        if keys - written:
            due.append(on)
    return due


def run_monthly_job(today: datetime.date) -> str:
    """The scheduled job: idempotent, and it catches up a missed month end on its next run."""
    results = [write_month(on=on) for on in months_due(today)]
    if not results:
        return "Monthly indicator snapshots are up to date."
    parts = []
    for result in results:
        part = f"{result.month:%B %Y}: {result.written} figures written"
        if result.failed:
            part += f"; failed: {', '.join(result.failed)}"
        parts.append(part)
    return "; ".join(parts) + "."
