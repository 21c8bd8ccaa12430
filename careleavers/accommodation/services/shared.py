"""What every accommodation service shares: checking dates, refusing bad input by form field,
locking the young person's record, and creating and auditing a record."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core.audit import save_audited
from careleavers.core.dates import format_date
from careleavers.core.past_days import after_today_message, is_after_today
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson


def today_or(today: datetime.date | None = None) -> datetime.date:
    """The day a service was given (tests and the demo fix it), or today."""
    return today or timezone.localdate()


def check_date(
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
    if not future_ok and is_after_today(day, today=today):
        errors[name] = after_today_message()
    elif not_before is not None and day < not_before:
        errors[name] = f"The date must be the same as or after {format_date(not_before)}" + (
            f", {not_before_why}" if not_before_why else ""
        )


def check_dated_entry(
    *,
    today: datetime.date,
    date_field: str,
    day: datetime.date,
    not_before: datetime.date,
    not_before_why: str,
    text_field: str,
    text: str,
    text_missing: str,
) -> None:
    """Refuse, by form field, an entry dated in the future or before it could have happened, or
    whose words are blank: how an offer is recorded and how a stay, a risk, an arrangement or an
    application ends."""
    errors: dict[str, str] = {}
    check_date(
        errors, date_field, day, today=today, not_before=not_before, not_before_why=not_before_why
    )
    if not text.strip():
        errors[text_field] = text_missing
    raise_if(errors)


def lock_young_person(young_person: YoungPerson) -> YoungPerson:
    # "of self": PostgreSQL cannot lock the nullable side of the outer join to the team.
    return (
        YoungPerson.objects.select_for_update(of=("self",))
        .select_related("team")
        .get(pk=young_person.pk)
    )


def save_change(
    acting_user: User, locked: Any, changes: Mapping[str, Any], **audit_detail: Any
) -> None:
    """Write `changes` to a record already locked for update, and audit it with `audit_detail`.

    A record that keeps a version (so that a stale edit is refused) moves it on (save_audited)."""
    for name, value in changes.items():
        setattr(locked, name, value)
    save_audited(locked, acting_user=acting_user, detail=audit_detail)
