"""Test clients for tests that make their own users (the root conftest's `client_for` makes one
from roles)."""

from __future__ import annotations

from typing import Any

from django.test import Client


def signed_in(user: Any) -> Client:
    """A test client signed in as this user."""
    client = Client()
    client.force_login(user)
    return client
