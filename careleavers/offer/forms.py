"""Forms for the local offer. They parse input (pounds into pence); the services hold the rules."""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms
from django.db.models import Q

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.core.forms.questions import optional_words, radios
from careleavers.core.forms.record_choices import RecordChoices
from careleavers.core.forms.short_list import Group, ShortListForm, every_word_in, search_box
from careleavers.core.forms.widgets import GovukDateField, GovukRadioSelect
from careleavers.core.submissions import SubmittedOnceForm
from careleavers.offer.models import (
    AREA_CHOICES,
    Attendance,
    CouncilTaxExemption,
    ImportantDocument,
    OfferExplained,
    PaymentType,
)

MONEY = re.compile(r"^(\d{1,7})(?:\.(\d{2}))?$")


class PoundsField(forms.CharField):
    """An amount typed in pounds ("250" or "250.50", a "£" and commas allowed), cleaned to whole
    pence as an int: money never passes through a float."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        )
        kwargs.setdefault("help_text", "In pounds, for example 250 or 49.99")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = str(value or "").strip().replace(",", "").lstrip("£").strip()
        if not text:
            return None
        match = MONEY.match(text)
        if not match:
            raise forms.ValidationError(
                f"{self.label or 'Amount'} must be an amount of money, like 250 or 49.99"
            )
        return int(match.group(1)) * 100 + int(match.group(2) or 0)


def pence_as_pounds(pence: int | None) -> str:
    if pence is None:
        return ""
    whole, rest = divmod(pence, 100)
    return f"{whole}.{rest:02d}" if rest else str(whole)


class _Form(forms.Form):
    govuk_mark_optional = True


class PaymentRequestForm(SubmittedOnceForm, _Form):
    payment_type = forms.ChoiceField(
        label="What is it paid from?", choices=PaymentType.choices, widget=GovukRadioSelect
    )
    description = forms.CharField(
        label="What is it for?",
        max_length=200,
        help_text="For example, a fridge freezer from Currys",
    )
    amount_pence = PoundsField(label="Amount")
    due_on = GovukDateField(label="When is it needed?", required=False)


class PaymentDecisionForm(_Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve"), ("refuse", "Refuse")],
        widget=GovukRadioSelect,
    )
    override_reason = optional_words(
        "Reason for approving more than their entitlement",
        rows=3,
        help_text="Only needed when this is more than they have left.",
    )
    note = optional_words(
        "Note",
        rows=3,
        help_text="Needed when you refuse: the reason, in words the young person understands.",
    )


class ConfirmForm(_Form):
    """A page whose only question is the button."""


class HeBursaryForm(_Form):
    first_due_on = GovukDateField(label="When is the first instalment due?")


class DraftForm(_Form):
    change_summary = optional_words("What will change in this version?", rows=3)


class PublishForm(_Form):
    published_on = GovukDateField(label="Date published")


class CatalogueItemForm(_Form):
    key = forms.SlugField(
        label="Key",
        max_length=60,
        help_text="Short name in lower case with underscores, kept from version to version",
    )
    title = forms.CharField(label="Title", max_length=200)
    area = forms.ChoiceField(
        label="Area of the offer", choices=AREA_CHOICES, widget=GovukRadioSelect
    )
    summary = forms.CharField(label="What it is, in plain English", widget=forms.Textarea)
    how_to_get_it = optional_words("How to get it", rows=3)
    amount_pence = PoundsField(label="Amount", required=False)
    limit_text = forms.CharField(
        label="Limits", required=False, max_length=200, help_text="For example, once, or each year"
    )
    payment_type = forms.ChoiceField(
        label="Paid from",
        required=False,
        choices=[("", "Not a payment"), *PaymentType.choices],
    )
    rule = forms.CharField(
        label="Who it is for (eligibility rule as JSON)",
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        required=False,
        help_text=(
            'For example {"min_age": 18, "max_age": 25, "categories": ["former_relevant"]}. '
            "Conditions: min_age, max_age, categories, activities, accommodation_letters, "
            "excluded_immigration_statuses, requires_parent, requires_higher_education, "
            "requires_education_or_training, excludes_higher_education, requires_tenancy. Leave "
            "empty for everyone."
        ),
    )
    order = forms.IntegerField(
        label="Order within its area", min_value=0, max_value=999, initial=100
    )

    def clean_rule(self) -> Any:
        text = self.cleaned_data.get("rule", "").strip()
        if not text:
            return {}
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                f"The rule is not valid JSON ({error.msg} at character {error.pos})"
            ) from error


def _pounds_field(label: str) -> PoundsField:
    return PoundsField(label=label)


class PolicyForm(_Form):
    setting_up_home_allowance_pence = _pounds_field("Setting up home allowance")
    he_bursary_pence = _pounds_field("Higher education bursary")
    he_bursary_instalments = forms.IntegerField(
        label="Instalments of the higher education bursary", min_value=1, max_value=12
    )
    bursary_16_19_pence = _pounds_field("16 to 19 bursary, each year")
    team_manager_limit_pence = _pounds_field("Largest payment a team manager may approve")
    head_of_service_limit_pence = _pounds_field("Largest payment a head of service may approve")


class CouncilTaxForm(_Form):
    billing_authority = forms.CharField(
        label="Billing authority",
        max_length=200,
        help_text="The council that sends the bill; it may be a different council",
    )
    status = forms.ChoiceField(
        label="Status", choices=CouncilTaxExemption.Status.choices, widget=GovukRadioSelect
    )
    applied_on = GovukDateField(label="Date applied", required=False, not_in_future=True)
    decided_on = GovukDateField(label="Date decided", required=False, not_in_future=True)
    starts_on = GovukDateField(label="Exemption starts", required=False)
    ends_on = GovukDateField(label="Exemption ends", required=False)
    notes = optional_words("Notes", rows=3)


class CouncilTaxEditForm(CouncilTaxForm):
    """Changing an exemption carries the version it was opened at (DESIGN 4.6)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class OfferExplainedForm(_Form):
    explained_on = GovukDateField(label="Date you explained it", not_in_future=True)
    how = radios(
        "How did you explain it?",
        OfferExplained.How.choices,
        missing="Select how you explained it",
        widget=GovukRadioSelect,
    )
    understood = radios(
        "Did they say they understood it?",
        OfferExplained.Understood.choices,
        missing="Select whether they said they understood it",
        widget=GovukRadioSelect,
    )
    notes = optional_words(
        "What to go over again, or anything else (optional)",
        rows=3,
        help_text="Needed when they did not understand all of it.",
    )


