"""How a message reaches a young person: a text to their mobile, or, with none, an email to the
address they sign in with. Every message the service sends a young person about their own
record (an answer, an appointment) goes this way, so they all reach the same place."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from careleavers.people.models import YoungPerson
from careleavers.portal import notify, selectors
from careleavers.portal.models import PortalAccount


def mobile_and_email(young_person: YoungPerson) -> tuple[str, str]:
    """The mobile on their record (or the one they sign in with, once checked by a code), and
    the email address they sign in with; either may be empty."""
    account = (
        PortalAccount.objects.filter(young_person=young_person).select_related("user").first()
    )
    user = account.user if account is not None else None
    email = (user.email or "") if user is not None else ""
    phone = young_person.phone or (user.phone if user is not None and user.phone_verified else "")
    return phone, email


def personalisation_for(young_person: YoungPerson, **values: str) -> dict[str, str]:
    """What every such message may say: their name, the team's number, the service's names."""
    return {
        "first_name": young_person.preferred_name or young_person.first_name,
        "duty_phone": selectors.duty_phone_for(young_person),
        "service_name": str(settings.BRANDING["service_name"]),
        "council_name": str(settings.BRANDING["council_name"]),
        **values,
    }


def text_or_email(
    young_person: YoungPerson, template: str, personalisation: dict[str, Any], reference: str
) -> bool:
    """Send Notify template `<template>_sms` to their mobile, or `<template>_email` to their
    email with no mobile; False when there is neither. Raises `notify.NotifyError`."""
    phone, email = mobile_and_email(young_person)
    if phone:
        notify.send_sms(phone, notify.template_id(f"{template}_sms"), personalisation, reference)
    elif email:
        notify.send_email(
            email, notify.template_id(f"{template}_email"), personalisation, reference
        )
    else:
        return False
    return True
