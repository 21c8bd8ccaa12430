"""The returns' background tasks (django-tasks; a database queue run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def ssda903_validation_task(run_id: int) -> None:
    """Check a collection year's return with the sector's validator (validation.py)."""
    from careleavers.returns.validation import ssda903_validation_perform

    ssda903_validation_perform(run_id=run_id)


@task()
def ssda903_export_task(job_id: int) -> None:
    """Make the SSDA903 return a worker asked for (services.ssda903_export_make)."""
    from careleavers.core.file_jobs import file_job_make
    from careleavers.returns.services import ssda903_export_make

    file_job_make(job_id=job_id, make=ssda903_export_make)


@task()
def annex_a_export_task(job_id: int) -> None:
    """Make the Annex A List 9 file a worker asked for (services.annex_a_export_make)."""
    from careleavers.core.file_jobs import file_job_make
    from careleavers.returns.services import annex_a_export_make

    file_job_make(job_id=job_id, make=annex_a_export_make)
