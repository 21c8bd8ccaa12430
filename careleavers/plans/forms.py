"""Forms for assessments, plans, decisions, sharing and reviews. They only check input; the
rules about what may happen live in services.py."""

from __future__ import annotations

from typing import Any

from django import forms

from careleavers.casework.forms import WorkerChoiceField
from careleavers.casework.selectors import contact_workers
from careleavers.core.forms.questions import optional_words, radios, words
from careleavers.core.forms.widgets import GovukDateField, GovukRadioSelect
from careleavers.plans import schedule
from careleavers.plans.models import (
    REQUEST_REASONS,
    ActionStatus,
    Agreement,
    GoalProgress,
    ReviewReason,
    ShareMethod,
    planned_field,
    planned_question,
)

_TEXTAREA = {"rows": 6}


class ConfirmForm(forms.Form):
    """A form with no questions, for a page that only confirms; it carries the service's
    refusal as an error so the GOV.UK error summary shows it."""


class VersionedForm(forms.Form):
    """Carries the version the editor started from, so a stale save can be refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class SectionForm(VersionedForm):
    """One section of the plan: the young person's words first, then the worker's."""

    young_persons_words = forms.CharField(
        label="What the young person says, in their words",
        required=False,
        widget=forms.Textarea(attrs=_TEXTAREA),
    )
    assessment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs=_TEXTAREA),
    )

    def __init__(self, *args: Any, definition: schedule.PlanSectionDefinition, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["young_persons_words"].help_text = (
            f"{definition.young_person_prompt} Write their own words; quote them where you can. "
            "This must be filled in before the plan is submitted."
        )
        self.fields["assessment"].label = definition.assessment_label
        self.fields["assessment"].help_text = definition.help
        if definition.planned_field:
            self.fields[definition.planned_field] = _planned_field(definition.planned_field)


_PLANNED_HELP = {
    "planned_activity": (
        "What the plan is for them to be doing mainly, in the DfE's words. The manager "
        "authorising the plan sees it beside their activity on the record."
    ),
    "planned_accommodation": (
        "The kind of place the plan is for them to live. The manager authorising the plan "
        "sees it beside their current accommodation on the record."
    ),
    "personal_adviser": (
        "Who the plan names as their personal adviser. The manager authorising the plan sees "
        "it beside who is allocated on the record."
    ),
}


def _planned_field(name: str) -> forms.Field:
    """The section's structured answer, optional, labelled from the model field."""
    label = planned_question(name)
    if name == "personal_adviser":
        return WorkerChoiceField(
            label=label,
            queryset=contact_workers().select_related("team"),
            required=False,
            empty_label="Not named",
            help_text=_PLANNED_HELP[name],
        )
    choices = [("", "Not recorded"), *(planned_field(name).choices or [])]
    return forms.ChoiceField(
        label=label, choices=choices, required=False, help_text=_PLANNED_HELP[name]
    )


class ActionForm(VersionedForm):
    what = words("What will be done", rows=3, missing="Enter what will be done")
    who = forms.CharField(
        label="Who will do it",
        help_text="For example: Sam (personal adviser), the young person, the college.",
        max_length=200,
        error_messages={"required": "Enter who will do it"},
    )
    by_when = GovukDateField(
        label="By when", help_text="For example, 27 3 2026", subject="The date"
    )
    status = forms.ChoiceField(
        label="Where it is up to",
        choices=ActionStatus.choices,
        widget=GovukRadioSelect,
        initial=ActionStatus.NOT_STARTED,
    )


class ActionStatusForm(VersionedForm):
    status = forms.ChoiceField(
        label="Where it is up to", choices=ActionStatus.choices, widget=GovukRadioSelect
    )


class GoalForm(VersionedForm):
    description = words("The goal, in the young person's words", rows=3, missing="Enter the goal")
    target_date = GovukDateField(
        label="When they hope to reach it (optional)",
        required=False,
        subject="The date",
        help_text="For example, 27 3 2026",
    )
    progress = forms.ChoiceField(
        label="How it is going",
        choices=GoalProgress.choices,
        widget=GovukRadioSelect,
        initial=GoalProgress.NOT_STARTED,
    )
    progress_note = optional_words("Anything to add about progress (optional)", rows=3)


class GoalProgressForm(VersionedForm):
    progress = forms.ChoiceField(
        label="How it is going", choices=GoalProgress.choices, widget=GovukRadioSelect
    )
    progress_note = optional_words("Anything to add about progress (optional)", rows=3)


