"""A young person who reads Arabic: they pick it on their first page, and every one of their
pages is then in Arabic, right to left, on a 320 pixel phone, and passes axe-core with no
serious or critical violations. Then they go back to English with one press."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils.translation import get_language_info
from playwright.sync_api import Locator, Page, expect

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TEST_PASSWORD, TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory, AppointmentFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import make_plan
from careleavers.portal.models import PortalAccount
from careleavers.portal.tests.factories import PortalAccountFactory
from tests.e2e.conftest import sign_in_with_password, wider_than_screen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Each page and the start of its heading in Arabic.
PAGES = [
    ("/my/", "مرحبًا، Jade"),
    ("/my/plan/", "خطة المسار الخاصة بك"),
    ("/my/plan/easy-read/", "خطتك: نسخة سهلة القراءة"),
    ("/my/entitlements/", "ما يمكنك الحصول عليه"),
    ("/my/entitlements/easy-read/", "ما يمكنك الحصول عليه: نسخة سهلة القراءة"),
    ("/my/money/", "مالك"),
    ("/my/documents/", "وثائقك المهمة"),
    ("/my/appointments/", "مواعيدك"),
    ("/my/my-say/", "رأيك"),
    ("/my/my-say/talk-about/", "عن ماذا تريد أن تتحدث؟"),
    ("/my/my-say/feedback/", "أخبرنا برأيك"),
    ("/my/my-say/how-are-things/", "كيف تسير أمورك؟"),
    ("/my/help-now/", "احصل على مساعدة الآن"),
    ("/my/about-me/", "نبذة عني"),
    ("/my/about-me/write/", "اكتب نبذتك"),
    ("/my/support/", "الدعم من عمر 21 إلى 25"),
    ("/my/requests/", "ما طلبته"),
    ("/my/account/", "حسابك"),
]


def test_a_young_person_reads_every_page_in_arabic_on_a_320_pixel_phone(
    page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    team = TeamFactory()
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    young_person = YoungPersonFactory(
        team=team, category="former_relevant", first_name="Jade", last_name="Okafor"
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    AppointmentFactory(young_person=young_person, worker=adviser, place="2 Market Street")
    user = UserFactory(roles=[Role.YOUNG_PERSON], email="jade@example.com")
    PortalAccountFactory(young_person=young_person, user=user)
    # A shared plan, so the plan and its easy read show every section right to left.
    make_plan(young_person, state=PlanState.SHARED, writer=adviser)
    page.set_viewport_size({"width": 320, "height": 640})

    sign_in_with_password(page, live_server.url, user.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Jade")

    # The picker is at the top of the first screen, each language named in itself.
    arabic = page.get_by_role("button", name=get_language_info("ar")["name_local"])
    expect(arabic).to_be_in_viewport()
    arabic.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("مرحبًا، Jade")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert PortalAccount.objects.get(user=user).language == "ar"
    # Still a short header, and the way to get help now on the first screen.
    header = page.locator("header.govuk-template__header").bounding_box()
    assert header is not None
    assert header["height"] <= 640 / 4
    help_now = page.get_by_role("link", name="لا أشعر بالأمان: احصل على مساعدة الآن")
    box = help_now.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= 640
    # Until a qualified translator has checked it, each page says the translation is a draft.
    expect(page.get_by_text("awaiting review by a qualified translator")).to_have_count(1)

    too_wide = []
    for path, heading in PAGES:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert_accessible(page)
        overflow = wider_than_screen(page)
        if overflow > 0:
            too_wide.append(f"{path} is {overflow}px wider than the screen")
    assert too_wide == []

    # GOV.UK's "details" arrow points the way the words read: it sits on the right and points
    # left; opened, it points down.
    page.goto(live_server.url + "/my/plan/")
    summary = page.locator(".govuk-details__summary").first
    assert _arrow(summary) == {"clipPath": LEFT, "right": "0px"}
    summary.click()
    assert _arrow(summary)["clipPath"] == DOWN

    # A form's problems are in Arabic too.
    page.goto(live_server.url + "/my/my-say/talk-about/")
    page.get_by_role("button", name="أرسل إلى مستشاري").click()
    expect(page.locator(".govuk-error-summary__title")).to_have_text("هناك مشكلة")
    assert_accessible(page)

    # The wellbeing check, answered in Arabic: the thank-you page, with the way to get help
    # straight away because they said they do not feel safe.
    page.goto(live_server.url + "/my/my-say/how-are-things/")
    page.get_by_role("button", name="أرسل إجاباتي").click()
    expect(page.locator(".govuk-error-summary__title")).to_have_text("هناك مشكلة")
    expect(page.locator(".govuk-error-summary__list a")).to_have_count(5)
    # Each radio's circle is drawn on the right, where its input is on a right-to-left page.
    radio = page.locator(".govuk-radios__label").first
    assert radio.evaluate("el => getComputedStyle(el, '::before').right") == "2px"
    radio_input = page.locator(".govuk-radios__input").first.bounding_box()
    radio_item = page.locator(".govuk-radios__item").first.bounding_box()
    assert radio_input is not None
    assert radio_item is not None
    assert radio_input["x"] + radio_input["width"] > radio_item["x"] + radio_item["width"] - 50
    for question, answer in (
        ("هل تشعر بالاستقرار في مكان سكنك؟", "معظم الوقت"),
        ("هل تشعر بالأمان في مكان سكنك؟", "نادرًا"),
        ("هل هناك شخص تثق به يمكنك أن تلجأ إليه عندما تسوء الأمور؟", "أحيانًا"),
        ("هل لديك ما يكفي من المال للطعام والفواتير والأشياء التي تحتاجها؟", "أحيانًا"),
        ("هل تشعر بالارتياح تجاه ما ينتظرك في المستقبل؟", "أفضّل ألا أقول"),
    ):
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="أرسل إجاباتي").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("شكرًا لك")
    expect(page.get_by_text("أخبرتنا أنك لا تشعر دائمًا بالأمان في مكان سكنك.")).to_be_visible()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    overflow = wider_than_screen(page)
    assert overflow <= 0

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    assert page.locator("html").get_attribute("dir") is None
    # In English the arrow is GOV.UK's own, on the left pointing right.
    page.goto(live_server.url + "/my/plan/")
    assert _arrow(page.locator(".govuk-details__summary").first)["clipPath"] == RIGHT


# The triangle GOV.UK draws before a details summary, as CSS clip paths.
LEFT = "polygon(0% 50%, 100% 100%, 100% 0%)"
RIGHT = "polygon(0% 0%, 100% 50%, 0% 100%)"
DOWN = "polygon(0% 0%, 50% 100%, 100% 0%)"


def _arrow(summary: Locator) -> dict[str, str]:
    """Which way a details summary's arrow points, and how far it is from the right edge."""
    return summary.evaluate(
        "el => { const arrow = getComputedStyle(el, '::before');"
        " return {clipPath: arrow.clipPath, right: arrow.right}; }"
    )


