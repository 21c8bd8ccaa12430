"""The audit log is append-only, and archivable records cannot be deleted."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent, AuditLogIsAppendOnly

pytestmark = pytest.mark.django_db


def _event() -> AuditEvent:
    return audit_record(acting_user=None, action=AuditEvent.Action.VIEW, subject_type="test")


def test_an_audit_event_cannot_be_saved_again() -> None:
    event = _event()
    event.detail = {"rewritten": True}
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()


def test_an_audit_event_cannot_be_deleted() -> None:
    with pytest.raises(AuditLogIsAppendOnly):
        _event().delete()


def test_audit_events_cannot_be_bulk_updated_or_deleted() -> None:
    _event()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().update(action="change")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE core_auditevent SET action = 'change' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ],
)
def test_postgresql_refuses_raw_update_and_delete_of_the_audit_log(sql: str) -> None:
    event = _event()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == AuditEvent.Action.VIEW


@pytest.fixture
def truncate_trigger_on() -> None:
    """The TRUNCATE trigger as a fresh `migrate` leaves it; the test database has it off
    (conftest.py). The test's transaction puts it back as it was."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_no_truncate")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize("sql", ["TRUNCATE core_auditevent", "TRUNCATE accounts_user CASCADE"])
@pytest.mark.usefixtures("truncate_trigger_on")
def test_postgresql_refuses_to_truncate_the_audit_log(sql: str) -> None:
    event = _event()
    with connection.cursor() as cursor:
        # Check the new row's foreign keys now, as a commit would, rather than at the end of the
        # test's transaction (PostgreSQL will not TRUNCATE a table with checks still to run).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with (
        pytest.raises(DatabaseError, match="append-only: TRUNCATE refused"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
