"""Booking, moving and cancelling appointments, and the reminder the day before: each change is
audited and heard by the appointment listeners once it is saved, and never before."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework import appointment_services as services
from careleavers.casework.appointment_services import AppointmentListener, appointment_listeners
from careleavers.casework.models import Appointment
from careleavers.casework.tests.factories import AppointmentFactory
from careleavers.core.checks import required_registries_filled
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard() -> Iterator[list[tuple[int, str]]]:
    """What the listeners are told, in order (the portal's listener is set aside)."""
    told: list[tuple[int, str]] = []
    listener = AppointmentListener(
        name="test", listen=lambda pk, change: told.append((pk, change))
    )
    with appointment_listeners.replaced(listener):
        yield told


@pytest.fixture
def adviser() -> Any:
    return UserFactory(roles=[Role.PERSONAL_ADVISER])


def _book(adviser: Any, **overrides: Any) -> Appointment:
    values: dict[str, Any] = {
        "acting_user": adviser,
        "young_person": YoungPersonFactory(),
        "worker": adviser,
        "kind": "visit",
        "starts_at": timezone.now() + datetime.timedelta(days=2),
        "place": "  at your flat ",
    }
    values.update(overrides)
    return services.appointment_book(**values)


def _move(adviser: Any, appointment: Appointment, **changes: Any) -> Appointment:
    """The adviser's own visit, kept as it is but for `changes`."""
    values: dict[str, Any] = {
        "acting_user": adviser,
        "appointment": appointment,
        "worker": adviser,
        "kind": "visit",
        "starts_at": appointment.starts_at,
        "place": appointment.place,
    }
    values.update(changes)
    return services.appointment_move(**values)


def test_booking_saves_audits_and_tells_the_listeners_after_commit(
    adviser: Any, heard: list[tuple[int, str]], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        appointment = _book(adviser, note="Bring your bank card")
        assert heard == []  # nothing is said about a change that might yet be rolled back
    for callback in callbacks:
        callback()

    assert heard == [(appointment.pk, services.BOOKED)]
    assert appointment.place == "at your flat"
    event = AuditEvent.objects.get(subject_id=str(appointment.pk), action="create")
    assert event.young_person_id == appointment.young_person_id
    assert event.detail["kind"] == "visit"


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (datetime.timedelta(minutes=-1), "The appointment must be in the future"),
        (datetime.timedelta(days=400), "The appointment must be within the next year"),
    ],
)
def test_a_time_in_the_past_or_years_ahead_is_refused_and_nothing_is_saved(
    adviser: Any, heard: list[tuple[int, str]], when: datetime.timedelta, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _book(adviser, starts_at=timezone.now() + when)

    assert refused.value.message_dict == {"starts_on": [message]}
    assert not Appointment.objects.exists()
    assert heard == []


def test_moving_the_time_tells_them_and_reminds_them_again_on_the_new_day(
    adviser: Any, heard: list[tuple[int, str]], django_capture_on_commit_callbacks: Any
) -> None:
    appointment = AppointmentFactory(worker=adviser, reminded_at=timezone.now())
    later = appointment.starts_at + datetime.timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        moved = _move(adviser, appointment, starts_at=later, place="at the office")

    assert (moved.starts_at, moved.place, moved.reminded_at) == (later, "at the office", None)
    assert heard == [(appointment.pk, services.MOVED)]
    event = AuditEvent.objects.get(subject_id=str(appointment.pk), action="change")
    assert event.detail["before"]["place"] == "at your flat"


def test_changing_only_the_note_does_not_send_a_message(
    adviser: Any, heard: list[tuple[int, str]], django_capture_on_commit_callbacks: Any
) -> None:
    appointment = AppointmentFactory(worker=adviser)

    with django_capture_on_commit_callbacks(execute=True):
        _move(adviser, appointment, note="Bring your passport")

    assert heard == []
    appointment.refresh_from_db()
    assert appointment.note == "Bring your passport"


def test_cancelling_keeps_the_appointment_with_why_and_tells_them(
    adviser: Any, heard: list[tuple[int, str]], django_capture_on_commit_callbacks: Any
) -> None:
    appointment = AppointmentFactory(worker=adviser)

    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_cancel(
            acting_user=adviser, appointment=appointment, reason="I am off sick"
        )

    appointment.refresh_from_db()
    assert appointment.is_cancelled
    assert appointment.cancelled_reason == "I am off sick"
    assert heard == [(appointment.pk, services.CANCELLED)]


def test_a_cancelled_appointment_cannot_be_moved_or_cancelled_again(adviser: Any) -> None:
    appointment = AppointmentFactory(worker=adviser, cancelled_at=timezone.now())

    with pytest.raises(ValidationError, match="cancelled"):
        services.appointment_cancel(acting_user=adviser, appointment=appointment, reason="x")
    with pytest.raises(ValidationError, match="cancelled"):
        _move(
            adviser,
            appointment,
            starts_at=appointment.starts_at + datetime.timedelta(hours=1),
            place="at the office",
        )


def test_cancelling_needs_a_reason(adviser: Any) -> None:
    appointment = AppointmentFactory(worker=adviser)

    with pytest.raises(ValidationError) as refused:
        services.appointment_cancel(acting_user=adviser, appointment=appointment, reason="  ")

    assert "reason" in refused.value.message_dict
    appointment.refresh_from_db()
    assert not appointment.is_cancelled


# The reminder, run by the nightly job: on Saturday 5 December 2026 for Sunday's appointments.
SATURDAY_NIGHT = datetime.datetime(2026, 12, 5, 1, 30, tzinfo=datetime.UTC)


@time_machine.travel(SATURDAY_NIGHT, tick=False)
def test_the_nightly_job_reminds_them_of_tomorrows_appointments_once(
    heard: list[tuple[int, str]], django_capture_on_commit_callbacks: Any
) -> None:
    sunday_early = AppointmentFactory(
        starts_at=datetime.datetime(2026, 12, 6, 0, 15, tzinfo=datetime.UTC)
    )
    sunday_late = AppointmentFactory(
        starts_at=datetime.datetime(2026, 12, 6, 23, 45, tzinfo=datetime.UTC)
    )
    AppointmentFactory(
        starts_at=datetime.datetime(2026, 12, 7, 0, 0, tzinfo=datetime.UTC)
    )  # Monday
    AppointmentFactory(
        starts_at=datetime.datetime(2026, 12, 5, 15, 0, tzinfo=datetime.UTC)
    )  # today
    AppointmentFactory(
        starts_at=datetime.datetime(2026, 12, 6, 10, 0, tzinfo=datetime.UTC),
        cancelled_at=timezone.now(),
    )
    today = timezone.localdate()

    with django_capture_on_commit_callbacks(execute=True):
        first = services.appointment_reminders_send(today)
        second = services.appointment_reminders_send(today)

    assert first == "2 appointment reminders queued for 2026-12-06"
    assert second == "0 appointment reminders queued for 2026-12-06"
    assert sorted(heard) == sorted(
        [(sunday_early.pk, services.REMINDER), (sunday_late.pk, services.REMINDER)]
    )


def test_with_no_listener_the_service_refuses_to_start() -> None:
    with appointment_listeners.replaced():
        errors = required_registries_filled(registries=[appointment_listeners])
    assert [error.id for error in errors] == ["core.E201"]
    assert errors[0].msg == "Nothing provides appointment listeners."
