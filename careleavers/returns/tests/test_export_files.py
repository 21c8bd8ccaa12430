"""Exports made in the background: asked for on the returns page, followed on a progress page
that works without JavaScript, and downloaded from it by those who may export."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from careleavers.accounts.roles import Role
from careleavers.core import file_jobs
from careleavers.core.models import AuditEvent, FileJob
from careleavers.core.tests.file_jobs import made_file
from careleavers.returns import selectors, services
from careleavers.returns.tests.builders import YEAR, build_cohort

pytestmark = pytest.mark.django_db

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _annex_a_asked_for(client) -> FileJob:
    """Asks for Annex A on the returns page; the file job that will make it."""
    client.post(reverse("returns:annex_a_download"))
    return FileJob.objects.get()


def _progress_page(client, job: FileJob) -> str:
    return client.get(reverse("returns:export_progress", kwargs={"pk": job.pk})).content.decode()


def test_the_return_is_made_in_the_background_and_downloaded_from_its_page(
    client_for, monkeypatch
):
    cohort = build_cohort(monkeypatch)
    client = client_for(Role.PERFORMANCE_ANALYST)

    response = made_file(client, reverse("returns:ssda903_download", kwargs={"year": YEAR}))

    assert response["Content-Disposition"] == (
        f'attachment; filename="ssda903-care-leavers-{YEAR}.zip"'
    )
    archive = zipfile.ZipFile(io.BytesIO(response.body))
    oc3 = archive.read("oc3.csv").decode()
    assert oc3.startswith("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\n")
    assert all(child_id in oc3 for child_id in cohort.members)
    job = FileJob.objects.get()
    assert (job.status, job.rows_done, job.rows_total) == ("done", job.rows_total, job.rows_total)
    assert job.rows_total == sum(
        len(archive.read(name).decode().splitlines()) - 1 for name in archive.namelist()
    )


def test_asking_is_audited_and_each_download_is_audited_as_the_export(client_for, monkeypatch):
    build_cohort(monkeypatch)
    client = client_for(Role.HEAD_OF_SERVICE)

    response = made_file(client, reverse("returns:annex_a_download"), {"format": "csv"})
    client.get(reverse("returns:export_file", kwargs={"pk": FileJob.objects.get().pk}))

    asked = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, subject_type="core.FileJob")
    assert asked.detail == {"event": "file_requested", "kind": "returns.annex_a", "format": "csv"}
    exports = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT)
    assert exports.count() == 2
    rows = len(response.body.decode("utf-8-sig").splitlines()) - 1
    assert {(event.subject_type, event.detail["records"]) for event in exports} == {
        ("returns.annex_a", rows)
    }


def test_a_file_waiting_for_the_worker_says_when_it_was_asked_for(client_for, settings):
    settings.TASKS = DB_QUEUE
    client = client_for(Role.PERFORMANCE_ANALYST)

    response = client.post(reverse("returns:annex_a_download"), follow=True)

    body = response.content.decode()
    job = FileJob.objects.get()
    assert job.status == "queued"
    assert "Waiting to start" in body
    assert f"Asked for {_govuk_datetime(job.requested_at)}" in body
    assert '<meta http-equiv="refresh" content="2">' in body
    assert "may not be running" not in body
    assert DBTaskResult.objects.get().args_kwargs["args"] == [job.pk]


def test_a_file_left_waiting_says_the_background_worker_may_not_be_running(client_for, settings):
    settings.TASKS = DB_QUEUE
    client = client_for(Role.PERFORMANCE_ANALYST)
    job = _annex_a_asked_for(client)
    FileJob.objects.filter(pk=job.pk).update(
        requested_at=timezone.now() - datetime.timedelta(minutes=5)
    )

    body = _progress_page(client, job)

    assert "Waiting to start" in body
    assert "manage.py db_worker" in body
    assert "may not be running" in body


def test_a_file_being_made_shows_how_many_rows_are_written(client_for, settings):
    settings.TASKS = DB_QUEUE
    client = client_for(Role.PERFORMANCE_ANALYST)
    job = _annex_a_asked_for(client)
    FileJob.objects.filter(pk=job.pk).update(
        status="running", step="Writing the file.", rows_done=2500, rows_total=10000
    )

    body = _progress_page(client, job)

    assert "Being made" in body
    assert "Writing the file." in body
    assert "2,500 of 10,000 (25%)" in body
    assert '<meta http-equiv="refresh" content="2">' in body
    # Not ready: the download goes back to the progress page, and nothing is exported.
    download = client.get(reverse("returns:export_file", kwargs={"pk": job.pk}))
    assert download["Location"] == reverse("returns:export_progress", kwargs={"pk": job.pk})
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_an_export_that_fails_says_so_and_offers_to_ask_again(client_for, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(selectors, "annex_a_rows", broken)
    client = client_for(Role.PERFORMANCE_ANALYST)

    body = client.post(reverse("returns:annex_a_download"), follow=True).content.decode()

    job = FileJob.objects.get()
    assert job.status == "failed"
    assert "The file could not be made" in body
    assert f"quoting job {job.pk}" in body
    assert "the database went away" not in body  # the details are in the log, not the page
    assert 'http-equiv="refresh"' not in body
    assert " download>" not in body


def test_someone_who_may_not_export_can_neither_follow_nor_download_a_file(
    client_for, monkeypatch
):
    build_cohort(monkeypatch)
    made_file(client_for(Role.PERFORMANCE_ANALYST), reverse("returns:annex_a_download"))
    job = FileJob.objects.get()
    adviser = client_for(Role.PERSONAL_ADVISER)

    progress = adviser.get(reverse("returns:export_progress", kwargs={"pk": job.pk}))
    download = adviser.get(reverse("returns:export_file", kwargs={"pk": job.pk}))

    assert (progress.status_code, download.status_code) == (403, 403)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count() == 1


def test_another_analyst_may_download_a_file_someone_else_asked_for(client_for, monkeypatch):
    build_cohort(monkeypatch)
    made_file(client_for(Role.PERFORMANCE_ANALYST), reverse("returns:annex_a_download"))
    job = FileJob.objects.get()
    head = client_for(Role.HEAD_OF_SERVICE)

    response = head.get(reverse("returns:export_file", kwargs={"pk": job.pk}))

    assert response.status_code == 200
    latest = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).first()
    assert latest.actor.has_role(Role.HEAD_OF_SERVICE)


def test_a_file_another_part_of_the_service_made_is_not_found_here(client_for, make_user):
    job = FileJob.objects.create(
        kind="insight.pack", title="Self-assessment", requested_by=make_user(Role.HEAD_OF_SERVICE)
    )

    response = client_for(Role.HEAD_OF_SERVICE).get(
        reverse("returns:export_progress", kwargs={"pk": job.pk})
    )

    assert response.status_code == 404


def test_a_stored_file_that_changed_is_refused(client_for, monkeypatch):
    from django.core.files.storage import default_storage

    build_cohort(monkeypatch)
    client = client_for(Role.PERFORMANCE_ANALYST)
    made_file(client, reverse("returns:annex_a_download"), {"format": "csv"})
    job = FileJob.objects.get()
    default_storage.delete(job.file_name)
    default_storage.save(job.file_name, io.BytesIO(b"CHILD\r\nnot the file that was made"))

    response = client.get(reverse("returns:export_file", kwargs={"pk": job.pk}), follow=True)

    assert "its checksum differs" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count() == 1


def test_the_returns_page_lists_the_files_made_recently(client_for, monkeypatch):
    build_cohort(monkeypatch)
    client = client_for(Role.PERFORMANCE_ANALYST)
    made_file(client, reverse("returns:ssda903_download", kwargs={"year": YEAR}))

    body = client.get(reverse("returns:index")).content.decode()

    job = FileJob.objects.get()
    assert reverse("returns:export_progress", kwargs={"pk": job.pk}) in body
    assert "Ready to download" in body


def test_the_export_reports_each_step_and_every_row_it_writes(monkeypatch, make_user):
    build_cohort(monkeypatch)
    steps: list[tuple[str, int | None]] = []

    class Recording(file_jobs.Progress):
        def step(self, text, *, total=None):
            steps.append((text, total))
            super().step(text, total=total)

    job = FileJob.objects.create(
        kind="returns.ssda903",
        title="SSDA903",
        parameters={"collection_year": YEAR},
        requested_by=make_user(Role.PERFORMANCE_ANALYST),
    )
    progress = Recording(job.pk)
    out = io.BytesIO()

    services.ssda903_export_make(job, out, progress)

    people = selectors.ssda903_return_for(YEAR, today=timezone.localdate())
    written = sum(len(rows) for _, rows in people.tables.values())
    assert [text for text, _ in steps] == [
        f"Reading the records of {people.considered:,} young people.",
        "Working out each young person's rows.",
        "Writing the four files.",
    ]
    assert steps[1][1] == people.considered
    assert steps[2][1] == written
    job.refresh_from_db()
    assert (job.rows_done, job.rows_total) == (written, written)


def _govuk_datetime(value):
    from careleavers.core.templatetags.govuk import govuk_datetime

    return govuk_datetime(value)
