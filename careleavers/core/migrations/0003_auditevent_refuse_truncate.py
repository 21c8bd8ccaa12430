"""Make PostgreSQL refuse TRUNCATE of the audit log too.

Migration 0002 refuses UPDATE and DELETE row by row; TRUNCATE empties a table without touching
its rows, so it needs a statement-level trigger of its own. It also fires when TRUNCATE ...
CASCADE of a table the log refers to (the users) would empty the log with it.

Only the table's owner can switch a trigger off, which is why the app must connect as a role
that does not own it (README.md, "Database roles"; `manage.py check_database_roles`). The tests
connect as the owner, and switch this trigger off in their own database only, because Django
empties test databases with TRUNCATE between tests (conftest.py).
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER core_auditevent_no_truncate
BEFORE TRUNCATE ON core_auditevent
FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_refuse_change();
"""

DROP = "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;"


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_auditevent_append_only")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
