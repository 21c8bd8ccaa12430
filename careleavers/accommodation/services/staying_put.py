"""Staying Put with former foster carers (Children Act 1989 s.23CZA): started, and ended."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accommodation import suitability as rules
from careleavers.accommodation.models import StayingPut
from careleavers.accommodation.services.shared import (
    check_date,
    check_dated_entry,
    lock_young_person,
    save_change,
    today_or,
)
from careleavers.accounts.models import User
from careleavers.core.audit import create_audited
from careleavers.core.dates import format_date
from careleavers.core.refusals import raise_if
from careleavers.people import category as category_engine
from careleavers.people.models import YoungPerson
from careleavers.people.services import category_facts_for


def staying_put_start(
    *,
    acting_user: User,
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
    today = today_or(today)
    born = young_person.date_of_birth
    eighteenth = rules.birthday(born, rules.STAYING_PUT_FROM_AGE)
    last_day = rules.staying_put_ends_by(born)
    planned_end = planned_end or last_day
    errors: dict[str, str] = {}
    if not carers.strip():
        errors["carers"] = "Enter the names of their former foster carers"
    # CA 1989 s.23CZA: the arrangement follows foster care at 18 and lasts until 21.
    check_date(
        errors,
        "start",
        start,
        today=today,
        future_ok=True,
        not_before=eighteenth,
        not_before_why="their 18th birthday (before then they are in foster care)",
    )
    if "start" not in errors and start > last_day:
        errors["start"] = (
            f"Staying Put ends at 21: the start must be before {format_date(last_day)}"
        )
    if planned_end > last_day:
        errors["planned_end"] = (
            "Staying Put can last until their 21st birthday: the end must be "
            f"{format_date(last_day)} or earlier"
        )
    elif planned_end <= start:
        errors["planned_end"] = "The planned end must be after the start"
    if weekly_allowance < 0:
        errors["weekly_allowance"] = "The allowance must be £0 or more"
    if young_person_weekly_contribution is not None and young_person_weekly_contribution < 0:
        errors["young_person_weekly_contribution"] = "The contribution must be £0 or more"
    raise_if(errors)
    with transaction.atomic():
        locked = lock_young_person(young_person)
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
        arrangement = create_audited(
            StayingPut,
            acting_user=acting_user,
            young_person_id=locked.pk,
            detail={"weekly_allowance": str(weekly_allowance)},
            young_person=locked,
            carers=carers.strip(),
            fostering_service=fostering_service.strip(),
            start=start,
            planned_end=planned_end,
            weekly_allowance=weekly_allowance,
            young_person_weekly_contribution=young_person_weekly_contribution,
            notes=notes.strip(),
        )
    return arrangement


def staying_put_end(
    *,
    acting_user: User,
    arrangement: StayingPut,
    end: datetime.date,
    end_reason: str,
    today: datetime.date | None = None,
) -> StayingPut:
    check_dated_entry(
        today=today_or(today),
        date_field="end",
        day=end,
        not_before=arrangement.start,
        not_before_why="when it started",
        text_field="end_reason",
        text=end_reason,
        text_missing="Enter why it ended",
    )
    with transaction.atomic():
        locked = StayingPut.objects.select_for_update().get(pk=arrangement.pk)
        if locked.end is not None:
            raise ValidationError({"end": "This arrangement has already ended"})
        save_change(
            acting_user,
            locked,
            {"end": end, "end_reason": end_reason.strip()},
            ended_on=end.isoformat(),
        )
    return locked
