"""The local offer in a browser: a manager approves a setting up home purchase and the balance
falls; a request over the balance is refused without an override. Pages pass axe-core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.offer import services
from careleavers.offer.models import PaymentType
from careleavers.people.tests.factories import YoungPersonFactory
from tests.e2e.conftest import TEST_TOTP_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _setting_up_home_request(
    worker: Any, young_person: Any, description: str, amount_pence: int
) -> None:
    """The adviser asks for a payment from the setting-up-home allowance."""
    services.payment_request_create(
        acting_user=worker,
        young_person=young_person,
        payment_type=PaymentType.SETTING_UP_HOME,
        description=description,
        amount_pence=amount_pence,
    )


def test_a_manager_approves_a_purchase_and_refuses_an_overspend(
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[..., None],
) -> None:
    team = TeamFactory()
    manager = UserFactory(
        roles=[Role.HEAD_OF_SERVICE],
        team=team,
        totp_secret=TEST_TOTP_SECRET,
        email="hos.offer@test.council.example",
    )
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    young_person = YoungPersonFactory(team=team, category="former_relevant")
    _setting_up_home_request(worker, young_person, "Fridge freezer", amount_pence=35_000)
    sign_in(page, manager, greeted="Hello")

    money_url = f"{live_server.url}/young-people/{young_person.pk}/offer/money/"
    page.goto(money_url)
    expect(page.get_by_role("heading", name="Money")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Decide").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decide on a payment")
    assert_accessible(page)
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Save decision").click()
    funds = page.locator("table").first
    expect(funds).to_contain_text("£2,650")  # £3,000 less £350

    # A request for more than is left is refused without an override.
    _setting_up_home_request(worker, young_person, "Three-piece suite", amount_pence=300_000)
    page.goto(money_url)
    page.get_by_role("link", name="Decide").click()
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Save decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("more than they have left")
    assert_accessible(page)
    page.goto(money_url)
    expect(page.locator("table").first).to_contain_text("£2,650")

    # The personal statement and its printable copy.
    page.goto(f"{live_server.url}/young-people/{young_person.pk}/offer/")
    expect(page.get_by_role("heading", name="What you can get now")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/offer/")
    assert_accessible(page)
