"""scripts/backup and scripts/restore: a backup restores every row of every table.

The round trip needs PostgreSQL (pg_dump, pg_restore and a server to create a database on).
CI always runs the tests on PostgreSQL (.ci/run), so there it runs in full: it seeds a small
demo council into the test database (committed, so pg_dump can see it), backs it up into a
temporary folder, restores it into a new database with a unique name (pytest-xdist runs
other tests beside it, each on its own database), compares the row count and a checksum of
the rows of every table and the value of every sequence, and drops the new database.
Under SQLite (a laptop run) the same test proves CI is set up to run it on PostgreSQL; the
comparison and the scripts' refusals are tested on their own everywhere.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from careleavers.dataprotection.backup_check import (
    Fingerprint,
    compare_fingerprints,
    format_fingerprints,
    parse_fingerprints,
    table_fingerprints,
)

REPOSITORY = Path(settings.BASE_DIR)
BACKUP = REPOSITORY / "scripts" / "backup"
RESTORE = REPOSITORY / "scripts" / "restore"


def _run(script: Path, *args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(script), *args],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _url(database: str) -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "postgres", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or "5432"
    return f"postgresql://{credentials}@{host}:{port}/{database}"


def assert_ci_runs_the_tests_on_postgresql() -> None:
    ci = (REPOSITORY / ".ci" / "run").read_text()
    assert re.search(r'export DATABASE_URL="postgres://', ci), "CI must test on PostgreSQL"
    assert "scripts/test" in ci
    assert '-m "not e2e"' in (REPOSITORY / "scripts" / "test").read_text()


# Everywhere ----------------------------------------------------------------------------------


def test_ci_runs_the_round_trip_on_postgresql() -> None:
    assert_ci_runs_the_tests_on_postgresql()


def test_identical_fingerprints_have_no_differences() -> None:
    prints = {"people_youngperson": Fingerprint(30, "abc"), "sequence:s": Fingerprint(0, "30")}
    assert compare_fingerprints(prints, dict(prints)) == []


def test_missing_rows_tables_and_changed_rows_are_all_reported() -> None:
    source = {
        "a": Fingerprint(3, "x"),
        "b": Fingerprint(2, "y"),
        "c": Fingerprint(1, "z"),
        "sequence:a_id_seq": Fingerprint(0, "3"),
    }
    restored = {
        "a": Fingerprint(2, "x"),
        "b": Fingerprint(2, "changed"),
        "d": Fingerprint(0, "e"),
        "sequence:a_id_seq": Fingerprint(0, "1"),
    }
    assert compare_fingerprints(source, restored) == [
        "c: missing from the restored database",
        "d: in the restored database but not the source",
        "a: 3 rows backed up, 2 restored",
        "b: row checksum differs (y and changed)",
        "sequence:a_id_seq: last value differs (3 and 1)",
    ]


def test_fingerprints_survive_being_written_out_and_read_back() -> None:
    prints = {"a": Fingerprint(3, "x"), "sequence:a_id_seq": Fingerprint(0, "None")}
    assert parse_fingerprints(format_fingerprints(prints)) == prints


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path: Path) -> None:
    result = _run(BACKUP, str(tmp_path), database_url="sqlite:///db.sqlite3")
    assert result.returncode == 2
    assert "only PostgreSQL is backed up" in result.stderr
    assert not list(tmp_path.iterdir())


def _dump(folder: Path, *, checksum_of: bytes | None = None) -> Path:
    """A dump file as the backup writes it, with a checksum file beside it (of these bytes, so
    it may not match) unless checksum_of is None."""
    dump = folder / "careleavers.dump"
    dump.write_bytes(b"what was backed up")
    if checksum_of is not None:
        digest = hashlib.sha256(checksum_of).hexdigest()
        (folder / "careleavers.dump.sha256").write_text(f"{digest}  careleavers.dump\n")
    return dump


@pytest.mark.parametrize(
    ("checksum_of", "target", "database_url", "returncode", "message"),
    [
        pytest.param(
            b"something else",
            "restored",
            "postgres://nobody@nowhere/x",
            3,
            "does not match its checksum",
            id="a_dump_that_does_not_match_its_checksum",
        ),
        pytest.param(
            None,
            "restored",
            "postgres://nobody@nowhere/x",
            2,
            "no checksum file",
            id="a_dump_without_its_checksum_file",
        ),
        pytest.param(
            b"what was backed up",
            'x"; DROP DATABASE y; --',
            "postgres://a@b/c",
            2,
            "letters, digits and underscores",
            id="a_target_name_that_is_not_a_plain_name",
        ),
    ],
)
def test_restore_refuses(
    tmp_path: Path,
    checksum_of: bytes | None,
    target: str,
    database_url: str,
    returncode: int,
    message: str,
) -> None:
    result = _run(
        RESTORE, str(_dump(tmp_path, checksum_of=checksum_of)), target, database_url=database_url
    )
    assert result.returncode == returncode
    assert message in result.stderr


# The round trip (PostgreSQL) -----------------------------------------------------------------


def _createdb(database: str) -> None:
    db = connection.settings_dict
    subprocess.run(
        [
            "createdb",
            "--host",
            db.get("HOST") or "127.0.0.1",
            "--port",
            str(db.get("PORT") or 5432),
            "--username",
            db["USER"] or "postgres",
            database,
        ],
        env={**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""},
        check=True,
        timeout=60,
    )


def _drop(database: str) -> None:
    import psycopg

    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _manage(*args: str, database_url: str) -> None:
    result = subprocess.run(
        [str(REPOSITORY / ".venv" / "bin" / "python"), str(REPOSITORY / "manage.py"), *args],
        env={**os.environ, "DATABASE_URL": database_url, "ENVIRONMENT": "local"},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_backup_restores_every_row_of_every_table(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        # Not skipped: on SQLite this proves the full round trip runs in CI instead.
        assert_ci_runs_the_tests_on_postgresql()
        return
    import psycopg

    # A database of its own, migrated and seeded as a council's would be: the test database is
    # emptied and refilled by other tests running beside this one, so it is no fixed source.
    source_name = f"cl_backup_source_{uuid.uuid4().hex[:12]}"
    restored_name = f"cl_restore_test_{uuid.uuid4().hex[:12]}"
    source_url = _url(source_name)
    try:
        _createdb(source_name)
        _manage("migrate", "--no-input", "-v", "0", database_url=source_url)
        _manage("seed_demo", "--young-people", "30", database_url=source_url)
        with psycopg.connect(source_url, autocommit=True) as source_db:
            source_db.execute(
                "INSERT INTO core_auditevent (at, actor_label, action, subject_type, subject_id,"
                " detail) VALUES (now(), '', 'export', 'backup test', '', '{}')"
            )

        backed_up = _run(BACKUP, str(tmp_path), database_url=source_url)
        assert backed_up.returncode == 0, backed_up.stderr
        dump = Path(backed_up.stdout.strip())
        checksum = Path(f"{dump}.sha256").read_text().split()
        assert checksum == [hashlib.sha256(dump.read_bytes()).hexdigest(), dump.name]
        assert oct(dump.stat().st_mode & 0o777) == "0o600"
        with psycopg.connect(source_url) as source_db, source_db.cursor() as cursor:
            source = table_fingerprints(cursor)

        _createdb(restored_name)
        restored_run = _run(RESTORE, str(dump), restored_name, database_url=source_url)
        assert restored_run.returncode == 0, restored_run.stderr
        with psycopg.connect(_url(restored_name)) as restored_db, restored_db.cursor() as cursor:
            restored = table_fingerprints(cursor)
            # The audit log's append-only trigger came back too.
            with pytest.raises(psycopg.Error):
                cursor.execute("UPDATE core_auditevent SET action = 'changed'")
        # Restoring again over the restored database is refused: it is not empty.
        again = _run(RESTORE, str(dump), restored_name, database_url=source_url)
        assert again.returncode == 4
        assert "not empty" in again.stderr
    finally:
        _drop(restored_name)
        _drop(source_name)

    assert source["people_youngperson"].rows == 30
    assert source["casework_contact"].rows > 0
    assert source["core_auditevent"].rows >= 1
    assert len(source) > 100
    assert compare_fingerprints(source, restored) == []
