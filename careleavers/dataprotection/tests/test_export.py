"""The subject access zip: a PDF summary and one CSV per kind of record, nothing removed,
third-party information flagged."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import zipfile
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.tests.factories import (
    AllocationFactory,
    CaseNoteFactory,
    ContactFactory,
    DutyLogEntryFactory,
)
from careleavers.dataprotection import redaction
from careleavers.dataprotection.discovery import record_kinds
from careleavers.dataprotection.export import (
    MANIFEST_NAME,
    SUMMARY_NAME,
    ExportDetails,
    sha256_of,
    write_subject_access_zip,
)
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _details() -> ExportDetails:
    return ExportDetails(
        reference="SAR-7",
        requested_by="Their solicitor",
        received_on=datetime.date(2026, 11, 2),
        due_on=datetime.date(2026, 12, 2),
        handled_by="Hana Head",
        generated_by="Hana Head",
        generated_at=timezone.now(),
        retention_ends_on=datetime.date(2082, 1, 5),
    )


def _export(young_person: Any) -> tuple[zipfile.ZipFile, Any, bytes]:
    out = io.BytesIO()
    result = write_subject_access_zip(young_person=young_person, out=out, details=_details())
    return zipfile.ZipFile(io.BytesIO(out.getvalue())), result, out.getvalue()


def _rows(archive: zipfile.ZipFile, label: str) -> list[dict[str, str]]:
    text = archive.read(f"records/{label}.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _pdf_text(archive: zipfile.ZipFile) -> str:
    reader = PdfReader(io.BytesIO(archive.read(SUMMARY_NAME)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def case() -> Any:
    young_person = YoungPersonFactory(first_name="Amara", last_name="Osei")
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], first_name="Pat", last_name="Adviser")
    AllocationFactory(young_person=young_person, worker=adviser)
    stranger = UserFactory(roles=[Role.DUTY_WORKER], first_name="Dee", last_name="Duty")
    contact = ContactFactory(
        young_person=young_person,
        worker=adviser,
        notes="Her brother Kofi was there and spoke about his court case.",
        purpose='=HYPERLINK("http://example.com")',
    )
    DutyLogEntryFactory(
        young_person=young_person, duty_worker=stranger, caller="Mrs Jones, her neighbour"
    )
    CaseNoteFactory(
        young_person=young_person,
        author=adviser,
        contains_third_party_information=True,
        third_party_description="Foster carer's health",
    )
    other = YoungPersonFactory(first_name="Zebedee", last_name="Quill")
    ContactFactory(young_person=other, notes="Zebedee's own visit")
    return {"young_person": young_person, "contact": contact, "adviser": adviser}


def test_the_zip_has_a_summary_a_manifest_and_a_file_for_every_kind(case: Any) -> None:
    archive, result, _ = _export(case["young_person"])
    names = set(archive.namelist())
    assert {SUMMARY_NAME, MANIFEST_NAME} <= names
    assert {kind.file_name for kind in record_kinds()} <= names
    assert result.rows_of("casework.contact") == 1
    assert result.rows_of("people.youngperson") == 1


def test_nothing_is_removed_and_other_young_people_are_not_included(case: Any) -> None:
    archive, _, _ = _export(case["young_person"])
    contacts = _rows(archive, "casework.contact")
    assert len(contacts) == 1
    assert contacts[0]["Notes"] == "Her brother Kofi was there and spoke about his court case."
    everything = "".join(
        archive.read(name).decode("utf-8-sig", "ignore")
        for name in archive.namelist()
        if name.endswith(".csv")
    )
    assert "Zebedee" not in everything


def test_free_text_and_other_people_are_flagged_for_checking(case: Any) -> None:
    archive, _, _ = _export(case["young_person"])
    contact = _rows(archive, "casework.contact")[0]
    check = contact[redaction.CHECK_COLUMN]
    assert f"Notes: {redaction.FREE_TEXT}" in check
    # Their own adviser is not flagged.
    assert "Worker:" not in check
    duty = _rows(archive, "casework.dutylogentry")[0]
    assert f"Who called or came in: {redaction.NAMES_OTHERS}" in duty[redaction.CHECK_COLUMN]
    assert redaction.OTHER_STAFF in duty[redaction.CHECK_COLUMN]
    assert duty["Who called or came in"] == "Mrs Jones, her neighbour"


def test_a_record_a_worker_marked_as_third_party_is_flagged(case: Any) -> None:
    archive, _, _ = _export(case["young_person"])
    note = _rows(archive, "casework.casenote")[0]
    assert redaction.MARKED in note[redaction.CHECK_COLUMN]


def test_staff_are_named_and_codes_are_shown_as_words(case: Any) -> None:
    archive, _, _ = _export(case["young_person"])
    contact = _rows(archive, "casework.contact")[0]
    assert contact["Worker"].startswith("Pat Adviser (")
    assert contact["Method"] == "Home visit"
    assert contact["Seen alone"] == "Yes"


def test_text_that_a_spreadsheet_would_run_is_written_safely(case: Any) -> None:
    archive, _, _ = _export(case["young_person"])
    assert _rows(archive, "casework.contact")[0]["Purpose"].startswith("'=HYPERLINK")


def test_a_staff_name_that_a_spreadsheet_would_run_is_written_safely(case: Any) -> None:
    case["adviser"].first_name = "@SUM(1+1)"
    case["adviser"].save(update_fields=["first_name"])
    archive, _, _ = _export(case["young_person"])
    assert _rows(archive, "casework.contact")[0]["Worker"].startswith("'@SUM(1+1) Adviser")


def test_the_manifest_holds_each_files_checksum(case: Any) -> None:
    archive, _, _ = _export(case["young_person"])
    manifest = list(csv.DictReader(io.StringIO(archive.read(MANIFEST_NAME).decode("utf-8-sig"))))
    assert len(manifest) == len(record_kinds())
    for row in manifest:
        assert hashlib.sha256(archive.read(row["File"])).hexdigest() == row["SHA-256"]


def test_the_summary_lists_the_files_and_the_redaction_checklist(case: Any) -> None:
    archive, result, _ = _export(case["young_person"])
    text = _pdf_text(archive)
    assert "The information we hold about Amara Osei" in text
    assert "SAR-7" in text
    assert "Their solicitor" in text
    assert "5 January 2082" in text  # the retention date
    assert "records/casework.contact.csv" in text
    assert "Redaction checklist" in text
    assert "This part is not for release" in text
    assert "Who called or came in" in text
    assert redaction.NAMES_OTHERS in text
    assert f"{result.flagged_rows} of {result.total_rows} records" in text


def test_the_hash_is_of_the_whole_file(case: Any) -> None:
    out = io.BytesIO()
    write_subject_access_zip(young_person=case["young_person"], out=out, details=_details())
    digest, size = sha256_of(out)
    assert digest == hashlib.sha256(out.getvalue()).hexdigest()
    assert size == len(out.getvalue())


def test_the_young_persons_history_is_included(case: Any) -> None:
    young_person = case["young_person"]
    young_person.pronouns = "she/her"
    young_person.save()
    archive, _, _ = _export(young_person)
    history = _rows(archive, "people.historicalyoungperson")
    assert len(history) == 2
    assert {row["Pronouns"] for row in history} == {"", "she/her"}


def test_a_restricted_records_named_staff_are_listed_and_checked(case: Any) -> None:
    young_person = case["young_person"]
    manager = UserFactory(roles=[Role.TEAM_MANAGER], first_name="Mo", last_name="Manager")
    young_person.restricted_to.add(manager, case["adviser"])
    archive, _, _ = _export(young_person)
    row = _rows(archive, "people.youngperson")[0]
    restricted = next(value for key, value in row.items() if key.startswith("Restricted to"))
    assert "Mo Manager" in restricted
    assert "Pat Adviser" in restricted
    assert redaction.OTHER_STAFF in row[redaction.CHECK_COLUMN]


def test_an_export_costs_a_fixed_number_of_queries_however_many_records(
    case: Any, django_assert_max_num_queries: Any
) -> None:
    young_person = case["young_person"]
    for _ in range(15):
        ContactFactory(young_person=young_person, worker=case["adviser"], notes="More")
    limit = 3 * len(record_kinds()) + 10
    with django_assert_max_num_queries(limit):
        write_subject_access_zip(young_person=young_person, out=io.BytesIO(), details=_details())
