from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework import handover_services, selectors, services
from careleavers.casework.contact_due import ContactDueInputs, contact_due_inputs
from careleavers.casework.models import (
    Allocation,
    CaseNote,
    Contact,
    ContactAmendment,
    ContactPolicy,
    Notification,
)
from careleavers.casework.tests.factories import (
    AlertFactory,
    AllocationFactory,
    NotificationFactory,
)
from careleavers.core.dates import birthday
from careleavers.core.models import AuditEvent
from careleavers.core.tests.at_once import at_once
from careleavers.core.tests.days import TODAY
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def manager(make_user: Any, team: Any) -> Any:
    return make_user(Role.TEAM_MANAGER, team=team)


@pytest.fixture
def young_person(team: Any) -> Any:
    return YoungPersonFactory(team=team)


def allocate(manager: Any, young_person: Any, worker: Any, **kwargs: Any) -> Allocation:
    fields = {"role": "pa", "reason": "FIRST", **kwargs}
    return services.allocation_change(
        acting_user=manager, young_person=young_person, worker=worker, **fields
    )


def record(adviser: Any, young_person: Any, **kwargs: Any) -> Contact:
    fields = {
        "worker": adviser,
        "occurred_at": days_ago(1),
        "method": "home_visit",
        "made_contact": True,
        "seen": True,
        "seen_alone": True,
        **kwargs,
    }
    return services.contact_record(acting_user=adviser, young_person=young_person, **fields)


# Allocation -----------------------------------------------------------------------------------


def test_a_first_allocation_is_not_a_worker_change(manager, adviser, young_person):
    allocation = allocate(manager, young_person, adviser)

    assert allocation.is_change is False
    assert allocation.end is None
    assert selectors.worker_change_count(young_person=young_person, today=TODAY) == 0


def test_a_new_personal_adviser_ends_the_last_and_counts_as_a_change(
    manager, adviser, young_person, make_user
):
    first = allocate(manager, young_person, adviser, start=TODAY - datetime.timedelta(days=30))
    second_adviser = make_user(Role.PERSONAL_ADVISER)

    second = allocate(manager, young_person, second_adviser, reason="YPREQ")

    first.refresh_from_db()
    assert first.end == TODAY
    assert second.is_change is True
    assert second.reason == "YPREQ"
    assert selectors.worker_change_count(young_person=young_person, today=TODAY) == 1
    assert selectors.current_allocations(young_person=young_person)["pa"].worker == second_adviser


def test_changes_more_than_12_months_ago_are_not_counted(manager, young_person, make_user):
    AllocationFactory(
        young_person=young_person,
        start=TODAY - datetime.timedelta(days=800),
        end=TODAY - datetime.timedelta(days=400),
    )
    AllocationFactory(
        young_person=young_person,
        start=TODAY - datetime.timedelta(days=400),
        is_change=True,
        end=TODAY - datetime.timedelta(days=100),
    )
    AllocationFactory(
        young_person=young_person, start=TODAY - datetime.timedelta(days=100), is_change=True
    )

    assert selectors.worker_change_count(young_person=young_person, today=TODAY) == 1


def test_a_social_worker_role_is_independent_of_the_personal_adviser(
    manager, adviser, young_person, make_user
):
    allocate(manager, young_person, adviser)
    social_worker = make_user(Role.SOCIAL_WORKER)

    allocation = allocate(manager, young_person, social_worker, role="sw")

    assert allocation.is_change is False
    assert set(selectors.current_allocations(young_person=young_person)) == {"pa", "sw"}


def test_allocating_someone_who_is_not_a_personal_adviser_is_refused(
    manager, young_person, make_user
):
    social_worker = make_user(Role.SOCIAL_WORKER)

    with pytest.raises(ValidationError) as error:
        allocate(manager, young_person, social_worker)

    assert "is not a personal adviser" in str(error.value.message_dict["worker"])
    assert not Allocation.objects.exists()


def test_allocating_the_current_worker_again_is_refused(manager, adviser, young_person):
    allocate(manager, young_person, adviser)

    with pytest.raises(ValidationError) as error:
        allocate(manager, young_person, adviser, reason="CASELOAD")

    assert "already their personal adviser" in str(error.value.message_dict["worker"])


def test_a_change_cannot_be_called_a_first_allocation(manager, adviser, young_person, make_user):
    allocate(manager, young_person, adviser)

    with pytest.raises(ValidationError) as error:
        allocate(manager, young_person, make_user(Role.PERSONAL_ADVISER), reason="FIRST")

    assert "reason" in error.value.message_dict


