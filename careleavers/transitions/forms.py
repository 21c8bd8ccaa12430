"""Forms for referrals, chasing, decisions, transition plans and health.

Forms only parse input; the services hold the rules (date order, the support given instead
when a threshold is not met) and their messages appear next to the fields.
"""

from __future__ import annotations

from typing import Any

from django import forms

from careleavers.core.forms.record_choices import RecordChoices
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
)
from careleavers.transitions import selectors
from careleavers.transitions.models import ChaseKind, Outcome, Registration
from careleavers.transitions.waits import AGE_GROUPS, format_days

YES_NO = (("yes", "Yes"), ("no", "No"))


def _yes_no(label: str, required_message: str, **kwargs: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        error_messages={"required": required_message},
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        **kwargs,
    )


def _text(label: str, *, required: bool = False, rows: int = 4, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class VersionedForm(forms.Form):
    """A form that edits a record carries the version it was opened at (DESIGN 4.6)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReferralForm(forms.Form):
    service = forms.ModelChoiceField(
        label="Which service are you referring them to?",
        queryset=selectors.services_taking_referrals(),
        widget=GovukRadioSelect,
        empty_label=None,
        error_messages={"required": "Select the service you are referring them to"},
    )
    referred_on = GovukDateField(
        label="Date referred", not_in_future=True, help_text="For example, 27 3 2025"
    )
    reason = _text(
        "Why are you referring them?",
        required=True,
        help_text="What they need, in words the service will understand. Say if they are "
        "waiting for anything else.",
        error_messages={"required": "Enter why you are referring them"},
    )
    section_117_aftercare = forms.BooleanField(
        label="Section 117 aftercare applies",
        required=False,
        help_text="Only for mental health services: the young person was detained under the "
        "Mental Health Act and is entitled to aftercare.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["service"].widget
        widget.choice_hints = {  # type: ignore[attr-defined]
            str(service.pk): " ".join(
                part
                for part in (
                    service.description,
                    f"Target: a decision within {format_days(service.target_wait_days)}.",
                )
                if part
            )
            for service in self.fields["service"].queryset  # type: ignore[attr-defined]
        }


class ProgressForm(VersionedForm):
    acknowledged_on = GovukDateField(
        label="Date the service acknowledged the referral",
        required=False,
        subject="Date acknowledged",
        help_text="Leave empty if they have not replied yet.",
    )
    assessed_on = GovukDateField(
        label="Date the young person was assessed",
        required=False,
        subject="Date assessed",
        help_text="Leave empty if they have not been assessed yet.",
    )


OUTCOME_HINTS = {
    Outcome.THRESHOLD_MET: "The service will support them.",
    Outcome.THRESHOLD_NOT_MET: "The service will not support them. Say below what support "
    "they get instead.",
    Outcome.SIGNPOSTED: "The service passed them to another service or to community support.",
}


class DecisionForm(VersionedForm):
    decided_on = GovukDateField(
        label="Date the service decided", not_in_future=True, subject="Date decided"
    )
    outcome = forms.ChoiceField(
        label="What did the service decide?",
        choices=Outcome.choices,
        widget=GovukRadioSelect(hints=OUTCOME_HINTS),
        error_messages={"required": "Select what the service decided"},
    )
    alternative_support = _text(
        "What support will they get instead?",
        help_text="Required if the threshold was not met. Who will support them, how and from "
        "when.",
    )
    decision_notes = _text("Anything else about the decision", rows=3)


class SupportForm(VersionedForm):
    support_started_on = GovukDateField(
        label="Date support from the service started",
        not_in_future=True,
        subject="Date support started",
    )


class WithdrawForm(VersionedForm):
    withdrawn_on = GovukDateField(
        label="Date withdrawn",
        not_in_future=True,
    )
    reason = _text(
        "Why was the referral withdrawn?",
        required=True,
        help_text="For example, the young person did not want it, or moved to another area.",
        error_messages={"required": "Enter why the referral was withdrawn"},
    )


class ChaseForm(forms.Form):
    kind = forms.ChoiceField(
        label="Was this a chase or an escalation?",
        choices=ChaseKind.choices,
        widget=GovukRadioSelect(
            hints={
                ChaseKind.CHASE: "You asked the service how the referral is going.",
                ChaseKind.ESCALATION: "You raised the delay with a manager or someone more "
                "senior, in the service or in the council.",
            }
        ),
        error_messages={"required": "Select whether this was a chase or an escalation"},
    )
    on = GovukDateField(label="Date", not_in_future=True)
    contacted = forms.CharField(
        label="Who did you contact?",
        max_length=200,
        help_text="Their name and role, for example the duty manager of the community mental "
        "health team.",
        error_messages={"required": "Enter who you contacted"},
    )
    notes = _text("What was said or agreed?", rows=3)


REGISTRATION_WIDGET = forms.RadioSelect(attrs={"class": "govuk-radios--inline"})


def _registered_with(whom: str) -> forms.ChoiceField:
    """Whether they are registered with `whom` (a GP, a dentist)."""
    return forms.ChoiceField(
        label=f"Are they registered with {whom}?",
        choices=Registration.choices,
        widget=REGISTRATION_WIDGET,
        error_messages={"required": f"Select whether they are registered with {whom}"},
    )


class HealthForm(VersionedForm):
    govuk_mark_optional = True

    gp_registration = _registered_with("a GP")
    gp_practice = forms.CharField(label="GP practice", max_length=200, required=False)
    dentist_registration = _registered_with("a dentist")
    dentist_practice = forms.CharField(label="Dental practice", max_length=200, required=False)
    health_history_given_on = GovukDateField(
        label="Date their health history summary was given to them",
        subject="Date given",
        required=False,
        help_text="The written summary of their health history that every care leaver should "
        "have. Leave empty if they have not had it yet.",
    )
    mental_health_needs = _yes_no(
        "Do they have mental health needs?", "Select yes if they have mental health needs"
    )
    mental_health_notes = _text("What are their mental health needs?", rows=3)
    is_pregnant = _yes_no(
        "Are they pregnant, or is their partner?",
        "Select yes if they or their partner are pregnant",
    )
    due_on = GovukDateField(label="When is the baby due?", subject="Due date", required=False)
    is_parent = _yes_no("Are they a parent?", "Select yes if they are a parent")
    number_of_children = forms.IntegerField(
        label="How many children do they have?",
        min_value=0,
        max_value=20,
        required=False,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-2"}),
    )
    first_child_born_on = GovukDateField(
        label="Their first child's date of birth",
        subject="The first child's date of birth",
        required=False,
        not_in_future=True,
        help_text="The DfE's SSDA903 return asks for it for young women who were looked after.",
    )
    parenting_notes = _text("Parenting and the support they have", rows=3)

    def clean_number_of_children(self) -> int:
        return self.cleaned_data.get("number_of_children") or 0


class PlanForm(VersionedForm):
    govuk_mark_optional = True

    started_on = GovukDateField(label="Date planning started", not_in_future=True)
    young_persons_wishes = _text(
        "What do they want for their adult life?",
        required=True,
        help_text="In their own words: where they want to live, what they want to do, who "
        "they want around them.",
        error_messages={"required": "Enter what they want for their adult life"},
    )
    summary = _text("The plan", help_text="How everyone will help them get there.", rows=6)
    adult_services = RecordChoices(
        label="Which adult services are involved?",
        queryset=selectors.all_services(),
        widget=GovukCheckboxSelectMultiple,
        required=False,
    )
    other_professionals = _text("Other people and services involved", rows=3)
    next_review_on = GovukDateField(label="Next review", subject="Next review", required=False)


class MilestoneForm(forms.Form):
    govuk_mark_optional = True

    title = forms.CharField(
        label="Milestone",
        max_length=200,
        help_text="For example, Care Act transition assessment completed.",
        error_messages={"required": "Enter the milestone"},
    )
    owner = forms.CharField(
        label="Who will do it?",
        max_length=200,
        error_messages={"required": "Enter who will do it"},
    )
    due_on = GovukDateField(label="By when?", subject="Date due")
    done_on = GovukDateField(label="Date done", required=False, not_in_future=True)
    notes = _text("Notes", rows=3)


class MilestoneEditForm(MilestoneForm):
    """Changing a milestone carries the version it was opened at (DESIGN 4.6)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class WaitsFilterForm(forms.Form):
    govuk_label_size = ""

    service = forms.ModelChoiceField(
        label="Service",
        queryset=selectors.all_services(),
        required=False,
        empty_label="All services",
    )
    age_group = forms.ChoiceField(
        label="Age when referred", choices=[("", "All ages"), *AGE_GROUPS], required=False
    )

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {"service_id": None, "age_group": ""}
        service = self.cleaned_data.get("service")
        return {
            "service_id": service.pk if service else None,
            "age_group": self.cleaned_data.get("age_group", ""),
        }
