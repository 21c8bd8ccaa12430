"""Drill-down lists a manager can act on: each young person's adviser, last contact and next
visit, sorted and narrowed in the database (so across pages and in the spreadsheet), from
links and a GET form that work without JavaScript; and lists of records about young people
(referrals, or an indicator's own columns) sorted by their columns and narrowed by adviser the
same way."""

from __future__ import annotations

import datetime
import html
import io
import re
from typing import Any
from urllib.parse import urlencode

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from careleavers.accommodation.models import HousingApplication
from careleavers.accommodation.tests.factories import HousingApplicationFactory
from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory, ContactFactory
from careleavers.core.tests.file_jobs import made_file
from careleavers.insight.drilldown import NO_ADVISER, Arrangement, records
from careleavers.insight.indicators import (
    COUNT,
    OTHER,
    Column,
    Figure,
    Indicator,
    Scope,
    all_indicators,
    indicator,
    registered_indicators,
)
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
def head(client_for: Any) -> Client:
    return client_for(Role.HEAD_OF_SERVICE)


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


def test_a_typed_adviser_name_narrows_and_says_how_many_of_the_whole_list(known, on_the_day, head):
    # Part of a name, in any case, with stray spaces.
    response = head.get(URL, {"scope": "service", "adviser_name": "  pam  "})
    assert _order(response) == ["Cara"]
    text = response.content.decode()
    assert "Showing 1 of the 3 in this list" in text
    # The box keeps what was typed, tidied, and the links keep the narrowing.
    assert 'name="adviser_name" value="pam"' in text
    assert f"{XLSX}?scope=service&amp;adviser_name=pam" in text
    # A part every adviser's name shares.
    assert _order(head.get(URL, {"scope": "service", "adviser_name": "P"})) == [
        "Amy",
        "Ben",
        "Cara",
    ]
    # The whole name, first and last.
    assert _order(head.get(URL, {"scope": "service", "adviser_name": "pat one"})) == [
        "Amy",
        "Ben",
    ]


def test_a_typed_name_that_matches_nobody_lists_nobody(known, on_the_day, head):
    # Wildcards typed are letters like any other: nobody's name holds "%" or "_".
    for typed in ("Nobody", "%", "_", "Pat%One"):
        response = head.get(URL, {"scope": "service", "adviser_name": typed})
        assert _order(response) == [], typed
        assert "Showing 0 of the 3 in this list" in response.content.decode()


def test_the_filter_lists_no_advisers_to_choose_from(known, on_the_day, head):
    # The service's list has thousands of advisers at national size: the name is typed.
    text = head.get(URL, {"scope": "service"}).content.decode()
    assert "<select" not in text
    assert f'value="{known.pa1.pk}"' not in text
    assert 'name="adviser_name"' in text


def test_a_link_naming_an_adviser_by_id_still_narrows(known, on_the_day, head):
    # Links and bookmarks made before the name was typed.
    response = head.get(URL, {"scope": "service", "adviser": str(known.pa2.pk)})
    assert _order(response) == ["Cara"]
    assert "Showing 1 of the 3 in this list" in response.content.decode()


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
    # The form's box asks the same; the links it makes say "none".
    ticked = head.get(URL, {"scope": "service", "no_adviser": "on"})
    assert _order(ticked) == ["Zed"]
    text = ticked.content.decode()
    assert re.search(r'name="no_adviser"[^>]*checked', text)
    assert f"{XLSX}?scope=service&amp;adviser=none" in text


def test_the_spreadsheet_follows_the_sort_and_filter(known, on_the_day, head):
    _visits(known)
    rows = _sheet(head, XLSX, {"scope": "service", "sort": "next_due"})
    assert rows[0][:2] == ("Name", "Child ID")
    assert "Personal adviser" in rows[0]
    assert [row[0] for row in rows[1:]] == ["Ben Known", "Amy Known", "Cara Known"]
    rows = _sheet(head, XLSX, {"scope": "service", "adviser": str(known.pa2.pk)})
    assert [row[0] for row in rows[1:]] == ["Cara Known"]
    rows = _sheet(head, XLSX, {"scope": "service", "adviser_name": "Pat"})
    assert [row[0] for row in rows[1:]] == ["Amy Known", "Ben Known"]


def test_the_page_link_to_the_spreadsheet_keeps_the_arrangement(known, on_the_day, head):
    text = head.get(URL, {"scope": "service", "sort": "age", "overdue": "yes"}).content.decode()
    assert f"{XLSX}?scope=service&amp;sort=age&amp;overdue=yes" in text


