"""Writes for subject access requests, retention decisions and the policy.

Every service takes keyword arguments with `acting_user` first, runs in one transaction and
writes its AuditEvent in that transaction (DESIGN 4.2). Bad input is refused with a
`ValidationError` keyed by field, and nothing changes. Views check permissions through `rules`
before calling a service.

Subject access files: the zip is built in a temporary file and kept in the configured file
storage (the "subject_access" storage when settings.STORAGES names one, otherwise "default"),
under a random name, with its SHA-256 recorded on the request. It is removed when the request
is closed, when a new file replaces it, and by the daily job once the policy's days have
passed; the hash stays as proof of exactly what was sent.
"""

from __future__ import annotations

import datetime
import tempfile
import uuid
from typing import Any, BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core.audit import archive_audited, audit_record, create_audited, save_audited
from careleavers.core.council_settings_change import change_council_settings
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import not_after_today
from careleavers.core.refusals import raise_if
from careleavers.dataprotection import deadlines, retention
from careleavers.dataprotection.export import (
    ExportDetails,
    ExportResult,
    sha256_of,
    write_subject_access_zip,
)
from careleavers.dataprotection.models import (
    DataProtectionPolicy,
    RequesterKind,
    RetentionDecision,
    SubjectAccessRequest,
)
from careleavers.people.models import YoungPerson

STORAGE_ALIAS = "subject_access"
FILE_FOLDER = "subject-access"
# Up to this size the zip is built in memory; larger ones spill to a temporary file that is
# deleted as soon as it is closed.
SPOOL_BYTES = 16 * 1024 * 1024

POLICY_FIELDS = (
    "retention_age_years",
    "after_death_years",
    "review_window_months",
    "subject_access_file_keep_days",
)


def _storage() -> Storage:
    alias = STORAGE_ALIAS if STORAGE_ALIAS in settings.STORAGES else "default"
    return storages[alias]


def _name(user: Any) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "the information governance team (command line)"
    return user.get_full_name() or user.email


def _policy() -> DataProtectionPolicy:
    return DataProtectionPolicy.current()


def retention_ends_on_for(young_person: YoungPerson) -> datetime.date:
    policy = _policy()
    return retention.retention_ends_on(
        date_of_birth=young_person.date_of_birth,
        retention_age=policy.retention_age_years,
        after_death_years=policy.after_death_years,
    )


# Subject access requests -------------------------------------------------------------------


def subject_access_request_create(
    *,
    acting_user: User,
    young_person: YoungPerson,
    requester_kind: str,
    requested_by: str,
    received_on: datetime.date,
    notes: str = "",
) -> SubjectAccessRequest:
    """Log a request received. It is due one calendar month after receipt (UK GDPR Art. 12(3)),
    on the next working day if that is a weekend or bank holiday."""
    requested_by = requested_by.strip()
    errors: dict[str, str] = {}
    if requester_kind not in RequesterKind.values:
        errors["requester_kind"] = "Select who asked"
    if not requested_by:
        errors["requested_by"] = "Enter the name of the person who asked"
    not_after_today(
        errors, "received_on", received_on, subject="The date the request was received"
    )
    raise_if(errors)
    with transaction.atomic():
        due_on = deadlines.sar_due_on(received_on=received_on, holidays=deadlines.bank_holidays())
        sar = create_audited(
            SubjectAccessRequest,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={
                "event": "subject_access_request_received",
                "received_on": received_on.isoformat(),
                "due_on": due_on.isoformat(),
            },
            young_person=young_person,
            requester_kind=requester_kind,
            requested_by=requested_by,
            received_on=received_on,
            due_on=due_on,
            handled_by=acting_user,
            notes=notes.strip(),
        )
    return sar


def _details(
    sar: SubjectAccessRequest | None, acting_user: User | None, young_person: YoungPerson
) -> ExportDetails:
    return ExportDetails(
        reference=f"SAR-{sar.pk}" if sar else "Not linked to a logged request",
        requested_by=sar.requested_by if sar else "",
        received_on=sar.received_on if sar else None,
        due_on=sar.due_on if sar else None,
        handled_by=_name(sar.handled_by) if sar else "",
        generated_by=_name(acting_user),
        generated_at=timezone.now(),
        retention_ends_on=retention_ends_on_for(young_person),
    )


