"""Pages: dashboards cost a bounded number of queries; drill-downs never name anyone the viewer
cannot see and log nothing per person; spreadsheets, charts and the pack PDF read back."""

from __future__ import annotations

import datetime
import html
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import ContactFactory
from careleavers.core.models import AuditEvent
from careleavers.core.practice_framework import JUDGEMENT_AREAS
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.file_jobs import made_file
from careleavers.insight import snapshots
from careleavers.insight.indicators import all_indicators
from careleavers.insight.models import BenchmarkFigure, IndicatorSnapshot
from careleavers.insight.tests.factories import ON_NOON
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _names(response: Any) -> set[str]:
    text = response.content.decode()
    return {
        name for name in ("Amy", "Ben", "Cara", "Dev", "Fay", "Ivy") if f"{name} Known" in text
    }


def test_the_service_dashboard_shows_every_indicator_with_its_comparison(
    known, on_the_day, make_user
):
    response = signed_in(make_user(Role.HEAD_OF_SERVICE)).get(reverse("insight:service"))
    assert response.status_code == 200
    text = response.content.decode()
    for item in all_indicators():
        assert html.escape(item.title) in text
    # Grouped by Ofsted's judgement areas (no indicator is in "influence" yet).
    for key, title in JUDGEMENT_AREAS:
        if key != "influence":
            assert html.escape(title) in text
    # The DfE England figure for suitable accommodation, 2025.
    assert "89%" in text