def _six_more_of_pa1s_young_people(known: Any) -> list[YoungPerson]:
    """Extra Known0 to Extra Known5 in team A, allocated to PA1: a longer list, to show that
    its cost in queries does not grow with it."""
    people = []
    for number in range(6):
        person = YoungPersonFactory(
            first_name="Extra",
            last_name=f"Known{number}",
            team=known.team_a,
            category="former_relevant",
        )
        AllocationFactory(young_person=person, worker=known.pa1, role="pa", end=None)
        people.append(person)
    return people


def test_a_sorted_narrowed_list_costs_the_same_queries_however_long(known, on_the_day, head):
    params = {"scope": "service", "sort": "adviser", "adviser_name": "Pat One"}
    head.get(URL, params)
    with CaptureQueriesContext(connection) as few:
        head.get(URL, params)
    for person in _six_more_of_pa1s_young_people(known):
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
        ("no_adviser=on&adviser=7", Arrangement(adviser=NO_ADVISER)),
        ("adviser_name=+Pat+%0A+One+", Arrangement(adviser_name="Pat One")),
        ("adviser_name=" + "x" * 200, Arrangement(adviser_name="x" * 80)),
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


# Lists of records about young people ---------------------------------------------------------
# Open referrals on the day (factories.py): Hal's 60 days (no personal adviser), Amy's 40 and
# Ben's 28 (Pat One's), Cara's 20 (Pam Two's).

REFERRALS = reverse("insight:members", args=["referrals_waiting"])
REFERRALS_XLSX = reverse("insight:members_xlsx", args=["referrals_waiting"])


def _referred(response: Any) -> list[str]:
    return re.findall(r"(Amy|Ben|Cara|Hal|Extra) Known", response.content.decode())


def _sheet(client: Client, url: str, params: dict[str, str]) -> list[tuple[Any, ...]]:
    """The rows of the spreadsheet asked for at `url`, made in the background and downloaded."""
    response = made_file(client, f"{url}?{urlencode(params)}")
    return list(load_workbook(io.BytesIO(response.body))["Rows"].iter_rows(values_only=True))


def test_a_record_list_names_each_young_person_and_their_adviser(known, on_the_day, head):
    text = head.get(REFERRALS, {"scope": "service"}).content.decode()
    overview = reverse("people:overview", args=[known.amy.pk])
    assert f'<a class="govuk-link" href="{overview}">Amy Known</a>' in text
    assert "Pat One" in text  # Amy's and Ben's personal adviser
    assert "Pam Two" in text  # Cara's
    assert "No personal adviser" in text  # Hal's


def test_a_record_list_keeps_its_own_order_until_a_heading_is_chosen(known, on_the_day, head):
    plain = head.get(REFERRALS, {"scope": "service"})
    # Waiting longest first, as the indicator lists them; no heading claims the order.
    assert _referred(plain) == ["Hal", "Amy", "Ben", "Cara"]
    text = plain.content.decode()
    assert 'aria-sort="ascending"' not in text
    assert 'href="?scope=service&amp;sort=days_waiting"' in text
    assert 'href="?scope=service&amp;sort=service"' in text

    by_wait = head.get(REFERRALS, {"scope": "service", "sort": "days_waiting"})
    assert _referred(by_wait) == ["Cara", "Ben", "Amy", "Hal"]
    text = by_wait.content.decode()
    assert 'aria-sort="ascending"><a class="govuk-link" href="?scope=service&amp;sort=' in text
    assert 'Days waiting<span aria-hidden="true"> ▲</span>' in text
    # The same heading again turns it round.
    assert 'href="?scope=service&amp;sort=days_waiting&amp;order=desc"' in text
    longest = head.get(REFERRALS, {"scope": "service", "sort": "days_waiting", "order": "desc"})
    assert _referred(longest) == ["Hal", "Amy", "Ben", "Cara"]
    assert 'aria-sort="descending"' in longest.content.decode()

    by_name = head.get(REFERRALS, {"scope": "service", "sort": "name"})
    assert _referred(by_name) == ["Amy", "Ben", "Cara", "Hal"]
    # "Pam Two" before "Pat One"; no adviser goes last either way.
    by_adviser = head.get(REFERRALS, {"scope": "service", "sort": "adviser"})
    assert _referred(by_adviser) == ["Cara", "Amy", "Ben", "Hal"]
    by_adviser = head.get(REFERRALS, {"scope": "service", "sort": "adviser", "order": "desc"})
    assert _referred(by_adviser) == ["Amy", "Ben", "Cara", "Hal"]


