"""A young person's appointments, for staff: the list, and booking, moving and cancelling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from careleavers.casework import appointment_services as services
from careleavers.casework import selectors
from careleavers.casework.appointment_forms import AppointmentCancelForm, AppointmentForm
from careleavers.casework.models import Appointment
from careleavers.casework.services import young_person_url
from careleavers.core.forms.submit import service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import can
from careleavers.core.templatetags.govuk import govuk_day_datetime
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page, subject

# How many past and cancelled appointments the list shows: the contacts page holds the rest.
PAST_SHOWN = 10


def _load_appointment(pk: int) -> Appointment:
    return get_object_or_404(Appointment.objects.select_related("young_person", "worker"), pk=pk)


APPOINTMENT = subject("pk", _load_appointment)


def _list_url(young_person: YoungPerson) -> str:
    return reverse("casework:appointment_list", kwargs={"pk": young_person.pk})


def _form_page(
    request: SignedInRequest, young_person: YoungPerson, form: object, **context: object
) -> HttpResponse:
    return render(
        request,
        "casework/simple_form.html",
        {
            "young_person": young_person,
            "record_url": young_person_url(young_person),
            "form": form,
            "back_url": _list_url(young_person),
            **context,
        },
    )


def _saved_then_list(
    request: SignedInRequest,
    young_person: YoungPerson,
    form: AppointmentForm | AppointmentCancelForm,
    service: Callable[..., Appointment],
    /,
    *,
    message: str,
    **kwargs: Any,
) -> HttpResponse | None:
    """What booking, moving and cancelling share: on a valid POST, `service` with the acting user,
    `kwargs` and the form's values; when it saved, the success message and a redirect back to the
    list. None when the form is to be shown (first, or again with what was wrong or refused)."""
    if request.method != "POST" or not form.is_valid():
        return None
    if service_result(form, service, acting_user=request.user, **kwargs, **form.values()) is None:
        return None
    messages.success(request, message)
    return redirect(_list_url(young_person))


def _appointment_form_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    service: Callable[..., Appointment],
    /,
    *,
    initial: dict[str, Any],
    message: str,
    title: str,
    button: str,
    **kwargs: Any,
) -> HttpResponse:
    """What booking and moving share: the appointment form (who, when, where), starting from
    `initial`, saved by `service` with `kwargs`, then back to the list."""
    form = AppointmentForm(
        request.POST or None, initial=initial, user=request.user, young_person=young_person
    )
    saved = _saved_then_list(request, young_person, form, service, message=message, **kwargs)
    return saved or _form_page(request, young_person, form, title=title, button=button)


@record_page("appointments", permission="casework.view_appointments", tab="contacts")
def appointment_list(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    upcoming = selectors.upcoming_appointments_for(young_person=young_person)
    past = (
        Appointment.objects.filter(young_person=young_person)
        .exclude(pk__in=upcoming.values("pk"))
        .select_related("worker")
        .order_by("-starts_at")
    )
    return render(
        request,
        "casework/appointment_list.html",
        {
            "young_person": young_person,
            "record_url": young_person_url(young_person),
            "upcoming": list(upcoming),
            "past": list(past[:PAST_SHOWN]),
            "can_book": can(request.user, "casework.book_appointment", young_person),
        },
    )


@record_page(
    "book appointment", permission="casework.book_appointment", methods=FORM, tab="contacts"
)
def appointment_book(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _appointment_form_page(
        request,
        young_person,
        services.appointment_book,
        initial={"worker": request.user.pk},
        message=f"Booked. {young_person.display_name} has been told.",
        title="Book an appointment",
        button="Book appointment",
        young_person=young_person,
    )


@record_page(
    "move appointment",
    permission="casework.change_appointment",
    methods=FORM,
    subject=APPOINTMENT,
    tab="contacts",
)
def appointment_move(request: SignedInRequest, appointment: Appointment) -> HttpResponse:
    return _appointment_form_page(
        request,
        appointment.young_person,
        services.appointment_move,
        initial=AppointmentForm.initial_from(appointment),
        message="Appointment changed. If the time or place changed, they have been told.",
        title="Change the appointment",
        button="Save changes",
        appointment=appointment,
    )


@record_page(
    "cancel appointment",
    permission="casework.change_appointment",
    methods=FORM,
    subject=APPOINTMENT,
    tab="contacts",
)
def appointment_cancel(request: SignedInRequest, appointment: Appointment) -> HttpResponse:
    young_person = appointment.young_person
    form = AppointmentCancelForm(request.POST or None)
    saved = _saved_then_list(
        request,
        young_person,
        form,
        services.appointment_cancel,
        message=f"Cancelled. {young_person.display_name} has been told.",
        appointment=appointment,
    )
    return saved or _form_page(
        request,
        young_person,
        form,
        title="Cancel the appointment",
        intro=(
            f"{appointment.get_kind_display()} on {govuk_day_datetime(appointment.starts_at)}, "
            f"{appointment.place}."
        ),
        button="Cancel appointment",
    )
