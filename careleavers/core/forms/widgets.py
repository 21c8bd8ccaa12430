"""GOV.UK widgets and fields that Django does not provide: the date input and friends.

GOV.UK asks for dates as three separate boxes (day, month, year) rather than a date picker or a
single text box, and for errors that say exactly what is wrong ("Date of birth must include a
month"). `GovukDateField` with `GovukDateInput` does both and returns a `datetime.date`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_lazy

from careleavers.core.dates import format_date
from careleavers.core.past_days import is_after_today

# The parts of a date input, in the order they appear on the page. Their names suffix both the
# field name (`date_of_birth-day`) and the field id (`id_date_of_birth-day`), as GOV.UK does.
DATE_PARTS: tuple[str, str, str] = ("day", "month", "year")
TIME_PARTS: tuple[str, str] = ("hour", "minute")

# The parts as words in a message ("must include a month").
DATE_PART_NAMES = {
    "day": gettext_lazy("day"),
    "month": gettext_lazy("month"),
    "year": gettext_lazy("year"),
}

# Key in the attrs passed to a multi-part widget's render() that names the parts in error. It is
# removed before any attribute reaches the HTML.
ERROR_PARTS_ATTR = "_govuk_error_parts"


def lower_first(text: str) -> str:
    """Lower-case the first letter of a sentence subject, leaving acronyms such as "PEP" alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


# Subjects that name a day or a time read with "the" after "Enter": "Enter the date of the
# check", "Enter the start date", "Enter the last day of absence".
_NAMES_A_DAY = re.compile(r"^(date|time|day|last day|first day)\b|\bdate$")
_HAS_ITS_OWN = re.compile(r"^(the|a|an|your|their|his|her|my|its)\b")


def thing_to_enter(subject: str) -> str:
    """What "Enter ..." asks for, as a sentence says it. "Date of birth" stays bare, as in
    GOV.UK's own messages, and so does a subject with its own article or owner ("their date of
    birth"); English only, since a translated subject brings its own grammar."""
    lowered = lower_first(subject)
    english = (get_language() or "en").startswith("en")
    if (
        english
        and lowered != "date of birth"
        and _NAMES_A_DAY.search(lowered)
        and not _HAS_ITS_OWN.match(lowered)
    ):
        return f"the {lowered}"
    return lowered


def _join_parts(parts: Sequence[str]) -> str:
    """Join part names the GOV.UK way: "day", "day and month", "day, month and year"."""
    if len(parts) <= 1:
        return "".join(parts)
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


# GOV.UK's date pattern asks services to accept a month written as a word ("March", "mar",
# "Sept."), as people often type it that way; the numbers stay the documented form.
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def month_number(text: str) -> int | None:
    """The month a word names, in full or shortened to three or more letters ("Feb", "sept.",
    "DECEMBER"); None for anything else, including numbers."""
    word = text.strip().rstrip(".").lower()
    if len(word) < 3 or not word.isalpha():
        return None
    for number, name in enumerate(_MONTHS, start=1):
        if name.startswith(word):
            return number
    return None