def test_allocation_is_audited_and_the_new_worker_notified_after_commit(
    manager, adviser, young_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        allocation = allocate(manager, young_person, adviser)

    # One to notify the worker; the other tells the stored work items (core/record_changes.py).
    assert len(callbacks) == 2
    event = AuditEvent.objects.get(action="create", subject_type="casework.Allocation")
    assert event.subject_id == str(allocation.pk)
    assert event.young_person_id == young_person.pk
    notification = Notification.objects.get(recipient=adviser)
    assert notification.kind == "allocation"
    assert young_person.display_name in notification.message


def test_no_notification_exists_before_the_transaction_commits(manager, adviser, young_person):
    allocate(manager, young_person, adviser)

    # pytest-django wraps the test in a transaction that never commits.
    assert not Notification.objects.exists()


def test_allocating_to_a_restricted_record_names_the_worker_on_it(manager, adviser, team):
    young_person = YoungPersonFactory(team=team, is_restricted=True, restricted_to=[manager])

    allocate(manager, young_person, adviser)

    assert young_person.restricted_to.filter(pk=adviser.pk).exists()
    assert AuditEvent.objects.filter(action="access_change", young_person_id=young_person.pk)


# Contacts and the contact due date ------------------------------------------------------------


def test_recording_a_visit_moves_the_next_contact_due(adviser, young_person):
    services.contact_due_refresh(young_person=young_person, today=TODAY)
    assert young_person.next_contact_due == TODAY  # no visit yet: due now

    record(adviser, young_person, occurred_at=days_ago(1))

    young_person.refresh_from_db()
    visited = TODAY - datetime.timedelta(days=1)
    assert young_person.last_visit_on == visited
    assert young_person.last_contact_on == visited
    # Eight weeks (the council standard) comes before two calendar months.
    assert young_person.next_contact_due == visited + datetime.timedelta(weeks=8)
    assert "8 weeks" in young_person.next_contact_rule


def test_a_phone_call_is_contact_but_not_a_visit(adviser, young_person):
    record(adviser, young_person, method="phone", seen=False, seen_alone=False)

    young_person.refresh_from_db()
    assert young_person.last_contact_on == TODAY - datetime.timedelta(days=1)
    assert young_person.last_visit_on is None


def test_a_failed_attempt_is_neither_contact_nor_visit(adviser, young_person):
    record(adviser, young_person, made_contact=False, failed_reason="Not at home", seen=False)

    young_person.refresh_from_db()
    assert young_person.last_contact_on is None
    assert young_person.last_visit_on is None


def test_a_failed_attempt_needs_a_reason(adviser, young_person):
    with pytest.raises(ValidationError) as error:
        record(adviser, young_person, made_contact=False, failed_reason=" ", seen=False)

    assert "failed_reason" in error.value.message_dict
    assert not Contact.objects.exists()


def test_someone_cannot_be_seen_on_a_phone_call(adviser, young_person):
    with pytest.raises(ValidationError) as error:
        record(adviser, young_person, method="phone", seen=True)

    assert "seen" in error.value.message_dict


def test_a_contact_cannot_be_in_the_future(adviser, young_person):
    with pytest.raises(ValidationError) as error:
        record(adviser, young_person, occurred_at=timezone.now() + datetime.timedelta(hours=2))

    assert "occurred_on" in error.value.message_dict


def test_recording_a_contact_is_audited(adviser, young_person):
    contact = record(adviser, young_person)

    assert AuditEvent.objects.filter(
        action="create", subject_type="casework.Contact", subject_id=str(contact.pk)
    ).exists()


def test_the_daily_job_is_idempotent(adviser, young_person):
    record(adviser, young_person)
    YoungPersonFactory()

    services.contact_due_refresh_all(today=TODAY)

    assert services.contact_due_refresh_all(today=TODAY) == 0


def test_the_contact_standard_starts_at_16_and_ends_at_25(team):
    sixteenth = TODAY + datetime.timedelta(days=10)
    nearly_16 = YoungPersonFactory(
        team=team, date_of_birth=sixteenth.replace(year=sixteenth.year - 16)
    )
    twenty_fifth = TODAY + datetime.timedelta(days=10)
    nearly_25 = YoungPersonFactory(
        team=team, date_of_birth=twenty_fifth.replace(year=twenty_fifth.year - 25)
    )

    services.contact_due_refresh_all(today=TODAY)
    nearly_16.refresh_from_db()
    nearly_25.refresh_from_db()
    assert nearly_16.next_contact_due is None
    assert nearly_25.next_contact_due is not None

    # The daily job after their birthdays moves them in and out of the standard.
    later = TODAY + datetime.timedelta(days=11)
    services.contact_due_refresh_all(today=later)
    nearly_16.refresh_from_db()
    nearly_25.refresh_from_db()
    assert nearly_16.next_contact_due == birthday(nearly_16.date_of_birth, 16)
    assert nearly_25.next_contact_due is None
    assert nearly_25.next_contact_rule == services.NO_STANDARD_FROM_25


def test_the_councils_policy_sets_the_interval(adviser, young_person):
    policy = ContactPolicy.current()
    policy.weeks_to_21 = 4
    policy.save()

    record(adviser, young_person, occurred_at=days_ago(1))

    young_person.refresh_from_db()
    assert young_person.next_contact_due == TODAY - datetime.timedelta(
        days=1
    ) + datetime.timedelta(weeks=4)


def test_other_apps_supply_contact_due_inputs(adviser, young_person):
    record(adviser, young_person, occurred_at=days_ago(10))
    moved_in = TODAY - datetime.timedelta(days=2)

    def accommodation(*, young_person_ids: Any, today: datetime.date) -> dict[int, Any]:
        return {pk: {"council_accommodation_starts": [moved_in]} for pk in young_person_ids}

    with contact_due_inputs.added(ContactDueInputs("test.accommodation", accommodation)):
        services.contact_due_refresh(young_person=young_person, today=TODAY)

    young_person.refresh_from_db()
    assert young_person.next_contact_due == moved_in + datetime.timedelta(days=7)
    assert "within 7 days" in young_person.next_contact_rule


# Correction window, amendments and stale saves ------------------------------------------------


def test_the_author_corrects_within_the_window_without_an_amendment(adviser, young_person):
    contact = record(adviser, young_person, notes="Talked about college")

    corrected = services.contact_correct(
        acting_user=adviser,
        contact=contact,
        expected_version=1,
        changes={"notes": "Talked about college and her bus pass"},
    )

    assert corrected.notes == "Talked about college and her bus pass"
    assert corrected.version == 2
    assert not ContactAmendment.objects.exists()


def test_after_the_window_a_correction_is_refused(adviser, young_person):
    contact = record(adviser, young_person)
    window = ContactPolicy.current().correction_window_minutes

    with pytest.raises(services.CorrectionNotAllowed):
        services.contact_correct(
            acting_user=adviser,
            contact=contact,
            expected_version=1,
            changes={"notes": "Too late"},
            now=timezone.now() + datetime.timedelta(minutes=window + 1),
        )


def test_only_the_author_may_correct(adviser, young_person, make_user):
    contact = record(adviser, young_person)

    with pytest.raises(services.CorrectionNotAllowed):
        services.contact_correct(
            acting_user=make_user(Role.TEAM_MANAGER),
            contact=contact,
            expected_version=1,
            changes={"notes": "Mine now"},
        )


def test_an_amendment_keeps_the_original_readable(adviser, young_person):
    contact = record(adviser, young_person, notes="Original notes", purpose="Visit")

    amendment = services.contact_amend(
        acting_user=adviser,
        contact=contact,
        expected_version=1,
        changes={"notes": "Amended notes"},
        reason="I typed the wrong young person's notes",
    )

    contact.refresh_from_db()
    assert contact.notes == "Amended notes"
    assert contact.version == 2
    assert amendment.changes == {"notes": ["Original notes", "Amended notes"]}
    original = selectors.contact_original_values(
        contact=contact, amendments=contact.amendments.all()
    )
    assert original["notes"] == "Original notes"
    assert original["purpose"] == "Visit"


def test_an_amendment_needs_a_reason_and_a_change(adviser, young_person):
    contact = record(adviser, young_person, notes="Notes")

    with pytest.raises(ValidationError) as no_reason:
        services.contact_amend(
            acting_user=adviser,
            contact=contact,
            expected_version=1,
            changes={"notes": "New"},
            reason="",
        )
    with pytest.raises(ValidationError) as no_change:
        services.contact_amend(
            acting_user=adviser,
            contact=contact,
            expected_version=1,
            changes={"notes": "Notes"},
            reason="Checking",
        )

    assert "reason" in no_reason.value.message_dict
    assert "__all__" in no_change.value.message_dict


def test_a_stale_save_is_refused_and_says_what_changed(adviser, young_person, make_user):
    contact = record(adviser, young_person, notes="First")
    services.contact_amend(
        acting_user=make_user(Role.TEAM_MANAGER),
        contact=contact,
        expected_version=1,
        changes={"purpose": "Pathway plan review"},
        reason="Purpose was missing",
    )

    with pytest.raises(services.StaleEdit) as error:
        services.contact_correct(
            acting_user=adviser, contact=contact, expected_version=1, changes={"notes": "Second"}
        )

    assert "What the contact was for" in str(error.value)
    contact.refresh_from_db()
    assert contact.notes == "First"


def test_amending_the_date_moves_the_next_contact_due(adviser, young_person, make_user):
    contact = record(adviser, young_person, occurred_at=days_ago(1))

    services.contact_amend(
        acting_user=adviser,
        contact=contact,
        expected_version=1,
        changes={"occurred_at": days_ago(10)},
        reason="Wrong date",
    )

    young_person.refresh_from_db()
    assert young_person.last_visit_on == TODAY - datetime.timedelta(days=10)


# Duty, notifications, case notes and alerts ---------------------------------------------------


def test_a_duty_entry_notifies_the_allocated_workers(
    make_user, young_person, adviser, django_capture_on_commit_callbacks
):
    AllocationFactory(young_person=young_person, worker=adviser)
    duty = make_user(Role.DUTY_WORKER)

    with django_capture_on_commit_callbacks(execute=True):
        entry = services.duty_entry_record(
            acting_user=duty,
            occurred_at=days_ago(0),
            caller="Their landlord",
            method="phone",
            need="The boiler has broken",
            action_taken="Called the repairs line",
            young_person=young_person,
            urgent=True,
        )

    notification = Notification.objects.get(recipient=adviser)
    assert notification.urgent is True
    assert notification.kind == "duty"
    assert "Their landlord" in notification.message
    assert notification.link.endswith(f"/duty/{entry.pk}/")


def test_a_duty_entry_passed_to_someone_notifies_them_once(
    make_user, young_person, adviser, django_capture_on_commit_callbacks
):
    AllocationFactory(young_person=young_person, worker=adviser)
    duty = make_user(Role.DUTY_WORKER)

    with django_capture_on_commit_callbacks(execute=True):
        services.duty_entry_record(
            acting_user=duty,
            occurred_at=days_ago(0),
            caller="College",
            method="phone",
            need="Attendance",
            action_taken="Passed on",
            young_person=young_person,
            passed_to=adviser,
        )

    assert Notification.objects.filter(recipient=adviser).count() == 1
    assert not Notification.objects.filter(recipient=duty).exists()


def test_a_duty_entry_needs_what_was_needed_and_done(make_user):
    with pytest.raises(ValidationError) as error:
        services.duty_entry_record(
            acting_user=make_user(Role.DUTY_WORKER),
            occurred_at=days_ago(0),
            caller="",
            method="phone",
            need=" ",
            action_taken="",
        )

    assert set(error.value.message_dict) == {"caller", "need", "action_taken"}


def test_marking_a_notification_read(adviser):
    notification = NotificationFactory(recipient=adviser)

    services.notification_mark_read(acting_user=adviser, notification=notification)

    assert notification.read_at is not None


def test_only_the_recipient_can_mark_a_notification_read(adviser, make_user):
    notification = NotificationFactory(recipient=adviser)

    with pytest.raises(ValidationError):
        services.notification_mark_read(
            acting_user=make_user(Role.PERSONAL_ADVISER), notification=notification
        )


def test_third_party_information_must_be_described(adviser, young_person):
    with pytest.raises(ValidationError) as error:
        services.case_note_add(
            acting_user=adviser,
            young_person=young_person,
            title="Call with mum",
            body="Mum says...",
            contains_third_party_information=True,
        )

    assert "third_party_description" in error.value.message_dict


def test_a_case_note_written_to_the_young_person(adviser, young_person):
    note = services.case_note_add(
        acting_user=adviser,
        young_person=young_person,
        title="Our meeting",
        body="You told me you want to go to college.",
        written_to_young_person=True,
        contains_third_party_information=True,
        third_party_description="Her brother's address",
    )

    assert note.written_to_young_person is True
    assert note.third_party_description == "Her brother's address"


def test_an_alert_is_raised_and_ended(adviser, young_person):
    alert = services.alert_raise(
        acting_user=adviser,
        young_person=young_person,
        kind="risk_to_staff",
        description="Visit in pairs.",
    )
    assert list(selectors.alerts_for(young_person=young_person, current_only=True)) == [alert]

    services.alert_end(acting_user=adviser, alert=alert)

    assert not selectors.alerts_for(young_person=young_person, current_only=True).exists()


def test_an_alert_cannot_end_twice(adviser, young_person):
    alert = AlertFactory(young_person=young_person, ended_on=TODAY)

    with pytest.raises(ValidationError):
        services.alert_end(acting_user=adviser, alert=alert)


# At the same moment, on PostgreSQL ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
def test_two_managers_reallocating_at_once_make_exactly_one_change() -> None:
    team = TeamFactory()
    first_adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    young_person = YoungPersonFactory(team=team)
    current = allocate(UserFactory(roles=[Role.TEAM_MANAGER]), young_person, first_adviser)
    managers = [UserFactory(roles=[Role.TEAM_MANAGER], team=team) for _ in range(2)]
    advisers = [UserFactory(roles=[Role.PERSONAL_ADVISER], team=team) for _ in range(2)]

    outcomes = at_once(
        *[
            lambda manager=manager, adviser=adviser: allocate(
                manager, young_person, adviser, reason="CASELOAD", replacing=current.pk
            )
            for manager, adviser in zip(managers, advisers, strict=True)
        ]
    )

    assert sorted(outcomes) == ["done", "stale"]
    assert Allocation.objects.filter(young_person=young_person, end__isnull=True).count() == 1
    assert selectors.worker_change_count(young_person=young_person, today=TODAY) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
def test_one_case_note_form_sent_twice_at_once_saves_one_note() -> None:
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER])
    young_person = YoungPersonFactory(team=adviser.team)
    key = uuid.uuid4()

    def send() -> None:
        services.case_note_add(
            acting_user=adviser,
            young_person=young_person,
            title="Phone call",
            body="Talked about college.",
            submission_key=key,
        )

    assert at_once(send, send) == ["done", "done"]
    assert CaseNote.objects.filter(young_person=young_person).count() == 1
    assert (
        AuditEvent.objects.filter(action="create", subject_type="casework.CaseNote").count() == 1
    )


