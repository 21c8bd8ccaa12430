"""The forms to book, move and cancel an appointment. What they type in "where" and "a note
for them" is what the young person reads, on their pages and in the text they are sent."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from careleavers.casework.forms import (
    combine,
    contact_worker_field,
    short_list_contact_workers,
)
from careleavers.casework.models import Appointment, AppointmentKind
from careleavers.core.forms.questions import radios
from careleavers.core.forms.short_list import ShortListForm, search_box
from careleavers.core.forms.widgets import GovukDateField, GovukRadioSelect, GovukTimeField


class AppointmentForm(ShortListForm):
    kind = radios(
        "What is the appointment for?",
        AppointmentKind.choices,
        missing="Select what the appointment is for",
    )
    starts_on = GovukDateField(label="Date", help_text="For example, 27 3 2027", not_in_past=True)
    starts_time = GovukTimeField(
        label="Time", help_text="Use the 24-hour clock, for example 09:30 or 14:45"
    )
    place = forms.CharField(
        label="Where",
        max_length=200,
        help_text="As the young person will read it, for example ‘at your flat’, ‘the Leaving "
        "Care office, 2 High Street’ or ‘by phone on your mobile’.",
        error_messages={"required": "Enter where the appointment is"},
    )
    worker = contact_worker_field(label="Who they will see", missing="Select who they will see")
    worker_search = search_box(noun="worker")
    note = forms.CharField(
        label="A note for them (optional)",
        max_length=300,
        required=False,
        help_text="They will read this, for example ‘Bring your bank card’.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, user: Any, young_person: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget = GovukRadioSelect(choices=AppointmentKind.choices)
        short_list_contact_workers(self, user, young_person)

    def values(self) -> dict[str, Any]:
        """The service's arguments: the date and time typed, as one moment in UK time."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "starts_at": combine(data["starts_on"], data["starts_time"]),
            "place": data["place"],
            "worker": data["worker"],
            "note": data["note"],
        }

    @classmethod
    def initial_from(cls, appointment: Appointment) -> dict[str, Any]:
        local = timezone.localtime(appointment.starts_at)
        return {
            "kind": appointment.kind,
            "starts_on": local.date(),
            "starts_time": local.time().replace(second=0, microsecond=0),
            "place": appointment.place,
            "worker": appointment.worker_id,
            "note": appointment.note,
        }


class AppointmentCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled?",
        max_length=300,
        help_text="The young person is told it is cancelled, not why. This stays on the record.",
        error_messages={"required": "Enter why the appointment is cancelled"},
    )

    def values(self) -> dict[str, Any]:
        """The service's arguments, as `AppointmentForm.values` gives them."""
        return {"reason": self.cleaned_data["reason"]}
