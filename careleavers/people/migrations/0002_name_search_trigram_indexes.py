"""Trigram indexes for searching names, on PostgreSQL.

Search matches any part of a name ("smi" finds Joanne Smith), which is `UPPER(name) LIKE
'%SMI%'`: no ordinary index helps, so at 100,000 young people each search read the whole table.
pg_trgm's GIN indexes answer those patterns directly (benchmarks/README has the figures). They
are on the same UPPER() expressions Django writes for `icontains`, so the ORM's queries use
them. Other databases (SQLite in development) go without: they hold demo-sized data.

Creating the extension needs a database role allowed to do so (the owner on PostgreSQL 13 and
later, as pg_trgm is a trusted extension).
"""

from django.db import migrations

INDEXES = [
    ("people_youngperson", "first_name"),
    ("people_youngperson", "last_name"),
    ("people_youngperson", "preferred_name"),
    ("people_previousname", "first_name"),
    ("people_previousname", "last_name"),
]


def _name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {_name(table, column)} ON "{table}" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(table, column)}")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_squashed")]

    operations = [migrations.RunPython(create, drop)]
