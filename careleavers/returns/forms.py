"""Forms of the returns pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from careleavers.core.forms.questions import radios, words
from careleavers.core.forms.widgets import GovukRadioSelect
from careleavers.people.models import ReportedCategoryCheck
from careleavers.returns import ssda903

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def year_choices(latest: int, count: int = 6) -> list[tuple[str, str]]:
    return [
        (str(year), ssda903.collection_year_label(year))
        for year in range(latest, latest - count, -1)
    ]


class YearForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Collection year",
        help_text="The return covers 1 April to 31 March.",
        coerce=int,
        choices=(),
    )

    def __init__(self, *args: Any, latest: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(latest)  # type: ignore[attr-defined]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    upload = MultipleFileField(
        label="903 files",
        help_text=(
            "Choose one year's CSV files (header, episodes, uasc and oc3 are used; other "
            "tables are listed as ignored), XML files (one a year, named by the year, for "
            "example 903-2025-26.xml), or a zip file with a folder for each year (2024-25, "
            "2025-26). Import every year you have: a year's files hold only the care episodes "
            "open in that year."
        ),
        error_messages={"required": "Choose the return's files"},
    )
    year = forms.IntegerField(
        label="Collection year, for one year's CSV files (optional)",
        help_text="The year it ends on 31 March, for example 2026. Leave it empty to use the "
        "year the file names give, or else the year of the latest episode in the files.",
        required=False,
        min_value=2000,
        max_value=2100,
    )

    def clean_upload(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["upload"]
        names = [(file.name or "").lower() for file in files]
        if any(not name.endswith((".csv", ".xml", ".zip")) for name in names):
            raise forms.ValidationError("The files must be CSV, XML or zip files")
        kinds = {name.rsplit(".", 1)[-1] for name in names}
        if len(kinds) > 1:
            raise forms.ValidationError(
                "Choose CSV files, or XML files, or one zip file: not a mixture"
            )
        if kinds == {"zip"} and len(files) > 1:
            raise forms.ValidationError("Choose one zip file")
        if sum(file.size or 0 for file in files) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The files must be smaller than 50MB together")
        return files


class CareHistoryCheckForm(forms.Form):
    outcome = radios(
        "What does their care history show?",
        ReportedCategoryCheck.choices,
        missing="Select what their care history shows",
        widget=GovukRadioSelect,
    )
    note = words(
        "What you checked and what you found",
        rows=4,
        missing="Enter what you checked and what you found",
        help_text="For example, the children's social care record of their care from 2016 "
        "to 2021.",
    )