def test_no_visits_are_due_after_a_former_relevant_young_person_declines_an_adviser(team):
    # CA 1989 s.23CZB(3)(b): the duty to provide a personal adviser ends when they say so.
    today = timezone.localdate()
    young_person = YoungPersonFactory(
        team=team,
        date_of_birth=birthday(today, -22),
        personal_adviser_declined_on=today - datetime.timedelta(days=5),
    )

    services.contact_due_refresh(young_person=young_person, today=today)

    assert young_person.next_contact_due is None
    assert "no longer want a personal adviser" in young_person.next_contact_rule


# A planned handover ---------------------------------------------------------------------------


def test_a_leaving_workers_caseload_moves_in_one_go_one_event_each(
    manager: Any, adviser: Any, make_user: Any, team: Any
) -> None:
    successor = make_user(Role.PERSONAL_ADVISER, team=team)
    people = [YoungPersonFactory(team=team) for _ in range(3)]
    for person in people:
        allocate(manager, person, adviser)
    before = AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).count()

    move = handover_services.caseload_reallocate(
        acting_user=manager,
        from_worker=adviser,
        to_worker=successor,
        role="pa",
        reason="LEFTRL",
        reason_note="Priya is leaving the council.",
    )

    assert len(move.moved) == 3
    assert move.left == 0
    for person in people:
        current = Allocation.objects.get(young_person=person, role="pa", end__isnull=True)
        assert (current.worker, current.reason, current.is_change) == (successor, "LEFTRL", True)
    assert not Allocation.objects.filter(worker=adviser, end__isnull=True).exists()
    created = AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).count() - before
    assert created == 3


def test_a_handover_that_cannot_move_one_young_person_moves_nobody(
    manager: Any, adviser: Any, make_user: Any, team: Any
) -> None:
    successor = make_user(Role.PERSONAL_ADVISER, team=team)
    first, second = (
        YoungPersonFactory(team=team, last_name="Adams"),
        YoungPersonFactory(team=team, last_name="Brown"),
    )
    allocate(manager, first, adviser)
    allocate(manager, second, adviser)
    # Adams has had the adviser for a while; Brown's allocation started after the handover
    # date asked for, so Brown cannot be moved on that date.
    Allocation.objects.filter(young_person=first).update(start=TODAY - datetime.timedelta(10))
    Allocation.objects.filter(young_person=second).update(start=TODAY)

    with pytest.raises(ValidationError) as refused:
        handover_services.caseload_reallocate(
            acting_user=manager,
            from_worker=adviser,
            to_worker=successor,
            role="pa",
            reason="LEFTRL",
            start=TODAY - datetime.timedelta(days=1),
        )

    assert f"Nobody was moved: {second.display_name} could not be." in refused.value.messages[0]
    assert Allocation.objects.filter(worker=adviser, end__isnull=True).count() == 2
    assert not Allocation.objects.filter(worker=successor).exists()
