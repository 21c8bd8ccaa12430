"""Insight in a browser: the head of service reads the service dashboard, follows a figure to
the young people behind it and to its definition, chooses a team's dashboard and opens the
self-assessment pack. Every page passes axe-core."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.insight.tests.factories import build_known_council
from tests.e2e.conftest import TEST_TOTP_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_head_of_service_reads_the_figures_and_the_people_behind_them(
    page: Page,
    live_server: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    from careleavers.insight.snapshots import write_month
    from careleavers.insight.tests.factories import ON

    known = build_known_council()
    write_month(on=ON)  # last month's snapshot, so the change since last month shows
    head = UserFactory(
        roles=[Role.HEAD_OF_SERVICE],
        totp_secret=TEST_TOTP_SECRET,
        email="hos.insight@test.council.example",
    )
    sign_in(page, head)

    page.goto(live_server.url + "/insight/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance")
    page.get_by_role("link", name="The whole service").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Service performance")
    expect(page.get_by_role("heading", name="Learning and employment")).to_be_visible()
    assert_accessible(page)

    # Every number leads to the young people behind it: never Ivy, whose record is restricted.
    page.get_by_role(
        "link", name=re.compile(r"Care leavers with a recent contact, see the")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Care leavers with a recent contact: who is counted"
    )
    table = page.locator("table")
    expect(table).to_contain_text("Amy Known")
    expect(table).not_to_contain_text("Ivy Known")
    assert_accessible(page)

    page.get_by_role("link", name="How this indicator is defined").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Care leavers with a recent contact")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Denominator")
    assert_accessible(page)

    page.goto(live_server.url + "/insight/teams/")
    page.get_by_label("Which team?").select_option(label=known.team_a.name)
    page.get_by_role("button", name="Show the team's dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team A: performance")
    assert_accessible(page)

    page.goto(live_server.url + "/insight/self-assessment/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Self-assessment")
    expect(page.get_by_role("heading", name="Health and emotional wellbeing")).to_be_visible()
    assert_accessible(page)