def test_the_dashboard_costs_the_same_queries_whatever_the_number_of_young_people(
    known, on_the_day, make_user, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(make_user(Role.HEAD_OF_SERVICE))
    client.get(reverse("insight:service"))  # the session's first request does a little more
    limit = 15 + 4 * len(all_indicators())
    with django_assert_max_num_queries(limit), CaptureQueriesContext(connection) as first:
        client.get(reverse("insight:service"))
    for _ in range(5):
        person = YoungPersonFactory(team=known.team_a, category="former_relevant")
        ContactFactory(young_person=person, worker=known.pa1)
    with CaptureQueriesContext(connection) as second:
        client.get(reverse("insight:service"))
    assert len(second) == len(first)


def test_the_dashboard_shows_the_change_since_last_month_in_words(known, on_the_day, make_user):
    IndicatorSnapshot.objects.create(
        month=datetime.date(2026, 9, 1),
        as_at=datetime.date(2026, 9, 30),
        indicator_key="recent_contact",
        scope_kind="service",
        numerator=1,
        denominator=4,
    )
    head = make_user(Role.HEAD_OF_SERVICE)
    text = signed_in(head).get(reverse("insight:service")).content.decode()
    # Now 3 of 6 visible to the head of service (Ivy is restricted): 50%, up from 25%.
    assert "Up from 25% (better)" in text


def test_a_team_manager_sees_their_team_and_not_another(known, on_the_day):
    client = signed_in(known.manager)
    assert client.get(reverse("insight:team", args=[known.team_a.pk])).status_code == 200
    assert client.get(reverse("insight:team", args=[known.team_b.pk])).status_code == 403


def test_a_worker_sees_their_own_caseload(known, on_the_day):
    response = signed_in(known.pa1).get(reverse("insight:my_caseload"))
    assert response.status_code == 200
    assert "Your caseload" in response.content.decode()


def test_a_drill_down_never_lists_someone_the_viewer_cannot_see(known, on_the_day, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    url = reverse("insight:members", args=["recent_contact"])
    listed = _names(signed_in(head).get(url, {"scope": "service"}))
    # Ivy is in touch but her record is restricted to nobody.
    assert listed == {"Amy", "Ben", "Cara"}
    team = signed_in(known.manager).get(url, {"scope": f"team-{known.team_a.pk}"})
    assert _names(team) == {"Amy", "Ben"}
    other_team = signed_in(known.manager).get(url, {"scope": f"team-{known.team_b.pk}"})
    assert other_team.status_code == 403
    service = signed_in(known.manager).get(url, {"scope": "service"})
    assert service.status_code == 403


def test_a_drill_down_logs_nothing_per_person(known, on_the_day, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    signed_in(head).get(reverse("insight:members", args=["recent_contact"]), {"scope": "service"})
    assert not AuditEvent.objects.filter(young_person_id__isnull=False).exists()


def test_those_not_counted_can_be_listed(known, on_the_day, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    response = signed_in(head).get(
        reverse("insight:members", args=["recent_contact"]),
        {"scope": "service", "list": "not-counted"},
    )
    assert _names(response) == {"Fay"}


def test_the_dashboard_spreadsheet_reads_back(known, on_the_day, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    response = signed_in(head).get(reverse("insight:dashboard_xlsx"), {"scope": "service"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Indicators"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    in_touch = rows["Care leavers with a recent contact"]
    assert (in_touch[3], in_touch[4], in_touch[5]) == (3, 6, 50.0)
    assert len(rows) == len(all_indicators())
    assert AuditEvent.objects.filter(action="export", actor=head).count() == 1


def test_a_drill_down_spreadsheet_reads_back(known, on_the_day, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    response = made_file(
        signed_in(head),
        reverse("insight:members_xlsx", args=["recent_contact"]) + "?scope=service",
    )
    sheet = load_workbook(io.BytesIO(response.body))["Rows"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("Name", "Child ID")
    assert sorted(row[0] for row in values[1:]) == ["Amy Known", "Ben Known", "Cara Known"]


def test_a_drill_down_spreadsheet_is_only_for_whoever_asked_for_it(known, on_the_day, make_user):
    from careleavers.core.models import FileJob

    head = signed_in(make_user(Role.HEAD_OF_SERVICE))
    made_file(head, reverse("insight:members_xlsx", args=["recent_contact"]) + "?scope=service")
    job = FileJob.objects.get(requested_by__isnull=False, kind="insight.members")
    assert job.parameters == {"indicator": "recent_contact", "query": {"scope": "service"}}
    # Another head of service may read the same list, but not this file of it.
    other = signed_in(make_user(Role.HEAD_OF_SERVICE))
    assert other.get(reverse("insight:members_progress", args=[job.pk])).status_code == 403
    assert other.get(reverse("insight:members_file", args=[job.pk])).status_code == 403
    # A team manager may not ask for the whole service's list at all.
    manager = signed_in(make_user(Role.TEAM_MANAGER, team=known.team_a))
    asked = manager.post(reverse("insight:members_xlsx", args=["recent_contact"]))
    assert asked.status_code == 403
    assert FileJob.objects.filter(kind="insight.members").count() == 1


def test_the_trend_page_and_chart_read_the_snapshots(known, on_the_day, make_user):
    snapshots.write_month(on=datetime.date(2026, 9, 30))
    head = make_user(Role.HEAD_OF_SERVICE)
    client = signed_in(head)
    page = client.get(reverse("insight:figure", args=["recent_contact"]), {"scope": "service"})
    assert page.status_code == 200
    assert "Sep 2026" in page.content.decode()
    chart = client.get(reverse("insight:chart", args=["recent_contact"]), {"scope": "service"})
    assert chart["Content-Type"] == "image/svg+xml"
    assert chart.content.startswith(b"<?xml")


def test_the_definition_page_gives_numerator_denominator_and_source(known, make_user):
    response = signed_in(make_user(Role.PERSONAL_ADVISER)).get(
        reverse("insight:indicator_detail", args=["suitable_accommodation"])
    )
    text = response.content.decode()
    for words in ("Numerator", "Denominator", "Source", "CareLeaverAcc", "Higher is better"):
        assert words in text


def test_an_upload_with_bad_rows_lists_them_and_changes_nothing(make_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = BenchmarkFigure.objects.count()
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    bad = b"measure,year,area,la_number,region,value\nCareLeaverEET,20x5,England,970,,54\n"
    response = signed_in(analyst).post(
        reverse("insight:benchmark_upload"),
        {"kind": "figures", "source": "Test", "file": SimpleUploadedFile("bad.csv", bad)},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Problems in the file" in text
    assert "Enter the year" in text
    assert BenchmarkFigure.objects.count() == before


def test_a_target_is_set_from_its_page(make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    response = signed_in(head).post(
        reverse("insight:target_set", args=["recent_contact"]),
        {
            "value": "92",
            "effective_from-day": "1",
            "effective_from-month": "4",
            "effective_from-year": "2026",
            "note": "",
        },
    )
    assert response.status_code == 302
    page = signed_in(head).get(reverse("insight:indicator_detail", args=["recent_contact"]))
    assert "92 from 1 April 2026" in page.content.decode()


def test_the_pack_pdf_holds_every_judgement_area(known, on_the_day, make_user):
    head = make_user(Role.HEAD_OF_SERVICE)
    response = made_file(signed_in(head), reverse("insight:pack_pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for _, title in JUDGEMENT_AREAS:
        assert title in text
    assert "Audit findings" in text
    assert "EET panel themes" in text
    assert "What young people told us" in text


def test_the_pack_pdf_is_made_in_the_background_and_its_download_audited(
    known, on_the_day, make_user
):
    from careleavers.core.models import FileJob

    analyst = signed_in(make_user(Role.PERFORMANCE_ANALYST))
    made_file(analyst, reverse("insight:pack_pdf"))

    job = FileJob.objects.get()
    assert (job.kind, job.status, job.download_name) == (
        "insight.pack",
        "done",
        "self-assessment-2026-10-31.pdf",
    )
    export = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (export.subject_type, export.detail["what"]) == (
        "insight.export",
        "self-assessment pack",
    )
    # A team manager may not read the pack, so may not follow or download it either.
    manager = signed_in(known.manager)
    assert manager.get(reverse("insight:pack_progress", args=[job.pk])).status_code == 403
    assert manager.get(reverse("insight:pack_file", args=[job.pk])).status_code == 403


def test_the_pack_page_is_for_the_head_of_service_and_analysts(known, on_the_day, make_user):
    assert (
        signed_in(make_user(Role.PERFORMANCE_ANALYST)).get(reverse("insight:pack")).status_code
        == 200
    )
    assert signed_in(known.manager).get(reverse("insight:pack")).status_code == 403


def test_a_drill_down_page_costs_the_same_queries_whatever_its_length(
    known, on_the_day, make_user, django_assert_max_num_queries
):
    client = signed_in(make_user(Role.HEAD_OF_SERVICE))
    url = reverse("insight:members", args=["recent_contact"])
    client.get(url, {"scope": "service"})
    for _ in range(6):
        person = YoungPersonFactory(team=known.team_a, category="former_relevant")
        ContactFactory(young_person=person, worker=known.pa1, occurred_at=ON_NOON)
    with django_assert_max_num_queries(12):
        response = client.get(url, {"scope": "service"})
    assert "9 on 31 October 2026" in response.content.decode()


def test_the_teams_list_counts_each_teams_young_people_fifty_teams_a_page(
    make_user, monkeypatch, django_assert_num_queries
) -> None:
    from careleavers.accounts.tests.factories import TeamFactory
    from careleavers.insight import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    alder, birch, cedar = (TeamFactory(name=name) for name in ("Alder", "Birch", "Cedar"))
    YoungPersonFactory.create_batch(2, team=alder)
    YoungPersonFactory(team=alder, archived_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    YoungPersonFactory.create_batch(3, team=cedar)
    client = signed_in(make_user(Role.HEAD_OF_SERVICE))

    first = client.get(reverse("insight:teams")).content.decode()
    assert "Showing teams 1 to 2 of" in first
    rows = _table_rows(first)
    assert ["Alder", "No manager", "2"] in rows  # the archived young person is not counted
    assert ["Birch", "No manager", "0"] in rows
    assert all(row[0] != "Cedar" for row in rows)

    second = client.get(reverse("insight:teams"), {"page": 2}).content.decode()
    assert ["Cedar", "No manager", "3"] in _table_rows(second)

    # The same queries for a page however many teams there are.
    before = _queries_of(client, reverse("insight:teams"))
    for team in TeamFactory.create_batch(5):
        YoungPersonFactory(team=team)
    with django_assert_num_queries(before):
        client.get(reverse("insight:teams"))


def _table_rows(page: str) -> list[list[str]]:
    import re

    body = page.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    ]


def _queries_of(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)