def _export_detail(result: ExportResult, sha256: str, size: int) -> dict[str, Any]:
    return {
        "sha256": sha256,
        "size": size,
        "records": result.total_rows,
        "records_to_check": result.flagged_rows,
        "files": sum(1 for kind in result.kinds if kind.rows),
    }


def subject_access_file_generate(
    *, acting_user: User, sar: SubjectAccessRequest
) -> SubjectAccessRequest:
    """Build the file for a request, keep it in storage and record its SHA-256."""
    if not sar.is_open:
        raise ValidationError({"status": "This request is closed, so no new file can be made"})
    storage = _storage()
    young_person = sar.young_person
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as handle:
        result = write_subject_access_zip(
            young_person=young_person,
            out=handle,  # type: ignore[arg-type]
            details=_details(sar, acting_user, young_person),
        )
        sha256, size = sha256_of(handle)  # type: ignore[arg-type]
        name = storage.save(f"{FILE_FOLDER}/{uuid.uuid4().hex}.zip", File(handle))
    try:
        with transaction.atomic():
            locked = SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)
            previous = locked.file_name if locked.has_file else ""
            locked.file_name = name
            locked.file_sha256 = sha256
            locked.file_size = size
            locked.file_generated_at = timezone.now()
            locked.file_generated_by = acting_user
            locked.file_removed_at = None
            locked.status = SubjectAccessRequest.Status.FILE_READY
            locked.modified_by = acting_user
            locked.save()
            audit_record(
                acting_user=acting_user,
                action=AuditEvent.Action.EXPORT,
                subject=locked,
                young_person_id=young_person.pk,
                detail={
                    "event": "subject_access_file_generated",
                    **_export_detail(result, sha256, size),
                },
            )
    except Exception:
        storage.delete(name)
        raise
    if previous:
        transaction.on_commit(lambda: storage.delete(previous))
    return locked


def subject_access_file_open(*, acting_user: User, sar: SubjectAccessRequest) -> File:  # type: ignore[type-arg]
    """Open the stored file for download after checking it is the file that was made (its
    SHA-256), and log the download. The caller streams and closes it."""
    if not sar.has_file:
        raise ValidationError(
            {"file": "The file is no longer kept. Make a new one if you still need it."}
        )
    storage = _storage()
    if not storage.exists(sar.file_name):
        raise ValidationError({"file": "The file is missing from storage. Make a new one."})
    handle = storage.open(sar.file_name, "rb")
    sha256, _ = sha256_of(handle)
    if sha256 != sar.file_sha256:
        handle.close()
        raise ValidationError(
            {
                "file": "The stored file is not the one that was made (its checksum differs). "
                "Make a new one, and tell information governance."
            }
        )
    with transaction.atomic():
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.EXPORT,
            subject=sar,
            young_person_id=sar.young_person_id,
            detail={"event": "subject_access_file_downloaded", "sha256": sha256},
        )
    return handle


def _remove_file(sar: SubjectAccessRequest) -> None:
    """Remove the stored copy (the hash stays on the request)."""
    if sar.has_file:
        name = sar.file_name
        sar.file_removed_at = timezone.now()
        transaction.on_commit(lambda: _storage().delete(name))


