"""Indicators over accommodation: suitable accommodation, and the housing waiting list and its
waits (docs/data/indicators.md N2 and P14; the housing protocol's targets)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q

from careleavers.accommodation.models import (
    AccommodationStay,
    HousingApplication,
    PriorityBand,
    ProtocolTarget,
)
from careleavers.core import dfe_codes
from careleavers.insight.indicators import AVERAGE, PERCENT
from careleavers.insight.measures.base import (
    PeopleMeasure,
    RecordMeasure,
    care_leavers_aged,
    current_on,
    days_since,
    people_indicator,
    record_indicator,
)

# Suitability "will not usually be known" for these, so the DfE leaves them out of the
# denominator (docs/data/indicators.md N2): gone abroad, deported, residence not known.
SUITABILITY_NOT_KNOWN = ("G", "H", "R")


def _stays_on(on: datetime.date) -> object:
    return AccommodationStay.objects.filter(
        current_on(on), young_person=OuterRef("pk"), archived_at__isnull=True
    )


def _suitability_cohort(on: datetime.date) -> Q:
    unknown = _stays_on(on).filter(accom_type__in=SUITABILITY_NOT_KNOWN)  # type: ignore[attr-defined]
    return care_leavers_aged(16, 24)(on) & ~Q(Exists(unknown))


def _suitable(on: datetime.date) -> Q:
    # The stay's suitability decision counts from the day it was made; a stay not yet assessed
    # (or always unsuitable, S and X) is not counted as suitable.
    suitable = (
        _stays_on(on)  # type: ignore[attr-defined]
        .filter(suitable=True)
        .exclude(accom_type__in=dfe_codes.ACCOM_ALWAYS_UNSUITABLE)
        .filter(Q(suitability_assessed_on__isnull=True) | Q(suitability_assessed_on__lte=on))
    )
    return Q(Exists(suitable))


SUITABLE_ACCOMMODATION = people_indicator(
    PeopleMeasure(cohort=_suitability_cohort, hit=_suitable),
    key="suitable_accommodation",
    title="In suitable accommodation",
    area="adulthood",
    numerator="Care leavers whose accommodation on the day was assessed as suitable.",
    denominator="Relevant and former relevant care leavers aged 16 to 24 on the day, except "
    "those gone abroad, deported or whose residence is not known (as the DfE does). Those with "
    "no accommodation recorded stay in, so not known counts as not suitable.",
    source="Accommodation history and suitability decisions (Schedule 2 checks).",
    period="On the day.",
    benchmark_measure="CareLeaverAcc",
    benchmark_note="The DfE figure is for 19 to 21 year olds around their birthday in the "
    "year to 31 March; ours is a snapshot of all ages on the day.",
    order=100,
)


def _waiting(on: datetime.date) -> Q:
    return (
        Q(archived_at__isnull=True, applied_on__lte=on)
        & (Q(housed_on__isnull=True) | Q(housed_on__gt=on))
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=on))
    )


def _housing_over_target(on: datetime.date) -> Q:
    """Waiting longer than the housing protocol's target for the band (or for the band with
    that provider, where the protocol sets one)."""
    overrides: dict[int, dict[int, int]] = {}
    for band_id, provider_id, target_weeks in ProtocolTarget.objects.values_list(
        "band_id", "provider_id", "target_weeks"
    ):
        overrides.setdefault(band_id, {})[provider_id] = target_weeks
    condition = Q(pk__in=[])
    for band_id, weeks in PriorityBand.objects.values_list("pk", "target_weeks"):
        special = overrides.get(band_id, {})
        if weeks is not None:
            condition |= Q(
                band_id=band_id, applied_on__lt=on - datetime.timedelta(weeks=weeks)
            ) & ~Q(provider_id__in=list(special))
        for provider_id, provider_weeks in special.items():
            condition |= Q(
                band_id=band_id,
                provider_id=provider_id,
                applied_on__lt=on - datetime.timedelta(weeks=provider_weeks),
            )
    return condition


_HOUSING: dict[str, Any] = {
    "model": HousingApplication,
    "rows": _waiting,
    "order_by": ("applied_on", "pk"),
    "related": ("young_person", "young_person__team", "provider", "band"),
}

HOUSING_WAITING = record_indicator(
    RecordMeasure(unit=AVERAGE, amount=lambda on: days_since(on, "applied_on"), **_HOUSING),
    value_unit="days",
    key="housing_waiting",
    title="Waiting for a home",
    area="adulthood",
    numerator="Housing applications still waiting on the day (not housed, withdrawn or "
    "closed); the figure beside it is their average wait in days so far.",
    denominator="None: a count, with the average wait.",
    source="Housing applications recorded in accommodation.",
    period="On the day.",
    higher_is_better=False,
    benchmark_note="No national comparator.",
    order=110,
)

HOUSING_OVER_TARGET = record_indicator(
    RecordMeasure(unit=PERCENT, hit=_housing_over_target, **_HOUSING),
    key="housing_over_target",
    title="Waiting for a home longer than the protocol target",
    area="adulthood",
    numerator="Housing applications waiting on the day for longer than the housing protocol's "
    "target for their priority band (or band and provider).",
    denominator="Housing applications waiting on the day.",
    source="Housing applications; the protocol targets set by administrators.",
    period="On the day.",
    higher_is_better=False,
    benchmark_note="No national comparator.",
    order=115,
)


INDICATORS = (SUITABLE_ACCOMMODATION, HOUSING_WAITING, HOUSING_OVER_TARGET)
