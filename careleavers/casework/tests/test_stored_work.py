"""Stored work items: worked out ahead for the kinds that depend only on the record and the day,
kept in step with every committed change by a background task (the young person is marked
pending until it has run, and the tray asks their kinds meanwhile), and read by the tray only
when they are current."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import TaskResultStatus

from careleavers.accounts.roles import Role
from careleavers.casework import services, tasks
from careleavers.casework.models import (
    ContactMethod,
    StoredWorkDay,
    StoredWorkItem,
    StoredWorkPending,
    WorkerRole,
)
from careleavers.casework.stored_work import (
    stored_kinds,
    stored_work_items_refresh,
    stored_work_items_refresh_everyone,
)
from careleavers.casework.tasks import stored_work_items_refresh_for_task as refresh_task
from careleavers.casework.tests.factories import allocated_to
from careleavers.casework.work_tray import MINE, TEAM, work_tray_for
from careleavers.core.audit import audit_record
from careleavers.core.file_jobs import file_job_request
from careleavers.core.models import AuditEvent
from careleavers.core.record_changes import (
    CommittedChanges,
    record_change_handlers,
    record_changed,
)
from careleavers.core.tests.days import TODAY, days_from_today

pytestmark = pytest.mark.django_db


def asking_each_kind(user: Any, **options: Any) -> list[Any]:
    """The tray as it is built without the stored items (as when they are set aside)."""
    StoredWorkDay.objects.update(set_aside=True)
    try:
        return work_tray_for(user=user, today=TODAY, **options)
    finally:
        StoredWorkDay.objects.update(set_aside=False)


def visited_an_hour_ago(young_person: Any, *, by: Any) -> Any:
    """A home visit recorded through the contact service, as the form records it: the contact."""
    return services.contact_record(
        acting_user=by,
        young_person=young_person,
        worker=by,
        occurred_at=timezone.now() - datetime.timedelta(hours=1),
        method=ContactMethod.HOME_VISIT,
        seen=True,
    )


def mark_pending(*young_people: Any, at: datetime.datetime | None = None) -> None:
    for young_person in young_people:
        StoredWorkPending.objects.update_or_create(
            young_person=young_person, defaults={"marked_at": at or timezone.now()}
        )


class _QueueNobodyTakes:
    """Stands in for the refresh task: its runs are queued and wait, as with a busy worker."""

    def __init__(self) -> None:
        self.queued: list[list[int]] = []

    def enqueue(self, young_person_ids: list[int]) -> None:
        self.queued.append(young_person_ids)


@pytest.fixture
def busy_worker(monkeypatch: pytest.MonkeyPatch) -> _QueueNobodyTakes:
    queue = _QueueNobodyTakes()
    monkeypatch.setattr(tasks, "stored_work_items_refresh_for_task", queue)
    return queue


def test_casework_stores_its_kinds_that_depend_only_on_the_record() -> None:
    """The other apps' stored kinds, and the stored items matching the kinds on a whole
    council, are checked in demo/tests/test_work_tray_on_the_demo.py."""
    assert {kind.kind for kind in stored_kinds()} == {"contact_due", "category_decision"}


def test_until_everyone_is_stored_for_today_the_tray_asks_each_kind(adviser, team):
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    stored_work_items_refresh_everyone(days_from_today(-1))
    # Stored for yesterday: an item stored then says something else, and is not read today.
    StoredWorkItem.objects.filter(young_person=late).update(title="Stored yesterday")
    items = work_tray_for(user=adviser, today=TODAY)
    assert [item.title for item in items] == ["Visit overdue by 3 days"]


def test_the_tray_reads_the_stored_items_once_they_are_current(adviser, team):
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    live = work_tray_for(user=adviser, today=TODAY)
    summary = stored_work_items_refresh_everyone(TODAY)
    assert summary.items == 1
    assert work_tray_for(user=adviser, today=TODAY) == live
    # What the tray shows now comes from the table.
    StoredWorkItem.objects.filter(young_person=late).update(title="From the table")
    assert [item.title for item in work_tray_for(user=adviser, today=TODAY)] == ["From the table"]


def test_reading_the_stored_kinds_costs_one_query_however_many_items(adviser, team):
    def queries() -> int:
        stored_work_items_refresh_everyone(TODAY)
        with CaptureQueriesContext(connection) as context:
            work_tray_for(user=adviser, today=TODAY)
        return len(context)

    allocated_to(adviser, team, next_contact_due=days_from_today(-1))
    one = queries()
    for offset in range(12):
        allocated_to(
            adviser, team, next_contact_due=days_from_today(-offset), category_needs_decision="x"
        )
    assert queries() == one


def test_a_stored_item_is_in_the_tray_of_whoever_is_allocated_now(
    adviser, manager, team, make_user
):
    """Whose work it is is not stored: a reallocation moves it at once."""
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    stored_work_items_refresh_everyone(TODAY)
    colleague = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Ola", last_name="Ade")
    services.allocation_change(
        acting_user=manager,
        young_person=late,
        role=WorkerRole.PERSONAL_ADVISER,
        worker=colleague,
        reason="CASELOAD",
        replacing=late.allocations.get().pk,
    )
    assert work_tray_for(user=adviser, today=TODAY) == []
    assert [item.young_person for item in work_tray_for(user=colleague, today=TODAY)] == [late]
    team_items = work_tray_for(user=manager, today=TODAY, scope=TEAM)
    assert [item.worker_name for item in team_items if item.kind == "contact_due"] == ["Ola Ade"]


def test_a_change_that_commits_works_that_young_persons_items_out_again(
    adviser, team, django_capture_on_commit_callbacks
):
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    other = allocated_to(adviser, team, next_contact_due=days_from_today(-5))
    stored_work_items_refresh_everyone(TODAY)
    assert StoredWorkItem.objects.filter(young_person=late).exists()
    with django_capture_on_commit_callbacks(execute=True):
        visited_an_hour_ago(late, by=adviser)
    # Seen today: no visit is due in the next fortnight, so the item has gone; the other
    # young person's item was not touched. (The tests run tasks at once, so the refresh the
    # change queued has run and cleared the mark it made.)
    assert not StoredWorkItem.objects.filter(young_person=late).exists()
    assert StoredWorkItem.objects.filter(young_person=other).count() == 1
    assert [item.young_person for item in work_tray_for(user=adviser, today=TODAY)] == [other]
    assert not StoredWorkPending.objects.exists()


def test_until_its_refresh_has_run_a_changed_young_persons_kinds_are_asked_instead(
    adviser, team, busy_worker, django_capture_on_commit_callbacks
):
    """The save only marks the young person and queues their refresh; until the worker has run
    it, their stored items are out of date, and the tray asks their kinds directly."""
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    other = allocated_to(adviser, team, next_contact_due=days_from_today(-5))
    stored_work_items_refresh_everyone(TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        visited_an_hour_ago(late, by=adviser)
    assert busy_worker.queued == [[late.pk]]
    assert list(StoredWorkPending.objects.values_list("young_person_id", flat=True)) == [late.pk]
    # The stored item still says the visit is overdue; the tray does not show it.
    assert StoredWorkItem.objects.filter(young_person=late).exists()
    tray = work_tray_for(user=adviser, today=TODAY)
    assert [item.young_person for item in tray] == [other]
    assert tray == asking_each_kind(adviser)

    for young_person_ids in busy_worker.queued:
        result = refresh_task.enqueue(young_person_ids)
        assert result.status == TaskResultStatus.SUCCESSFUL
    assert not StoredWorkPending.objects.exists()
    assert not StoredWorkItem.objects.filter(young_person=late).exists()
    assert work_tray_for(user=adviser, today=TODAY) == tray


def test_a_pending_young_persons_items_are_asked_for_with_their_worker_named(
    manager, adviser, team
):
    """In the team view as in the worker's own, overdue-only or not, a pending young person's
    items are the ones their kinds give, with the worker in scope named as stored items are."""
    changed = allocated_to(adviser, team, next_contact_due=days_from_today(10))
    allocated_to(adviser, team, next_contact_due=days_from_today(-4))
    stored_work_items_refresh_everyone(TODAY)
    # Changed behind the stored items' back, and not yet worked out again.
    changed.next_contact_due = days_from_today(-2)
    changed.category_needs_decision = "Check their date of leaving care"
    changed.save(update_fields=["next_contact_due", "category_needs_decision"])
    mark_pending(changed)
    for user, scope in ((manager, TEAM), (adviser, MINE)):
        for only_overdue in (False, True):
            options = {"scope": scope, "only_overdue": only_overdue}
            tray = work_tray_for(user=user, today=TODAY, **options)
            assert tray == asking_each_kind(user, **options), (scope, only_overdue)
    team_tray = work_tray_for(user=manager, today=TODAY, scope=TEAM)
    assert {(item.kind, item.young_person) for item in team_tray if item.young_person == changed}
    assert {item.worker_name for item in team_tray if item.kind != "no_personal_adviser"} == {
        adviser.get_full_name()
    }


def test_the_tray_costs_the_same_queries_however_many_young_people_are_pending(adviser, team):
    people = [
        allocated_to(
            adviser, team, next_contact_due=days_from_today(-n), category_needs_decision="x"
        )
        for n in range(1, 7)
    ]
    stored_work_items_refresh_everyone(TODAY)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            work_tray_for(user=adviser, today=TODAY)
        return len(context)

    nobody = queries()
    mark_pending(people[0])
    one = queries()
    mark_pending(*people[:-1])
    several = queries()
    assert several == one
    # Asking the kinds costs their own queries, only when someone is pending.
    assert one > nobody


def test_a_change_that_commits_while_the_refresh_runs_keeps_its_mark(adviser, team):
    """A mark made after the refresh began (here, one minute from now) may be for a change the
    refresh did not read: it stays, for that change's own task."""
    earlier = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    later = allocated_to(adviser, team, next_contact_due=days_from_today(-4))
    stored_work_items_refresh_everyone(TODAY)
    mark_pending(earlier, at=timezone.now() - datetime.timedelta(minutes=1))
    mark_pending(later, at=timezone.now() + datetime.timedelta(minutes=1))
    stored_work_items_refresh([earlier.pk, later.pk], today=TODAY)
    assert list(StoredWorkPending.objects.values_list("young_person_id", flat=True)) == [later.pk]