def subject_access_request_extend(
    *,
    acting_user: User,
    sar: SubjectAccessRequest,
    months: int,
    reason: str,
) -> SubjectAccessRequest:
    """Extend the time to answer by up to two further months in all (UK GDPR Art. 12(3)),
    with the reason, which the young person must be told within the first month."""
    reason = reason.strip()
    errors: dict[str, str] = {}
    allowed = deadlines.MAX_EXTENSION_MONTHS - sar.extension_months
    if not sar.is_open:
        errors["months"] = "This request is closed"
    elif not 1 <= months <= allowed:
        errors["months"] = (
            f"The time can be extended by two months in all; {allowed} "
            f"month{'s' if allowed != 1 else ''} left"
        )
    if not reason:
        errors["reason"] = "Enter why more time is needed"
    raise_if(errors)
    with transaction.atomic():
        locked = SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)
        before = locked.due_on
        locked.extension_months += months
        locked.extension_reason = "\n\n".join(filter(None, [locked.extension_reason, reason]))
        locked.due_on = deadlines.sar_due_on(
            received_on=locked.received_on,
            extension_months=locked.extension_months,
            holidays=deadlines.bank_holidays(),
        )
        save_audited(
            locked,
            acting_user=acting_user,
            detail={
                "event": "subject_access_request_extended",
                "due_on": [before.isoformat(), locked.due_on.isoformat()],
                "reason": reason,
            },
        )
    return locked


def subject_access_request_close(
    *,
    acting_user: User,
    sar: SubjectAccessRequest,
    outcome: str,
    sent_on: datetime.date | None = None,
    note: str = "",
) -> SubjectAccessRequest:
    """Record that the reply was sent (or the request withdrawn), and remove the stored file."""
    Status = SubjectAccessRequest.Status  # noqa: N806
    errors: dict[str, str] = {}
    if not sar.is_open:
        errors["outcome"] = "This request is already closed"
    elif outcome not in (Status.SENT, Status.WITHDRAWN):
        errors["outcome"] = "Select what happened"
    elif outcome == Status.SENT:
        if not sar.file_sha256:
            errors["outcome"] = "Make the file before recording that the reply was sent"
        if sent_on is None:
            errors["sent_on"] = "Enter the date the reply was sent"
        elif sent_on > timezone.localdate() or sent_on < sar.received_on:
            errors["sent_on"] = (
                "The date the reply was sent must be between the day the request was "
                "received and today"
            )
    raise_if(errors)
    with transaction.atomic():
        locked = SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)
        locked.status = outcome
        locked.sent_on = sent_on if outcome == Status.SENT else None
        locked.closed_note = note.strip()
        _remove_file(locked)
        save_audited(
            locked,
            acting_user=acting_user,
            detail={
                "event": f"subject_access_request_{outcome}",
                "sent_on": sent_on.isoformat() if sent_on and outcome == Status.SENT else None,
                "sha256": locked.file_sha256,
                "late": bool(sent_on and sent_on > locked.due_on),
            },
        )
    return locked


def subject_access_files_expire(today: datetime.date) -> str:
    """Daily job: remove stored files older than the policy's days (safe to run twice)."""
    keep_days = _policy().subject_access_file_keep_days
    cutoff = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=keep_days), datetime.time())
    )
    removed = 0
    old = SubjectAccessRequest.objects.filter(
        file_removed_at__isnull=True, file_generated_at__lt=cutoff
    ).exclude(file_name="")
    for sar in old:
        with transaction.atomic():
            locked = SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)
            if not locked.has_file:
                continue
            _remove_file(locked)
            locked.save(update_fields=["file_removed_at", "modified_at"])
            audit_record(
                acting_user=None,
                action=AuditEvent.Action.CHANGE,
                subject=locked,
                young_person_id=locked.young_person_id,
                detail={"event": "subject_access_file_removed", "sha256": locked.file_sha256},
            )
            removed += 1
    return f"{removed} subject access file{'s' if removed != 1 else ''} removed"


def subject_access_export_to(
    *,
    acting_user: User | None,
    young_person: YoungPerson,
    out: BinaryIO,
    sar: SubjectAccessRequest | None = None,
) -> tuple[ExportResult, str, int]:
    """Write a young person's subject access file to `out` (the management command), log it,
    and record its hash on the request when one is given. Returns what is in it, its SHA-256
    and its size."""
    result = write_subject_access_zip(
        young_person=young_person, out=out, details=_details(sar, acting_user, young_person)
    )
    sha256, size = sha256_of(out)
    with transaction.atomic():
        if sar is not None:
            locked = SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)
            _remove_file(locked)
            locked.file_name = ""
            locked.file_sha256 = sha256
            locked.file_size = size
            locked.file_generated_at = timezone.now()
            locked.file_generated_by = acting_user
            if locked.is_open:
                locked.status = SubjectAccessRequest.Status.FILE_READY
            locked.save()
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.EXPORT,
            subject=sar if sar is not None else young_person,
            young_person_id=young_person.pk,
            detail={
                "event": "subject_access_file_generated",
                "by": "manage.py export_subject_access",
                **_export_detail(result, sha256, size),
            },
        )
    return result, sha256, size


