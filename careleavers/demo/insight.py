"""Demo data for insight: the council's targets, and 24 months of snapshots computed from the
demo's records as at each past month end.

The demo builder calls `seed` once per chunk of young people, but history must be counted
once, over everyone. So the first call schedules `fill_history` to run when the builder's
transaction commits (`transaction.on_commit`), and later calls see it is already scheduled.
`fill_history` can also be called directly, once, after every young person is written.

Cost: indicators with a `breakdown` take one pass a month for the service, every team and every
worker together; at 100,000 young people that is a few seconds a month on PostgreSQL. Indicators
without one are counted for the service each month, and for each team only in the latest month
of a council-sized demo (per team and per worker at benchmark sizes they would take tens of
thousands of queries; the monthly job does them from then on).
"""

from __future__ import annotations

import datetime
import logging
import random
from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from careleavers.accounts.models import Team
from careleavers.core.dates import add_months
from careleavers.insight import daily, snapshots
from careleavers.insight.indicators import all_indicators
from careleavers.insight.measures.base import TEAM
from careleavers.insight.models import Target
from careleavers.insight.periods import month_ends_before

HISTORY_MONTHS = 24
PER_TEAM_LIMIT = 50

# The demo council's targets (its own choices, as a council would set them), from two years ago.
DEMO_TARGETS: dict[str, tuple[str, str]] = {
    "recent_contact": ("95", "A contact with nearly everyone in the year."),
    "contacts_within_standard": ("90", "Our practice standard: seen every 8 weeks."),
    "pa_by_16_5": (
        "90",
        "Every young person should know their personal adviser by 16 and a half.",
    ),
    "worker_changes": ("10", "Young people told inspectors they dislike changes of worker."),
    "plans_in_date": ("95", "Every plan reviewed within 6 months."),
    "reviews_in_date": ("95", "Reviews on time, including those young people ask for."),
    "suitable_accommodation": ("92", "At or above our statistical neighbours."),
    "housing_over_target": ("20", "The housing protocol's timescales met for most."),
    "documents_at_18": ("90", "Important documents in hand by 18."),
    "eet_17_18": ("65", "The EET policy's target for 17 and 18 year olds."),
    "eet_19_21": ("60", "The EET policy's target for 19 to 21 year olds."),
    "eet_22_25": ("50", "The EET policy's target for 22 to 25 year olds."),
    "peps_completed": ("90", "The PEP completion target."),
    "referrals_over_target": ("25", "Agreed with adult services in the transitions protocol."),
}

logger = logging.getLogger(__name__)


class _FillHistory:
    """The on_commit callback, marked so a later chunk can see it is already scheduled."""

    insight_demo_history = True

    def __init__(self, today: datetime.date) -> None:
        self.today = today

    def __call__(self) -> None:
        fill_history(today=self.today)


def _scheduled() -> bool:
    return any(
        getattr(entry[1], "insight_demo_history", False) for entry in connection.run_on_commit
    )


def seed(
    *, rng: random.Random, today: datetime.date, young_people: list[Any], workers: list[Any]
) -> dict[str, int]:
    del rng, young_people, workers  # history is counted over everyone, once
    if not connection.in_atomic_block:
        # Without the builder's transaction there is no "after the last chunk"; call
        # fill_history directly instead.
        return {}
    if _scheduled():
        return {}
    transaction.on_commit(_FillHistory(today))
    return {"insight_history_months": HISTORY_MONTHS}


def set_targets(*, today: datetime.date) -> int:
    """The demo council's targets, in force from the start of the history."""
    start = add_months(today.replace(day=1), -HISTORY_MONTHS)
    known = {indicator.key for indicator in all_indicators()}
    targets = [
        Target(
            indicator_key=key,
            value=Decimal(value),
            effective_from=start,
            note=note,
        )
        for key, (value, note) in DEMO_TARGETS.items()
        if key in known and not Target.objects.filter(indicator_key=key).exists()
    ]
    Target.objects.bulk_create(targets)
    return len(targets)


def _analyze() -> None:
    """Refresh PostgreSQL's statistics after the bulk load, so it plans the history's queries
    with the real table sizes rather than empty ones."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def fill_history(*, today: datetime.date) -> dict[str, int]:
    """Targets, then snapshots for each of the 24 complete months before `today`, counted as
    at each month's end (months already written are left alone), then today's figures."""
    _analyze()
    counts = {"insight_targets": set_targets(today=today), "insight_snapshots": 0}
    ends = month_ends_before(today, HISTORY_MONTHS)
    chosen = list(all_indicators())
    # Indicators without a breakdown are counted team by team in the latest month only, and
    # only for a council-sized demo: at benchmark sizes that is thousands of queries.
    per_team = Team.objects.count() <= PER_TEAM_LIMIT
    for on in ends:
        latest = on == ends[-1]
        result = snapshots.write_month(
            on=on,
            # Indicators that cannot be counted as at an earlier date get only the latest month.
            indicators=[item for item in chosen if latest or item.as_at],
            fallback=frozenset({TEAM}) if latest and per_team else frozenset(),
        )
        counts["insight_snapshots"] += result.written
        if result.failed:
            logger.warning("Demo history for %s: %s failed", on, ", ".join(result.failed))
    # Today's figures, as the nightly job would have counted them, so the dashboards open fast.
    counts["insight_daily_figures"] = daily.count_day(on=today).written
    return counts
