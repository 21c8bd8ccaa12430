"""Forms for a young person's record. They check and tidy what was typed; services save it.

Identifiers are checked by people/validators.py (NHS number modulus 11, National Insurance
number format, UPN check letter, postcode, phone) and stored in their one normal form. Every
message says what to do, next to the field (the GOV.UK error pattern).
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone

from careleavers.core import dfe_codes
from careleavers.core.dates import birthday, format_date
from careleavers.core.dfe_codes import NO_PROVIDER_PLACEMENTS, PLACE_PROVIDER
from careleavers.core.forms.questions import YES_NO_BOOLEAN, boolean_radios, optional_words, radios
from careleavers.core.forms.record_choices import RecordChoices
from careleavers.core.forms.short_list import Group, ShortListForm, every_word_in, search_box
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
)
from careleavers.people import services, validators
from careleavers.people.chronology import sources
from careleavers.people.models import (
    ACCOMMODATED_KIND_CHOICES,
    AboutMe,
    CareEpisode,
    SupportChoiceKind,
    YoungPerson,
)
from careleavers.people.validators import IdentifierError


def coded(code_list: dfe_codes.CodeList) -> list[tuple[str, str]]:
    """DfE codes as choices that show the code too, so staff can match the 903 guidance."""
    return [(code, f"{code}: {label}") for code, label in code_list]


def _identifier(value: str, normalise: Callable[[str], str]) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return normalise(value)
    except IdentifierError as error:
        raise forms.ValidationError(str(error)) from None


def _identifier_field(
    label: str, help_text: str = "", width: int = 10, **attrs: str
) -> forms.CharField:
    # Longer than the stored value: people type spaces and dashes, which cleaning removes.
    return forms.CharField(
        label=label,
        required=False,
        max_length=30,
        help_text=help_text,
        widget=forms.TextInput(
            attrs={"class": f"govuk-input--width-{width}", "spellcheck": "false", **attrs}
        ),
    )


def nhs_number_field() -> forms.CharField:
    return _identifier_field("NHS number", "10 digits, like 943 476 5919")


def ni_number_field() -> forms.CharField:
    return _identifier_field("National Insurance number", "Like QQ 12 34 56 C")


def upn_field() -> forms.CharField:
    return _identifier_field(
        "Unique pupil number (UPN)", "13 characters, starting with a letter", width=20
    )


def end_date_field(label: str, help_text: str) -> GovukDateField:
    """The day a time in their history ended: empty while it goes on."""
    return GovukDateField(label=label, required=False, not_in_future=True, help_text=help_text)


def notes_field(label: str = "Notes", help_text: str = "") -> forms.CharField:
    """A few lines of words that may be left empty."""
    return optional_words(label, rows=3, help_text=help_text)


def _short_search_box(label: str, *, max_length: int, **attrs: str) -> forms.CharField:
    """An optional box for an identifier to search by, 10 characters wide."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", **attrs}),
    )


def postcode_field(label: str = "Postcode", help_text: str = "") -> forms.CharField:
    return _identifier_field(label, help_text, autocomplete="off")


