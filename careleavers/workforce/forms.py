"""Forms for supervision and workforce records. They parse input; the services hold the rules."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from careleavers.accounts.models import Team
from careleavers.core.forms.questions import radios
from careleavers.core.forms.record_choices import RecordChoices
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
    GovukSearchInput,
)
from careleavers.workforce.models import (
    AbsenceReason,
    Course,
    EmploymentKind,
    Grade,
    LeavingReason,
    PostRole,
)


class _Form(forms.Form):
    govuk_mark_optional = True


def _text(label: str, *, rows: int = 5, **kwargs: Any) -> forms.CharField:
    kwargs.setdefault("required", False)
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class DecimalText(forms.CharField):
    """A number typed as text ("0.5", "1"), cleaned to a Decimal. GOV.UK advises against
    type=number inputs."""

    def __init__(self, *, places: int = 2, max_whole_digits: int = 4, **kwargs: Any) -> None:
        self.places = places
        self.max_whole_digits = max_whole_digits
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = str(value or "").strip()
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(f"{self.label} must be a number, like 0.5 or 1") from None
        # Checked on the digits, not with round(): rounding "1E30" to 2 places overflows
        # Decimal's precision and raised an error instead of a message (found by the hostile
        # input test).
        if not number.is_finite() or int(number.as_tuple().exponent) < -self.places:
            raise forms.ValidationError(
                f"{self.label} must be a number with at most {self.places} decimal places"
            )
        if number != 0 and number.adjusted() >= self.max_whole_digits:
            raise forms.ValidationError(f"{self.label} is too large")
        return number


class YoungPersonChoices(RecordChoices):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.child_id})" if obj.child_id else obj.display_name


class YoungPersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name


class StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        team = f", {obj.team}" if getattr(obj, "team", None) else ""
        return f"{obj.get_full_name()}{team}"


# Supervision -------------------------------------------------------------------------------------


REFLECTIVE_HINTS = {
    "what_is_working": "Reflect on practice rather than tasks: what is going well for the young "
    "people discussed, and why? What did the worker do that made a difference?",
    "what_worries_us": "What worries you both about the young people discussed, and what might "
    "lie behind it? Think about risk, gaps in the plan and what you do not yet know.",
    "young_persons_experience": "How would the young person describe their life and our help "
    "right now? What have they told us, in their own words, and how do we know?",
    "workers_wellbeing": "How is the worker? Think about workload, the emotional impact of the "
    "work, the support they need and their learning.",
}


class SupervisionForm(_Form):
    held_on = GovukDateField(
        label="Date of supervision",
        help_text="For example, 27 3 2026",
        not_in_future=True,
    )
    young_people = YoungPersonChoices(
        label="Which young people did you discuss?",
        help_text="Young people allocated to the worker. Their chronology will show that they "
        "were discussed in supervision on this date, but nothing that was said.",
        queryset=None,
        widget=GovukCheckboxSelectMultiple,
        required=False,
    )
    what_is_working = _text("What is working?", help_text=REFLECTIVE_HINTS["what_is_working"])
    what_worries_us = _text("What worries us?", help_text=REFLECTIVE_HINTS["what_worries_us"])
    young_persons_experience = _text(
        "What is the young person's experience?",
        help_text=REFLECTIVE_HINTS["young_persons_experience"],
    )
    workers_wellbeing = _text(
        "How is the worker's wellbeing?", help_text=REFLECTIVE_HINTS["workers_wellbeing"]
    )

    def __init__(self, *args: Any, caseload: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["young_people"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = caseload


class ActionForm(_Form):
    text = _text(
        "Action",
        rows=3,
        required=True,
        help_text="A task agreed in supervision, for example, complete the pathway plan review.",
        error_messages={"required": "Enter the action"},
    )
    young_person = YoungPersonChoice(
        label="Which young person is it for?",
        queryset=None,
        required=False,
        empty_label="Not about one young person",
    )
    due_on = GovukDateField(label="Due date", subject="Due date")

    def __init__(self, *args: Any, discussed: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["young_person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = discussed


class RespondForm(_Form):
    agrees = forms.TypedChoiceField(
        label="Is this an accurate record of your supervision?",
        choices=[("yes", "Yes, I agree"), ("no", "No, I do not agree")],
        coerce=lambda value: value == "yes",
        widget=GovukRadioSelect,
        error_messages={"required": "Select whether you agree with the record"},
    )
    comment = _text(
        "Your comment",
        help_text="Anything you want to add, in your own words. If you do not agree, say what "
        "you would change.",
    )


class GradeForm(_Form):
    grade = forms.ChoiceField(
        label="How would you grade this supervision?",
        choices=Grade.choices,
        widget=GovukRadioSelect(
            hints={
                Grade.REFLECTIVE: "The discussion explores the young people's experience, the "
                "worker's thinking and feelings, and what could be done differently.",
                Grade.COMPLIANCE_LED: "The discussion is mostly about tasks, deadlines and "
                "whether things were done.",
            }
        ),
        error_messages={
            "required": "Select whether the supervision was reflective or compliance-led"
        },
    )
    comment = _text(
        "Your comment",
        required=True,
        help_text="What made it reflective or not, and what would help the supervisor.",
        error_messages={"required": "Enter a comment on the supervision"},
    )


# Posts and employment ----------------------------------------------------------------------------


class PostForm(_Form):
    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.order_by("name"),
        error_messages={"required": "Select the team"},
    )
    role = radios(
        "Role", PostRole.choices, missing="Select the role of the post", widget=GovukRadioSelect
    )
    reference = forms.CharField(
        label="Post number",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    fte = DecimalText(
        label="Full-time equivalent",
        help_text="1 for a full-time post, 0.5 for half time.",
        error_messages={"required": "Enter the full-time equivalent"},
    )
    funded_from = GovukDateField(label="Funded from", help_text="For example, 1 4 2025")
    funded_to = GovukDateField(
        label="Funded to",
        required=False,
        help_text="Leave empty if the funding has no end date.",
    )


class EmploymentStartForm(_Form):
    staff = StaffChoice(
        label="Who holds the post?",
        queryset=None,
        help_text="People with a staff account as a personal adviser, social worker or team "
        "manager who do not hold another post.",
        error_messages={"required": "Select who holds the post"},
    )
    kind = forms.ChoiceField(
        label="Permanent or agency",
        choices=EmploymentKind.choices,
        widget=GovukRadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": "Select permanent or agency"},
    )
    fte = DecimalText(
        label="Full-time equivalent",
        help_text="1 for full time, 0.5 for half time.",
        error_messages={"required": "Enter the full-time equivalent"},
    )
    start = GovukDateField(label="Start date", help_text="For example, 1 4 2026")

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["staff"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff


class EmploymentEndForm(_Form):
    end = GovukDateField(label="Last day in the post", subject="Last day")
    leaving_reason = radios(
        "Why did they leave the post?",
        LeavingReason.choices,
        missing="Select why they left the post",
        widget=GovukRadioSelect,
    )


# Absence and training ----------------------------------------------------------------------------


class AbsenceForm(_Form):
    first_day = GovukDateField(
        label="First day of absence", not_in_future=True, help_text="For example, 3 11 2026"
    )
    last_day = GovukDateField(
        label="Last day of absence",
        required=False,
        help_text="Leave empty if they are still off.",
    )
    working_days_lost = DecimalText(
        label="Working days lost",
        places=1,
        required=False,
        help_text="Days they were due to work, in half days, for example 3.5. Leave empty to "
        "count every weekday in the period.",
    )
    reason = forms.ChoiceField(
        label="Reason",
        choices=AbsenceReason.choices,
        widget=GovukRadioSelect,
        help_text="The category only. Do not record medical details.",
        error_messages={"required": "Select the reason for absence"},
    )


class AbsenceEndForm(_Form):
    last_day = GovukDateField(label="Last day of absence", subject="Last day of absence")
    working_days_lost = DecimalText(
        label="Working days lost",
        places=1,
        required=False,
        help_text="Leave empty to count every weekday from the first day to the last.",
    )


class TrainingForm(_Form):
    course = forms.ModelChoiceField(
        label="Course",
        queryset=Course.objects.filter(is_active=True),
        widget=GovukRadioSelect,
        empty_label=None,
        error_messages={"required": "Select the course"},
    )
    completed_on = GovukDateField(
        label="Date completed", not_in_future=True, help_text="For example, 12 10 2026"
    )


class WorkerSearchForm(_Form):
    """Narrows the workers to choose from (all of a council's, for the head of service) to those
    with a name: sent with GET, so the list and its pages can be linked to and go back."""

    name = forms.CharField(
        label="Find a worker by name",
        help_text="Type part of their first or last name, then select Find.",
        max_length=100,
        required=False,
        widget=GovukSearchInput(
            attrs={"class": "govuk-input--width-20"}, button_more="a worker by name"
        ),
    )

    def name_typed(self) -> str:
        """What was typed, or nothing when it is not a name this form takes."""
        if not self.is_valid():
            return ""
        return " ".join(self.cleaned_data["name"].split())
