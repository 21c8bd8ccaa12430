"""Booking, moving and cancelling a young person's appointments, and the reminder the day before.

Young people told inspectors they did not know when they would next see their worker. Each
change here tells them: `appointment_listeners` hears it once the change is saved (the portal
sends a text, or an email when there is no mobile number), and the nightly job reminds them
the day before. Each change is audited in the same transaction as the change.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.casework.models import Appointment, AppointmentKind
from careleavers.core.audit import create_audited, save_audited
from careleavers.core.registry import Registry
from careleavers.people.models import YoungPerson

BOOKED = "booked"
MOVED = "moved"
CANCELLED = "cancelled"
REMINDER = "reminder"

# An appointment further ahead than this is more likely a mistyped year than a plan.
FURTHEST_AHEAD = datetime.timedelta(days=366)


@dataclass(frozen=True)
class AppointmentListener:
    """Told, after the change is committed, of each appointment booked, moved or cancelled and
    of each reminder due: `listen(appointment_id, change)`."""

    name: str
    listen: Callable[[int, str], None]


appointment_listeners: Registry[AppointmentListener] = Registry(
    "appointment listeners",
    key=lambda listener: listener.name,
    required=True,
    hint="the portal tells the young person (portal/registrations.py)",
)


def _tell_on_commit(appointment: Appointment, change: str) -> None:
    pk = appointment.pk

    def tell() -> None:
        for listener in appointment_listeners.items():
            listener.listen(pk, change)

    transaction.on_commit(tell)


def _check_time(starts_at: datetime.datetime) -> None:
    now = timezone.now()
    if starts_at <= now:
        raise ValidationError({"starts_on": "The appointment must be in the future"})
    if starts_at > now + FURTHEST_AHEAD:
        raise ValidationError({"starts_on": "The appointment must be within the next year"})


def _check_open(appointment: Appointment) -> None:
    if appointment.is_cancelled:
        raise ValidationError("This appointment was cancelled. Book a new one instead.")
    if appointment.starts_at <= timezone.now():
        raise ValidationError("This appointment has already started. Record the contact instead.")


def appointment_book(
    *,
    acting_user: User,
    young_person: YoungPerson,
    worker: User,
    kind: str,
    starts_at: datetime.datetime,
    place: str,
    note: str = "",
) -> Appointment:
    """Book an appointment and tell the young person."""
    _check_time(starts_at)
    if kind not in AppointmentKind.values:
        raise ValidationError({"kind": "Select what the appointment is for"})
    with transaction.atomic():
        appointment = create_audited(
            Appointment,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"kind": kind, "starts_at": starts_at.isoformat(), "worker": worker.pk},
            young_person=young_person,
            worker=worker,
            kind=kind,
            starts_at=starts_at,
            place=place.strip(),
            note=note.strip(),
        )
        _tell_on_commit(appointment, BOOKED)
    return appointment


def appointment_move(
    *,
    acting_user: User,
    appointment: Appointment,
    worker: User,
    kind: str,
    starts_at: datetime.datetime,
    place: str,
    note: str = "",
) -> Appointment:
    """Change when, where or with whom. The young person is told when the time or the place
    changes (not for a corrected note alone), and reminded again if the day moved."""
    _check_time(starts_at)
    with transaction.atomic():
        locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
        _check_open(locked)
        before = {"starts_at": locked.starts_at.isoformat(), "place": locked.place}
        moved = locked.starts_at != starts_at or locked.place != place.strip()
        if timezone.localtime(locked.starts_at).date() != timezone.localtime(starts_at).date():
            locked.reminded_at = None
        locked.worker = worker
        locked.kind = kind
        locked.starts_at = starts_at
        locked.place = place.strip()
        locked.note = note.strip()
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"before": before, "starts_at": starts_at.isoformat(), "told": moved},
        )
        if moved:
            _tell_on_commit(locked, MOVED)
    return locked


def appointment_cancel(*, acting_user: User, appointment: Appointment, reason: str) -> Appointment:
    """Cancel, with why (kept on the record), and tell the young person."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the appointment is cancelled"})
    with transaction.atomic():
        locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
        _check_open(locked)
        locked.cancelled_at = timezone.now()
        locked.cancelled_reason = reason.strip()
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"event": "cancelled", "reason": locked.cancelled_reason},
            changed=["cancelled_at", "cancelled_reason"],
        )
        _tell_on_commit(locked, CANCELLED)
    return locked


def appointment_reminders_send(today: datetime.date) -> str:
    """The nightly job: remind each young person of tomorrow's appointments, once each.

    Safe to run twice (an appointment is marked when reminded) and after a missed night (it
    looks at tomorrow only: a reminder after the day would be no use)."""
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    due = Appointment.objects.filter(
        starts_at__gte=start,
        starts_at__lt=start + datetime.timedelta(days=1),
        cancelled_at__isnull=True,
        reminded_at__isnull=True,
    )
    sent = 0
    for appointment in due:
        with transaction.atomic():
            updated = Appointment.objects.filter(
                pk=appointment.pk, reminded_at__isnull=True
            ).update(reminded_at=timezone.now())
            if updated:
                _tell_on_commit(appointment, REMINDER)
                sent += 1
    return f"{sent} appointment reminder{'' if sent == 1 else 's'} queued for {tomorrow}"
