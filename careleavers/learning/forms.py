"""Forms for EET records, the panel and PEPs. They parse input; the services hold the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from careleavers.accounts.models import User
from careleavers.core.forms.questions import optional_words, radios, words
from careleavers.core.forms.record_choices import RecordChoices
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
)
from careleavers.learning import selectors
from careleavers.learning.activ import RECORDABLE_ACTIV
from careleavers.learning.models import (
    ActionKind,
    Attendance,
    PepTargetStatus,
    QualityGrade,
)

ACTIV_HINTS = {
    "F4": "Mark an apprenticeship the council offered below.",
    "F5": "A job, or a training course or traineeship (mark training below).",
    "G4": "Not in education, employment or training because of illness or disability.",
    "G5": "Not in education, employment or training for any other reason.",
    "G6": "Not in education, employment or training because they are pregnant or a parent.",
}


class StaffField(forms.CharField):
    """A member of staff, by their full name or work email address, or nobody when left blank.

    A national council has thousands of staff: a list of every one to choose from took a third
    of a second to draw and was no help to find someone in. The name is enough unless two
    people share it; then the email address is asked for."""

    widget = forms.TextInput(
        attrs={"class": "govuk-input--width-20", "autocomplete": "off", "spellcheck": "false"}
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=254, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        # A member of staff given as the initial value is shown as their email address,
        # which finds them again however many share their name.
        return value.email if isinstance(value, User) else value

    def clean(self, value: Any) -> User | None:
        text = " ".join(str(super().clean(value)).split())
        if not text:
            return None
        found = selectors.staff_named(text)
        if not found:
            raise forms.ValidationError(
                f"No member of staff is called {text}: enter their full name or work email "
                "address",
                code="not_found",
            )
        if len(found) > 1:
            raise forms.ValidationError(
                f"More than one member of staff is called {text}: enter their work email "
                "address instead",
                code="ambiguous",
            )
        return found[0]


def _reason_hints(field: Any, widget_class: type[Any]) -> None:
    """Show each NEET reason's hint under its choice (one query, for the reasons in use)."""
    hints = {reason.pk: reason.hint for reason in field.queryset if reason.hint}
    field.widget = widget_class(hints=hints)
    field.widget.choices = field.choices


class _Form(forms.Form):
    govuk_mark_optional = True


# The kinds of question these forms ask again and again, each written once.


