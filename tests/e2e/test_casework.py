"""Casework in a real browser: find a young person, record a contact, reallocate, duty log."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation, WorkerRole
from careleavers.casework.services import contact_due_refresh
from careleavers.casework.tests.factories import AllocationFactory, ContactFactory
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import (
    TEST_TOTP_SECRET,
    adviser_with_authenticator,
    fill_date,
    wider_than_screen,
)
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def casework_world(make_user: Callable[..., Any], team: Any) -> dict[str, Any]:
    pa = adviser_with_authenticator(make_user, team, "Priya", "Adviser")
    other_pa = adviser_with_authenticator(make_user, team, "Owen", "Other")
    manager = manager_with_authenticator(team)
    duty = make_user(Role.DUTY_WORKER, team=team, totp_secret=TEST_TOTP_SECRET)
    young_person = YoungPersonFactory(
        team=team,
        first_name="Jordan",
        last_name="Whitfield",
        preferred_name="Jo",
        child_id="E2E0001",
    )
    AllocationFactory(young_person=young_person, worker=pa, role=WorkerRole.PERSONAL_ADVISER)
    # Last seen three months ago, so a contact is overdue.
    ContactFactory(
        young_person=young_person,
        worker=pa,
        seen=True,
        made_contact=True,
        occurred_at=timezone.now() - datetime.timedelta(days=90),
    )
    contact_due_refresh(young_person=young_person, today=timezone.localdate())
    return {
        "pa": pa,
        "other_pa": other_pa,
        "manager": manager,
        "duty": duty,
        "young_person": young_person,
    }


def _expect_no_errors(page: Page) -> None:
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 0, summary.inner_text()


def _new_page(browser: Browser) -> Page:
    return browser.new_context().new_page()


def test_a_personal_adviser_finds_a_young_person_and_records_a_contact(
    page: Page,
    live_server: Any,
    casework_world: dict[str, Any],
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    young_person = casework_world["young_person"]
    due_before = young_person.next_contact_due
    sign_in(page, casework_world["pa"])

    page.goto(live_server.url + "/young-people/")
    page.get_by_label("Name").fill("Whitf")
    page.get_by_role("button", name=re.compile("Search", re.I)).click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Whitfield")).first.click()
    expect(page.locator(".app-record-banner")).to_contain_text("Whitfield")
    assert_accessible(page)

    page.goto(live_server.url + f"/young-people/{young_person.pk}/contacts/add/")
    today = timezone.localdate()
    fill_date(page, "occurred_on", today)
    page.locator("#id_occurred_time-hour").fill("00")
    page.locator("#id_occurred_time-minute").fill("01")
    # A mistake first: no method chosen.
    page.get_by_role("button", name=re.compile("Save|Record", re.I)).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Select how the contact was made")
    assert_accessible(page)

    page.get_by_label("Home visit").check()
    page.get_by_role("group", name="Did you make contact?").get_by_label("Yes").check()
    page.get_by_role("group", name="Did you see them in person?").get_by_label("Yes").check()
    page.get_by_role("group", name="Did you see them on their own?").get_by_label("Yes").check()
    page.get_by_label("What they told you, in their own words").fill("College is going well.")
    page.get_by_role("group", name="Are the notes written to the young person?").get_by_label(
        "No"
    ).check()
    page.get_by_role("button", name=re.compile("Save|Record", re.I)).click()
    _expect_no_errors(page)

    young_person.refresh_from_db()
    assert young_person.last_visit_on == today
    assert young_person.next_contact_due is not None
    assert young_person.next_contact_due > due_before
    page.goto(live_server.url + f"/young-people/{young_person.pk}/")
    expect(page.locator("main")).to_contain_text(
        young_person.next_contact_due.strftime("%-d %B %Y")
    )


def test_a_team_manager_reallocates_with_a_reason_and_the_change_is_counted(
    page: Page,
    live_server: Any,
    casework_world: dict[str, Any],
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    young_person = casework_world["young_person"]
    sign_in(page, casework_world["manager"])
    page.goto(live_server.url + "/caseloads/")
    assert_accessible(page)
    page.get_by_role("link", name=casework_world["pa"].team.name).click()
    expect(page.locator("main")).to_contain_text("Priya Adviser")
    assert_accessible(page)

    page.goto(live_server.url + f"/young-people/{young_person.pk}/allocation/change/?role=pa")
    page.get_by_label("New personal adviser").select_option(
        value=str(casework_world["other_pa"].pk)
    )
    page.get_by_label("Reason", exact=True).select_option("MANAGE")
    today = timezone.localdate()
    fill_date(page, "start", today)
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Save|Change|Allocate", re.I)).click()
    _expect_no_errors(page)

    current = Allocation.objects.get(young_person=young_person, role="pa", end__isnull=True)
    assert current.worker == casework_world["other_pa"]
    assert current.is_change
    page.goto(live_server.url + f"/young-people/{young_person.pk}/")
    changes = page.locator(
        ".govuk-summary-list__row", has_text="Worker changes in the last 12 months"
    )
    expect(changes.locator("dd")).to_have_text("1")


def test_a_duty_call_reaches_the_allocated_personal_advisers_work_tray(
    page: Page,
    browser: Browser,
    live_server: Any,
    casework_world: dict[str, Any],
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    sign_in(page, casework_world["duty"])
    page.goto(live_server.url + "/duty/add/")
    today = timezone.localdate()
    fill_date(page, "occurred_on", today)
    page.locator("#id_occurred_time-hour").fill("00")
    page.locator("#id_occurred_time-minute").fill("02")
    page.get_by_label("Who called or came in?").fill("Jo, from a friend's phone")
    page.get_by_label("Phone call").check()
    page.get_by_label(re.compile("Council child ID")).fill("E2E0001")
    page.get_by_label("What did they need?").fill("Locked out of the flat overnight.")
    page.get_by_label("What was done?").fill("Arranged an emergency locksmith.")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Save|Record|Add", re.I)).click()
    _expect_no_errors(page)

    # On a phone the duty log's wide table scrolls inside its own box, and the page does not.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/duty/")
    expect(page.locator("main")).to_contain_text("Jo, from a friend's phone")
    assert wider_than_screen(page) <= 0
    assert_accessible(page)

    pa_page = _new_page(browser)
    sign_in(pa_page, casework_world["pa"])
    pa_page.goto(live_server.url + "/work-tray/")
    expect(pa_page.locator("main")).to_contain_text("Whitfield")
    expect(pa_page.locator("main")).to_contain_text(re.compile("duty", re.I))
    assert_accessible(pa_page)
    pa_page.set_viewport_size({"width": 390, "height": 844})
    pa_page.reload()
    assert wider_than_screen(pa_page) <= 0
    assert_accessible(pa_page)