def test_a_column_worked_out_in_python_is_not_a_sort_link(known, on_the_day, head):
    url = reverse("insight:members", args=["peps_completed"])
    text = head.get(url, {"scope": "service", "list": "not-counted"}).content.decode()
    # A PEP's term is named in Python; its due date is a database field.
    assert re.search(r'<th scope="col" class="govuk-table__header">Term</th>', text)
    assert 'href="?scope=service&amp;list=not-counted&amp;sort=due"' in text
    # Asking for it anyway leaves the plain list.
    assert head.get(url, {"scope": "service", "sort": "term"}).status_code == 200


def test_a_record_list_narrows_to_one_adviser_or_to_none(known, on_the_day, head):
    response = head.get(REFERRALS, {"scope": "service", "adviser": str(known.pa1.pk)})
    assert _referred(response) == ["Amy", "Ben"]
    text = response.content.decode()
    assert "Showing 2 of the 4 in this list" in text
    assert f'<a class="govuk-link" href="{REFERRALS}?scope=service">Show all 4</a>' in text
    # Records have no visit to be overdue.
    assert "Only those whose visit is overdue" not in text
    typed = head.get(REFERRALS, {"scope": "service", "adviser_name": "pat one"})
    assert _referred(typed) == ["Amy", "Ben"]

    nobody = head.get(REFERRALS, {"scope": "service", "adviser": NO_ADVISER})
    assert _referred(nobody) == ["Hal"]


def test_the_filter_form_keeps_a_record_lists_sort(known, on_the_day, head):
    text = head.get(
        REFERRALS, {"scope": "service", "sort": "days_waiting", "order": "desc"}
    ).content.decode()
    assert '<input type="hidden" name="sort" value="days_waiting">' in text
    assert '<input type="hidden" name="order" value="desc">' in text
    # Sorted and narrowed, the pages and the download keep both.
    narrowed = head.get(
        REFERRALS, {"scope": "service", "sort": "days_waiting", "adviser": str(known.pa1.pk)}
    )
    assert _referred(narrowed) == ["Ben", "Amy"]
    assert (
        f"{REFERRALS_XLSX}?scope=service&amp;sort=days_waiting&amp;adviser={known.pa1.pk}"
        in narrowed.content.decode()
    )


def test_a_record_spreadsheet_follows_the_sort_and_the_narrowing(known, on_the_day, head):
    rows = _sheet(head, REFERRALS_XLSX, {"scope": "service", "sort": "days_waiting"})
    assert rows[0] == ("Name", "Personal adviser", "Service", "Referred", "Days waiting")
    assert [row[0] for row in rows[1:]] == ["Cara Known", "Ben Known", "Amy Known", "Hal Known"]
    assert [row[4] for row in rows[1:]] == [20, 28, 40, 60]
    assert rows[1][1] == "Pam Two"
    narrowed = _sheet(
        head,
        REFERRALS_XLSX,
        {"scope": "service", "sort": "name", "order": "desc", "adviser": NO_ADVISER},
    )
    assert [row[:2] for row in narrowed[1:]] == [("Hal Known", "No personal adviser")]


def test_an_unreadable_query_string_leaves_a_record_list_plain(known, on_the_day, head):
    response = head.get(
        REFERRALS,
        {
            "scope": "service",
            "sort": "referred_on; drop table",
            "order": "sideways",
            "adviser": "1 or 1=1",
            "overdue": "yes",
            "page": "last-but-one",
        },
    )
    assert response.status_code == 200
    assert _referred(response) == ["Hal", "Amy", "Ben", "Cara"]
    assert "Showing" not in response.content.decode()
    rows = _sheet(head, REFERRALS_XLSX, {"scope": "service", "sort": "next_due"})
    assert [row[0] for row in rows[1:]] == ["Hal Known", "Amy Known", "Ben Known", "Cara Known"]


