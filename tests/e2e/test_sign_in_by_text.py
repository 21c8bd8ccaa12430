"""A young person with no email address, invited by text, gets from the text to their own
pages on a phone with one link, their date of birth and one texted code.

The invitation and the code are read from the fake GOV.UK Notify's outbox, as the young person
would read them on their phone. Every page on the way passes axe-core.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal import services
from careleavers.portal.models import OutboxMessage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MOBILE = "07700900982"


def _latest_text() -> str:
    message = OutboxMessage.objects.filter(kind="sms", to=MOBILE).order_by("-pk").first()
    assert message is not None
    return str(message.body)


def test_invited_by_text_with_no_email_they_reach_their_pages_with_a_code(
    page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    team = TeamFactory()
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team, first_name="Priya")
    young_person = YoungPersonFactory(
        team=team,
        category="former_relevant",
        first_name="Jade",
        email="",
        phone=MOBILE,
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    services.invitation_send(
        acting_user=adviser,
        young_person=young_person,
        method="sms",
        sent_to=MOBILE,
        link_base=live_server.url,
    )
    page.set_viewport_size({"width": 390, "height": 844})

    # The text: who sent it, what they need, and one short link.
    invitation = _latest_text()
    assert "Priya invited you" in invitation
    assert "date of birth" in invitation
    link = re.search(r"https?://\S+/i/[a-z2-9]{10}\b", invitation)
    assert link is not None, invitation
    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your account")
    assert_accessible(page)

    # One date of birth; a code is the way in chosen for them, and no email is asked for.
    born = young_person.date_of_birth
    page.get_by_label("Day").fill(str(born.day))
    page.get_by_label("Month").fill(str(born.month))
    page.get_by_label("Year").fill(str(born.year))
    expect(page.get_by_label(re.compile("With a code we text to"))).to_be_checked()
    page.get_by_label("Keep me signed in on this phone").check()
    page.get_by_role("button", name="Create my account").click()

    # One code, from the text that has just arrived.
    expect(page.get_by_role("heading", level=1)).to_have_text("Type the code we texted you")
    assert_accessible(page)
    code = re.match(r"(\d{6}) is your code", _latest_text())
    assert code is not None
    page.get_by_label("Code from the text").fill(code.group(1))
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(live_server.url + "/my/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Jade")
    assert_accessible(page)

    # Their account page offers to add an email address later.
    page.goto(live_server.url + "/my/account/")
    expect(page.get_by_role("link", name="Add an email address")).to_be_visible()
    assert_accessible(page)

    # Next time: the sign-in page offers a code by text.
    page.context.clear_cookies()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("link", name="Get a code by text to your mobile").click()
    assert_accessible(page)
    page.get_by_label("Mobile number").fill("07700 900 982")
    page.get_by_role("button", name="Text me a code").click()
    code = re.match(r"(\d{6}) is your code", _latest_text())
    assert code is not None
    page.get_by_label("Code from the text").fill(code.group(1))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + "/my/")
