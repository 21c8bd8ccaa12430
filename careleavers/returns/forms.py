"""Forms of the returns pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

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
            "Choose the return's CSV files (header, episodes, uasc and oc3 are used; other "
            "tables are listed as ignored) or one XML file."
        ),
        error_messages={"required": "Choose the return's CSV files or its XML file"},
    )
    year = forms.IntegerField(
        label="Collection year the files are for (optional)",
        help_text="The year it ends on 31 March, for example 2026. Leave it empty to use the "
        "year of the latest episode in the files.",
        required=False,
        min_value=2000,
        max_value=2100,
    )

    def clean_upload(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["upload"]
        names = [file.name or "" for file in files]
        if any(not name.lower().endswith((".csv", ".xml")) for name in names):
            raise forms.ValidationError("The files must be CSV files or one XML file")
        if any(name.lower().endswith(".xml") for name in names) and len(files) > 1:
            raise forms.ValidationError("Choose one XML file on its own, or CSV files")
        if sum(file.size or 0 for file in files) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The files must be smaller than 50MB together")
        return files
