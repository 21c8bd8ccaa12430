"""Drill-down lists a manager can act on: each young person's adviser, last contact and next
visit, sorted and narrowed in the database (so across pages and in the spreadsheet), from
links and a GET form that work without JavaScript."""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory, ContactFactory
from careleavers.insight.drilldown import NO_ADVISER, Arrangement
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 10, 31)
URL = reverse("insight:members", args=["recent_contact"])
XLSX = reverse("insight:members_xlsx", args=["recent_contact"])


@pytest.fixture
def on_the_day():
    with time_machine.travel(datetime.datetime(2026, 10, 31, 12, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def head(make_user: Any) -> Client:
    client = Client()
    client.force_login(make_user(Role.HEAD_OF_SERVICE))
    return client


def _visits(known: Any) -> None:
    """Amy was in touch on 11 October (last seen 10 September) with a visit due 5 November;
    Ben's visit was due 28 October (3 days overdue); Cara has none due."""
    YoungPerson.objects.filter(first_name="Amy").update(
        last_contact_on=datetime.date(2026, 10, 11),
        last_visit_on=datetime.date(2026, 9, 10),
        next_contact_due=datetime.date(2026, 11, 5),
    )
    YoungPerson.objects.filter(first_name="Ben").update(
        last_contact_on=datetime.date(2026, 10, 21), next_contact_due=datetime.date(2026, 10, 28)
    )
    YoungPerson.objects.filter(first_name="Cara").update(
        last_contact_on=datetime.date(2026, 8, 22), next_contact_due=None
    )


def _order(response: Any) -> list[str]:
    return re.findall(r"(Amy|Ben|Cara|Zed) Known", response.content.decode())


def test_each_row_shows_the_adviser_last_contact_and_next_visit(known, on_the_day, head):
    _visits(known)
    text = head.get(URL, {"scope": "service"}).content.decode()
    assert "Pat One" in text  # Amy's and Ben's personal adviser
    assert "Pam Two" in text  # Cara's
    assert "11 October 2026" in text  # Amy's last contact
    assert "10 September 2026" in text  # and her last visit (seen)
    assert "28 October 2026 (overdue by 3 days)" in text
    assert "None due" in text


def test_a_column_heading_sorts_the_list_and_says_which_way(known, on_the_day, head):
    _visits(known)
    by_name = head.get(URL, {"scope": "service"})
    assert _order(by_name) == ["Amy", "Ben", "Cara"]
    text = by_name.content.decode()
    assert 'aria-sort="ascending"' in text
    # The next-visit heading links to the list sorted by it, keeping the scope.
    assert 'href="?scope=service&amp;sort=next_due"' in text

    by_due = head.get(URL, {"scope": "service", "sort": "next_due"})
    # Soonest (most overdue) first; no visit due goes last.
    assert _order(by_due) == ["Ben", "Amy", "Cara"]
    # Choosing the same heading again turns it round; the unknown still goes last.
    assert 'href="?scope=service&amp;sort=next_due&amp;order=desc"' in by_due.content.decode()
    reversed_due = head.get(URL, {"scope": "service", "sort": "next_due", "order": "desc"})
    assert _order(reversed_due) == ["Amy", "Ben", "Cara"]
    assert 'aria-sort="descending"' in reversed_due.content.decode()

    # "Pat One" (Amy's and Ben's) sorts after "Pam Two" (Cara's); ties keep a fixed order.
    by_adviser = head.get(URL, {"scope": "service", "sort": "adviser", "order": "desc"})
    assert _order(by_adviser) == ["Amy", "Ben", "Cara"]
    by_adviser = head.get(URL, {"scope": "service", "sort": "adviser"})
    assert _order(by_adviser) == ["Cara", "Amy", "Ben"]


def test_narrowing_to_one_adviser_says_how_many_of_the_whole_list(known, on_the_day, head):
    response = head.get(URL, {"scope": "service", "adviser": str(known.pa2.pk)})
    assert _order(response) == ["Cara"]
    text = response.content.decode()
    assert "Showing 1 of the 3 in this list" in text
    # The filter offers every adviser in the whole list, not only those shown.
    assert f'value="{known.pa1.pk}"' in text
    assert f'value="{known.pa2.pk}" selected' in text


def test_narrowing_to_overdue_visits(known, on_the_day, head):
    _visits(known)
    # The form's box sends "on"; the link it makes says "yes".
    response = head.get(URL, {"scope": "service", "overdue": "on"})
    assert _order(response) == ["Ben"]
    assert "Showing 1 of the 3 in this list" in response.content.decode()


def test_no_personal_adviser_is_a_choice(known, on_the_day, head):
    # A young person in touch with no adviser now: their social worker saw them last week.
    lone = YoungPersonFactory(
        first_name="Zed", last_name="Known", team=known.team_a, category="former_relevant"
    )
    ContactFactory(young_person=lone, worker=known.pa1)
    response = head.get(URL, {"scope": "service", "adviser": NO_ADVISER})
    assert _order(response) == ["Zed"]
    assert "No personal adviser</td>" in response.content.decode()


def test_the_spreadsheet_follows_the_sort_and_filter(known, on_the_day, head):
    _visits(known)
    response = head.get(XLSX, {"scope": "service", "sort": "next_due"})
    rows = list(load_workbook(io.BytesIO(response.content))["Rows"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Name", "Child ID")
    assert "Personal adviser" in rows[0]
    assert [row[0] for row in rows[1:]] == ["Ben Known", "Amy Known", "Cara Known"]
    narrowed = head.get(XLSX, {"scope": "service", "adviser": str(known.pa2.pk)})
    rows = list(load_workbook(io.BytesIO(narrowed.content))["Rows"].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Cara Known"]


def test_the_page_link_to_the_spreadsheet_keeps_the_arrangement(known, on_the_day, head):
    text = head.get(URL, {"scope": "service", "sort": "age", "overdue": "yes"}).content.decode()
    assert f"{XLSX}?scope=service&amp;sort=age&amp;overdue=yes" in text


def test_a_sorted_narrowed_list_costs_the_same_queries_however_long(known, on_the_day, head):
    params = {"scope": "service", "sort": "adviser", "adviser": str(known.pa1.pk)}
    head.get(URL, params)
    with CaptureQueriesContext(connection) as few:
        head.get(URL, params)
    for number in range(6):
        person = YoungPersonFactory(
            first_name="Extra",
            last_name=f"Known{number}",
            team=known.team_a,
            category="former_relevant",
        )
        AllocationFactory(young_person=person, worker=known.pa1, role="pa", end=None)
        ContactFactory(young_person=person, worker=known.pa1)
    with CaptureQueriesContext(connection) as many:
        response = head.get(URL, params)
    assert response.content.decode().count("Extra Known") == 6
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", Arrangement()),
        ("sort=next_due&order=desc", Arrangement(sort="next_due", descending=True)),
        ("sort=drop+table&adviser=1;--&overdue=maybe", Arrangement()),
        ("adviser=none&overdue=yes", Arrangement(adviser=NO_ADVISER, overdue_only=True)),
    ],
)
def test_the_query_string_is_read_safely(query: str, expected: Arrangement) -> None:
    assert Arrangement.from_query(QueryDict(query)) == expected


def test_a_heading_link_turns_the_current_sort_round() -> None:
    now = Arrangement(sort="age", adviser="7")
    assert now.sorted_by("age").params() == {"sort": "age", "order": "desc", "adviser": "7"}
    assert now.sorted_by("team").params() == {"sort": "team", "adviser": "7"}
    assert now.aria_sort("age") == "ascending"
    assert now.aria_sort("team") == "none"
