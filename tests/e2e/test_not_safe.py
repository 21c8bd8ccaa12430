""" "I do not feel safe" in a real browser, on a 390 and a 320 pixel wide phone.

At 03:00 on a Saturday a young person presses the button: they see the out-of-hours and 999
numbers first and honest words about who was sent their message, and the text and email leave
the service for the out-of-hours service (the fake Notify's outbox holds them). Their adviser
then finds one urgent item in their work tray, with the number to call, and the staff page
shows what the young person shared. On a weekday at 10:00 a manager puts a duty worker on the
rota, and the message reaches that duty worker. "Exit this page" leaves at once, with and
without JavaScript. Every page passes axe-core and fits the screen.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Browser, Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.models import DutyAlert, DutyPolicy
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal.models import OutboxMessage
from careleavers.portal.tests.factories import PortalAccountFactory
from tests.e2e.conftest import TEST_TOTP_SECRET, sign_in_with_password, wider_than_screen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONDON = ZoneInfo("Europe/London")
SATURDAY_THREE = datetime.datetime(2026, 12, 12, 3, 0, tzinfo=LONDON)
MONDAY_TEN = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=LONDON)
WIDTHS = [390, 320]
NEUTRAL_SITE = re.compile(r"^https://www\.bbc\.co\.uk/weather")


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    team = TeamFactory(duty_phone="01274 111 222")
    adviser = UserFactory(
        roles=[Role.PERSONAL_ADVISER],
        team=team,
        first_name="Priya",
        last_name="Shah",
        phone="07700 900 123",
        totp_secret=TEST_TOTP_SECRET,
    )
    young_person = YoungPersonFactory(
        team=team,
        category="former_relevant",
        first_name="Jade",
        last_name="Okafor",
        phone="07700 900 982",
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    account = PortalAccountFactory(
        young_person=young_person,
        user=UserFactory(roles=[Role.YOUNG_PERSON], email="jade@example.com"),
    )
    policy = DutyPolicy.current()
    policy.out_of_hours_name = "Emergency duty team"
    policy.out_of_hours_mobile = "07700 900 999"
    policy.out_of_hours_email = "edt@council.example"
    policy.save()
    return {"team": team, "adviser": adviser, "young_person": young_person, "user": account.user}


@pytest.fixture
def at_three_on_saturday() -> Iterator[None]:
    with time_machine.travel(SATURDAY_THREE, tick=True):
        yield


@pytest.fixture
def at_ten_on_monday() -> Iterator[None]:
    with time_machine.travel(MONDAY_TEN, tick=True):
        yield


def _fits(page: Page) -> None:
    overflow = wider_than_screen(page)
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


def _checked(page: Page, assert_accessible: Callable[[Page], None]) -> None:
    assert_accessible(page)
    _fits(page)


def _young_person_signs_in(page: Page, live_server: Any, user: Any) -> None:
    sign_in_with_password(page, live_server.url, user.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Jade")


def _phone(browser: Browser, width: int) -> Page:
    """A page in a browser of its own (its own sign-in), on a phone `width` pixels wide."""
    return browser.new_context(viewport={"width": width, "height": 780}).new_page()


def _stand_in_for_the_neutral_site(page: Page) -> None:
    """Answer for the site "Exit this page" leaves for: these tests have no internet."""
    page.route(
        NEUTRAL_SITE,
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Weather</p>"),
    )


def _main_text(page: Page) -> str:
    return page.locator("main").inner_text()


def _first(text: str, *words: str) -> None:
    """Each of `words` appears in `text`, in that order."""
    positions = [text.find(word) for word in words]
    missing = [word for word, at in zip(words, positions, strict=True) if at < 0]
    assert not missing, f"missing: {missing}"
    assert positions == sorted(positions), f"not in this order: {words}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.usefixtures("at_three_on_saturday")
def test_at_three_on_a_saturday_the_message_leaves_for_the_out_of_hours_service(
    page: Page,
    browser: Browser,
    live_server: Any,
    world: dict[str, Any],
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    settings: Any,
    width: int,
) -> None:
    out_of_hours_phone = settings.BRANDING["out_of_hours_phone"]
    page.set_viewport_size({"width": width, "height": 780})
    _young_person_signs_in(page, live_server, world["user"])

    page.get_by_role("link", name="I do not feel safe: get help now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(page.get_by_role("button", name="Emergency Exit this page")).to_be_visible()
    numbers = page.locator(".app-portal-emergency")
    expect(numbers.get_by_role("link", name="Call 999")).to_be_visible()
    expect(numbers.get_by_role("link", name=f"Call {out_of_hours_phone}")).to_be_visible()
    _first(_main_text(page), "Call 999", f"Call {out_of_hours_phone}", "Tell us you do not")
    expect(page.locator("main")).to_contain_text("straight away to the out-of-hours team")
    _checked(page, assert_accessible)

    expect(page.get_by_label("You can call me on (optional)")).to_have_value("07700 900 982")
    page.get_by_label("Where are you? (optional)").fill("The bus stop on Mill Lane")
    page.get_by_label("What is happening? (optional)").fill("Someone is following me")
    page.get_by_role("button", name="Tell them now").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("We have sent your message")
    text = _main_text(page)
    _first(
        text,
        "Call 999",
        f"Call {out_of_hours_phone}",
        "We sent your message to the out-of-hours team (Emergency duty team) at 03:0",
    )
    expect(page.locator("main")).to_contain_text("They will call you on 07700 900 982.")
    expect(page.get_by_role("button", name="Emergency Exit this page")).to_be_visible()
    _checked(page, assert_accessible)

    # The safety message has left the service: a text and an email to the out-of-hours team.
    sms = OutboxMessage.objects.get(kind="sms")
    email = OutboxMessage.objects.get(kind="email")
    assert (sms.to, email.to) == ("07700900999", "edt@council.example")
    for message in (sms, email):
        assert "Jade Okafor" in message.body
        assert "07700 900 982" in message.body
        assert "The bus stop on Mill Lane" in message.body
    duty_alert = DutyAlert.objects.get()
    assert f"{live_server.url}/duty/not-safe/{duty_alert.pk}/" in sms.body

    # "Exit this page" leaves at once for a neutral site.
    _stand_in_for_the_neutral_site(page)
    page.get_by_role("button", name="Emergency Exit this page").click()
    expect(page).to_have_url(NEUTRAL_SITE)

    # Their adviser signs in: one urgent item, with the number to call, and the staff page.
    staff = _phone(browser, width)
    sign_in(staff, world["adviser"])
    staff.goto(live_server.url + "/work-tray/")
    urgent = staff.get_by_role(
        "link", name="Says they do not feel safe: call them on 07700 900 982"
    )
    expect(urgent).to_have_count(1)
    _checked(staff, assert_accessible)
    urgent.click()
    expect(staff.get_by_role("heading", level=1)).to_have_text(
        "Jade Okafor says they do not feel safe"
    )
    expect(staff.get_by_role("link", name="07700 900 982")).to_have_attribute(
        "href", "tel:07700900982"
    )
    expect(staff.locator("main")).to_contain_text("The bus stop on Mill Lane")
    expect(staff.locator("main")).to_contain_text("Emergency duty team (out of hours)")
    _checked(staff, assert_accessible)
    staff.context.close()


def test_exit_this_page_works_without_javascript(
    browser: Browser, live_server: Any, world: dict[str, Any]
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 320, "height": 780}
    )
    page = context.new_page()
    _young_person_signs_in(page, live_server, world["user"])
    page.goto(live_server.url + "/my/help-now/")
    _stand_in_for_the_neutral_site(page)
    page.get_by_role("button", name="Emergency Exit this page").click()
    expect(page).to_have_url(NEUTRAL_SITE)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.usefixtures("at_ten_on_monday")
def test_on_a_weekday_at_ten_a_manager_sets_the_rota_and_the_message_reaches_the_duty_worker(
    page: Page,
    browser: Browser,
    live_server: Any,
    world: dict[str, Any],
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    width: int,
) -> None:
    manager = UserFactory(
        roles=[Role.TEAM_MANAGER], team=world["team"], totp_secret=TEST_TOTP_SECRET
    )
    duty = UserFactory(
        roles=[Role.DUTY_WORKER],
        first_name="Sam",
        last_name="Patel",
        phone="07700 900 456",
        totp_secret=TEST_TOTP_SECRET,
    )
    page.set_viewport_size({"width": width, "height": 780})
    sign_in(page, manager)
    page.goto(live_server.url + "/duty/rota/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Duty rota")
    expect(page.locator("main")).to_contain_text("Nobody is on the duty rota now")
    _checked(page, assert_accessible)

    page.get_by_role("link", name="Put someone on duty on Monday 14 December 2026").click()
    # A duty worker new to the rota and in no team is not on the short list: found by name.
    page.get_by_label("Or find someone else by name").fill("sam pat")
    page.get_by_role("button", name="Find a worker by name").click()
    expect(page.get_by_label("Who is on duty?")).to_have_value(str(duty.pk))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Sam Patel is on duty on Monday 14 December 2026 from 09:00 to 17:00."
    )
    expect(page.locator("main")).to_contain_text("Sam Patel is the duty worker now until 17:00.")
    _checked(page, assert_accessible)

    page.get_by_role("link", name="Change office hours").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Office hours and the out-of-hours service"
    )
    _checked(page, assert_accessible)

    young = _phone(browser, width)
    _young_person_signs_in(young, live_server, world["user"])
    young.goto(live_server.url + "/my/help-now/")
    expect(young.locator("main")).to_contain_text("straight away to Sam Patel, the duty worker")
    young.get_by_role("button", name="Tell them now").click()
    expect(young.get_by_role("heading", level=1)).to_contain_text("We have sent your message")
    expect(young.locator("main")).to_contain_text(
        "We sent your message to Sam Patel, the duty worker at 10:0"
    )
    _checked(young, assert_accessible)
    young.context.close()

    sent = set(OutboxMessage.objects.values_list("kind", "to"))
    assert sent == {
        ("sms", "07700900456"),
        ("email", duty.email),
        ("email", world["adviser"].email),
    }

    on_duty = _phone(browser, width)
    sign_in(on_duty, duty)
    on_duty.goto(live_server.url + "/work-tray/")
    on_duty.get_by_role(
        "link", name="Says they do not feel safe: call them on 07700 900 982"
    ).click()
    expect(on_duty.locator("main")).to_contain_text("Sam Patel (duty worker)")
    _checked(on_duty, assert_accessible)
    on_duty.context.close()
