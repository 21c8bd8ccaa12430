"""`__any` finds the same rows as `__in`; PostgreSQL gets the ids as one array parameter.
`id_batches` splits a long list of ids."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careleavers.core.lookups import id_batches
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


def test_postgresql_gets_one_array_and_other_databases_an_in_list():
    with CaptureQueriesContext(connection) as queries:
        list(YoungPerson.objects.filter(pk__any=list(range(1, 201))))
    sql = queries.captured_queries[-1]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql
        assert " IN (" not in sql
    else:
        assert " IN (" in sql


def test_id_batches_gives_each_id_once_in_order_a_batch_at_a_time() -> None:
    assert list(id_batches([5, 1, 3, 1, 4, 2], size=2)) == [[1, 2], [3, 4], [5]]
    assert list(id_batches([], size=2)) == []
