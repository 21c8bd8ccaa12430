"""Forms that create a record are safe to send twice: the second sending creates nothing.

A double click, the browser's "resend" after a slow answer, or a phone that retries on a weak
signal sends the same form again. A form that creates something (a payment request, a case
note, a contact) carries a `submission_key`: a random UUID in a hidden field, made when the
form is first shown and kept while the person corrects mistakes. The service stores it on the
record it creates, in a column with a unique constraint. A second sending finds that record and
returns it instead of making another; two sendings at the same moment both try to insert, and
the database lets only one of them through.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from careleavers.accounts.models import User

T = TypeVar("T", bound=models.Model)

EXPIRED = "This form could not be sent as it was. Check your answers and select the button again."
USED_ELSEWHERE = "This form has already been used for something else. Open it again."


def submission_key_field() -> models.UUIDField:
    """The model field that keeps a record's submission key (empty for records made elsewhere:
    imports, the demo, older records)."""
    return models.UUIDField(null=True, blank=True, unique=True, editable=False)


class SubmittedOnceForm(forms.Form):
    """A form that creates a record. Mix it into the form; pass `submission_key` to the
    service with the other cleaned values."""

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        initial=uuid.uuid4,
        error_messages={"required": EXPIRED, "invalid": EXPIRED},
    )

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and "submission_key" in self.errors:
            # A page kept open across a release, or a tampered key: give the form a new key
            # so that sending it again (after reading the message) works.
            # A QueryDict or a dict: both copy to something that can be changed.
            data = self.data.copy()  # type: ignore[attr-defined]
            data[self.add_prefix("submission_key")] = str(uuid.uuid4())
            self.data = data


def create_once(
    model: type[T],
    *,
    key: uuid.UUID | None,
    belongs: Callable[[T], bool],
    create: Callable[[], T],
) -> T:
    """`create()` the record, unless one was already made from this submission: then return it.

    `create` makes the record with `submission_key=key` and its audit event, in one
    transaction. `belongs` says whether a record found by the key is this person's record of
    this young person; a key reused for anything else is refused. Without a key (a caller that
    is not a form) `create` simply runs.
    """
    if key is None:
        return create()
    existing = model._default_manager.filter(submission_key=key).first()
    if existing is None:
        try:
            with transaction.atomic():
                return create()
        except IntegrityError:
            # The same form sent twice at once: the other sending's record is now committed.
            existing = model._default_manager.filter(submission_key=key).first()
            if existing is None:
                raise
    if not belongs(existing):
        raise ValidationError(USED_ELSEWHERE)
    return existing


def created_by(acting_user: User, young_person: Any) -> Callable[[Any], bool]:
    """The usual `belongs`: made by this user, about this young person."""
    return lambda record: (
        record.created_by_id == getattr(acting_user, "pk", None)
        and record.young_person_id == young_person.pk
    )