def _short_text(label: str | None = None, *, width: int, **kwargs: Any) -> forms.CharField:
    """An optional answer on one line, up to 200 characters, in a box `width` characters wide."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": f"govuk-input--width-{width}"}),
        **kwargs,
    )


class ActivityForm(_Form):
    activ = forms.ChoiceField(
        label="What are they doing?",
        choices=RECORDABLE_ACTIV,
        widget=GovukRadioSelect(hints=ACTIV_HINTS),
        error_messages={"required": "Select what they are doing"},
    )
    start = GovukDateField(
        label="Start date",
        not_in_future=True,
        help_text="For higher education, the day they started their course. For example, 9 9 2025",
    )
    provider = _short_text("College, university, employer or training provider", width=30)
    course_or_role = _short_text("Course, apprenticeship or job", width=30)
    hours_per_week = forms.DecimalField(
        label="Hours a week",
        required=False,
        max_digits=4,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"invalid": "Hours a week must be a number, like 16 or 37.5"},
    )
    planned_end = GovukDateField(
        label="When is the course or contract due to end?",
        required=False,
        help_text="Young people whose course ends soon go on the EET panel's agenda.",
    )
    end = GovukDateField(
        label="End date",
        required=False,
        not_in_future=True,
        help_text="Only if you are recording something that has already ended.",
    )
    is_training = forms.BooleanField(
        label="This is training rather than a job (F5 or P5 only)", required=False
    )
    council_job_offer = forms.BooleanField(
        label="The council offered this job or apprenticeship as their corporate parent",
        required=False,
    )
    neet_reasons = RecordChoices(
        label="Why are they not in education, employment or training?",
        help_text="Only for G4, G5 or G6. Select all that apply.",
        queryset=selectors.neet_reasons_in_use(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    young_persons_view = optional_words(
        "What does the young person say?", rows=4, help_text="In their own words, if you can."
    )
    notes = optional_words(rows=3)

    field_order = [
        "activ",
        "start",
        "provider",
        "course_or_role",
        "hours_per_week",
        "planned_end",
        "end",
        "is_training",
        "council_job_offer",
        "neet_reasons",
        "young_persons_view",
        "notes",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _reason_hints(self.fields["neet_reasons"], GovukCheckboxSelectMultiple)


class VersionedForm(_Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActivityEndForm(VersionedForm):
    end = GovukDateField(label="End date", not_in_future=True)
    end_reason = optional_words("Why did it end?", rows=3)


class ArchiveForm(_Form):
    reason = words(
        "Why was this recorded in error?", rows=3, missing="Enter why this was recorded in error"
    )


class NeetReasonForm(_Form):
    reason = forms.ModelChoiceField(
        label="Reason",
        queryset=selectors.neet_reasons_in_use(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select a reason"},
    )
    identified_on = GovukDateField(label="Date recorded", not_in_future=True)
    young_persons_view = optional_words("What does the young person say about it?", rows=4)
    details = optional_words(rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _reason_hints(self.fields["reason"], GovukRadioSelect)


class ResolveForm(_Form):
    resolved_on = GovukDateField(label="Date it stopped being a barrier", not_in_future=True)


class PanelMeetingForm(_Form):
    held_on = GovukDateField(label="Meeting date", help_text="For example, 14 10 2025")
    location = _short_text(width=30)
    chair = StaffField(
        help_text="Their full name or work email address. Leave it empty if not decided yet."
    )


class AttendeeForm(_Form):
    user = StaffField(
        label="Member of staff",
        help_text="Their full name or work email address. Leave it empty for someone outside "
        "the service.",
    )
    name = _short_text("Name of someone outside the service", width=20)
    organisation = _short_text(width=20)
    attendance = radios(None, Attendance.choices, missing="Select whether they came")


class DiscussionForm(VersionedForm):
    discussion = words(
        "What did the panel discuss?", rows=6, missing="Enter what the panel discussed"
    )


class ActionForm(_Form):
    kind = radios("Type of action", ActionKind.choices, missing="Select the type of action")
    description = words("What will be done?", rows=3, missing="Enter what will be done")
    owner = StaffField(
        label="Who will do it?",
        help_text="The full name or work email address of a member of staff. Leave it empty "
        "for someone outside the service.",
    )
    owner_name = _short_text(
        "Name of someone outside the service",
        width=20,
        help_text="For example, a college tutor or Jobcentre work coach.",
    )
    due_on = GovukDateField(label="Due date")


class ActionCompleteForm(_Form):
    completed_on = GovukDateField(label="Date done", not_in_future=True)
    outcome = optional_words("What happened?", rows=3)


class PepCompleteForm(_Form):
    completed_on = GovukDateField(label="Date the PEP was completed", not_in_future=True)
    education_setting = _short_text("School, college or training provider", width=30)
    summary = optional_words(
        "What the plan says",
        rows=5,
        help_text="Their progress, what will help, and who will do what.",
    )


class PepReviewForm(_Form):
    quality_grade = radios("Quality grade", QualityGrade.choices, missing="Select a quality grade")
    reviewer_feedback = words(
        "Feedback for the worker", rows=5, missing="Enter your feedback for the worker"
    )


class PepTargetForm(_Form):
    description = words("Target", rows=3, missing="Enter the target")
    by_when = GovukDateField(label="By when", required=False)
    status = forms.ChoiceField(
        choices=PepTargetStatus.choices,
        widget=forms.RadioSelect,
        initial=PepTargetStatus.NOT_STARTED,
    )
