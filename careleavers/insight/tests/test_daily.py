"""The overnight count: the service's and teams' figures counted once a day, read by their
dashboards in a few queries; a worker's caseload and anything the count missed are counted live."""

from __future__ import annotations

import datetime
import io
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from careleavers.accounts.roles import Role
from careleavers.casework.models import Contact
from careleavers.core.jobs import jobs
from careleavers.core.tests.clients import signed_in
from careleavers.insight import daily
from careleavers.insight.indicators import all_indicators, indicator
from careleavers.insight.models import DailyFigure, ScopeKind
from careleavers.insight.tests.factories import ON_NOON

pytestmark = pytest.mark.django_db


def _row(on: datetime.date, key: str, kind: str, scope_id: int = 0) -> DailyFigure:
    return DailyFigure.objects.get(as_at=on, indicator_key=key, scope_kind=kind, scope_id=scope_id)


def test_the_day_is_counted_for_the_service_each_team_and_each_worker(known):
    result = daily.count_day(on=known.on)
    assert result.failed == []
    service = _row(known.on, "recent_contact", ScopeKind.SERVICE)
    assert (service.numerator, service.denominator) == (4, 7)  # as the hand count
    team_a = _row(known.on, "recent_contact", ScopeKind.TEAM, known.team_a.pk)
    assert (team_a.numerator, team_a.denominator) == (3, 4)  # Amy, Ben, Ivy of Amy, Ben, Fay, Ivy
    worker = _row(known.on, "recent_contact", ScopeKind.WORKER, known.pa1.pk)
    assert (worker.numerator, worker.denominator) == (3, 3)  # Amy, Ben and Ivy
    keys = set(
        DailyFigure.objects.filter(scope_kind=ScopeKind.SERVICE).values_list(
            "indicator_key", flat=True
        )
    )
    assert keys == {item.key for item in all_indicators()}
    # Indicators without a breakdown are counted team by team too, but not worker by worker
    # (thousands of queries at a national size): a worker's dashboard counts those live.
    no_breakdown = [item for item in all_indicators() if item.breakdown is None]
    assert no_breakdown
    assert DailyFigure.objects.filter(
        scope_kind=ScopeKind.TEAM,
        scope_id=known.team_b.pk,
        indicator_key=no_breakdown[0].key,
    ).exists()
    assert not DailyFigure.objects.filter(
        scope_kind=ScopeKind.WORKER, indicator_key=no_breakdown[0].key
    ).exists()


def test_counting_the_day_again_replaces_it_and_old_days_are_dropped(known):
    old_day = known.on - datetime.timedelta(days=daily.KEEP_DAYS)
    daily.count_day(on=old_day, indicators=[indicator("recent_contact")])
    daily.count_day(on=known.on)
    assert not DailyFigure.objects.filter(as_at=old_day).exists()
    Contact.objects.filter(young_person=known.amy).delete()
    daily.count_day(on=known.on)
    assert _row(known.on, "recent_contact", ScopeKind.SERVICE).numerator == 3
    assert DailyFigure.objects.filter(as_at=known.on, scope_kind=ScopeKind.SERVICE).count() == len(
        all_indicators()
    )


def test_one_indicator_that_fails_is_reported_and_the_others_are_written(known, monkeypatch):
    from careleavers.insight import snapshots

    real = snapshots.figures_for

    def failing(item: Any, **kwargs: Any) -> Any:
        if item.key == "recent_contact":
            raise RuntimeError("broken on purpose")
        return real(item, **kwargs)

    monkeypatch.setattr(snapshots, "figures_for", failing)
    result = daily.count_day(on=known.on)
    assert result.failed == ["recent_contact"]
    assert not DailyFigure.objects.filter(indicator_key="recent_contact").exists()
    assert DailyFigure.objects.filter(indicator_key="plans_in_date").exists()
    assert "failed: recent_contact" in daily.run_daily_job(known.on)


