"""The returns' background tasks (django-tasks; a database queue run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def ssda903_validation_task(run_id: int) -> None:
    """Check a collection year's return with the sector's validator (validation.py)."""
    from careleavers.returns.validation import ssda903_validation_perform

    ssda903_validation_perform(run_id=run_id)
