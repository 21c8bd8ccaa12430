"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Nothing here downloads a browser: Playwright is pointed at /usr/bin/chromium.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these Chromium tries to reach Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _live_server_settings(settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["*"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without PostgreSQL there is no template database (tests/db_template.py) to copy: there
    the browser tests put back the reference data that migrations load with Django's
    serialized rollback, which writes every row again (20-30 seconds a test)."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(autouse=True)
def _start_from_the_migrated_database(request: pytest.FixtureRequest) -> None:
    """Each browser test starts from a fresh copy of the migrated template database.

    Browser tests cannot be rolled back: the live server's own connections see what they write.
    Django empties every table after each one, reference data included, and a copy of the
    template (tests/db_template.py) puts it all back in about a second."""
    from django.db import connections

    db = connections["default"].settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    request.getfixturevalue("transactional_db")
    from django.core.management import call_command

    from tests.db_template import allow_emptying_between_tests, copy_template_again

    connections.close_all()
    copy_template_again(db)
    allow_emptying_between_tests()
    # Django makes the cache table in a new test database; the template has none.
    call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # The cache lives in a database table that transactional tests do not flush. allauth keeps
    # used authenticator codes there by user id, and ids repeat between tests, so a new test's
    # first code would be refused as already used.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    """Run axe-core on the page; fail on any serious or critical violation."""
    axe = Axe()

    def check(page: Page) -> None:
        results = axe.run(page)
        bad = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in bad
        ]
        assert not bad, f"Accessibility violations on {page.url}:\n" + "\n".join(summary)

    return check


def totp_code(secret: str) -> str:
    """The current code an authenticator app would show for this secret.

    allauth accepts a code only in its own 30-second window, so a code read in a window's last
    seconds could expire before the browser submits it (an intermittent failure seen in CI).
    Like a person who sees the code is about to change, this waits for the next one.
    """
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    left_in_window = 30 - time.time() % 30
    if left_in_window < 8:
        time.sleep(left_in_window + 0.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def wider_than_screen(page: Page) -> int:
    """How many pixels the page is wider than the browser's window (0 or less when it fits):
    on a phone, a page that scrolls sideways hides its last column or its buttons."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


def sign_in_with_password(page: Page, base_url: str, email: str) -> None:
    """The sign-in page's first step: all of it for a young person, who has no authenticator."""
    from careleavers.accounts.tests.factories import TEST_PASSWORD

    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def fill_date(page: Page, name: str, day: datetime.date) -> None:
    """Type a date into the day, month and year boxes of the form's date field `name`."""
    page.locator(f"#id_{name}-day").fill(str(day.day))
    page.locator(f"#id_{name}-month").fill(str(day.month))
    page.locator(f"#id_{name}-year").fill(str(day.year))


def adviser_with_authenticator(
    make_user: Callable[..., Any], team: Any, first_name: str, last_name: str
) -> Any:
    """A personal adviser in `team` who signs in with the test authenticator secret."""
    from careleavers.accounts.roles import Role

    return make_user(
        Role.PERSONAL_ADVISER,
        team=team,
        totp_secret=TEST_TOTP_SECRET,
        first_name=first_name,
        last_name=last_name,
    )


def answer_the_authenticator_page(page: Page, code: str, *, greeted: str) -> None:
    """On the "Two-Factor" page give `code` (from the app, or a recovery code) and arrive home,
    greeted with `greeted`."""
    import re

    from playwright.sync_api import expect

    expect(page.get_by_role("heading", level=1)).to_contain_text("Two-Factor")
    page.get_by_label(re.compile("code", re.I)).fill(code)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(greeted)


@pytest.fixture
def sign_in(live_server: Any) -> Callable[..., None]:
    """Sign a staff member in through the real sign-in and authenticator pages."""
    import re

    from playwright.sync_api import expect

    def do(
        page: Page, user: Any, secret: str = TEST_TOTP_SECRET, *, greeted: str | None = None
    ) -> None:
        """With `greeted`, also checks the page reached is home, its heading saying so."""
        sign_in_with_password(page, live_server.url, user.email)
        page.get_by_label(re.compile("code", re.I)).fill(totp_code(secret))
        page.get_by_role("button", name=re.compile("sign in|confirm|verify", re.I)).click()
        expect(page.locator("h1")).not_to_contain_text("Two-Factor")
        if greeted is not None:
            expect(page.get_by_role("heading", level=1)).to_contain_text(greeted)

    return do
