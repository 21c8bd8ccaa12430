"""Forms for subject access requests, retention decisions and the policy. They parse input;
the services hold the rules."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from careleavers.core.forms.questions import optional_words, radios, words
from careleavers.core.forms.widgets import GovukDateField, GovukRadioSelect
from careleavers.dataprotection import selectors
from careleavers.dataprotection.models import (
    RequesterKind,
    RetentionDecision,
    SubjectAccessRequest,
)


class _Form(forms.Form):
    govuk_mark_optional = True


def _number(label: str, help_text: str, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": f"Enter {label[:1].lower()}{label[1:]}",
            "invalid": f"{label} must be a whole number",
        },
        **kwargs,
    )


def _notes(help_text: str) -> forms.CharField:
    """An optional few lines of notes; `help_text` says what is worth writing down."""
    return optional_words("Notes", rows=3, help_text=help_text)


def _optional_date(
    label: str, help_text: str, *, not_in_future: bool = False, not_in_past: bool = False
) -> GovukDateField:
    """A date wanted with only some answers (`help_text` says which); its errors name it as
    "The date ...", from `label` ("Date ...")."""
    subject = f"The {label[:1].lower()}{label[1:]}"
    return GovukDateField(
        label=label,
        subject=subject,
        required=False,
        help_text=help_text,
        not_in_future=not_in_future,
        not_in_past=not_in_past,
    )


class SubjectAccessRequestForm(_Form):
    child_id = forms.CharField(
        label="Council child ID of the young person",
        max_length=10,
        help_text="As shown on their record, for example C000123",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
        error_messages={"required": "Enter the council child ID of the young person"},
    )
    requester_kind = radios(
        "Who asked?", RequesterKind.choices, missing="Select who asked", widget=GovukRadioSelect
    )
    requested_by = forms.CharField(
        label="Name of the person who asked",
        max_length=200,
        help_text="For someone acting for the young person, say how: for example, their solicitor",
        error_messages={"required": "Enter the name of the person who asked"},
    )
    received_on = GovukDateField(
        label="Date the request was received",
        subject="The date the request was received",
        not_in_future=True,
        help_text="The month to answer starts on this day, for example 27 3 2026",
    )
    notes = _notes("For example, how identity was checked, or anything the request leaves out")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_child_id(self) -> Any:
        child_id = self.cleaned_data["child_id"]
        young_person = selectors.young_person_by_child_id(user=self.user, child_id=child_id)
        if young_person is None:
            raise forms.ValidationError(
                "No young person you can see has that council child ID. Check the ID"
            )
        self.cleaned_data["young_person"] = young_person
        return child_id


EXTENSION_CHOICES = [(1, "1 month"), (2, "2 months")]


class ExtendForm(_Form):
    months = forms.TypedChoiceField(
        label="How many more months?",
        coerce=int,
        widget=GovukRadioSelect,
        choices=EXTENSION_CHOICES,
        error_messages={"required": "Select how many more months"},
    )
    reason = words(
        "Why is more time needed?",
        rows=3,
        missing="Enter why more time is needed",
        help_text="The law allows two further months when a request is complex or there are many. "
        "Tell the young person within the first month, and why",
    )

    def __init__(self, *args: Any, months_left: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["months"])
        field.choices = [
            (value, text) for value, text in EXTENSION_CHOICES if value <= months_left
        ]


class CloseForm(_Form):
    outcome = forms.ChoiceField(
        label="What happened?",
        widget=GovukRadioSelect(
            hints={
                SubjectAccessRequest.Status.SENT: (
                    "The checked and redacted reply went to the person who asked"
                ),
                SubjectAccessRequest.Status.WITHDRAWN: "The person who asked no longer wants it",
            }
        ),
        choices=[
            (SubjectAccessRequest.Status.SENT, "The reply was sent"),
            (SubjectAccessRequest.Status.WITHDRAWN, "The request was withdrawn"),
        ],
        error_messages={"required": "Select what happened"},
    )
    sent_on = _optional_date(
        "Date the reply was sent", "Only if the reply was sent", not_in_future=True
    )
    note = _notes("For example, what was redacted and why, or how the reply was sent")


class RetentionDecisionForm(_Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=RetentionDecision.Decision.choices,
        widget=GovukRadioSelect(
            hints={
                RetentionDecision.Decision.KEEP: (
                    "For example a legal claim, a complaint, or an inquiry that has asked "
                    "councils not to destroy records"
                ),
                RetentionDecision.Decision.DESTROY: (
                    "Only after the retention date. The record is archived now; records "
                    "management destroys it under the council's retention schedule. Nothing "
                    "is deleted by this service"
                ),
            }
        ),
        error_messages={"required": "Select a decision"},
    )
    reason = words("Reason", rows=4, missing="Enter the reason for the decision")
    review_again_on = _optional_date(
        "Date to look at the records again", "Only if you keep them", not_in_past=True
    )


class RetentionFilterForm(_Form):
    months = forms.IntegerField(
        label="Months ahead",
        min_value=0,
        max_value=120,
        required=False,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        help_text="Show records whose retention date falls within this many months from today",
    )


class PolicyForm(_Form):
    retention_age_years = _number(
        "Keep records until this birthday",
        "The reference notes give the 75th birthday (CPPCR 2010; the regulation number is "
        "still to be verified). Change it only on legal advice",
        min_value=25,
        max_value=120,
    )
    after_death_years = _number(
        "Years to keep records after a death before 18",
        "The reference notes give 15 years after the death (CPPCR 2010); change it only on "
        "legal advice. It applies when a date of death is recorded on the young person's "
        "details",
        min_value=1,
        max_value=100,
    )
    review_window_months = _number(
        "Months ahead the retention review looks",
        "Records whose retention date falls within this many months are listed for review",
        min_value=1,
        max_value=60,
    )
    subject_access_file_keep_days = _number(
        "Days a subject access file is kept",
        "After this many days a file that was made is removed, even if the request is still "
        "open; its checksum is kept",
        min_value=1,
        max_value=365,
    )
