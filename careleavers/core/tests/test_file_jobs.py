"""Files made in the background (core/file_jobs.py): made once, progress written sparingly,
kept in storage with their checksum, and removed after a week."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core import file_jobs
from careleavers.core.jobs import jobs
from careleavers.core.models import AuditEvent, FileJob

pytestmark = pytest.mark.django_db


class _Queue:
    """Stands in for a task: records what was queued."""

    def __init__(self) -> None:
        self.queued: list[int] = []

    def enqueue(self, job_id: int) -> None:
        self.queued.append(job_id)


def _make(job: FileJob, out: Any, progress: file_jobs.Progress) -> file_jobs.MadeFile:
    progress.step("Writing.", total=3)
    for row in progress.counted([b"a\n", b"b\n", b"c\n"]):
        out.write(row)
    return file_jobs.MadeFile(
        download_name="letters.csv",
        content_type="text/csv",
        audit_subject_type="test.letters",
        audit_subject_id="abc",
        audit_detail={"records": 3},
    )


@pytest.fixture
def asked(make_user: Any) -> FileJob:
    queue = _Queue()
    job = file_jobs.file_job_request(
        acting_user=make_user(Role.PERFORMANCE_ANALYST),
        kind="test.letters",
        title="Letters",
        task=queue,
        parameters={"letters": 3},
    )
    assert queue.queued == [job.pk]
    return job


def test_a_job_is_made_once_however_often_its_task_runs(asked: FileJob) -> None:
    file_jobs.file_job_make(job_id=asked.pk, make=_make)
    first = FileJob.objects.get(pk=asked.pk)
    file_jobs.file_job_make(job_id=asked.pk, make=_make)

    again = FileJob.objects.get(pk=asked.pk)
    assert (again.status, again.file_name) == ("done", first.file_name)
    assert (again.rows_done, again.rows_total) == (3, 3)
    assert default_storage.open(again.file_name).read() == b"a\nb\nc\n"
    assert len(default_storage.listdir("generated")[1]) == 1


def test_opening_the_file_writes_the_makers_export_event(asked: FileJob, make_user: Any) -> None:
    file_jobs.file_job_make(job_id=asked.pk, make=_make)
    reader = make_user(Role.HEAD_OF_SERVICE)

    with file_jobs.file_job_open(acting_user=reader, job=FileJob.objects.get(pk=asked.pk)) as f:
        assert f.read() == b"a\nb\nc\n"

    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.actor, event.subject_type, event.subject_id) == (reader, "test.letters", "abc")
    assert event.detail == {"records": 3, "file_job": asked.pk}


def test_progress_is_written_at_most_twice_a_second_and_at_the_end(asked: FileJob) -> None:
    now = [0.0]
    progress = file_jobs.Progress(asked.pk, clock=lambda: now[0])
    progress.step("Counting.", total=1000)
    seen = []
    for _ in progress.counted(range(1000)):
        now[0] += 0.001  # a millisecond a row: one write every 500 rows
        seen.append(FileJob.objects.get(pk=asked.pk).rows_done)

    assert sorted(set(seen)) == [0, 500]
    assert FileJob.objects.get(pk=asked.pk).rows_done == 1000


def test_files_older_than_a_week_are_removed_by_the_daily_job(asked: FileJob) -> None:
    file_jobs.file_job_make(job_id=asked.pk, make=_make)
    job = FileJob.objects.get(pk=asked.pk)
    FileJob.objects.filter(pk=job.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=file_jobs.KEEP_DAYS, hours=1)
    )
    daily = next(item for item in jobs() if item.name == "core.generated_files")

    assert daily.run(timezone.localdate()) == "1 generated file removed"

    job.refresh_from_db()
    assert job.file_removed_at is not None
    assert not job.has_file
    assert not default_storage.exists(job.file_name)
    with pytest.raises(Exception, match="kept for 7 days"):
        file_jobs.file_job_open(acting_user=None, job=job)
