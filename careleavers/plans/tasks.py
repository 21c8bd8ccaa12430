"""The plans' background tasks (django-tasks; a database queue run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def plan_pdf_task(plan_id: int) -> None:
    """Lay out the young person's copy of a plan as a PDF, ready to print (pdf.py)."""
    from careleavers.plans.pdf import plan_pdf_prepare

    plan_pdf_prepare(plan_id=plan_id)
