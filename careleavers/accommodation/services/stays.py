"""Where a young person lives or lived: recording a stay or a move (which tells the manager about
unsafe accommodation, makes the 7-day visit due and tells the other capabilities), ending a
stay, and the Schedule 2 suitability checks."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accommodation import suitability as rules
from careleavers.accommodation.figures import overlaps
from careleavers.accommodation.hooks import AccommodationMove, announce_move
from careleavers.accommodation.models import AccommodationStay, Provider, SuitabilityAssessment
from careleavers.accommodation.services.manager_alerts import tell_manager_on_commit
from careleavers.accommodation.services.shared import (
    check_date,
    check_dated_entry,
    lock_young_person,
    save_change,
    today_or,
)
from careleavers.accounts.models import User
from careleavers.core import dfe_codes
from careleavers.core.audit import create_audited, save_consequence
from careleavers.core.concurrency import refuse_if_stale
from careleavers.core.dates import format_date
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson

# How the manager's alert describes each type that sets one off.
ALERT_WORDS = {
    "W": "is in bed and breakfast",
    "V": "is in emergency accommodation",
    "S": "has no fixed abode (is homeless)",
}
# Types where an address is not expected: homeless, not known, abroad, deported, custody.
NO_ADDRESS_TYPES = frozenset({"S", "R", "G", "H", "X"})


@dataclass
class StayRecorded:
    stay: AccommodationStay
    is_move: bool
    manager_alerted: bool
    # What other capabilities said about the move ("a review is now due by ...").
    said: list[str] = field(default_factory=list)


def _stay_label(stay: AccommodationStay) -> str:
    where = stay.address.splitlines()[0] if stay.address.strip() else stay.get_accom_type_display()
    ended = format_date(stay.end) if stay.end else "now"
    return f"{where} ({format_date(stay.start)} to {ended})"


def stay_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    accom_type: str,
    start: datetime.date,
    address: str = "",
    postcode: str = "",
    provider: Provider | None = None,
    landlord: str = "",
    council_provided: bool = False,
    end: datetime.date | None = None,
    end_reason: str = "",
    today: datetime.date | None = None,
) -> StayRecorded:
    """Record where a young person lives or lived.

    A stay with no end is a move: it ends their current stay on the day they moved, tells the
    manager at once about bed and breakfast, emergency accommodation or homelessness, makes
    the 7-day visit due when the council provides the accommodation, and tells the other
    capabilities (a pathway plan review). A stay with an end fills in past history and must
    not overlap another stay.
    """
    today = today_or(today)
    errors: dict[str, str] = {}
    if not dfe_codes.is_valid(dfe_codes.ACCOM_TYPES, accom_type):
        errors["accom_type"] = "Select the type of accommodation"
    check_date(
        errors,
        "start",
        start,
        today=today,
        not_before=young_person.date_of_birth,
        not_before_why="their date of birth",
    )
    if end is not None:
        check_date(
            errors,
            "end",
            end,
            today=today,
            not_before=start,
            not_before_why="the day they moved in",
        )
    # SSDA903 rule 3001 and the DfE meaning of Z: former foster carers only from 18.
    if accom_type == rules.FORMER_FOSTER_CARERS and "start" not in errors:
        eighteenth = rules.birthday(
            young_person.date_of_birth, rules.FORMER_FOSTER_CARERS_FROM_AGE
        )
        if start < eighteenth:
            errors["accom_type"] = (
                "Living with former foster carers starts at 18. Before "
                f"{format_date(eighteenth)} they were still in foster care: record the care "
                "episode in their care history instead"
            )
    if accom_type not in NO_ADDRESS_TYPES and not address.strip():
        errors["address"] = "Enter the address"
    raise_if(errors)

    with transaction.atomic():
        locked = lock_young_person(young_person)
        existing = list(
            AccommodationStay.objects.live().select_for_update().filter(young_person=locked)
        )
        current = next((stay for stay in existing if stay.end is None), None)
        is_move = end is None
        if is_move:
            latest = max(existing, key=lambda stay: stay.start, default=None)
            if latest is not None and start <= latest.start:
                raise ValidationError(
                    {
                        "start": "The date they moved in must be after "
                        f"{format_date(latest.start)}, when their latest stay began"
                    }
                )
            for stay in existing:
                if stay.end is not None and stay.end > start:
                    raise ValidationError(
                        {
                            "start": "The date they moved in must be the same as or after "
                            f"{format_date(stay.end)}, when they left {_stay_label(stay)}"
                        }
                    )
        else:
            assert end is not None
            for stay in existing:
                stay_end = stay.end or datetime.date.max
                if overlaps(start, end, stay.start, stay_end):
                    raise ValidationError(
                        {"start": f"These dates overlap their stay at {_stay_label(stay)}"}
                    )

        previous_id = None
        if is_move and current is not None:
            current.end = start
            current.end_reason = current.end_reason or "Moved"
            save_consequence(current, acting_user=acting_user, changed=["end", "end_reason"])
            previous_id = current.pk

        always = rules.always_unsuitable_reason(accom_type)
        stay = create_audited(
            AccommodationStay,
            acting_user=acting_user,
            young_person_id=locked.pk,
            detail={
                "accom_type": accom_type,
                "council_provided": council_provided,
                "is_move": is_move,
                "ended_stay": previous_id,
            },
            young_person=locked,
            accom_type=accom_type,
            address=address.strip(),
            postcode=postcode.strip().upper(),
            provider=provider,
            landlord=landlord.strip(),
            council_provided=council_provided,
            start=start,
            end=end,
            end_reason=end_reason.strip(),
            suitable=False if always else None,
            suitability_reason=always or "",
        )
        result = StayRecorded(stay=stay, is_move=is_move, manager_alerted=False)
        if is_move:
            result.said = announce_move(
                acting_user=acting_user,
                young_person=locked,
                move=AccommodationMove(
                    young_person_id=locked.pk,
                    stay_id=stay.pk,
                    moved_on=start,
                    accom_type=accom_type,
                    council_provided=council_provided,
                    previous_stay_id=previous_id,
                ),
            )
        # Local practice (docs/law/accommodation-and-staying-put.md): B&B, emergency accommodation
        # and homelessness are escalated to the manager at once.
        if is_move and rules.alerts_manager(accom_type):
            where = ALERT_WORDS.get(accom_type, "moved")
            tell_manager_on_commit(
                locked,
                kind="accommodation_alert",
                message=(
                    f"{locked.display_name} {where} from {format_date(start)} "
                    f"(recorded by {acting_user.get_full_name() or acting_user.email}). "
                    "Check they are safe and plan a move to suitable accommodation."
                ),
                urgent=True,
            )
            result.manager_alerted = True
        # The 7-day visit: the contact standard reads council-provided starts (contact_due.py).
        # Last, so the visit due also reflects a review the listeners brought forward.
        _refresh_contact_due(locked, today)
        young_person.next_contact_due = locked.next_contact_due
        young_person.next_contact_rule = locked.next_contact_rule
    return result


def _refresh_contact_due(young_person: YoungPerson, today: datetime.date) -> None:
    from careleavers.casework.services import contact_due_refresh

    contact_due_refresh(young_person=young_person, today=today)


def stay_end(
    *,
    acting_user: User,
    stay: AccommodationStay,
    end: datetime.date,
    end_reason: str,
    expected_version: int | None = None,
    today: datetime.date | None = None,
) -> AccommodationStay:
    """Record that a young person has left their current accommodation, and why."""
    today = today_or(today)
    check_dated_entry(
        today=today,
        date_field="end",
        day=end,
        not_before=stay.start,
        not_before_why="the day they moved in",
        text_field="end_reason",
        text=end_reason,
        text_missing="Enter why they left",
    )
    with transaction.atomic():
        locked = AccommodationStay.objects.select_for_update().get(pk=stay.pk)
        refuse_if_stale(
            locked, version=expected_version, what="this stay", fields=("end", "end_reason")
        )
        if locked.end is not None:
            raise ValidationError({"end": "They have already left this accommodation"})
        save_change(
            acting_user,
            locked,
            {"end": end, "end_reason": end_reason.strip()},
            ended_on=end.isoformat(),
        )
        # Leaving council-provided accommodation ends the two-monthly statutory visit.
        _refresh_contact_due(locked.young_person, today)
    return locked


def suitability_assess(
    *,
    acting_user: User,
    stay: AccommodationStay,
    assessed_on: datetime.date,
    answers: Mapping[str, str],
    notes: Mapping[str, str] | None = None,
    young_persons_views: str = "",
    today: datetime.date | None = None,
) -> SuitabilityAssessment:
    """Record the Schedule 2 checks of a stay and judge it suitable or unsuitable.

    The latest assessment sets the stay's suitability. An unsuitable current stay is shown on
    the managers' list, and the manager is told.
    """
    today = today_or(today)
    notes = {key: (value or "").strip() for key, value in (notes or {}).items()}
    errors: dict[str, str] = {}
    check_date(
        errors,
        "assessed_on",
        assessed_on,
        today=today,
        not_before=stay.start,
        not_before_why="the day they moved in",
    )
    for check in rules.CHECKS:
        answer = answers.get(check.key)
        if answer not in rules.ANSWERS:
            errors[check.key] = f"Answer: {check.question[:1].lower()}{check.question[1:]}"
        elif answer == rules.NOT_APPLICABLE and not check.may_not_apply:
            errors[check.key] = "This always applies: answer yes or no"
        elif answer == rules.NOT_MET and not notes.get(check.key):
            errors[f"{check.key}_note"] = "Say what the problem is"
    raise_if(errors)
    decision = rules.decide_suitability(accom_type=stay.accom_type, answers=answers, notes=notes)

    with transaction.atomic():
        locked = (
            AccommodationStay.objects.select_for_update(of=("self",))
            .select_related("young_person__team")
            .get(pk=stay.pk)
        )
        check_fields: dict[str, str] = {}
        for check in rules.CHECKS:
            check_fields[check.key] = answers[check.key]
            check_fields[f"{check.key}_note"] = notes.get(check.key, "")
        assessment = create_audited(
            SuitabilityAssessment,
            acting_user=acting_user,
            young_person_id=locked.young_person_id,
            detail={
                "stay": locked.pk,
                "suitable": decision.suitable,
                "failed": list(decision.failed),
            },
            stay=locked,
            assessed_on=assessed_on,
            assessed_by=acting_user,
            young_persons_views=young_persons_views.strip(),
            suitable=decision.suitable,
            reason=decision.reason,
            **check_fields,
        )
        latest = (
            locked.suitability_assessed_on is None or assessed_on >= locked.suitability_assessed_on
        )
        if latest:
            locked.suitable = decision.suitable
            locked.suitability_reason = decision.reason
            locked.suitability_assessed_on = assessed_on
            save_consequence(
                locked,
                acting_user=acting_user,
                changed=["suitable", "suitability_reason", "suitability_assessed_on"],
            )
        if latest and locked.end is None and not decision.suitable:
            young_person = locked.young_person
            tell_manager_on_commit(
                young_person,
                kind="accommodation_unsuitable",
                message=(
                    f"{young_person.display_name}'s accommodation was judged unsuitable on "
                    f"{format_date(assessed_on)}: {decision.reason}"
                ),
                urgent=False,
            )
    return assessment