# Retention ---------------------------------------------------------------------------------


def retention_decision_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    decision: str,
    reason: str,
    review_again_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> RetentionDecision:
    """Record a retention review decision. Keeping needs a date to look again; passing the
    records to records management for destruction needs the retention date to have passed,
    and archives the record (the application deletes nothing: destruction happens outside it,
    by records management, under the council's retention schedule)."""
    today = today or timezone.localdate()
    reason = reason.strip()
    ends = retention_ends_on_for(young_person)
    errors: dict[str, str] = {}
    Decision = RetentionDecision.Decision  # noqa: N806
    if decision not in Decision.values:
        errors["decision"] = "Select a decision"
    if not reason:
        errors["reason"] = "Enter the reason for the decision"
    if decision == Decision.KEEP:
        if review_again_on is None:
            errors["review_again_on"] = "Enter the date to look at the records again"
        elif review_again_on <= today:
            errors["review_again_on"] = (
                "The date to look at the records again must be in the future"
            )
    if decision == Decision.DESTROY and ends > today:
        errors["decision"] = (
            f"These records must be kept until {format_date(ends)}, so they cannot be passed on "
            "for destruction yet"
        )
    raise_if(errors)
    now = timezone.now()
    with transaction.atomic():
        locked = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        if locked.archived_at is not None:
            raise ValidationError({"decision": "This record is already archived"})
        made = RetentionDecision.objects.create(
            young_person=locked,
            decision=decision,
            reason=reason,
            review_again_on=review_again_on if decision == Decision.KEEP else None,
            retention_ends_on=ends,
            decided_by=acting_user,
            decided_at=now,
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=made,
            young_person_id=locked.pk,
            detail={
                "event": "retention_decision",
                "decision": decision,
                "retention_ends_on": ends.isoformat(),
                "review_again_on": review_again_on.isoformat()
                if review_again_on and decision == Decision.KEEP
                else None,
            },
        )
        if decision == Decision.DESTROY:
            archive_audited(
                locked,
                acting_user=acting_user,
                reason="Retention review: passed to records management for destruction. " + reason,
                young_person_id=locked.pk,
                detail={"event": "archived_after_retention_review", "decision_id": made.pk},
            )
    return made


def retention_review_exported(*, acting_user: User | None, counts: dict[str, int]) -> None:
    """Log that the retention review list left the service (the management command)."""
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.EXPORT,
        subject_type="dataprotection.retention_review",
        detail={"event": "retention_review_listed", **counts},
    )


# Policy ------------------------------------------------------------------------------------


def policy_update(*, acting_user: User, **fields: Any) -> DataProtectionPolicy:
    errors: dict[str, str] = {}
    if (
        fields.get("retention_age_years") is not None
        and not 25 <= fields["retention_age_years"] <= 120
    ):
        errors["retention_age_years"] = "Enter an age between 25 and 120"
    if (
        fields.get("review_window_months") is not None
        and not 1 <= fields["review_window_months"] <= 60
    ):
        errors["review_window_months"] = "Enter a number of months between 1 and 60"
    if fields.get("subject_access_file_keep_days") is not None and not (
        1 <= fields["subject_access_file_keep_days"] <= 365
    ):
        errors["subject_access_file_keep_days"] = "Enter a number of days between 1 and 365"
    if fields.get("after_death_years") is not None and not 1 <= fields["after_death_years"] <= 100:
        errors["after_death_years"] = "Enter a number of years between 1 and 100"
    raise_if(errors)
    return change_council_settings(
        DataProtectionPolicy, acting_user=acting_user, settings=POLICY_FIELDS, values=fields
    )
