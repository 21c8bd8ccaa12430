"""Accommodation writes: stays and suitability, risk of homelessness, Staying Put and Staying
Close, housing applications, and taster flat bookings.

Every service takes keyword arguments with the acting user first, runs in one transaction,
writes its AuditEvent in that transaction, and creates in-app notifications only after commit.
Bad input is refused with a `ValidationError` keyed by form field, and changes nothing.
Permissions are checked by the views (rules) before a service is called.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar, cast

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from careleavers.accommodation import suitability as rules
from careleavers.accommodation.figures import overlaps
from careleavers.accommodation.hooks import AccommodationMove, announce_move
from careleavers.accommodation.models import (
    AccommodationPolicy,
    AccommodationStay,
    BidResult,
    BookingOutcome,
    HomelessnessRisk,
    HousingApplication,
    HousingBid,
    HousingOffer,
    OfferDecision,
    PriorityBand,
    Provider,
    RefusalReason,
    RiskReason,
    Skill,
    StayingClose,
    StayingCloseOutcome,
    StayingCloseReview,
    StayingPut,
    SuitabilityAssessment,
    SupportArea,
    TasterFlat,
    TasterFlatBooking,
)
from careleavers.casework.services import notify_on_commit
from careleavers.core import dfe_codes
from careleavers.core.audit import audit_record
from careleavers.core.concurrency import refuse_if_stale
from careleavers.core.models import AuditEvent
from careleavers.people import category as category_engine
from careleavers.people.models import YoungPerson
from careleavers.people.services import category_facts_for

# How the manager's alert describes each type that sets one off.
ALERT_WORDS = {
    "W": "is in bed and breakfast",
    "V": "is in emergency accommodation",
    "S": "has no fixed abode (is homeless)",
}
# Types where an address is not expected: homeless, not known, abroad, deported, custody.
NO_ADDRESS_TYPES = frozenset({"S", "R", "G", "H", "X"})


def _format(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _today(today: datetime.date | None = None) -> datetime.date:
    return today or timezone.localdate()


def _check_date(
    errors: dict[str, str],
    name: str,
    day: datetime.date | None,
    *,
    today: datetime.date,
    not_before: datetime.date | None = None,
    not_before_why: str = "",
    future_ok: bool = False,
) -> None:
    if day is None:
        return
    if not future_ok and day > today:
        errors[name] = "The date must be today or in the past"
    elif not_before is not None and day < not_before:
        errors[name] = f"The date must be the same as or after {_format(not_before)}" + (
            f", {not_before_why}" if not_before_why else ""
        )


def _raise_if(errors: Mapping[str, str]) -> None:
    if errors:
        raise ValidationError(dict(errors))


def _lock_young_person(young_person: YoungPerson) -> YoungPerson:
    # "of self": PostgreSQL cannot lock the nullable side of the outer join to the team.
    return (
        YoungPerson.objects.select_for_update(of=("self",))
        .select_related("team")
        .get(pk=young_person.pk)
    )


ModelT = TypeVar("ModelT", bound=models.Model)


def _create(model: type[ModelT], **fields: Any) -> ModelT:
    return cast(ModelT, model._default_manager.create(**fields))


def _audit(
    acting_user: Any, action: str, subject: Any, young_person_id: int, **detail: Any
) -> None:
    audit_record(
        acting_user=acting_user,
        action=action,
        subject=subject,
        young_person_id=young_person_id,
        detail=detail,
    )


# Notifications to managers -----------------------------------------------------------------------


def manager_ids_for(young_person: YoungPerson) -> list[int]:
    """Who to tell about a young person's accommodation: their team's manager, or, with no team
    manager, every head of service (someone must always hear)."""
    from careleavers.accounts.models import User
    from careleavers.accounts.roles import Role

    team = young_person.team
    if team is not None and team.manager_id is not None:
        return [team.manager_id]
    return list(
        User.objects.filter(is_active=True, groups__name=Role.HEAD_OF_SERVICE)
        .values_list("pk", flat=True)
        .distinct()
    )


def history_url(young_person: YoungPerson) -> str:
    return reverse("accommodation:history", kwargs={"pk": young_person.pk})


# Stays -------------------------------------------------------------------------------------------


@dataclass
class StayRecorded:
    stay: AccommodationStay
    is_move: bool
    manager_alerted: bool
    # What other capabilities said about the move ("a review is now due by ...").
    said: list[str] = field(default_factory=list)


def _stay_label(stay: AccommodationStay) -> str:
    where = stay.address.splitlines()[0] if stay.address.strip() else stay.get_accom_type_display()
    ended = _format(stay.end) if stay.end else "now"
    return f"{where} ({_format(stay.start)} to {ended})"


def stay_record(
    *,
    acting_user: Any,
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
    today = _today(today)
    errors: dict[str, str] = {}
    if not dfe_codes.is_valid(dfe_codes.ACCOM_TYPES, accom_type):
        errors["accom_type"] = "Select the type of accommodation"
    _check_date(
        errors,
        "start",
        start,
        today=today,
        not_before=young_person.date_of_birth,
        not_before_why="their date of birth",
    )
    if end is not None:
        _check_date(
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
                f"{_format(eighteenth)} they were still in foster care: record the care episode "
                "in their care history instead"
            )
    if accom_type not in NO_ADDRESS_TYPES and not address.strip():
        errors["address"] = "Enter the address"
    _raise_if(errors)

    with transaction.atomic():
        locked = _lock_young_person(young_person)
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
                        f"{_format(latest.start)}, when their latest stay began"
                    }
                )
            for stay in existing:
                if stay.end is not None and stay.end > start:
                    raise ValidationError(
                        {
                            "start": "The date they moved in must be the same as or after "
                            f"{_format(stay.end)}, when they left {_stay_label(stay)}"
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
            current.version += 1
            current.modified_by = acting_user
            current.save(
                update_fields=["end", "end_reason", "version", "modified_by", "modified_at"]
            )
            previous_id = current.pk

        always = rules.always_unsuitable_reason(accom_type)
        stay = _create(
            AccommodationStay,
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
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            stay,
            locked.pk,
            accom_type=accom_type,
            council_provided=council_provided,
            is_move=is_move,
            ended_stay=previous_id,
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
            notify_on_commit(
                recipient_ids=manager_ids_for(locked),
                young_person_id=locked.pk,
                kind="accommodation_alert",
                message=(
                    f"{locked.display_name} {where} from {_format(start)} "
                    f"(recorded by {acting_user.get_full_name() or acting_user.email}). "
                    "Check they are safe and plan a move to suitable accommodation."
                ),
                link=history_url(locked),
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
    acting_user: Any,
    stay: AccommodationStay,
    end: datetime.date,
    end_reason: str,
    expected_version: int | None = None,
    today: datetime.date | None = None,
) -> AccommodationStay:
    """Record that a young person has left their current accommodation, and why."""
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "end",
        end,
        today=today,
        not_before=stay.start,
        not_before_why="the day they moved in",
    )
    if not end_reason.strip():
        errors["end_reason"] = "Enter why they left"
    _raise_if(errors)
    with transaction.atomic():
        locked = AccommodationStay.objects.select_for_update().get(pk=stay.pk)
        refuse_if_stale(
            locked, version=expected_version, what="this stay", fields=("end", "end_reason")
        )
        if locked.end is not None:
            raise ValidationError({"end": "They have already left this accommodation"})
        locked.end = end
        locked.end_reason = end_reason.strip()
        locked.version += 1
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.young_person_id,
            ended_on=end.isoformat(),
        )
        # Leaving council-provided accommodation ends the two-monthly statutory visit.
        _refresh_contact_due(locked.young_person, today)
    return locked


def suitability_assess(
    *,
    acting_user: Any,
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
    today = _today(today)
    notes = {key: (value or "").strip() for key, value in (notes or {}).items()}
    errors: dict[str, str] = {}
    _check_date(
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
    _raise_if(errors)
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
        assessment = _create(
            SuitabilityAssessment,
            stay=locked,
            assessed_on=assessed_on,
            assessed_by=acting_user,
            young_persons_views=young_persons_views.strip(),
            suitable=decision.suitable,
            reason=decision.reason,
            created_by=acting_user,
            modified_by=acting_user,
            **check_fields,
        )
        latest = (
            locked.suitability_assessed_on is None or assessed_on >= locked.suitability_assessed_on
        )
        if latest:
            locked.suitable = decision.suitable
            locked.suitability_reason = decision.reason
            locked.suitability_assessed_on = assessed_on
            locked.version += 1
            locked.modified_by = acting_user
            locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            assessment,
            locked.young_person_id,
            stay=locked.pk,
            suitable=decision.suitable,
            failed=list(decision.failed),
        )
        if latest and locked.end is None and not decision.suitable:
            young_person = locked.young_person
            notify_on_commit(
                recipient_ids=manager_ids_for(young_person),
                young_person_id=young_person.pk,
                kind="accommodation_unsuitable",
                message=(
                    f"{young_person.display_name}'s accommodation was judged unsuitable on "
                    f"{_format(assessed_on)}: {decision.reason}"
                ),
                link=history_url(young_person),
                urgent=False,
            )
    return assessment


# Risk of homelessness ----------------------------------------------------------------------------


def homelessness_risk_record(
    *,
    acting_user: Any,
    young_person: YoungPerson,
    identified_on: datetime.date,
    reason: str,
    details: str = "",
    referred_to_housing_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> HomelessnessRisk:
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "identified_on",
        identified_on,
        today=today,
        not_before=young_person.date_of_birth,
        not_before_why="their date of birth",
    )
    _check_date(errors, "referred_to_housing_on", referred_to_housing_on, today=today)
    if reason not in RiskReason.values:
        errors["reason"] = "Select why they are at risk of homelessness"
    elif reason == RiskReason.OTHER and not details.strip():
        errors["details"] = "Describe why they are at risk of homelessness"
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_young_person(young_person)
        if HomelessnessRisk.objects.filter(young_person=locked, ended_on__isnull=True).exists():
            raise ValidationError(
                {"reason": "A risk of homelessness is already open for them. End it first"}
            )
        risk = _create(
            HomelessnessRisk,
            young_person=locked,
            identified_on=identified_on,
            reason=reason,
            details=details.strip(),
            referred_to_housing_on=referred_to_housing_on,
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(acting_user, AuditEvent.Action.CREATE, risk, locked.pk, reason=reason)
        notify_on_commit(
            recipient_ids=manager_ids_for(locked),
            young_person_id=locked.pk,
            kind="homelessness_risk",
            message=(
                f"{locked.display_name} is at risk of homelessness: "
                f"{risk.get_reason_display().lower()}."
            ),
            link=history_url(locked),
            urgent=True,
        )
    return risk


def homelessness_risk_end(
    *,
    acting_user: Any,
    risk: HomelessnessRisk,
    ended_on: datetime.date,
    outcome: str,
    today: datetime.date | None = None,
) -> HomelessnessRisk:
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "ended_on",
        ended_on,
        today=today,
        not_before=risk.identified_on,
        not_before_why="when the risk was identified",
    )
    if not outcome.strip():
        errors["outcome"] = "Enter what happened"
    _raise_if(errors)
    with transaction.atomic():
        locked = HomelessnessRisk.objects.select_for_update().get(pk=risk.pk)
        if locked.ended_on is not None:
            raise ValidationError({"ended_on": "This risk has already ended"})
        locked.ended_on = ended_on
        locked.outcome = outcome.strip()
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.young_person_id,
            ended_on=ended_on.isoformat(),
        )
    return locked


# Staying Put and Staying Close -------------------------------------------------------------------


def staying_put_start(
    *,
    acting_user: Any,
    young_person: YoungPerson,
    carers: str,
    start: datetime.date,
    weekly_allowance: Decimal,
    planned_end: datetime.date | None = None,
    fostering_service: str = "",
    young_person_weekly_contribution: Decimal | None = None,
    notes: str = "",
    today: datetime.date | None = None,
) -> StayingPut:
    """Record a Staying Put arrangement with former foster carers (Children Act 1989 s.23CZA)."""
    today = _today(today)
    born = young_person.date_of_birth
    eighteenth = rules.birthday(born, rules.STAYING_PUT_FROM_AGE)
    last_day = rules.staying_put_ends_by(born)
    planned_end = planned_end or last_day
    errors: dict[str, str] = {}
    if not carers.strip():
        errors["carers"] = "Enter the names of their former foster carers"
    # CA 1989 s.23CZA: the arrangement follows foster care at 18 and lasts until 21.
    _check_date(
        errors,
        "start",
        start,
        today=today,
        future_ok=True,
        not_before=eighteenth,
        not_before_why="their 18th birthday (before then they are in foster care)",
    )
    if "start" not in errors and start > last_day:
        errors["start"] = f"Staying Put ends at 21: the start must be before {_format(last_day)}"
    if planned_end > last_day:
        errors["planned_end"] = (
            f"Staying Put can last until their 21st birthday: the end must be {_format(last_day)} "
            "or earlier"
        )
    elif planned_end <= start:
        errors["planned_end"] = "The planned end must be after the start"
    if weekly_allowance < 0:
        errors["weekly_allowance"] = "The allowance must be £0 or more"
    if young_person_weekly_contribution is not None and young_person_weekly_contribution < 0:
        errors["young_person_weekly_contribution"] = "The contribution must be £0 or more"
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_young_person(young_person)
        # CA 1989 s.23CZA(2): for a former relevant child by virtue of s.23C(1)(b) (looked after,
        # as an eligible child, when they turned 18) living on with their local authority foster
        # parent of immediately before care ended (docs/law/accommodation-and-staying-put.md).
        check = category_engine.staying_put_check(category_facts_for(locked), today)
        if not check.allowed:
            raise ValidationError(check.reason)
        if StayingPut.objects.live().filter(young_person=locked, end__isnull=True).exists():
            raise ValidationError(
                {"carers": "They already have a Staying Put arrangement. End it first"}
            )
        arrangement = _create(
            StayingPut,
            young_person=locked,
            carers=carers.strip(),
            fostering_service=fostering_service.strip(),
            start=start,
            planned_end=planned_end,
            weekly_allowance=weekly_allowance,
            young_person_weekly_contribution=young_person_weekly_contribution,
            notes=notes.strip(),
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            arrangement,
            locked.pk,
            weekly_allowance=str(weekly_allowance),
        )
    return arrangement


def staying_put_end(
    *,
    acting_user: Any,
    arrangement: StayingPut,
    end: datetime.date,
    end_reason: str,
    today: datetime.date | None = None,
) -> StayingPut:
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "end",
        end,
        today=today,
        not_before=arrangement.start,
        not_before_why="when it started",
    )
    if not end_reason.strip():
        errors["end_reason"] = "Enter why it ended"
    _raise_if(errors)
    with transaction.atomic():
        locked = StayingPut.objects.select_for_update().get(pk=arrangement.pk)
        if locked.end is not None:
            raise ValidationError({"end": "This arrangement has already ended"})
        locked.end = end
        locked.end_reason = end_reason.strip()
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.young_person_id,
            ended_on=end.isoformat(),
        )
    return locked


def staying_close_assess(
    *,
    acting_user: Any,
    young_person: YoungPerson,
    assessed_on: datetime.date,
    needs: str,
    outcome: str,
    support_areas: Sequence[str] = (),
    support: str = "",
    next_review_on: datetime.date | None = None,
    young_persons_views: str = "",
    today: datetime.date | None = None,
) -> StayingClose:
    """Record a Staying Close assessment (Children Act 1989 s.23CZAA, to 25) and its outcome."""
    today = _today(today)
    born = young_person.date_of_birth
    last_day = rules.staying_close_ends_by(born)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "assessed_on",
        assessed_on,
        today=today,
        not_before=rules.birthday(born, rules.STAYING_CLOSE_FROM_AGE),
        not_before_why="their 18th birthday",
    )
    if "assessed_on" not in errors and assessed_on > last_day:
        errors["assessed_on"] = "Staying Close is for young people under 25"
    if not needs.strip():
        errors["needs"] = "Enter what the assessment found"
    if outcome not in StayingCloseOutcome.values:
        errors["outcome"] = "Select the outcome of the assessment"
    unknown = set(support_areas) - set(SupportArea.values)
    if unknown:
        errors["support_areas"] = "Select the areas of support from the list"
    if outcome == StayingCloseOutcome.SUPPORT_NEEDED:
        if not support_areas:
            errors["support_areas"] = "Select what the support will help with"
        if not support.strip():
            errors["support"] = "Enter the support to be given"
        if next_review_on is None:
            errors["next_review_on"] = "Enter when the support will be reviewed"
    if next_review_on is not None and "next_review_on" not in errors:
        if next_review_on <= assessed_on:
            errors["next_review_on"] = "The review must be after the assessment"
        elif next_review_on > last_day:
            errors["next_review_on"] = (
                f"Staying Close ends at 25: the review must be by {_format(last_day)}"
            )
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_young_person(young_person)
        assessment = _create(
            StayingClose,
            young_person=locked,
            assessed_on=assessed_on,
            assessed_by=acting_user,
            needs=needs.strip(),
            young_persons_views=young_persons_views.strip(),
            outcome=outcome,
            support_areas=list(support_areas),
            support=support.strip(),
            next_review_on=next_review_on
            if outcome == StayingCloseOutcome.SUPPORT_NEEDED
            else None,
            ended_on=None if outcome == StayingCloseOutcome.SUPPORT_NEEDED else assessed_on,
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(acting_user, AuditEvent.Action.CREATE, assessment, locked.pk, outcome=outcome)
    return assessment


def staying_close_review(
    *,
    acting_user: Any,
    staying_close: StayingClose,
    reviewed_on: datetime.date,
    notes: str,
    continue_support: bool,
    next_review_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> StayingCloseReview:
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "reviewed_on",
        reviewed_on,
        today=today,
        not_before=staying_close.assessed_on,
        not_before_why="the assessment",
    )
    if not notes.strip():
        errors["notes"] = "Enter what was reviewed and agreed"
    last_day = rules.staying_close_ends_by(staying_close.young_person.date_of_birth)
    if continue_support:
        if next_review_on is None:
            errors["next_review_on"] = "Enter when the support will next be reviewed"
        elif next_review_on <= reviewed_on:
            errors["next_review_on"] = "The next review must be after this one"
        elif next_review_on > last_day:
            errors["next_review_on"] = (
                f"Staying Close ends at 25: the review must be by {_format(last_day)}"
            )
    _raise_if(errors)
    with transaction.atomic():
        locked = StayingClose.objects.select_for_update().get(pk=staying_close.pk)
        if locked.ended_on is not None:
            raise ValidationError({"notes": "This Staying Close support has ended"})
        review = _create(
            StayingCloseReview,
            staying_close=locked,
            reviewed_on=reviewed_on,
            reviewed_by=acting_user,
            notes=notes.strip(),
            continue_support=continue_support,
            next_review_on=next_review_on if continue_support else None,
            created_by=acting_user,
            modified_by=acting_user,
        )
        locked.next_review_on = next_review_on if continue_support else None
        if not continue_support:
            locked.ended_on = reviewed_on
            locked.end_reason = notes.strip()
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            review,
            locked.young_person_id,
            continue_support=continue_support,
        )
    return review


# Housing applications ----------------------------------------------------------------------------


def housing_application_add(
    *,
    acting_user: Any,
    young_person: YoungPerson,
    provider: Provider,
    band: PriorityBand,
    applied_on: datetime.date,
    reference: str = "",
    notes: str = "",
    today: datetime.date | None = None,
) -> HousingApplication:
    today = _today(today)
    errors: dict[str, str] = {}
    if not (provider.is_active and provider.takes_housing_applications):
        errors["provider"] = "Select a housing provider that takes applications"
    if not band.is_active:
        errors["band"] = "Select a priority band in use"
    _check_date(
        errors,
        "applied_on",
        applied_on,
        today=today,
        not_before=young_person.date_of_birth,
        not_before_why="their date of birth",
    )
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_young_person(young_person)
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
        application = _create(
            HousingApplication,
            young_person=locked,
            provider=provider,
            band=band,
            applied_on=applied_on,
            reference=reference.strip(),
            notes=notes.strip(),
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            application,
            locked.pk,
            provider=provider.pk,
            band=band.code,
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
    acting_user: Any,
    application: HousingApplication,
    placed_on: datetime.date,
    property_description: str,
    property_reference: str = "",
    result: str = BidResult.PENDING,
    today: datetime.date | None = None,
) -> HousingBid:
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
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
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        bid = _create(
            HousingBid,
            application=locked,
            placed_on=placed_on,
            property_description=property_description.strip(),
            property_reference=property_reference.strip(),
            result=result,
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            bid,
            locked.young_person_id,
            application=locked.pk,
            result=result,
        )
    return bid


def housing_offer_add(
    *,
    acting_user: Any,
    application: HousingApplication,
    offered_on: datetime.date,
    property_address: str,
    today: datetime.date | None = None,
) -> HousingOffer:
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "offered_on",
        offered_on,
        today=today,
        not_before=application.applied_on,
        not_before_why="the day they applied",
    )
    if not property_address.strip():
        errors["property_address"] = "Enter the address of the property offered"
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        offer = _create(
            HousingOffer,
            application=locked,
            offered_on=offered_on,
            property_address=property_address.strip(),
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            offer,
            locked.young_person_id,
            application=locked.pk,
        )
    return offer


def housing_offer_decide(
    *,
    acting_user: Any,
    offer: HousingOffer,
    decision: str,
    decided_on: datetime.date,
    refusal_reason: str = "",
    refusal_details: str = "",
    today: datetime.date | None = None,
) -> HousingOffer:
    """Record whether an offer was accepted or refused; a refusal always has its reason."""
    today = _today(today)
    errors: dict[str, str] = {}
    if decision not in (OfferDecision.ACCEPTED, OfferDecision.REFUSED, OfferDecision.WITHDRAWN):
        errors["decision"] = "Select what happened to the offer"
    _check_date(
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
    _raise_if(errors)
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
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.application.young_person_id,
            decision=decision,
            refusal_reason=locked.refusal_reason,
        )
    return locked


def housing_application_housed(
    *,
    acting_user: Any,
    application: HousingApplication,
    housed_on: datetime.date,
    housed_address: str,
    today: datetime.date | None = None,
) -> HousingApplication:
    """Record that the young person has been housed: they leave the waiting list that day."""
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "housed_on",
        housed_on,
        today=today,
        not_before=application.applied_on,
        not_before_why="the day they applied",
    )
    if not housed_address.strip():
        errors["housed_address"] = "Enter the address of their new home"
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        locked.housed_on = housed_on
        locked.housed_address = housed_address.strip()
        locked.version += 1
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.young_person_id,
            housed_on=housed_on.isoformat(),
            days_waited=(housed_on - locked.applied_on).days,
        )
    return locked


def housing_application_close(
    *,
    acting_user: Any,
    application: HousingApplication,
    closed_on: datetime.date,
    closed_reason: str,
    today: datetime.date | None = None,
) -> HousingApplication:
    """Close an application without a home (withdrawn, or removed from the register)."""
    today = _today(today)
    errors: dict[str, str] = {}
    _check_date(
        errors,
        "closed_on",
        closed_on,
        today=today,
        not_before=application.applied_on,
        not_before_why="the day they applied",
    )
    if not closed_reason.strip():
        errors["closed_reason"] = "Enter why the application closed"
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_waiting_application(application)
        locked.closed_on = closed_on
        locked.closed_reason = closed_reason.strip()
        locked.version += 1
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.young_person_id,
            closed_on=closed_on.isoformat(),
        )
    return locked


# Taster flats ------------------------------------------------------------------------------------


def taster_booking_add(
    *,
    acting_user: Any,
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
    _raise_if(errors)
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
                    "starts_on": f"{flat} is already booked from {_format(taken.starts_on)} to "
                    f"{_format(taken.ends_on)}. Choose other dates or another flat"
                }
            )
        if clashes.filter(young_person=young_person).exists():
            raise ValidationError(
                {"starts_on": "They already have a taster flat booked on some of these nights"}
            )
        booking = _create(
            TasterFlatBooking,
            flat=flat,
            young_person=young_person,
            starts_on=starts_on,
            ends_on=ends_on,
            purpose=purpose.strip(),
            created_by=acting_user,
            modified_by=acting_user,
        )
        _audit(
            acting_user,
            AuditEvent.Action.CREATE,
            booking,
            young_person.pk,
            flat=flat.pk,
            nights=booking.nights,
        )
    return booking


def taster_booking_cancel(
    *,
    acting_user: Any,
    booking: TasterFlatBooking,
    reason: str,
    today: datetime.date | None = None,
) -> TasterFlatBooking:
    today = _today(today)
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
        locked.cancelled_on = today
        locked.cancelled_reason = reason.strip()
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user, AuditEvent.Action.CHANGE, locked, locked.young_person_id, cancelled=True
        )
    return locked


def taster_booking_outcome(
    *,
    acting_user: Any,
    booking: TasterFlatBooking,
    skills_practised: Sequence[str],
    outcome: str,
    outcome_notes: str = "",
    young_persons_views: str = "",
    today: datetime.date | None = None,
) -> TasterFlatBooking:
    """Record what a taster flat stay showed: the skills practised and how ready they are."""
    today = _today(today)
    errors: dict[str, str] = {}
    if booking.starts_on > today:
        errors["outcome"] = "The stay has not started yet: record the outcome once it has"
    if outcome not in BookingOutcome.values:
        errors["outcome"] = errors.get("outcome") or "Select the outcome of the stay"
    if set(skills_practised) - set(Skill.values):
        errors["skills_practised"] = "Select the skills from the list"
    elif not skills_practised and outcome != BookingOutcome.DID_NOT_STAY:
        errors["skills_practised"] = "Select the skills they practised"
    _raise_if(errors)
    with transaction.atomic():
        locked = TasterFlatBooking.objects.select_for_update().get(pk=booking.pk)
        if locked.cancelled_on is not None:
            raise ValidationError({"outcome": "This booking was cancelled"})
        locked.skills_practised = list(skills_practised)
        locked.outcome = outcome
        locked.outcome_notes = outcome_notes.strip()
        locked.young_persons_views = young_persons_views.strip()
        locked.modified_by = acting_user
        locked.save()
        _audit(
            acting_user,
            AuditEvent.Action.CHANGE,
            locked,
            locked.young_person_id,
            outcome=outcome,
            skills=list(skills_practised),
        )
    return locked
