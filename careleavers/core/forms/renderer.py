"""The project form renderer: every Django form renders GOV.UK Design System markup.

With `FORM_RENDERER = "careleavers.core.forms.renderer.GovukFormRenderer"`, `{{ form }}` renders
the GOV.UK error summary followed by each field, and `{{ form.field_name.as_field_group }}`
renders one field as a GOV.UK form group: label or legend, hint (from help_text), error message
and control, all tied together with `aria-describedby`. No template writes error markup by hand.

Conventions a form can rely on:

- The widget decides the component: text, email, password, tel, url, search and number inputs;
  textarea; select; radios (`RadioSelect`); checkboxes (`CheckboxSelectMultiple`, or a single
  `CheckboxInput`); file upload; and the GOV.UK date input (`GovukDateField`).
- Classes in a widget's `attrs["class"]` are added to the control (for example
  `govuk-input--width-10`), or for radios and checkboxes to the container (for example
  `govuk-radios--inline`, `govuk-checkboxes--small`).
- Number inputs render as `type="text"` with `inputmode="numeric"` (or "decimal"), because GOV.UK
  advises against `type="number"`: browsers change the value on scroll and read it out badly.
- A form may set `govuk_label_size` ("s" by default; "m", "l", "xl" or "" for regular text), and
  `govuk_mark_optional = True` to add "(optional)" to the labels of fields that are not required.
- Give each field GOV.UK error messages ("Enter their date of birth") through `error_messages`.
  Where a field keeps Django's "This field is required.", the templates say "Enter <label>" or
  "Select <label>" instead, so the error summary never lists the same bare sentence twice.
- Put `novalidate` on the `<form>` element, so the browser's own validation does not pre-empt
  the GOV.UK error messages.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting
from django.forms.utils import flatatt
from django.template import TemplateDoesNotExist
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from careleavers.core.forms.widgets import ERROR_PARTS_ATTR, GovukMultiPartInput, lower_first


@functools.cache
def _django_builtin_renderer() -> DjangoTemplates:
    return DjangoTemplates()


class GovukFormRenderer(TemplatesSetting):
    """Render forms with the project's GOV.UK templates, found through settings.TEMPLATES."""

    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"

    def get_template(self, template_name: str) -> Any:
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            # Django's own widget templates (hidden inputs, select options) live in
            # django/forms/templates, which the project engine sees only when "django.forms" is
            # in INSTALLED_APPS. Falling back keeps them working either way. Templates that
            # *include* one of them (the Django admin's split date and time widget) still need
            # "django.forms" installed, as Django documents for TemplatesSetting.
            return _django_builtin_renderer().get_template(template_name)

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name == _SELECT_TEMPLATE:
            fast = select_html(context["widget"])
            if fast is not None:
                return fast
        return str(super().render(template_name, context, request))


_SELECT_TEMPLATE = "django/forms/widgets/select.html"
_OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def select_html(widget: dict[str, Any]) -> SafeString | None:
    """Django's select and option templates, written out directly: the same markup, but a
    template included once per option made a choice of a national council's 556 teams cost
    45 to 90 ms a page. None when an option has a template of its own (then Django's are used)."""
    groups = widget["optgroups"]
    if any(
        option["template_name"] != _OPTION_TEMPLATE
        for _, options, _ in groups
        for option in options
    ):
        return None
    parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
    for group_name, options, _ in groups:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            parts.append(
                format_html(
                    # select_option.html ends with a new line, kept as Django keeps it.
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    _attrs(option["attrs"]),
                    option["label"],
                )
            )
        if group_name:
            parts.append(SafeString("\n  </optgroup>"))
    parts.append(SafeString("\n</select>"))
    return SafeString("".join(parts))


