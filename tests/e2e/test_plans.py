"""A pathway plan from draft to shared, in a real browser.

The personal adviser writes the plan with the young person's words in every section and submits
it; the team manager returns it with a comment; the adviser amends and resubmits; the manager
authorises; the adviser records that it was shared. The young person's copy downloads as a PDF
with their words in it, and the history shows both submitted versions and what changed between
them. Every page passes axe-core.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.learning.tests.factories import ActivityEpisodeFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import schedule
from careleavers.plans.models import PathwayPlan, PlanState, PlanStateChange
from tests.e2e.conftest import TEST_TOTP_SECRET
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIRST_MONEY_WORDS = "I get my money every two weeks and it runs out."
AMENDED_MONEY_WORDS = "I get Universal Credit every two weeks and I want help to save £10 a week."


def _words(key: str) -> str:
    return f"Jordan says: this is what I want for {key.replace('_', ' ')}."


def _switch_to(page: Page, live_server: Any, user: Any) -> None:
    """Sign in as another user by giving the browser their session cookie (the sign-in form and
    its authenticator step are proved above and in test_platform.py)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _write_section(page: Page, live_server: Any, plan: PathwayPlan, key: str, words: str) -> None:
    page.goto(f"{live_server.url}/plans/{plan.pk}/sections/{key}/")
    definition = schedule.SECTIONS_BY_KEY[key]
    page.get_by_label("What the young person says, in their words").fill(words)
    if key == schedule.CONTINGENCY:
        page.get_by_label("The contingency plan").fill(
            "If the flat does not work out, Jordan calls the duty team and can stay at "
            "Foyer House while we find somewhere new."
        )
    else:
        box = page.get_by_label(definition.assessment_label)
        if not box.input_value():
            box.fill(f"Assessment of {definition.title.lower()}.")
    page.get_by_role("button", name="Save section").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"{definition.title} saved"
    )


