"""The two pages every file made in the background has (core/file_jobs.py): where it is up to,
and the download. An app's own views check its permission, find the job among its own kinds
and hand it here.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from careleavers.core import file_jobs
from careleavers.core.http import SignedInRequest
from careleavers.core.models import FileJob

# Often enough that a file of a few seconds is offered almost as soon as it is made.
PROGRESS_REFRESH_SECONDS = 2


def job_of_kinds(pk: int, kinds: Iterable[str]) -> FileJob:
    """The job, if it is one of `kinds` (an app's pages never show another app's files)."""
    return get_object_or_404(FileJob.objects.select_related("requested_by"), pk=pk, kind__in=kinds)


def progress_page(
    request: SignedInRequest,
    job: FileJob,
    *,
    caption: str,
    file_url: str,
    back_url: str,
    back_text: str,
) -> HttpResponse:
    """Where the job is up to. Until it has finished the page refreshes itself (a meta refresh:
    no JavaScript needed); then it offers the file, or says why there is none."""
    now = timezone.now()
    return render(
        request,
        "core/file_job_progress.html",
        {
            "job": job,
            "caption": caption,
            "file_url": file_url,
            "back_url": back_url,
            "back_text": back_text,
            "stalled": file_jobs.is_stalled(job, now=now),
            "waiting_long": file_jobs.is_waiting_long(job, now=now),
            "keep_days": file_jobs.KEEP_DAYS,
            "refresh_seconds": None if job.is_finished else PROGRESS_REFRESH_SECONDS,
        },
    )


def file_response(
    request: SignedInRequest, job: FileJob, *, progress_url: str
) -> HttpResponseBase:
    """The made file as a download (audited as an export), or back to the progress page with
    why it cannot be downloaded."""
    if job.status != FileJob.Status.DONE:
        return redirect(progress_url)  # which says where it is up to, or why it failed
    try:
        handle = file_jobs.file_job_open(acting_user=request.user, job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(progress_url)
    return FileResponse(
        handle, as_attachment=True, filename=job.download_name, content_type=job.content_type
    )
