"""Forms for insight. They parse input; the services hold the rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from careleavers.core.forms.questions import optional_words
from careleavers.core.forms.widgets import GovukDateField, GovukRadioSelect
from careleavers.insight.drilldown import ADVISER_NAME_LENGTH
from careleavers.insight.indicators import AVERAGE, MONEY, PERCENT, Indicator
from careleavers.insight.models import BenchmarkKind

# A DfE extract is about 1 MB; anything much larger is not the right file.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class TeamChoiceForm(forms.Form):
    team: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Which team?",
        queryset=None,  # type: ignore[arg-type]
        empty_label="Choose a team",
        error_messages={"required": "Choose a team", "invalid_choice": "Choose a team"},
    )

    def __init__(self, *args: Any, teams: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


def _hint(indicator: Indicator) -> str:
    return {
        PERCENT: "A percentage, for example 85. ",
        AVERAGE: "In days, for example 28. ",
        MONEY: "In pounds, for example 250000. ",
    }.get(indicator.unit, "A number. ") + (
        "Higher is better."
        if indicator.higher_is_better
        else "Lower is better."
        if indicator.higher_is_better is False
        else ""
    )


class TargetForm(forms.Form):
    value = forms.DecimalField(
        label="Target",
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the target",
            "invalid": "The target must be a number, like 85 or 12.5",
            "min_value": "The target cannot be less than 0",
            "max_digits": "The target is too long",
            "max_decimal_places": "The target can have at most 2 decimal places",
        },
    )
    effective_from = GovukDateField(
        label="In force from", subject="The date the target is in force from"
    )
    note = optional_words("Why this target (optional)", rows=3)

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].help_text = _hint(indicator)
        if indicator.unit == PERCENT:
            self.fields["value"].max_value = Decimal(100)  # type: ignore[attr-defined]
            self.fields["value"].validators.append(_at_most_100)


def _at_most_100(value: Decimal) -> None:
    if value is not None and value > 100:
        raise forms.ValidationError("A percentage target must be 100 or less")


class BenchmarkUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is in the file?",
        choices=BenchmarkKind.choices,
        widget=GovukRadioSelect(
            hints={
                BenchmarkKind.FIGURES: "Columns measure, year, area, la_number, region, value "
                "(like care-leavers-lait.csv). It replaces every figure.",
                BenchmarkKind.NEIGHBOURS: "Columns la_number, la_name, sn1 to sn10 and "
                "sn1_closeness to sn10_closeness. It replaces every council's neighbours.",
            }
        ),
        error_messages={"required": "Choose what is in the file"},
    )
    file = forms.FileField(
        label="The CSV file",
        help_text="Saved as CSV (UTF-8). Nothing changes unless every row is right.",
        error_messages={"required": "Choose a CSV file", "empty": "The file is empty"},
    )
    source = forms.CharField(
        label="Where the figures come from",
        help_text="The DfE release and date, for example: LAIT, December 2026 release.",
        error_messages={"required": "Enter where the figures come from"},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 10 MB")
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file")
        return upload


class DrilldownFilterForm(forms.Form):
    """Narrow a drill-down list by its young people's personal adviser (all or part of their
    name, or those with none) and, for a list of young people (`visits`), to overdue visits: a
    GET form, so it works without JavaScript and the address can be bookmarked. The chosen
    sort order and which list (counted or not) travel as hidden fields.

    The adviser is typed, not chosen from a list: the service's list has thousands of advisers,
    too many to choose from (and finding them all cost the page half a second)."""

    adviser_name = forms.CharField(
        label="Personal adviser",
        help_text="All or part of their name",
        required=False,
        max_length=ADVISER_NAME_LENGTH,
        # A name's width, and no spelling marks or remembered entries under a colleague's name.
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-20", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    no_adviser = forms.BooleanField(label="Only those with no personal adviser", required=False)
    overdue = forms.BooleanField(label="Only those whose visit is overdue", required=False)

    def __init__(self, *args: Any, visits: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not visits:
            # Records keep the due dates their indicator counts; no visit is due on them.
            del self.fields["overdue"]
