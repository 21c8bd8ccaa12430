"""Fixtures every app's tests share: users by role and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def team(db: None) -> Any:
    return TeamFactory()


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    def make(*roles: Role, **fields: Any) -> Any:
        return UserFactory(roles=[str(role) for role in roles], **fields)

    return make


@pytest.fixture
def client_for(make_user: Callable[..., Any]) -> Callable[..., Client]:
    """A test client signed in as a new user with the given roles (or as the user given)."""

    def make(*roles: Role, user: Any = None, **fields: Any) -> Client:
        client = Client()
        client.force_login(user or make_user(*roles, **fields))
        return client

    return make