def _choices(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """A form's choice field, typed as one, so its choices can be set from the DfE lists."""
    return cast(forms.ChoiceField, form.fields[name])


def identifier_cleaner(name: str, normalise: Callable[[str], str]) -> Callable[[Any], str]:
    """A form's `clean_<name>` method: the identifier in its usual form, or the field's error."""

    def clean(form: Any) -> str:
        return _identifier(form.cleaned_data.get(name, ""), normalise)

    return clean


class IdentifierCleaningMixin:
    """clean_<field> methods for the identifiers a record holds, shared by several forms."""

    cleaned_data: dict[str, Any]

    clean_nhs_number = identifier_cleaner("nhs_number", validators.normalise_nhs_number)
    clean_ni_number = identifier_cleaner("ni_number", validators.normalise_ni_number)
    clean_upn = identifier_cleaner("upn", validators.normalise_upn)
    clean_postcode = identifier_cleaner("postcode", validators.normalise_uk_postcode)
    clean_phone = identifier_cleaner("phone", validators.normalise_uk_phone)
    clean_child_id = identifier_cleaner("child_id", validators.normalise_child_id)


class RecordSectionForm(IdentifierCleaningMixin, forms.ModelForm):
    """A section of the record's details. It never saves itself: the view passes
    `changes()` to `young_person_update`, which refuses a stale version."""

    govuk_mark_optional = True
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = ""
    # The field names whose errors on the model (unique child ID) the form should not check:
    # the service checks them in its transaction.

    def __init__(self, *args: Any, instance: YoungPerson, **kwargs: Any) -> None:
        # ModelForm writes cleaned values onto its instance while validating. A copy keeps the
        # record shown around the form as saved until the service has saved it.
        kwargs["instance"] = copy.copy(instance)
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = instance.version

    def validate_unique(self) -> None:
        # The service checks the council child ID inside its transaction.
        return

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class IdentityForm(RecordSectionForm):
    title = "Name and identity"
    date_of_birth = GovukDateField(label="Date of birth", not_in_future=True)
    upn = upn_field()
    nhs_number = nhs_number_field()
    ni_number = ni_number_field()
    died_on = GovukDateField(
        label="Date of death",
        subject="Date of death",
        required=False,
        not_in_future=True,
        help_text="Only if they have died. The SSDA903 return reports it, and it decides how "
        "long the record is kept.",
    )

    class Meta:
        model = YoungPerson
        fields = services.IDENTITY_FIELDS
        labels = {
            "first_name": "First name",
            "last_name": "Last name",
            "preferred_name": "Preferred name",
            "sex": "Legal sex",
            "gender": "Gender identity",
            "upn_unknown_reason": "If there is no UPN, why not",
            "child_id": "Council child ID",
        }
        help_texts = {
            "preferred_name": "The name they like to be called, if it is different",
            "pronouns": "For example, she/her, he/him or they/them",
            "sex": "As recorded for the SSDA903 return",
            "gender": "In their own words, if they have told you",
            "child_id": "The ID used in the SSDA903 return, up to 10 letters and numbers",
        }
        widgets = {
            "sex": GovukRadioSelect(attrs={"class": "govuk-radios--inline"}),
            "child_id": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "pronouns": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        }
        error_messages = {
            "first_name": {"required": "Enter their first name"},
            "last_name": {"required": "Enter their last name"},
            "sex": {"required": "Select their legal sex"},
            "child_id": {"required": "Enter their council child ID"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "ethnicity").choices = coded(dfe_codes.ETHNIC)
        _choices(self, "upn_unknown_reason").choices = [
            ("", "There is a UPN"),
            *coded(dfe_codes.UPN_UNKNOWN),
        ]
        self.fields["date_of_birth"].required = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("upn") and cleaned.get("upn_unknown_reason"):
            self.add_error(
                "upn_unknown_reason",
                "Leave ‘why there is no UPN’ empty when you have entered their UPN",
            )
        born, died = cleaned.get("date_of_birth"), cleaned.get("died_on")
        if born and died and died < born:
            self.add_error("died_on", "Date of death must be the same as or after their birth")
        return cleaned


class ContactDetailsForm(RecordSectionForm):
    title = "Contact details"
    phone = _identifier_field(
        "Phone number", "A UK phone number, like 07700 900123", width=20, type="tel"
    )
    postcode = postcode_field()
    chose_less_contact = forms.BooleanField(
        label="Aged 21 or over and chose to be contacted less often",
        required=False,
        help_text="Only for young people aged 21 to 25 who asked for less frequent contact",
    )

    class Meta:
        model = YoungPerson
        fields = services.CONTACT_FIELDS
        labels = {"email": "Email address"}
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "address": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.com"
            }
        }


class NeedsForm(RecordSectionForm):
    title = "Language, faith, culture and needs"
    interpreter_needed = boolean_radios("Do they need an interpreter?")
    has_ehc_plan = boolean_radios("Do they have an education, health and care (EHC) plan?")

    class Meta:
        model = YoungPerson
        fields = services.NEEDS_FIELDS
        widgets = {
            "has_disability": GovukRadioSelect(attrs={"class": "govuk-radios--inline"}),
            "culture": forms.Textarea(attrs={"rows": 3}),
            "disability": forms.Textarea(attrs={"rows": 3}),
            "learning_needs": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "first_language": "First language",
            "faith": "Faith or religion",
            "culture": "Culture and heritage",
            "has_disability": "Do they have a disability?",
            "disability": "Disability",
            "learning_needs": "Learning needs",
        }
        help_texts = {
            "culture": "What matters to them about their culture and heritage",
            "has_disability": "Ofsted's Annex A list asks; leave it as not known until you know",
            "disability": "Any disability, and the support or adjustments they need",
            "learning_needs": "Any learning difficulty or special educational need",
        }


