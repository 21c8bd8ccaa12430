"""Subject access requests, their files, retention decisions and the policy."""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.models import ArchiveInsteadOfDelete, AuditEvent
from careleavers.dataprotection import services
from careleavers.dataprotection.models import (
    DataProtectionPolicy,
    RequesterKind,
    RetentionDecision,
    SubjectAccessRequest,
)
from careleavers.dataprotection.tests.factories import (
    RetentionDecisionFactory,
    SubjectAccessRequestFactory,
)
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

D = datetime.date
Status = SubjectAccessRequest.Status


def _events(young_person: Any, event: str) -> list[AuditEvent]:
    return [
        e
        for e in AuditEvent.objects.filter(young_person_id=young_person.pk)
        if e.detail.get("event") == event
    ]


# Logging a request ---------------------------------------------------------------------------


def test_a_request_is_due_one_calendar_month_after_it_was_received(head: Any) -> None:
    young_person = YoungPersonFactory()
    sar = services.subject_access_request_create(
        acting_user=head,
        young_person=young_person,
        requester_kind=RequesterKind.DATA_SUBJECT,
        requested_by="Amara Osei",
        received_on=D(2026, 11, 3),
    )
    assert sar.due_on == D(2026, 12, 3)
    assert sar.handled_by == head
    assert sar.status == Status.RECEIVED
    [event] = _events(young_person, "subject_access_request_received")
    assert event.action == AuditEvent.Action.CREATE
    assert event.detail["due_on"] == "2026-12-03"


def test_a_request_received_in_the_future_or_from_nobody_is_refused(head: Any) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.subject_access_request_create(
            acting_user=head,
            young_person=YoungPersonFactory(),
            requester_kind="someone",
            requested_by=" ",
            received_on=tomorrow,
        )
    assert set(refused.value.message_dict) == {"requester_kind", "requested_by", "received_on"}
    assert not SubjectAccessRequest.objects.exists()


# The file ------------------------------------------------------------------------------------


