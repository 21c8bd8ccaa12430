"""Council single sign-on, from the sign-in page through a real OpenID Connect provider on
127.0.0.1 (real HTTP, real RS256-signed ID tokens) and back. The browser's part is played by
the test client here and by Chromium in tests/e2e/test_single_sign_on.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.authenticator_setup import assert_sent_to_set_up_an_authenticator
from careleavers.accounts.tests.oidc_provider import (
    FakeOpenIDProvider,
    provider_settings,
)
from careleavers.accounts.tests.oidc_provider import (
    running_provider as running_provider,  # noqa: PLC0414 - the module's fixture
)
from careleavers.core.models import AuditEvent

pytestmark = pytest.mark.django_db

SSO_LOGIN = "/accounts/oidc/council/login/"


@pytest.fixture
def provider(settings: Any, running_provider: FakeOpenIDProvider) -> FakeOpenIDProvider:
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings(running_provider)
    settings.OIDC_MFA_AMR_VALUES = []
    settings.OIDC_VERIFIED_EMAIL_DOMAINS = []
    running_provider.issued_tokens = 0
    return running_provider


def _sign_in_with_the_council(client: Client) -> Any:
    """Press the button, let the provider send the browser back, follow the callback."""
    response = client.post(SSO_LOGIN, {"next": "/"})
    assert response.status_code == 302
    at_provider = requests.get(response["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    callback = urlsplit(at_provider.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}")


def _signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def _assert_sign_in_refused(client: Client) -> None:
    """The council's answer is turned away with 403 and nobody is signed in."""
    assert _sign_in_with_the_council(client).status_code == 403
    assert _signed_in_user_id(client) is None


def _adviser_who_signed_in_once(
    client: Client, provider: FakeOpenIDProvider, make_user: Any, settings: Any
) -> User:
    """An adviser whose account is linked to the provider by one sign-in, now signed out."""
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    adviser: User = make_user(Role.PERSONAL_ADVISER, email="ash@bradley.gov.example")
    provider.sign_in_as(email=adviser.email, email_verified=True, amr=["mfa"])
    _sign_in_with_the_council(client)
    client.post(reverse("account_logout"))
    return adviser


def test_the_sign_in_page_offers_the_council_sign_in_only_when_configured(
    client: Client, settings: Any
) -> None:
    settings.SOCIALACCOUNT_PROVIDERS = {}
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with" not in page
    assert client.post(SSO_LOGIN).status_code == 404


def test_an_existing_staff_member_signs_in_and_still_gives_their_authenticator_code(
    client: Client, provider: FakeOpenIDProvider, make_user: Any
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, email="sam.adviser@bradley.gov.example")
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with Bradley Council" in page

    provider.sign_in_as(email="Sam.Adviser@bradley.gov.example", email_verified=True, amr=["pwd"])
    response = _sign_in_with_the_council(client)

    # The provider did not say it asked for a second factor, so the service asks.
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert _signed_in_user_id(client) is None
    assert provider.issued_tokens == 1
    account = SocialAccount.objects.get(user=adviser)
    assert account.provider == "council"


def test_the_providers_second_factor_is_enough_when_the_council_trusts_it(
    client: Client, provider: FakeOpenIDProvider, make_user: Any, settings: Any
) -> None:
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    manager = make_user(Role.TEAM_MANAGER, email="kim.manager@bradley.gov.example")
    provider.sign_in_as(email=manager.email, email_verified=True, amr=["pwd", "mfa"])

    response = _sign_in_with_the_council(client)

    assert response.status_code == 302
    assert _signed_in_user_id(client) == str(manager.pk)
    assert client.get("/").status_code == 200
    assert client.get(reverse("core:audit_log")).status_code in (200, 403)
    assert AuditEvent.objects.filter(actor=manager, action=AuditEvent.Action.SIGN_IN).exists()


def test_a_staff_member_without_an_authenticator_must_still_set_one_up(
    client: Client, provider: FakeOpenIDProvider, make_user: Any, settings: Any
) -> None:
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    new_starter = make_user(Role.SOCIAL_WORKER, email="new@bradley.gov.example", totp_secret="")
    provider.sign_in_as(email=new_starter.email, email_verified=True, amr=["pwd"])

    _sign_in_with_the_council(client)

    assert _signed_in_user_id(client) == str(new_starter.pk)
    assert_sent_to_set_up_an_authenticator(client)


