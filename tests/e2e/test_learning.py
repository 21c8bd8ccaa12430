"""Education, employment and training in a real browser.

A personal adviser records a young person as not in education, employment or training with two
reasons; the next EET panel's agenda includes them; the panel records an action; the themes
page counts the reasons. Every page passes axe-core with no serious or critical violations.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import TEST_TOTP_SECRET, fill_date
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MANAGER_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def test_neet_reasons_reach_the_panel_agenda_an_action_and_the_themes(
    page: Page,
    live_server: Any,
    make_user: Callable[..., Any],
    team: Any,
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[..., None],
) -> None:
    today = timezone.localdate()
    pa = make_user(
        Role.PERSONAL_ADVISER,
        team=team,
        email="pa.eet@test.council.example",
        totp_secret=TEST_TOTP_SECRET,
    )
    manager = manager_with_authenticator(
        team, totp_secret=MANAGER_SECRET, email="tm.eet@test.council.example"
    )
    young_person = YoungPersonFactory(
        team=team, first_name="Jordan", last_name="Okafor", category="former_relevant"
    )

    # The personal adviser records that Jordan is not in education, employment or training.
    sign_in(page, pa, greeted="Hello")
    page.goto(f"{live_server.url}/young-people/{young_person.pk}/eet/")
    expect(page.locator(".app-record-banner")).to_contain_text("Jordan Okafor")
    expect(page.get_by_role("heading", level=1)).to_have_text("Education and work")
    assert_accessible(page)
    page.get_by_role("button", name="Record what they are doing").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record what they are doing")
    page.get_by_label("Not in education, employment or training: other circumstances").check()
    fill_date(page, "start", today - datetime.timedelta(days=3))
    page.get_by_label("Mental health").check()
    page.get_by_label("Unstable housing").check()
    page.get_by_label("What does the young person say?").fill(
        "I need to sort my flat out before I can think about college."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Recorded")
    reasons = page.locator("table", has_text="Reasons, current first")
    expect(reasons).to_contain_text("Mental health")
    expect(reasons).to_contain_text("Unstable housing")
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # The team manager sets up next month's panel; its agenda includes Jordan.
    sign_in(page, manager, MANAGER_SECRET, greeted="Hello")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Services").click()
    page.get_by_role("main").get_by_role("link", name="Education, employment and training").click()
    assert_accessible(page)
    page.get_by_role("link", name="EET panel").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Add a meeting").click()
    held_on = today + datetime.timedelta(days=20)
    fill_date(page, "held_on", held_on)
    page.get_by_label("Location").fill("City Hall, committee room 2")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Build the agenda now").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "1 young person added"
    )
    agenda = page.locator("table", has_text="Young people on the agenda")
    expect(agenda).to_contain_text("Jordan Okafor")
    expect(agenda).to_contain_text("Mental health, Unstable housing")
    assert_accessible(page)

    # The panel discusses Jordan and agrees an action.
    agenda.get_by_role("link", name="Jordan Okafor").click()
    page.get_by_label("What did the panel discuss?").fill(
        "Housing first: a move is planned. Then a taster day at college."
    )
    page.get_by_role("button", name="Save the discussion").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    assert_accessible(page)
    page.get_by_role("button", name="Add an action").click()
    page.get_by_label("Housing", exact=True).check()
    page.get_by_label("What will be done?").fill("Raise with the housing panel this week.")
    page.get_by_label("Who will do it?").fill(manager.get_full_name())
    fill_date(page, "due_on", today + datetime.timedelta(days=7))
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    actions = page.locator("table", has_text="What the panel agreed")
    expect(actions).to_contain_text("Raise with the housing panel this week.")
    expect(actions).to_contain_text(manager.get_full_name())

    # The themes page counts the reasons, beside a chart of the same numbers.
    page.goto(f"{live_server.url}/eet/themes/")
    reasons_table = page.locator("table", has_text="by reason and month")
    expect(reasons_table.locator("tr", has_text="Mental health")).to_contain_text("1")
    expect(reasons_table.locator("tr", has_text="Unstable housing")).to_contain_text("1")
    actions_table = page.locator("table", has_text="Actions agreed, by type and month")
    expect(actions_table.locator("tr", has_text="Housing")).to_contain_text("1")
    chart = page.get_by_role("img", name=re.compile("reasons young people discussed"))
    expect(chart).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth > 0", chart.element_handle()), (
        "the chart did not load"
    )
    assert_accessible(page)
