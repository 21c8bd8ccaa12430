"""`check_database_roles` passes only when the app connects as a role that cannot switch off or
get round the audit triggers, and the roles in docs/database-roles.sql are such roles.

The tests connect as a superuser that owns the tables, as CI does. Each test runs inside one
transaction: roles it creates, grants it makes and `SET ROLE` all vanish when it is rolled back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="checks PostgreSQL roles"),
]

ROOT = Path(__file__).resolve().parents[3]
GRANTS_SQL = ROOT / "docs" / "database-grants.sql"


def _execute(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.fixture(autouse=True)
def _triggers_as_migrate_leaves_them() -> None:
    _execute("ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_no_truncate")


def _after_migrate_grants(role: str) -> list[str]:
    """docs/database-grants.sql for `role`: what the DBA runs after each `migrate`."""
    lines = GRANTS_SQL.read_text().splitlines()
    statements = [line for line in lines if line.strip() and not line.startswith("--")]
    return [re.sub(r"\bcareleavers_app\b", role, statement) for statement in statements]


@pytest.fixture
def app_role() -> Iterator[str]:
    """A role set up as docs/database-roles.sql and database-grants.sql set up careleavers_app,
    acting as the app."""
    role = f"careleavers_app_test_{uuid.uuid4().hex[:12]}"
    _execute(f"CREATE ROLE {role} NOLOGIN")
    _execute(f"GRANT USAGE ON SCHEMA public TO {role}")
    for statement in _after_migrate_grants(role):
        _execute(statement)
    _execute(f"SET ROLE {role}")
    yield role
    _execute("RESET ROLE")


def test_it_fails_when_the_app_connects_as_a_superuser() -> None:
    with pytest.raises(CommandError, match="superuser, who can switch off the audit triggers"):
        call_command("check_database_roles")


def test_it_fails_when_the_app_connects_as_the_owner() -> None:
    owner = f"careleavers_owner_test_{uuid.uuid4().hex[:12]}"
    _execute(f"CREATE ROLE {owner} NOLOGIN")
    _execute(f"ALTER TABLE core_auditevent OWNER TO {owner}")
    _execute(f"SET ROLE {owner}")
    try:
        with pytest.raises(CommandError, match="owns core_auditevent"):
            call_command("check_database_roles")
    finally:
        _execute("RESET ROLE")


def test_it_fails_when_the_app_may_delete_from_the_audit_log(app_role: str) -> None:
    _execute("RESET ROLE")
    _execute(f"GRANT DELETE, TRUNCATE ON core_auditevent TO {app_role}")
    _execute(f"SET ROLE {app_role}")
    with pytest.raises(CommandError, match="holds DELETE, TRUNCATE on core_auditevent"):
        call_command("check_database_roles")


def test_it_fails_when_a_trigger_has_been_switched_off(app_role: str) -> None:
    _execute("RESET ROLE")
    _execute("ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_append_only")
    _execute(f"SET ROLE {app_role}")
    with pytest.raises(CommandError, match="core_auditevent_append_only has been switched off"):
        call_command("check_database_roles")


def test_it_passes_for_the_app_role_in_the_docs(
    app_role: str, capsys: pytest.CaptureFixture
) -> None:
    call_command("check_database_roles")
    assert f"The app connects as {app_role}" in capsys.readouterr().out


def test_the_app_role_can_do_the_apps_work(app_role: str) -> None:
    young_person = YoungPersonFactory(first_name="Asha")
    audit_record(
        acting_user=None,
        action=AuditEvent.Action.VIEW,
        subject=young_person,
        young_person_id=young_person.pk,
    )
    assert AuditEvent.objects.filter(young_person_id=young_person.pk).count() == 1


@pytest.mark.parametrize(
    ("sql", "refusal"),
    [
        ("TRUNCATE core_auditevent", "permission denied"),
        ("DELETE FROM core_auditevent", "permission denied"),
        ("UPDATE core_auditevent SET action = 'change'", "permission denied"),
        (
            "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_no_truncate",
            "must be owner",
        ),
        ("ALTER TABLE core_auditevent DISABLE TRIGGER ALL", "must be owner"),
        ("SET session_replication_role = replica", "permission denied"),
    ],
)
def test_the_app_role_cannot_empty_rewrite_or_unprotect_the_audit_log(
    app_role: str, sql: str, refusal: str
) -> None:
    audit_record(acting_user=None, action=AuditEvent.Action.VIEW, subject_type="test")
    with pytest.raises(DatabaseError, match=refusal), transaction.atomic():
        _execute(sql)
    assert AuditEvent.objects.count() == 1


def _statements(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if re.match(r"\s*(CREATE|REVOKE|GRANT|ALTER)\b", line)
    ]


def test_the_guides_give_the_dba_the_same_sql_as_the_files() -> None:
    roles = _statements((ROOT / "docs" / "database-roles.sql").read_text())
    grants = _statements(GRANTS_SQL.read_text())
    for guide in ("README.md", "docs/production.md"):
        shown = _statements((ROOT / guide).read_text())
        assert [s for s in roles if s not in shown] == [], guide
    shown = _statements((ROOT / "docs" / "production.md").read_text())
    assert [s for s in grants if s not in shown] == []
