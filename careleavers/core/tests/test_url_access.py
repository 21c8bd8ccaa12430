"""Every URL, every role: the answer each gets is the one the apps declare.

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
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    UrlCase,
)

# The Django admin is one case (its index): only administrators reach any of it, which the
# admin site enforces for all its pages through `is_staff`.
SKIPPED_NAMESPACES = ("admin",)

# An administrator who is also a Django superuser (as `createsuperuser` makes one) gets exactly
# what an administrator gets: `user.has_perm` says yes to a superuser, so every page must ask
# the rules themselves.
SUPERUSER = "superuser"


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
        assert set(case.expect) == set(ALL_ROLES), f"{case.name} does not cover every role"


@pytest.fixture
def world(db: None) -> SimpleNamespace:
    team = TeamFactory(name="Access test team")
    world = SimpleNamespace(team=team, users={})
    for role in Role:
        world.users[str(role)] = UserFactory(roles=[str(role)], team=team)
    team.manager = world.users[Role.TEAM_MANAGER]
    team.save()
    world.users[SUPERUSER] = UserFactory(
        roles=[Role.ADMINISTRATOR], team=team, is_staff=True, is_superuser=True
    )
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
    expected = {**case.expect, SUPERUSER: case.expect[Role.ADMINISTRATOR]}
    answers = {}
    for role in expected:
        client = Client()
        if role != ANONYMOUS:
            client.force_login(world.users[role])
        response = getattr(client, case.method)(url, data=dict(case.data))
        answers[role] = _outcome(response)
    wrong = {role: answers[role] for role in expected if answers[role] != expected[role]}
    assert not wrong, (
        f"{case.name}: expected { ({role: expected[role] for role in wrong}) }, got {wrong}"
    )
