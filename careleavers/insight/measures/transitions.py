"""Indicators over referrals to adult services: how many are waiting, how long, and how many
are past the service's target (the letter's long waits for mental health and adult social
care; transitions/waits.py has the same definitions)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q

from careleavers.insight.indicators import AVERAGE, PERCENT
from careleavers.insight.measures.base import RecordMeasure, days_since, record_indicator
from careleavers.transitions.models import Referral, Service


def _open_on(on: datetime.date) -> Q:
    """Referred by the day, and neither decided nor withdrawn by then."""
    return (
        Q(archived_at__isnull=True, referred_on__lte=on)
        & (Q(decided_on__isnull=True) | Q(decided_on__gt=on))
        & (Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on))
    )


def _over_target(on: datetime.date) -> Q:
    # transitions.waits.is_over_target: the wait so far is longer than the service's target.
    condition = Q(pk__in=[])
    for service_id, days in Service.objects.values_list("pk", "target_wait_days"):
        condition |= Q(service_id=service_id, referred_on__lt=on - datetime.timedelta(days=days))
    return condition


_REFERRALS: dict[str, Any] = {
    "model": Referral,
    "rows": _open_on,
    "order_by": ("referred_on", "pk"),
    "related": ("young_person", "young_person__team", "service"),
}

REFERRALS_WAITING = record_indicator(
    RecordMeasure(unit=AVERAGE, amount=lambda on: days_since(on, "referred_on"), **_REFERRALS),
    value_unit="days",
    key="referrals_waiting",
    title="Referrals to adult services waiting",
    area="health",
    numerator="Referrals to adult social care, mental health and other adult services still "
    "waiting for a decision on the day; the figure beside it is their average wait in days "
    "so far.",
    denominator="None: a count, with the average wait.",
    source="Referrals recorded in transitions.",
    period="On the day.",
    higher_is_better=False,
    benchmark_note="No national comparator.",
    order=300,
)

REFERRALS_OVER_TARGET = record_indicator(
    RecordMeasure(unit=PERCENT, hit=_over_target, **_REFERRALS),
    key="referrals_over_target",
    title="Referrals waiting longer than the service's target",
    area="health",
    numerator="Referrals waiting on the day for longer than the target wait set for their "
    "service.",
    denominator="Referrals waiting for a decision on the day.",
    source="Referrals recorded in transitions; the services' target waits.",
    period="On the day.",
    higher_is_better=False,
    benchmark_note="No national comparator.",
    order=310,
)


INDICATORS = (REFERRALS_WAITING, REFERRALS_OVER_TARGET)
