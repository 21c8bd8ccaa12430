"""The SSDA903 care-leaver export and the Annex A List 9 export."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.core.tests.file_jobs import made_file
from careleavers.returns import annex_a, ssda903
from careleavers.returns.services import annex_a_export, ssda903_export
from careleavers.returns.tests.builders import TODAY, YEAR, build_cohort


def read(folder, name):
    with (folder / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        text = handle.read()
    return text.splitlines()[0], list(csv.DictReader(io.StringIO(text)))


@pytest.mark.django_db
def test_export_writes_the_four_files_with_exact_headers(tmp_path, monkeypatch):
    build_cohort(monkeypatch)
    ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)

    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "episodes.csv",
        "header.csv",
        "oc3.csv",
        "uasc.csv",
    ]
    for name, columns in ssda903.USED_TABLES.items():
        assert read(tmp_path, name)[0] == ",".join(columns)


@pytest.mark.django_db
def test_export_holds_the_cohort_with_codes_and_dates(tmp_path, monkeypatch):
    build_cohort(monkeypatch)
    ssda903_export(acting_user=None, year=YEAR, out_dir=tmp_path)

    _, oc3 = read(tmp_path, "oc3")
    assert {
        row["CHILD"]: (row["DOB"], row["IN_TOUCH"], row["ACTIV"], row["ACCOM"]) for row in oc3
    } == {
        "CL17": ("01/10/2008", "YES", "G5", "D1"),
        "CL19": ("10/08/2006", "YES", "F2", "U1"),
        "CL21": ("01/12/2004", "NO", "0", "0"),
        "CL23": ("05/06/2002", "YES", "F5", "U1"),
    }
    _, header = read(tmp_path, "header")
    by_child = {row["CHILD"]: row for row in header}
    assert set(by_child) == {"CL17", "CL19", "CL21", "CL23"}
    assert by_child["CL19"]["SEX"] == "M"
    assert by_child["CL17"]["UPN"] == "A123456789012"
    # Looked after in the year, a young woman, no child recorded: not a mother (rule 393).
    assert (by_child["CL17"]["MOTHER"], by_child["CL17"]["MC_DOB"]) == ("0", "")
    # No episode in the year: no motherhood details (rule 628); a young man: never (rule 174).
    assert by_child["CL21"]["MOTHER"] == ""
    assert by_child["CL19"]["MOTHER"] == ""
    # Only episodes open during the year, so CL17's.
    _, episodes = read(tmp_path, "episodes")
    assert [(row["CHILD"], row["DEC"], row["REC"]) for row in episodes] == [
        ("CL17", "15/04/2025", "E6")
    ]
    # UASC rows only with an episode in the year (rule 1014): CL19 has none.
    assert read(tmp_path, "uasc")[1] == []


@pytest.mark.django_db
def test_export_is_audited_with_counts(tmp_path, monkeypatch):
    build_cohort(monkeypatch)
    call_command(
        "export_ssda903", "--year", str(YEAR), "--out", str(tmp_path), stdout=io.StringIO()
    )
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.subject_type == "returns.ssda903_export"
    assert event.detail["records"] == 4
    assert event.detail["oc3"] == 4
    assert event.detail["episodes"] == 1


@pytest.mark.django_db
def test_in_touch_without_activity_is_left_blank_and_reported(tmp_path, monkeypatch):
    cohort = build_cohort(monkeypatch)
    cohort.activities.pop(cohort.members["CL19"].pk)
    out = io.StringIO()
    call_command("export_ssda903", "--year", str(YEAR), "--out", str(tmp_path), stdout=out)

    _, oc3 = read(tmp_path, "oc3")
    row = next(row for row in oc3 if row["CHILD"] == "CL19")
    assert (row["IN_TOUCH"], row["ACTIV"], row["ACCOM"]) == ("YES", "", "U1")
    assert "CL19: In touch, but no activity is recorded" in out.getvalue()


@pytest.mark.django_db
def test_annex_a_workbook_has_the_list_9_sheet_headers_and_labels(tmp_path, monkeypatch):
    cohort = build_cohort(monkeypatch)
    path = tmp_path / "annex-a.xlsx"
    call_command("export_annex_a", "--out", str(path), stdout=io.StringIO())

    workbook = load_workbook(path)
    assert workbook.sheetnames == ["List 9"]
    rows = [list(row) for row in workbook["List 9"].iter_rows(values_only=True)]
    assert tuple(rows[0]) == annex_a.COLUMNS
    body = {row[0]: dict(zip(annex_a.COLUMNS, row, strict=True)) for row in rows[1:]}
    # The rows are the young people entitled to leaving care services today.
    expected = {
        person.child_id
        for person in [*cohort.members.values(), *cohort.others.values()]
        if person.category in ("relevant", "former_relevant", "qualifying", "eligible")
    }
    assert set(body) == expected
    nineteen = body["CL19"]
    assert nineteen["Gender"] == "a) Male"
    assert nineteen["Ethnicity"] == "o) BAFR"
    assert (
        nineteen["Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over"]
        == "a) Yes"
    )
    assert nineteen["Does the Child have a Disability"] == "a) Yes"
    assert nineteen["Eligibility Category"] == "b) Former relevant child"
    assert nineteen["Allocated Personal Advisor"] == "Pat Adviser"
    assert nineteen["Latest Date of Contact"] == "20/07/2025"
    assert nineteen["Latest Pathway Plan Review Date"] is None  # no plan recorded
    assert nineteen["Type of Accommodation"] == "U: Independent living"
    assert nineteen["Suitability of Accommodation"] == "a) Suitable"
    assert nineteen["Activity Status"] == "F2: Full time in education other than higher"


@pytest.mark.django_db
def test_annex_a_csv_and_its_audit(monkeypatch):
    build_cohort(monkeypatch)
    out = io.BytesIO()
    count = annex_a_export(acting_user=None, out=out, file_format="csv", today=TODAY)

    lines = out.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join(f'"{c}"' if "," in c else c for c in annex_a.COLUMNS)
    assert len(lines) == count + 1
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.subject_type, event.detail["records"]) == ("returns.annex_a", count)


@pytest.mark.django_db
def test_a_worker_named_like_a_formula_is_text_in_both_annex_a_files(monkeypatch, client_for):
    # Names are typed by people (an administrator sets up staff accounts); none is ever run.
    cohort = build_cohort(monkeypatch)
    cohort.adviser.first_name = '=HYPERLINK("https://attacker.example","Pat")'
    cohort.adviser.save(update_fields=["first_name"])
    client = client_for(Role.HEAD_OF_SERVICE)
    url = reverse("returns:annex_a_download")

    sheet = load_workbook(io.BytesIO(made_file(client, url).body))["List 9"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    text = made_file(client, url, {"format": "csv"}).body.decode("utf-8-sig")
    advisers = {row["Allocated Personal Advisor"] for row in csv.DictReader(io.StringIO(text))}
    assert '\'=HYPERLINK("https://attacker.example","Pat") Adviser' in advisers
    assert not any(name.startswith(("=", "+", "-", "@")) for name in advisers)
