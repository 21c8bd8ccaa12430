"""Booking taster flats, cancelling and recording the outcome (services/taster_flats.py)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from careleavers.accommodation.services import taster_flats as taster_flat_services
from careleavers.accommodation.tests.factories import TasterFlatBookingFactory, TasterFlatFactory
from careleavers.core.tests.days import TODAY, days_ago

pytestmark = pytest.mark.django_db


def _book(pa, young_person, flat, *, arriving_in, leaving_in):
    """Book `flat` from `arriving_in` days' time to `leaving_in` days' time."""
    return taster_flat_services.taster_booking_add(
        acting_user=pa,
        young_person=young_person,
        flat=flat,
        starts_on=days_ago(-arriving_in),
        ends_on=days_ago(-leaving_in),
    )


def test_a_flat_holds_one_young_person_a_night(pa, young_person):
    flat = TasterFlatFactory()
    TasterFlatBookingFactory(flat=flat, starts_on=days_ago(-10), ends_on=days_ago(-15))
    with pytest.raises(ValidationError) as error:
        _book(pa, young_person, flat, arriving_in=12, leaving_in=14)
    assert "already booked" in error.value.message_dict["starts_on"][0]
    # Arriving on the day the last person leaves is fine.
    booking = _book(pa, young_person, flat, arriving_in=15, leaving_in=18)
    assert booking.nights == 3


def test_a_cancelled_booking_frees_the_flat(pa, young_person):
    flat = TasterFlatFactory()
    other = TasterFlatBookingFactory(flat=flat, starts_on=days_ago(-10), ends_on=days_ago(-15))
    taster_flat_services.taster_booking_cancel(acting_user=pa, booking=other, reason="Unwell")
    booking = _book(pa, young_person, flat, arriving_in=10, leaving_in=12)
    booking.refresh_from_db()
    other.refresh_from_db()
    assert (booking.flat, booking.young_person, booking.cancelled_on) == (
        flat,
        young_person,
        None,
    )
    assert (booking.starts_on, booking.nights) == (days_ago(-10), 2)
    assert other.cancelled_on is not None


def test_a_stay_longer_than_the_policy_allows_is_refused(pa, young_person):
    with pytest.raises(ValidationError) as error:
        taster_flat_services.taster_booking_add(
            acting_user=pa,
            young_person=young_person,
            flat=TasterFlatFactory(),
            starts_on=TODAY,
            ends_on=TODAY + datetime.timedelta(days=29),
        )
    assert "at most 28 nights" in error.value.message_dict["ends_on"][0]


def test_the_outcome_records_skills_once_the_stay_has_started(pa, young_person):
    future = TasterFlatBookingFactory(
        young_person=young_person, starts_on=days_ago(-3), ends_on=days_ago(-5)
    )
    with pytest.raises(ValidationError) as error:
        taster_flat_services.taster_booking_outcome(
            acting_user=pa, booking=future, skills_practised=["cooking"], outcome="ready"
        )
    assert "not started yet" in error.value.message_dict["outcome"][0]
    past = TasterFlatBookingFactory(
        young_person=young_person, starts_on=days_ago(20), ends_on=days_ago(15)
    )
    done = taster_flat_services.taster_booking_outcome(
        acting_user=pa,
        booking=past,
        skills_practised=["cooking", "budgeting"],
        outcome="more_support",
    )
    assert done.skill_labels == ["Cooking", "Budgeting"]
