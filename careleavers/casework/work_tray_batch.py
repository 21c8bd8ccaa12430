"""Batch actions on the work tray: the same thing done to many items of one kind, with one note.

A kind offers one by giving its `WorkTrayKind` a `BatchAction` and its items a `batch_id`. The
quality app's management oversight reviews, for example, are marked reviewed in one go:

    WorkTrayKind(
        kind="oversight_review",
        ...,
        batch=BatchAction(
            title="Review management oversight",
            button="Mark as reviewed",
            note_label="What did the reviews find?",
            note_missing="Enter what the reviews found",
            done="marked as reviewed",
            permission="quality.review_oversight",
            load=entries_with_ids,          # the targets with these ids, one query
            act=review_one,                 # the single action's own service
            summary=lambda entry: entry.direction,
        ),
    )

`batch_apply` does each one exactly as the single action does (its service, so its own checks
and its own audit event per young person), after checking the permission on each, and does all
or nothing: if any one cannot be done, none is, and the refusal names every one that could not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from careleavers.accounts.models import User
from careleavers.core.permissions import can

# Enough for any page of the tray; more in one go is refused rather than run for minutes.
MOST_AT_ONCE = 100


@dataclass(frozen=True)
class BatchAction:
    title: str  # the confirmation page's heading, e.g. "Review management oversight"
    button: str  # e.g. "Mark as reviewed"
    note_label: str  # the one note for every item, e.g. "What did the reviews find?"
    done: str  # the past tense for the message afterwards, e.g. "marked as reviewed"
    permission: str  # a rules permission checked on each target before acting on it
    load: Callable[[Sequence[int]], Iterable[Any]]  # targets (with .pk and .young_person)
    act: Callable[..., Any]  # act(acting_user=..., target=..., note=...), the single action
    summary: Callable[[Any], str] = field(default=lambda target: "")
    note_hint: str = ""
    note_missing: str = "Enter a note"  # the error when the note is left empty


@dataclass(frozen=True)
class BatchFailure:
    name: str  # the young person's name, or "" where the user may not see whose it is
    reason: str

    def __str__(self) -> str:
        return f"{self.name or 'A record you cannot open'}: {self.reason}"


class BatchRefused(Exception):
    """Nothing was done, because these could not be."""

    def __init__(self, failures: list[BatchFailure]) -> None:
        super().__init__("; ".join(str(failure) for failure in failures))
        self.failures = failures


def batch_targets(*, action: BatchAction, ids: Sequence[int]) -> list[Any]:
    """The targets with these ids, in the order asked, leaving out any that no longer exist."""
    found = {target.pk: target for target in action.load(list(ids))}
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def _name(user: Any, young_person: Any) -> str:
    if young_person is not None and can(user, "people.view_youngperson", young_person):
        return str(young_person.display_name)
    return ""


def batch_apply(*, acting_user: User, action: BatchAction, ids: Sequence[int], note: str) -> int:
    """Do `action` to every target in `ids` with the one `note`, all or nothing. Returns how
    many were done; raises ValidationError for a bad note or choice and BatchRefused naming
    every target that could not be done (and then nothing is)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ValidationError("Select at least one item")
    if len(ids) > MOST_AT_ONCE:
        raise ValidationError(f"Select at most {MOST_AT_ONCE} items at a time")
    if not note.strip():
        raise ValidationError({"note": action.note_missing})
    found = {target.pk: target for target in action.load(ids)}
    failures: list[BatchFailure] = []
    with transaction.atomic():
        for pk in ids:
            target = found.get(pk)
            if target is None:
                failures.append(BatchFailure("", "it no longer exists"))
                continue
            name = _name(acting_user, target.young_person)
            if not can(acting_user, action.permission, target):
                failures.append(BatchFailure(name, "you may not do this for them"))
                continue
            try:
                action.act(acting_user=acting_user, target=target, note=note)
            except ValidationError as error:
                # The single action refused and rolled its own part back; carry on so the
                # message can name every one that could not be done, then undo them all.
                failures.append(BatchFailure(name, " ".join(error.messages)))
        if failures:
            raise BatchRefused(failures)
    return len(ids)
