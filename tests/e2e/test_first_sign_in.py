"""A staff member's first sign-in and a sign-in with a recovery code, as a new starter and a
person who lost their phone meet them: with the authenticator app required, as in production.

The accounts are made as an administrator makes them: no authenticator, nothing in the session.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TEST_PASSWORD
from careleavers.core.models import AuditEvent
from tests.e2e.conftest import TEST_TOTP_SECRET, answer_the_authenticator_page, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _mfa_required(settings: Any) -> None:
    settings.STAFF_MFA_REQUIRED = True


def _sign_in_with_password(page: Page, live_server: Any, email: str) -> None:
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_new_staff_member_sets_up_an_authenticator_and_reaches_home(
    page: Page,
    live_server: Any,
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    user = make_user(
        Role.PERSONAL_ADVISER, email="new.starter@test.council.example", totp_secret=""
    )
    assert not Authenticator.objects.filter(user=user).exists()

    _sign_in_with_password(page, live_server, user.email)

    # Straight to setting up the app: no second password prompt, no loop.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("authenticator app")
    assert_accessible(page)
    # The person types the secret into their app (or scans the QR code, which holds the same).
    secret = page.get_by_label("Secret key").input_value()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)

    # A wrong code first: the error is shown next to the field and nothing is set up.
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert not Authenticator.objects.filter(user=user).exists()

    page.get_by_label("Code from your authenticator app").fill(totp_code(secret))
    page.get_by_role("button", name="Continue").click()

    # The recovery codes are shown once, to be saved somewhere safe.
    expect(page.get_by_role("heading", level=1)).to_contain_text("recovery codes")
    assert_accessible(page)
    codes = page.get_by_label("Your recovery codes").input_value().split()
    assert len(codes) == 10
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the codes").click()
    saved = download_info.value.path().read_text()
    assert all(code in saved for code in codes)

    page.get_by_role("button", name="Continue to the service").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Hello, {user.first_name}")
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert AuditEvent.objects.filter(actor=user, action=AuditEvent.Action.SIGN_IN).count() == 1

    # The next sign-in asks for a code from the app just set up.
    page.get_by_role("button", name="Sign out").click()
    _sign_in_with_password(page, live_server, user.email)
    answer_the_authenticator_page(page, totp_code(secret), greeted=f"Hello, {user.first_name}")


def test_a_staff_member_who_lost_their_phone_signs_in_with_a_recovery_code(
    page: Page,
    live_server: Any,
    make_user: Callable[..., Any],
) -> None:
    user = make_user(
        Role.TEAM_MANAGER, email="lost.phone@test.council.example", totp_secret=TEST_TOTP_SECRET
    )
    codes = RecoveryCodes.activate(user).generate_codes()

    _sign_in_with_password(page, live_server, user.email)
    answer_the_authenticator_page(page, codes[0], greeted=f"Hello, {user.first_name}")

    # The code is spent: it does not open a second session.
    page.get_by_role("button", name="Sign out").click()
    _sign_in_with_password(page, live_server, user.email)
    page.get_by_label(re.compile("code", re.I)).fill(codes[0])
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page.locator(".govuk-error-summary, .govuk-error-message").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Two-Factor")