class ImmigrationForm(RecordSectionForm):
    title = "Immigration and separated migrant details"
    is_separated_migrant = boolean_radios(
        "Did they come to the UK as a separated migrant child?",
        help_text="An unaccompanied asylum-seeking child (UASC)",
    )
    no_recourse_to_public_funds = boolean_radios(
        "Do they have no recourse to public funds (NRPF)?"
    )
    arrived_in_uk_on = GovukDateField(
        label="Date they arrived in the UK", required=False, not_in_future=True
    )
    age_assessed_on = GovukDateField(
        label="Date of the age assessment", required=False, not_in_future=True
    )
    next_home_office_date = GovukDateField(
        label="Next Home Office date",
        required=False,
        help_text="An interview, reporting date, decision or appeal hearing",
    )

    class Meta:
        model = YoungPerson
        fields = services.IMMIGRATION_FIELDS
        labels = {
            "immigration_status": "Immigration status",
            "age_assessment_outcome": "Outcome of the age assessment",
            "legal_representative": "Legal representative",
        }
        help_texts = {"legal_representative": "Their name, firm and phone number"}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("is_separated_migrant"):
            return cleaned
        arrived = cleaned.get("arrived_in_uk_on")
        if arrived and self.instance.date_of_birth and arrived < self.instance.date_of_birth:
            self.add_error(
                "arrived_in_uk_on",
                "The date they arrived in the UK must be after their date of birth",
            )
        return cleaned


class CategoryFactsForm(RecordSectionForm):
    title = "Facts for the care-leaver category"
    detained_or_in_hospital_on_16th_birthday = boolean_radios(
        "Were they in custody or in hospital on their 16th birthday?"
    )
    detained_or_admitted_on = GovukDateField(
        label="Day they were detained or went into hospital",
        required=False,
        not_in_future=True,
        help_text="If they were in custody or in hospital on their 16th birthday. They are a "
        "relevant child only if they were looked after until that day.",
    )
    subject_to_care_order_on_16th_birthday = boolean_radios(
        "Were they subject to a care order on their 16th birthday?"
    )
    special_guardianship_after_care = boolean_radios(
        "Was a special guardianship order made after they were looked after?"
    )
    in_education_or_training = boolean_radios(
        "Are they in education or training?",
        help_text="Qualifying care leavers get help until 25 while in education or training",
    )

    class Meta:
        model = YoungPerson
        fields = services.CATEGORY_FACT_FIELDS

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        admitted = cleaned.get("detained_or_admitted_on")
        born = self.instance.date_of_birth
        if not cleaned.get("detained_or_in_hospital_on_16th_birthday"):
            cleaned["detained_or_admitted_on"] = None
        elif admitted is None and "detained_or_admitted_on" not in self.errors:
            self.add_error(
                "detained_or_admitted_on",
                "Enter the day they were detained or went into hospital",
            )
        elif admitted is not None and born is not None:
            sixteenth = birthday(born, 16)
            if admitted > sixteenth:
                self.add_error(
                    "detained_or_admitted_on",
                    "The day they were detained or went into hospital must be on or before "
                    f"their 16th birthday, {format_date(sixteenth)}",
                )
            elif admitted < born:
                self.add_error(
                    "detained_or_admitted_on",
                    "The day they were detained or went into hospital must be after their date "
                    "of birth",
                )
        return cleaned


# The record's detail sections, by the slug in their URL.
SECTIONS: dict[str, type[RecordSectionForm]] = {
    "identity": IdentityForm,
    "contact": ContactDetailsForm,
    "needs": NeedsForm,
    "immigration": ImmigrationForm,
    "category-facts": CategoryFactsForm,
}


