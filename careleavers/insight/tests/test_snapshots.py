"""Monthly snapshots: written for the service, each team and each worker, once; the job catches
up a missed month end; history does not shift when records are corrected."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from careleavers.casework.models import Contact
from careleavers.core.jobs import jobs
from careleavers.insight import snapshots
from careleavers.insight.indicators import all_indicators
from careleavers.insight.models import IndicatorSnapshot, ScopeKind

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2026, 10, 1)


def _row(key: str, kind: str, scope_id: int = 0) -> IndicatorSnapshot:
    return IndicatorSnapshot.objects.get(
        month=OCTOBER, indicator_key=key, scope_kind=kind, scope_id=scope_id
    )


def test_a_month_is_written_for_the_service_each_team_and_each_worker(known):
    result = snapshots.write_month(on=known.on)
    assert result.failed == []
    service = _row("recent_contact", ScopeKind.SERVICE)
    assert (service.numerator, service.denominator, service.as_at) == (4, 7, known.on)
    team_a = _row("recent_contact", ScopeKind.TEAM, known.team_a.pk)
    assert (team_a.numerator, team_a.denominator) == (3, 4)  # Amy, Ben, Ivy of Amy, Ben, Fay, Ivy
    worker = _row("recent_contact", ScopeKind.WORKER, known.pa1.pk)
    assert (worker.numerator, worker.denominator) == (3, 3)  # Amy, Ben and Ivy
    keys = set(
        IndicatorSnapshot.objects.filter(month=OCTOBER, scope_kind=ScopeKind.SERVICE).values_list(
            "indicator_key", flat=True
        )
    )
    assert keys == {item.key for item in all_indicators()}


def test_history_does_not_shift_when_records_are_corrected(known):
    snapshots.write_month(on=known.on)
    # Amy's contact is corrected away; the month already written keeps its figure.
    Contact.objects.filter(young_person=known.amy).delete()
    result = snapshots.write_month(on=known.on)
    assert result.written == 0
    assert _row("recent_contact", ScopeKind.SERVICE).numerator == 4
    # Unless someone deliberately rewrites the month.
    snapshots.write_month(on=known.on, replace=True)
    assert _row("recent_contact", ScopeKind.SERVICE).numerator == 3


def test_the_job_writes_last_month_on_its_first_run_of_a_month_and_then_nothing(known):
    first = snapshots.run_monthly_job(datetime.date(2026, 11, 1))
    assert "October 2026" in first
    assert _row("recent_contact", ScopeKind.SERVICE).numerator == 4
    assert snapshots.run_monthly_job(datetime.date(2026, 11, 2)) == (
        "Monthly indicator snapshots are up to date."
    )


def test_the_job_writes_the_month_on_its_last_day(known):
    summary = snapshots.run_monthly_job(datetime.date(2026, 10, 31))
    assert "October 2026" in summary  # as at the month's last day
    assert "September 2026" in summary  # and the month before, never written
    assert _row("recent_contact", ScopeKind.SERVICE).as_at == datetime.date(2026, 10, 31)


def test_the_job_is_registered():
    assert "insight_monthly_snapshots" in [job.name for job in jobs()]


def test_the_command_writes_a_month(known):
    out = StringIO()
    call_command("insight_snapshots", "--month", "2026-10", stdout=out)
    assert "October 2026" in out.getvalue()
    assert _row("recent_contact", ScopeKind.SERVICE).numerator == 4
