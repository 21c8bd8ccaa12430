"""The SQLite demo under two users at once: an export writing its audit event while someone else
is reading or writing must wait its turn, never fail with "database is locked".

Each scenario runs in a fresh process with the demo's settings (ENVIRONMENT=local and a SQLite
file, as scripts/start has them) and two threads, each with its own connection, as two gunicorn
workers would have.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careleavers.core.tests.fresh_process import python_in_a_fresh_process

# How long a thread waits for the other before giving up; far longer than any lock is held when
# the settings are right, so reaching it means the test has failed, not the machine was slow.
PATIENCE = 60


def _record_export(detail: str) -> None:
    from careleavers.core.audit import audit_record
    from careleavers.core.models import AuditEvent

    audit_record(
        acting_user=None,
        action=AuditEvent.Action.EXPORT,
        subject_type="returns.AnnexA",
        detail={"by": detail},
    )


def _run_both(first: Callable[[], None], second: Callable[[], None]) -> None:
    from django.db import connection

    failures: list[BaseException] = []

    def run(work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - reported by the parent process
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(work,)) for work in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(PATIENCE * 2)
    if failures:
        raise SystemExit(f"FAILED: {failures[0]!r}")


def reader_holds_a_read_open_while_an_export_writes() -> None:
    """Someone is reading a long list (a plan PDF, a caseload) when an export is recorded."""
    from django.db import transaction

    from careleavers.core.models import AuditEvent

    for number in range(20):
        _record_export(f"earlier {number}")
    reading, written = threading.Event(), threading.Event()

    def reader() -> None:
        rows = AuditEvent.objects.order_by("pk").iterator(chunk_size=1)
        next(rows)  # the read is under way and its statement open
        reading.set()
        written.wait(PATIENCE)
        assert sum(1 for _ in rows) == 19

    def exporter() -> None:
        reading.wait(PATIENCE)
        try:
            with transaction.atomic():
                _record_export("export")
        finally:
            written.set()

    _run_both(reader, exporter)
    assert AuditEvent.objects.filter(detail__by="export").count() == 1


def two_transactions_that_read_then_write() -> None:
    """An export reads then writes its audit event while another request writes (a session
    save, a page view's audit event) in its own transaction."""
    from django.db import transaction

    from careleavers.core.models import AuditEvent

    exporter_has_read, browser_starting = threading.Event(), threading.Event()

    def exporter() -> None:
        with transaction.atomic():
            AuditEvent.objects.count()
            exporter_has_read.set()
            browser_starting.wait(PATIENCE)
            # Let the other request get as far as it can before this one writes.
            time.sleep(0.5)
            _record_export("export")

    def browser() -> None:
        exporter_has_read.wait(PATIENCE)
        browser_starting.set()
        with transaction.atomic():
            _record_export("page view")

    _run_both(exporter, browser)
    assert AuditEvent.objects.count() == 2


SCENARIOS = {
    "reader": reader_holds_a_read_open_while_an_export_writes,
    "read_then_write": two_transactions_that_read_then_write,
}


def _main(scenario: str) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "core", verbosity=0)
    SCENARIOS[scenario]()


def run_in_the_sqlite_demo(call: str, tmp_path: Path, *, timeout: float) -> None:
    """Run `call` (Python code) in a fresh process with the demo's settings, as scripts/start
    has them (ENVIRONMENT=local, staff MFA off, a SQLite file), and fail with its output if it
    fails."""
    environment: dict[str, Any] = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "ENVIRONMENT": "local",
        "STAFF_MFA_REQUIRED": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    }
    result = python_in_a_fresh_process(["-c", call], environment, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-3000:]


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_two_users_at_once_on_the_sqlite_demo(scenario: str, tmp_path: Path) -> None:
    run_in_the_sqlite_demo(
        f"from {__name__} import _main; _main({scenario!r})", tmp_path, timeout=PATIENCE * 4
    )
