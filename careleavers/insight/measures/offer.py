"""Indicators over the local offer's records: important documents held at 18
(docs/data/indicators.md P7) and setting up home allowance spent (the letter: "carefully
monitored")."""

from __future__ import annotations

import datetime

from django.db.models import Exists, F, OuterRef, Q

from careleavers.insight.indicators import MONEY, register
from careleavers.insight.measures.base import (
    OPEN_CATEGORIES,
    PeopleMeasure,
    RecordMeasure,
    aged,
    people_indicator,
    record_indicator,
)
from careleavers.insight.measures.dates import day_start
from careleavers.insight.models import InsightPolicy
from careleavers.insight.periods import twelve_months_before
from careleavers.offer.models import ImportantDocument, PaymentRequest, PaymentType

HELD = (ImportantDocument.Status.HAVE, ImportantDocument.Status.NOT_NEEDED)


def _aged_18(on: datetime.date) -> Q:
    return Q(category__in=OPEN_CATEGORIES) & aged(on, 18, 18)


def _holds_all(on: datetime.date) -> Q:
    # A document counts from the date it was obtained; one marked held with no date counts.
    condition = Q()
    for kind in InsightPolicy.current().documents:
        held = ImportantDocument.objects.filter(
            Q(dated__isnull=True) | Q(dated__lte=on),
            young_person=OuterRef("pk"),
            kind=kind,
            status__in=HELD,
        )
        condition &= Q(Exists(held))
    return condition


DOCUMENTS_AT_18 = people_indicator(
    PeopleMeasure(cohort=_aged_18, hit=_holds_all),
    key="documents_at_18",
    title="Important documents held at 18",
    area="adulthood",
    numerator="Young people aged 18 who hold every key document: birth certificate, passport "
    "or other ID, National Insurance number and a bank account (the insight policy sets the "
    "list); a document marked not needed counts as held.",
    denominator="Eligible, relevant and former relevant young people aged 18 on the day.",
    source="The important documents checklist in the local offer.",
    period="On the day.",
    benchmark_note="No national comparator; Ofsted looks for important documents as young "
    "people move into adulthood.",
    order=120,
)


def _allowance_paid(on: datetime.date) -> Q:
    return Q(
        fund__payment_type=PaymentType.SETTING_UP_HOME,
        status__in=(PaymentRequest.Status.APPROVED, PaymentRequest.Status.PAID),
        decided_at__gte=day_start(twelve_months_before(on) + datetime.timedelta(days=1)),
        decided_at__lt=day_start(on + datetime.timedelta(days=1)),
    )


ALLOWANCE_SPEND = record_indicator(
    RecordMeasure(
        model=PaymentRequest,
        rows=_allowance_paid,
        unit=MONEY,
        amount=lambda on: F("amount_pence"),
        order_by=("-decided_at", "-pk"),
        related=("young_person", "young_person__team", "fund"),
    ),
    key="allowance_spend",
    title="Setting up home allowance spent",
    area="adulthood",
    numerator="Setting up home allowance payments approved (or paid) in the 12 months up to "
    "the day; the figure beside it is their total in pounds.",
    denominator="None: a count, with the total spent.",
    source="The money ledger in the local offer (payments by date of approval).",
    period="In the 12 months up to the day.",
    higher_is_better=None,
    benchmark_note="The DfE publishes total spending on leaving care support "
    "(LeaveCareSupServTotExp), which covers far more than this allowance, so it is not "
    "compared.",
    order=130,
)


def register_all() -> None:
    register(DOCUMENTS_AT_18)
    register(ALLOWANCE_SPEND)
