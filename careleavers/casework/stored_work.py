"""Stored work items: the work tray's kinds that depend only on a young person's records and the
day (a visit due, a plan review, a PEP...), worked out ahead so that a tray, a home page and a
team's overdue counts read them with one indexed query instead of asking each kind.

The kinds stay the only statement of each rule: a stored kind's provider (`WorkTrayKind` with
`stored=True`) is run here for chosen young people, and its items are written to
StoredWorkItem. They are worked out again:

- for a young person, by a background task after any change to their records commits. Every
  service writes its audit event naming the young person in the same transaction as its change,
  and core calls `stored_work_items_follow` once that transaction commits
  (core/record_changes.py). It only marks the young person pending (StoredWorkPending, one
  query) and queues `stored_work_items_refresh_for_task`, so the save does not wait for their
  kinds to be asked (about 40 ms at 100,000 young people). Until the task has run, a tray asks
  the stored kinds directly for the pending young people in it and reads everyone else's stored
  items (`work_tray.stored_items`), so it never shows work the change has undone;
- for everyone, by the daily job (`run_scheduled_jobs`), which first works every item out again
  for the day it was stored for and counts what differs from what is stored (the drift, which
  should be 0), then stores everyone's items for today and marks the day (StoredWorkDay);
- for everyone, by a background task, after a change that names no young person (a council-wide
  setting may move anyone's work): the stored items are set aside until it has run;
- after `seed_demo`.

A refresh clears a young person's pending mark in the transaction that writes their items, and
only a mark made before that transaction began (both times are the database's clock): a change
that commits while the refresh is reading keeps its mark, and its own task works the items out
again. The daily job clears marks the same way, so a stopped worker cannot leave a young person
marked (and their trays asking the kinds) for more than a day. A young person is marked just
after their change commits rather than within it, so for those few milliseconds a tray may still
read their old items, as it did while the refresh ran on the save.

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
from functools import cached_property

from django.db import connection, transaction
from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Now
from django.utils import timezone

from careleavers.casework.models import StoredWorkDay, StoredWorkItem, StoredWorkPending
from careleavers.casework.work_tray import (
    WorkItem,
    WorkTrayKind,
    WorkTrayScope,
    read_stored_items,
    split_pending,
    stored_items_are_current,
    stored_rows,
    work_tray_kinds,
)
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
            worker_name=self.worker_name("pk")
        )

    @cached_property
    def allocated_ids(self) -> list[int]:
        return list(self.young_person_ids)

    def worker_name(self, young_person: str) -> Value:  # type: ignore[override]
        return Value("", output_field=CharField())


def most_overdue_of_kind(
    young_people: QuerySet[YoungPerson], *, kind: str, today: datetime.date, most: int
) -> tuple[list[WorkItem], int] | None:
    """The `most` most overdue of one stored kind's items for these young people (most overdue
    first, then by young person), and how many are overdue in all: for a page that lists the
    worst of thousands (the managers' overdue plan reviews). The database orders, cuts and
    counts the stored items; the kind is asked directly for young people still pending after a
    change, and their items take their place in the order. None when the stored items are not
    current for `today`: the caller then works it out."""
    if not stored_items_are_current(today):
        return None
    pending, rest = split_pending(young_people)
    scope = _ChosenYoungPeople(user=None, today=today)
    items = read_stored_items(
        scope, among=rest, kinds=[kind], only_overdue=True, most_overdue=most
    )
    count = stored_rows(among=rest, kinds=[kind], only_overdue=True).count()
    if pending:
        asked = _ChosenYoungPeople(user=None, today=today, young_person_ids=pending)
        fresh = [item for item in work_tray_kinds.get(kind).provider(asked) if item.overdue]
        items += fresh
        count += len(fresh)
    items.sort(
        key=lambda item: (-item.days_overdue, item.young_person.pk if item.young_person else 0)
    )
    return items[:most], count


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
def _locked() -> Iterator[datetime.datetime]:
    """A transaction holding the writers' lock (PostgreSQL; SQLite has one writer anyway),
    giving the time it began, before anything in it was read: on PostgreSQL the database's
    time, the clock pending marks are made with, read by the statement that takes the lock."""
    with transaction.atomic():
        if connection.vendor != "postgresql":
            # SQLite's transactions here are immediate: no change commits while this one runs.
            yield timezone.now()
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s), statement_timestamp()", [_LOCK_KEY])
            row = cursor.fetchone()
        assert row is not None
        yield row[1]


def _replace(
    young_person_ids: Sequence[int], rows: list[StoredWorkItem], *, started: datetime.datetime
) -> None:
    """Store these young people's items, in a transaction from `_locked` that began at
    `started`, and clear their pending marks made by then: those changes had committed before
    anything was read. A mark made by a change that committed later stays, and that change's
    own task works the items out again."""
    ids = list(young_person_ids)
    StoredWorkItem.objects.filter(young_person_id__any=ids).delete()
    StoredWorkItem.objects.bulk_create(rows, batch_size=BATCH)
    StoredWorkPending.objects.filter(young_person_id__any=ids, marked_at__lte=started).delete()


def stored_work_items_refresh(
    young_person_ids: Iterable[int], *, today: datetime.date | None = None
) -> None:
    """Work these young people's items out again, after a change to their records (run by
    `stored_work_items_refresh_for_task`), and clear the marks that said they were pending."""
    today = today or timezone.localdate()
    # A change to many young people is worked through a batch at a time, as the daily job does.
    for batch in id_batches(young_person_ids, BATCH):
        with _locked() as started:
            _replace(batch, work_out(batch, today), started=started)


@dataclass
class RefreshSummary:
    young_people: int = 0
    items: int = 0
    drift: int = 0
    # Young people still marked pending after a change: normally the few whose task had not run
    # yet; many means the background worker is not running.
    pending: int = 0

    def __str__(self) -> str:
        return (
            f"{self.items} items for {self.young_people} young people; "
            f"{self.drift} differed from what was stored; "
            f"{self.pending} young people were waiting for theirs to be worked out again"
        )


def stored_work_items_refresh_everyone(today: datetime.date) -> RefreshSummary:
    """Work everyone's items out for `today` and mark the day, counting on the way how many
    stored items were wrong for the day they were stored for (the drift), and clearing the
    pending marks made before each batch began (`_replace`)."""
    previous = StoredWorkDay.objects.first()
    ids = list(YoungPerson.objects.values_list("pk", flat=True))
    summary = RefreshSummary(young_people=len(ids))
    for batch in id_batches(ids, BATCH):
        with _locked() as started:
            pending = set(
                StoredWorkPending.objects.filter(young_person_id__any=batch).values_list(
                    "young_person_id", flat=True
                )
            )
            summary.pending += len(pending)
            if previous is not None:
                # A pending young person's stored items are expected to be out of date (no tray
                # reads them), so they are not drift.
                summary.drift += _drift([pk for pk in batch if pk not in pending], previous.day)
            rows = work_out(batch, today)
            _replace(batch, rows, started=started)
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
    """After a change commits: mark the young people it changed as pending, so trays ask their
    kinds directly, and queue the task that works their items out again; after one that may
    move anyone's work, trays ask each kind until everyone's are worked out again (by another
    background task, queued here)."""
    if not StoredWorkDay.objects.exists():
        return  # not stored yet: trays ask each kind
    from careleavers.casework.tasks import (
        stored_work_items_refresh_for_task,
        stored_work_items_refresh_task,
    )

    if changes.beyond_records:
        StoredWorkDay.objects.update(set_aside=True)
        stored_work_items_refresh_task.enqueue(timezone.localdate().isoformat())
    ids = sorted(changes.young_person_ids)
    if not ids:
        return
    # One query whoever is named: a young person already pending is marked again, with the
    # database's time, so a refresh that began before this change does not clear the mark.
    StoredWorkPending.objects.bulk_create(
        [StoredWorkPending(young_person_id=pk, marked_at=Now()) for pk in ids],
        update_conflicts=True,
        unique_fields=["young_person"],
        update_fields=["marked_at"],
    )
    stored_work_items_refresh_for_task.enqueue(ids)
