"""`__any` finds the same rows as `__in`, on PostgreSQL as one array parameter."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def test_any_finds_the_same_rows_as_in():
    people = [YoungPersonFactory() for _ in range(5)]
    wanted = [people[0].pk, people[3].pk, people[4].pk, None]
    found = set(YoungPerson.objects.filter(pk__any=wanted).values_list("pk", flat=True))
    assert found == {people[0].pk, people[3].pk, people[4].pk}
    assert not YoungPerson.objects.filter(pk__any=[]).exists()


def test_any_works_through_a_foreign_key():
    person = YoungPersonFactory()
    other = YoungPersonFactory(team=person.team)
    found = YoungPerson.objects.filter(team_id__any=[person.team_id])
    assert {person.pk, other.pk} <= set(found.values_list("pk", flat=True))


def test_on_postgresql_the_ids_are_one_parameter():
    if connection.vendor != "postgresql":
        pytest.skip("the array form is PostgreSQL's; other databases use IN")
    with CaptureQueriesContext(connection) as queries:
        list(YoungPerson.objects.filter(pk__any=list(range(1, 2001))))
    assert "= ANY(" in queries.captured_queries[-1]["sql"]
    assert " IN (" not in queries.captured_queries[-1]["sql"]
