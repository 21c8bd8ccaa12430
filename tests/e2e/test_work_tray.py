"""A team manager's Monday tray in a browser (Chromium at 1280px): the plans waiting for them to
authorise come before twenty routine oversight reviews, which show as one row; they narrow the
tray to the plans, then open the reviews and mark several reviewed in one go with one note.
Every page visited passes axe-core."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import make_plan
from careleavers.quality.models import OversightEntry
from careleavers.quality.tests.factories import OversightEntryFactory
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REVIEWS = 20


def test_a_team_manager_finds_the_plans_to_authorise_and_reviews_oversight_in_one_go(
    page: Page,
    live_server: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    today = timezone.localdate()
    team = TeamFactory(name="North team")
    manager = manager_with_authenticator(team, email="tm.e2e@test.example")
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    for first_name in ("Amira", "Ben"):
        make_plan(
            YoungPersonFactory(team=team, first_name=first_name, last_name="Plan"),
            state=PlanState.SUBMITTED,
            writer=adviser,
        )
    for number in range(REVIEWS):
        OversightEntryFactory(
            young_person=YoungPersonFactory(
                team=team, first_name=f"Case{number:02d}", last_name="Oversight"
            ),
            manager=manager,
            recorded_on=today - datetime.timedelta(days=90),
            review_by=today - datetime.timedelta(days=30 + number),
        )
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, manager)

    # The tray: the two plans come first, the reviews are one row with their count.
    page.goto(live_server.url + "/work-tray/")
    rows = page.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Authorise or return pathway plan")
    expect(rows.nth(1)).to_contain_text("Authorise or return pathway plan")
    expect(rows.nth(2)).to_contain_text(f"Management oversight to review ({REVIEWS})")
    expect(page.get_by_role("link", name="Plans to authorise (2)")).to_be_visible()
    # A young person's name opens their record.
    expect(page.get_by_role("link", name="Amira Plan")).to_have_attribute(
        "href", re.compile(r"^/young-people/\d+/$")
    )
    assert_accessible(page)

    # Narrowed to the plans with the filter form (no JavaScript needed: a GET form).
    page.get_by_label("Kind of work").select_option(label="Plans to authorise (2)")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"kind=plan_awaiting_authorisation"))
    expect(page.locator("tbody tr")).to_have_count(2)
    assert_accessible(page)

    # Back to everything, then open the group of reviews.
    page.get_by_role("link", name=re.compile(r"Show everything")).first.click()
    page.get_by_role("link", name=f"Management oversight to review ({REVIEWS})").first.click()
    expect(page.locator("tbody tr")).to_have_count(REVIEWS)
    assert_accessible(page)

    # Three ticked, continue, one note, confirm.
    for name in ("Case19", "Case18", "Case17"):
        page.get_by_label(re.compile(f"Select {name} Oversight")).check()
    page.get_by_role("button", name="Continue with the selected").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Review management oversight: 3 selected"
    )
    expect(page.locator("tbody tr")).to_have_count(3)
    assert_accessible(page)

    # Without the note nothing happens, and the error says what to do.
    page.get_by_role("button", name="Mark as reviewed (3)").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what the reviews found")
    assert_accessible(page)
    page.get_by_label("What did the reviews find?").fill(
        "Directions followed: each plan was brought forward."
    )
    page.get_by_role("button", name="Mark as reviewed (3)").click()

    expect(page.locator("main")).to_contain_text(
        "Management oversight to review: 3 items marked as reviewed"
    )
    expect(page.locator("tbody tr")).to_have_count(REVIEWS - 3)
    assert_accessible(page)
    reviewed = OversightEntry.objects.exclude(reviewed_on=None)
    assert sorted(reviewed.values_list("young_person__first_name", flat=True)) == [
        "Case17",
        "Case18",
        "Case19",
    ]
    assert {entry.review_note for entry in reviewed} == {
        "Directions followed: each plan was brought forward."
    }

    # Everything left on the page at once, without ticking each box.
    page.get_by_label(f"Select all {REVIEWS - 3} on this page").check()
    page.get_by_role("button", name="Continue with the selected").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Review management oversight: {REVIEWS - 3} selected"
    )
    page.get_by_label("What did the reviews find?").fill("All followed.")
    page.get_by_role("button", name=f"Mark as reviewed ({REVIEWS - 3})").click()
    expect(page.locator("main")).to_contain_text(f"{REVIEWS - 3} items marked as reviewed")
    assert not OversightEntry.objects.filter(reviewed_on=None).exists()
