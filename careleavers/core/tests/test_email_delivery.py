"""Password-reset email really leaves the service by SMTP: someone who has forgotten their
password asks for a reset on the sign-in pages, and the message reaches the council's mail relay
(a real SMTP server on 127.0.0.1) with a link that works."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.core.tests.fake_smtp import FakeSmtp, running_fake_smtp

pytestmark = pytest.mark.django_db

RESET_LINK = re.compile(r"https?://testserver(/accounts/password/reset/key/\S+/)")


@pytest.fixture
def relay(settings: Any) -> Iterator[FakeSmtp]:
    """The settings a council's servers get from EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER and
    EMAIL_HOST_PASSWORD, pointed at the fake relay."""
    with running_fake_smtp() as fake:
        settings.EMAIL_BACKEND = settings.SMTP_BACKEND
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = fake.port
        settings.EMAIL_HOST_USER = fake.user
        settings.EMAIL_HOST_PASSWORD = fake.password
        settings.EMAIL_USE_TLS = False
        settings.DEFAULT_FROM_EMAIL = "care.leavers@example.gov.uk"
        yield fake


def _ask_for_a_reset(email: str) -> None:
    response = Client().post(reverse("account_reset_password"), {"email": email})
    assert response.status_code == 302


def test_a_password_reset_reaches_the_relay_with_a_working_link(
    relay: FakeSmtp, make_user: Any
) -> None:
    user = make_user(Role.PERSONAL_ADVISER, email="priya.shah@example.gov.uk")

    _ask_for_a_reset("Priya.Shah@example.gov.uk")

    # The relay accepts mail only from a client that signed in with its user name and password.
    [message] = relay.received
    assert relay.envelopes == [("care.leavers@example.gov.uk", [user.email])]
    assert message["To"] == user.email
    body = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    path = RESET_LINK.search(body).group(1)  # type: ignore[union-attr]
    # The link opens the page for choosing a new password.
    page = Client().get(path, follow=True)
    assert page.status_code == 200
    assert 'name="password1"' in page.content.decode()
