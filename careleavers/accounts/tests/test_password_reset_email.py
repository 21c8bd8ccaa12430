"""The password reset email speaks plainly and names the service, not the server."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_a_young_persons_reset_email_names_the_service_and_the_team(
    make_user: Any, settings: Any
) -> None:
    user = make_user(Role.YOUNG_PERSON, email="jade@example.com")

    Client().post(reverse("account_reset_password"), {"email": "jade@example.com"})

    [message] = mail.outbox
    assert message.to == [user.email]
    assert message.subject == f"{settings.BRANDING['service_name']}: Reset your password"
    assert message.body.startswith("Hello,\n\nSomeone asked to reset the password")
    assert "/accounts/password/reset/key/" in message.body
    assert settings.BRANDING["council_name"] in message.body
    assert settings.BRANDING["duty_phone"] in message.body
    assert "Hello from" not in message.body
    assert "127.0.0.1" not in message.body.split("/accounts/")[0]