def test_the_daily_job_clears_the_marks_made_before_it_began(adviser, team):
    """So a worker that stopped cannot leave young people pending (and their trays asking the
    kinds) for more than a day."""
    waiting = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    later = allocated_to(adviser, team, next_contact_due=days_from_today(-4))
    mark_pending(waiting, at=timezone.now() - datetime.timedelta(hours=5))
    mark_pending(later, at=timezone.now() + datetime.timedelta(minutes=1))
    summary = stored_work_items_refresh_everyone(TODAY)
    assert summary.pending == 2
    assert list(StoredWorkPending.objects.values_list("young_person_id", flat=True)) == [later.pk]


def test_a_pending_young_persons_out_of_date_items_are_not_counted_as_drift(adviser, team):
    """Their stored items are expected to be behind the record (no tray reads them)."""
    changed = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    stored_work_items_refresh_everyone(TODAY)
    changed.next_contact_due = None
    changed.save(update_fields=["next_contact_due"])
    mark_pending(changed)
    summary = stored_work_items_refresh_everyone(TODAY)
    assert (summary.drift, summary.pending) == (0, 1)
    assert not StoredWorkItem.objects.filter(young_person=changed).exists()


def test_before_anything_is_stored_a_change_marks_and_queues_nothing(
    adviser, team, busy_worker, django_capture_on_commit_callbacks
):
    young_person = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    with django_capture_on_commit_callbacks(execute=True):
        visited_an_hour_ago(young_person, by=adviser)
    assert busy_worker.queued == []
    assert not StoredWorkPending.objects.exists()


