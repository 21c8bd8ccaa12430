"""GOV.UK and MoJ components (the `govuk` template tags) and the page layouts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from careleavers.core.templatetags.govuk import govuk_date, govuk_datetime
from careleavers.core.tests.html_fragments import has_class, only, parse

HOSTILE = '<script>alert("x")</script>'
BRANDING = {
    "service_name": "Care leavers service",
    "council_name": "Anytown Council",
    "logo_url": "",
    "duty_phone": "01234 567 890",
    "out_of_hours_phone": "01234 999 999",
}


def render(source: str, **context: Any) -> str:
    return Template(source).render(Context(context))


def text(element: Any) -> str:
    return " ".join(element.text_content().split())


def assert_no_markup_injected(html: str) -> None:
    assert "<script>" not in html
    assert not parse(html).xpath("//script")


class TestSummaryList:
    def test_rows_with_values_and_a_change_link(self) -> None:
        rows = [
            {"key": "Name", "value": "Sam Taylor", "href": "/people/1/name/"},
            {"key": "Date of birth", "value": datetime.date(2007, 3, 9)},
        ]
        tree = parse(render("{% govuk_summary_list rows %}", rows=rows))
        summary = only(tree, f"//dl[{has_class('govuk-summary-list')}]")
        first, second = summary.xpath("./div")
        assert text(only(first, "./dt")) == "Name"
        assert text(only(first, f"./dd[{has_class('govuk-summary-list__value')}]")) == (
            "Sam Taylor"
        )
        link = only(first, ".//a")
        assert link.get("href") == "/people/1/name/"
        # The visually hidden text says what the link changes, for screen reader users.
        assert text(link) == "Change name"
        assert "govuk-summary-list__row--no-actions" in second.get("class")
        assert text(only(second, f"./dd[{has_class('govuk-summary-list__value')}]")) == (
            "9 March 2007"
        )

    @pytest.mark.parametrize("empty", [None, "", "   ", []])
    def test_empty_value_says_not_recorded(self, empty: Any) -> None:
        tree = parse(render("{% govuk_summary_list rows %}", rows=[{"key": "GP", "value": empty}]))
        value = only(tree, f"//dd[{has_class('govuk-summary-list__value')}]")
        assert text(value) == "Not recorded"

    def test_false_is_no_rather_than_not_recorded(self) -> None:
        tree = parse(
            render("{% govuk_summary_list rows %}", rows=[{"key": "Parent", "value": False}])
        )
        assert text(only(tree, f"//dd[{has_class('govuk-summary-list__value')}]")) == "No"

    def test_list_values_and_line_breaks(self) -> None:
        rows = [
            {"key": "Languages", "value": ["English", "Tigrinya"]},
            {"key": "Address", "value": "1 High Street\nAnytown"},
        ]
        tree = parse(render("{% govuk_summary_list rows %}", rows=rows))
        assert [text(li) for li in tree.xpath("//ul[@class='govuk-list']/li")] == [
            "English",
            "Tigrinya",
        ]
        assert len(tree.xpath("//dd//br")) == 1

    def test_card_has_a_title(self) -> None:
        html = render(
            '{% govuk_summary_list rows card_title="Contact details" %}',
            rows=[{"key": "Phone", "value": "07700 900000"}],
        )
        tree = parse(html)
        assert text(only(tree, f"//h2[{has_class('govuk-summary-card__title')}]")) == (
            "Contact details"
        )

    def test_hostile_values_are_escaped(self) -> None:
        html = render(
            "{% govuk_summary_list rows %}",
            rows=[{"key": HOSTILE, "value": f"{HOSTILE}\nline two", "href": "/x/"}],
        )
        assert_no_markup_injected(html)
        assert HOSTILE in text(parse(html))

    def test_safe_markup_such_as_a_tag_is_kept(self) -> None:
        tag = render('{% govuk_tag "Open" "green" %}')
        html = render("{% govuk_summary_list rows %}", rows=[{"key": "Status", "value": tag}])
        only(parse(html), f"//dd//strong[{has_class('govuk-tag--green')}]")


class TestTable:
    def test_caption_head_and_cells(self) -> None:
        html = render(
            '{% govuk_table head rows caption="Young people" first_cell_is_header=True %}',
            head=["Name", {"text": "Age", "format": "numeric"}],
            rows=[[{"text": "Sam", "href": "/people/1/"}, 19]],
        )
        tree = parse(html)
        table = only(tree, f"//table[{has_class('govuk-table')}]")
        assert table.get("data-module") is None
        assert text(only(table, "./caption")) == "Young people"
        assert "govuk-table__caption--m" in only(table, "./caption").get("class")
        headers = table.xpath(".//thead//th")
        assert [h.get("scope") for h in headers] == ["col", "col"]
        assert "govuk-table__header--numeric" in headers[1].get("class")
        row_header = only(table, ".//tbody//th")
        assert row_header.get("scope") == "row"
        assert only(row_header, "./a").get("href") == "/people/1/"
        age = only(table, ".//tbody//td")
        assert "govuk-table__cell--numeric" in age.get("class")
        assert text(age) == "19"

    def test_sortable_table_uses_moj_sortable_table(self) -> None:
        html = render(
            "{% govuk_table head rows sortable=True %}",
            head=[
                "Name",
                {"text": "Next visit", "sort": "ascending"},
                {"text": "Actions", "sortable": False},
            ],
            rows=[["Sam", datetime.date(2025, 4, 1), "View"]],
        )
        table = only(parse(html), "//table")
        assert table.get("data-module") == "moj-sortable-table"
        assert [th.get("aria-sort") for th in table.xpath(".//th")] == [
            "none",
            "ascending",
            None,
        ]
        # Dates sort by their ISO value, not their displayed text.
        date_cell = table.xpath(".//tbody//td")[1]
        assert date_cell.get("data-sort-value") == "2025-04-01"
        assert text(date_cell) == "1 April 2025"

    def test_a_wide_table_scrolls_in_a_named_region_that_takes_keyboard_focus(self) -> None:
        html = render(
            '{% govuk_table head rows caption="Duty log entries" scroll=True %}',
            head=["When", "Who"],
            rows=[["Today", "Sam"]],
        )
        region = only(parse(html), f"//div[{has_class('app-table-scroll')}]")
        assert region.get("role") == "region"
        assert region.get("aria-label") == "Duty log entries"
        assert region.get("tabindex") == "0"
        only(region, "./table")

    def test_a_table_does_not_scroll_in_its_own_box_unless_asked(self) -> None:
        html = render("{% govuk_table head rows %}", head=["Name"], rows=[["Sam"]])
        assert not parse(html).xpath(f"//div[{has_class('app-table-scroll')}]")

    def test_empty_table_can_show_a_message(self) -> None:
        html = render(
            '{% govuk_table head rows empty_text="No young people match." %}',
            head=["Name"],
            rows=[],
        )
        tree = parse(html)
        assert not tree.xpath("//table")
        assert text(only(tree, "//p")) == "No young people match."

    def test_hostile_cells_and_headers_are_escaped(self) -> None:
        html = render(
            "{% govuk_table head rows caption=caption %}",
            head=[HOSTILE],
            rows=[[HOSTILE], [{"text": HOSTILE, "href": "/x/"}]],
            caption=HOSTILE,
        )
        assert_no_markup_injected(html)


class TestTag:
    def test_colour_modifier(self) -> None:
        tag = only(parse(render('{% govuk_tag "Overdue" "red" %}')), "//strong")
        assert tag.get("class") == "govuk-tag govuk-tag--red"
        assert text(tag) == "Overdue"

    def test_unknown_colour_falls_back_to_the_default(self) -> None:
        tag = only(parse(render('{% govuk_tag "Open" "chartreuse" %}')), "//strong")
        assert tag.get("class") == "govuk-tag"

    def test_text_is_escaped(self) -> None:
        assert_no_markup_injected(render("{% govuk_tag value %}", value=HOSTILE))


class TestPagination:
    def render_page(self, number: int, query: str, count: int = 100) -> Any:
        page = Paginator(range(count), 10).get_page(number)
        request = RequestFactory().get(f"/people/?{query}")
        html = render("{% govuk_pagination page request %}", page=page, request=request)
        return parse(html) if html.strip() else None

    def test_links_keep_other_query_parameters(self) -> None:
        tree = self.render_page(5, "q=smith&status=open&status=closed&page=5")
        hrefs = [a.get("href") for a in tree.xpath("//a")]
        assert hrefs
        for href in hrefs:
            params = parse_qs(urlsplit(href).query)
            assert params["q"] == ["smith"]
            assert params["status"] == ["open", "closed"]
            assert len(params["page"]) == 1

    def test_previous_next_and_numbered_links(self) -> None:
        tree = self.render_page(5, "q=smith&page=5")
        nav = only(tree, f"//nav[{has_class('govuk-pagination')}]")
        assert nav.get("aria-label") == "Pagination"
        previous = only(nav, ".//a[@rel='prev']")
        assert parse_qs(urlsplit(previous.get("href")).query)["page"] == ["4"]
        following = only(nav, ".//a[@rel='next']")
        assert parse_qs(urlsplit(following.get("href")).query)["page"] == ["6"]
        items = nav.xpath(".//li")
        assert [text(li) for li in items] == ["1", "⋯", "4", "5", "6", "⋯", "10"]
        current = only(nav, ".//a[@aria-current='page']")
        assert text(current) == "5"
        assert "govuk-pagination__item--current" in current.getparent().get("class")

    def test_first_and_last_pages_have_no_previous_or_next(self) -> None:
        assert not self.render_page(1, "").xpath("//a[@rel='prev']")
        assert not self.render_page(10, "page=10").xpath("//a[@rel='next']")

    def test_a_single_page_needs_no_pagination(self) -> None:
        assert self.render_page(1, "", count=5) is None

    def test_request_is_taken_from_the_context_when_not_given(self) -> None:
        page = Paginator(range(30), 10).get_page(2)
        request = RequestFactory().get("/people/?area=north")
        html = render("{% govuk_pagination page %}", page=page, request=request)
        for href in (a.get("href") for a in parse(html).xpath("//a")):
            assert parse_qs(urlsplit(href).query)["area"] == ["north"]

    def test_hostile_query_parameters_are_encoded(self) -> None:
        tree = self.render_page(2, "q=%3Cscript%3E%22&page=2")
        for link in tree.xpath("//a"):
            assert "<" not in link.get("href")
            assert '"' not in link.get("href")
            assert parse_qs(urlsplit(link.get("href")).query)["q"] == ['<script>"']


class TestOtherComponents:
    def test_notification_banner_success(self) -> None:
        html = render('{% govuk_notification_banner "Contact recorded" type="success" %}')
        banner = only(parse(html), "//div[@data-module='govuk-notification-banner']")
        assert "govuk-notification-banner--success" in banner.get("class")
        assert banner.get("role") == "alert"
        title = only(banner, ".//h2")
        assert banner.get("aria-labelledby") == title.get("id")
        assert text(title) == "Success"

    def test_notification_banner_important(self) -> None:
        html = render("{% govuk_notification_banner text id_suffix=2 %}", text=HOSTILE)
        assert_no_markup_injected(html)
        banner = only(parse(html), "//div[@data-module='govuk-notification-banner']")
        assert banner.get("role") == "region"
        assert banner.get("aria-labelledby") == "govuk-notification-banner-title-2"
        assert text(only(banner, ".//h2")) == "Important"

    def test_back_link_and_breadcrumbs(self) -> None:
        back = only(parse(render('{% govuk_back_link "/people/" %}')), "//a")
        assert back.get("class") == "govuk-back-link"
        assert text(back) == "Back"
        crumbs = parse(
            render(
                "{% govuk_breadcrumbs items %}",
                items=[{"text": "Home", "href": "/"}, {"text": HOSTILE}],
            )
        )
        assert [a.get("href") for a in crumbs.xpath("//a")] == ["/"]
        assert only(crumbs, "//li[@aria-current='page']") is not None

    def test_sub_navigation_marks_the_current_page(self) -> None:
        items = [
            {"text": "Overview", "href": "/people/1/", "active": True},
            {"text": "Contacts", "href": "/people/1/contacts/", "active": False},
        ]
        tree = parse(render("{% govuk_sub_navigation items %}", items=items))
        nav = only(tree, f"//nav[{has_class('moj-sub-navigation')}]")
        assert nav.get("aria-label") == "Secondary navigation"
        links = nav.xpath(".//a")
        assert [link.get("aria-current") for link in links] == ["page", None]

    def test_timeline(self) -> None:
        when = datetime.datetime(2025, 1, 15, 14, 30, tzinfo=datetime.UTC)
        items = [
            {
                "title": "Visit recorded",
                "by": "Alex Jones",
                "datetime": when,
                "description": f"Saw Sam at home.\n{HOSTILE}",
            }
        ]
        html = render("{% govuk_timeline items %}", items=items)
        assert_no_markup_injected(html)
        tree = parse(html)
        only(tree, f"//div[{has_class('moj-timeline')}]")
        assert text(only(tree, "//h2")) == "Visit recorded"
        assert text(only(tree, f"//p[{has_class('moj-timeline__byline')}]")) == "by Alex Jones"
        time = only(tree, "//time")
        assert time.get("datetime") == "2025-01-15T14:30:00+00:00"
        assert text(time) == "15 January 2025 at 2:30pm"
        assert only(tree, "//div[@class='moj-timeline__description']//br") is not None

    def test_warning_inset_details_and_panel(self) -> None:
        warning = parse(render("{% govuk_warning_text value %}", value=HOSTILE))
        assert only(warning, "//span[@aria-hidden='true']").text == "!"
        assert "Warning" in text(only(warning, "//strong"))
        inset = only(parse(render('{% govuk_inset_text "Read this" %}')), "/div/div")
        assert inset.get("class") == "govuk-inset-text"
        details = only(parse(render('{% govuk_details "Help" "More" open=True %}')), "//details")
        assert details.get("open") is not None
        assert text(only(details, ".//summary")) == "Help"
        panel = parse(render('{% govuk_panel "Plan submitted" "Reference 123" %}'))
        assert text(only(panel, "//h1")) == "Plan submitted"
        for source in (
            "{% govuk_warning_text v %}",
            "{% govuk_inset_text v %}",
            "{% govuk_details v v %}",
            "{% govuk_panel v v %}",
        ):
            assert_no_markup_injected(render(source, v=HOSTILE))

    def test_buttons(self) -> None:
        link = only(parse(render('{% govuk_button "Add" href="/add/" %}')), "//a")
        assert link.get("role") == "button"
        assert link.get("class") == "govuk-button"
        button = only(
            parse(render('{% govuk_button "Delete" variant="warning" name="action" value="x" %}')),
            "//button",
        )
        assert button.get("type") == "submit"
        assert button.get("class") == "govuk-button govuk-button--warning"
        assert button.get("data-module") == "govuk-button"
        assert (button.get("name"), button.get("value")) == ("action", "x")
        secondary = only(
            parse(render('{% govuk_button "Cancel" variant="secondary" type="button" %}')),
            "//button",
        )
        assert secondary.get("type") == "button"
        assert "govuk-button--secondary" in secondary.get("class")
        assert_no_markup_injected(render("{% govuk_button v %}", v=HOSTILE))


class TestDateFilters:
    def test_govuk_date(self) -> None:
        assert govuk_date(datetime.date(2025, 4, 1)) == "1 April 2025"
        assert govuk_date(None) == ""

    @pytest.mark.parametrize(
        ("hour", "minute", "expected"),
        [(9, 0, "9am"), (17, 45, "5:45pm"), (12, 0, "midday"), (0, 0, "midnight")],
    )
    def test_govuk_datetime_in_uk_time(self, hour: int, minute: int, expected: str) -> None:
        # Stored in UTC, shown in UK time: 1 July is in British Summer Time.
        local = datetime.datetime(2025, 7, 1, hour, minute, tzinfo=ZoneInfo("Europe/London"))
        assert govuk_datetime(local.astimezone(datetime.UTC)) == f"1 July 2025 at {expected}"


@dataclass
class SignedInUser:
    first_name: str = "Alex"
    email: str = "alex@example.org"
    is_authenticated: bool = True

    def get_full_name(self) -> str:
        return f"{self.first_name} Jones"


class TestBaseLayout:
    def render_page(self, **context: Any) -> Any:
        request = RequestFactory().get("/")
        request.csp_nonce = "abc123"  # type: ignore[attr-defined]
        source = (
            '{% extends "layouts/base.html" %}{% block title %}Young people{% endblock %}'
            "{% block content %}<h1 class='govuk-heading-l'>Young people</h1>{% endblock %}"
        )
        html = Template(source).render(
            Context({"branding": BRANDING, "request": request, **context})
        )
        return lxml.html.document_fromstring(html), html

    def test_page_structure(self) -> None:
        doc, _html = self.render_page()
        assert doc.get("lang") == "en-GB"
        assert doc.get("class") == "govuk-template"
        assert doc.find("body").get("class") == "govuk-template__body"
        assert doc.findtext(".//title") == (
            "Young people – Care leavers service – Anytown Council"
        )
        skip = only(doc, f"//a[{has_class('govuk-skip-link')}]")
        assert skip.get("href") == "#main-content"
        main = only(doc, "//main")
        assert main.get("id") == "main-content"
        assert "govuk-main-wrapper" in main.get("class")
        assert text(only(doc, f"//*[{has_class('govuk-phase-banner__content__tag')}]")) == "Beta"

    def test_only_the_js_enabled_snippet_is_inline_and_it_has_the_nonce(self) -> None:
        doc, _html = self.render_page()
        scripts = doc.xpath("//script")
        inline = [s for s in scripts if not s.get("src")]
        assert len(inline) == 1
        assert inline[0].get("nonce") == "abc123"
        assert "govuk-frontend-supported" in inline[0].text
        module = only(doc, "//script[@src]")
        assert module.get("type") == "module"
        assert module.get("src").endswith("careleavers/js/application.mjs")
        stylesheet = only(doc, "//link[@rel='stylesheet']")
        assert stylesheet.get("href").endswith("careleavers/css/application.css")
        assert not doc.xpath("//*[@style]")

    def test_council_header_has_no_crown(self) -> None:
        doc, html = self.render_page()
        header = only(doc, "//header")
        assert "Anytown Council" in text(header)
        assert not header.xpath(".//svg")
        assert "govuk-crest" not in html
        assert "govuk-logo" not in html
        service = only(doc, f"//*[{has_class('govuk-service-navigation__service-name')}]//a")
        assert service.get("href") == "/"
        assert text(service) == "Care leavers service"

    def test_council_logo_when_configured(self) -> None:
        doc, _html = self.render_page(branding={**BRANDING, "logo_url": "/static/logo.svg"})
        logo = only(doc, "//header//img")
        assert logo.get("src") == "/static/logo.svg"
        assert logo.get("alt") == "Anytown Council"

    def test_service_navigation_items(self) -> None:
        doc, _html = self.render_page(
            nav_items=[
                {"text": "Work tray", "href": "/work/", "active": True},
                {"text": HOSTILE, "href": "/people/", "active": False},
            ]
        )
        links = doc.xpath("//nav[@aria-label='Menu']//a")
        assert [link.get("href") for link in links] == ["/work/", "/people/"]
        assert links[0].get("aria-current") == "true"
        assert links[1].get("aria-current") is None
        assert not doc.xpath("//body//script[not(@nonce)][not(@src)]")

    def test_signed_in_user_and_sign_out_form(self) -> None:
        doc, _html = self.render_page(user=SignedInUser())
        assert "Alex Jones" in text(only(doc, "//header"))
        form = only(doc, "//header//form")
        assert form.get("method") == "post"
        assert form.get("action").endswith("/logout/")
        assert text(only(form, ".//button")) == "Sign out"

    def test_signed_out_page_has_no_sign_out(self) -> None:
        doc, _html = self.render_page()
        assert not doc.xpath("//header//form")

    def test_footer_has_crisis_numbers_and_accessibility_link(self) -> None:
        doc, _html = self.render_page()
        footer = only(doc, "//footer")
        content = text(footer)
        assert "Need help now?" in content
        assert "Duty team: 01234 567 890" in content
        assert "Out of hours: 01234 999 999" in content
        phone_links = [a.get("href") for a in footer.xpath(".//a[starts-with(@href, 'tel:')]")]
        assert phone_links == ["tel:01234567890", "tel:01234999999"]
        accessibility = only(footer, ".//a[text()='Accessibility statement']")
        assert accessibility.get("href") == "/accessibility/"
        assert "Anytown Council" in content

    def test_title_says_error_when_the_form_has_errors(self) -> None:
        class NameForm(forms.Form):
            name = forms.CharField()

        doc, _html = self.render_page(form=NameForm({}))
        assert doc.findtext(".//title").startswith("Error: Young people")
        doc, _html = self.render_page(form=NameForm({"name": "Sam"}))
        assert doc.findtext(".//title").startswith("Young people")

    def test_messages_become_notification_banners(self) -> None:
        @dataclass
        class Message:
            message: str
            level_tag: str

            def __str__(self) -> str:
                return self.message

        doc, html = self.render_page(
            messages=[Message("Contact recorded", "success"), Message(HOSTILE, "info")]
        )
        banners = doc.xpath("//main//div[@data-module='govuk-notification-banner']")
        assert len(banners) == 2
        assert "govuk-notification-banner--success" in banners[0].get("class")
        assert banners[0].get("aria-labelledby") != banners[1].get("aria-labelledby")
        assert "<script>alert" not in html

    def test_portal_layout_has_no_staff_navigation_but_keeps_help(self) -> None:
        request = RequestFactory().get("/")
        source = (
            '{% extends "layouts/portal.html" %}{% block title %}Your plan{% endblock %}'
            "{% block portal_content %}<h1>Your plan</h1>{% endblock %}"
        )
        html = Template(source).render(
            Context(
                {
                    "branding": BRANDING,
                    "request": request,
                    "user": SignedInUser(),
                    "nav_items": [{"text": "Work tray", "href": "/work/", "active": False}],
                }
            )
        )
        doc = lxml.html.document_fromstring(html)
        assert not doc.xpath("//nav[@aria-label='Menu']")
        assert only(doc, "//header//form") is not None
        assert "app-portal" in only(doc, "//main").get("class")
        assert "Duty team: 01234 567 890" in text(only(doc, "//footer"))
        assert only(doc, "//main//h1").text == "Your plan"


def test_safe_strings_from_other_tags_are_not_double_escaped() -> None:
    value = mark_safe('<strong class="govuk-tag">Open</strong>')
    html = render("{% govuk_table head rows %}", head=["Status"], rows=[[value]])
    only(parse(html), "//td/strong")
