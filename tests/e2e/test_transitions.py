"""Transitions to adult services in a real browser.

A personal adviser refers a young person to adult mental health services, records a chase and
an escalation; their manager sees the wait on the managers' view; a decision of threshold not
met cannot be saved until it says what support the young person gets instead. Every page is
checked with axe-core.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import TEST_TOTP_SECRET, fill_date
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MANAGER_SECRET = "KRSXG5DSNFXGOIDBNZSCA5DFON2CA3LF"


def test_refer_chase_escalate_see_the_wait_and_record_threshold_not_met(
    page: Page,
    browser: Browser,
    live_server: Any,
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[..., None],
) -> None:
    team = TeamFactory(name="North leaving care team")
    pa = make_user(Role.PERSONAL_ADVISER, team=team, totp_secret=TEST_TOTP_SECRET)
    manager = manager_with_authenticator(team, totp_secret=MANAGER_SECRET)
    person = YoungPersonFactory(
        team=team,
        first_name="Kayla",
        last_name="Osei",
        preferred_name="",
        learning_needs="Moderate learning difficulty",
    )
    referred_on = timezone.localdate() - datetime.timedelta(days=35)

    # The personal adviser refers Kayla to adult mental health services.
    sign_in(page, pa, greeted=f"Hello, {pa.first_name}")
    page.goto(f"{live_server.url}/young-people/{person.pk}/transitions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Health and adult services")
    assert_accessible(page)
    page.get_by_role("button", name="Refer to a service").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Refer to a service")
    page.get_by_label("Adult mental health services").check()
    fill_date(page, "referred_on", referred_on)
    page.get_by_label("Why are you referring them?").fill(
        "Low mood and anxiety since moving into her flat; the GP asked for an assessment."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Record referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Referral to Adult mental health services"
    )
    expect(page.locator("main")).to_contain_text("Waiting 35 days (target 28 days, 7 days over)")
    assert_accessible(page)

    # A chase, then an escalation.
    page.get_by_role("link", name="Record a chase or escalation").click()
    page.get_by_label("Chase", exact=True).check()
    page.get_by_label("Who did you contact?").fill("Duty manager, community mental health team")
    page.get_by_label("What was said or agreed?").fill("Asked for an assessment date.")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Chase recorded")
    page.get_by_role("link", name="Record a chase or escalation").click()
    page.get_by_label("Escalation", exact=True).check()
    page.get_by_label("Who did you contact?").fill("Head of adult mental health services")
    page.get_by_role("button", name="Save").click()
    timeline = page.locator(".moj-timeline")
    expect(timeline).to_contain_text("Chase: Duty manager, community mental health team")
    expect(timeline).to_contain_text("Escalation: Head of adult mental health services")
    assert_accessible(page)

    # Her manager sees the wait on the managers' view, with the chart beside the table.
    manager_page = browser.new_page()
    sign_in(manager_page, manager, MANAGER_SECRET, greeted=f"Hello, {manager.first_name}")
    menu = manager_page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Services").click()
    manager_page.get_by_role("main").get_by_role("link", name="Adult services").click()
    expect(manager_page.get_by_role("heading", level=1)).to_have_text("Waiting for adult services")
    waiting = manager_page.get_by_role("table", name="Young people waiting, longest wait first")
    row = waiting.get_by_role("row", name=re.compile("Kayla Osei"))
    expect(row).to_contain_text("Adult mental health services")
    expect(row).to_contain_text("35 days")
    expect(row).to_contain_text("Waiting: over target")
    chart = manager_page.get_by_role("img", name=re.compile("Bar chart of young people waiting"))
    expect(chart).to_be_visible()
    assert manager_page.evaluate(
        "img => img.complete && img.naturalWidth > 0", chart.element_handle()
    )
    assert_accessible(manager_page)

    # The service decides the threshold is not met: the support given instead is required.
    page.get_by_role("link", name="Record the service’s decision").click()
    fill_date(page, "decided_on", timezone.localdate())
    page.get_by_label("Threshold not met").check()
    page.get_by_role("button", name="Record decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the support the young person will get instead")
    assert_accessible(page)
    page.get_by_label("What support will they get instead?").fill(
        "Weekly sessions with her personal adviser and the college wellbeing group."
    )
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator("main")).to_contain_text("Threshold not met")
    expect(page.locator("main")).to_contain_text("the college wellbeing group")
    assert_accessible(page)

    # Kayla has learning needs, so her manager now sees her among those with complex needs
    # who did not meet a threshold, with the support she gets instead.
    manager_page.goto(f"{live_server.url}/transitions/thresholds-not-met/")
    not_met = manager_page.get_by_role("table", name="Threshold not met")
    expect(not_met).to_contain_text("Kayla Osei")
    expect(not_met).to_contain_text("the college wellbeing group")
    assert_accessible(manager_page)
    manager_page.close()