class GovukMultiPartInput(forms.MultiWidget):
    """Several short text boxes inside one fieldset, as GOV.UK's date input.

    Sub-inputs are named and identified `<name>-<part>` and `<id>-<part>`. A field can tell the
    widget which parts are wrong through the `_govuk_error_parts` render attribute, so only those
    boxes get the red border (GOV.UK: highlight just the part with the problem).
    """

    template_name = "govuk/forms/widgets/date_input.html"
    parts: tuple[str, ...] = ()
    widths: Mapping[str, int] = {}
    labels: Mapping[str, Any] = {}

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in self.parts},
            attrs,
        )
        self.widgets_names = [f"-{part}" for part in self.parts]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        error_parts = set(str(attrs.pop(ERROR_PARTS_ATTR, "")).split())
        # aria-invalid belongs on the boxes that are wrong, not on every box in the group.
        attrs.pop("aria-invalid", None)
        # The fieldset carries aria-describedby; repeating it on each box would read it 3 times.
        attrs.pop("aria-describedby", None)
        # Classes given to the widget (govuk-date-input--…) belong on the container, not the boxes.
        extra_classes = attrs.pop("class", "") or self.attrs.get("class", "")
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        for part, subwidget in zip(self.parts, context["widget"]["subwidgets"], strict=True):
            sub_attrs = subwidget["attrs"]
            if id_:
                sub_attrs["id"] = f"{id_}-{part}"
            classes = [
                "govuk-input",
                "govuk-date-input__input",
                f"govuk-input--width-{self.widths[part]}",
            ]
            if part in error_parts:
                classes.append("govuk-input--error")
                sub_attrs["aria-invalid"] = "true"
            sub_attrs["class"] = " ".join(classes)
            # Staff enter other people's dates, so the browser must not offer their own.
            sub_attrs.setdefault("autocomplete", "off")
            subwidget["part"] = part
            subwidget["label"] = str(self.labels[part])
        context["widget"]["extra_classes"] = extra_classes
        return context

    def id_for_label(self, id_: str) -> str:
        # A label's `for` and the error summary link both go to the first box.
        return f"{id_}-{self.parts[0]}" if id_ else ""


class GovukDateInput(GovukMultiPartInput):
    """Day, month and year boxes (widths 2, 2 and 4) in a GOV.UK date input."""

    parts = DATE_PARTS
    widths = {"day": 2, "month": 2, "year": 4}
    labels = {
        "day": gettext_lazy("Day"),
        "month": gettext_lazy("Month"),
        "year": gettext_lazy("Year"),
    }

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        if isinstance(value, str) and value:
            try:
                parsed = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [str(parsed.day), str(parsed.month), str(parsed.year)]
        return [None, None, None]


class GovukTimeInput(GovukMultiPartInput):
    """Hour and minute boxes (24-hour clock), styled like the GOV.UK date input."""

    parts = TIME_PARTS
    widths = {"hour": 2, "minute": 2}
    labels = {"hour": gettext_lazy("Hour"), "minute": gettext_lazy("Minute")}

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, datetime.datetime):
            value = value.time()
        if isinstance(value, datetime.time):
            return [f"{value.hour:02d}", f"{value.minute:02d}"]
        return [None, None]


class _GovukMultiPartField(forms.Field):
    """Shared behaviour: the message subject comes from the label, or the field's name."""

    def __init__(self, *, subject: str | None = None, **kwargs: Any) -> None:
        # `subject` is the noun phrase that starts each error message ("Date of birth must
        # include a month"). It defaults to the label, which suits most questions.
        self.subject = subject
        self._name_subject: str | None = None
        super().__init__(**kwargs)

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> forms.BoundField:
        # A label is optional on a Django field, so remember the field's name as a fallback
        # subject for messages. Each form instance has its own copy of the field.
        self._name_subject = pretty_name(field_name)
        return super().get_bound_field(form, field_name)

    @property
    def message_subject(self) -> str:
        return (
            self.subject
            or (str(self.label) if self.label else None)
            or (self._name_subject or gettext("Date"))
        )

    def _message(self, code: str, **params: str) -> str:
        subject = self.message_subject
        return str(self.error_messages[code]) % {
            "subject": subject,
            "subject_lower": thing_to_enter(subject),
            **params,
        }

    def _error(self, message: str, code: str, parts: Iterable[str]) -> ValidationError:
        # `parts` tells the widget which boxes to highlight; see ERROR_PARTS_ATTR. The message is
        # already complete, and Django applies `message % params`, so a "%" must be doubled.
        return ValidationError(
            message.replace("%", "%%"), code=code, params={"parts": tuple(parts)}
        )

    @staticmethod
    def _split(value: Any, parts: Sequence[str]) -> dict[str, str]:
        if isinstance(value, Mapping):
            values = [value.get(part) for part in parts]
        elif isinstance(value, (list, tuple)):
            values = (list(value) + [None] * len(parts))[: len(parts)]
        else:
            values = [None] * len(parts)
        return {
            part: "" if v is None else str(v).strip()
            for part, v in zip(parts, values, strict=True)
        }


