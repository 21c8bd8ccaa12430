"""The DfE's in-touch indicator: a worked example with dates, and the figure agreeing with the
OC3 rows the 903 export writes for the same young people on the same day."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import Allocation, WorkerRole
from careleavers.insight.allocations import staff_users
from careleavers.insight.indicators import Figure, Scope, indicator
from careleavers.people.category import birthday
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory
from careleavers.returns.selectors import ssda903_return_for
from careleavers.returns.tests.builders import home_visit

pytestmark = pytest.mark.django_db

# 31 March 2026: the 12 months up to it are the collection year 2025 to 2026 (named 2026).
ON = datetime.date(2026, 3, 31)
YEAR = 2026


def _looked_after_15_to_18(person: YoungPerson) -> None:
    CareEpisodeFactory(
        young_person=person,
        start=birthday(person.date_of_birth, 15),
        end=birthday(person.date_of_birth, 18),
        reason_ended="E17",
    )


@pytest.fixture
def example() -> SimpleNamespace:
    adviser = UserFactory(roles=["personal_adviser"])
    # 19 on 31 January 2026, two months before the day; seen on 17 January, two weeks before.
    reached = YoungPersonFactory(child_id="REACHED", date_of_birth=datetime.date(2007, 1, 31))
    _looked_after_15_to_18(reached)
    home_visit(reached, adviser, datetime.date(2026, 1, 17))
    # 20 on 15 December 2025; the only contact on 15 July 2025, five months before it.
    missed = YoungPersonFactory(child_id="MISSED", date_of_birth=datetime.date(2005, 12, 15))
    _looked_after_15_to_18(missed)
    home_visit(missed, adviser, datetime.date(2025, 7, 15))
    # 17 only on 1 June 2026, after the day: no birthday of 17 to 21 in the 12 months.
    too_young = YoungPersonFactory(child_id="YOUNG", date_of_birth=datetime.date(2009, 6, 1))
    CareEpisodeFactory(
        young_person=too_young,
        start=birthday(too_young.date_of_birth, 14),
        end=datetime.date(2025, 7, 1),
        reason_ended="E13",
    )
    home_visit(too_young, adviser, datetime.date(2026, 3, 1))
    for person in (reached, missed, too_young):
        Allocation.objects.create(
            young_person=person,
            worker=adviser,
            role=WorkerRole.PERSONAL_ADVISER,
            start=datetime.date(2024, 1, 1),
        )
    return SimpleNamespace(adviser=adviser, reached=reached, missed=missed, young=too_young)


def _scope(on: datetime.date = ON) -> Scope:
    return Scope(on=on, young_people=YoungPerson.objects.live(), staff=staff_users())


def test_in_touch_around_the_birthday_counts_contact_within_the_903_window(example):
    item = indicator("in_touch_dfe")
    assert item.compute(_scope()) == Figure(numerator=1, denominator=2)
    assert [row.child_id for row in item.members(_scope())] == ["REACHED"]
    assert item.exceptions is not None
    assert [row.child_id for row in item.exceptions(_scope())] == ["MISSED"]


def test_the_figure_is_what_the_903_export_says_for_the_same_people_on_the_same_day(example):
    rows = ssda903_return_for(YEAR, today=ON).oc3
    in_touch = sorted(row["CHILD"] for row in rows if row["IN_TOUCH"] == "YES")
    item = indicator("in_touch_dfe")
    assert item.compute(_scope()) == Figure(numerator=len(in_touch), denominator=len(rows))
    assert sorted(row.child_id for row in item.members(_scope())) == in_touch
    assert {row["CHILD"]: row["IN_TOUCH"] for row in rows} == {"REACHED": "YES", "MISSED": "NO"}


def test_a_contact_made_after_the_day_is_not_counted_for_it(example):
    # A late contact for the 20th birthday of 15 December 2025, within the month after it.
    home_visit(example.missed, example.adviser, datetime.date(2026, 1, 10))
    item = indicator("in_touch_dfe")
    # The young person who turned 19 on 31 January 2026 was 18 on these days and left care on
    # their 18th birthday, so the 903 leaves them out (rule 1016).
    assert item.compute(_scope(datetime.date(2026, 1, 5))) == Figure(numerator=0, denominator=1)
    assert item.compute(_scope(datetime.date(2026, 1, 12))) == Figure(numerator=1, denominator=1)


def test_the_breakdown_agrees_with_the_figure(example):
    item = indicator("in_touch_dfe")
    assert item.breakdown is not None
    found = item.breakdown(_scope())
    assert found.whole == Figure(numerator=1, denominator=2)
    assert found.workers[example.adviser.pk] == Figure(numerator=1, denominator=2)


def test_it_carries_the_dfe_not_in_touch_benchmark_and_the_local_measure_does_not():
    dfe = indicator("in_touch_dfe")
    assert (dfe.benchmark_measure, dfe.benchmark_complement) == (
        "CareLeavers_LA_NotInTouch",
        True,
    )
    assert indicator("recent_contact").benchmark_measure is None


def test_the_figure_costs_the_same_queries_however_many_care_leavers(example):
    item = indicator("in_touch_dfe")
    with CaptureQueriesContext(connection) as few:
        item.compute(_scope())
    for number in range(3):
        person = YoungPersonFactory(date_of_birth=datetime.date(2006, 5, 1 + number))
        _looked_after_15_to_18(person)
        home_visit(person, example.adviser, datetime.date(2025, 4, 20))
    with CaptureQueriesContext(connection) as more:
        figure = item.compute(_scope())
    assert figure == Figure(numerator=4, denominator=5)
    assert len(more.captured_queries) == len(few.captured_queries)


def test_the_twelve_months_can_span_two_collection_years(example):
    # On 31 May 2026 the 12 months hold MISSED's 20th birthday, 15 December 2025 (year
    # 2026), and APRIL's 19th, 20 April 2026 (year 2027), seen on 1 April 2026: each counts as
    # its own year's return says.
    on = datetime.date(2026, 5, 31)
    april = YoungPersonFactory(child_id="APRIL", date_of_birth=datetime.date(2007, 4, 20))
    _looked_after_15_to_18(april)
    home_visit(april, example.adviser, datetime.date(2026, 4, 1))
    this_year = {row["CHILD"]: row["IN_TOUCH"] for row in ssda903_return_for(2027, today=on).oc3}
    last_year = {row["CHILD"]: row["IN_TOUCH"] for row in ssda903_return_for(2026, today=on).oc3}
    assert this_year["APRIL"] == "YES"
    assert last_year["MISSED"] == "NO"
    item = indicator("in_touch_dfe")
    # REACHED's 19th birthday (31 January 2026) is in the 12 months too, and in touch.
    assert item.compute(_scope(on)) == Figure(numerator=2, denominator=3)
    assert sorted(row.child_id for row in item.members(_scope(on))) == ["APRIL", "REACHED"]
