"""Housing applications: added, bid on, offers made and decided, and closed housed or not."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accommodation.models import (
    BidResult,
    HousingApplication,
    HousingBid,
    HousingOffer,
    OfferDecision,
    PriorityBand,
    Provider,
    RefusalReason,
)
from careleavers.accommodation.services.shared import (
    check_date,
    check_dated_entry,
    lock_young_person,
    save_change,
    today_or,
)
from careleavers.accounts.models import User
from careleavers.core.audit import create_audited, save_audited
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson


def housing_application_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    provider: Provider,
    band: PriorityBand,
    applied_on: datetime.date,
    reference: str = "",
    notes: str = "",
    today: datetime.date | None = None,
) -> HousingApplication:
    today = today_or(today)
    errors: dict[str, str] = {}
    if not (provider.is_active and provider.takes_housing_applications):
        errors["provider"] = "Select a housing provider that takes applications"
    if not band.is_active:
        errors["band"] = "Select a priority band in use"
    check_date(
        errors,
        "applied_on",
        applied_on,
        today=today,
        not_before=young_person.date_of_birth,
        not_before_why="their date of birth",
    )
    raise_if(errors)
    with transaction.atomic():
        locked = lock_young_person(young_person)
        if (
            HousingApplication.objects.live()
            .filter(
                young_person=locked,
                provider=provider,
                housed_on__isnull=True,
                closed_on__isnull=True,
            )
            .exists()
        ):
            raise ValidationError(
                {"provider": f"They already have an open application with {provider}"}
            )
        application = create_audited(
            HousingApplication,
            acting_user=acting_user,
            young_person_id=locked.pk,
            detail={"provider": provider.pk, "band": band.code},
            young_person=locked,
            provider=provider,
            band=band,
            applied_on=applied_on,
            reference=reference.strip(),
            notes=notes.strip(),
        )
    return application


def _lock_waiting_application(application: HousingApplication) -> HousingApplication:
    locked = HousingApplication.objects.select_for_update().get(pk=application.pk)
    if not locked.is_waiting:
        raise ValidationError(
            {"__all__": f"This application is {locked.status.lower()}: it cannot change now"}
        )
    return locked


def housing_bid_add(
    *,
    acting_user: User,
    application: HousingApplication,
    placed_on: datetime.date,
    property_description: str,
    property_reference: str = "",
    result: str = BidResult.PENDING,
    today: datetime.date | None = None,
) -> HousingBid:
    today = today_or(today)
    errors: dict[str, str] = {}
    check_date(
        errors,
        "placed_on",
        placed_on,
        today=today,
        not_before=application.applied_on,
        not_before_why="the day they applied",
    )
    if not property_description.strip():
        errors["property_description"] = "Describe the property they bid for"
    if result not in BidResult.values:
        errors["result"] = "Select the result of the bid"
    raise_if(errors)
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        bid = create_audited(
            HousingBid,
            acting_user=acting_user,
            young_person_id=locked.young_person_id,
            detail={"application": locked.pk, "result": result},
            application=locked,
            placed_on=placed_on,
            property_description=property_description.strip(),
            property_reference=property_reference.strip(),
            result=result,
        )
    return bid


def housing_offer_add(
    *,
    acting_user: User,
    application: HousingApplication,
    offered_on: datetime.date,
    property_address: str,
    today: datetime.date | None = None,
) -> HousingOffer:
    check_dated_entry(
        today=today_or(today),
        date_field="offered_on",
        day=offered_on,
        not_before=application.applied_on,
        not_before_why="the day they applied",
        text_field="property_address",
        text=property_address,
        text_missing="Enter the address of the property offered",
    )
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        offer = create_audited(
            HousingOffer,
            acting_user=acting_user,
            young_person_id=locked.young_person_id,
            detail={"application": locked.pk},
            application=locked,
            offered_on=offered_on,
            property_address=property_address.strip(),
        )
    return offer


def housing_offer_decide(
    *,
    acting_user: User,
    offer: HousingOffer,
    decision: str,
    decided_on: datetime.date,
    refusal_reason: str = "",
    refusal_details: str = "",
    today: datetime.date | None = None,
) -> HousingOffer:
    """Record whether an offer was accepted or refused; a refusal always has its reason."""
    today = today_or(today)
    errors: dict[str, str] = {}
    if decision not in (OfferDecision.ACCEPTED, OfferDecision.REFUSED, OfferDecision.WITHDRAWN):
        errors["decision"] = "Select what happened to the offer"
    check_date(
        errors,
        "decided_on",
        decided_on,
        today=today,
        not_before=offer.offered_on,
        not_before_why="the day of the offer",
    )
    if decision == OfferDecision.REFUSED:
        if refusal_reason not in RefusalReason.values:
            errors["refusal_reason"] = "Select why the offer was refused"
        elif refusal_reason == RefusalReason.OTHER and not refusal_details.strip():
            errors["refusal_details"] = "Describe why the offer was refused"
    raise_if(errors)
    with transaction.atomic():
        locked = (
            HousingOffer.objects.select_for_update(of=("self",))
            .select_related("application")
            .get(pk=offer.pk)
        )
        if locked.decision != OfferDecision.PENDING:
            raise ValidationError({"decision": "A decision on this offer is already recorded"})
        locked.decision = decision
        locked.decided_on = decided_on
        refused = decision == OfferDecision.REFUSED
        locked.refusal_reason = refusal_reason if refused else ""
        locked.refusal_details = refusal_details.strip() if refused else ""
        save_audited(
            locked,
            acting_user=acting_user,
            young_person_id=locked.application.young_person_id,
            detail={"decision": decision, "refusal_reason": locked.refusal_reason},
        )
    return locked


def housing_application_housed(
    *,
    acting_user: User,
    application: HousingApplication,
    housed_on: datetime.date,
    housed_address: str,
    today: datetime.date | None = None,
) -> HousingApplication:
    """Record that the young person has been housed: they leave the waiting list that day."""
    check_dated_entry(
        today=today_or(today),
        date_field="housed_on",
        day=housed_on,
        not_before=application.applied_on,
        not_before_why="the day they applied",
        text_field="housed_address",
        text=housed_address,
        text_missing="Enter the address of their new home",
    )
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        save_change(
            acting_user,
            locked,
            {"housed_on": housed_on, "housed_address": housed_address.strip()},
            housed_on=housed_on.isoformat(),
            days_waited=(housed_on - locked.applied_on).days,
        )
    return locked


def housing_application_close(
    *,
    acting_user: User,
    application: HousingApplication,
    closed_on: datetime.date,
    closed_reason: str,
    today: datetime.date | None = None,
) -> HousingApplication:
    """Close an application without a home (withdrawn, or removed from the register)."""
    check_dated_entry(
        today=today_or(today),
        date_field="closed_on",
        day=closed_on,
        not_before=application.applied_on,
        not_before_why="the day they applied",
        text_field="closed_reason",
        text=closed_reason,
        text_missing="Enter why the application closed",
    )
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        save_change(
            acting_user,
            locked,
            {"closed_on": closed_on, "closed_reason": closed_reason.strip()},
            closed_on=closed_on.isoformat(),
        )
    return locked