class GovukDateField(_GovukMultiPartField):
    """A date entered in a GOV.UK date input, cleaned to a `datetime.date`.

    Messages follow the GOV.UK date input guidance, for example:
    "Enter date of birth", "Date of birth must include a month",
    "Date of birth must be a real date", "Date of birth must be today or in the past".

    Options (all keyword-only):
        subject: the noun phrase that starts messages; defaults to the label.
        not_in_future: refuse dates after today (today is allowed).
        not_in_past: refuse dates before today (today is allowed).
        min_value / max_value: refuse dates outside these bounds (inclusive).
    """

    widget = GovukDateInput
    default_error_messages = {
        "required": gettext_lazy("Enter %(subject_lower)s"),
        "incomplete": gettext_lazy("%(subject)s must include a %(missing)s"),
        "invalid": gettext_lazy("%(subject)s must be a real date"),
        "year_length": gettext_lazy("%(subject)s must include a year with 4 numbers"),
        "future": gettext_lazy("%(subject)s must be today or in the past"),
        "past": gettext_lazy("%(subject)s must be today or in the future"),
        "min_value": gettext_lazy("%(subject)s must be the same as or after %(limit)s"),
        "max_value": gettext_lazy("%(subject)s must be the same as or before %(limit)s"),
    }

    def __init__(
        self,
        *,
        not_in_future: bool = False,
        not_in_past: bool = False,
        min_value: datetime.date | None = None,
        max_value: datetime.date | None = None,
        **kwargs: Any,
    ) -> None:
        self.not_in_future = not_in_future
        self.not_in_past = not_in_past
        self.min_value = min_value
        self.max_value = max_value
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            # An ISO date, as in a query string or an initial value.
            if not value.strip():
                return None
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                raise self._error(self._message("invalid"), "invalid", DATE_PARTS) from None
        entered = self._split(value, DATE_PARTS)
        if not any(entered.values()):
            return None
        missing = [part for part in DATE_PARTS if not entered[part]]
        if missing:
            raise self._error(
                self._message(
                    "incomplete",
                    missing=_join_parts([str(DATE_PART_NAMES[part]) for part in missing]),
                ),
                "incomplete",
                missing,
            )
        month = month_number(entered["month"])
        if month is not None:
            entered["month"] = str(month)
        not_numbers = [part for part in DATE_PARTS if not re.fullmatch(r"\d+", entered[part])]
        if not_numbers:
            raise self._error(self._message("invalid"), "invalid", not_numbers)
        if len(entered["year"]) != 4:
            raise self._error(self._message("year_length"), "year_length", ["year"])
        day, month, year = (int(entered[part]) for part in DATE_PARTS)
        if not 1 <= month <= 12:
            raise self._error(self._message("invalid"), "invalid", ["month"])
        try:
            return datetime.date(year, month, day)
        except ValueError:
            # The month is fine, so the day does not exist in it (31 April, 29 February 2025).
            raise self._error(self._message("invalid"), "invalid", ["day"]) from None

    def validate(self, value: datetime.date | None) -> None:
        if value is None:
            if self.required:
                raise self._error(self._message("required"), "required", DATE_PARTS)
            return
        # The service's own rule for a day recorded as past (core.past_days), here beside the
        # field; translated, as young people's forms use it too.
        if self.not_in_future and is_after_today(value):
            raise self._error(self._message("future"), "future", DATE_PARTS)
        if self.not_in_past and value < timezone.localdate():
            raise self._error(self._message("past"), "past", DATE_PARTS)
        if self.min_value and value < self.min_value:
            raise self._error(
                self._message("min_value", limit=format_date(self.min_value)),
                "min_value",
                DATE_PARTS,
            )
        if self.max_value and value > self.max_value:
            raise self._error(
                self._message("max_value", limit=format_date(self.max_value)),
                "max_value",
                DATE_PARTS,
            )

    def has_changed(self, initial: Any, data: Any) -> bool:
        if self.disabled:
            return False
        try:
            data_value = self.to_python(data)
        except ValidationError:
            return True
        try:
            initial_value = self.to_python(initial)
        except ValidationError:
            initial_value = None
        return initial_value != data_value


