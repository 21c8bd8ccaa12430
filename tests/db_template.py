"""A migrated PostgreSQL database the test databases are copied from.

Migrating a new database takes most of a minute on a small machine (about 125 migrations,
including the DfE benchmark figures), and every pytest-xdist worker and the browser-test run
each made their own. Instead the first of them migrates a template database, named from a
fingerprint of everything migrations read, and every test database is then made with
`CREATE DATABASE ... TEMPLATE` in a second or two (Django's TEST["TEMPLATE"] setting). The
template stays between runs, so a local run pays for migrations again only when they change.

Only for PostgreSQL; SQLite test databases are made as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "test_template_"
# Packages whose own migrations the project runs: a new version can bring new ones.
MIGRATING_PACKAGES = ("django", "django-allauth", "django-axes", "django-tasks-db")


def fingerprint() -> str:
    """Changes whenever a migration, the data files migrations load, or a migrating package
    changes."""
    digest = hashlib.sha256()
    apps = ROOT / "careleavers"
    files = sorted(apps.glob("*/migrations/*.py")) + sorted(
        path for path in apps.glob("*/data/**/*") if path.is_file()
    )
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    for package in MIGRATING_PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def _connect(db: dict[str, Any]) -> psycopg.Connection[Any]:
    return psycopg.connect(
        dbname="postgres",
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        autocommit=True,
    )


def _url(db: dict[str, Any], name: str) -> str:
    user = quote(db.get("USER") or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{name}"


def migrated_template(db: dict[str, Any]) -> str:
    """The name of a fully migrated template database for these migrations, made if needed.
    Workers starting together wait on one advisory lock, so it is migrated once."""
    name = f"{PREFIX}{fingerprint()}"
    with _connect(db) as connection:
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", [PREFIX])
        try:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                _make(connection, db, name)
        finally:
            connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", [PREFIX])
    return name


def _make(connection: psycopg.Connection[Any], db: dict[str, Any], name: str) -> None:
    building = f"{name}_building"
    connection.execute(f'DROP DATABASE IF EXISTS "{building}"')
    connection.execute(f'CREATE DATABASE "{building}"')
    # A separate process, so this run's own connections never touch the template (PostgreSQL
    # copies a template only while nobody is connected to it).
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": _url(db, building)},
        check=True,
    )
    # Templates of older migrations are no longer used here; one that another checkout is
    # copying at this moment is left for next time.
    old = connection.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
        [f"{PREFIX}%", building],
    ).fetchall()
    for (stale,) in old:
        with contextlib.suppress(psycopg.errors.ObjectInUse):
            connection.execute(f'DROP DATABASE IF EXISTS "{stale}"')
    # Renamed only once complete, so an interrupted run never leaves a half-migrated template.
    connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')


def copy_template_again(db: dict[str, Any]) -> None:
    """Replace the test database `db` (Django's settings for a connection, pointing at the test
    database) with a fresh copy of its template, as it was when the test run began.

    For browser tests, which cannot be rolled back: everyone connected to the test database,
    the live server's threads included, is disconnected (Django's health checks reconnect them
    on their next query)."""
    name = db["NAME"]
    template = db["TEST"]["TEMPLATE"]
    with _connect(db) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def allow_emptying_between_tests() -> None:
    """Switch off the audit log's TRUNCATE trigger in the test database alone.

    Django empties the database after a transactional (browser) test with one TRUNCATE of
    every table, which the trigger (core migration 0003) rightly refuses. The tests connect as
    the owner, who may switch it off; the app in production is not the owner and cannot.
    careleavers/core/tests/test_database_roles.py switches it back on to prove it works."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_no_truncate"
            )
