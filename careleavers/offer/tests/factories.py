"""Factories for the offer app's records."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from careleavers.offer.models import (
    CatalogueItem,
    CouncilTaxExemption,
    Fund,
    GroupActivity,
    GroupSession,
    OfferVersion,
    PaymentRequest,
    PaymentType,
)
from careleavers.people.tests.factories import YoungPersonRecordFactory


class OfferVersionFactory(DjangoModelFactory):
    class Meta:
        model = OfferVersion

    number = factory.Sequence(lambda n: 100 + n)


class CatalogueItemFactory(DjangoModelFactory):
    class Meta:
        model = CatalogueItem

    version = factory.SubFactory(OfferVersionFactory)
    key = factory.Sequence(lambda n: f"item_{n}")
    title = factory.Sequence(lambda n: f"Offer item {n}")
    area = "participation"
    summary = "Something useful."
    rule = factory.LazyFunction(dict)


class FundFactory(YoungPersonRecordFactory):
    class Meta:
        model = Fund

    payment_type = PaymentType.SETTING_UP_HOME
    entitlement_pence = 300_000


class PaymentRequestFactory(DjangoModelFactory):
    class Meta:
        model = PaymentRequest

    fund = factory.SubFactory(FundFactory)
    young_person = factory.SelfAttribute("fund.young_person")
    description = "A fridge freezer"
    amount_pence = 35_000


class CouncilTaxExemptionFactory(YoungPersonRecordFactory):
    class Meta:
        model = CouncilTaxExemption

    billing_authority = "Anytown Borough Council"


class GroupActivityFactory(DjangoModelFactory):
    class Meta:
        model = GroupActivity

    name = "Cook and eat"
    area = "participation"


class GroupSessionFactory(DjangoModelFactory):
    class Meta:
        model = GroupSession

    activity = factory.SubFactory(GroupActivityFactory)
    held_on = factory.Faker("past_date")
