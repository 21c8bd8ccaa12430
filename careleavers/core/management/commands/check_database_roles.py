"""`manage.py check_database_roles`: is the app connected as a role that cannot empty or rewrite
the audit log?

Run it with the app's own DATABASE_URL after each release. PostgreSQL's triggers refuse UPDATE,
DELETE and TRUNCATE of the audit log (core migrations 0002 and 0003), but the table's owner, or a
superuser, can switch a trigger off. So the app must connect as a role that is neither, and has
been granted only SELECT and INSERT on the log (docs/database-roles.sql). Exits non-zero, saying
what is wrong, when it is not so.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from careleavers.core.models import AuditEvent

TRIGGERS = ("core_auditevent_append_only", "core_auditevent_no_truncate")
# Privileges the app must not hold on the audit log; SELECT and INSERT are all it needs.
REFUSED_PRIVILEGES = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")


class Command(BaseCommand):
    help = "Check that the app's database role cannot switch off or get round the audit triggers."

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                f"check_database_roles checks PostgreSQL roles; this database is "
                f"{connection.vendor}, which only the laptop demo uses."
            )
        table = AuditEvent._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT current_user,
                       role.rolsuper,
                       pg_get_userbyid(tab.relowner),
                       pg_has_role(current_user, tab.relowner, 'MEMBER')
                FROM pg_roles AS role, pg_class AS tab
                WHERE role.rolname = current_user AND tab.oid = %s::regclass
                """,
                [table],
            )
            user, is_superuser, owner, acts_as_owner = cursor.fetchone()
            cursor.execute(
                "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = %s::regclass",
                [table],
            )
            triggers = dict(cursor.fetchall())
            held = []
            for privilege in REFUSED_PRIVILEGES:
                cursor.execute("SELECT has_table_privilege(%s, %s)", [table, privilege])
                if cursor.fetchone()[0]:
                    held.append(privilege)

        problems = []
        if is_superuser:
            problems.append(
                f"The app connects as {user}, a superuser, who can switch off the audit triggers."
            )
        elif acts_as_owner:
            problems.append(
                f"The app connects as {user}, which owns {table} (or can act as its owner, "
                f"{owner}), so it can switch off the audit triggers."
            )
        if held:
            problems.append(
                f"{user} holds {', '.join(held)} on {table}; grant it only SELECT and INSERT."
            )
        for trigger in TRIGGERS:
            if triggers.get(trigger) is None:
                problems.append(f"The trigger {trigger} is missing: run `manage.py migrate`.")
            elif triggers[trigger] == "D":
                problems.append(f"The trigger {trigger} has been switched off.")
        if problems:
            raise CommandError(
                "\n".join(problems)
                + "\nConnect the app as a role like careleavers_app in docs/database-roles.sql."
            )
        self.stdout.write(
            f"The app connects as {user}: not a superuser, not the owner of {table} (that is "
            f"{owner}), and allowed only to read and add to it. Its triggers are on."
        )
