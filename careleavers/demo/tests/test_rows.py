"""The demo's one bulk writer (rows.py): what it writes reads back as the ORM would have stored
it, reserved ids are never given out again, and mistakes are refused with nothing written.

Each check runs here, on PostgreSQL, and again on SQLite (the laptop demo of scripts/start) in a
fresh process with its own database file: a SQLite-only path of an earlier copy of this writer
once stopped scripts/start.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from careleavers.core.tests.fresh_process import python_in_a_fresh_process

LONDON = ZoneInfo("Europe/London")
# Fields the database or the ORM fills in by itself: the id, and the time of the write.
OWN_FIELDS = ("id", "modified_at")


def _stored(model: Any, pk: int) -> dict[str, Any]:
    row = model.objects.filter(pk=pk).values().get()
    return {name: value for name, value in row.items() if name not in OWN_FIELDS}


def rows_read_back_as_the_orm_stores_them() -> None:
    """Dates, an aware time, decimals, a JSON list, a choice and foreign keys, side by side
    with the same values saved through the ORM."""
    from careleavers.accommodation.models import (
        StayingClose,
        StayingCloseOutcome,
        StayingPut,
        SupportArea,
    )
    from careleavers.accounts.tests.factories import UserFactory
    from careleavers.demo.rows import write_rows
    from careleavers.people.tests.factories import YoungPersonFactory

    young_person = YoungPersonFactory()
    worker = UserFactory()
    close = {
        "young_person_id": young_person.pk,
        "assessed_on": datetime.date(2026, 3, 2),
        "assessed_by_id": worker.pk,
        "needs": "Help with budgeting.",
        "outcome": StayingCloseOutcome.SUPPORT_NEEDED,
        "support_areas": [SupportArea.values[0], SupportArea.values[1]],
        "next_review_on": datetime.date(2026, 6, 1),
        "created_at": datetime.datetime(2026, 3, 2, 10, 15, 30, 250, tzinfo=LONDON),
        "created_by_id": worker.pk,
    }
    put = {
        "young_person_id": young_person.pk,
        "carers": "Sam and Alex Carter",
        "start": datetime.date(2025, 7, 1),
        "planned_end": datetime.date(2027, 6, 30),
        "weekly_allowance": Decimal("245.50"),
        "young_person_weekly_contribution": Decimal("20"),
        "created_at": datetime.datetime(2025, 7, 1, 9, 0, tzinfo=LONDON),
    }
    for model, values in ((StayingClose, close), (StayingPut, put)):
        by_orm = model.objects.create(**values)
        assert write_rows(model, [dict(values)]) == 1
        written = model.objects.exclude(pk=by_orm.pk).get()
        assert _stored(model, written.pk) == _stored(model, by_orm.pk)
    # Stored in the form the ORM's own lookups match (SQLite compares dates and times as text).
    assert StayingClose.objects.filter(created_at=close["created_at"]).count() == 2
    assert StayingClose.objects.filter(assessed_on=close["assessed_on"]).count() == 2
    assert StayingPut.objects.filter(weekly_allowance=Decimal("245.5")).count() == 2


def reserved_ids_are_never_given_out_again() -> None:
    from careleavers.accounts.models import Team
    from careleavers.demo.rows import IdBlocks, give_ids, reserve_ids, write_rows

    Team.objects.create(name="Before")
    rows = give_ids(Team, [{"name": "North"}, {"name": "South"}])
    blocks = IdBlocks(Team, block=2)
    taken = [blocks.take() for _ in range(3)]  # a second block for the third
    later = Team.objects.create(name="After")  # as the application would, before the write
    write_rows(Team, [*rows, *({"id": pk, "name": f"Team {pk}"} for pk in taken)], with_ids=True)

    ids = [row["id"] for row in rows] + taken
    assert len(set(ids)) == 5
    assert later.pk > max(ids)
    assert Team.objects.count() == 7
    assert reserve_ids(Team, 0) == []
    assert min(reserve_ids(Team, 1)) > later.pk


def mistakes_are_refused_and_nothing_is_written() -> None:
    from django.db import transaction

    from careleavers.accounts.models import Team
    from careleavers.demo.rows import write_rows

    # In a transaction, as the demo builder writes: the rows before the mistake go too.
    with pytest.raises(ValueError, match=r"Team has no fields \['nmae'\]"), transaction.atomic():
        write_rows(Team, [{"name": "North"}, {"nmae": "South"}])
    with (
        pytest.raises(ValueError, match="row to write with its id has none"),
        transaction.atomic(),
    ):
        write_rows(Team, [{"name": "North"}], with_ids=True)
    assert not Team.objects.exists()
    # A seeder's own notes, under keys starting "_", are not columns and are left out.
    assert write_rows(Team, [{"name": "North", "_story": "kept by the seeder"}]) == 1
    assert Team.objects.get().name == "North"


CHECKS: dict[str, Callable[[], None]] = {
    "read back": rows_read_back_as_the_orm_stores_them,
    "reserved ids": reserved_ids_are_never_given_out_again,
    "mistakes": mistakes_are_refused_and_nothing_is_written,
}


@pytest.mark.django_db
@pytest.mark.parametrize("check", sorted(CHECKS))
def test_on_postgresql(check: str) -> None:
    CHECKS[check]()


class _NoMigrations(dict[str, None]):
    """Every app's tables made straight from its models: quicker than migrating, and these
    checks need none of the reference data the migrations load."""

    def __contains__(self, app_label: object) -> bool:
        return True

    def __getitem__(self, app_label: str) -> None:
        return None


def _main(check: str) -> None:
    import django
    from django.conf import settings
    from django.core.management import call_command

    settings.MIGRATION_MODULES = _NoMigrations()
    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)
    CHECKS[check]()


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_on_sqlite(check: str, tmp_path: Path) -> None:
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "ENVIRONMENT": "local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    }
    result = python_in_a_fresh_process(
        ["-c", f"from {__name__} import _main; _main({check!r})"], environment, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-3000:]
