"""A check shared by the password and the single sign-on tests: staff without an authenticator
app are sent to set one up before anything else."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse


def assert_sent_to_set_up_an_authenticator(client: Client) -> None:
    """Home sends the signed-in member of staff to the set-up page, and that page opens straight
    away: no second password, no loop between pages."""
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
