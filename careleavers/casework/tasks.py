"""Casework's background tasks (django-tasks; a database queue run by `manage.py db_worker`)."""

from __future__ import annotations

import datetime

from django_tasks import task


@task()
def stored_work_items_refresh_task(day: str) -> str:
    """Work everyone's stored work items out again for `day` (ISO date), after a change that may
    move anyone's work; trays ask each kind meanwhile (stored_work.py)."""
    from careleavers.casework.stored_work import stored_work_items_refresh_everyone

    return str(stored_work_items_refresh_everyone(datetime.date.fromisoformat(day)))


@task()
def stored_work_items_refresh_for_task(young_person_ids: list[int]) -> str:
    """Work these young people's stored work items out again after a change to their records
    committed, and clear their pending marks; trays ask their kinds directly meanwhile
    (stored_work.py)."""
    from careleavers.casework.stored_work import stored_work_items_refresh

    stored_work_items_refresh(young_person_ids)
    return f"Stored work items worked out again for {len(young_person_ids)} young people."