class DecisionForm(forms.Form):
    AUTHORISE = "authorise"
    RETURN = "return"

    decision = forms.ChoiceField(
        label="What is your decision?",
        choices=[(AUTHORISE, "Authorise the plan"), (RETURN, "Return it to the worker")],
        widget=GovukRadioSelect(
            hints={
                AUTHORISE: "It comes into force today and can be shared with the young person.",
                RETURN: "The worker changes it and submits it again.",
            }
        ),
        error_messages={"required": "Select whether to authorise the plan or return it"},
    )
    comment = optional_words(
        "Comments",
        rows=5,
        help_text="If you return the plan, say what needs to change. The worker will see this.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == self.RETURN and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say what needs to change before you return the plan")
        return cleaned


class ShareForm(forms.Form):
    shared_on = GovukDateField(
        label="When was the young person given a copy and had it explained?",
        subject="The date it was shared",
        help_text="For example, 27 3 2026",
        not_in_future=True,
    )
    method = radios(
        "How was it shared?",
        ShareMethod.choices,
        missing="Select how the plan was shared",
        widget=GovukRadioSelect,
    )
    copy_given_and_explained = forms.BooleanField(
        label="The young person was given a copy and it was explained to them",
        error_messages={
            "required": "Confirm the young person was given a copy and it was explained to them"
        },
    )
    agreement = radios(
        "Does the young person agree with the plan?",
        Agreement.choices,
        missing="Select whether the young person agrees with the plan",
        widget=GovukRadioSelect,
    )
    young_persons_response = words(
        "What the young person said about the plan, in their words",
        rows=5,
        missing="Enter what the young person said about the plan",
        help_text="Write what they agree or disagree with, as they said it.",
    )


class AssessmentForm(VersionedForm):
    """The reg 42(2) matters, one box each, then the reg 5(3) written record."""

    views_sought = optional_words(
        "Whose views were sought",
        rows=4,
        help_text="Name everyone asked: the young person, parents, carers, the school or "
        "college, the independent reviewing officer, health professionals.",
    )
    information_obtained = optional_words("Information obtained", rows=4)
    meeting_deliberations = optional_words(
        "What was discussed at any meeting about the assessment", rows=4
    )
    outcome = optional_words("The results of the assessment", rows=4)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        matters = {}
        for matter in schedule.ASSESSMENT_MATTERS:
            matters[f"matter_{matter.key}"] = optional_words(
                matter.title, rows=4, help_text=matter.help
            )
        # The matters come first, as they are what the assessment is about.
        self.fields = {**matters, **self.fields}

    def findings(self) -> dict[str, str]:
        return {
            matter.key: self.cleaned_data.get(f"matter_{matter.key}", "")
            for matter in schedule.ASSESSMENT_MATTERS
        }


class AssessmentCompleteForm(forms.Form):
    completed_on = GovukDateField(
        label="When was the assessment completed?",
        subject="The date it was completed",
        help_text="For example, 27 3 2026",
        not_in_future=True,
    )


class ReviewRequestForm(forms.Form):
    reason = radios(
        "Why is a review needed?",
        [(reason.value, reason.label) for reason in REQUEST_REASONS],
        missing="Select why a review is needed",
        widget=GovukRadioSelect,
    )
    requested_on = GovukDateField(
        label="When was it asked for, or when did things change?",
        subject="The date",
        help_text="For example, 27 3 2026",
        not_in_future=True,
    )
    note = optional_words("Anything to add (optional)", rows=3)


class ReviewRecordForm(forms.Form):
    held_on = GovukDateField(
        label="When was the review held?",
        subject="The date of the review",
        help_text="For example, 27 3 2026",
        not_in_future=True,
    )
    reason = radios(
        "Why was it held?",
        ReviewReason.choices,
        missing="Select why the review was held",
        widget=GovukRadioSelect,
    )
    young_persons_views = words(
        "What the young person said, in their words",
        rows=5,
        missing="Enter what the young person said",
    )
    what_changed = words(
        "What changed",
        rows=5,
        missing="Enter what changed",
        help_text="What is different since the last plan, and what the next plan must change. "
        "The next version of the plan starts from the current one.",
    )


class AsOfForm(forms.Form):
    on = GovukDateField(
        label="What did the plan say on this date?",
        subject="The date",
        help_text="For example, 3 3 2026",
        not_in_future=True,
    )


class CompareForm(forms.Form):
    a = forms.ChoiceField(label="Older version")
    b = forms.ChoiceField(label="Newer version")

    def __init__(self, *args: Any, versions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = versions

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("a") and cleaned.get("a") == cleaned.get("b"):
            self.add_error("b", "Choose two different versions to compare")
        return cleaned
