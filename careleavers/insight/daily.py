"""Today's figures for the service, each team and each worker, counted once overnight.

Counting the service dashboard's 25 figures over every young person on each request took about
8 seconds at 100,000 young people, and every team dashboard counted its own. The nightly job
counts them all in one go (one aggregation per indicator for the service and every team
together, where the indicator has a breakdown) and the dashboards read the result: a page is
then a handful of small queries however large the council.

Counted the way the monthly snapshots are (every live young person, restricted records
included, numbers only), so "since last month" compares like with like. Workers' figures come
from the same passes, for the indicators that count every worker at once (a `breakdown`); their
other figures, and any figure the night's count missed (a new indicator, team or worker, or a
night the job did not run), are counted when the dashboard is opened.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import Team
from careleavers.insight.indicators import Figure, Indicator, all_indicators
from careleavers.insight.measures.base import TEAM
from careleavers.insight.models import DailyFigure

logger = logging.getLogger(__name__)

# Days of counts kept. The dashboards use the latest count up to this old, so a night or two
# without the job still shows figures (with their date) rather than counting live.
KEEP_DAYS = 7


@dataclass
class DailyResult:
    on: datetime.date
    written: int = 0
    failed: list[str] = field(default_factory=list)


def count_day(*, on: datetime.date, indicators: Iterable[Indicator] | None = None) -> DailyResult:
    """Count every indicator for the service and each team (and, where the indicator has a
    breakdown, each worker) as at `on`, replacing that day's figures. One indicator that fails
    is logged and reported; the others are still written."""
    # Imported here: snapshots reads selectors, which reads this module for the dashboards.
    from careleavers.insight.snapshots import figures_for

    result = DailyResult(on=on)
    teams = list(Team.objects.order_by("pk").values_list("pk", flat=True))
    computed_at = timezone.now()
    for indicator in list(indicators if indicators is not None else all_indicators()):
        try:
            # In a savepoint, so a failed query spoils only this indicator.
            with transaction.atomic():
                found = figures_for(
                    indicator, on=on, teams=teams, workers=[], fallback=frozenset({TEAM})
                )
        except Exception:  # the others are still written; the summary names the failure
            logger.exception("Daily count of %s for %s failed", indicator.key, on)
            result.failed.append(indicator.key)
            continue
        rows = [
            _row(on, indicator.key, kind, pk, figure, computed_at) for kind, pk, figure in found
        ]
        with transaction.atomic():
            # Derived figures, not records about anyone: replacing them is safe.
            DailyFigure.objects.filter(as_at=on, indicator_key=indicator.key).delete()
            DailyFigure.objects.bulk_create(rows, batch_size=1000)
        result.written += len(rows)
    DailyFigure.objects.filter(as_at__lte=on - datetime.timedelta(days=KEEP_DAYS)).delete()
    return result


def _row(
    on: datetime.date,
    key: str,
    kind: str,
    pk: int,
    figure: Figure,
    computed_at: datetime.datetime,
) -> DailyFigure:
    return DailyFigure(
        as_at=on,
        indicator_key=key,
        scope_kind=kind,
        scope_id=pk,
        numerator=figure.numerator,
        denominator=figure.denominator,
        value=figure.value,
        computed_at=computed_at,
    )


def run_daily_job(today: datetime.date) -> str:
    """The scheduled job: count today's figures (idempotent: a second run replaces them)."""
    result = count_day(on=today)
    summary = f"{result.written} figures counted for {today:%d %B %Y}"
    if result.failed:
        summary += f"; failed: {', '.join(result.failed)}"
    return summary + "."


@dataclass(frozen=True)
class Counted:
    figure: Figure
    as_at: datetime.date
    computed_at: datetime.datetime


def latest_counts(*, kind: str, scope_id: int, on: datetime.date) -> dict[str, Counted]:
    """Each indicator's latest overnight figure for the scope, counted no later than `on` and
    no more than KEEP_DAYS before it (1 query)."""
    rows = DailyFigure.objects.filter(
        scope_kind=kind,
        scope_id=scope_id,
        as_at__lte=on,
        as_at__gt=on - datetime.timedelta(days=KEEP_DAYS),
    ).order_by("indicator_key", "-as_at")
    found: dict[str, Counted] = {}
    for row in rows:
        found.setdefault(
            row.indicator_key,
            Counted(
                figure=Figure(
                    numerator=row.numerator, denominator=row.denominator, value=row.value
                ),
                as_at=row.as_at,
                computed_at=row.computed_at,
            ),
        )
    return found
