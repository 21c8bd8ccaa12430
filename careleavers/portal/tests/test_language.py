"""The language of a young person's pages: they choose it on any of their pages, it is kept with
their account (and audited), it follows them to another phone, and staff pages stay English
whatever a cookie says. A council offers only languages the service has a translation for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.translation import get_language_info

from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal.language import check_languages
from careleavers.portal.tests.conftest import signed_in
from careleavers.portal.tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

ARABIC_PAGE = '<html lang="ar" dir="rtl"'
ENGLISH_PAGE = '<html lang="en-GB" class="govuk-template">'
ARABIC_NAME = get_language_info("ar")["name_local"]  # "العربيّة"


def _choose(client: Client, language: str, back: str = "/my/money/") -> Any:
    return client.post(reverse("portal:language"), {"language": language, "next": back})


def test_a_young_person_reads_their_pages_in_the_language_they_choose(
    people: Any, yp_client: Client
) -> None:
    home = yp_client.get(reverse("portal:home")).content.decode()
    assert ENGLISH_PAGE in home
    # The picker names each language in itself, so someone who reads no English finds theirs.
    picker_button = (
        'value="ar" lang="ar" dir="rtl" class="app-link-button app-portal-languages__button">'
    )
    assert f"{picker_button}{ARABIC_NAME}<" in home

    response = _choose(yp_client, "ar")

    assert response.status_code == 302
    assert response["Location"] == "/my/money/"
    people.account.refresh_from_db()
    assert people.account.language == "ar"
    event = AuditEvent.objects.get(action="portal.language_chosen")
    assert event.actor == people.user
    assert event.young_person_id == people.young_person.pk
    assert event.detail == {"from": "en-gb", "to": "ar"}

    page = yp_client.get(reverse("portal:home")).content.decode()
    assert ARABIC_PAGE in page
    assert "مرحبًا، Jade" in page
    assert "Hello, Jade" not in page
    # The menu, the numbers to call and the footer are in Arabic too.
    assert "صفحاتك" in page
    assert "هل تحتاج إلى مساعدة الآن؟" in page
    # Until a qualified translator has checked it, the page says it is a machine draft.
    assert "awaiting review by a qualified translator" in page
    assert "كتبتها آلة" in page
    assert yp_client.get(reverse("portal:home"))["Content-Language"] == "ar"


def test_their_choice_follows_them_to_another_phone(people: Any, yp_client: Client) -> None:
    _choose(yp_client, "ar")

    # A new phone: no cookie, a new session.
    page = signed_in(people.user).get(reverse("portal:money")).content.decode()

    assert ARABIC_PAGE in page
    assert "مالك" in page


def test_they_can_go_back_to_english(people: Any, yp_client: Client) -> None:
    _choose(yp_client, "ar")
    _choose(yp_client, "en-gb")

    people.account.refresh_from_db()
    assert people.account.language == "en-gb"
    assert ENGLISH_PAGE in yp_client.get(reverse("portal:home")).content.decode()
    assert AuditEvent.objects.filter(action="portal.language_chosen").count() == 2


def test_form_messages_and_dates_are_in_their_language(people: Any, yp_client: Client) -> None:
    _choose(yp_client, "ar")

    page = yp_client.post(reverse("portal:agenda"), {"meeting": "", "text": ""})

    content = page.content.decode()
    assert "هناك مشكلة" in content  # "There is a problem"
    assert "اختر متى تريد أن تتحدث عنه" in content
    assert "There is a problem" not in content
    assert '<html lang="ar"' in content


def test_feedback_is_asked_for_and_thanked_in_their_language(
    people: Any, yp_client: Client
) -> None:
    _choose(yp_client, "ar")

    page = yp_client.get(reverse("portal:feedback")).content.decode()
    assert ARABIC_PAGE in page
    assert "أخبرنا برأيك" in page  # "Tell us what you think"
    assert "Priya، مستشارك الشخصي" in page  # who reads it, with the adviser's name as written
    assert "لا تُظهر اسمي" in page  # a choice: "Do not show my name"
    assert "جيد جدًا" in page  # a rating: "Very good"
    assert "لن يستطيع أحد أن يرد عليك" in page  # the hint under "Do not show my name"
    for english in ("Do not show my name", "Very good", "your personal adviser", "Send feedback"):
        assert english not in page

    refused = yp_client.post(reverse("portal:feedback"), {"send_as": "anonymous"})
    assert "اختر موضوع رأيك" in refused.content.decode()  # "Select what your feedback is about"

    sent = yp_client.post(
        reverse("portal:feedback"),
        {"send_as": "anonymous", "about": "service", "rating": "good"},
        follow=True,
    ).content.decode()
    assert "شكرًا لك. أرسلنا رأيك إلى مدير فريقك، بدون اسمك." in sent


def test_the_wellbeing_check_is_in_their_language(people: Any, yp_client: Client) -> None:
    _choose(yp_client, "ar")

    page = yp_client.get(reverse("portal:wellbeing")).content.decode()
    assert ARABIC_PAGE in page
    assert "هل تشعر بالأمان في مكان سكنك؟" in page  # "Do you feel safe where you live?"
    assert "صديق، أو أحد من عائلتك، أو موظف، أو أي شخص آخر." in page  # a hint
    assert "أفضّل ألا أقول" in page  # "I'd rather not say"
    assert "يقرأ إجاباتك: Priya، مستشارك الشخصي" in page
    for english in ("Do you feel safe", "Most of the time", "read them", "Send my answers"):
        assert english not in page

    answers = {
        "settled": "mostly",
        "safe": "hardly_ever",
        "someone_to_turn_to": "mostly",
        "managing_money": "sometimes",
        "good_about_future": "rather_not_say",
    }
    done = yp_client.post(reverse("portal:wellbeing"), answers, follow=True).content.decode()
    assert "أخبرتنا أنك لا تشعر دائمًا بالأمان في مكان سكنك." in done
    assert "You told us" not in done

    # The next one waits, and the page says until when, in Arabic with the month in Arabic.
    wait = yp_client.get(reverse("portal:wellbeing")).content.decode()
    assert "يمكنك أن تجيب عنها مرة أخرى ابتداءً من" in wait
    assert "Thank you for filling it in" not in wait


def test_staff_read_the_wellbeing_answers_in_english(people: Any, yp_client: Client) -> None:
    _choose(yp_client, "ar")
    answers = dict.fromkeys(
        ("settled", "safe", "someone_to_turn_to", "managing_money", "good_about_future"),
        "mostly",
    )
    yp_client.post(reverse("portal:wellbeing"), answers)

    page = signed_in(people.adviser).get(
        reverse("quality:feedback_list", kwargs={"pk": people.young_person.pk})
    )

    content = page.content.decode()
    assert ENGLISH_PAGE in content
    assert "Most of the time" in content
    assert "معظم الوقت" not in content


def test_a_language_that_is_not_offered_changes_nothing(people: Any, yp_client: Client) -> None:
    response = _choose(yp_client, "fr")

    assert response.status_code == 302
    people.account.refresh_from_db()
    assert people.account.language == ""
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert not AuditEvent.objects.filter(action="portal.language_chosen").exists()
    page = yp_client.get(response["Location"]).content.decode()
    assert "Choose one of the languages on the page." in page


def test_the_picker_only_goes_back_to_a_page_of_this_service(yp_client: Client) -> None:
    response = _choose(yp_client, "ar", back="https://elsewhere.example/")

    assert response["Location"] == reverse("portal:home")


def test_staff_pages_stay_english_even_with_an_arabic_cookie(people: Any) -> None:
    adviser = signed_in(people.adviser)
    adviser.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    page = adviser.get(
        reverse("people:overview", kwargs={"pk": people.young_person.pk})
    ).content.decode()

    assert ENGLISH_PAGE in page
    assert "Need help now?" in page
    assert ARABIC_NAME not in page  # no picker on staff pages


def test_staff_cannot_choose_a_language(people: Any) -> None:
    response = _choose(signed_in(people.adviser), "ar")

    assert response.status_code == 403
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_invitation_page_is_in_the_language_chosen_on_this_phone(people: Any) -> None:
    invitee = YoungPersonFactory(team=people.team, category="former_relevant")
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    link = reverse("portal:accept", args=[invitation.token])
    phone = Client()

    assert ENGLISH_PAGE in phone.get(link).content.decode()
    response = _choose(phone, "ar", back=link)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"

    page = phone.get(link).content.decode()
    assert ARABIC_PAGE in page
    assert "أنشئ حسابك" in page  # "Set up your account"
    # The date of birth's boxes.
    assert "اليوم" in page
    assert "الشهر" in page


def test_a_language_the_council_stopped_offering_falls_back_to_english(
    people: Any, yp_client: Client
) -> None:
    _choose(yp_client, "ar")

    with override_settings(YOUNG_PERSON_LANGUAGES=["en-gb"]):
        page = yp_client.get(reverse("portal:home")).content.decode()

    assert ENGLISH_PAGE in page
    assert ARABIC_NAME not in page  # with English alone there is nothing to pick


# The start-up check ------------------------------------------------------------------------------


def test_the_languages_offered_by_default_all_have_a_translation() -> None:
    assert "ar" in settings.YOUNG_PERSON_LANGUAGES
    assert check_languages() == []


def test_the_check_refuses_a_language_with_no_translation(tmp_path: Path) -> None:
    with override_settings(YOUNG_PERSON_LANGUAGES=["en-gb", "ar", "fa"]):
        errors = check_languages()
    assert [error.id for error in errors] == ["portal.E002"]
    assert "'fa'" in errors[0].msg

    # Arabic too, where the compiled translation is missing.
    with override_settings(YOUNG_PERSON_LANGUAGES=["en-gb", "ar"], LOCALE_PATHS=[tmp_path]):
        assert [error.id for error in check_languages()] == ["portal.E002"]


def test_the_check_refuses_something_that_is_not_a_language() -> None:
    with override_settings(YOUNG_PERSON_LANGUAGES=["en-gb", "arabic"]):
        errors = check_languages()
    assert [error.id for error in errors] == ["portal.E002"]
    assert "not a language code" in errors[0].msg


def _account_reads(queries: Any) -> int:
    return sum('FROM "portal_portalaccount"' in query["sql"] for query in queries)


@pytest.mark.parametrize("language", ["", "ar"])
def test_a_young_persons_page_reads_their_account_once(
    people: Any, yp_client: Client, language: str
) -> None:
    """The language middleware and `portal_page` both need the account: it is read once and
    kept on the request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    people.account.language = language
    people.account.save()
    with CaptureQueriesContext(connection) as queries:
        response = yp_client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert (ARABIC_PAGE if language else ENGLISH_PAGE) in response.content.decode()
    assert _account_reads(queries.captured_queries) == 1


def test_an_archived_record_is_refused_its_pages(people: Any, yp_client: Client) -> None:
    from django.utils import timezone

    people.young_person.archived_at = timezone.now()
    people.young_person.save()
    assert yp_client.get(reverse("portal:home")).status_code == 403
