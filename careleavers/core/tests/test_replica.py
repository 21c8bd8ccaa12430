"""The read replica router: dashboards and exports read from a second database when asked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, connections
from psycopg import sql

from careleavers.core import replica
from careleavers.core.replica import REPLICA, ReplicaRouter, reads_from_replica
from careleavers.people.models import YoungPerson
from careleavers.people.services import category_refresh
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory


def test_without_a_replica_every_read_uses_the_default_database() -> None:
    with reads_from_replica():
        assert ReplicaRouter().db_for_read(YoungPerson) is None


def test_reads_go_to_the_replica_only_inside_the_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    router = ReplicaRouter()
    assert router.db_for_read(YoungPerson) is None
    with reads_from_replica():
        assert router.db_for_read(YoungPerson) == REPLICA
        assert router.db_for_write(YoungPerson) == "default"
    assert router.db_for_read(YoungPerson) is None


def test_the_replica_is_never_migrated_directly() -> None:
    assert ReplicaRouter().allow_migrate(REPLICA, "people") is False
    assert ReplicaRouter().allow_migrate("default", "people") is True


def _admin_connection() -> psycopg.Connection[Any]:
    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def second_database() -> Iterator[str]:
    """A second PostgreSQL database, copied from the test database, configured as the replica."""
    primary = connection.settings_dict["NAME"]
    copy = f"{primary}_replica"
    # PostgreSQL copies a database only when nobody is connected to it.
    connections.close_all()
    with _admin_connection() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(copy)))
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(copy), sql.Identifier(primary)
            )
        )
    connections.settings[REPLICA] = {**connection.settings_dict, "NAME": copy}
    # Connect now: Django's test case refuses to open connections lazily to databases it did not
    # set up, and this one is made by the test itself.
    connections[REPLICA].connect()
    try:
        yield copy
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
        with _admin_connection() as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(copy)))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="copies a PostgreSQL database")
@pytest.mark.django_db(transaction=True)
def test_replica_reads_come_from_the_second_database_and_writes_stay_on_the_primary(
    request: pytest.FixtureRequest,
) -> None:
    YoungPersonFactory(first_name="Asha")
    request.getfixturevalue("second_database")
    # Make the copy differ, as a replica a moment behind would.
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("UPDATE people_youngperson SET first_name = 'On the replica'")

    assert list(YoungPerson.objects.values_list("first_name", flat=True)) == ["Asha"]
    with reads_from_replica():
        assert list(YoungPerson.objects.values_list("first_name", flat=True)) == ["On the replica"]
        YoungPersonFactory(first_name="Written while reading the replica")
        assert YoungPerson.objects.count() == 1
    assert YoungPerson.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="copies a PostgreSQL database")
@pytest.mark.django_db(transaction=True)
def test_the_annex_a_export_reads_the_replica(
    request: pytest.FixtureRequest, tmp_path: Any
) -> None:
    care_leaver = CareEpisodeFactory(young_person=YoungPersonFactory(child_id="PRIMARY1"))
    category_refresh(young_person=care_leaver.young_person)
    request.getfixturevalue("second_database")
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("UPDATE people_youngperson SET child_id = 'REPLICA1'")

    out = tmp_path / "annex-a.csv"
    call_command("export_annex_a", out=out)

    text = out.read_text()
    assert "REPLICA1" in text
    assert "PRIMARY1" not in text
