"""Files made in the background: exports and PDF packs that take too long for a web request
(DESIGN 4.12). One pattern for every app that offers such a file:

1. a service asks for it with `file_job_request`, which records a `FileJob` (who asked, when,
   what), audits the request and queues the app's task in the same transaction, so a worker
   never starts a job that was not saved, and a saved job is never without its task;
2. the task (the app's tasks.py) calls `file_job_make` with the app's maker, a function that
   writes the file to a binary handle, reports its progress (`Progress`) and says how each
   download is to be audited (`MadeFile`);
3. the app's views show the progress page and serve the file through `file_job_views`, each
   checking the app's own permission and showing only the app's own kinds.

The file is built in a temporary file and kept in the configured file storage (the
"generated_files" storage when settings.STORAGES names one, otherwise "default") under a random
name, with its SHA-256, checked again before each download. Each download writes the export
event today's direct downloads wrote. Files are removed after `KEEP_DAYS` by the daily job.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import IO, Any, BinaryIO, Protocol, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core.audit import audit_record
from careleavers.core.collector import collector_paused
from careleavers.core.models import AuditEvent, FileJob

logger = logging.getLogger(__name__)

STORAGE_ALIAS = "generated_files"
FILE_FOLDER = "generated"
# Up to this size a file is built in memory; larger ones spill to a temporary file that is
# deleted as soon as it is closed.
SPOOL_BYTES = 16 * 1024 * 1024
# Exports hold every care leaver: kept long enough to download again, then removed.
KEEP_DAYS = 7
# A job still waiting after this long suggests the background worker is not running.
WAITING_TOO_LONG = datetime.timedelta(minutes=2)
# A running job that has reported nothing for this long has probably lost its worker.
STALLED_AFTER = datetime.timedelta(minutes=10)
# Progress is written to the job at most this often (seconds), however fast rows go by.
PROGRESS_EVERY = 0.5

T = TypeVar("T")


class Enqueueable(Protocol):
    def enqueue(self, job_id: int) -> Any: ...


@dataclass(frozen=True)
class MadeFile:
    """What a maker made: the file's name and type for the download, and the export event each
    download writes (the same subject and detail the direct download wrote)."""

    download_name: str
    content_type: str
    audit_subject_type: str
    audit_subject_id: str
    audit_detail: dict[str, Any] = field(default_factory=dict)


class Progress:
    """A maker's reports: the step it is on, and how many of its rows it has written."""

    def __init__(self, job_id: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.job_id = job_id
        self._clock = clock
        self._written_at = 0.0
        self.rows_done = 0
        self.rows_total: int | None = None

    def step(self, text: str, *, total: int | None = None) -> None:
        """Start a step (written at once); `total` is how many rows it will write, if known."""
        self.rows_done, self.rows_total = 0, total
        self._write(step=text[:300], rows_done=0, rows_total=total)

    def advance(self, rows: int = 1) -> None:
        self.rows_done += rows
        now = self._clock()
        if now - self._written_at >= PROGRESS_EVERY:
            self._write(rows_done=self.rows_done)

    def counted(self, rows: Iterable[T]) -> Iterator[T]:
        """Each of `rows`, counting them as they are written."""
        for row in rows:
            yield row
            self.advance()
        self._write(rows_done=self.rows_done)

    def _write(self, **fields: Any) -> None:
        self._written_at = self._clock()
        # A plain update outside any transaction the maker is in: the progress page reads it
        # while the job runs. (`updated_at` is auto_now, which update() does not set.)
        FileJob.objects.filter(pk=self.job_id).update(updated_at=timezone.now(), **fields)


Maker = Callable[[FileJob, BinaryIO, Progress], MadeFile]


def _storage() -> Storage:
    alias = STORAGE_ALIAS if STORAGE_ALIAS in settings.STORAGES else "default"
    return storages[alias]


def _sha256_of(handle: IO[bytes]) -> tuple[str, int]:
    handle.seek(0)
    digest = hashlib.file_digest(handle, "sha256")  # type: ignore[arg-type]
    size = handle.tell()
    handle.seek(0)
    return digest.hexdigest(), size


def file_job_request(
    *,
    acting_user: User,
    kind: str,
    title: str,
    task: Enqueueable,
    parameters: dict[str, Any] | None = None,
) -> FileJob:
    """Ask for a file: a queued job, its audit row and its task, in one transaction."""
    with transaction.atomic():
        job = FileJob.objects.create(
            kind=kind,
            title=title[:200],
            parameters=parameters or {},
            requested_by=acting_user,
            step="Waiting for the background worker to start it.",
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=job,
            detail={"event": "file_requested", "kind": kind, **(parameters or {})},
        )
        task.enqueue(job.pk)
    return job


def _fail(job_id: int, message: str) -> None:
    FileJob.objects.filter(pk=job_id).update(
        status=FileJob.Status.FAILED,
        failure=message[:5000],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def file_job_make(*, job_id: int, make: Maker) -> None:
    """The task's work: make the file with `make`, keep it in storage and mark the job done,
    or mark it failed with a message the person who asked can act on."""
    now = timezone.now()
    # Taken in one statement, so a task delivered twice makes the file once.
    started = FileJob.objects.filter(pk=job_id, status=FileJob.Status.QUEUED).update(
        status=FileJob.Status.RUNNING, started_at=now, updated_at=now, step="Starting."
    )
    if not started:
        return
    job = FileJob.objects.select_related("requested_by").get(pk=job_id)
    storage = _storage()
    try:
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as handle:
            # Exports build millions of rows that all live until the file is written.
            with collector_paused():
                made = make(job, handle, Progress(job_id))  # type: ignore[arg-type]
            sha256, size = _sha256_of(handle)  # type: ignore[arg-type]
            suffix = PurePath(made.download_name).suffix
            name = storage.save(f"{FILE_FOLDER}/{uuid.uuid4().hex}{suffix}", File(handle))
    except ValidationError as refused:
        # The maker's own words: something about what was asked for that it cannot make.
        _fail(job_id, " ".join(refused.messages))
        return
    except Exception:
        logger.exception("File job %s (%s) failed", job_id, job.kind)
        _fail(
            job_id,
            "Something went wrong while making the file. Ask for it again; if it fails again, "
            f"tell the service's administrator, quoting job {job_id}.",
        )
        raise
    try:
        with transaction.atomic():
            FileJob.objects.filter(pk=job_id).update(
                status=FileJob.Status.DONE,
                step="Finished.",
                finished_at=timezone.now(),
                updated_at=timezone.now(),
                file_name=name,
                file_sha256=sha256,
                file_size=size,
                download_name=made.download_name,
                content_type=made.content_type,
                export_audit={
                    "subject_type": made.audit_subject_type,
                    "subject_id": made.audit_subject_id,
                    "detail": made.audit_detail,
                },
            )
    except Exception:
        storage.delete(name)
        raise


def file_job_open(*, acting_user: User, job: FileJob) -> File:  # type: ignore[type-arg]
    """Open a made file for download after checking it is the file that was made (its
    SHA-256), and write its export event. The caller streams and closes it."""
    if job.status != FileJob.Status.DONE:
        raise ValidationError("The file is not ready yet.")
    if job.file_removed_at or not job.file_name:
        raise ValidationError(
            f"Files are kept for {KEEP_DAYS} days and this one has been removed. Ask for it again."
        )
    storage = _storage()
    if not storage.exists(job.file_name):
        raise ValidationError("The file is missing from storage. Ask for it again.")
    handle = storage.open(job.file_name, "rb")
    sha256, _ = _sha256_of(handle)
    if sha256 != job.file_sha256:
        handle.close()
        raise ValidationError(
            "The stored file is not the one that was made (its checksum differs). Ask for it "
            "again, and tell the service's administrator."
        )
    audit = job.export_audit or {}
    with transaction.atomic():
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.EXPORT,
            subject_type=audit.get("subject_type", job.kind),
            subject_id=audit.get("subject_id", str(job.pk)),
            detail={**audit.get("detail", {}), "file_job": job.pk},
        )
    return handle


def is_stalled(job: FileJob, *, now: datetime.datetime | None = None) -> bool:
    """A job that says it is running but has not reported for a long time."""
    now = now or timezone.now()
    return job.status == FileJob.Status.RUNNING and now - job.updated_at > STALLED_AFTER


def is_waiting_long(job: FileJob, *, now: datetime.datetime | None = None) -> bool:
    """A job that no worker has picked up for a while."""
    now = now or timezone.now()
    return job.status == FileJob.Status.QUEUED and now - job.requested_at > WAITING_TOO_LONG


def remove_old_files(today: datetime.date) -> str:
    """The daily job: remove files made more than KEEP_DAYS days ago (the job rows stay)."""
    cutoff = timezone.now() - datetime.timedelta(days=KEEP_DAYS)
    old = list(
        FileJob.objects.filter(
            status=FileJob.Status.DONE, finished_at__lt=cutoff, file_removed_at__isnull=True
        ).exclude(file_name="")
    )
    storage = _storage()
    for job in old:
        storage.delete(job.file_name)
        FileJob.objects.filter(pk=job.pk).update(file_removed_at=timezone.now())
    return f"{len(old)} generated file{'s' if len(old) != 1 else ''} removed"