# The sign-in and account pages young people share with staff, and the error pages.
SHARED_PAGES = [
    ("/accounts/email/", "غيّر عنوان بريدك الإلكتروني"),
    ("/accounts/phone/change/", "أضف رقم هاتف محمول"),
    ("/no-such-page/", "الصفحة غير موجودة"),
]


def test_the_sign_in_account_and_error_pages_are_in_arabic_on_a_320_pixel_phone(
    page: Page, live_server: Any, assert_accessible: Callable[[Page], None]
) -> None:
    young_person = YoungPersonFactory(category="former_relevant", first_name="Jade")
    user = UserFactory(roles=[Role.YOUNG_PERSON], email="jade@example.com")
    PortalAccountFactory(young_person=young_person, user=user)
    page.set_viewport_size({"width": 320, "height": 640})
    # A phone on which Arabic was chosen before (on the invitation page, or the sign-in page).
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])

    def check(heading: str) -> None:
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert_accessible(page)
        overflow = wider_than_screen(page)
        assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"

    page.goto(live_server.url + "/accounts/login/code/")
    check("تسجيل الدخول برمز")
    page.goto(live_server.url + "/accounts/login/")
    check("تسجيل الدخول إلى")
    page.get_by_role("button", name="تسجيل الدخول", exact=True).click()
    expect(page.locator(".govuk-error-summary__title")).to_have_text("هناك مشكلة")
    assert_accessible(page)
    page.get_by_label("عنوان البريد الإلكتروني أو رقم الهاتف المحمول").fill(user.email)
    page.get_by_label("كلمة المرور", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="تسجيل الدخول", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("مرحبًا، Jade")

    for path, heading in SHARED_PAGES:
        page.goto(live_server.url + path)
        check(heading)
