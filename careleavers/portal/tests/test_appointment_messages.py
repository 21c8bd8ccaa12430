"""A young person hears about their appointments: a text (or an email when there is no mobile
number on their record) when one is booked, moved or cancelled, and the day before; and they
see what is booked on "My appointments" and their home page."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careleavers.casework import appointment_services
from careleavers.casework.tests.factories import AppointmentFactory
from careleavers.portal import notify
from careleavers.portal.models import OutboxMessage

pytestmark = pytest.mark.django_db

# Booked on Friday 4 December 2026 for Tuesday 8 December at 2pm (UK time is UTC in winter).
FRIDAY = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.UTC)
TUESDAY_2PM = datetime.datetime(2026, 12, 8, 14, 0, tzinfo=datetime.UTC)


def _with_phone(people: Any, phone: str) -> None:
    people.young_person.phone = phone
    people.young_person.save()


def _book(people: Any, capture: Any) -> Any:
    with capture(execute=True):
        return appointment_services.appointment_book(
            acting_user=people.adviser,
            young_person=people.young_person,
            worker=people.adviser,
            kind="visit",
            starts_at=TUESDAY_2PM,
            place="at your flat",
            note="Bring your bank card",
        )


@time_machine.travel(FRIDAY, tick=False)
def test_a_booked_visit_is_texted_with_when_where_and_who(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _with_phone(people, "07700 900 982")

    _book(people, django_capture_on_commit_callbacks)

    [message] = OutboxMessage.objects.all()
    assert (message.kind, message.to) == ("sms", "07700 900 982")
    assert message.template_id == notify.template_id("appointment_sms")
    assert message.personalisation["news"] == (
        f"{people.adviser.get_full_name()} has booked a visit with you: "
        "Tuesday 8 December 2026 at 2pm, at your flat."
    )
    assert message.personalisation["link"].endswith(reverse("portal:appointments"))
    assert message.personalisation["link"].startswith("http")


@time_machine.travel(FRIDAY, tick=False)
def test_with_no_mobile_the_news_comes_by_email(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _with_phone(people, "")

    appointment = _book(people, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        appointment_services.appointment_cancel(
            acting_user=people.adviser, appointment=appointment, reason="Off sick"
        )

    booked, cancelled = OutboxMessage.objects.order_by("pk")
    assert (booked.kind, booked.to) == ("email", people.user.email)
    assert cancelled.template_id == notify.template_id("appointment_email")
    assert "is cancelled" in cancelled.personalisation["news"]
    # Why it was cancelled stays on the record: a message can be read by anyone near it.
    assert "sick" not in cancelled.body


@time_machine.travel(datetime.datetime(2026, 12, 7, 1, 30, tzinfo=datetime.UTC), tick=False)
def test_the_reminder_the_night_before(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _with_phone(people, "07700 900 982")
    AppointmentFactory(
        young_person=people.young_person, worker=people.adviser, starts_at=TUESDAY_2PM
    )

    with django_capture_on_commit_callbacks(execute=True):
        appointment_services.appointment_reminders_send(timezone.localdate())

    [message] = OutboxMessage.objects.all()
    assert message.personalisation["news"].startswith("A reminder: your visit with")
    assert "tomorrow, Tuesday 8 December 2026 at 2pm" in message.personalisation["news"]


@time_machine.travel(FRIDAY, tick=True)
def test_my_appointments_and_home_show_what_is_booked(
    people: Any, yp_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _book(people, django_capture_on_commit_callbacks)

    page = yp_client.get(reverse("portal:appointments")).content.decode()
    home = yp_client.get(reverse("portal:home")).content.decode()

    assert "Tuesday 8 December 2026 at 2pm" in page
    assert "Bring your bank card" in page
    assert escape(people.adviser.get_full_name()) in page
    assert "Your next appointment: visit with" in home


def test_someone_elses_appointment_never_shows(people: Any, yp_client: Any) -> None:
    AppointmentFactory(place="Somewhere secret")  # another young person's

    page = yp_client.get(reverse("portal:appointments")).content.decode()

    assert "Somewhere secret" not in page
    assert "Nothing is booked yet." in page
