"""Factories for accommodation records. Other apps' tests may import these."""

from __future__ import annotations

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from careleavers.accommodation.models import (
    AccommodationStay,
    HomelessnessRisk,
    HousingApplication,
    HousingOffer,
    PriorityBand,
    Provider,
    ProviderKind,
    StayingClose,
    StayingCloseOutcome,
    StayingPut,
    SuitabilityAssessment,
    TasterFlat,
    TasterFlatBooking,
)
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory, YoungPersonRecordFactory


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Provider {n}")
    kind = ProviderKind.HOUSING_ASSOCIATION
    takes_housing_applications = True


class PriorityBandFactory(DjangoModelFactory):
    class Meta:
        model = PriorityBand
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n}")
    name = factory.LazyAttribute(lambda o: f"Band {o.code}")
    target_weeks = 16


class TasterFlatFactory(DjangoModelFactory):
    class Meta:
        model = TasterFlat
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Taster flat {n}")
    address = "1 Test Street\nBradford"


class StayFactory(YoungPersonRecordFactory):
    """A current council-provided semi-independent stay that started 60 days ago, not yet
    assessed."""

    class Meta:
        model = AccommodationStay

    accom_type = "D"
    address = "Flat 2, 10 Example Road\nBradford"
    postcode = "BD1 1AA"
    council_provided = True
    start = factory.LazyFunction(lambda: days_ago(60))
    end = None


class SuitabilityAssessmentFactory(DjangoModelFactory):
    """Every check met: suitable."""

    class Meta:
        model = SuitabilityAssessment

    stay = factory.SubFactory(StayFactory)
    assessed_on = factory.LazyAttribute(lambda o: o.stay.start)
    assessed_by = factory.SubFactory(UserFactory)
    suitable = True
    reason = "Every matter in Schedule 2 is met."

    facilities = repair = safety = location = support = tenancy = "met"
    affordability = views = rights = landlord = "met"


class HomelessnessRiskFactory(YoungPersonRecordFactory):
    class Meta:
        model = HomelessnessRisk

    identified_on = factory.LazyFunction(lambda: days_ago(10))
    reason = "notice"


class StayingPutFactory(YoungPersonRecordFactory):
    class Meta:
        model = StayingPut

    carers = "Pat and Sam Carter"
    start = factory.LazyFunction(lambda: days_ago(300))
    planned_end = factory.LazyFunction(lambda: days_ago(-300))
    weekly_allowance = Decimal("250.00")


class StayingCloseFactory(YoungPersonRecordFactory):
    class Meta:
        model = StayingClose

    assessed_on = factory.LazyFunction(lambda: days_ago(30))
    assessed_by = factory.SubFactory(UserFactory)
    needs = "Needs help keeping their tenancy."
    outcome = StayingCloseOutcome.SUPPORT_NEEDED
    support_areas = factory.LazyFunction(lambda: ["accommodation"])
    support = "Fortnightly visits from the Staying Close worker."
    next_review_on = factory.LazyFunction(lambda: days_ago(-60))


class HousingApplicationFactory(YoungPersonRecordFactory):
    class Meta:
        model = HousingApplication

    provider = factory.SubFactory(ProviderFactory)
    band = factory.SubFactory(PriorityBandFactory)
    applied_on = factory.LazyFunction(lambda: days_ago(100))


class HousingOfferFactory(DjangoModelFactory):
    class Meta:
        model = HousingOffer

    application = factory.SubFactory(HousingApplicationFactory)
    offered_on = factory.LazyFunction(lambda: days_ago(5))
    property_address = "3 Offer Lane\nBradford"


class TasterFlatBookingFactory(DjangoModelFactory):
    class Meta:
        model = TasterFlatBooking

    flat = factory.SubFactory(TasterFlatFactory)
    young_person = factory.SubFactory(YoungPersonFactory)
    starts_on = factory.LazyFunction(lambda: days_ago(3))
    ends_on = factory.LazyFunction(lambda: days_ago(-4))
