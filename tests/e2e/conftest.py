"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Nothing here downloads a browser: Playwright is pointed at /usr/bin/chromium.
"""

from __future__ import annotations

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
