"""Indicators over the local offer's records: important documents held at 18
(docs/data/indicators.md P7) and setting up home allowance spent (the letter: "carefully
monitored")."""

from __future__ import annotations

import datetime

from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact

from careleavers.insight.indicators import MONEY
from careleavers.insight.measures.base import (
    OPEN_CATEGORIES,
    PeopleMeasure,
    RecordMeasure,
    aged,
    open_care_leavers,
    people_indicator,
    record_indicator,
)
from careleavers.insight.measures.dates import day_start
from careleavers.insight.models import InsightPolicy
from careleavers.insight.periods import twelve_months_before
from careleavers.offer.models import (
    ImportantDocument,
    OfferExplained,
    PaymentRequest,
    PaymentType,
)

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


def _offer_explained_and_understood(on: datetime.date) -> Q:
    # The latest time in the 12 months up to the day that the offer was explained, and they
    # said they understood it (an earlier "yes" does not outweigh a later "partly").
    latest = (
        OfferExplained.objects.filter(
            young_person=OuterRef("pk"),
            explained_on__gt=twelve_months_before(on),
            explained_on__lte=on,
        )
        .order_by("-explained_on", "-pk")
        .values("understood")[:1]
    )
    # Coalesce: with no explanation the answer is "" (not NULL), so "not counted" lists them.
    return Q(
        Exact(Coalesce(Subquery(latest), Value("")), Value(OfferExplained.Understood.YES.value))
    )


OFFER_EXPLAINED = people_indicator(
    PeopleMeasure(cohort=open_care_leavers, hit=_offer_explained_and_understood),
    key="offer_explained",
    title="Local offer explained and understood",
    area="adulthood",
    numerator="Care leavers to whom a worker explained the local offer in the 12 months up to "
    "the day, and who said they understood it (the latest time it was explained).",
    denominator="Eligible, relevant and former relevant young people aged 16 to 24 on the day.",
    source="Records of the local offer being explained (local offer pages).",
    period="In the 12 months up to the day.",
    benchmark_note="No national comparator; Ofsted's letter found young people did not know "
    "their entitlements.",
    order=125,
)


INDICATORS = (DOCUMENTS_AT_18, OFFER_EXPLAINED, ALLOWANCE_SPEND)
