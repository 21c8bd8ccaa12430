"""The rule every service applies to a day it records as having happened: it cannot be after today.

A contact, a review, a move or a decision is recorded after it happens, so a day after today is a
typing slip (2062 for 2026) that would put the record out of order and move the date the next one
is due. Forms refuse it beside the field (`GovukDateField(not_in_future=True)`); services refuse
it again because imports, the portal and other services call them without a form.

"Today" is the council's day (`timezone.localdate()`, Europe/London), not the server's: a
contact recorded at 00:30 in British Summer Time is dated the day it was, not the day before.
The message follows GOV.UK's date input pattern: "<what the date is> must be today or in the
past".
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from careleavers.core.refusals import raise_if


def is_after_today(day: datetime.date | None, *, today: datetime.date | None = None) -> bool:
    return day is not None and day > (today or timezone.localdate())


def after_today_message(subject: str = "The date") -> str:
    """What the person reads when `subject` is after today, for example "The date of the review
    must be today or in the past"."""
    return f"{subject} must be today or in the past"


def not_after_today(
    errors: dict[str, str],
    field: str,
    day: datetime.date | None,
    *,
    subject: str = "The date",
    today: datetime.date | None = None,
) -> None:
    """Add `field`'s message to `errors` when `day` is after today. A missing day is left to the
    check that asks for it ("Enter the date"), so one field gets one message."""
    if is_after_today(day, today=today):
        errors[field] = after_today_message(subject)


def refuse_after_today(
    field: str,
    day: datetime.date | None,
    *,
    subject: str = "The date",
    today: datetime.date | None = None,
) -> None:
    """Refuse at once, by form field, a day after today: for a service with nothing else to
    check first."""
    errors: dict[str, str] = {}
    not_after_today(errors, field, day, subject=subject, today=today)
    raise_if(errors)
