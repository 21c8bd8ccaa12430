"""Forms for accommodation. They check what was typed; the services decide and save.

Field names match the services' keyword arguments, so a service's `ValidationError` lands next
to the field it is about (the GOV.UK error pattern).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from careleavers.accommodation import selectors
from careleavers.accommodation.models import (
    BidResult,
    BookingOutcome,
    CheckAnswer,
    OfferDecision,
    RefusalReason,
    RiskReason,
    Skill,
    StayingCloseOutcome,
    SupportArea,
)
from careleavers.accommodation.suitability import CHECKS
from careleavers.core import dfe_codes
from careleavers.core.forms.questions import boolean_radios, optional_words
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
)
from careleavers.people.forms import identifier_cleaner
from careleavers.people.validators import normalise_uk_postcode


def _text(label: str, *, required: bool = True, rows: int = 3, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def _line(label: str, *, required: bool = True, width: int = 20, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.TextInput(attrs={"class": f"govuk-input--width-{width}"}),
        **kwargs,
    )


def _money(label: str, *, required: bool = True, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=7,
        decimal_places=2,
        min_value=Decimal(0),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be an amount of money, like 150 or 150.50",
            "min_value": f"{label} must be £0 or more",
            "max_decimal_places": f"{label} must be in pounds and pence, like 150.50",
            "max_digits": f"{label} must be less than £100,000",
        },
        **kwargs,
    )


def _choice(
    label: str,
    choices: Any,
    *,
    hints: Any = None,
    error_messages: dict[str, str] | None = None,
    **kwargs: Any,
) -> forms.ChoiceField:
    # "Select" and the question, unless the question does not read as a phrase after it.
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=GovukRadioSelect(hints=hints or {}),
        error_messages=error_messages
        or {"required": f"Select {label[:1].lower()}{label[1:].rstrip('?')}"},
        **kwargs,
    )


class BaseForm(forms.Form):
    govuk_mark_optional = True


# Stays -------------------------------------------------------------------------------------------


class StayForm(BaseForm):
    accom_type = forms.ChoiceField(
        label="Type of accommodation",
        choices=[("", "Select the type")]
        + [(code, f"{code}: {label}") for code, label in dfe_codes.ACCOM_TYPES],
        help_text="The DfE accommodation types used in the SSDA903 return.",
        error_messages={"required": "Select the type of accommodation"},
    )
    address = _text(
        "Address",
        required=False,
        help_text="Leave empty if they have no fixed abode, or it is not known.",
    )
    postcode = _line("Postcode", required=False, width=10)
    provider = forms.ModelChoiceField(
        label="Provider",
        queryset=selectors.providers_for_stays(),
        required=False,
        empty_label="No provider (for example, with family)",
    )
    landlord = _line("Landlord, host or carers", required=False, width=30)
    council_provided = boolean_radios(
        "Does the council provide this accommodation?",
        help_text="Accommodation the council provides under the Children Act 1989 s.23B or "
        "s.24B. A personal adviser must visit within 7 days of it starting.",
        error_messages={"required": "Select yes if the council provides this accommodation"},
    )
    start = GovukDateField(label="Date they moved in", not_in_future=True)
    end = GovukDateField(
        label="Date they moved out",
        required=False,
        help_text="Only for a past stay. Leave empty if they live there now: recording where "
        "they live now ends their previous stay on the day they moved.",
    )
    end_reason = _line("Why they left", required=False, width=30)

    clean_postcode = identifier_cleaner("postcode", normalise_uk_postcode)


class StayEndForm(BaseForm):
    end = GovukDateField(label="Date they moved out", not_in_future=True)
    end_reason = _text("Why they left")
    version = forms.IntegerField(widget=forms.HiddenInput)


class SuitabilityForm(BaseForm):
    assessed_on = GovukDateField(label="Date of the check", not_in_future=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for check in CHECKS:
            choices = [(CheckAnswer.MET, "Yes"), (CheckAnswer.NOT_MET, "No")]
            if check.may_not_apply:
                choices.append((CheckAnswer.NOT_APPLICABLE, "Does not apply"))
            self.fields[check.key] = forms.ChoiceField(
                label=check.question,
                choices=choices,
                help_text=check.hint,
                widget=GovukRadioSelect(attrs={"class": "govuk-radios--inline"}),
                error_messages={"required": "Answer this question"},
            )
            self.fields[f"{check.key}_note"] = optional_words(
                "If no, what is the problem?", rows=2
            )
        self.fields["young_persons_views"] = _text(
            "What the young person says about it, in their words", required=False
        )

    def answers(self) -> dict[str, str]:
        return {check.key: self.cleaned_data[check.key] for check in CHECKS}

    def notes(self) -> dict[str, str]:
        return {check.key: self.cleaned_data.get(f"{check.key}_note", "") for check in CHECKS}


class RiskForm(BaseForm):
    identified_on = GovukDateField(
        label="Date the risk was identified",
        not_in_future=True,
        error_messages={"required": "Enter the date the risk was identified"},
    )
    reason = _choice(
        "Why are they at risk of homelessness?",
        RiskReason.choices,
        error_messages={"required": "Select why they are at risk of homelessness"},
    )
    details = _text("Details", required=False)
    referred_to_housing_on = GovukDateField(
        label="Date referred to the housing options service",
        required=False,
        not_in_future=True,
        help_text="Under the duty to refer (Homelessness Reduction Act 2017), if they have been.",
    )


class RiskEndForm(BaseForm):
    ended_on = GovukDateField(
        label="Date the risk ended",
        not_in_future=True,
        error_messages={"required": "Enter the date the risk ended"},
    )
    outcome = _text("What happened")


# Staying Put and Staying Close -------------------------------------------------------------------


class StayingPutForm(BaseForm):
    carers = _line("Former foster carers' names", width=30)
    fostering_service = _line("Fostering service", required=False, width=30)
    start = GovukDateField(label="Start date")
    planned_end = GovukDateField(
        label="Planned end date",
        required=False,
        help_text="Leave empty to plan until the day before their 21st birthday, the latest "
        "Staying Put can last.",
    )
    weekly_allowance = _money("Weekly allowance to the carers")
    young_person_weekly_contribution = _money("Young person's weekly contribution", required=False)
    notes = _text("Notes", required=False)


class StayingPutEndForm(BaseForm):
    end = GovukDateField(label="Date it ended", not_in_future=True)
    end_reason = _text("Why it ended")


class StayingCloseForm(BaseForm):
    assessed_on = GovukDateField(label="Date of the assessment", not_in_future=True)
    needs = _text("What the assessment found", rows=5)
    young_persons_views = _text("What the young person says, in their words", required=False)
    outcome = _choice("Outcome", StayingCloseOutcome.choices)
    support_areas = forms.MultipleChoiceField(
        label="What the support will help with",
        choices=SupportArea.choices,
        required=False,
        widget=GovukCheckboxSelectMultiple,
        help_text="If support is needed. Select all that apply.",
    )
    support = _text(
        "The support to be given",
        required=False,
        help_text="Advice, information and representations, and who gives them.",
    )
    next_review_on = GovukDateField(label="Date of the first review", required=False)


class StayingCloseReviewForm(BaseForm):
    reviewed_on = GovukDateField(label="Date of the review", not_in_future=True)
    notes = _text("What was reviewed and agreed", rows=5)
    continue_support = boolean_radios(
        "Does the support continue?",
        error_messages={"required": "Select yes if the support continues"},
    )
    next_review_on = GovukDateField(
        label="Date of the next review", required=False, help_text="If the support continues."
    )


# Housing applications ----------------------------------------------------------------------------


def _target_hint(band: Any) -> str:
    parts = [band.description] if band.description else []
    if band.target_weeks:
        parts.append(f"Housing protocol target: housed within {band.target_weeks} weeks.")
    return " ".join(parts)


class ApplicationForm(BaseForm):
    provider = forms.ModelChoiceField(
        label="Housing provider",
        queryset=selectors.providers_taking_applications(),
        empty_label="Select the provider",
        error_messages={"required": "Select the housing provider"},
    )
    band = forms.ModelChoiceField(
        label="Priority band",
        queryset=selectors.bands_in_use(),
        widget=GovukRadioSelect,
        empty_label=None,
        error_messages={"required": "Select the priority band"},
    )
    applied_on = GovukDateField(label="Date they applied", not_in_future=True)
    reference = _line("Housing register reference", required=False, width=10)
    notes = _text("Notes", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        band_field = self.fields["band"]
        assert isinstance(band_field, forms.ModelChoiceField)
        band_field.widget.choice_hints = {  # type: ignore[attr-defined]
            str(band.pk): _target_hint(band) for band in (band_field.queryset or [])
        }


class BidForm(BaseForm):
    placed_on = GovukDateField(label="Date of the bid", not_in_future=True)
    property_description = _line(
        "Property", width=30, help_text="For example, 1 bedroom flat, Manningham."
    )
    property_reference = _line("Property reference", required=False, width=10)
    result = _choice("Result", BidResult.choices, initial=BidResult.PENDING)


class OfferForm(BaseForm):
    offered_on = GovukDateField(label="Date of the offer", not_in_future=True)
    property_address = _text("Address of the property offered")


class OfferDecisionForm(BaseForm):
    decision = _choice(
        "What happened to the offer?",
        [
            (value, label)
            for value, label in OfferDecision.choices
            if value != OfferDecision.PENDING
        ],
    )
    decided_on = GovukDateField(label="Date of the decision", not_in_future=True)
    refusal_reason = _choice("If refused, why?", RefusalReason.choices, required=False)
    refusal_details = _text("More about the refusal", required=False)


class HousedForm(BaseForm):
    housed_on = GovukDateField(label="Date they were housed", not_in_future=True)
    housed_address = _text("Address of their new home")


class CloseApplicationForm(BaseForm):
    closed_on = GovukDateField(label="Date it closed", not_in_future=True)
    closed_reason = _text("Why it closed", help_text="For example, withdrawn at their request.")


class WaitingListFilterForm(BaseForm):
    band = forms.ModelChoiceField(
        label="Priority band",
        queryset=selectors.bands_in_use(),
        required=False,
        empty_label="All bands",
    )
    provider = forms.ModelChoiceField(
        label="Housing provider",
        queryset=selectors.providers_taking_applications(),
        required=False,
        empty_label="All providers",
    )


# Taster flats ------------------------------------------------------------------------------------


class BookingForm(BaseForm):
    flat = forms.ModelChoiceField(
        label="Flat",
        queryset=selectors.flats_in_use(),
        widget=GovukRadioSelect,
        empty_label=None,
        error_messages={"required": "Select a flat"},
    )
    starts_on = GovukDateField(label="Date they arrive")
    ends_on = GovukDateField(label="Date they leave")
    purpose = _text("What they want to try", required=False)


class BookingOutcomeForm(BaseForm):
    skills_practised = forms.MultipleChoiceField(
        label="Skills they practised",
        choices=Skill.choices,
        required=False,
        widget=GovukCheckboxSelectMultiple,
        help_text="Select all that apply.",
    )
    outcome = _choice("Outcome", BookingOutcome.choices)
    outcome_notes = _text("What went well and what needs more work", required=False)
    young_persons_views = _text("What the young person says, in their words", required=False)


class BookingCancelForm(BaseForm):
    cancelled_reason = _text("Why is the booking cancelled?")


def parse_month(value: str | None, today: datetime.date | None = None) -> tuple[int, int]:
    """A "YYYY-MM" month from the query string, or this month when missing or wrong."""
    today = today or timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        datetime.date(year, month, 1)
    except (ValueError, TypeError):
        return today.year, today.month
    if not 2000 <= year <= 2100:
        return today.year, today.month
    return year, month
