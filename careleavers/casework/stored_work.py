"""Stored work items: the work tray's kinds that depend only on a young person's records and the
day (a visit due, a plan review, a PEP...), worked out ahead so that a tray, a home page and a
team's overdue counts read them with one indexed query instead of asking each kind.

The kinds stay the only statement of each rule: a stored kind's provider (`WorkTrayKind` with
`stored=True`) is run here for chosen young people, and its items are written to
StoredWorkItem. They are worked out again:

- for a young person, straight after any change to their records commits. Every service writes
  its audit event naming the young person in the same transaction as its change, and core calls
  `stored_work_items_follow` once that transaction commits (core/record_changes.py);
- for everyone, by the daily job (`run_scheduled_jobs`), which first works every item out again
  for the day it was stored for and counts what differs from what is stored (the drift, which
  should be 0), then stores everyone's items for today and marks the day (StoredWorkDay);
- for everyone, by a background task, after a change that names no young person (a council-wide
  setting may move anyone's work): the stored items are set aside until it has run;
- after `seed_demo`.

A tray uses the stored items only when they were worked out for today and are not set aside
(`work_tray.stored_items_are_current`); otherwise it asks each kind as before.

Writers take one lock (on PostgreSQL) so a young person's refresh after a change never
interleaves with the daily job's batch holding them: whichever writes last worked from the
committed record.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import CharField, QuerySet, Value
from django.utils import timezone

from careleavers.casework.models import StoredWorkDay, StoredWorkItem
from careleavers.casework.work_tray import WorkItem, WorkTrayKind, WorkTrayScope, work_tray_kinds
from careleavers.core.lookups import id_batches
from careleavers.core.record_changes import CommittedChanges
from careleavers.people.models import YoungPerson

# Young people worked out per transaction by the daily job: the lock is held for one batch.
BATCH = 2000
# An arbitrary number that names this lock among PostgreSQL's advisory locks.
_LOCK_KEY = 7_312_040_001


def stored_kinds() -> list[WorkTrayKind]:
    return [kind for kind in work_tray_kinds if kind.stored]


@dataclass(frozen=True)
class _ChosenYoungPeople(WorkTrayScope):
    """A scope holding exactly the chosen young people, whoever they are allocated to: a
    stored kind's provider asks only `allocated_young_people()` and `today`."""

    young_person_ids: tuple[int, ...] = field(default_factory=tuple)

    def allocated_young_people(self) -> QuerySet[YoungPerson]:
        if not self.young_person_ids:
            return YoungPerson.objects.none()
        # Whose tray an item is in is worked out when a tray reads it, so no worker is named.
        return YoungPerson.objects.filter(pk__any=list(self.young_person_ids)).annotate(
            worker_name=Value("", output_field=CharField())
        )


def work_out(young_person_ids: Sequence[int], today: datetime.date) -> list[StoredWorkItem]:
    """The stored kinds' items for these young people on `today` (unsaved)."""
    scope = _ChosenYoungPeople(user=None, today=today, young_person_ids=tuple(young_person_ids))
    rows = []
    for kind in stored_kinds():
        for item in kind.provider(scope):
            rows.append(_row(item, today))
    return rows


def _row(item: WorkItem, today: datetime.date) -> StoredWorkItem:
    assert item.young_person is not None, f"a stored kind's item names a young person: {item}"
    return StoredWorkItem(
        kind=item.kind,
        young_person_id=item.young_person.pk,
        title=item.title,
        detail=item.detail,
        due=item.due,
        overdue=item.overdue,
        days_overdue=item.days_overdue,
        urgent=item.urgent,
        url=item.url,
        batch_id=item.batch_id,
        worked_out_for=today,
    )


def _signature(row: StoredWorkItem) -> tuple[object, ...]:
    return (
        row.kind,
        row.young_person_id,
        row.title,
        row.detail,
        row.due,
        row.overdue,
        row.days_overdue,
        row.urgent,
        row.url,
        row.batch_id,
    )


@contextmanager
def _locked() -> Iterator[None]:
    """A transaction holding the writers' lock (PostgreSQL; SQLite has one writer anyway)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        yield


def _replace(young_person_ids: Sequence[int], rows: list[StoredWorkItem]) -> None:
    StoredWorkItem.objects.filter(young_person_id__any=list(young_person_ids)).delete()
    StoredWorkItem.objects.bulk_create(rows, batch_size=BATCH)


def stored_work_items_refresh(
    young_person_ids: Iterable[int], *, today: datetime.date | None = None
) -> None:
    """Work these young people's items out again, after a change to their records."""
    today = today or timezone.localdate()
    # A change to many young people is worked through a batch at a time, as the daily job does.
    for batch in id_batches(young_person_ids, BATCH):
        with _locked():
            _replace(batch, work_out(batch, today))


@dataclass
class RefreshSummary:
    young_people: int = 0
    items: int = 0
    drift: int = 0

    def __str__(self) -> str:
        return (
            f"{self.items} items for {self.young_people} young people; "
            f"{self.drift} differed from what was stored"
        )


def stored_work_items_refresh_everyone(today: datetime.date) -> RefreshSummary:
    """Work everyone's items out for `today` and mark the day, counting on the way how many
    stored items were wrong for the day they were stored for (the drift)."""
    previous = StoredWorkDay.objects.first()
    ids = list(YoungPerson.objects.values_list("pk", flat=True))
    summary = RefreshSummary(young_people=len(ids))
    for batch in id_batches(ids, BATCH):
        with _locked():
            if previous is not None:
                summary.drift += _drift(batch, previous.day)
            rows = work_out(batch, today)
            _replace(batch, rows)
            summary.items += len(rows)
    with _locked():
        StoredWorkDay.objects.all().delete()
        StoredWorkDay.objects.create(
            day=today,
            set_aside=False,
            finished_at=timezone.now(),
            young_people=summary.young_people,
            items=summary.items,
            drift=summary.drift,
        )
    return summary


def _drift(batch: list[int], stored_for: datetime.date) -> int:
    """How many stored items of these young people differ from the same kinds worked out again
    for the day each young person's items were stored for."""
    stored = list(StoredWorkItem.objects.filter(young_person_id__any=batch))
    day_of = {row.young_person_id: row.worked_out_for for row in stored}
    expected: set[tuple[object, ...]] = set()
    for day in {*day_of.values(), stored_for}:
        people = [pk for pk in batch if day_of.get(pk, stored_for) == day]
        expected |= {_signature(row) for row in work_out(people, day)}
    actual = {_signature(row) for row in stored}
    return len(expected ^ actual)


def stored_work_items_follow(changes: CommittedChanges) -> None:
    """After a change commits: work out again the items of the young people it changed; after
    one that may move anyone's work, trays ask each kind until everyone's are worked out again
    (by a background task, queued here)."""
    if not StoredWorkDay.objects.exists():
        return  # not stored yet: trays ask each kind
    if changes.beyond_records:
        StoredWorkDay.objects.update(set_aside=True)
        from careleavers.casework.tasks import stored_work_items_refresh_task

        stored_work_items_refresh_task.enqueue(timezone.localdate().isoformat())
    stored_work_items_refresh(changes.young_person_ids)
