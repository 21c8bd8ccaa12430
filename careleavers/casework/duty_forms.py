"""Forms for the duty rota and the office hours: they tidy what was typed; the services in
duty_services hold the rules (overlaps, mobiles, past days)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.models import model_to_dict

from careleavers.casework import duty_selectors, worker_choice
from careleavers.casework.forms import WorkerChoiceField, yes_no
from careleavers.casework.models import DutyPolicy, DutyRotaEntry
from careleavers.casework.working_hours import DAY_NAMES
from careleavers.core.forms.short_list import ShortListForm, search_box
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukTimeField,
)

TIME_HINT = "Use the 24-hour clock, for example 09:00 or 17:00"


# Where an urgent message reaches the duty worker: the same two optional fields on the office's
# out-of-hours service and on each rota entry, with their own hint.
def _urgent_mobile_field(help_text: str) -> forms.CharField:
    return forms.CharField(
        label="Mobile number for urgent texts",
        max_length=20,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )


def _urgent_email_field(help_text: str = "") -> forms.EmailField:
    return forms.EmailField(
        label="Email address for urgent messages",
        max_length=254,
        required=False,
        help_text=help_text,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
    )


class DutyPolicyForm(forms.Form):
    govuk_mark_optional = True

    office_days = forms.TypedMultipleChoiceField(
        label="Which days is the office open?",
        choices=list(enumerate(DAY_NAMES)),
        coerce=int,
        widget=GovukCheckboxSelectMultiple,
        error_messages={"required": "Select the days the office is open"},
    )
    office_opens = GovukTimeField(label="Office opens at", help_text=TIME_HINT)
    office_closes = GovukTimeField(label="Office closes at", help_text=TIME_HINT)
    closed_on_bank_holidays = yes_no(
        "Is the office closed on bank holidays?",
        help_text="Bank holidays in England, from GOV.UK.",
        error="Select yes if the office is closed on bank holidays",
    )
    out_of_hours_name = forms.CharField(
        label="Name of the out-of-hours service",
        max_length=120,
        help_text="Young people read it: for example, Emergency duty team.",
        error_messages={"required": "Enter the name of the out-of-hours service"},
    )
    out_of_hours_mobile = _urgent_mobile_field(
        "The mobile the worker on call carries. Texts cannot go to a landline."
    )
    out_of_hours_email = _urgent_email_field()

    answer_within_working_days = forms.IntegerField(
        label="Working days to answer a young person's request",
        help_text="Young people are told by when to expect an answer to what they ask for on "
        "their pages. Office days only.",
        min_value=1,
        max_value=20,
        # Left empty, the number stays as it was.
        required=False,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-2"}),
        error_messages={"min_value": "Enter 1 or more", "max_value": "Enter 20 or fewer"},
    )

    @classmethod
    def initial_from(cls, policy: DutyPolicy) -> dict[str, Any]:
        return {
            "answer_within_working_days": policy.answer_within_working_days,
            "office_days": policy.office_days,
            "office_opens": policy.office_opens,
            "office_closes": policy.office_closes,
            "closed_on_bank_holidays": "yes" if policy.closed_on_bank_holidays else "no",
            "out_of_hours_name": policy.out_of_hours_name,
            "out_of_hours_mobile": policy.out_of_hours_mobile,
            "out_of_hours_email": policy.out_of_hours_email,
        }


class RotaEntryForm(ShortListForm):
    govuk_mark_optional = True

    on = GovukDateField(label="Date", help_text="For example, 14 12 2026", not_in_past=True)
    starts = GovukTimeField(label="On duty from", help_text=TIME_HINT)
    ends = GovukTimeField(label="Until", help_text=TIME_HINT)
    worker = WorkerChoiceField(
        label="Who is on duty?",
        queryset=None,  # set for each form: who can be on duty changes from day to day
        help_text="Who has been on the rota lately or is on it soon, and your team.",
        empty_label="Select a worker",
        error_messages={
            "required": "Select who is on duty",
            "invalid_choice": "Select who is on duty from the list: only staff who can take "
            "duty, and whose access has not ended, can be chosen",
        },
    )
    worker_search = search_box(noun="worker")
    mobile = _urgent_mobile_field("Leave it empty to use the number on their account.")
    email = _urgent_email_field("Leave it empty to use the email address they sign in with.")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        worker = self.fields["worker"]
        assert isinstance(worker, WorkerChoiceField)
        worker.queryset = duty_selectors.rota_workers().select_related("team")
        self.offer_short_list(
            "worker",
            groups=[
                worker_choice.on_the_rota_lately(),
                *worker_choice.team("Your team", user.team_id),
            ],
            matching=worker_choice.name_matches,
            noun="worker",
        )

    @classmethod
    def initial_from(cls, entry: DutyRotaEntry) -> dict[str, Any]:
        # The form's fields are the entry's, named alike (the worker as their id).
        return model_to_dict(entry, fields=["on", "starts", "ends", "worker", "mobile", "email"])
