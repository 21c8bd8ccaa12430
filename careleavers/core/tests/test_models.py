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
