"""Taster flat bookings: a few nights in a practice flat, cancelled or with what they showed."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accommodation.models import (
    AccommodationPolicy,
    BookingOutcome,
    Skill,
    TasterFlat,
    TasterFlatBooking,
)
from careleavers.accommodation.services.shared import (
    save_change,
    today_or,
)
from careleavers.accounts.models import User
from careleavers.core.audit import create_audited
from careleavers.core.dates import format_date
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson


def taster_booking_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    flat: TasterFlat,
    starts_on: datetime.date,
    ends_on: datetime.date,
    purpose: str = "",
) -> TasterFlatBooking:
    """Book a taster flat. A flat holds one young person a night; leaving on the day the next
    person arrives is fine. Past stays can be recorded too."""
    policy = AccommodationPolicy.current()
    errors: dict[str, str] = {}
    if not flat.is_active:
        errors["flat"] = "Select a flat that is in use"
    if ends_on <= starts_on:
        errors["ends_on"] = "The day they leave must be after the day they arrive"
    elif (ends_on - starts_on).days > policy.taster_flat_max_nights:
        errors["ends_on"] = (
            f"A taster flat stay can be at most {policy.taster_flat_max_nights} nights"
        )
    if starts_on < young_person.date_of_birth:
        errors["starts_on"] = "The date must be after their date of birth"
    raise_if(errors)
    with transaction.atomic():
        # Lock the flat so two workers cannot book the same nights at once.
        TasterFlat.objects.select_for_update().get(pk=flat.pk)
        clashes = TasterFlatBooking.objects.live().filter(
            cancelled_on__isnull=True, starts_on__lt=ends_on, ends_on__gt=starts_on
        )
        taken = clashes.filter(flat=flat).order_by("starts_on").first()
        if taken is not None:
            raise ValidationError(
                {
                    "starts_on": f"{flat} is already booked from "
                    f"{format_date(taken.starts_on)} to {format_date(taken.ends_on)}. "
                    "Choose other dates or another flat"
                }
            )
        if clashes.filter(young_person=young_person).exists():
            raise ValidationError(
                {"starts_on": "They already have a taster flat booked on some of these nights"}
            )
        booking = create_audited(
            TasterFlatBooking,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"flat": flat.pk, "nights": (ends_on - starts_on).days},
            flat=flat,
            young_person=young_person,
            starts_on=starts_on,
            ends_on=ends_on,
            purpose=purpose.strip(),
        )
    return booking


def taster_booking_cancel(
    *,
    acting_user: User,
    booking: TasterFlatBooking,
    reason: str,
    today: datetime.date | None = None,
) -> TasterFlatBooking:
    today = today_or(today)
    if not reason.strip():
        raise ValidationError({"cancelled_reason": "Enter why the booking is cancelled"})
    with transaction.atomic():
        locked = TasterFlatBooking.objects.select_for_update().get(pk=booking.pk)
        if locked.cancelled_on is not None:
            raise ValidationError({"cancelled_reason": "This booking is already cancelled"})
        if locked.outcome:
            raise ValidationError(
                {"cancelled_reason": "The stay has an outcome recorded, so it cannot be cancelled"}
            )
        save_change(
            acting_user,
            locked,
            {"cancelled_on": today, "cancelled_reason": reason.strip()},
            cancelled=True,
        )
    return locked


def taster_booking_outcome(
    *,
    acting_user: User,
    booking: TasterFlatBooking,
    skills_practised: Sequence[str],
    outcome: str,
    outcome_notes: str = "",
    young_persons_views: str = "",
    today: datetime.date | None = None,
) -> TasterFlatBooking:
    """Record what a taster flat stay showed: the skills practised and how ready they are."""
    today = today_or(today)
    errors: dict[str, str] = {}
    if booking.starts_on > today:
        errors["outcome"] = "The stay has not started yet: record the outcome once it has"
    if outcome not in BookingOutcome.values:
        errors["outcome"] = errors.get("outcome") or "Select the outcome of the stay"
    if set(skills_practised) - set(Skill.values):
        errors["skills_practised"] = "Select the skills from the list"
    elif not skills_practised and outcome != BookingOutcome.DID_NOT_STAY:
        errors["skills_practised"] = "Select the skills they practised"
    raise_if(errors)
    with transaction.atomic():
        locked = TasterFlatBooking.objects.select_for_update().get(pk=booking.pk)
        if locked.cancelled_on is not None:
            raise ValidationError({"outcome": "This booking was cancelled"})
        save_change(
            acting_user,
            locked,
            {
                "skills_practised": list(skills_practised),
                "outcome": outcome,
                "outcome_notes": outcome_notes.strip(),
                "young_persons_views": young_persons_views.strip(),
            },
            outcome=outcome,
            skills=list(skills_practised),
        )
    return locked
