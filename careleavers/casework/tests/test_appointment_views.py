"""An adviser books, changes and cancels a young person's appointment from their record, and a
worker outside the team cannot."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework.models import Appointment
from careleavers.casework.tests.factories import AppointmentFactory
from careleavers.core.tests.pages import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviser(make_user: Any, team: Any) -> Any:
    return make_user(Role.PERSONAL_ADVISER, team=team, first_name="Priya", last_name="Shah")


def _when(days: int, hour: int = 14) -> dict[str, Any]:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return {
        "starts_on-day": day.day,
        "starts_on-month": day.month,
        "starts_on-year": day.year,
        "starts_time-hour": hour,
        "starts_time-minute": "00",
    }


def test_an_adviser_books_a_visit_after_fixing_a_missing_place(
    client_for: Any, adviser: Any, young_person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(user=adviser)
    url = reverse("casework:appointment_book", kwargs={"pk": young_person.pk})
    page = client.get(url)

    typed = form_data(page, kind="visit", place="", **_when(3))
    refused = client.post(url, typed)

    assert refused.status_code == 200
    assert "Enter where the appointment is" in refused.content.decode()
    assert not Appointment.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        booked = client.post(url, {**typed, "place": "at your flat"})

    assert booked.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.worker == adviser  # who they will see starts as the person booking
    local = timezone.localtime(appointment.starts_at)
    assert (local.date(), local.hour) == (timezone.localdate() + datetime.timedelta(days=3), 14)
    listed = client.get(booked["Location"]).content.decode()
    assert "at your flat" in listed
    assert "Priya Shah" in listed


def test_the_contacts_page_shows_the_next_appointment(
    client_for: Any, adviser: Any, young_person: Any
) -> None:
    AppointmentFactory(young_person=young_person, worker=adviser, kind="review")

    page = client_for(user=adviser).get(
        reverse("casework:contact_list", kwargs={"pk": young_person.pk})
    )

    assert "Pathway plan review, " in page.content.decode()


def test_a_time_that_has_passed_is_refused_beside_the_date(
    client_for: Any, adviser: Any, young_person: Any
) -> None:
    client = client_for(user=adviser)
    url = reverse("casework:appointment_book", kwargs={"pk": young_person.pk})
    typed = form_data(client.get(url), kind="visit", place="at the office", **_when(-1))

    refused = client.post(url, typed)

    assert refused.status_code == 200
    assert not Appointment.objects.exists()
    assert "govuk-error-message" in refused.content.decode()


def test_changing_and_cancelling_from_the_list(
    client_for: Any, adviser: Any, young_person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    appointment = AppointmentFactory(young_person=young_person, worker=adviser)
    client = client_for(user=adviser)
    change_url = reverse("casework:appointment_move", kwargs={"pk": appointment.pk})

    with django_capture_on_commit_callbacks(execute=True):
        changed = client.post(
            change_url, form_data(client.get(change_url), place="at the Leaving Care office")
        )

    assert changed.status_code == 302
    appointment.refresh_from_db()
    assert appointment.place == "at the Leaving Care office"

    cancel_url = reverse("casework:appointment_cancel", kwargs={"pk": appointment.pk})
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(cancel_url, {"reason": "Priya is on leave"})

    assert cancelled.status_code == 302
    appointment.refresh_from_db()
    assert appointment.cancelled_reason == "Priya is on leave"
    listed = client.get(cancelled["Location"]).content.decode()
    assert "Cancelled: Priya is on leave" in listed
    again = client.post(cancel_url, {"reason": "again"})
    assert "This appointment was cancelled" in again.content.decode()


def test_a_worker_who_cannot_see_the_record_cannot_book(
    client_for: Any, make_user: Any, young_person: Any
) -> None:
    stranger = make_user(Role.PERSONAL_ADVISER)  # another team

    response = client_for(user=stranger).post(
        reverse("casework:appointment_book", kwargs={"pk": young_person.pk}),
        {"kind": "visit", "place": "x", **_when(2)},
    )

    assert response.status_code in (403, 404)
    assert not Appointment.objects.exists()
