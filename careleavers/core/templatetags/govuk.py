"""GOV.UK Design System and MoJ components as Django template tags (library `govuk`).

Each tag is an inclusion tag over a partial in templates/govuk/components/, so the markup lives
in templates and the argument handling lives here. Every tag escapes what it is given; to pass
markup (for example a `govuk_tag` inside a summary list value), pass a string that is already
safe, such as the output of another tag. Never mark user data safe.

The library is a template builtin (settings.TEMPLATES), so templates need no `{% load govuk %}`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django import forms, template
from django.core.paginator import Page
from django.http import HttpRequest, QueryDict
from django.utils import dateformat, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from careleavers.core.dates import format_date
from careleavers.core.forms.renderer import GovukField, error_summary_items

register = template.Library()

EMPTY_VALUE_TEXT = gettext_lazy("Not recorded")

# GOV.UK Frontend 6 tag colours. Blue is the default and has no modifier class.
TAG_COLOURS = frozenset(
    {"grey", "green", "turquoise", "teal", "purple", "magenta", "pink", "red", "orange", "yellow"}
)
BUTTON_VARIANTS = frozenset({"secondary", "warning", "inverse"})
SORT_DIRECTIONS = frozenset({"ascending", "descending", "none"})


# Formatting ----------------------------------------------------------------------------------


def _in_english() -> bool:
    # Staff pages, and a young person's pages in English. The GOV.UK style guide's dates and
    # times are English; another language gets Django's translated month and day names.
    return (get_language() or "en").startswith("en")


def _format_time(value: datetime.datetime | datetime.time) -> str:
    # GOV.UK style: "9am", "5:30pm", "midday", "midnight"; the 24-hour clock in other languages.
    if not _in_english():
        return f"{value.hour:02d}:{value.minute:02d}"
    if value.hour == 12 and value.minute == 0:
        return "midday"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


@register.filter
def govuk_date(value: Any) -> str:
    """Format a date the GOV.UK way: "1 April 2025". Empty values give ""."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if isinstance(value, datetime.date):
        return format_date(value) if _in_english() else dateformat.format(value, "j F Y")
    return "" if value is None else str(value)


@register.filter
def govuk_datetime(value: Any) -> str:
    """Format a date and time the GOV.UK way: "1 April 2025 at 2:15pm" (UK local time)."""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        if _in_english():
            return f"{format_date(local.date())} at {_format_time(local)}"
        return gettext("%(day)s at %(time)s") % {
            "day": govuk_date(local.date()),
            "time": _format_time(local),
        }
    return govuk_date(value)