class GovukTimeField(_GovukMultiPartField):
    """A time of day entered as hour and minute (24-hour clock), cleaned to `datetime.time`."""

    widget = GovukTimeInput
    default_error_messages = {
        "required": "Enter %(subject_lower)s",
        "incomplete": "%(subject)s must include %(missing)s",
        "invalid": "%(subject)s must be a real time, for example 09:30 or 17:45",
    }

    def to_python(self, value: Any) -> datetime.time | None:
        if isinstance(value, datetime.time):
            return value
        entered = self._split(value, TIME_PARTS)
        if not any(entered.values()):
            return None
        missing = [part for part in TIME_PARTS if not entered[part]]
        if missing:
            names = {"hour": "an hour", "minute": "minutes"}
            raise self._error(
                self._message("incomplete", missing=_join_parts([names[m] for m in missing])),
                "incomplete",
                missing,
            )
        wrong = [
            part
            for part, limit in (("hour", 23), ("minute", 59))
            if not re.fullmatch(r"\d{1,2}", entered[part]) or int(entered[part]) > limit
        ]
        if wrong:
            raise self._error(self._message("invalid"), "invalid", wrong)
        return datetime.time(int(entered["hour"]), int(entered["minute"]))

    def validate(self, value: datetime.time | None) -> None:
        if value is None and self.required:
            raise self._error(self._message("required"), "required", TIME_PARTS)


class _ChoiceHints(forms.widgets.ChoiceWidget):
    """A hint under each choice, keyed by the choice's value (the templates look it up as a
    string, since that is how a value reaches the page)."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        choices: Any = (),
        *,
        hints: Mapping[Any, str | Promise] | None = None,
    ) -> None:
        super().__init__(attrs, choices)
        self.choice_hints = {str(key): value for key, value in (hints or {}).items()}


class GovukRadioSelect(_ChoiceHints, forms.RadioSelect):
    """Radios with an optional hint under each choice: `GovukRadioSelect(hints={value: text})`.
    A hint may be lazily translated (gettext_lazy), for a form on a young person's pages.

    A plain `forms.RadioSelect` renders as GOV.UK radios too; use this only for the hints.
    Classes in `attrs["class"]` go on the `govuk-radios` container (for example
    "govuk-radios--inline" or "govuk-radios--small").
    """


class GovukCheckboxSelectMultiple(_ChoiceHints, forms.CheckboxSelectMultiple):
    """Checkboxes with an optional hint under each choice, as `GovukRadioSelect`."""


class GovukSearchInput(forms.TextInput):
    """A text box with its own "Find" button, for narrowing a long list inside a bigger form
    without JavaScript: the button sends the whole form back, so nothing typed is lost, and the
    form answers with what matches. The form decides what a search means; this only draws it.
    """

    template_name = "govuk/forms/widgets/search_input.html"

    def __init__(
        self, attrs: dict[str, Any] | None = None, *, button: str = "Find", button_more: str = ""
    ) -> None:
        super().__init__({"spellcheck": "false", "autocomplete": "off", **(attrs or {})})
        self.button = button
        # Said to screen readers after the button's words, so two buttons never sound the same.
        self.button_more = button_more

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"].update({"button": self.button, "button_more": self.button_more})
        return context
