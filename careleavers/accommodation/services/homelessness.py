"""A risk of homelessness: recorded (the manager is told at once) and ended with what happened."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accommodation.models import HomelessnessRisk, RiskReason
from careleavers.accommodation.services.manager_alerts import tell_manager_on_commit
from careleavers.accommodation.services.shared import (
    check_date,
    check_dated_entry,
    lock_young_person,
    save_change,
    today_or,
)
from careleavers.accounts.models import User
from careleavers.core.audit import create_audited
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson


def homelessness_risk_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    identified_on: datetime.date,
    reason: str,
    details: str = "",
    referred_to_housing_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> HomelessnessRisk:
    today = today_or(today)
    errors: dict[str, str] = {}
    check_date(
        errors,
        "identified_on",
        identified_on,
        today=today,
        not_before=young_person.date_of_birth,
        not_before_why="their date of birth",
    )
    check_date(errors, "referred_to_housing_on", referred_to_housing_on, today=today)
    if reason not in RiskReason.values:
        errors["reason"] = "Select why they are at risk of homelessness"
    elif reason == RiskReason.OTHER and not details.strip():
        errors["details"] = "Describe why they are at risk of homelessness"
    raise_if(errors)
    with transaction.atomic():
        locked = lock_young_person(young_person)
        if HomelessnessRisk.objects.filter(young_person=locked, ended_on__isnull=True).exists():
            raise ValidationError(
                {"reason": "A risk of homelessness is already open for them. End it first"}
            )
        risk = create_audited(
            HomelessnessRisk,
            acting_user=acting_user,
            young_person_id=locked.pk,
            detail={"reason": reason},
            young_person=locked,
            identified_on=identified_on,
            reason=reason,
            details=details.strip(),
            referred_to_housing_on=referred_to_housing_on,
        )
        tell_manager_on_commit(
            locked,
            kind="homelessness_risk",
            message=(
                f"{locked.display_name} is at risk of homelessness: "
                f"{risk.get_reason_display().lower()}."
            ),
            urgent=True,
        )
    return risk


def homelessness_risk_end(
    *,
    acting_user: User,
    risk: HomelessnessRisk,
    ended_on: datetime.date,
    outcome: str,
    today: datetime.date | None = None,
) -> HomelessnessRisk:
    check_dated_entry(
        today=today_or(today),
        date_field="ended_on",
        day=ended_on,
        not_before=risk.identified_on,
        not_before_why="when the risk was identified",
        text_field="outcome",
        text=outcome,
        text_missing="Enter what happened",
    )
    with transaction.atomic():
        locked = HomelessnessRisk.objects.select_for_update().get(pk=risk.pk)
        if locked.ended_on is not None:
            raise ValidationError({"ended_on": "This risk has already ended"})
        save_change(
            acting_user,
            locked,
            {"ended_on": ended_on, "outcome": outcome.strip()},
            ended_on=ended_on.isoformat(),
        )
    return locked
