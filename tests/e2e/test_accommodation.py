"""Accommodation in a real browser.

A personal adviser records a stay in a taster flat, then a move into a tenancy that they judge
suitable, and sees the pathway plan review and the 7-day visit become due. A team manager
watches the housing waiting list change when the young person is housed. Every page passes
axe-core with no serious or critical violations.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from careleavers.accommodation.suitability import CHECK_KEYS
from careleavers.accommodation.tests.factories import (
    HousingApplicationFactory,
    PriorityBandFactory,
    ProviderFactory,
    TasterFlatFactory,
)
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.models import Allocation, Contact
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import make_plan
from tests.e2e.conftest import fill_date
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PA_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ"
MANAGER_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_taster_flat_then_a_suitable_tenancy_then_housed_off_the_waiting_list(
    page: Page,
    browser: Browser,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[..., None],
) -> None:
    today = timezone.localdate()
    team = TeamFactory(name="North team")
    pa = UserFactory(
        roles=[Role.PERSONAL_ADVISER],
        team=team,
        totp_secret=PA_SECRET,
        email="pa.accommodation@test.council.example",
        first_name="Priya",
    )
    manager = manager_with_authenticator(
        team,
        totp_secret=MANAGER_SECRET,
        email="tm.accommodation@test.council.example",
        first_name="Morgan",
    )
    young_person = YoungPersonFactory(team=team, first_name="Jade", last_name="Okafor")
    Allocation.objects.create(young_person=young_person, worker=pa, role="pa", reason="FIRST")
    make_plan(young_person, state=PlanState.AUTHORISED, writer=pa, manager=manager)
    Contact.objects.create(
        young_person=young_person,
        worker=pa,
        method="home_visit",
        seen=True,
        occurred_at=timezone.now() - datetime.timedelta(days=20),
    )
    TasterFlatFactory(name="Willow flat")
    HousingApplicationFactory(
        young_person=young_person,
        provider=ProviderFactory(name="Homes Trust"),
        band=PriorityBandFactory(code="B", name="Band B: care leaver priority", target_weeks=16),
        applied_on=today - datetime.timedelta(days=100),
    )
    base = live_server.url
    history = f"{base}/young-people/{young_person.pk}/accommodation/"

    # The personal adviser opens the young person's accommodation.
    sign_in(page, pa, PA_SECRET, greeted=f"Hello, {pa.first_name}")
    page.goto(history)
    expect(page.get_by_role("heading", level=1, name="Accommodation")).to_be_visible()
    assert_accessible(page)

    # A stay in a taster flat, and how it went.
    page.get_by_role("link", name="Book a taster flat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Book a taster flat")
    page.get_by_label("Willow flat").check()
    fill_date(page, "starts_on", today - datetime.timedelta(days=10))
    fill_date(page, "ends_on", today - datetime.timedelta(days=7))
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Willow flat booked")
    page.get_by_role("link", name=re.compile("Record how it went")).click()
    page.get_by_label("Cooking").check()
    page.get_by_label("Budgeting").check()
    page.get_by_label("Ready to live on their own").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("outcome recorded")
    expect(page.locator("main")).to_contain_text("Ready to live on their own")

    # A move into a council tenancy: first a mistake, then the right answer.
    page.get_by_role("button", name="Record a move").click()
    page.locator("#id_accom_type").select_option("U")
    page.locator("#id_council_provided_0").check()
    moved_on = today - datetime.timedelta(days=1)
    fill_date(page, "start", moved_on)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the address")
    assert_accessible(page)
    page.get_by_label("Address").fill("Flat 4, 12 Manor Row\nBradford")
    page.get_by_role("button", name="Save").click()

    # The visit and the review are now due; then the suitability checks.
    banner = page.locator(".govuk-notification-banner")
    visit_due = moved_on + datetime.timedelta(days=7)
    expect(banner).to_contain_text(f"Next visit due by {_long(visit_due)}")
    expect(banner).to_contain_text("within 7 days of moving into accommodation the council")
    review_due = moved_on + datetime.timedelta(days=28)
    expect(banner).to_contain_text(f"pathway plan review is now due by {_long(review_due)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the accommodation is suitable"
    )
    fill_date(page, "assessed_on", today)
    for key in CHECK_KEYS:
        page.locator(f"#id_{key}_0").check()
    page.get_by_label("What the young person says about it, in their words").fill(
        "It's mine and it's near college."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The accommodation is suitable"
    )
    expect(page.locator("main")).to_contain_text("U1")

    # The overview shows where they live now.
    page.goto(f"{base}/young-people/{young_person.pk}/")
    expect(page.locator("main")).to_contain_text("Flat 4, 12 Manor Row")
    assert_accessible(page)

    # The manager sees the young person waiting for a home.
    manager_context = browser.new_context()
    manager_page = manager_context.new_page()
    sign_in(manager_page, manager, MANAGER_SECRET, greeted=f"Hello, {manager.first_name}")
    manager_page.goto(base + "/housing/waiting-list/")
    expect(manager_page.locator("#waiting-summary")).to_contain_text("1 young person waiting")
    expect(manager_page.locator("#waiting-people")).to_contain_text("Jade Okafor")
    assert_accessible(manager_page)

    # The personal adviser records that Jade has been housed.
    page.goto(history)
    page.get_by_role("link", name=re.compile("^Homes Trust")).click()
    page.get_by_role("button", name="Record that they have been housed").click()
    fill_date(page, "housed_on", today)
    page.get_by_label("Address of their new home").fill("Flat 4, 12 Manor Row\nBradford")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("off the waiting list")

    # The waiting list has changed.
    manager_page.reload()
    expect(manager_page.locator("#waiting-summary")).to_contain_text("0 young people waiting")
    expect(manager_page.locator("#waiting-people")).to_contain_text("Nobody is waiting.")
    expect(manager_page.locator("#waiting-by-band")).to_contain_text("Band B: care leaver")
    assert_accessible(manager_page)

    # And the managers' list and the taster flats pages pass too.
    manager_page.goto(base + "/housing/accommodation-concerns/")
    expect(manager_page.get_by_role("heading", level=1)).to_contain_text("Unsuitable")
    assert_accessible(manager_page)
    manager_page.goto(base + "/housing/taster-flats/")
    expect(manager_page.locator("#calendar")).to_be_visible()
    assert_accessible(manager_page)
    manager_context.close()
