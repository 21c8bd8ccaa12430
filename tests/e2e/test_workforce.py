"""Supervision in a browser: a team manager records a supervision of a personal adviser, with
the reflective discussion and an action; the head of service draws a sample, grades the record
reflective, and the grade shows in the supervision quality report. Every page passes axe-core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import TEST_TOTP_SECRET
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_manager_records_supervision_and_the_head_of_service_grades_it(
    page: Page,
    browser: Browser,
    live_server: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    team = TeamFactory(name="North team")
    manager = manager_with_authenticator(team, email="manager.workforce@test.council.example")
    head = UserFactory(
        roles=[Role.HEAD_OF_SERVICE],
        totp_secret=TEST_TOTP_SECRET,
        email="head.workforce@test.council.example",
    )
    worker = UserFactory(
        roles=[Role.PERSONAL_ADVISER], team=team, first_name="Priya", last_name="Adviser"
    )
    young_person = YoungPersonFactory(team=team, first_name="Jade", last_name="Walker")
    AllocationFactory(young_person=young_person, worker=worker)

    # The team manager records the supervision.
    sign_in(page, manager)
    page.get_by_role("link", name="Workforce", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Workforce")
    assert_accessible(page)
    page.get_by_role("link", name="Supervision records").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supervision records")
    assert_accessible(page)
    page.get_by_role("button", name="Record a supervision").click()
    assert_accessible(page)
    page.get_by_role("link", name="Priya Adviser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a supervision")
    assert_accessible(page)

    page.get_by_role("button", name="Save supervision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Write about at least one of the reflective questions"
    )
    assert_accessible(page)

    page.get_by_label("Jade Walker").check()
    page.get_by_label("What is working?").fill(
        "Jade rings Priya when she is worried now, rather than after a crisis."
    )
    page.get_by_label("What worries us?").fill(
        "Rent arrears again. Is it the letters she cannot read, or shame?"
    )
    page.get_by_role("button", name="Save supervision").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Supervision of Priya Adviser")
    expect(page.get_by_text("Jade rings Priya")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add an action").click()
    assert_accessible(page)
    page.get_by_label("Action").fill("Go through the rent letters with Jade")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2030")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("table")).to_contain_text("Go through the rent letters with Jade")
    assert_accessible(page)

    # The head of service samples and grades it.
    other = browser.new_page(base_url=live_server.url)
    sign_in(other, head)
    other.goto(live_server.url + "/workforce/supervision/sample/")
    expect(other.get_by_role("heading", level=1)).to_have_text("Grade supervision")
    assert_accessible(other)
    other.get_by_role("button", name="Draw a random sample").click()
    expect(other.locator(".govuk-notification-banner")).to_contain_text("1 record drawn")
    assert_accessible(other)
    other.get_by_role("link", name="Grade", exact=True).click()
    expect(other.get_by_role("heading", level=1)).to_contain_text("Grade the supervision")
    assert_accessible(other)
    other.get_by_label("Reflective", exact=True).check()
    other.get_by_label("Your comment").fill("Curious about Jade's experience, not just tasks.")
    other.get_by_role("button", name="Save grade").click()
    expect(other.locator(".govuk-notification-banner")).to_contain_text("Grade saved")

    other.get_by_role("link", name="Supervision quality").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Supervision quality")
    expect(other.locator("main")).to_contain_text("1 of 1 graded record reflective (100%)")
    expect(other.get_by_role("table", name="Grades by team")).to_contain_text("North team")
    expect(other.get_by_role("table", name="Grades by supervisor")).to_contain_text(
        manager.get_full_name()
    )
    assert_accessible(other)
    other.close()