def _attrs(attrs: dict[str, Any]) -> SafeString:
    """As django/forms/widgets/attrs.html: True is the name alone, False leaves it out."""
    return SafeString(
        "".join(
            format_html(" {}", name)
            if value is True
            else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )


# Which GOV.UK component renders a field, chosen from its widget.
KIND_HIDDEN = "hidden"
KIND_INPUT = "input"
KIND_TEXTAREA = "textarea"
KIND_SELECT = "select"
KIND_FILE = "file"
KIND_CHECKBOX = "checkbox"
KIND_RADIOS = "radios"
KIND_CHECKBOXES = "checkboxes"
KIND_MULTIPART = "multipart"
KIND_FIELDSET = "fieldset"

# Kinds whose question is a legend on a fieldset rather than a label on a control.
FIELDSET_KINDS = frozenset({KIND_RADIOS, KIND_CHECKBOXES, KIND_MULTIPART, KIND_FIELDSET})

_CONTROL_CLASSES = {
    KIND_INPUT: ("govuk-input", "govuk-input--error"),
    KIND_TEXTAREA: ("govuk-textarea", "govuk-textarea--error"),
    KIND_SELECT: ("govuk-select", "govuk-select--error"),
    KIND_FILE: ("govuk-file-upload", "govuk-file-upload--error"),
}

_LABEL_SIZES = frozenset({"", "s", "m", "l", "xl"})


def widget_kind(widget: forms.Widget) -> str:
    """Name the GOV.UK component that renders this widget."""
    # Order matters: CheckboxSelectMultiple is a RadioSelect, and SelectMultiple is a Select.
    if widget.is_hidden:
        return KIND_HIDDEN
    if isinstance(widget, GovukMultiPartInput):
        return KIND_MULTIPART
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return KIND_CHECKBOXES
    if isinstance(widget, forms.RadioSelect):
        return KIND_RADIOS
    if isinstance(widget, forms.CheckboxInput):
        return KIND_CHECKBOX
    if isinstance(widget, forms.Select):
        return KIND_SELECT
    if isinstance(widget, forms.Textarea):
        return KIND_TEXTAREA
    if isinstance(widget, forms.FileInput):
        return KIND_FILE
    if getattr(widget, "use_fieldset", False):
        # Any other multi-part widget (SplitDateTimeWidget, SelectDateWidget) still gets a
        # fieldset and legend; it renders with its own template inside.
        return KIND_FIELDSET
    return KIND_INPUT


@dataclass(frozen=True)
class ChoiceItem:
    """One radio or checkbox, ready for the template."""

    id: str
    input_html: SafeString
    label: str
    hint: str
    hint_id: str


class GovukField:
    """Everything the GOV.UK field templates need to know about one bound field.

    Built once per bound field by `GovukField.of(bound_field)` (the `govuk_field` template
    filter), so the field template and the error summary agree on ids.
    """

    def __init__(self, bound_field: forms.BoundField) -> None:
        self.field = bound_field
        widget = bound_field.field.widget
        self.widget = widget
        self.kind = widget_kind(widget)
        self.id: str = widget.attrs.get("id") or bound_field.auto_id or ""
        self.errors: list[str] = [self._govuk_message(str(error)) for error in bound_field.errors]
        self.hint = bound_field.help_text
        self.hint_id = f"{self.id}-hint" if self.hint and self.id else ""
        self.error_id = f"{self.id}-error" if self.errors and self.id else ""
        self.described_by = " ".join(i for i in (self.hint_id, self.error_id) if i)
        self.is_fieldset = self.kind in FIELDSET_KINDS
        # GOV.UK's password input: a "Show" button, added by its JavaScript (without it the
        # button stays hidden and the box works as any password box).
        self.is_password = isinstance(widget, forms.PasswordInput)

    def _govuk_message(self, message: str) -> str:
        """Replace Django's bare "This field is required." with GOV.UK wording that names the
        question ("Enter full name", "Select area"). A form's own error_messages win, because
        their text differs; a label phrased as a question, or a single checkbox, keeps Django's
        text, since no sentence built from it would read well."""
        if message != str(forms.Field.default_error_messages["required"]):
            return message
        label = str(self.field.label or "").strip()
        if not label or label.endswith("?") or self.kind == KIND_CHECKBOX:
            return message
        choosing = self.kind in (KIND_RADIOS, KIND_CHECKBOXES, KIND_SELECT, KIND_FILE)
        words = gettext("Select %(question)s") if choosing else gettext("Enter %(question)s")
        return words % {"question": lower_first(label)}

    @classmethod
    def of(cls, bound_field: forms.BoundField) -> GovukField:
        # Cache on the bound field: the error summary and the field template both ask.
        cached = getattr(bound_field, "_govuk_field", None)
        if cached is None:
            cached = cls(bound_field)
            bound_field._govuk_field = cached  # type: ignore[attr-defined]
        return cached

    # Question text -------------------------------------------------------------------------

    @property
    def label(self) -> str:
        label = str(self.field.label or "")
        form = self.field.form
        if (
            getattr(form, "govuk_mark_optional", False)
            and not self.field.field.required
            and self.kind != KIND_CHECKBOX
            # some labels already say so
            and not label.endswith(("(optional)", gettext("(optional)")))
        ):
            label = gettext("%(label)s (optional)") % {"label": label}
        return label

    @property
    def label_for(self) -> str:
        return self.field.id_for_label or self.id

    @property
    def _size(self) -> str:
        size = getattr(self.field.form, "govuk_label_size", "s")
        return size if size in _LABEL_SIZES else "s"

    @property
    def label_classes(self) -> str:
        return f"govuk-label govuk-label--{self._size}" if self._size else "govuk-label"

    @property
    def legend_classes(self) -> str:
        base = "govuk-fieldset__legend"
        return f"{base} {base}--{self._size}" if self._size else base

    @property
    def fieldset_role(self) -> str:
        # GOV.UK gives a date input's fieldset role="group" so JAWS reads its hint; radios and
        # checkboxes must not have it, or screen readers repeat themselves.
        return "group" if self.kind in (KIND_MULTIPART, KIND_FIELDSET) else ""

    @property
    def extra_classes(self) -> str:
        return str(self.widget.attrs.get("class", ""))

    # Errors --------------------------------------------------------------------------------

    @functools.cached_property
    def error_parts(self) -> tuple[str, ...]:
        """For a date or time input: the parts (day, month, year…) that are wrong."""
        if self.kind != KIND_MULTIPART or not self.errors:
            return ()
        all_parts = tuple(self.widget.parts)  # type: ignore[attr-defined]
        errors = self.field.form.errors.as_data().get(self.field.name, [])
        parts: set[str] = set()
        for error in errors:
            named = (error.params or {}).get("parts") if isinstance(error.params, dict) else None
            if not named:
                # An error without named parts (from the form's clean()) is about the whole date.
                return all_parts
            parts.update(named)
        return tuple(part for part in all_parts if part in parts) or all_parts

    @property
    def error_target_id(self) -> str:
        """The id the error summary links to: the first control a user should correct."""
        if self.kind == KIND_MULTIPART:
            first = self.error_parts[0] if self.error_parts else self.widget.parts[0]  # type: ignore[attr-defined]
            return f"{self.id}-{first}" if self.id else ""
        if self.kind in (KIND_RADIOS, KIND_CHECKBOXES):
            items = self.items
            return items[0].id if items else self.id
        if self.kind == KIND_FIELDSET:
            return self.widget.id_for_label(self.id) or self.id
        return self.field.id_for_label or self.id

    # Controls ------------------------------------------------------------------------------

    def _control_attrs(self) -> dict[str, str | bool]:
        attrs: dict[str, str | bool] = {}
        if self.described_by:
            own = self.widget.attrs.get("aria-describedby")
            attrs["aria-describedby"] = f"{own} {self.described_by}" if own else self.described_by
        return attrs

    @functools.cached_property
    def control_html(self) -> SafeString:
        """The rendered control for single-control kinds and date inputs."""
        bound, widget = self.field, self.widget
        if self.kind == KIND_MULTIPART:
            parts: dict[str, str | bool] = {ERROR_PARTS_ATTR: " ".join(self.error_parts)}
            return bound.as_widget(attrs=parts)
        if self.kind == KIND_FIELDSET:
            return bound.as_widget()
        attrs = self._control_attrs()
        if self.kind == KIND_CHECKBOX:
            # Classes from the widget (govuk-checkboxes--small) go on the container instead.
            attrs["class"] = "govuk-checkboxes__input"
            return bound.as_widget(attrs=attrs)
        base, error = _CONTROL_CLASSES[self.kind]
        if self.is_password:
            base = _join(base, "govuk-password-input__input govuk-js-password-input-input")
            attrs.update({"spellcheck": "false", "autocapitalize": "none"})
        attrs["class"] = _join(base, self.extra_classes, error if self.errors else "")
        if isinstance(widget, forms.NumberInput):
            return bound.as_widget(widget=self._text_for_number(widget), attrs=attrs)
        if isinstance(widget, forms.EmailInput):
            attrs.setdefault("spellcheck", "false")
        return bound.as_widget(attrs=attrs)

    def _text_for_number(self, widget: forms.NumberInput) -> forms.TextInput:
        # DecimalField and FloatField are subclasses of IntegerField in Django.
        field = self.field.field
        whole_numbers = isinstance(field, forms.IntegerField) and not isinstance(
            field, (forms.DecimalField, forms.FloatField)
        )
        kept = {k: v for k, v in widget.attrs.items() if k not in ("min", "max", "step")}
        kept.setdefault("inputmode", "numeric" if whole_numbers else "decimal")
        kept.setdefault("spellcheck", "false")
        return forms.TextInput(attrs=kept)

    @functools.cached_property
    def items(self) -> list[ChoiceItem]:
        """The radios or checkboxes of a choice field."""
        hints: dict[str, str] = getattr(self.widget, "choice_hints", {}) or {}
        input_class = (
            "govuk-radios__input" if self.kind == KIND_RADIOS else "govuk-checkboxes__input"
        )
        items = []
        for subwidget in self.field.subwidgets:
            data = subwidget.data
            value = "" if data["value"] is None else str(data["value"])
            label = str(data["label"])
            if self.kind == KIND_RADIOS and value == "" and label == "---------":
                # Django's blank choice means nothing as a radio: not choosing one is the blank.
                continue
            item_id = str(data["attrs"].get("id", ""))
            hint = hints.get(value, "")
            hint_id = f"{item_id}-item-hint" if hint and item_id else ""
            attrs = {k: v for k, v in data["attrs"].items() if k != "class"}
            attrs.update(
                {
                    "class": input_class,
                    "type": data["type"],
                    "name": data["name"],
                    "value": value,
                    "checked": bool(data["selected"]),
                }
            )
            if hint_id:
                attrs["aria-describedby"] = hint_id
            items.append(
                ChoiceItem(
                    id=item_id,
                    input_html=format_html("<input{}>", flatatt(attrs)),
                    label=label,
                    hint=hint,
                    hint_id=hint_id,
                )
            )
        return items


def _join(*classes: str) -> str:
    return " ".join(c for c in classes if c)


def error_summary_items(form: forms.BaseForm, top_errors: Iterable[Any]) -> list[dict[str, str]]:
    """The error summary's list: errors about the whole form first (no link), then each field's
    errors in page order, each linking to the control to correct."""
    items = [{"text": str(error), "href": ""} for error in top_errors]
    for bound_field in form.visible_fields():
        govuk = GovukField.of(bound_field)
        for error in govuk.errors:
            target = govuk.error_target_id
            items.append({"text": error, "href": f"#{target}" if target else ""})
    return items
