"""The management commands for the information governance team."""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from careleavers.core.models import AuditEvent
from careleavers.dataprotection.models import SubjectAccessRequest
from careleavers.dataprotection.tests.factories import SubjectAccessRequestFactory
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _run(*args: Any) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_export_subject_access_writes_the_zip_by_child_id(tmp_path: Path) -> None:
    young_person = YoungPersonFactory(child_id="C555")
    out = tmp_path / "sar" / "amara.zip"
    printed = _run("export_subject_access", "--young-person", "C555", "--out", str(out))
    data = out.read_bytes()
    assert hashlib.sha256(data).hexdigest() in printed
    assert "summary.pdf" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    event = AuditEvent.objects.get(detail__event="subject_access_file_generated")
    assert event.young_person_id == young_person.pk
    assert event.actor is None


def test_export_subject_access_finds_by_database_id_and_records_on_a_request(
    tmp_path: Path,
) -> None:
    sar = SubjectAccessRequestFactory()
    out = tmp_path / "out.zip"
    _run(
        "export_subject_access",
        "--young-person",
        f"pk:{sar.young_person.pk}",
        "--out",
        str(out),
        "--request",
        str(sar.pk),
    )
    sar.refresh_from_db()
    assert sar.file_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert sar.status == SubjectAccessRequest.Status.FILE_READY


def test_export_subject_access_refuses_an_ambiguous_number(tmp_path: Path) -> None:
    first = YoungPersonFactory()
    YoungPersonFactory(child_id=str(first.pk))  # someone else's child ID is first's id
    with pytest.raises(CommandError, match="Say which"):
        _run(
            "export_subject_access",
            "--young-person",
            str(first.pk),
            "--out",
            str(tmp_path / "x.zip"),
        )


def test_export_subject_access_refuses_an_unknown_young_person(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No young person"):
        _run("export_subject_access", "--young-person", "NOBODY", "--out", str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()


def test_export_subject_access_refuses_a_request_for_someone_else(tmp_path: Path) -> None:
    sar = SubjectAccessRequestFactory()
    YoungPersonFactory(child_id="C777")
    with pytest.raises(CommandError, match="no subject access request"):
        _run(
            "export_subject_access",
            "--young-person",
            "C777",
            "--out",
            str(tmp_path / "x.zip"),
            "--request",
            str(sar.pk),
        )


def test_retention_review_lists_child_ids_and_counts_and_is_logged() -> None:
    YoungPersonFactory(child_id="OLD1", date_of_birth=datetime.date(1950, 1, 2))
    YoungPersonFactory(child_id="NEW1")
    printed = _run("retention_review", "--date", "2026-11-24", "--months", "12")
    assert "OLD1\t1950-01-02\t2025-01-02\tdecision needed" in printed
    assert "NEW1" not in printed
    assert "passed: 1" in printed
    assert AuditEvent.objects.filter(detail__event="retention_review_listed").exists()


def test_database_fingerprint_compares_with_an_earlier_output(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="PostgreSQL"):
            _run("database_fingerprint")
        return
    YoungPersonFactory()
    earlier = tmp_path / "before.tsv"
    earlier.write_text(_run("database_fingerprint"))
    assert "people_youngperson\t1\t" in earlier.read_text()
    assert "Every table matches" in _run("database_fingerprint", "--compare", str(earlier))
    YoungPersonFactory()
    with pytest.raises(CommandError, match="people_youngperson: 1 rows backed up, 2 restored"):
        _run("database_fingerprint", "--compare", str(earlier))
