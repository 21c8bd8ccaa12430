"""Telling a young person about their appointments: booked, moved, cancelled, and the reminder
the day before (casework.appointment_services tells `tell_young_person` once each change is
saved).

One text to the mobile number on their record, or with none an email to the address they sign
in with. The words say when, where and with whom, never why it was booked or cancelled: a text
can be read by whoever sees their phone. A send that fails for a reason that may pass is tried
again later (tasks.RETRY_AFTER); one that cannot be sent is logged, and the appointment is on
their pages either way.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse

from careleavers.casework.appointment_services import BOOKED, CANCELLED, MOVED, REMINDER
from careleavers.casework.models import Appointment
from careleavers.core.templatetags.govuk import govuk_day_datetime
from careleavers.portal import notify
from careleavers.portal.young_person_messages import personalisation_for, text_or_email

logger = logging.getLogger(__name__)

# What happened, in the young person's words; {what} is "visit", "pathway plan review" ...
NEWS = {
    BOOKED: "{worker} has booked a {what} with you: {when}, {place}.",
    MOVED: "Your {what} with {worker} has changed. It is now {when}, {place}.",
    CANCELLED: "Your {what} with {worker} on {when} is cancelled. They will be in touch to "
    "book another.",
    REMINDER: "A reminder: your {what} with {worker} is tomorrow, {when}, {place}.",
}


def news_for(appointment: Appointment, change: str) -> str:
    return NEWS[change].format(
        worker=appointment.worker.get_full_name(),
        what=appointment.get_kind_display().lower(),
        when=govuk_day_datetime(appointment.starts_at),
        place=appointment.place,
    )


def tell_young_person(appointment_id: int, change: str) -> None:
    """The appointment listener: queue the message (tasks.appointment_news_send_task)."""
    from careleavers.portal.tasks import appointment_news_send_task

    appointment_news_send_task.enqueue(appointment_id, change)


def appointment_news_deliver(*, appointment_id: int, change: str, attempt: int = 1) -> None:
    """The task: send the text or email."""
    from careleavers.portal.tasks import appointment_news_send_task, retry_later

    appointment = Appointment.objects.select_related("young_person", "worker").get(
        pk=appointment_id
    )
    personalisation = personalisation_for(
        appointment.young_person,
        news=news_for(appointment, change),
        link=settings.SERVICE_ADDRESS.rstrip("/") + reverse("portal:appointments"),
    )
    try:
        text_or_email(
            appointment.young_person,
            "appointment",
            personalisation,
            f"appointment-{appointment.pk}-{change}",
        )
    except notify.NotifyError as error:
        if error.transient and retry_later(
            appointment_news_send_task, attempt, appointment_id, change
        ):
            return
        logger.exception(
            "The %s message for appointment %s could not be sent", change, appointment_id
        )
