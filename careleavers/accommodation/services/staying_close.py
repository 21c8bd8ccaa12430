"""Staying Close (Children Act 1989 s.23CZAA, to 25): the assessment and its reviews."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accommodation import suitability as rules
from careleavers.accommodation.models import (
    StayingClose,
    StayingCloseOutcome,
    StayingCloseReview,
    SupportArea,
)
from careleavers.accommodation.services.shared import (
    check_date,
    lock_young_person,
    today_or,
)
from careleavers.accounts.models import User
from careleavers.core.audit import create_audited
from careleavers.core.dates import format_date
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson


def staying_close_assess(
    *,
    acting_user: User,
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
    today = today_or(today)
    born = young_person.date_of_birth
    last_day = rules.staying_close_ends_by(born)
    errors: dict[str, str] = {}
    check_date(
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
        too_soon = "The review must be after the assessment"
        _check_review_day(
            errors, next_review_on, after=assessed_on, by=last_day, too_soon=too_soon
        )
    raise_if(errors)
    with transaction.atomic():
        locked = lock_young_person(young_person)
        assessment = create_audited(
            StayingClose,
            acting_user=acting_user,
            young_person_id=locked.pk,
            detail={"outcome": outcome},
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
        )
    return assessment


def _check_review_day(
    errors: dict[str, str],
    next_review_on: datetime.date,
    *,
    after: datetime.date,
    by: datetime.date,
    too_soon: str,
) -> None:
    """A review comes after `after` and, as Staying Close ends at 25, `by` the last day of it."""
    if next_review_on <= after:
        errors["next_review_on"] = too_soon
    elif next_review_on > by:
        errors["next_review_on"] = (
            f"Staying Close ends at 25: the review must be by {format_date(by)}"
        )


def staying_close_review(
    *,
    acting_user: User,
    staying_close: StayingClose,
    reviewed_on: datetime.date,
    notes: str,
    continue_support: bool,
    next_review_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> StayingCloseReview:
    today = today_or(today)
    errors: dict[str, str] = {}
    check_date(
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
        else:
            too_soon = "The next review must be after this one"
            _check_review_day(
                errors, next_review_on, after=reviewed_on, by=last_day, too_soon=too_soon
            )
    raise_if(errors)
    with transaction.atomic():
        locked = StayingClose.objects.select_for_update().get(pk=staying_close.pk)
        if locked.ended_on is not None:
            raise ValidationError({"notes": "This Staying Close support has ended"})
        review = create_audited(
            StayingCloseReview,
            acting_user=acting_user,
            young_person_id=locked.young_person_id,
            detail={"continue_support": continue_support},
            staying_close=locked,
            reviewed_on=reviewed_on,
            reviewed_by=acting_user,
            notes=notes.strip(),
            continue_support=continue_support,
            next_review_on=next_review_on if continue_support else None,
        )
        locked.next_review_on = next_review_on if continue_support else None
        if not continue_support:
            locked.ended_on = reviewed_on
            locked.end_reason = notes.strip()
        locked.modified_by = acting_user
        locked.save()
    return review
