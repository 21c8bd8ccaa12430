"""Handovers planned ahead: the current worker keeps the young person until the day, an
introduction visit is booked with the new worker, and the nightly job makes the change on the
day exactly as a change made that day."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework import handover_services, services
from careleavers.casework.models import Allocation, Appointment, Notification, PlannedHandover
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

# Planned on Friday 4 December 2026 for Monday 4 January 2027.
FRIDAY = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.UTC)
TAKES_OVER = datetime.date(2027, 1, 4)


@pytest.fixture
def manager(make_user: Any, team: Any) -> Any:
    return make_user(Role.TEAM_MANAGER, team=team)


@pytest.fixture
def leaving(make_user: Any, team: Any) -> Any:
    return make_user(Role.PERSONAL_ADVISER, team=team, first_name="Priya")


@pytest.fixture
def successor(make_user: Any, team: Any) -> Any:
    return make_user(Role.PERSONAL_ADVISER, team=team, first_name="Sam")


@pytest.fixture
def young_person(team: Any, manager: Any, leaving: Any) -> Any:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)):
        person = YoungPersonFactory(team=team)
        services.allocation_change(
            acting_user=manager, young_person=person, role="pa", worker=leaving, reason="FIRST"
        )
    return person


def _plan(manager: Any, young_person: Any, successor: Any, **overrides: Any) -> PlannedHandover:
    values: dict[str, Any] = {
        "acting_user": manager,
        "young_person": young_person,
        "role": "pa",
        "worker": successor,
        "reason": "LEFTRL",
        "starts_on": TAKES_OVER,
        "introduction_at": datetime.datetime(2026, 12, 17, 15, 0, tzinfo=datetime.UTC),
        "introduction_place": "at your flat",
    }
    values.update(overrides)
    return handover_services.handover_plan(**values)


@time_machine.travel(FRIDAY, tick=False)
def test_a_planned_handover_keeps_the_current_worker_and_books_an_introduction(
    manager: Any,
    leaving: Any,
    successor: Any,
    young_person: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        handover = _plan(manager, young_person, successor)

    current = Allocation.objects.get(young_person=young_person, role="pa", end__isnull=True)
    assert current.worker == leaving  # nothing changes until the day
    introduction = Appointment.objects.get()
    assert handover.introduction == introduction
    assert (introduction.worker, introduction.kind) == (successor, "meeting")
    assert introduction.note == "To meet Sam, your personal adviser from 4 January 2027."
    told = {n.recipient_id: n.message for n in Notification.objects.filter(kind="allocation")}
    assert "from 4 January 2027" in told[successor.pk]
    assert "takes over" in told[leaving.pk]
    assert AuditEvent.objects.filter(subject_id=str(handover.pk), action="create").exists()


@time_machine.travel(FRIDAY, tick=False)
@pytest.mark.parametrize(
    ("starts_on", "message"),
    [
        (datetime.date(2026, 12, 4), "A planned handover starts after today"),
        (datetime.date(2027, 3, 5), "A handover can be planned up to 90 days ahead"),
    ],
)
def test_a_handover_is_planned_for_a_day_to_come_within_90_days(
    manager: Any, successor: Any, young_person: Any, starts_on: datetime.date, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        _plan(manager, young_person, successor, starts_on=starts_on)
    assert not PlannedHandover.objects.exists()
    assert not Appointment.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_an_introduction_after_the_day_they_take_over_is_refused(
    manager: Any, successor: Any, young_person: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        _plan(
            manager,
            young_person,
            successor,
            introduction_at=datetime.datetime(2027, 1, 5, 10, 0, tzinfo=datetime.UTC),
        )
    assert "introduction_on" in refused.value.message_dict


@time_machine.travel(FRIDAY, tick=False)
def test_only_one_handover_is_planned_at_a_time(
    manager: Any, successor: Any, young_person: Any, make_user: Any, team: Any
) -> None:
    _plan(manager, young_person, successor, introduction_at=None)
    other = make_user(Role.PERSONAL_ADVISER, team=team)

    with pytest.raises(ValidationError, match="already planned to take over on 4 January 2027"):
        _plan(manager, young_person, other, introduction_at=None)


def test_on_the_day_the_nightly_job_makes_the_change_as_the_manager_planned(
    manager: Any, successor: Any, young_person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        handover = _plan(manager, young_person, successor)
    with time_machine.travel(datetime.datetime(2027, 1, 3, 2, 0, tzinfo=datetime.UTC)):
        assert handover_services.handovers_make(timezone.localdate()) == (
            "0 planned handovers made, 0 could not be"
        )

    with (
        time_machine.travel(datetime.datetime(2027, 1, 4, 2, 0, tzinfo=datetime.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        summary = handover_services.handovers_make(timezone.localdate())
        again = handover_services.handovers_make(timezone.localdate())

    assert summary == "1 planned handover made, 0 could not be"
    assert again == "0 planned handovers made, 0 could not be"
    handover.refresh_from_db()
    current = Allocation.objects.get(young_person=young_person, role="pa", end__isnull=True)
    assert handover.allocation == current
    assert (current.worker, current.start, current.reason) == (successor, TAKES_OVER, "LEFTRL")
    assert current.is_change
    assert current.created_by == manager


def test_a_handover_that_cannot_be_made_stays_planned_and_tells_the_manager(
    manager: Any, successor: Any, young_person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        handover = _plan(manager, young_person, successor, introduction_at=None)
    successor.is_active = False  # they left before the day
    successor.save()

    with (
        time_machine.travel(datetime.datetime(2027, 1, 4, 2, 0, tzinfo=datetime.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        summary = handover_services.handovers_make(timezone.localdate())

    assert summary == "0 planned handovers made, 1 could not be"
    handover.refresh_from_db()
    assert handover.is_open
    assert "is not a personal adviser" in handover.failed_reason
    warned = Notification.objects.get(recipient=manager, kind="allocation")
    assert warned.urgent
    assert "could not take over" in warned.message


@time_machine.travel(FRIDAY, tick=False)
def test_cancelling_a_handover_cancels_its_introduction_visit(
    manager: Any, successor: Any, young_person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    handover = _plan(manager, young_person, successor)

    with django_capture_on_commit_callbacks(execute=True):
        handover_services.handover_cancel(
            acting_user=manager, handover=handover, reason="Sam is staying in the team"
        )

    handover.refresh_from_db()
    assert not handover.is_open
    assert Appointment.objects.get().is_cancelled
    with pytest.raises(ValidationError, match="already been made or cancelled"):
        handover_services.handover_cancel(acting_user=manager, handover=handover, reason="x")


@time_machine.travel(FRIDAY, tick=False)
def test_a_whole_caseload_can_be_moved_on_a_day_to_come(
    manager: Any, leaving: Any, successor: Any, team: Any
) -> None:
    people = [YoungPersonFactory(team=team) for _ in range(3)]
    for person in people:
        services.allocation_change(
            acting_user=manager, young_person=person, role="pa", worker=leaving, reason="FIRST"
        )

    move = handover_services.caseload_reallocate(
        acting_user=manager,
        from_worker=leaving,
        to_worker=successor,
        role="pa",
        reason="LEFTRL",
        start=TAKES_OVER,
    )

    assert len(move.moved) == 3
    assert PlannedHandover.objects.filter(to_worker=successor, starts_on=TAKES_OVER).count() == 3
    assert Allocation.objects.filter(worker=leaving, end__isnull=True).count() == 3