@register.filter
def govuk_day_datetime(value: datetime.datetime) -> str:
    """An appointment's time as people say it: "Tuesday 8 December 2026 at 2pm" (UK time)."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{govuk_weekday(local)} {govuk_datetime(local)}"


@register.filter
def govuk_weekday(value: datetime.date) -> str:
    """The day of the week: "Tuesday" (in the page's language)."""
    return f"{value:%A}" if _in_english() else dateformat.format(value, "l")


def govuk_day_date(value: datetime.date) -> str:
    """A day as people say it: "Tuesday 8 December 2026"."""
    return f"{govuk_weekday(value)} {govuk_date(value)}"


def _display(value: Any) -> SafeString:
    """Escape a value for display, formatting dates and keeping line breaks in plain text."""
    if isinstance(value, SafeData):
        return SafeString(value)
    if isinstance(value, bool):
        return SafeString(gettext("Yes") if value else gettext("No"))
    if isinstance(value, datetime.datetime):
        return conditional_escape(govuk_datetime(value))
    if isinstance(value, datetime.date):
        return conditional_escape(govuk_date(value))
    escaped = conditional_escape("" if value is None else str(value))
    # Addresses and notes keep their line breaks; escaping first means no markup gets through.
    return mark_safe(escaped.replace("\r\n", "\n").replace("\n", "<br>"))


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, frozenset)):
        return not value
    return False


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _sort_value(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


# Forms ---------------------------------------------------------------------------------------


@register.filter
def govuk_field(bound_field: forms.BoundField) -> GovukField:
    """What the GOV.UK field templates need about a bound field (ids, kind, control)."""
    return GovukField.of(bound_field)


@register.inclusion_tag("govuk/components/error_summary.html")
def govuk_error_summary(
    form: forms.BaseForm,
    top_errors: Iterable[str] | None = None,
    title: str = "",
) -> dict[str, Any]:
    """The GOV.UK error summary for a form. The form template already includes it; use this
    only to place a summary yourself, for example above two forms on one page."""
    errors = form.non_field_errors() if top_errors is None else top_errors
    return {
        "title": title or gettext("There is a problem"),
        "items": error_summary_items(form, errors) if form.errors else [],
    }


# Components ----------------------------------------------------------------------------------


@register.inclusion_tag("govuk/components/summary_list.html")
def govuk_summary_list(
    rows: Iterable[Mapping[str, Any]],
    card_title: str = "",
    heading_level: int = 2,
    classes: str = "",
    empty_text: Any = EMPTY_VALUE_TEXT,
) -> dict[str, Any]:
    """A summary list. Each row is a dict: key, value, and optionally `href` (a "Change" link),
    `action_text` (instead of "Change") and `action_hidden` (visually hidden text; defaults to
    the key in lower case). A list value shows as a list; an empty value shows `empty_text`."""
    prepared = []
    for row in rows:
        value = row.get("value")
        key = str(row.get("key", ""))
        prepared.append(
            {
                "key": key,
                "empty": _is_empty(value),
                "values": [_display(v) for v in value] if isinstance(value, (list, tuple)) else [],
                "value": None if isinstance(value, (list, tuple)) else _display(value),
                "href": row.get("href", ""),
                "action_text": row.get("action_text", gettext("Change")),
                "action_hidden": row.get("action_hidden", key[:1].lower() + key[1:]),
            }
        )
    return {
        "rows": prepared,
        "any_actions": any(row["href"] for row in prepared),
        "card_title": card_title,
        "heading_level": heading_level,
        "classes": classes,
        "empty_text": empty_text,
    }


def _cell(cell: Any) -> dict[str, Any]:
    if isinstance(cell, Mapping):
        text = cell.get("text", "")
        return {
            "text": _display(text),
            "href": cell.get("href", ""),
            "format": cell.get("format", ""),
            "sort_value": str(cell.get("sort_value", "") or _sort_value(text)),
            "classes": cell.get("classes", ""),
            "colspan": cell.get("colspan"),
        }
    return {
        "text": _display(cell),
        "href": "",
        "format": "numeric" if _is_number(cell) else "",
        "sort_value": _sort_value(cell),
        "classes": "",
        "colspan": None,
    }


@register.inclusion_tag("govuk/components/table.html")
def govuk_table(
    head: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    caption: str = "",
    caption_size: str = "m",
    sortable: bool = False,
    first_cell_is_header: bool = False,
    classes: str = "",
    empty_text: str = "",
    scroll: bool = False,
) -> dict[str, Any]:
    """A GOV.UK table. `head` is a list of strings or dicts (text, format "numeric", sort
    "ascending"/"descending"/"none", sortable False to exclude a column, href for a heading
    that sorts the list on the server). Each row is a list of
    cells: a value, or a dict (text, href for a link, format, sort_value, classes, colspan).
    `sortable=True` uses MoJ's sortable table; dates sort by their ISO value automatically.
    `scroll=True`, for a table with many or long columns, lets it scroll sideways inside its
    own box on a phone (`.app-table-scroll`) rather than run off the screen."""
    headers = []
    for item in head:
        spec: Mapping[str, Any] = item if isinstance(item, Mapping) else {"text": item}
        sort = spec.get("sort", "none")
        if sort not in SORT_DIRECTIONS:
            sort = "none"
        column_sortable = sortable and spec.get("sortable", True)
        headers.append(
            {
                "text": spec.get("text", ""),
                "format": spec.get("format", ""),
                "classes": spec.get("classes", ""),
                # A heading with a link sorts on the server (works without JavaScript); it
                # says which way the rows are sorted now.
                "href": spec.get("href", ""),
                "aria_sort": sort if column_sortable or spec.get("href") else "",
            }
        )
    body = [[_cell(cell) for cell in row] for row in rows]
    return {
        "headers": headers,
        "rows": body,
        "caption": caption,
        "caption_size": caption_size if caption_size in ("s", "m", "l", "xl") else "",
        "sortable": sortable,
        "first_cell_is_header": first_cell_is_header,
        "classes": classes,
        "empty_text": empty_text,
        "scroll": scroll,
    }


@register.simple_tag
def govuk_tag(text: Any, colour: str = "") -> SafeString:
    """A GOV.UK tag (status label). Colours: grey, green, turquoise, teal, purple, magenta,
    pink, red, orange, yellow; anything else is the default blue. The text carries the meaning,
    never the colour alone."""
    if colour in TAG_COLOURS:
        return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, text)
    return format_html('<strong class="govuk-tag">{}</strong>', text)


def _page_href(query: QueryDict, param: str, number: int) -> str:
    params = query.copy()
    params[param] = str(number)
    return "?" + params.urlencode()


def _page_numbers(current: int, last: int) -> list[int | None]:
    """First, last, and the pages either side of the current one; None marks a gap."""
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    numbers: list[int | None] = []
    for number in wanted:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


@register.inclusion_tag("govuk/components/pagination.html", takes_context=True)
def govuk_pagination(
    context: template.Context,
    page: Page,
    request: HttpRequest | None = None,
    param: str = "page",
    label: str = "Pagination",
) -> dict[str, Any]:
    """GOV.UK pagination for a Django Page. Links keep the request's other query parameters
    (filters, sort order), replacing only `param`. Renders nothing for a single page."""
    request = request or context.get("request")
    query = request.GET if request is not None else QueryDict()
    last = page.paginator.num_pages
    items: list[dict[str, Any]] = [
        {"ellipsis": True}
        if number is None
        else {
            "number": number,
            "href": _page_href(query, param, number),
            "current": number == page.number,
        }
        for number in _page_numbers(page.number, last)
    ]
    return {
        "show": last > 1,
        "label": label,
        "items": items,
        "previous_href": _page_href(query, param, page.previous_page_number())
        if page.has_previous()
        else "",
        "next_href": _page_href(query, param, page.next_page_number()) if page.has_next() else "",
    }


