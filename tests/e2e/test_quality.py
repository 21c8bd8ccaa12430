"""Case audits in a browser: an auditor cannot complete an audit until the young person's
feedback (or the reason it could not be had) is recorded; once it is, the audit completes and
the team's completion against target on the programme page moves from 0 of 2 to 1 of 2. Every
page visited passes axe-core."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.quality.tests.factories import (
    AuditTargetFactory,
    allocated_young_person,
    ready_to_complete,
    start_audit,
)
from tests.e2e.conftest import TEST_TOTP_SECRET

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_audit_needs_the_young_persons_voice_before_it_completes(
    page: Page,
    live_server: Any,
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
) -> None:
    team = TeamFactory(name="North team")
    AuditTargetFactory(team=team, target=2)
    person = allocated_young_person(team=team)
    auditor = UserFactory(
        roles=[Role.AUDITOR], totp_secret=TEST_TOTP_SECRET, email="qa.e2e@test.council.example"
    )
    # Every section but the young person's voice is done already, through the services.
    audit = ready_to_complete(start_audit(person, by=auditor), voice=False)
    base = live_server.url

    sign_in(page, auditor)
    page.goto(base + "/quality/")
    expect(page.locator("#service-completion")).to_contain_text(
        "0 of 2 audits completed against target"
    )
    expect(page.get_by_role("row", name=re.compile("North team"))).to_contain_text("0%")
    assert_accessible(page)

    # Trying to complete without their feedback is refused, with the reason.
    page.goto(f"{base}/quality/audits/{audit.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Case audit")
    assert_accessible(page)
    page.get_by_role("button", name="Check and complete the audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check and complete the audit")
    assert_accessible(page)
    page.get_by_role("button", name="Complete the audit").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("You cannot complete the audit yet")
    expect(summary).to_contain_text(
        "Record the young person’s feedback, or the reason it could not be had"
    )
    assert_accessible(page)

    # The auditor phones the young person and records what they say.
    page.get_by_role("link", name="Back to the audit").first.click()
    page.get_by_role("link", name="The young person’s feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The young person’s feedback")
    assert_accessible(page)
    page.get_by_role(
        "link", name="Record the feedback they give you by phone or in person"
    ).click()
    assert_accessible(page)
    page.get_by_label("By phone").check()
    page.get_by_label("My personal adviser").check()
    page.get_by_label("Very good").check()
    page.get_by_label("What they said is good (optional)").fill(
        "She helped me move into my flat and always rings back."
    )
    page.get_by_role("button", name="Save feedback").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Their feedback is recorded"
    )
    feedback_task = page.locator(".govuk-task-list__item", has_text="The young person’s feedback")
    expect(feedback_task.locator(".govuk-task-list__status")).to_have_text("Completed")
    assert_accessible(page)

    # Now it completes.
    page.get_by_role("button", name="Check and complete the audit").click()
    expect(page.locator("#voice + dl")).to_contain_text("always rings back")
    page.get_by_role("button", name="Complete the audit").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Audit completed")
    status = page.locator(".govuk-summary-list__row", has=page.locator("dt", has_text="Status"))
    expect(status).to_contain_text("Completed")
    assert_accessible(page)

    # The programme page moves from 0 of 2 to 1 of 2.
    page.goto(base + "/quality/")
    expect(page.locator("#service-completion")).to_contain_text(
        "1 of 2 audits completed against target (50%)"
    )
    expect(page.get_by_role("row", name=re.compile("North team"))).to_contain_text("50%")
    assert_accessible(page)