def _decide(page: Page, live_server: Any, plan: PathwayPlan, decision: str, comment: str) -> None:
    page.goto(f"{live_server.url}/plans/awaiting-authorisation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pathway plans for managers")
    page.get_by_role("link", name=re.compile(f"Plan {plan.number}")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Authorise or return")
    page.get_by_label(decision).check()
    if comment:
        page.get_by_label("Comments").fill(comment)
    page.get_by_role("button", name="Save decision").click()


def test_a_plan_from_draft_to_shared(
    page: Page,
    live_server: Any,
    make_user: Callable[..., Any],
    team: Any,
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[..., None],
) -> None:
    adviser = make_user(
        Role.PERSONAL_ADVISER,
        team=team,
        totp_secret=TEST_TOTP_SECRET,
        first_name="Sam",
        last_name="Okafor",
        phone="07700 900123",
    )
    manager = manager_with_authenticator(team, first_name="Helen", last_name="Baxter")
    young_person = YoungPersonFactory(
        team=team,
        first_name="Jordan",
        last_name="Miles",
        preferred_name="",
        faith="Christian",
        first_language="English",
        category="eligible",
    )
    AllocationFactory(young_person=young_person, worker=adviser, role="pa")
    # Their record says full-time college; the plan will say apprenticeship.
    ActivityEpisodeFactory(young_person=young_person, activ="F2", created_by=adviser)

    # The personal adviser starts the plan.
    sign_in(page, adviser, greeted=f"Hello, {adviser.first_name}")
    page.goto(f"{live_server.url}/young-people/{young_person.pk}/plans/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pathway plans")
    assert_accessible(page)
    page.get_by_role("button", name="Start a pathway plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pathway plan 1")
    expect(page.locator("main")).to_contain_text("Faith: Christian.")
    assert_accessible(page)
    plan = PathwayPlan.objects.get(young_person=young_person)

    # One page per section, their words first and help beside.
    page.goto(f"{live_server.url}/plans/{plan.pk}/sections/contingency/")
    expect(page.locator("aside")).to_contain_text("What this section is for")
    assert_accessible(page)
    for definition in schedule.PLAN_SECTIONS:
        words = FIRST_MONEY_WORDS if definition.key == "finance" else _words(definition.key)
        _write_section(page, live_server, plan, definition.key, words)

    # The education section's structured answer, which the manager will check against the record.
    page.goto(f"{live_server.url}/plans/{plan.pk}/sections/education_and_training/")
    page.get_by_label("What they will mainly be doing").select_option(
        label="Full time in an apprenticeship"
    )
    page.get_by_role("button", name="Save section").click()
    expect(page.locator("#section-education_and_training")).to_contain_text(
        "Full time in an apprenticeship"
    )

    # An action and a goal.
    page.goto(f"{live_server.url}/plans/{plan.pk}/sections/finance/actions/add/")
    page.get_by_label("What will be done").fill("Set up a savings account")
    page.get_by_label("Who will do it").fill("Sam (personal adviser) with Jordan")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2031")
    assert_accessible(page)
    page.get_by_role("button", name="Save action").click()
    expect(page.locator("#section-finance")).to_contain_text("Set up a savings account")
    page.get_by_role("link", name="Add a goal").click()
    page.get_by_label("The goal, in the young person's words").fill("Pass my driving test")
    page.get_by_role("button", name="Save goal").click()
    expect(page.locator("#goals")).to_contain_text("Pass my driving test")

    # Submit it.
    page.get_by_role("link", name="Submit for authorisation").click()
    assert_accessible(page)
    page.get_by_role("button", name="Submit for authorisation").click()
    expect(page.locator("main")).to_contain_text("Waiting for authorisation")

    # The manager returns it with a comment.
    _switch_to(page, live_server, manager)
    page.goto(f"{live_server.url}/plans/awaiting-authorisation/")
    assert_accessible(page)
    _decide(page, live_server, plan, "Return it to the worker", "")
    # A return without a comment is refused, the GOV.UK way.
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what needs to change")
    assert_accessible(page)
    page.get_by_label("Comments").fill("Please say more about how Jordan manages money.")
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator("main")).to_contain_text("Returned to the worker")

    # The adviser amends and resubmits.
    _switch_to(page, live_server, adviser)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.locator(".govuk-inset-text")).to_contain_text("say more about how Jordan manages")
    assert_accessible(page)
    _write_section(page, live_server, plan, "finance", AMENDED_MONEY_WORDS)
    page.goto(f"{live_server.url}/plans/{plan.pk}/submit/")
    page.get_by_role("button", name="Submit for authorisation").click()

    # Before authorising, the manager reads what changed since they returned it, and where
    # the record today disagrees with the plan.
    _switch_to(page, live_server, manager)
    page.goto(f"{live_server.url}/plans/{plan.pk}/decision/")
    main = page.locator("main")
    expect(main).to_contain_text("Since it was returned")
    expect(main).to_contain_text("This is their first plan")
    page.get_by_text("Financial support: before and now").click()
    expect(main.locator("details[open]")).to_contain_text("Universal Credit")
    expect(main).to_contain_text(
        "The plan says “Full time in an apprenticeship”. Their record says “Full time in "
        "education other than higher education”"
    )
    assert_accessible(page)

    # The manager authorises.
    _decide(page, live_server, plan, "Authorise the plan", "Clear and in Jordan's words.")
    expect(page.locator("main")).to_contain_text("Authorised")

    # The adviser records that it was shared.
    _switch_to(page, live_server, adviser)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.get_by_role("link", name="Record that it was shared").click()
    assert_accessible(page)
    today = time.localtime()
    page.get_by_label("Day").fill(str(today.tm_mday))
    page.get_by_label("Month").fill(str(today.tm_mon))
    page.get_by_label("Year").fill(str(today.tm_year))
    page.get_by_label("Given in person").check()
    page.get_by_label("The young person was given a copy and it was explained to them").check()
    page.get_by_label("Agrees with some of the plan").check()
    page.get_by_label("What the young person said about the plan, in their words").fill(
        "I agree but I want to stay in Bradford."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Shared with Jordan Miles")
    assert_accessible(page)
    plan.refresh_from_db()
    assert plan.state == PlanState.SHARED

    # The young person's copy.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the young person's copy (PDF)").click()
    pdf_path = download.value.path()
    with open(pdf_path, "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert AMENDED_MONEY_WORDS in text
    assert _words("health") in text
    for definition in schedule.PLAN_SECTIONS:
        assert definition.young_person_title in text

    # The history: what the plan said today, and the two submissions side by side.
    page.goto(f"{live_server.url}/young-people/{young_person.pk}/plans/history/")
    assert_accessible(page)
    page.get_by_label("Day").fill(str(today.tm_mday))
    page.get_by_label("Month").fill(str(today.tm_mon))
    page.get_by_label("Year").fill(str(today.tm_year))
    page.get_by_role("button", name="Show the plan on this date").click()
    expect(page.locator("main")).to_contain_text("Plan 1 was in force")
    expect(page.locator("main")).to_contain_text(AMENDED_MONEY_WORDS)
    assert_accessible(page)

    first, second = PlanStateChange.objects.filter(
        plan=plan, to_state=PlanState.SUBMITTED
    ).order_by("at")
    page.get_by_label("Older version").select_option(f"c{first.pk}")
    page.get_by_label("Newer version").select_option(f"c{second.pk}")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare versions of the plan")
    expect(page.locator("main")).to_contain_text("What changed: Financial support.")
    finance = page.locator("table", has_text="Financial support")
    expect(finance.locator("del").first).to_contain_text("money")
    expect(finance.locator("ins").first).to_contain_text("Universal Credit")
    assert_accessible(page)
