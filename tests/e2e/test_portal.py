"""The young person's pages on a phone-sized screen (375 by 812): a young person accepts the
invitation their adviser sent, creates their login, signs in, visits every page of theirs, asks
for a review and for something from the local offer, gives feedback and says they do not feel
safe. Every page passes axe-core with no serious or critical violations."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.models import Alert, DutyPolicy
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import YOUNG_PERSONS_WORDS, make_plan
from careleavers.portal import services
from careleavers.portal.models import OutboxMessage, RequestKind, YoungPersonRequest
from careleavers.quality.models import YoungPersonFeedback
from tests.e2e.staff import manager_with_authenticator

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "purple-kettle-on-the-moon"  # noqa: S105
LINK = re.compile(r"https?://\S+/my/invitation/[^/\s]+/")
PAGES = (
    ("/my/", "Hello, Jade"),
    ("/my/plan/", "Your pathway plan"),
    ("/my/plan/review/", "Ask for a review of your plan"),
    ("/my/entitlements/", "What you can get"),
    ("/my/entitlements/leisure_pass/ask/", "Ask for: Free leisure centre pass"),
    ("/my/money/", "Your money"),
    ("/my/documents/", "Your important documents"),
    ("/my/documents/passport/help/", "Get help with: Passport"),
    ("/my/appointments/", "Your appointments"),
    ("/my/my-say/", "Your say"),
    ("/my/my-say/talk-about/", "What do you want to talk about?"),
    ("/my/my-say/feedback/", "Tell us what you think"),
    ("/my/help-now/", "Get help now"),
    ("/my/about-me/", "About me"),
    ("/my/about-me/change/", "Change your about me"),
    ("/my/about-me/write/", "Write your about me"),
    ("/my/support/", "Support from 21 to 25"),
    ("/my/requests/", "What you have asked for"),
    ("/my/account/", "Your account"),
)


def test_a_young_person_sets_up_their_account_and_uses_every_page(
    page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    team = TeamFactory(duty_phone="01274 111 222")
    manager = manager_with_authenticator(team)
    adviser = UserFactory(
        roles=[Role.PERSONAL_ADVISER],
        team=team,
        first_name="Priya",
        last_name="Shah",
        phone="07700 900 123",
    )
    young_person = YoungPersonFactory(
        team=team, category="former_relevant", first_name="Jade", last_name="Okafor"
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    make_plan(young_person, state=PlanState.SHARED, writer=adviser, manager=manager)

    # The adviser invites Jade; the fake Notify keeps the email with the link in it.
    services.invitation_send(
        acting_user=adviser,
        young_person=young_person,
        method="email",
        sent_to="jade.okafor@example.com",
        link_base=live_server.url,
    )
    link = LINK.search(OutboxMessage.objects.get().body).group(0)  # type: ignore[union-attr]

    # Accepting the invitation: date of birth, email and a password.
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your account")
    assert_accessible(page)
    page.get_by_role("button", name="Create my account").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your date of birth")
    assert_accessible(page)
    born = young_person.date_of_birth
    page.get_by_label("Day").fill(str(born.day))
    page.get_by_label("Month").fill(str(born.month))
    page.get_by_label("Year").fill(str(born.year))
    expect(page.get_by_label("Your email address")).to_have_value("jade.okafor@example.com")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type your password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()

    # Straight in to their own pages, without signing in again.
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your account is ready")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Jade")
    assert_accessible(page)

    # The link cannot be used again.
    second = page.context.new_page()
    second.goto(link)
    expect(second.get_by_role("heading", level=1)).to_have_text("Sign out first")
    second.close()

    for path, heading in PAGES:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        expect(page.locator(".app-portal-contacts")).to_contain_text("Priya Shah")
        expect(page.locator(".app-portal-contacts")).to_contain_text("01274 111 222")
        assert_accessible(page)

    # My plan: their words, and "I want a review".
    page.goto(live_server.url + "/my/plan/")
    expect(page.locator("main")).to_contain_text(YOUNG_PERSONS_WORDS)
    page.get_by_role("button", name="I want a review").click()
    page.get_by_label("Why do you want a review? (optional)").fill("I am moving to Leeds")
    page.get_by_role("button", name="Ask for a review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("want a review")
    assert_accessible(page)

    # What I can get: "ask for this".
    page.goto(live_server.url + "/my/entitlements/")
    page.get_by_role("button", name=re.compile(r"Ask for this\W+Free leisure centre pass")).click()
    page.get_by_role("button", name="Send to my adviser").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Free leisure centre pass")
    page.goto(live_server.url + "/my/entitlements/")
    expect(page.locator("main")).to_contain_text("You asked for this on")

    # My say: feedback on their adviser.
    page.goto(live_server.url + "/my/my-say/")
    page.get_by_role("button", name="Tell us what you think").click()
    page.get_by_label("Send it with my name").check()
    page.get_by_label("My personal adviser").check()
    page.get_by_label("Very good").check()
    page.get_by_label("What is good?").fill("Priya always calls me back")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Thank you")
    assert_accessible(page)

    # "I don't feel safe": the numbers first, then the alarm, to whoever is on duty now (with
    # nobody on the rota, the out-of-hours service at any hour: tests/e2e/test_not_safe.py
    # freezes the clock for each case).
    policy = DutyPolicy.current()
    policy.out_of_hours_mobile = "07700 900 999"
    policy.out_of_hours_email = "edt@council.example"
    policy.save()
    page.goto(live_server.url + "/my/")
    page.get_by_role("link", name="I do not feel safe: get help now").click()
    expect(page.get_by_role("link", name="Call 999")).to_be_visible()
    page.get_by_label("What is happening? (optional)").fill("Someone is outside my flat")
    page.get_by_role("button", name="Tell them now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("We have sent your message")
    expect(page.get_by_role("link", name="Call 999")).to_be_visible()
    assert_accessible(page)

    kinds = set(YoungPersonRequest.objects.values_list("kind", flat=True))
    assert {RequestKind.REVIEW, RequestKind.OFFER_ITEM, RequestKind.NOT_SAFE} <= kinds
    assert YoungPersonFeedback.objects.get().method == "portal"
    assert Alert.objects.filter(young_person=young_person, kind="safeguarding").exists()
    assert {("sms", "07700900999"), ("email", "edt@council.example")} <= set(
        OutboxMessage.objects.values_list("kind", "to")
    )
