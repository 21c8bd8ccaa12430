"""The project form renderer: Django forms come out as GOV.UK markup, errors and all."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django import forms
from django.utils import translation

from careleavers.core.forms.renderer import GovukFormRenderer
from careleavers.core.forms.widgets import (
    GovukCheckboxSelectMultiple,
    GovukDateField,
    GovukRadioSelect,
    GovukTimeField,
)
from careleavers.core.tests.html_fragments import has_class, only, parse

HOSTILE = '<script>alert("x")</script>'


def summary_links(tree: Any) -> list[tuple[str, str]]:
    return [
        (link.get("href"), link.text_content().strip())
        for link in tree.xpath(f"//div[{has_class('govuk-error-summary')}]//a")
    ]


class PersonForm(forms.Form):
    name = forms.CharField(
        label="Full name",
        help_text="As it appears on their birth certificate",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
        error_messages={"required": "Enter their full name"},
    )
    email = forms.EmailField(label="Email address", required=False)
    rent = forms.DecimalField(label="Weekly rent", required=False)
    visits = forms.IntegerField(label="Visits this year", required=False, min_value=0)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    area = forms.ChoiceField(
        label="Area", choices=[("", "Choose an area"), ("n", "North"), ("s", "South")]
    )
    status = forms.ChoiceField(
        label="Current status",
        choices=[("open", "Open"), ("closed", "Closed")],
        widget=GovukRadioSelect(hints={"closed": "No longer receiving a service"}),
        error_messages={"required": "Select the current status"},
    )
    needs = forms.MultipleChoiceField(
        label="Support needs",
        choices=[("housing", "Housing"), ("money", "Money")],
        widget=GovukCheckboxSelectMultiple(attrs={"class": "govuk-checkboxes--small"}),
        error_messages={"required": "Select at least one support need"},
    )
    consent = forms.BooleanField(
        label="They agree to share their information",
        help_text="Ask them before ticking this",
        error_messages={"required": "Confirm they agree to share their information"},
    )
    date_of_birth = GovukDateField(label="Date of birth", help_text="For example, 27 3 2007")
    record_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


VALID_DATA = {
    "name": "Sam Taylor",
    "area": "n",
    "status": "open",
    "needs": ["housing"],
    "consent": "on",
    "date_of_birth-day": "27",
    "date_of_birth-month": "3",
    "date_of_birth-year": "2007",
}


class TestRenderer:
    def test_forms_use_the_govuk_templates(self) -> None:
        renderer = GovukFormRenderer()
        assert renderer.form_template_name == "govuk/forms/form.html"
        assert renderer.field_template_name == "govuk/forms/field.html"
        assert isinstance(PersonForm().renderer, GovukFormRenderer)

    def test_django_builtin_widget_templates_are_still_found(self) -> None:
        renderer = GovukFormRenderer()
        assert renderer.get_template("django/forms/widgets/hidden.html") is not None

    def test_a_valid_or_unbound_form_has_no_error_summary(self) -> None:
        for form in (PersonForm(), PersonForm(VALID_DATA)):
            tree = parse(form.render())
            assert not tree.xpath(f"//*[{has_class('govuk-error-summary')}]")
            assert not tree.xpath(f"//*[{has_class('govuk-form-group--error')}]")

    def test_hidden_fields_are_rendered(self) -> None:
        tree = parse(PersonForm(initial={"record_version": 3}).render())
        hidden = only(tree, "//input[@name='record_version']")
        assert hidden.get("type") == "hidden"
        assert hidden.get("value") == "3"


class TestErrorSummary:
    def test_summary_is_an_alert_the_javascript_focuses(self) -> None:
        tree = parse(PersonForm({}).render())
        summary = only(tree, f"//div[{has_class('govuk-error-summary')}]")
        assert summary.get("data-module") == "govuk-error-summary"
        assert only(summary, ".//*[@role='alert']") is not None
        assert only(summary, ".//h2").text_content().strip() == "There is a problem"

    def test_summary_comes_before_the_fields(self) -> None:
        html = PersonForm({}).render()
        assert html.index("govuk-error-summary") < html.index('id="id_name"')

    def test_each_error_links_to_the_control_to_correct(self) -> None:
        tree = parse(PersonForm({}).render())
        assert summary_links(tree) == [
            ("#id_name", "Enter their full name"),
            ("#id_area", "Select area"),
            ("#id_status_0", "Select the current status"),
            ("#id_needs_0", "Select at least one support need"),
            ("#id_consent", "Confirm they agree to share their information"),
            ("#id_date_of_birth-day", "Enter date of birth"),
        ]

    def test_every_link_target_exists_on_the_page(self) -> None:
        tree = parse(PersonForm({}).render())
        for href, _text in summary_links(tree):
            only(tree, f"//*[@id='{href[1:]}']")

    def test_date_error_links_to_the_first_part_that_is_wrong(self) -> None:
        data = {**VALID_DATA, "date_of_birth-month": ""}
        tree = parse(PersonForm(data).render())
        assert summary_links(tree) == [
            ("#id_date_of_birth-month", "Date of birth must include a month")
        ]

    def test_errors_about_the_whole_form_are_listed_first_without_a_link(self) -> None:
        class StaleForm(PersonForm):
            def clean(self) -> dict[str, Any]:
                raise forms.ValidationError("Someone else changed this record. Check it again.")

        tree = parse(StaleForm(VALID_DATA).render())
        items = tree.xpath(f"//ul[{has_class('govuk-error-summary__list')}]/li")
        assert [item.text_content().strip() for item in items] == [
            "Someone else changed this record. Check it again."
        ]
        assert not items[0].xpath(".//a")

    def test_hidden_field_errors_are_listed_without_a_link(self) -> None:
        tree = parse(PersonForm({**VALID_DATA, "record_version": "x"}).render())
        item = only(tree, f"//ul[{has_class('govuk-error-summary__list')}]/li")
        assert "record_version" in item.text_content()
        assert not item.xpath(".//a")

    def test_django_required_message_names_the_question(self) -> None:
        class BareForm(forms.Form):
            pathway_plan_summary = forms.CharField(label="Plan summary")
            in_touch = forms.ChoiceField(
                label="Are you in touch?", choices=[("y", "Yes"), ("n", "No")]
            )

        tree = parse(BareForm({}).render())
        assert summary_links(tree) == [
            ("#id_pathway_plan_summary", "Enter plan summary"),
            ("#id_in_touch", "This field is required."),
        ]
        message = only(tree, "//p[@id='id_pathway_plan_summary-error']")
        assert message.text_content().strip() == "Error: Enter plan summary"

    def test_summary_can_be_placed_separately(self) -> None:
        from django.template import Context, Template

        html = Template("{% govuk_error_summary form %}").render(Context({"form": PersonForm({})}))
        assert ("#id_name", "Enter their full name") in summary_links(parse(html))


class TestTextInputs:
    def test_label_hint_and_input_are_tied_together(self) -> None:
        tree = parse(PersonForm().render())
        label = only(tree, "//label[@for='id_name']")
        assert label.text_content().strip() == "Full name"
        hint = only(tree, "//*[@id='id_name-hint']")
        assert hint.get("class") == "govuk-hint"
        control = only(tree, "//input[@id='id_name']")
        assert control.get("aria-describedby") == "id_name-hint"

    def test_error_message_is_described_and_styled(self) -> None:
        tree = parse(PersonForm({}).render())
        group = only(tree, "//input[@id='id_name']/parent::div")
        assert "govuk-form-group--error" in group.get("class")
        message = only(group, ".//p[@id='id_name-error']")
        assert message.get("class") == "govuk-error-message"
        hidden = only(message, "./span")
        assert hidden.get("class") == "govuk-visually-hidden"
        assert hidden.text == "Error:"
        assert message.text_content().strip() == "Error: Enter their full name"
        control = only(group, ".//input[@id='id_name']")
        assert control.get("aria-describedby") == "id_name-hint id_name-error"
        assert control.get("class").split() == [
            "govuk-input",
            "govuk-input--width-20",
            "govuk-input--error",
        ]

    def test_width_class_from_the_widget_is_kept(self) -> None:
        control = only(parse(PersonForm().render()), "//input[@id='id_name']")
        assert control.get("class").split() == ["govuk-input", "govuk-input--width-20"]

    def test_field_without_hint_or_error_has_no_describedby(self) -> None:
        control = only(parse(PersonForm().render()), "//input[@id='id_email']")
        assert control.get("aria-describedby") is None
        assert control.get("type") == "email"
        assert control.get("spellcheck") == "false"

    def test_numbers_are_text_inputs_with_a_numeric_keyboard(self) -> None:
        tree = parse(PersonForm().render())
        visits = only(tree, "//input[@id='id_visits']")
        assert visits.get("type") == "text"
        assert visits.get("inputmode") == "numeric"
        assert visits.get("min") is None
        rent = only(tree, "//input[@id='id_rent']")
        assert rent.get("inputmode") == "decimal"

    def test_textarea_and_select_get_their_govuk_classes(self) -> None:
        tree = parse(PersonForm({}).render())
        assert only(tree, "//textarea[@id='id_notes']").get("class") == "govuk-textarea"
        select = only(tree, "//select[@id='id_area']")
        assert select.get("class").split() == ["govuk-select", "govuk-select--error"]
        assert select.get("aria-describedby") == "id_area-error"
        assert only(tree, "//label[@for='id_area']") is not None

    def test_optional_fields_can_be_marked(self) -> None:
        class MarkedForm(PersonForm):
            govuk_mark_optional = True

        tree = parse(MarkedForm().render())
        assert only(tree, "//label[@for='id_email']").text_content().strip() == (
            "Email address (optional)"
        )
        assert only(tree, "//label[@for='id_name']").text_content().strip() == "Full name"

    def test_a_label_that_already_says_optional_says_it_once(self) -> None:
        class MarkedForm(PersonForm):
            govuk_mark_optional = True

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.fields["email"].label = "Email address (optional)"

        tree = parse(MarkedForm().render())
        assert only(tree, "//label[@for='id_email']").text_content().strip() == (
            "Email address (optional)"
        )


class TestRadiosAndCheckboxes:
    def test_radios_are_a_fieldset_with_a_legend(self) -> None:
        tree = parse(PersonForm({}).render())
        fieldset = only(tree, "//fieldset[.//input[@name='status']]")
        assert fieldset.get("role") is None
        legend = only(fieldset, "./legend")
        assert legend.text_content().strip() == "Current status"
        assert fieldset.get("aria-describedby") == "id_status-error"
        radios = only(fieldset, f".//div[{has_class('govuk-radios')}]")
        assert radios.get("data-module") == "govuk-radios"
        inputs = fieldset.xpath(".//input[@type='radio']")
        assert [i.get("id") for i in inputs] == ["id_status_0", "id_status_1"]
        for radio in inputs:
            assert radio.get("class") == "govuk-radios__input"
            only(fieldset, f".//label[@for='{radio.get('id')}']")

    def test_radio_choice_hint_is_described(self) -> None:
        tree = parse(PersonForm().render())
        closed = only(tree, "//input[@id='id_status_1']")
        assert closed.get("aria-describedby") == "id_status_1-item-hint"
        hint = only(tree, "//*[@id='id_status_1-item-hint']")
        assert hint.text_content().strip() == "No longer receiving a service"
        assert "govuk-radios__hint" in hint.get("class")

    def test_chosen_radio_is_checked_after_an_error(self) -> None:
        tree = parse(PersonForm({"status": "closed"}).render())
        assert only(tree, "//input[@id='id_status_1']").get("checked") is not None
        assert only(tree, "//input[@id='id_status_0']").get("checked") is None

    def test_checkbox_classes_go_on_the_container(self) -> None:
        tree = parse(PersonForm({"needs": ["money"]}).render())
        container = only(tree, "//div[.//input[@name='needs']][@data-module='govuk-checkboxes']")
        assert container.get("class").split() == ["govuk-checkboxes", "govuk-checkboxes--small"]
        money = only(tree, "//input[@id='id_needs_1']")
        assert money.get("class") == "govuk-checkboxes__input"
        assert money.get("checked") is not None

    def test_single_checkbox_has_a_label_not_a_legend(self) -> None:
        tree = parse(PersonForm({}).render())
        checkbox = only(tree, "//input[@id='id_consent']")
        assert checkbox.get("type") == "checkbox"
        assert checkbox.get("class") == "govuk-checkboxes__input"
        assert checkbox.get("aria-describedby") == "id_consent-hint id_consent-error"
        only(tree, "//label[@for='id_consent']")
        assert not tree.xpath("//fieldset[.//input[@id='id_consent']]")


class TestDateInput:
    def test_date_input_is_a_group_fieldset_with_three_labelled_boxes(self) -> None:
        tree = parse(PersonForm().render())
        fieldset = only(tree, "//fieldset[.//input[@name='date_of_birth-day']]")
        assert fieldset.get("role") == "group"
        assert fieldset.get("aria-describedby") == "id_date_of_birth-hint"
        assert only(fieldset, "./legend").text_content().strip() == "Date of birth"
        only(fieldset, f".//div[{has_class('govuk-date-input')}][@id='id_date_of_birth']")
        boxes = fieldset.xpath(".//input")
        assert [b.get("id") for b in boxes] == [
            "id_date_of_birth-day",
            "id_date_of_birth-month",
            "id_date_of_birth-year",
        ]
        assert [b.get("name") for b in boxes] == [
            "date_of_birth-day",
            "date_of_birth-month",
            "date_of_birth-year",
        ]
        widths = [b.get("class").split()[-1] for b in boxes]
        assert widths == ["govuk-input--width-2", "govuk-input--width-2", "govuk-input--width-4"]
        for box in boxes:
            assert box.get("inputmode") == "numeric"
            assert box.get("type") == "text"
            assert only(fieldset, f".//label[@for='{box.get('id')}']") is not None

    def test_only_the_wrong_part_is_highlighted(self) -> None:
        data = {**VALID_DATA, "date_of_birth-month": ""}
        tree = parse(PersonForm(data).render())
        day, month, year = tree.xpath("//fieldset[.//input[@name='date_of_birth-day']]//input")
        assert "govuk-input--error" in month.get("class")
        assert month.get("aria-invalid") == "true"
        assert "govuk-input--error" not in day.get("class")
        assert "govuk-input--error" not in year.get("class")
        assert day.get("value") == "27"

    def test_a_whole_date_error_highlights_every_part(self) -> None:
        class RangeForm(forms.Form):
            start = GovukDateField(label="Start date")

            def clean(self) -> dict[str, Any]:
                self.add_error("start", "Start date must be after the referral date")
                return self.cleaned_data

        data = {"start-day": "1", "start-month": "2", "start-year": "2024"}
        tree = parse(RangeForm(data).render())
        boxes = tree.xpath("//input")
        assert all("govuk-input--error" in box.get("class") for box in boxes)
        assert summary_links(tree) == [
            ("#id_start-day", "Start date must be after the referral date")
        ]

    def test_initial_date_fills_the_boxes(self) -> None:
        form = PersonForm(initial={"date_of_birth": datetime.date(2007, 3, 9)})
        tree = parse(form.render())
        values = [b.get("value") for b in tree.xpath("//input[starts-with(@name, 'date_of')]")]
        assert values == ["9", "3", "2007"]


class DateForm(forms.Form):
    date_of_birth = GovukDateField(label="Date of birth")


def clean_date(day: str, month: str, year: str, form_class: type = DateForm) -> Any:
    form = form_class(
        {"date_of_birth-day": day, "date_of_birth-month": month, "date_of_birth-year": year}
    )
    if form.is_valid():
        return form.cleaned_data["date_of_birth"]
    return form.errors["date_of_birth"]


class TestGovukDateField:
    def test_returns_a_date(self) -> None:
        assert clean_date("27", "3", "2007") == datetime.date(2007, 3, 27)

    def test_accepts_leading_zeros_and_spaces(self) -> None:
        assert clean_date(" 07 ", "03", "2007") == datetime.date(2007, 3, 7)

    def test_required_date_left_empty(self) -> None:
        assert clean_date("", "", "") == ["Enter date of birth"]

    @pytest.mark.parametrize(
        ("label", "message"),
        [
            # A review found "Enter date of the contact": a day or a time reads with "the".
            ("Date of the check", "Enter the date of the check"),
            ("Date they moved in", "Enter the date they moved in"),
            ("Start date", "Enter the start date"),
            ("Last day of absence", "Enter the last day of absence"),
            # GOV.UK's own example, and a subject that says whose it is, stay as written.
            ("Date of birth", "Enter date of birth"),
            ("Their first child's date of birth", "Enter their first child's date of birth"),
            ("The date of the review", "Enter the date of the review"),
        ],
    )
    def test_a_required_date_asks_for_it_as_a_sentence_would(
        self, label: str, message: str
    ) -> None:
        class DayForm(forms.Form):
            day = GovukDateField(label=label)

        form = DayForm(data={"day-day": "", "day-month": "", "day-year": ""})
        assert form.errors["day"] == [message]

    def test_a_translated_subject_keeps_its_own_grammar(self) -> None:
        class DayForm(forms.Form):
            day = GovukDateField(label="Date of the check")

        with translation.override("ar"):
            form = DayForm(data={"day-day": "", "day-month": "", "day-year": ""})
            assert "the date" not in form.errors["day"][0]

    def test_optional_date_left_empty_is_none(self) -> None:
        class OptionalForm(forms.Form):
            date_of_birth = GovukDateField(label="Date of birth", required=False)

        assert clean_date("", "", "", OptionalForm) is None

    @pytest.mark.parametrize(
        ("day", "month", "year", "message"),
        [
            ("27", "", "2007", "Date of birth must include a month"),
            ("", "3", "2007", "Date of birth must include a day"),
            ("27", "3", "", "Date of birth must include a year"),
            ("", "", "2007", "Date of birth must include a day and month"),
        ],
    )
    def test_missing_parts_are_named(self, day: str, month: str, year: str, message: str) -> None:
        assert clean_date(day, month, year) == [message]

    @pytest.mark.parametrize(
        ("day", "month", "year"),
        [
            ("31", "4", "2007"),
            ("29", "2", "2023"),
            ("1", "13", "2007"),
            ("0", "1", "2007"),
            ("one", "3", "2007"),
            ("1", "Marchy", "2007"),
            ("1", "ma", "2007"),
            ("31", "April", "2007"),
        ],
    )
    def test_impossible_dates_are_not_real(self, day: str, month: str, year: str) -> None:
        assert clean_date(day, month, year) == ["Date of birth must be a real date"]

    @pytest.mark.parametrize(
        ("month", "number"),
        [("March", 3), ("mar", 3), ("Sept.", 9), ("SEPTEMBER", 9), (" jun ", 6), ("dec", 12)],
    )
    def test_month_written_as_a_word_is_accepted(self, month: str, number: int) -> None:
        # GOV.UK's date pattern: people often type the month's name, in full or shortened.
        assert clean_date("1", month, "2007") == datetime.date(2007, number, 1)

    def test_29_february_in_a_leap_year_is_real(self) -> None:
        assert clean_date("29", "2", "2024") == datetime.date(2024, 2, 29)

    def test_year_needs_four_numbers(self) -> None:
        assert clean_date("1", "3", "07") == ["Date of birth must include a year with 4 numbers"]

    @time_machine.travel(datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
    def test_not_in_future(self) -> None:
        class PastForm(forms.Form):
            date_of_birth = GovukDateField(label="Date of birth", not_in_future=True)

        assert clean_date("1", "6", "2025", PastForm) == datetime.date(2025, 6, 1)
        assert clean_date("2", "6", "2025", PastForm) == [
            "Date of birth must be today or in the past"
        ]

    @time_machine.travel(datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
    def test_not_in_past(self) -> None:
        class FutureForm(forms.Form):
            date_of_birth = GovukDateField(label="Review date", not_in_past=True)

        assert clean_date("31", "5", "2025", FutureForm) == [
            "Review date must be today or in the future"
        ]

    def test_minimum_and_maximum(self) -> None:
        class BoundedForm(forms.Form):
            date_of_birth = GovukDateField(
                label="Date of birth",
                min_value=datetime.date(2000, 1, 1),
                max_value=datetime.date(2010, 12, 31),
            )

        assert clean_date("31", "12", "1999", BoundedForm) == [
            "Date of birth must be the same as or after 1 January 2000"
        ]
        assert clean_date("1", "1", "2011", BoundedForm) == [
            "Date of birth must be the same as or before 31 December 2010"
        ]

    def test_subject_defaults_to_the_field_name_without_a_label(self) -> None:
        class UnlabelledForm(forms.Form):
            date_of_birth = GovukDateField()

        assert clean_date("1", "", "2000", UnlabelledForm) == [
            "Date of birth must include a month"
        ]

    def test_subject_can_be_set_for_the_messages(self) -> None:
        class FilterForm(forms.Form):
            date_of_birth = GovukDateField(label="From", subject="The ‘from’ date")

        assert clean_date("", "", "", FilterForm) == ["Enter the ‘from’ date"]

    def test_percent_signs_in_a_label_do_not_break_messages(self) -> None:
        class OddForm(forms.Form):
            date_of_birth = GovukDateField(label="Date 100% confirmed")

        assert clean_date("1", "", "2000", OddForm) == ["Date 100% confirmed must include a month"]

    def test_unchanged_date_is_not_a_change(self) -> None:
        form = DateForm(
            {"date_of_birth-day": "7", "date_of_birth-month": "03", "date_of_birth-year": "2007"},
            initial={"date_of_birth": datetime.date(2007, 3, 7)},
        )
        assert not form.has_changed()


class TestGovukTimeField:
    class VisitForm(forms.Form):
        time = GovukTimeField(label="Time of visit")

    def test_returns_a_time(self) -> None:
        form = self.VisitForm({"time-hour": "14", "time-minute": "05"})
        assert form.is_valid()
        assert form.cleaned_data["time"] == datetime.time(14, 5)

    def test_impossible_time(self) -> None:
        form = self.VisitForm({"time-hour": "25", "time-minute": "00"})
        assert form.errors["time"] == [
            "Time of visit must be a real time, for example 09:30 or 17:45"
        ]

    def test_missing_minutes(self) -> None:
        form = self.VisitForm({"time-hour": "9", "time-minute": ""})
        assert form.errors["time"] == ["Time of visit must include minutes"]
        tree = parse(form.render())
        assert summary_links(tree) == [("#id_time-minute", "Time of visit must include minutes")]


class TestEscaping:
    def test_hostile_values_labels_hints_and_errors_are_escaped(self) -> None:
        class HostileForm(forms.Form):
            name = forms.CharField(label=HOSTILE, help_text=HOSTILE, max_length=3)
            area = forms.ChoiceField(label="Area", choices=[(HOSTILE, HOSTILE), ("n", "North")])
            status = forms.ChoiceField(
                label="Status", choices=[("a", HOSTILE)], widget=forms.RadioSelect
            )

        html = HostileForm({"name": HOSTILE, "area": "<img src=x onerror=alert(1)>"}).render()
        assert "<script>" not in html
        assert "<img" not in html
        tree = parse(html)
        assert not tree.xpath("//script")
        assert not tree.xpath("//img")
        assert only(tree, "//input[@id='id_name']").get("value") == HOSTILE
        assert only(tree, "//label[@for='id_name']").text_content().strip() == HOSTILE
        # Django's "invalid choice" message repeats what was submitted; it must stay text.
        assert any("onerror" in text for _href, text in summary_links(tree))


class _Choosing(forms.Form):
    team = forms.ChoiceField(
        choices=[("", "Any team"), (1, "North & East"), (2, HOSTILE), (None, "Unknown")]
    )
    grouped = forms.ChoiceField(
        choices=[("Area teams", [("n", "North"), ("s", "South")]), ("x", 'Other "team"')],
        required=False,
    )
    several = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B"), ("c", "C")],
        widget=forms.SelectMultiple(attrs={"class": "govuk-!-width-full", "disabled": False}),
        required=False,
    )
    known = forms.NullBooleanField(required=False)


@pytest.mark.parametrize("data", [None, {"team": "2", "grouped": "s", "several": ["a", "c"]}])
def test_selects_are_written_exactly_as_djangos_templates_write_them(data) -> None:
    """The renderer writes selects directly, for speed; the markup must be Django's own, for
    every kind of select, chosen values, option groups and hostile labels."""
    from django.forms.renderers import DjangoTemplates

    form = _Choosing(data)
    for name in ("team", "grouped", "several", "known"):
        bound = form[name]
        fast = bound.as_widget()
        form.renderer = DjangoTemplates()
        assert fast == bound.as_widget(), name
        form.renderer = GovukFormRenderer()
    assert HOSTILE not in str(form["team"].as_widget())


def test_a_select_with_its_own_option_template_is_left_to_django() -> None:
    from careleavers.core.forms.renderer import select_html

    class Marked(forms.Select):
        option_template_name = "django/forms/widgets/attrs.html"

    widget = Marked(choices=[("a", "A")]).get_context("pick", "a", {})["widget"]
    assert select_html(widget) is None
