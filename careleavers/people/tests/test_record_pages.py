"""Every page of every record, with every method, as the roles that matter: each request that
shows the record leaves exactly one audit event, and every other answer is a refusal.

The pages are the URL patterns whose view is declared with `record_page`, so a new page is
walked the day it is added; a URL under /young-people/<pk>/ that is not declared fails
`test_every_page_under_a_young_persons_address_is_a_record_page`. Each page's arguments come
from its case in the app's tests/url_access.py, in the world the URL and role test builds.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.test_url_access import SUPERUSER, _declared_cases
from careleavers.core.tests.test_url_access import world as world  # noqa: PLC0414 - fixture
from careleavers.people.record_page import RecordPage, declaration_of, declared_pages

METHODS = ("get", "head", "post", "options")
# Someone who works the case, a manager (who may do more with it), someone who only reads, and
# an administrator who is a Django superuser: refused everything, as every administrator is
# (the URL and role test checks every role's answer; this checks what each answer logs).
ROLES = (Role.PERSONAL_ADVISER, Role.HEAD_OF_SERVICE, Role.INSPECTOR, SUPERUSER)


def _patterns(patterns: list[Any], namespace: str = "", route: str = "") -> list[tuple]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            found += _patterns(pattern.url_patterns, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            found.append((name, route + str(pattern.pattern), pattern.callback))
    return found


def _record_pages() -> list[tuple[str, RecordPage]]:
    pages = []
    for name, _route, callback in _patterns(get_resolver().url_patterns):
        declaration = declaration_of(callback)
        if declaration is not None:
            pages.append((name, declaration))
    return sorted(pages, key=lambda page: page[0])


RECORD_PAGES = _record_pages()
CASES = {case.name: case for case in _declared_cases()}


def test_every_page_under_a_young_persons_address_is_a_record_page() -> None:
    undeclared = [
        name
        for name, route, callback in _patterns(get_resolver().url_patterns)
        if "young-people/<int:pk>/" in route and declaration_of(callback) is None
    ]
    assert not undeclared


def test_every_declared_page_has_an_address() -> None:
    routed = {id(page) for _, page in RECORD_PAGES}
    assert [page.key for page in declared_pages() if id(page) not in routed] == []


def test_the_walk_covers_every_app_with_record_pages() -> None:
    apps = {name.split(":")[0] for name, _ in RECORD_PAGES}
    assert {
        "people",
        "casework",
        "plans",
        "accommodation",
        "learning",
        "transitions",
        "offer",
        "quality",
        "portal",
        "dataprotection",
    } <= apps


APPS = sorted({name.split(":")[0] for name, _ in RECORD_PAGES})


def _walk(name: str, page: RecordPage, world: SimpleNamespace) -> list[str]:
    case = CASES[name]
    kwargs = case.kwargs(world) if case.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    found = page.subject.load(
        kwargs[page.subject.kwarg], **{other: kwargs[other] for other in page.subject.also}
    )
    young_person = page.subject.young_person_of(found)
    problems = []
    for role in ROLES:
        user = world.users[role]
        client = signed_in(user)
        for method in METHODS:
            before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            response = getattr(client, method)(url)
            status = response.status_code
            written = list(
                AuditEvent.objects.filter(pk__gt=before)
                .order_by("pk")
                .values_list("action", "young_person_id", "actor_id")
            )
            mine = [
                action
                for action, young_person_id, actor_id in written
                if young_person_id == young_person.pk and actor_id == user.pk
            ]
            views = [action for action in mine if action == AuditEvent.Action.VIEW]
            where = f"{role} {method.upper()} {name}: {status}, wrote {written}"
            declared = method.upper() in page.methods
            if status == 405:
                if declared or written:
                    problems.append(f"{where} (405 for a declared method, or wrote events)")
            elif not declared:
                problems.append(f"{where} (should be 405: it declares {sorted(page.methods)})")
            elif status == 200:
                if len(mine) != 1:
                    problems.append(f"{where} (a page shown must leave exactly one event)")
            elif status == 403:
                if mine != [AuditEvent.Action.ACCESS_REFUSED]:
                    problems.append(f"{where} (a refusal is logged once, and nothing else)")
            elif status in (301, 302, 303, 404):
                if views:
                    problems.append(f"{where} (a redirect or a 404 shows nothing: no view)")
            else:
                problems.append(f"{where} (unexpected answer)")
            if role == SUPERUSER and status == 200:
                problems.append(f"{where} (an administrator must not open a record)")
    return problems


# One test per app: building the world costs more than walking an app's pages in it.
@pytest.mark.parametrize("app", APPS)
def test_each_request_is_audited_once_or_refused(app: str, world: SimpleNamespace) -> None:
    problems = []
    for name, page in RECORD_PAGES:
        if name.split(":")[0] == app:
            problems += _walk(name, page, world)
    assert not problems, "\n".join(problems)
