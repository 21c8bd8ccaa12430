"""The record frame in a real browser: the banner and the tabs on the most used record pages,
on a laptop (1280 px) and a phone (390 px), without JavaScript trouble or axe findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from careleavers.casework.models import WorkerRole
from careleavers.casework.tests.factories import AlertFactory, AllocationFactory
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import adviser_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_banner_and_tabs_show_on_plans_and_contacts_at_every_width(
    width: int,
    browser: Browser,
    live_server: Any,
    make_user: Callable[..., Any],
    team: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[..., None],
) -> None:
    pa = adviser_with_authenticator(make_user, team, "Priya", "Adviser")
    young_person = YoungPersonFactory(team=team, first_name="Jordan", last_name="Whitfield")
    AllocationFactory(young_person=young_person, worker=pa, role=WorkerRole.PERSONAL_ADVISER)
    AlertFactory(young_person=young_person, kind="risk_to_staff")
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    sign_in(page, pa)

    for path, tab in (
        (f"/young-people/{young_person.pk}/plans/", "Pathway plans"),
        (f"/young-people/{young_person.pk}/contacts/", "Contacts"),
    ):
        page.goto(live_server.url + path)
        banner = page.locator(".app-record-banner")
        expect(banner).to_contain_text("Jordan Whitfield")
        expect(banner).to_contain_text("Priya Adviser")
        expect(banner).to_contain_text("Risk to staff")
        tabs = page.get_by_role("navigation", name="Pages of Jordan Whitfield’s record")
        expect(tabs.locator('[aria-current="page"]')).to_have_text(tab)
        # Every tab can be seen and reached without scrolling sideways.
        for box in (link.bounding_box() for link in tabs.get_by_role("link").all()):
            assert box is not None
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= width
            assert box["height"] >= 24
        assert_accessible(page)

    tabs.get_by_role("link", name="Overview").click()
    expect(page.locator("h1")).to_have_text("Overview")
