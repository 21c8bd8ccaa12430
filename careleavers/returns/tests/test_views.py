"""The returns pages: downloads are audited, the validator report, the import upload."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.core.tests.file_jobs import made_file
from careleavers.people.models import YoungPerson
from careleavers.returns import validation, validator
from careleavers.returns.models import ValidationRun
from careleavers.returns.validator import ValidatorReport

HEADER = b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"


@pytest.mark.django_db
def test_the_returns_page_offers_downloads_and_the_check(client_for):
    response = client_for(Role.PERFORMANCE_ANALYST).get(reverse("returns:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("returns:ssda903_download", kwargs={"year": 2026}) in body
    assert reverse("returns:annex_a_download") in body
    assert reverse("returns:ssda903_import") not in body  # analysts do not import


@pytest.mark.django_db
def test_the_year_selector_shows_the_year_the_links_are_for(client_for):
    body = client_for(Role.PERFORMANCE_ANALYST).get(reverse("returns:index")).content.decode()
    selected = body.split('name="year"', 1)[1].split("</select>", 1)[0].split(" selected")[0]
    chosen = int(selected.rsplit('value="', 1)[1].split('"', 1)[0])
    assert reverse("returns:ssda903_download", kwargs={"year": chosen}) in body


@pytest.mark.django_db
def test_an_administrator_cannot_download_either_return_and_is_offered_only_the_import(
    client_for,
):
    # Administrators see no records; both returns hold every care leaver, restricted included.
    client = client_for(Role.ADMINISTRATOR)
    annex_a = client.get(reverse("returns:annex_a_download"))
    csv = client.get(reverse("returns:annex_a_download"), {"format": "csv"})
    ssda903 = client.get(reverse("returns:ssda903_download", kwargs={"year": 2026}))
    check = client.get(reverse("returns:ssda903_check", kwargs={"year": 2026}))

    assert [annex_a.status_code, csv.status_code, ssda903.status_code, check.status_code] == [
        403,
        403,
        403,
        403,
    ]
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()
    body = client.get(reverse("returns:index")).content.decode()
    assert reverse("returns:ssda903_import") in body
    assert "/download/" not in body
    assert "/check/" not in body


@pytest.mark.django_db
def test_the_returns_page_is_in_the_navigation_for_analysts(client_for):
    response = client_for(Role.PERFORMANCE_ANALYST).get(reverse("core:home"))
    assert reverse("returns:index") in response.content.decode()


@pytest.mark.django_db
def test_downloading_the_return_is_audited(client_for):
    client = client_for(Role.PERFORMANCE_ANALYST)
    response = made_file(client, reverse("returns:ssda903_download", kwargs={"year": 2026}))

    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.body)).namelist()
    assert sorted(names) == ["episodes.csv", "header.csv", "oc3.csv", "uasc.csv"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.actor is not None
    assert event.detail["how"] == "download"
    assert event.detail["records"] == 0


@pytest.mark.django_db
def test_downloading_annex_a_is_audited(client_for):
    response = made_file(client_for(Role.HEAD_OF_SERVICE), reverse("returns:annex_a_download"))

    workbook = load_workbook(io.BytesIO(response.body))
    assert workbook.sheetnames == ["List 9"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.subject_type, event.detail["records"]) == ("returns.annex_a", 0)


def _fake_validator(folder, *, year, previous=None, **kwargs):
    assert (folder / "oc3.csv").exists()
    return ValidatorReport.from_json(
        {
            "collection_year": year,
            "tables": ["OC3"],
            "rules_run": 1,
            "rules_skipped": 0,
            "rules_failed": [],
            "rules": {"345": {"message": "In touch but activity 0.", "fields": []}},
            "issues": [{"rule": "345", "table": "OC3", "row": 0, "child": "C42"}],
            "previous_year": previous is not None,
        }
    )


@pytest.mark.django_db
def test_checking_runs_the_validator_in_the_background_and_shows_the_report(
    client_for, monkeypatch
):
    monkeypatch.setattr(validation, "run_validator", _fake_validator)
    monkeypatch.setattr(validation, "installed_python", lambda: None)
    client = client_for(Role.PERFORMANCE_ANALYST)
    url = reverse("returns:ssda903_check", kwargs={"year": 2026})

    response = client.post(url)

    run = ValidationRun.objects.get()
    # To the progress page; the test settings run tasks at once, so it has finished.
    assert response["Location"] == reverse("returns:ssda903_check_progress", kwargs={"pk": run.pk})
    assert (run.collection_year, run.status, run.error_count) == (2026, "done", 1)
    body = client.get(response["Location"], follow=True).content.decode()
    assert "In touch but activity 0." in body
    assert "C42" in body


@pytest.mark.django_db
def test_a_check_waiting_for_the_worker_shows_its_progress_without_javascript(
    client_for, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = client_for(Role.PERFORMANCE_ANALYST)

    response = client.post(reverse("returns:ssda903_check", kwargs={"year": 2026}), follow=True)

    body = response.content.decode()
    assert "Waiting to start" in body
    assert '<meta http-equiv="refresh" content="3">' in body
    run = ValidationRun.objects.get()
    assert run.status == "queued"
    # The task is in the database queue for `manage.py db_worker`.
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get().args_kwargs["args"] == [run.pk]


@pytest.mark.django_db
def test_a_check_on_a_server_without_the_validator_says_how_to_install_it_and_downloads_nothing(
    client_for, monkeypatch, tmp_path, settings
):
    monkeypatch.delenv("SSDA903_VALIDATOR_VENV", raising=False)
    settings.SSDA903_VALIDATOR_VENV = str(tmp_path / "no-validator-here")

    def download(**kwargs):
        raise AssertionError("a check must never install the validator")

    monkeypatch.setattr(validator, "ensure_installed", download)
    client = client_for(Role.HEAD_OF_SERVICE)

    body = client.post(
        reverse("returns:ssda903_check", kwargs={"year": 2026}), follow=True
    ).content.decode()

    assert "The check could not finish" in body
    assert "is not installed on this server" in body
    assert "manage.py prepare_ssda903_validator" in body
    assert ValidationRun.objects.get().status == "failed"
    assert not (tmp_path / "no-validator-here").exists()


@pytest.mark.django_db
def test_an_administrator_sees_every_problem_on_screen_and_nothing_is_imported(client_for):
    upload = SimpleUploadedFile(
        "header.csv", HEADER + b"A1,9,01/02/2007,WBRI,,,\r\nA2,F,01/02/2007,ZZZZ,,,\r\n"
    )
    response = client_for(Role.ADMINISTRATOR).post(
        reverse("returns:ssda903_import"), {"upload": [upload]}
    )

    body = response.content.decode()
    assert "Nothing was imported" in body
    assert "is not a valid code (M, F, U, or the old 1 or 2)" in body
    assert "ZZZZ" in body
    assert YoungPerson.objects.count() == 0


@pytest.mark.django_db
def test_an_administrator_imports_from_the_web(client_for):
    upload = SimpleUploadedFile("header.csv", HEADER + b"A1,2,01/02/2007,WBRI,UN2,,\r\n")
    response = client_for(Role.ADMINISTRATOR).post(
        reverse("returns:ssda903_import"), {"upload": [upload]}
    )

    assert "Import complete" in response.content.decode()
    person = YoungPerson.objects.get(child_id="A1")
    assert (person.sex, person.upn_unknown_reason) == ("F", "UN2")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.IMPORT).count() == 1