def test_an_unknown_email_is_refused_and_no_account_is_made(
    client: Client, provider: FakeOpenIDProvider
) -> None:
    provider.sign_in_as(email="stranger@bradley.gov.example", email_verified=True, amr=["mfa"])
    users_before = User.objects.count()

    response = _sign_in_with_the_council(client)

    assert response.status_code == 403
    assert "no staff account" in response.content.decode()
    assert _signed_in_user_id(client) is None
    assert User.objects.count() == users_before
    assert not SocialAccount.objects.exists()
    failed = AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_FAILED)
    assert failed.detail["email"] == "stranger@bradley.gov.example"


def test_the_councils_own_domains_count_as_verified(
    client: Client, provider: FakeOpenIDProvider, make_user: Any, settings: Any
) -> None:
    # Entra ID sends no email_verified claim; the council lists the domains it owns.
    settings.OIDC_VERIFIED_EMAIL_DOMAINS = ["bradley.gov.example"]
    adviser = make_user(Role.PERSONAL_ADVISER, email="lee@bradley.gov.example")
    provider.sign_in_as(email=adviser.email, amr=["pwd"])

    response = _sign_in_with_the_council(client)

    assert response["Location"] == reverse("mfa_authenticate")


@pytest.mark.parametrize(
    ("role", "email", "email_verified", "is_active"),
    [
        pytest.param(
            Role.PERSONAL_ADVISER, "pat@elsewhere.example", False, True, id="unverified-email"
        ),
        pytest.param(Role.YOUNG_PERSON, "jo@bradley.gov.example", True, True, id="young-person"),
        pytest.param(
            Role.PERSONAL_ADVISER, "left@bradley.gov.example", True, False, id="deactivated"
        ),
    ],
)
def test_these_people_cannot_use_the_council_sign_in(
    client: Client,
    provider: FakeOpenIDProvider,
    make_user: Any,
    role: Role,
    email: str,
    email_verified: bool,
    is_active: bool,
) -> None:
    # An unverified address, a young person (they sign in with their own account), an
    # adviser whose account is switched off: each is turned away and nothing is linked.
    person = make_user(role, email=email, is_active=is_active)
    provider.sign_in_as(email=person.email, email_verified=email_verified, amr=["mfa"])

    _assert_sign_in_refused(client)
    assert not SocialAccount.objects.exists()


def test_a_second_sign_in_uses_the_same_link_and_never_a_second_account(
    client: Client, provider: FakeOpenIDProvider, make_user: Any, settings: Any
) -> None:
    adviser = _adviser_who_signed_in_once(client, provider, make_user, settings)
    subject = provider.next_claims["sub"]

    provider.next_claims = {**provider.next_claims, "sub": subject}
    _sign_in_with_the_council(client)

    assert _signed_in_user_id(client) == str(adviser.pk)
    assert SocialAccount.objects.filter(user=adviser).count() == 1


def test_another_person_at_the_provider_cannot_take_over_a_linked_account(
    client: Client, provider: FakeOpenIDProvider, make_user: Any, settings: Any
) -> None:
    adviser = _adviser_who_signed_in_once(client, provider, make_user, settings)

    # A different person at the provider (another `sub`) with the same address.
    provider.sign_in_as(email=adviser.email, email_verified=True, amr=["mfa"])

    _assert_sign_in_refused(client)


def test_a_provider_added_in_the_database_is_ignored(
    client: Client, settings: Any, running_provider: FakeOpenIDProvider
) -> None:
    from allauth.socialaccount.models import SocialApp
    from django.contrib import admin

    settings.SOCIALACCOUNT_PROVIDERS = {}
    SocialApp.objects.create(
        provider="openid_connect",
        provider_id="council",
        name="Someone else's provider",
        client_id=running_provider.client_id,
        secret=running_provider.client_secret,
        settings={"server_url": running_provider.issuer},
    )
    assert "Someone else" not in client.get(reverse("account_login")).content.decode()
    assert client.post(SSO_LOGIN).status_code == 404
    assert not admin.site.is_registered(SocialApp)
