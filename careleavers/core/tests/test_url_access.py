"""Every URL, every role: the answer each gets is the one the apps declare.

Beyond one user of each role in the world's team, it asks as a superuser made the way
`manage.py createsuperuser` makes one (who gets what an administrator gets, never a young
person's record) and as a personal adviser and a team manager of another team (refused the
world team's records: see `expect(team_record=...)` in core/access.py).

Apps declare their URLs in `<app>/tests/url_access.py` (`CASES`, and optionally
`extend_world(world)` to create the objects their URLs need). A URL pattern without a declared
case fails `test_every_url_is_declared`.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.access import (
    ALL_ROLES,
    ANONYMOUS,
    EVERYONE,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    OTHER_TEAM,
    REDIRECT,
    SUPERUSER,
    UrlCase,
)

# The Django admin is one case (its index): only administrators reach any of it, which the
# admin site enforces for all its pages through `is_staff`.
SKIPPED_NAMESPACES = ("admin",)


def _app_access_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("careleavers."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.tests.url_access"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.url_access":
                raise
    return modules


def _declared_cases() -> list[UrlCase]:
    return [case for module in _app_access_modules() for case in module.CASES]


def _redirects_to_a_named_page(pattern: URLPattern) -> bool:
    """allauth keeps a few old addresses (social/...) that only redirect to a named page; that
    page has its own case, and the redirect itself shows nothing."""
    from django.views.generic.base import RedirectView

    view_class = getattr(pattern.callback, "view_class", None)
    initkwargs = getattr(pattern.callback, "view_initkwargs", {})
    return view_class is RedirectView and bool(initkwargs.get("pattern_name"))


def _url_names(patterns: list[Any], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            if inner.split(":")[0] in SKIPPED_NAMESPACES:
                names.add(f"{inner}:index")
                continue
            names |= _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            if _redirects_to_a_named_page(pattern):
                continue
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_url_is_declared() -> None:
    declared = [case.name for case in _declared_cases()]
    assert len(declared) == len(set(declared)), "A URL is declared twice"
    missing = _url_names(get_resolver().url_patterns) - set(declared)
    assert not missing, f"URLs with no access case: {sorted(missing)}"


def test_every_case_covers_every_role() -> None:
    for case in _declared_cases():
        assert set(case.expect) == set(EVERYONE), f"{case.name} does not cover every role"


@pytest.fixture
def world(db: None) -> SimpleNamespace:
    return build_world()


def build_world() -> SimpleNamespace:
    """One user of each role in a team, the other-team users, and what each app's
    `extend_world` adds. Also read by benchmarks/crawl.py, which learns from it what kind of
    object each URL argument names."""
    team = TeamFactory(name="Access test team")
    world = SimpleNamespace(team=team, users={})
    for role in Role:
        world.users[str(role)] = UserFactory(roles=[str(role)], team=team)
    team.manager = world.users[Role.TEAM_MANAGER]
    team.save()
    # As `manage.py createsuperuser` makes one: no roles, only Django's flags.
    world.users[SUPERUSER] = UserFactory(is_superuser=True, is_staff=True)
    other_team = TeamFactory(name="Another team")
    for identity, role in OTHER_TEAM.items():
        world.users[identity] = UserFactory(roles=[role], team=other_team)
    other_team.manager = world.users["other_team_team_manager"]
    other_team.save()
    world.other_team = other_team
    for module in _app_access_modules():
        if hasattr(module, "extend_world"):
            module.extend_world(world)
    return world


def _outcome(response: Any) -> str:
    if response.status_code == 200:
        return OK
    if response.status_code in (301, 302, 303):
        login = reverse(settings.LOGIN_URL)
        return LOGIN if response["Location"].startswith(login) else REDIRECT
    return {403: FORBIDDEN, 404: NOT_FOUND, 405: NOT_ALLOWED}.get(
        response.status_code, str(response.status_code)
    )


@pytest.mark.parametrize("case", _declared_cases(), ids=lambda case: case.name)
def test_each_role_gets_the_declared_answer(case: UrlCase, world: SimpleNamespace) -> None:
    kwargs = case.kwargs(world) if case.kwargs else {}
    url = reverse(case.name, kwargs=kwargs)
    answers = {}
    for role in EVERYONE:
        client = Client()
        if role != ANONYMOUS:
            client.force_login(world.users[role])
        response = getattr(client, case.method)(url, data=dict(case.data))
        answers[role] = _outcome(response)
    wrong = {role: answers[role] for role in EVERYONE if answers[role] != case.expect[role]}
    assert not wrong, (
        f"{case.name}: expected { ({role: case.expect[role] for role in wrong}) }, got {wrong}"
    )


def test_the_admin_sign_in_form_gives_no_role_a_session(world: SimpleNamespace) -> None:
    """The Django admin's sign-in form hands over to the service's sign-in (password and
    authenticator code): posting a right password to it signs nobody in, so it cannot be a way
    round the second factor to the audit log or anything else."""
    from careleavers.accounts.tests.factories import TEST_PASSWORD

    audit_log = reverse("core:audit_log")
    answers = {}
    for role in ALL_ROLES:
        if role == ANONYMOUS:
            continue
        client = Client()
        client.post(
            "/admin/login/",
            {"username": world.users[role].email, "password": TEST_PASSWORD, "next": audit_log},
        )
        answers[role] = _outcome(client.get(audit_log))
    assert set(answers.values()) == {LOGIN}, answers