def test_making_the_file_keeps_it_with_its_hash_and_logs_it(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    made = services.subject_access_file_generate(acting_user=head, sar=sar)
    stored = default_storage.open(made.file_name).read()
    assert made.file_sha256 == hashlib.sha256(stored).hexdigest()
    assert made.file_size == len(stored)
    assert made.status == Status.FILE_READY
    assert made.file_generated_by == head
    assert "summary.pdf" in zipfile.ZipFile(io.BytesIO(stored)).namelist()
    [event] = _events(sar.young_person, "subject_access_file_generated")
    assert event.action == AuditEvent.Action.EXPORT
    assert event.detail["sha256"] == made.file_sha256
    assert event.detail["records"] >= 1


def test_a_new_file_replaces_the_old_one(
    head: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.subject_access_file_generate(acting_user=head, sar=sar).file_name
    with django_capture_on_commit_callbacks(execute=True):
        second = services.subject_access_file_generate(acting_user=head, sar=sar).file_name
    assert first != second
    assert not default_storage.exists(first)
    assert default_storage.exists(second)


def test_downloading_checks_the_hash_and_logs_the_download(head: Any) -> None:
    sar = services.subject_access_file_generate(
        acting_user=head, sar=SubjectAccessRequestFactory(handled_by=head)
    )
    handle = services.subject_access_file_open(acting_user=head, sar=sar)
    with handle:
        assert hashlib.sha256(handle.read()).hexdigest() == sar.file_sha256
    [event] = _events(sar.young_person, "subject_access_file_downloaded")
    assert event.detail["sha256"] == sar.file_sha256


def test_a_file_changed_in_storage_is_not_downloaded(head: Any) -> None:
    sar = services.subject_access_file_generate(
        acting_user=head, sar=SubjectAccessRequestFactory(handled_by=head)
    )
    default_storage.delete(sar.file_name)
    default_storage.save(sar.file_name, ContentFile(b"not the file that was made"))
    with pytest.raises(ValidationError, match="checksum"):
        services.subject_access_file_open(acting_user=head, sar=sar)
    assert not _events(sar.young_person, "subject_access_file_downloaded")


def test_a_closed_request_gets_no_new_file(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head, status=Status.WITHDRAWN)
    with pytest.raises(ValidationError):
        services.subject_access_file_generate(acting_user=head, sar=sar)


# Extending and closing -----------------------------------------------------------------------


def test_the_time_can_be_extended_by_two_months_in_all(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head, received_on=D(2026, 11, 3))
    sar = services.subject_access_request_extend(
        acting_user=head, sar=sar, months=1, reason="Twelve years of records"
    )
    assert sar.due_on == D(2027, 1, 4)  # 3 January 2027 is a Sunday
    sar = services.subject_access_request_extend(
        acting_user=head, sar=sar, months=1, reason="And a second request"
    )
    assert sar.due_on == D(2027, 2, 3)
    assert "Twelve years" in sar.extension_reason
    assert "second request" in sar.extension_reason
    with pytest.raises(ValidationError) as refused:
        services.subject_access_request_extend(acting_user=head, sar=sar, months=1, reason="More")
    assert "months" in refused.value.message_dict


def test_an_extension_needs_a_reason(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    with pytest.raises(ValidationError) as refused:
        services.subject_access_request_extend(acting_user=head, sar=sar, months=1, reason="")
    assert "reason" in refused.value.message_dict


def test_sending_the_reply_removes_the_stored_file_and_keeps_its_hash(
    head: Any, django_capture_on_commit_callbacks: Any
) -> None:
    sar = services.subject_access_file_generate(
        acting_user=head, sar=SubjectAccessRequestFactory(handled_by=head)
    )
    name, sha256 = sar.file_name, sar.file_sha256
    with django_capture_on_commit_callbacks(execute=True):
        closed = services.subject_access_request_close(
            acting_user=head,
            sar=sar,
            outcome=Status.SENT,
            sent_on=timezone.localdate(),
            note="Two names redacted",
        )
    assert closed.status == Status.SENT
    assert closed.file_sha256 == sha256
    assert not closed.has_file
    assert not default_storage.exists(name)
    [event] = _events(sar.young_person, "subject_access_request_sent")
    assert event.detail["sha256"] == sha256


def test_a_reply_cannot_be_recorded_as_sent_before_a_file_is_made(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    with pytest.raises(ValidationError) as refused:
        services.subject_access_request_close(
            acting_user=head, sar=sar, outcome=Status.SENT, sent_on=timezone.localdate()
        )
    assert "outcome" in refused.value.message_dict
    sar.refresh_from_db()
    assert sar.is_open


def test_a_request_can_be_withdrawn(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    closed = services.subject_access_request_close(
        acting_user=head, sar=sar, outcome=Status.WITHDRAWN, note="Asked by phone to stop"
    )
    assert closed.status == Status.WITHDRAWN
    assert closed.sent_on is None


def test_old_files_are_removed_by_the_daily_job_and_a_second_run_does_nothing(
    head: Any, django_capture_on_commit_callbacks: Any
) -> None:
    old = services.subject_access_file_generate(
        acting_user=head, sar=SubjectAccessRequestFactory(handled_by=head)
    )
    new = services.subject_access_file_generate(
        acting_user=head, sar=SubjectAccessRequestFactory(handled_by=head)
    )
    SubjectAccessRequest.objects.filter(pk=old.pk).update(
        file_generated_at=timezone.now() - datetime.timedelta(days=31)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.subject_access_files_expire(timezone.localdate()) == (
            "1 subject access file removed"
        )
    assert not default_storage.exists(old.file_name)
    assert default_storage.exists(new.file_name)
    assert services.subject_access_files_expire(timezone.localdate()) == (
        "0 subject access files removed"
    )


def test_the_command_line_export_records_its_hash_on_the_request(head: Any) -> None:
    sar = SubjectAccessRequestFactory(handled_by=head)
    out = io.BytesIO()
    result, sha256, size = services.subject_access_export_to(
        acting_user=None, young_person=sar.young_person, out=out, sar=sar
    )
    sar.refresh_from_db()
    assert sha256 == hashlib.sha256(out.getvalue()).hexdigest() == sar.file_sha256
    assert sar.status == Status.FILE_READY
    assert not sar.has_file
    [event] = _events(sar.young_person, "subject_access_file_generated")
    assert event.actor is None
    assert event.detail["by"] == "manage.py export_subject_access"


# Retention decisions -------------------------------------------------------------------------


@pytest.fixture
def old_record() -> YoungPerson:
    return YoungPersonFactory(date_of_birth=D(1950, 5, 1))


def test_keeping_records_needs_a_date_to_look_again(head: Any, old_record: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        services.retention_decision_record(
            acting_user=head, young_person=old_record, decision="keep", reason="Claim open"
        )
    assert "review_again_on" in refused.value.message_dict
    made = services.retention_decision_record(
        acting_user=head,
        young_person=old_record,
        decision="keep",
        reason="Claim open",
        review_again_on=timezone.localdate() + datetime.timedelta(days=365),
    )
    assert made.retention_ends_on == D(2025, 5, 1)
    old_record.refresh_from_db()
    assert not old_record.is_archived
    [event] = _events(old_record, "retention_decision")
    assert event.detail["decision"] == "keep"


def test_records_cannot_be_passed_on_before_their_retention_date(head: Any) -> None:
    young = YoungPersonFactory()
    with pytest.raises(ValidationError) as refused:
        services.retention_decision_record(
            acting_user=head, young_person=young, decision="destroy", reason="Tidy up"
        )
    assert "cannot be passed on for destruction yet" in refused.value.message_dict["decision"][0]
    assert not RetentionDecision.objects.exists()


def test_passing_records_on_archives_the_record_and_deletes_nothing(
    head: Any, old_record: Any
) -> None:
    made = services.retention_decision_record(
        acting_user=head,
        young_person=old_record,
        decision="destroy",
        reason="No claims, no inquiry hold",
    )
    old_record.refresh_from_db()
    assert old_record.is_archived
    assert old_record.archived_by == head
    assert "No claims, no inquiry hold" in old_record.archive_reason
    assert YoungPerson.objects.filter(pk=old_record.pk).exists()
    assert old_record.history.first().history_user == head
    assert made.review_again_on is None
    assert _events(old_record, "archived_after_retention_review")[0].action == (
        AuditEvent.Action.ARCHIVE
    )


def test_a_decision_is_never_deleted() -> None:
    decision = RetentionDecisionFactory()
    with pytest.raises(ArchiveInsteadOfDelete):
        decision.delete()


# The policy ----------------------------------------------------------------------------------


def test_administrators_change_the_policy_and_it_is_logged(make_user: Any) -> None:
    admin = make_user(Role.ADMINISTRATOR)
    policy = services.policy_update(acting_user=admin, review_window_months=6)
    assert policy.review_window_months == 6
    assert DataProtectionPolicy.current().review_window_months == 6
    event = AuditEvent.objects.filter(subject_type="dataprotection.DataProtectionPolicy").get()
    assert event.detail["changes"] == {"review_window_months": [12, 6]}


def test_a_policy_outside_sensible_bounds_is_refused(make_user: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        services.policy_update(acting_user=make_user(Role.ADMINISTRATOR), retention_age_years=5)
    assert "retention_age_years" in refused.value.message_dict
    assert DataProtectionPolicy.current().retention_age_years == 75