class YoungPersonAddForm(IdentifierCleaningMixin, forms.ModelForm):
    """The least a record needs; the rest is added from its detail pages."""

    govuk_mark_optional = True
    date_of_birth = GovukDateField(label="Date of birth", not_in_future=True)
    nhs_number = nhs_number_field()

    class Meta:
        model = YoungPerson
        fields = [
            "first_name",
            "last_name",
            "preferred_name",
            "date_of_birth",
            "sex",
            "ethnicity",
            "child_id",
            "nhs_number",
            "team",
        ]
        labels = IdentityForm.Meta.labels | {"team": "Team"}
        help_texts = IdentityForm.Meta.help_texts | {
            "team": "The leaving care team that will work with them"
        }
        widgets = {
            "sex": GovukRadioSelect(attrs={"class": "govuk-radios--inline"}),
            "child_id": IdentityForm.Meta.widgets["child_id"],
        }
        error_messages = IdentityForm.Meta.error_messages | {
            "team": {"required": "Select their team"},
            "child_id": {
                "required": "Enter their council child ID",
                "unique": "Another young person already has this council child ID",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "ethnicity").choices = coded(dfe_codes.ETHNIC)
        self.fields["team"].required = True
        self.fields["team"].empty_label = "Select a team"  # type: ignore[attr-defined]

    def details(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class PreviousNameForm(forms.Form):
    govuk_mark_optional = True
    first_name = forms.CharField(
        label="First name", max_length=100, error_messages={"required": "Enter the first name"}
    )
    last_name = forms.CharField(
        label="Last name", max_length=100, error_messages={"required": "Enter the last name"}
    )
    used_until = end_date_field(
        "Used until", "The date they stopped using this name, if you know it"
    )


class CareEpisodeForm(forms.ModelForm):
    """An SSDA903 episode of care, with the DfE codes."""

    govuk_mark_optional = True
    start = GovukDateField(
        label="Date the episode started",
        not_in_future=True,
        help_text="DECOM in the SSDA903 return",
    )
    end = end_date_field(
        "Date the episode ceased", "DEC. Leave empty if the episode has not ended"
    )
    placement_provider = forms.ChoiceField(
        label="Placement provider",
        choices=[("", "No provider"), *coded(PLACE_PROVIDER)],
        required=False,
        help_text="Not needed for temporary placements (T0 to T3) or Z11 to Z14",
    )
    home_postcode = postcode_field("Home postcode", "Where they lived before this episode")
    placement_postcode = postcode_field("Placement postcode")
    # The episode's last-saved time when the form was opened, to refuse a stale save.
    last_modified = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CareEpisode
        fields = services.CARE_EPISODE_FIELDS
        widgets = {"urn": forms.TextInput(attrs={"class": "govuk-input--width-10"})}
        error_messages = {
            "reason_new_episode": {"required": "Select the reason for the new episode"},
            "legal_status": {"required": "Select the legal status"},
            "category_of_need": {"required": "Select the category of need"},
            "placement_type": {"required": "Select the placement type"},
        }
        labels = {
            "reason_new_episode": "Reason for new episode",
            "legal_status": "Legal status",
            "category_of_need": "Category of need",
            "placement_type": "Placement type",
            "placement_provider": "Placement provider",
            "reason_ended": "Reason the episode ceased",
            "reason_place_change": "Reason for the change of placement",
            "urn": "Ofsted URN",
        }
        help_texts = {
            "placement_provider": "Not needed for temporary placements (T0 to T3) or Z11 to Z14",
            "reason_ended": "Only when the episode has ceased",
            "urn": "For placements Ofsted registers, 7 characters",
        }

    def __init__(self, *args: Any, young_person: YoungPerson, **kwargs: Any) -> None:
        instance = kwargs.get("instance")
        if instance is not None:
            kwargs["instance"] = copy.copy(instance)
        super().__init__(*args, **kwargs)
        self.young_person = young_person
        _choices(self, "reason_new_episode").choices = [
            ("", "Select a reason"),
            *coded(dfe_codes.RNE),
        ]
        _choices(self, "legal_status").choices = [
            ("", "Select a legal status"),
            *coded(dfe_codes.LS),
        ]
        _choices(self, "category_of_need").choices = [
            ("", "Select a category"),
            *coded(dfe_codes.CIN),
        ]
        placements = coded(dfe_codes.PLACE)
        current = instance.placement_type if instance is not None else ""
        retired = dict(dfe_codes.PLACE_RETIRED)
        if current in retired:
            # A retired code stays selectable only on an episode that already uses it.
            placements.append((current, f"{current}: {retired[current]} (no longer used)"))
        _choices(self, "placement_type").choices = [("", "Select a placement type"), *placements]
        _choices(self, "reason_ended").choices = [("", "Not ended"), *coded(dfe_codes.REC)]
        _choices(self, "reason_place_change").choices = [
            ("", "Not a change of placement"),
            *coded(dfe_codes.REASON_PLACE_CHANGE),
        ]
        if instance is not None and not self.is_bound:
            self.initial["last_modified"] = instance.modified_at.isoformat()

    def validate_unique(self) -> None:
        # Overlaps and duplicate start dates are checked by the service, in its transaction.
        return

    def _get_validation_exclusions(self) -> set[str]:
        # clean() already says, next to the field, when an episode ends before it starts; the
        # model's check constraint would repeat it in words no one should have to read.
        return {*super()._get_validation_exclusions(), "end"}  # type: ignore[misc]

    clean_home_postcode = identifier_cleaner("home_postcode", validators.normalise_uk_postcode)
    clean_placement_postcode = identifier_cleaner(
        "placement_postcode", validators.normalise_uk_postcode
    )

    def clean_urn(self) -> str:
        value = (self.cleaned_data.get("urn") or "").strip().upper()
        if value and not (value.isdigit() or (value[:2] == "SC" and value[2:].isdigit())):
            raise forms.ValidationError(
                "Enter an Ofsted URN with 6 or 7 characters, like SC123456 or 1234567"
            )
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start < self.young_person.date_of_birth:
            self.add_error(
                "start", "The date the episode started must be after their date of birth"
            )
        if start and end and end < start:
            self.add_error(
                "end", "The date the episode ceased must be the same as or after the start date"
            )
        placement, provider = cleaned.get("placement_type"), cleaned.get("placement_provider")
        if placement in NO_PROVIDER_PLACEMENTS and provider:
            self.add_error(
                "placement_provider",
                f"Leave the placement provider empty for placement type {placement}",
            )
        elif placement and placement not in NO_PROVIDER_PLACEMENTS and not provider:
            self.add_error("placement_provider", "Select the placement provider")
        if end and not cleaned.get("reason_ended"):
            self.add_error("reason_ended", "Select the reason the episode ceased")
        if cleaned.get("reason_ended") and not end and "end" not in self.errors:
            self.add_error("end", "Enter the date the episode ceased, or remove the reason")
        return cleaned

    def episode_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}

    def last_modified_value(self) -> datetime.datetime | None:
        value = self.cleaned_data.get("last_modified") or ""
        try:
            return datetime.datetime.fromisoformat(value) if value else None
        except ValueError:
            return None


class _PeriodForm(forms.Form):
    """A time in their history, from `start` to `end` (empty while it goes on)."""

    govuk_mark_optional = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", "The date it ended must be the same as or after the start date")
        return cleaned


class HomePeriodForm(_PeriodForm):
    start = GovukDateField(label="Date they started living at home", not_in_future=True)
    end = end_date_field("Date it ended", "Leave empty if they still live there")
    notes = notes_field("Who they lived with", "For example, with their mother")


class AccommodatedPeriodForm(_PeriodForm):
    kind = forms.ChoiceField(
        label="How were they accommodated or fostered?",
        choices=ACCOMMODATED_KIND_CHOICES,
        widget=GovukRadioSelect,
    )
    start = GovukDateField(label="Date it started", not_in_future=True)
    end = end_date_field("Date it ended", "Leave empty if it has not ended")
    provider = forms.CharField(
        label="Who accommodated them",
        required=False,
        max_length=200,
        help_text="For example, the organisation, the hospital or the private foster carer",
    )
    notes = notes_field()


class CategoryQuestionForm(forms.Form):
    """A worker's decision on one question the category engine asks, with their reason."""

    reading = forms.ChoiceField(
        label="Which reading applies?",
        widget=GovukRadioSelect,
        error_messages={"required": "Choose which reading applies"},
    )
    reason = forms.CharField(
        label="Why",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text="What you know about their history that decides it, and any advice you had",
        error_messages={"required": "Enter why you chose this reading"},
    )

    def __init__(self, *args: Any, question: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reading = cast(forms.ChoiceField, self.fields["reading"])
        reading.choices = [
            (reading.key, f"{reading.words}: {reading.outcome}") for reading in question.readings
        ]


class SupportChoiceForm(forms.Form):
    govuk_mark_optional = True
    kind = radios(
        "What did they tell you?",
        SupportChoiceKind.choices,
        missing="Choose what they told you",
        widget=GovukRadioSelect,
    )
    told_on = GovukDateField(label="Date they told you", not_in_future=True)
    notes = notes_field()


class AboutMeForm(forms.Form):
    summary = forms.CharField(
        label="What they want workers to know",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=4000,
        help_text=(
            "Write it with them, in their words. A new worker reads this first, so they do not "
            "have to tell their story again."
        ),
        error_messages={"required": "Enter what they want workers to know"},
    )
    please_do_not_ask = forms.CharField(
        label="What they do not want to have to retell (optional)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def for_about_me(cls, about_me: AboutMe | None, data: Any = None) -> AboutMeForm:
        initial = {}
        if about_me is not None:
            initial = {
                "summary": about_me.summary,
                "please_do_not_ask": about_me.please_do_not_ask,
                "version": about_me.version,
            }
        return cls(data, initial=initial)


class AboutMeAgreeForm(forms.Form):
    agreed_on = GovukDateField(
        label="When did they agree it?",
        not_in_future=True,
        help_text="For example, 27 3 2026",
    )
    confirm = forms.BooleanField(
        label="They have read this about me, or had it read to them, and agree with it",
        error_messages={"required": "Confirm that they have read it and agree with it"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, about_me: AboutMe, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"agreed_on": timezone.localdate(), "version": about_me.version}
        )
        super().__init__(*args, **kwargs)


class RestrictionForm(ShortListForm):
    restricted = forms.TypedChoiceField(
        label="Should this record be restricted?",
        choices=YES_NO_BOOLEAN,
        coerce=lambda value: value in (True, "True"),
        widget=GovukRadioSelect(
            hints={
                True: "Only the staff named below can open it. Everyone else is refused, and "
                "each attempt is logged.",
                False: "Everyone whose role and team allow it can open it.",
            }
        ),
        error_messages={"required": "Select yes if this record should be restricted"},
    )
    reason = notes_field("Why", "For example, a member of staff is related to the young person")
    named_staff = RecordChoices(
        label="Staff who may open it",
        queryset=None,
        required=False,
        widget=GovukCheckboxSelectMultiple(attrs={"class": "govuk-checkboxes--small"}),
        help_text=(
            "Staff named now, and staff in their team and yours. The young person's allocated "
            "workers and you are always included. New workers are added when they are "
            "allocated."
        ),
        error_messages={
            "invalid_choice": "Select staff from the list: only staff who work with young "
            "people, or oversee that work, can be named",
        },
    )
    named_staff_search = search_box(noun="member of staff")

    def __init__(
        self, *args: Any, staff: Any, user: Any, team_id: int | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["named_staff"]
        field.queryset = staff  # type: ignore[attr-defined]
        field.label_from_instance = _staff_label  # type: ignore[attr-defined]
        self.offer_short_list(
            "named_staff",
            groups=[
                Group(label, Q(team_id=pk))
                for label, pk in (("Their team", team_id), ("Your team", user.team_id))
                if pk
            ],
            matching=every_word_in("first_name", "last_name"),
            noun="member of staff",
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("restricted") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Enter why this record is restricted")
        return cleaned


def _staff_label(user: Any) -> str:
    team = f", {user.team.name}" if user.team_id else ""
    return f"{user.get_full_name()}{(' – ' + user.job_title) if user.job_title else ''}{team}"


class SearchForm(forms.Form):
    """Find a young person. Every box is optional; all the ones filled in must match."""

    name = forms.CharField(
        label="Name",
        required=False,
        max_length=100,
        help_text="All or part of their first, last, preferred or previous name",
    )
    date_of_birth = GovukDateField(
        label="Date of birth", required=False, help_text="For example, 27 3 2007"
    )
    child_id = _short_search_box("Council child ID", max_length=10)
    nhs_number = _short_search_box("NHS number", max_length=14, spellcheck="false")

    clean_nhs_number = identifier_cleaner("nhs_number", validators.normalise_nhs_number)

    def criteria(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            "name": self.cleaned_data["name"].strip(),
            "date_of_birth": self.cleaned_data["date_of_birth"],
            "child_id": self.cleaned_data["child_id"].strip(),
            "nhs_number": self.cleaned_data["nhs_number"],
        }

    @property
    def searched(self) -> bool:
        return any(self.criteria().values())


class ChronologyFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label="Show",
        required=False,
        widget=GovukCheckboxSelectMultiple(attrs={"class": "govuk-checkboxes--small"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "kind").choices = [(s.kind, s.label) for s in sources()]  # type: ignore[attr-defined]

    def kinds(self) -> set[str]:
        if not self.is_bound or not self.is_valid():
            return set()
        return set(self.cleaned_data["kind"])
