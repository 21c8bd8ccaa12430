"""Insight's background tasks (django-tasks; a database queue run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def pack_task(job_id: int) -> None:
    """Make the self-assessment pack PDF someone asked for (pack.pack_make)."""
    from careleavers.core.file_jobs import file_job_make
    from careleavers.insight.pack import pack_make

    file_job_make(job_id=job_id, make=pack_make)


@task()
def members_file_task(job_id: int) -> None:
    """Make the drill-down spreadsheet someone asked for (member_files.members_make)."""
    from careleavers.core.file_jobs import file_job_make
    from careleavers.insight.member_files import members_make

    file_job_make(job_id=job_id, make=members_make)