def test_a_record_list_costs_the_same_queries_however_long(known, on_the_day, head):
    from careleavers.transitions.tests.factories import ReferralFactory

    params = {"scope": "service", "sort": "adviser", "adviser": str(known.pa1.pk)}
    head.get(REFERRALS, params)
    with CaptureQueriesContext(connection) as few:
        head.get(REFERRALS, params)
    with CaptureQueriesContext(connection) as few_rows:
        _sheet(head, REFERRALS_XLSX, params)
    service = known.amy.referrals.get().service
    for person in _six_more_of_pa1s_young_people(known):
        ReferralFactory(
            young_person=person, service=service, referred_on=ON - datetime.timedelta(days=3)
        )
    with CaptureQueriesContext(connection) as many:
        response = head.get(REFERRALS, params)
    assert response.content.decode().count("Extra Known") == 6
    assert len(many) == len(few)
    with CaptureQueriesContext(connection) as many_rows:
        rows = _sheet(head, REFERRALS_XLSX, params)
    assert len(rows) == 1 + 2 + 6
    assert len(many_rows) == len(few_rows)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {}),
        ("sort=days_waiting&order=desc", {"sort": "days_waiting", "order": "desc"}),
        # A young-people column, a made-up one, and a way round for the indicator's own order.
        ("sort=next_due", {}),
        ("sort=x%27%3B--&order=desc", {}),
        ("order=desc", {}),
        # Records carry no visit to be overdue.
        ("overdue=yes&adviser=none", {"adviser": "none"}),
        ("adviser=12x", {}),
        ("adviser_name=Pam&no_adviser=yes", {"adviser": "none", "adviser_name": "Pam"}),
    ],
)
def test_a_record_lists_query_string_is_read_safely(query: str, expected: dict[str, str]):
    from careleavers.insight.presenters import record_columns
    from careleavers.transitions.models import Referral

    columns = record_columns(indicator("referrals_waiting"), Referral, on=ON)
    assert columns is not None
    kind = records(columns, person="young_person")
    assert Arrangement.from_query(QueryDict(query), kind).params() == expected


# An indicator's own columns --------------------------------------------------------------------


def _own_columns_indicator() -> Indicator:
    """Housing applications with columns of their own: one the database holds, one worked out
    in Python. Its rows come without their young people joined."""

    def rows(scope: Scope) -> Any:
        return HousingApplication.objects.filter(
            young_person__in=scope.young_people.values("pk"),
            housed_on__isnull=True,
            closed_on__isnull=True,
            archived_at__isnull=True,
        ).order_by("applied_on", "pk")

    return Indicator(
        key="test_own_columns",
        title="Applications (test)",
        area="adulthood",
        numerator="Applications waiting",
        denominator="None",
        source="Test",
        unit=COUNT,
        compute=lambda scope: Figure(numerator=rows(scope).count()),
        members=rows,
        members_kind=OTHER,
        columns=(
            Column("Applied", lambda row: row.applied_on, sort=("applied_on",)),
            Column("Long wait", lambda row: "Yes" if (ON - row.applied_on).days > 60 else "No"),
        ),
    )


def test_an_indicators_own_columns_sort_and_narrow_like_the_rest(known, on_the_day, head):
    # Waiting on the day: Amy's and Ben's (100 days, Pat One) and Gus's (50 days, no adviser).
    item = _own_columns_indicator()
    url = reverse("insight:members", args=[item.key])
    with registered_indicators.added(item):
        plain = head.get(url, {"scope": "service"})
        newest = head.get(url, {"scope": "service", "sort": "applied", "order": "desc"})
        narrowed = head.get(url, {"scope": "service", "adviser": str(known.pa1.pk)})
        before = CaptureQueriesContext(connection)
        with before:
            head.get(url, {"scope": "service", "sort": "name"})
        for number in range(4):
            person = YoungPersonFactory(
                first_name="Extra", last_name=f"Known{number}", team=known.team_a
            )
            HousingApplicationFactory(young_person=person, applied_on=ON)
        with CaptureQueriesContext(connection) as after:
            longer = head.get(url, {"scope": "service", "sort": "name"})
    text = plain.content.decode()
    assert re.findall(r"(Amy|Ben|Gus) Known", text) == ["Amy", "Ben", "Gus"]
    assert 'href="?scope=service&amp;sort=applied"' in text
    assert re.search(r'<th scope="col" class="govuk-table__header">Long wait</th>', text)
    assert "Pat One" in text
    assert re.findall(r"(Amy|Ben|Gus) Known", newest.content.decode()) == ["Gus", "Amy", "Ben"]
    assert re.findall(r"(Amy|Ben|Gus) Known", narrowed.content.decode()) == ["Amy", "Ben"]
    assert "Showing 2 of the 3 in this list" in narrowed.content.decode()
    assert longer.content.decode().count("Extra Known") == 4
    assert len(after) == len(before)


def test_every_drill_down_opens_and_sorts_by_each_of_its_headings(known, on_the_day, head):
    for item in all_indicators():
        url = reverse("insight:members", args=[item.key])
        lists = ["counted", "not-counted"] if item.exceptions else ["counted"]
        for which in lists:
            response = head.get(url, {"scope": "service", "list": which})
            assert response.status_code == 200, (item.key, which)
            for link in set(
                re.findall(
                    r'<th [^>]*><a class="govuk-link" href="\?([^"]+)"', response.content.decode()
                )
            ):
                sorted_page = head.get(f"{url}?{html.unescape(link)}")
                assert sorted_page.status_code == 200, (item.key, link)
