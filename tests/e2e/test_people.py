"""A question of law about a young person's category, decided in a real browser.

Jade's care ended on her 16th birthday. Whether that care "ended after she reached the age of
sixteen" (Children Act 1989 Sch 2 para 19B(2)(b)) can be read two ways, so her personal adviser
finds the question in the work tray, reads both readings on her care history, is refused without
a reason, and records a decision that the category then follows. Every page passes axe-core with
no serious or critical violations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.casework.models import WorkerRole
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.people.category import birthday
from careleavers.people.models import YoungPerson
from careleavers.people.services import category_refresh
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory
from tests.e2e.conftest import TEST_TOTP_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_personal_adviser_decides_a_question_about_the_category(
    page: Page,
    live_server: Any,
    make_user: Callable[..., Any],
    team: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    pa = make_user(
        Role.PERSONAL_ADVISER, team=team, totp_secret=TEST_TOTP_SECRET, first_name="Priya"
    )
    jade = YoungPersonFactory(team=team, first_name="Jade", last_name="Okafor")
    AllocationFactory(young_person=jade, worker=pa, role=WorkerRole.PERSONAL_ADVISER)
    CareEpisodeFactory(young_person=jade, end=birthday(jade.date_of_birth, 16))
    category_refresh(young_person=jade)

    sign_in(page, pa)
    page.goto(live_server.url + reverse("casework:work_tray"))
    page.get_by_role("link", name="Decide a question about their leaving care category").click()
    expect(page.locator("main")).to_contain_text("Their care ended on their 16th birthday.")
    expect(page.locator("main")).to_contain_text("They reached 16 at the start of their birthday")
    expect(page.locator("main")).to_contain_text("No day of their care fell after they were 16")
    assert_accessible(page)

    page.get_by_role("link", name="Decide this question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Decide a question about their category"
    )
    assert_accessible(page)
    page.get_by_label("No day of their care fell after they were 16", exact=False).check()
    page.get_by_role("button", name="Record decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why you chose this reading")
    assert_accessible(page)

    page.get_by_label("Why").fill("She left her foster home the evening before her birthday.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator("main")).to_contain_text("Decision recorded")
    expect(page.locator("main")).to_contain_text(
        "She left her foster home the evening before her birthday."
    )
    assert_accessible(page)
    jade = YoungPerson.objects.get(pk=jade.pk)
    assert jade.category == "none"
    assert jade.category_needs_decision == ""