def test_a_change_that_rolls_back_tells_nobody(django_capture_on_commit_callbacks):
    heard: list[CommittedChanges] = []

    def refused() -> None:
        with transaction.atomic():
            record_changed(1)
            raise RuntimeError("refused")

    with (
        record_change_handlers.added(heard.append),
        django_capture_on_commit_callbacks(execute=True),
    ):
        with pytest.raises(RuntimeError):
            refused()
        with transaction.atomic():
            record_changed(2)
            record_changed(3)
            record_changed(2)
    assert heard == [CommittedChanges(frozenset({2, 3}))]


def test_only_changes_are_passed_on_not_views_or_prints(
    adviser, django_capture_on_commit_callbacks
):
    heard: list[CommittedChanges] = []

    def audited(action: str, subject_type: str, young_person_id: int) -> None:
        audit_record(
            acting_user=adviser,
            action=action,
            subject_type=subject_type,
            young_person_id=young_person_id,
        )

    with (
        record_change_handlers.added(heard.append),
        django_capture_on_commit_callbacks(execute=True),
    ):
        with transaction.atomic():
            audited(AuditEvent.Action.VIEW, "people.YoungPerson", 7)
            audited(AuditEvent.Action.PRINT, "plans.PathwayPlan", 8)
        with transaction.atomic():
            audited(AuditEvent.Action.CHANGE, "people.YoungPerson", 9)
    assert heard == [CommittedChanges(frozenset({9}))]


def test_a_change_beyond_one_record_sets_the_stored_items_aside_until_all_are_worked_out_again(
    adviser, team, django_capture_on_commit_callbacks
):
    """A council-wide change (here, one naming no young person) may move anyone's work: the
    trays ask every kind until a background task has worked everyone's items out again (the
    tests run tasks at once, so here it has already run when the change returns)."""
    allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    stored_work_items_refresh_everyone(TODAY)
    before = StoredWorkDay.objects.get().finished_at
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        audit_record(
            acting_user=adviser,
            action=AuditEvent.Action.CHANGE,
            subject_type="casework.ContactPolicy",
            subject_id=1,
        )
    day_row = StoredWorkDay.objects.get()
    assert day_row.finished_at > before
    assert not day_row.set_aside