class DocumentForm(_Form):
    # The version opened (0 when nothing was recorded yet): a stale save is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status = forms.ChoiceField(
        label="Status", choices=ImportantDocument.Status.choices, widget=GovukRadioSelect
    )
    dated = GovukDateField(
        label="Date they got it or applied for it", required=False, not_in_future=True
    )
    original_held_by = forms.ChoiceField(
        label="Who holds the original?",
        required=False,
        choices=ImportantDocument.Holder.choices,
        widget=GovukRadioSelect,
    )
    notes = forms.CharField(label="Notes", required=False, max_length=255)


class GroupActivityForm(_Form):
    name = forms.CharField(label="Name", max_length=200)
    description = optional_words("What happens", rows=3)
    area = forms.ChoiceField(
        label="Area of the offer", choices=AREA_CHOICES, widget=GovukRadioSelect
    )
    when_and_where = forms.CharField(
        label="When and where",
        required=False,
        max_length=200,
        help_text="For example, Tuesdays 5pm at the Hub kitchen",
    )


# Staff who run groups, whose time the workload figures count.
GROUP_RUNNER_ROLES = (Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


class GroupSessionForm(ShortListForm, _Form):
    held_on = GovukDateField(label="Date of the session", not_in_future=True)
    run_by = RecordChoices(
        label="Who ran it",
        help_text="Their time shows beside their caseload, so managers see what groups cost. "
        "Listed: the group's team and yours, and anyone chosen already.",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    run_by_search = search_box(noun="member of staff")
    hours = forms.DecimalField(
        label="Hours each of them spent, preparation included",
        help_text="For example, 2.5",
        required=False,
        min_value=0,
        max_value=24,
        decimal_places=1,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
    )
    notes = optional_words("Notes", rows=3)

    def __init__(self, *args: Any, team: Any = None, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        workers = User.objects.filter(is_active=True, groups__name__in=GROUP_RUNNER_ROLES)
        if team is not None:
            workers = workers.filter(team=team)
        field = self.fields["run_by"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = workers.distinct().order_by("last_name", "first_name")
        field.label_from_instance = lambda worker: worker.get_full_name()  # type: ignore[method-assign,assignment]
        # A group run for the whole service may be run by anyone of thousands: a short list
        # and a search instead of a box for each.
        teams = [("The group's team", getattr(team, "pk", None))]
        teams.append(("Your team", getattr(user, "team_id", None)))
        self.offer_short_list(
            "run_by",
            groups=[Group(label, Q(team_id=pk)) for label, pk in teams if pk],
            matching=every_word_in("first_name", "last_name"),
            noun="member of staff",
        )


class AttendanceForm(_Form):
    child_id = forms.CharField(label="Council child ID of the young person", max_length=10)
    rating = forms.TypedChoiceField(
        label="How did they find it?",
        required=False,
        coerce=int,
        empty_value=None,
        choices=Attendance.Rating.choices,
        widget=GovukRadioSelect,
    )
    feedback = optional_words("What they said about it", rows=3)


class MonthForm(_Form):
    month = forms.RegexField(
        label="Month", regex=r"^\d{4}-\d{2}$", required=False, help_text="For example 2026-03"
    )