@register.inclusion_tag("govuk/components/notification_banner.html")
def govuk_notification_banner(
    text: Any,
    type: str = "",  # the GOV.UK component calls it "type"
    title: str = "",
    id_suffix: Any = "",
    heading_level: int = 2,
) -> dict[str, Any]:
    """A notification banner. `type="success"` makes the green success banner (role alert);
    otherwise it is an "Important" banner (role region). Give each banner on a page its own
    `id_suffix`, because the title id must be unique."""
    success = type == "success"
    title_id = "govuk-notification-banner-title" + (f"-{id_suffix}" if id_suffix != "" else "")
    return {
        "text": text,
        "success": success,
        "title": title or (gettext("Success") if success else gettext("Important")),
        "title_id": title_id,
        "heading_level": heading_level,
    }


@register.inclusion_tag("govuk/components/back_link.html")
def govuk_back_link(href: str, text: str = "") -> dict[str, Any]:
    """A back link, placed in the `before_content` block."""
    return {"href": href, "text": text or gettext("Back")}


@register.inclusion_tag("govuk/components/breadcrumbs.html")
def govuk_breadcrumbs(items: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Breadcrumbs: items of text and href, in the `before_content` block. An item without an
    href (the current page) is shown as text."""
    return {"items": list(items)}


@register.inclusion_tag("govuk/components/sub_navigation.html")
def govuk_sub_navigation(
    items: Iterable[Mapping[str, Any]], label: str = "Secondary navigation"
) -> dict[str, Any]:
    """MoJ sub navigation (tabs that are links): items of text, href and active."""
    return {"items": list(items), "label": label}


@register.inclusion_tag("govuk/components/timeline.html")
def govuk_timeline(items: Iterable[Mapping[str, Any]], heading_level: int = 2) -> dict[str, Any]:
    """MoJ timeline: items of title, by (who), datetime (date or datetime), description and an
    optional url (the title links there). Descriptions keep their line breaks."""
    prepared = []
    for item in items:
        when = item.get("datetime")
        if isinstance(when, datetime.datetime):
            stamp = (timezone.localtime(when) if timezone.is_aware(when) else when).isoformat()
        elif isinstance(when, datetime.date):
            stamp = when.isoformat()
        else:
            stamp = ""
        prepared.append(
            {
                "title": item.get("title", ""),
                "url": item.get("url", ""),
                "by": item.get("by", ""),
                "datetime": stamp,
                "display": govuk_datetime(when) if when else "",
                "description": _display(item.get("description", "")),
            }
        )
    return {"items": prepared, "heading_level": heading_level}


@register.inclusion_tag("govuk/components/warning_text.html")
def govuk_warning_text(text: Any, icon_fallback_text: str = "") -> dict[str, Any]:
    """Warning text with the "!" icon; the fallback text is read out by screen readers."""
    return {"text": text, "icon_fallback_text": icon_fallback_text or gettext("Warning")}


@register.inclusion_tag("govuk/components/inset_text.html")
def govuk_inset_text(text: Any) -> dict[str, Any]:
    """Inset text, for a quotation or something the reader should notice."""
    return {"text": _display(text)}


@register.inclusion_tag("govuk/components/details.html")
def govuk_details(summary: Any, text: Any, open: bool = False) -> dict[str, Any]:
    """A details (expandable) section. The text keeps its line breaks."""
    return {"summary": summary, "text": _display(text), "open": open}


@register.inclusion_tag("govuk/components/panel.html")
def govuk_panel(title: Any, text: Any = "", heading_level: int = 1) -> dict[str, Any]:
    """A confirmation panel, for the page after someone completes a task."""
    return {"title": title, "text": _display(text) if text else "", "heading_level": heading_level}


@register.inclusion_tag("govuk/components/button.html")
def govuk_button(
    text: Any,
    href: str = "",
    variant: str = "",
    type: str = "submit",  # named as the HTML attribute
    name: str = "",
    value: str = "",
    disabled: bool = False,
    prevent_double_click: bool = False,
    classes: str = "",
) -> dict[str, Any]:
    """A GOV.UK button: a link styled as a button when `href` is given, otherwise a <button>.
    Variants: secondary, warning, inverse. Use prevent_double_click on buttons that create
    something, so a double click does not submit twice."""
    css = ["govuk-button"]
    if variant in BUTTON_VARIANTS:
        css.append(f"govuk-button--{variant}")
    if classes:
        css.append(classes)
    return {
        "text": text,
        "href": href,
        "classes": " ".join(css),
        "type": type if type in ("submit", "button", "reset") else "submit",
        "name": name,
        "value": value,
        "disabled": disabled,
        "prevent_double_click": prevent_double_click,
    }