def test_asking_for_a_file_leaves_the_stored_items_in_use(
    adviser, team, django_capture_on_commit_callbacks
):
    """A request for an export names no young person but changes nobody's records: the trays
    go on reading the stored items, and no council-wide refresh is queued (at 100,000 young
    people each one is a minute of the worker, with every tray asking each kind meanwhile)."""

    class NoWorker:
        def enqueue(self, job_id: int) -> None:
            pass

    allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    stored_work_items_refresh_everyone(TODAY)
    before = StoredWorkDay.objects.get().finished_at
    with django_capture_on_commit_callbacks(execute=True):
        file_job_request(
            acting_user=adviser, kind="returns.annex_a", title="Annex A", task=NoWorker()
        )
    day_row = StoredWorkDay.objects.get()
    assert (day_row.finished_at, day_row.set_aside) == (before, False)


def test_the_daily_job_counts_items_that_no_longer_match_their_record(adviser, team):
    """The drift: stored items that differ from the same kinds worked out again for the day they
    were stored for. Every change refreshes its young person, so it should be 0; here a stored
    item is damaged behind the service's back, and the job finds it and puts it right."""
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    allocated_to(adviser, team, next_contact_due=days_from_today(-4))
    stored_work_items_refresh_everyone(days_from_today(-1))
    assert stored_work_items_refresh_everyone(TODAY).drift == 0

    StoredWorkItem.objects.filter(young_person=late).update(title="Damaged")
    summary = stored_work_items_refresh_everyone(days_from_today(1))
    assert summary.drift == 2  # the damaged row, and the one it should have been
    assert summary.items == 2
    assert not StoredWorkItem.objects.filter(title="Damaged").exists()
    assert StoredWorkDay.objects.get().drift == 2


def test_refreshing_one_young_person_leaves_the_others_alone(adviser, team):
    first = allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    second = allocated_to(adviser, team, next_contact_due=days_from_today(-4))
    stored_work_items_refresh_everyone(TODAY)
    StoredWorkItem.objects.filter(young_person=second).update(title="Untouched")
    first.next_contact_due = None
    first.save(update_fields=["next_contact_due"])
    stored_work_items_refresh([first.pk], today=TODAY)
    assert list(StoredWorkItem.objects.values_list("young_person_id", "title")) == [
        (second.pk, "Untouched")
    ]


def test_the_overdue_only_tray_reads_only_overdue_stored_items(manager, adviser, team):
    allocated_to(adviser, team, next_contact_due=days_from_today(-3))
    allocated_to(adviser, team, next_contact_due=days_from_today(4))
    stored_work_items_refresh_everyone(TODAY)
    overdue = work_tray_for(user=manager, today=TODAY, scope=TEAM, only_overdue=True)
    assert [item.title for item in overdue] == ["Visit overdue by 3 days"]
    assert len(work_tray_for(user=manager, today=TODAY, scope=TEAM)) == 2
    assert work_tray_for(user=manager, today=TODAY, scope=MINE) == []


def test_a_handler_that_fails_after_the_commit_does_not_undo_or_hide_the_saved_change(
    adviser, team, django_capture_on_commit_callbacks, caplog
):
    """By then the change is saved: the person who made it is not shown an error page, and the
    failure is logged (the daily job puts the stored items right and reports the drift)."""
    late = allocated_to(adviser, team, next_contact_due=days_from_today(-3))

    def broken(changes: CommittedChanges) -> None:
        raise RuntimeError("stored items unavailable")

    with (
        record_change_handlers.added(broken),
        django_capture_on_commit_callbacks(execute=True),
    ):
        contact = visited_an_hour_ago(late, by=adviser)
    assert type(contact).objects.filter(pk=contact.pk).exists()
    assert "stored items unavailable" in caplog.text


def test_a_bulk_change_is_worked_through_a_batch_at_a_time(adviser, team, monkeypatch):
    people = [allocated_to(adviser, team, next_contact_due=days_from_today(-n)) for n in (1, 2, 3)]
    stored_work_items_refresh_everyone(TODAY)
    StoredWorkItem.objects.all().delete()
    monkeypatch.setattr("careleavers.casework.stored_work.BATCH", 2)
    stored_work_items_refresh([person.pk for person in people], today=TODAY)
    assert sorted(StoredWorkItem.objects.values_list("young_person_id", flat=True)) == sorted(
        person.pk for person in people
    )
