"""The shell in a real browser: sign in with MFA, a form error, the home page, sign out."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TEST_PASSWORD
from tests.e2e.conftest import TEST_TOTP_SECRET, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_sign_in_with_authenticator_error_summary_and_sign_out(
    page: Page,
    live_server: Any,
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    user = make_user(
        Role.PERSONAL_ADVISER,
        email="pa.browser@test.council.example",
        totp_secret=TEST_TOTP_SECRET,
    )

    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")
    assert_accessible(page)

    # A mistake first: the GOV.UK error summary appears and links to the field.
    page.get_by_label("Email address").fill(user.email)
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    link = summary.get_by_role("link").first
    target = link.get_attribute("href")
    assert target
    assert page.locator(target).count() == 1
    assert_accessible(page)

    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Staff must give a code from their authenticator app.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Two-Factor")
    page.get_by_label(re.compile("code", re.I)).fill(totp_code(TEST_TOTP_SECRET))
    page.get_by_role("button", name=re.compile("sign in|confirm|verify", re.I)).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Hello, {user.first_name}")
    expect(page.locator("main")).to_contain_text("Personal adviser")
    expect(page.locator("footer")).to_contain_text("Duty")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
