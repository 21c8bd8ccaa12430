"""Council single sign-on in Chromium: the sign-in page, a real OpenID Connect provider on
127.0.0.1 (real HTTP, RS256-signed ID tokens) and back, with the authenticator app required."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.oidc_provider import (
    FakeOpenIDProvider,
    provider_settings,
)
from careleavers.accounts.tests.oidc_provider import (
    running_provider as running_provider,  # noqa: PLC0414 - the module's fixture
)
from careleavers.core.models import AuditEvent
from tests.e2e.conftest import TEST_TOTP_SECRET, answer_the_authenticator_page, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def provider(settings: Any, running_provider: FakeOpenIDProvider) -> FakeOpenIDProvider:
    settings.STAFF_MFA_REQUIRED = True
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings(running_provider)
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "form-action": ["'self'", running_provider.issuer],
        },
    }
    return running_provider


def _press_the_council_button(page: Page, live_server: Any) -> None:
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_role("button", name="Sign in with Bradley Council").click()


def test_the_providers_second_factor_signs_a_staff_member_straight_in(
    page: Page,
    live_server: Any,
    provider: FakeOpenIDProvider,
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, email="sam@bradley.gov.example")
    provider.sign_in_as(email=adviser.email, email_verified=True, amr=["pwd", "mfa"])

    page.goto(live_server.url + "/accounts/login/")
    assert_accessible(page)
    _press_the_council_button(page, live_server)

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Hello, {adviser.first_name}")
    assert AuditEvent.objects.filter(actor=adviser, action=AuditEvent.Action.SIGN_IN).exists()


def test_without_the_providers_second_factor_the_service_asks_for_its_own(
    page: Page,
    live_server: Any,
    provider: FakeOpenIDProvider,
    make_user: Callable[..., Any],
) -> None:
    manager = make_user(
        Role.TEAM_MANAGER, email="kim@bradley.gov.example", totp_secret=TEST_TOTP_SECRET
    )
    provider.sign_in_as(email=manager.email, email_verified=True, amr=["pwd"])

    _press_the_council_button(page, live_server)

    answer_the_authenticator_page(
        page, totp_code(TEST_TOTP_SECRET), greeted=f"Hello, {manager.first_name}"
    )


def test_someone_with_no_staff_account_is_turned_away(
    page: Page,
    live_server: Any,
    provider: FakeOpenIDProvider,
    assert_accessible: Callable[[Page], None],
) -> None:
    provider.sign_in_as(email="visitor@bradley.gov.example", email_verified=True, amr=["mfa"])

    _press_the_council_button(page, live_server)

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "You cannot sign in with Bradley Council"
    )
    assert_accessible(page)
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
