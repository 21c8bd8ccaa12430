"""Indicators over education, employment and training: EET by age band (docs/data/indicators.md
N3 and P10) and PEPs completed on time."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, F, OuterRef, Q

from careleavers.core.dfe_codes import ACTIV_EET
from careleavers.insight.indicators import PERCENT, Indicator
from careleavers.insight.measures.base import (
    PeopleMeasure,
    RecordMeasure,
    care_leavers_aged,
    people_indicator,
    record_indicator,
)
from careleavers.insight.periods import twelve_months_before
from careleavers.learning.eet_rates import AGE_BANDS
from careleavers.learning.models import ActivityEpisode, PersonalEducationPlan


def _in_eet(on: datetime.date) -> Q:
    # An activity episode's `end` is its last day. Any EET episode on the day makes EET the
    # main activity (learning/activ.py ranks EET before NEET).
    episodes = ActivityEpisode.objects.filter(
        Q(end__isnull=True) | Q(end__gte=on),
        young_person=OuterRef("pk"),
        archived_at__isnull=True,
        start__lte=on,
        activ__in=sorted(ACTIV_EET),
    )
    return Q(Exists(episodes))


def _eet_indicator(band_index: int, order: int, **fields: Any) -> Indicator:
    band = AGE_BANDS[band_index]
    key = band.key.replace("-", "_")
    words = f"aged {band.youngest} to {band.oldest}"
    return people_indicator(
        PeopleMeasure(cohort=care_leavers_aged(band.youngest, band.oldest), hit=_in_eet),
        key=f"eet_{key}",
        title=f"In education, employment or training, {words}",
        area="learning_employment",
        numerator=f"Care leavers {words} in education, employment or training on the day "
        "(ACTIV F1, P1, F2, P2, F4, P4, F5 or P5).",
        denominator=f"Relevant and former relevant care leavers {words} on the day, including "
        "those with no activity recorded (as the DfE counts them).",
        source="Education, employment and training history (DfE ACTIV codes).",
        period="On the day.",
        order=order,
        **fields,
    )


EET_17_18 = _eet_indicator(
    0,
    200,
    benchmark_note="The DfE publishes this age group nationally only; no council "
    "figures are in the LAIT extract.",
)
EET_19_21 = _eet_indicator(
    1,
    210,
    benchmark_measure="CareLeaverEET",
    benchmark_note="The DfE figure counts activity around the 19th to 21st birthdays in the "
    "year to 31 March; ours is a snapshot on the day.",
)
EET_22_25 = _eet_indicator(
    2,
    220,
    benchmark_note="The DfE counts only those who asked for and received support; "
    "ours counts every former relevant care leaver of these ages.",
)


def _pep_rows(on: datetime.date) -> Q:
    return Q(due_on__gt=twelve_months_before(on), due_on__lte=on) & (
        Q(not_required_on__isnull=True) | Q(not_required_on__gt=on)
    )


def _pep_on_time(on: datetime.date) -> Q:
    return Q(completed_on__lte=F("due_on")) & Q(completed_on__lte=on)


PEPS_COMPLETED = record_indicator(
    RecordMeasure(
        model=PersonalEducationPlan,
        rows=_pep_rows,
        unit=PERCENT,
        hit=_pep_on_time,
        order_by=("due_on", "pk"),
    ),
    key="peps_completed",
    title="PEPs completed on time",
    area="learning_employment",
    numerator="Personal education plans completed on or before their due date.",
    denominator="Personal education plans that fell due in the 12 months up to the day, "
    "except those marked as not needed.",
    source="Personal education plans recorded in learning.",
    period="In the 12 months up to the day.",
    benchmark_note="No national comparator; the letter found completion below the council's "
    "target.",
    order=230,
)


INDICATORS = (EET_17_18, EET_19_21, EET_22_25, PEPS_COMPLETED)
