"""Checking this service's SSDA903 return with the sector's validator, as a background task.

An analyst asks for a check from the returns page (`ssda903_validation_request`); the task
(tasks.py) runs `ssda903_validation_perform`, which builds the return of the year and of the
year before (so the validator's rules that compare years run too, with the earlier care episodes
held here that the DfE has from earlier returns: selectors.ssda903_with_history), runs the
validator, installed when the service was set up, and keeps its report.
Each step is written to the run as it starts, and the progress page reads it.
"""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent
from careleavers.returns import selectors, services
from careleavers.returns.models import ValidationRun, ValidationStatus
from careleavers.returns.validator import (
    SUPPORTED_YEARS,
    ValidatorFailed,
    ValidatorReport,
    ValidatorUnavailable,
    installed_python,
    run_validator,
)

VALIDATION_SUBJECT = "returns.ssda903_validation"


class CheckRefused(Exception):
    """A check that cannot be asked for (a year the validator has no rules for)."""


def ssda903_validation_request(*, acting_user: User, year: int) -> ValidationRun:
    """Ask for the return of ``year`` to be checked: a queued run, and its task."""
    from careleavers.returns.tasks import ssda903_validation_task

    if year not in SUPPORTED_YEARS:
        raise CheckRefused(
            f"The validator has rules for the collection years ending in {SUPPORTED_YEARS[0]} "
            f"to {SUPPORTED_YEARS[-1]} only."
        )
    is_user = getattr(acting_user, "is_authenticated", False)
    with transaction.atomic():
        run = ValidationRun.objects.create(
            collection_year=year,
            run_by=acting_user if is_user else None,
            status=ValidationStatus.QUEUED,
            progress="Waiting for the background worker to start the check.",
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=run,
            subject_type=VALIDATION_SUBJECT,
            detail={"collection_year": year},
        )
        # In the same transaction: the database task queue holds the task only if the run is
        # saved too, and a worker never starts a run that was not.
        ssda903_validation_task.enqueue(run.pk)
    return run


def _step(run: ValidationRun, status: str, progress: str) -> None:
    run.status = status
    run.progress = progress[:300]
    ValidationRun.objects.filter(pk=run.pk).update(status=status, progress=run.progress)


def ssda903_validation_perform(*, run_id: int, today: datetime.date | None = None) -> None:
    """The task: prepare, export this year and last, validate, keep the report."""
    run = ValidationRun.objects.get(pk=run_id)
    if run.is_finished:
        return
    today = today or timezone.localdate()
    try:
        _step(run, ValidationStatus.PREPARING, "Preparing the validator.")
        installed_python()  # before the return is built: a server without it says so at once
        year = run.collection_year
        _step(run, ValidationStatus.EXPORTING, f"Building the return for {year} and {year - 1}.")
        with tempfile.TemporaryDirectory(prefix="ssda903-check-") as folder:
            this_year = selectors.ssda903_return_for(year, today=today)
            last_year = selectors.ssda903_with_history(
                selectors.ssda903_return_for(year - 1, today=today), this_year=this_year
            )
            services.write_return(this_year, Path(folder) / "this-year")
            previous = None
            if last_year.header:
                services.write_return(last_year, Path(folder) / "previous-year")
                previous = Path(folder) / "previous-year"
            _step(
                run,
                ValidationStatus.VALIDATING,
                f"Running the validator's rules over {len(this_year.header)} young people "
                "(with last year's return and the earlier care history held here, for the rules "
                "that compare years)."
                if previous
                else f"Running the validator's rules over {len(this_year.header)} young people.",
            )
            report = run_validator(Path(folder) / "this-year", year=year, previous=previous)
    except (ValidatorFailed, ValidatorUnavailable, OSError) as error:
        ValidationRun.objects.filter(pk=run.pk).update(
            status=ValidationStatus.FAILED,
            progress="The check could not finish.",
            failure=str(error)[:5000],
            finished_at=timezone.now(),
        )
        return
    validation_run_store(
        run=run,
        report=report,
        children=len(this_year.header),
        care_leavers=len(this_year.oc3),
    )


def validation_run_store(
    *, run: ValidationRun, report: ValidatorReport, children: int, care_leavers: int
) -> ValidationRun:
    """Keep a finished run's report, and audit it in the same transaction."""
    with transaction.atomic():
        run.status = ValidationStatus.DONE
        run.progress = "Finished."
        run.finished_at = timezone.now()
        run.children = children
        run.care_leavers = care_leavers
        run.error_count = report.error_count
        run.report = report.to_json()
        run.save()
        audit_record(
            acting_user=run.run_by,
            action=AuditEvent.Action.VIEW,
            subject=run,
            subject_type=VALIDATION_SUBJECT,
            detail={
                "collection_year": run.collection_year,
                "records": children,
                "errors": report.error_count,
                "previous_year": report.previous_year,
            },
        )
    return run
