"""Staying Close assessments and reviews (services/staying_close.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careleavers.accommodation.models import StayingCloseOutcome
from careleavers.accommodation.services import staying_close as staying_close_services
from careleavers.accommodation.tests.factories import StayingCloseFactory
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _assess_today(pa, young_person, *, needs, outcome):
    return staying_close_services.staying_close_assess(
        acting_user=pa, young_person=young_person, assessed_on=TODAY, needs=needs, outcome=outcome
    )


def test_staying_close_needs_the_support_described_when_it_is_needed(pa, young_person):
    with pytest.raises(ValidationError) as error:
        _assess_today(pa, young_person, needs="Lonely", outcome=StayingCloseOutcome.SUPPORT_NEEDED)
    assert {"support_areas", "support", "next_review_on"} <= set(error.value.message_dict)
    assessment = _assess_today(
        pa, young_person, needs="Lonely", outcome=StayingCloseOutcome.NOT_NEEDED
    )
    assert assessment.ended_on == TODAY


def test_staying_close_is_for_under_25s(pa):
    young_person = YoungPersonFactory(date_of_birth=days_ago(365 * 25 + 30))
    with pytest.raises(ValidationError) as error:
        _assess_today(pa, young_person, needs="Housing", outcome=StayingCloseOutcome.NOT_NEEDED)
    assert "under 25" in error.value.message_dict["assessed_on"][0]


def test_a_staying_close_review_that_stops_support_ends_it(pa, young_person):
    staying_close = StayingCloseFactory(young_person=young_person, assessed_by=pa)
    staying_close_services.staying_close_review(
        acting_user=pa,
        staying_close=staying_close,
        reviewed_on=TODAY,
        notes="Settled now",
        continue_support=False,
    )
    staying_close.refresh_from_db()
    assert staying_close.ended_on == TODAY
    assert staying_close.next_review_on is None