def test_the_service_dashboard_reads_the_overnight_count(known, on_the_day, make_user):
    daily.count_day(on=known.on)
    # A correction after the count shows tomorrow; the dashboard says when it was counted.
    Contact.objects.filter(young_person=known.amy).delete()
    client = signed_in(make_user(Role.HEAD_OF_SERVICE))
    client.get(reverse("insight:service"))  # the session's first request does a little more
    with CaptureQueriesContext(connection) as counted:
        response = client.get(reverse("insight:service"))
    text = response.content.decode()
    assert "Counted overnight as at 31 October 2026" in text
    assert "4 of 7" in text
    DailyFigure.objects.all().delete()
    with CaptureQueriesContext(connection) as live:
        response = client.get(reverse("insight:service"))
    text = response.content.decode()
    assert "Counted just now" in text
    # Counted live, only whom the head of service may see: not Ivy (restricted), and not Amy
    # now her contact has gone.
    assert "2 of 6" in text
    # Reading the count is one query for every figure, where counting is at least one each.
    assert len(counted) + len(all_indicators()) <= len(live)


def test_a_team_dashboard_reads_its_teams_count(known, on_the_day):
    daily.count_day(on=known.on)
    Contact.objects.filter(young_person=known.amy).delete()
    response = signed_in(known.manager).get(
        reverse("insight:team", kwargs={"pk": known.team_a.pk})
    )
    text = response.content.decode()
    assert "Counted overnight" in text
    assert "3 of 4" in text  # Team A as counted, before Amy's contact went


def test_a_workers_caseload_reads_its_count_and_counts_the_rest_live(known, on_the_day):
    daily.count_day(on=known.on)
    Contact.objects.filter(young_person=known.amy).delete()
    response = signed_in(known.pa1).get(reverse("insight:my_caseload"))
    text = response.content.decode()
    assert "Counted overnight" in text
    assert "3 of 3" in text  # in touch, as counted before Amy's contact went
    assert "did not include were counted just now" in text  # supervision, audits and the like


def test_a_figure_the_count_missed_is_counted_live_and_the_page_says_so(
    known, on_the_day, make_user
):
    daily.count_day(on=known.on, indicators=[indicator("recent_contact")])
    response = signed_in(make_user(Role.HEAD_OF_SERVICE)).get(reverse("insight:service"))
    text = response.content.decode()
    assert "Counted overnight" in text
    assert "did not include were counted just now" in text


def test_a_count_older_than_a_week_is_not_used(known, make_user):
    daily.count_day(on=known.on)
    later = ON_NOON + datetime.timedelta(days=daily.KEEP_DAYS)
    with time_machine.travel(later, tick=False):
        response = signed_in(make_user(Role.HEAD_OF_SERVICE)).get(reverse("insight:service"))
    assert "Counted just now" in response.content.decode()


def test_the_spreadsheet_says_the_figures_were_counted_overnight(known, on_the_day, make_user):
    daily.count_day(on=known.on)
    response = signed_in(make_user(Role.HEAD_OF_SERVICE)).get(
        reverse("insight:dashboard_xlsx"), {"scope": "service"}
    )
    about = load_workbook(filename=io.BytesIO(response.content))["About"]
    labels = {row[0].value: row[1].value for row in about.iter_rows()}
    assert labels["Counted overnight as at"].date() == known.on
    assert "Counted as at" not in labels


def test_the_job_runs_after_the_jobs_that_update_records():
    names = [job.name for job in jobs()]
    assert names.index("insight_daily_figures") > names.index("people.categories")
    assert names.index("insight_daily_figures") > names.index("casework.contact_due")


def test_the_command_counts_the_day(known):
    out = StringIO()
    call_command("insight_daily_figures", "--date", known.on.isoformat(), stdout=out)
    assert "counted for 31 October 2026" in out.getvalue()
    assert _row(known.on, "recent_contact", ScopeKind.SERVICE).numerator == 4
