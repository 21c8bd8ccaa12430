"""Every page of a young person's own service on a 320 pixel phone, with a long email address.

The review found long email addresses running off the screen at 320px (the accessibility
statement promises 400% zoom, which is the same width). Each page must fit the screen and pass
axe-core with no serious or critical violations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory, AppointmentFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import make_plan
from careleavers.portal.models import RequestMessage
from careleavers.portal.tests.factories import PortalAccountFactory, YoungPersonRequestFactory
from tests.e2e.conftest import sign_in_with_password, wider_than_screen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_EMAIL = "jade.okafor.whitfield.the.third@a-very-long-housing-association-domain.example"
PAGES = [
    "/my/",
    "/my/plan/",
    "/my/plan/easy-read/",
    "/my/entitlements/",
    "/my/entitlements/easy-read/",
    "/my/money/",
    "/my/documents/",
    "/my/appointments/",
    "/my/my-say/",
    "/my/my-say/feedback/",
    "/my/my-say/how-are-things/",
    "/my/about-me/",
    "/my/about-me/write/",
    "/my/requests/",
    "/my/account/",
]


def test_every_page_fits_a_320_pixel_phone_with_a_long_email_address(
    page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    team = TeamFactory()
    adviser = UserFactory(
        roles=[Role.PERSONAL_ADVISER], team=team, email="priya.shah.adviser@" + LONG_EMAIL[-40:]
    )
    young_person = YoungPersonFactory(
        team=team, category="former_relevant", first_name="Jade", last_name="Okafor"
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    # A booked visit, so "My appointments" and the home page show it on the small screen too.
    AppointmentFactory(
        young_person=young_person,
        worker=adviser,
        place="at the Leaving Care office, 2 Market Street, Bradford",
        note="Bring your bank card and the letter about your tenancy",
    )
    user = UserFactory(roles=[Role.YOUNG_PERSON], email=LONG_EMAIL)
    PortalAccountFactory(young_person=young_person, user=user)
    # A request with a conversation on it: the adviser's answer (with a long address in it)
    # and the young person's reply, so the thread is checked on the small screen too.
    asked = YoungPersonRequestFactory(young_person=young_person)
    RequestMessage.objects.create(
        portal_request=asked,
        author=adviser,
        from_young_person=False,
        text=f"Yes. Bring your bank card on Tuesday, or email me at {adviser.email}",
    )
    RequestMessage.objects.create(
        portal_request=asked, author=user, from_young_person=True, text="Thank you, I will."
    )
    # A shared plan, so the plan and its easy read show every section on the small screen.
    make_plan(young_person, state=PlanState.SHARED, writer=adviser)
    page.set_viewport_size({"width": 320, "height": 640})

    sign_in_with_password(page, live_server.url, user.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Jade")

    # The first screen is for their page: the header takes under a quarter of it, the way to
    # get help now is on it (below any message), and the menu is one tap away at the top.
    header = page.locator("header.govuk-template__header").bounding_box()
    assert header is not None
    assert header["height"] <= 640 / 4
    help_now = page.get_by_role("link", name="I do not feel safe: get help now").bounding_box()
    assert help_now is not None
    assert help_now["y"] + help_now["height"] <= 640
    page.locator("header").get_by_role("link", name="Menu").click()
    expect(page.locator("#portal-menu-heading")).to_be_in_viewport()

    too_wide = []
    for path in [*PAGES, f"/my/requests/{asked.pk}/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)
        overflow = wider_than_screen(page)
        if overflow > 0:
            too_wide.append(f"{path} is {overflow}px wider than the screen")
    assert too_wide == []


def test_a_wellbeing_check_on_a_phone_shows_the_way_to_get_help_when_they_do_not_feel_safe(
    page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    from careleavers.quality.tests.factories import YouSaidWeDidFactory

    team = TeamFactory()
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team, first_name="Priya")
    young_person = YoungPersonFactory(team=team, category="former_relevant", first_name="Jade")
    AllocationFactory(young_person=young_person, worker=adviser)
    YouSaidWeDidFactory(status="published", you_said="The office is hard to get to")
    user = UserFactory(roles=[Role.YOUNG_PERSON], email=LONG_EMAIL)
    PortalAccountFactory(young_person=young_person, user=user)
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_with_password(page, live_server.url, user.email)

    page.goto(live_server.url + "/my/my-say/")
    expect(page.get_by_text("The office is hard to get to")).to_be_visible()
    page.get_by_role("button", name="Answer the questions").click()
    answers = {
        "Do you feel settled where you live?": "Most of the time",
        "Do you feel safe where you live?": "Hardly ever",
        "Is there someone you trust you can go to when things go wrong?": "Sometimes",
        "Do you have enough money for food, bills and the things you need?": "Sometimes",
        "Do you feel good about what is coming next for you?": "I’d rather not say",
    }
    for question, answer in answers.items():
        page.get_by_role("group", name=question).get_by_label(answer).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(
        page.get_by_text("You told us you do not always feel safe where you live.")
    ).to_be_visible()
    help_now = page.locator("main").get_by_role("button", name="I do not feel safe")
    expect(help_now).to_be_in_viewport()
    assert_accessible(page)
    overflow = wider_than_screen(page)
    assert overflow <= 0
    help_now.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
