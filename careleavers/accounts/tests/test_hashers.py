"""Passwords are stored as Argon2id at OWASP's parameters, and older PBKDF2 hashes are rewritten
at the next sign-in. The test suite itself uses a fast hasher (conftest.py), so these tests put
back the project's own list."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def project_hashers(settings):
    settings.PASSWORD_HASHERS = importlib.import_module("config.settings").PASSWORD_HASHERS


def test_a_new_password_is_stored_as_argon2id_at_owasps_parameters(project_hashers):
    stored = make_password(PASSWORD)
    assert stored.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_an_older_pbkdf2_hash_still_signs_in_and_is_rewritten(project_hashers, make_user):
    user = make_user(Role.PERSONAL_ADVISER)
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    response = Client().post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD + "x")
