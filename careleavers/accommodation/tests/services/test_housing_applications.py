"""Housing applications, bids and offers (services/housing_applications.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careleavers.accommodation.models import HousingApplication, OfferDecision
from careleavers.accommodation.services import housing_applications as housing_services
from careleavers.accommodation.tests.factories import (
    HousingApplicationFactory,
    HousingOfferFactory,
    PriorityBandFactory,
    ProviderFactory,
)
from careleavers.core.tests.days import TODAY, days_ago

pytestmark = pytest.mark.django_db


def test_housing_an_applicant_takes_them_off_the_waiting_list(pa, young_person):
    application = housing_services.housing_application_add(
        acting_user=pa,
        young_person=young_person,
        provider=ProviderFactory(),
        band=PriorityBandFactory(),
        applied_on=days_ago(40),
    )
    assert application.is_waiting
    housing_services.housing_application_housed(
        acting_user=pa, application=application, housed_on=TODAY, housed_address="4 Home Road"
    )
    application.refresh_from_db()
    assert not application.is_waiting
    assert application.days_waited() == 40
    with pytest.raises(ValidationError):
        housing_services.housing_bid_add(
            acting_user=pa,
            application=application,
            placed_on=TODAY,
            property_description="1 bed flat",
        )


def _apply_today(pa, young_person, provider):
    return housing_services.housing_application_add(
        acting_user=pa,
        young_person=young_person,
        provider=provider,
        band=PriorityBandFactory(),
        applied_on=TODAY,
    )


def test_one_open_application_per_provider(pa, young_person):
    provider = ProviderFactory()
    HousingApplicationFactory(young_person=young_person, provider=provider)
    with pytest.raises(ValidationError) as error:
        _apply_today(pa, young_person, provider)
    assert "already have an open application" in error.value.message_dict["provider"][0]


def test_a_provider_that_takes_no_applications_is_refused(pa, young_person):
    provider = ProviderFactory(takes_housing_applications=False)
    with pytest.raises(ValidationError) as error:
        _apply_today(pa, young_person, provider)
    assert "provider" in error.value.message_dict


def test_a_refused_offer_always_has_its_reason(pa):
    offer = HousingOfferFactory()
    with pytest.raises(ValidationError) as error:
        housing_services.housing_offer_decide(
            acting_user=pa, offer=offer, decision=OfferDecision.REFUSED, decided_on=TODAY
        )
    assert "refusal_reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        housing_services.housing_offer_decide(
            acting_user=pa,
            offer=offer,
            decision=OfferDecision.REFUSED,
            decided_on=TODAY,
            refusal_reason="other",
        )
    assert "refusal_details" in error.value.message_dict
    decided = housing_services.housing_offer_decide(
        acting_user=pa,
        offer=offer,
        decision=OfferDecision.REFUSED,
        decided_on=TODAY,
        refusal_reason="location_unsafe",
        refusal_details="Near people who exploited her",
    )
    assert decided.get_refusal_reason_display() == "The area is not safe for them"
    with pytest.raises(ValidationError, match="already recorded"):
        housing_services.housing_offer_decide(
            acting_user=pa, offer=offer, decision=OfferDecision.ACCEPTED, decided_on=TODAY
        )
    offer.refresh_from_db()
    assert (offer.decision, offer.refusal_reason) == (OfferDecision.REFUSED, "location_unsafe")


def test_closing_an_application_needs_a_reason(pa):
    application = HousingApplicationFactory()
    with pytest.raises(ValidationError):
        housing_services.housing_application_close(
            acting_user=pa, application=application, closed_on=TODAY, closed_reason=" "
        )
    housing_services.housing_application_close(
        acting_user=pa, application=application, closed_on=TODAY, closed_reason="Withdrawn"
    )
    assert HousingApplication.objects.get().status == "Closed"
