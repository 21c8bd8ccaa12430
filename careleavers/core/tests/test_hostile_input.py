"""Hostile input to every form in the service: never a server error, never a partial write.

Every page declared in the URL and role test is opened as a role allowed to see it; every form on
it that posts is filled by Hypothesis with hostile values (markup, SQL, control characters, very
long text, wrong choices, or now and then a valid choice) and submitted. The answer must not be a
server error, and unless the form was accepted (a redirect) no table may have changed: bad input
gets a message and changes nothing.
"""

from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careleavers.core.access import ANONYMOUS, OK, UrlCase
from careleavers.core.tests.test_url_access import _declared_cases
from careleavers.core.tests.test_url_access import world as world  # noqa: PLC0414  (fixture)

# Rows these tables gain on any request (audit of a page view, the session, lockout counters and
# the cache) are not writes by the form.
NOT_FORM_WRITES = ("core_auditevent", "django_session", "axes_", "careleavers_cache")

HOSTILE = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "",
            " ",
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "' OR '1'='1' --",
            "'; DROP TABLE people_youngperson; --",
            "\x00",
            "abc\x00def",
            "-1",
            "0",
            "99999999999999999999",
            "1e308",
            "NaN",
            "31",
            "2026-02-30",
            "٣",
            "😀" * 20,
            "a" * 5000,
            "../../etc/passwd",
            "{{ 7|add:7 }}",
            "%s%n",
        ]
    ),
)


class _Forms(HTMLParser):
    """The POST forms on a page: their action and each field's name and offered values."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._current: dict[str, Any] | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            if attributes.get("method", "get").lower() == "post":
                self._current = {"action": attributes.get("action", ""), "fields": {}}
                self.forms.append(self._current)
            return
        if self._current is None:
            return
        name = attributes.get("name", "")
        if tag in ("input", "textarea", "select") and name and name != "csrfmiddlewaretoken":
            kind = attributes.get("type", "text") if tag == "input" else tag
            field = self._current["fields"].setdefault(name, {"kind": kind, "options": []})
            if kind in ("radio", "checkbox", "hidden", "submit") and "value" in attributes:
                field["options"].append(attributes["value"])
            if tag == "select":
                self._select = name
        elif tag == "option" and self._select:
            self._current["fields"][self._select]["options"].append(attributes.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def _post_forms(html: str) -> list[dict[str, Any]]:
    parser = _Forms()
    parser.feed(html)
    return [form for form in parser.forms if form["fields"]]


def _table_counts() -> dict[str, int]:
    tables = [
        table
        for table in connection.introspection.table_names()
        if not table.startswith(NOT_FORM_WRITES)
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")  # noqa: S608  (table names from introspection)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _value(field: dict[str, Any]) -> st.SearchStrategy[Any]:
    if field["kind"] == "file":
        return st.just("")
    if field["options"]:
        return st.one_of(st.sampled_from(field["options"]), HOSTILE)
    return HOSTILE


def _form_pages() -> list[UrlCase]:
    return [
        case
        for case in _declared_cases()
        if case.method == "get"
        and any(outcome == OK for role, outcome in case.expect.items() if role != ANONYMOUS)
    ]


@pytest.mark.parametrize("case", _form_pages(), ids=lambda case: case.name)
def test_hostile_input_to_every_form_never_errors_or_half_writes(
    case: UrlCase, world: SimpleNamespace
) -> None:
    role = next(role for role, outcome in case.expect.items() if outcome == OK)
    client = Client(raise_request_exception=False)
    client.force_login(world.users[role])
    url = reverse(case.name, kwargs=case.kwargs(world) if case.kwargs else {})
    page = client.get(url, data=dict(case.data))
    assert page.status_code == 200
    if not page.get("Content-Type", "").startswith("text/html"):
        return  # a download (PDF, spreadsheet, chart): no forms in it
    forms = _post_forms(page.content.decode())
    if not forms:
        return

    @settings(
        max_examples=4,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def submit_hostile_values(data: st.DataObject) -> None:
        form = data.draw(st.sampled_from(forms))
        action = urljoin(url, form["action"] or url)
        if urlsplit(action).netloc not in ("", "testserver"):
            return
        values = {name: data.draw(_value(field)) for name, field in form["fields"].items()}
        before = _table_counts()
        response = client.post(action, values)
        assert response.status_code < 500, f"{action} answered {response.status_code}"
        if response.status_code not in (301, 302, 303):
            after = _table_counts()
            changed = {table for table in before if before[table] != after[table]}
            assert not changed, f"{action} refused the input but changed {sorted(changed)}"

    submit_hostile_values()
