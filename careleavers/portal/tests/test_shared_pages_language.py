"""The sign-in, account and error pages young people share with staff speak the young person's
language: the one kept with their account, or before they sign in the one this phone chose.
Staff see the same pages in English whatever a cookie says."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from careleavers.portal.tests.conftest import signed_in

pytestmark = pytest.mark.django_db

ARABIC_PAGE = '<html lang="ar" dir="rtl"'
ENGLISH_PAGE = '<html lang="en-GB" class="govuk-template">'


def _phone_that_chose_arabic() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    return client


def _in_arabic(people: Any) -> Client:
    people.account.language = "ar"
    people.account.save(update_fields=["language"])
    return signed_in(people.user)


def test_the_sign_in_page_is_in_the_language_this_phone_chose() -> None:
    page = _phone_that_chose_arabic().get(reverse("account_login")).content.decode()

    assert ARABIC_PAGE in page
    assert "احصل على رمز في رسالة نصية إلى هاتفك المحمول" in page  # "Get a code by text"
    assert "عنوان البريد الإلكتروني أو رقم الهاتف المحمول" in page  # the box's label
    assert "Get a code by text to your mobile" not in page
    # The picker is there, so someone who reads no English can switch back.
    assert 'value="en-gb"' in page


def test_the_sign_in_page_is_english_on_a_phone_that_chose_nothing() -> None:
    page = Client().get(reverse("account_login")).content.decode()

    assert ENGLISH_PAGE in page
    assert "Get a code by text to your mobile" in page


def test_sign_in_mistakes_are_explained_in_their_language() -> None:
    client = _phone_that_chose_arabic()

    refused = client.post(reverse("account_login"), {"login": "", "password": ""})
    code = client.post(reverse("account_request_login_code"), {"phone": "12"})

    assert "أدخل كلمة المرور" in refused.content.decode()  # "Enter your password"
    assert "Enter your password" not in refused.content.decode()
    assert "أدخل رقم هاتف محمول في المملكة المتحدة" in code.content.decode()


def test_a_password_reset_asked_for_in_arabic_is_sent_in_arabic(people: Any) -> None:
    people.user.email = "jade@example.org"
    people.user.save(update_fields=["email"])

    _phone_that_chose_arabic().post(
        reverse("account_reset_password"), {"email": "jade@example.org"}
    )

    (message,) = mail.outbox
    assert "طلب شخص ما إعادة تعيين كلمة المرور لحسابك" in message.body
    assert settings.BRANDING["duty_phone"] in message.body


def test_their_account_pages_follow_the_language_kept_with_their_account(people: Any) -> None:
    client = _in_arabic(people)

    email = client.get(reverse("account_email")).content.decode()
    phone = client.get(reverse("account_change_phone")).content.decode()

    assert ARABIC_PAGE in email
    assert "سنرسل رابطًا إلى عنوان بريدك الإلكتروني الجديد" in email
    assert ARABIC_PAGE in phone
    assert "أرسل لي رمزًا في رسالة نصية" in phone  # "Text me a code"
    # The header these pages share with staff is in their language too.
    assert "تسجيل الخروج" in email  # "Sign out"
    assert "صفحاتك" in email  # "Your pages"
    assert ">Sign out<" not in email


def test_a_staff_page_they_open_says_no_in_their_language(people: Any) -> None:
    client = _in_arabic(people)

    refused = client.get(reverse("people:overview", kwargs={"pk": people.young_person.pk}))
    missing = client.get("/no-such-page/")

    assert refused.status_code == 403
    assert ARABIC_PAGE in refused.content.decode()
    assert "هذه الصفحة ليست جزءًا من حسابك" in refused.content.decode()
    assert missing.status_code == 404
    assert ARABIC_PAGE in missing.content.decode()
    assert "الصفحة غير موجودة" in missing.content.decode()


def test_staff_see_the_shared_and_error_pages_in_english_whatever_the_cookie(
    people: Any,
) -> None:
    adviser = signed_in(people.adviser)
    adviser.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    email = adviser.get(reverse("account_email")).content.decode()
    missing = adviser.get("/no-such-page/").content.decode()

    assert ENGLISH_PAGE in email
    assert ENGLISH_PAGE in missing
    assert "Page not found" in missing


def test_pages_that_are_not_translated_stay_english() -> None:
    page = _phone_that_chose_arabic().get(reverse("core:accessibility")).content.decode()

    assert ENGLISH_PAGE in page
