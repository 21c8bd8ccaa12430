"""Resetting a password speaks plainly and says who to call for help: the service's pages,
not allauth's own ("Reset My Password", "Please contact us" with nobody named)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role

pytestmark = pytest.mark.django_db

ALLAUTHS_WORDS = ("Reset My Password", "Please contact us", "Password Reset", "Bad Token")


def _phone_link(settings: Any) -> str:
    """The team's number, as a link a phone can call."""
    phone = settings.BRANDING["duty_phone"]
    return f'<a class="govuk-link" href="tel:{phone.replace(" ", "")}">{phone}</a>'


def _main(response: Any) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_asking_for_a_link_names_the_team_to_call(settings: Any) -> None:
    page = _main(Client().get(reverse("account_reset_password")))

    assert '<h1 class="govuk-heading-l">Reset your password</h1>' in page
    assert '<label class="govuk-label govuk-label--s" for="id_email">Email address</label>' in page
    assert "placeholder" not in page
    assert ">Email me a link</button>" in page
    assert f"Call the leaving care team on {_phone_link(settings)}" in page
    assert not [words for words in ALLAUTHS_WORDS if words in page]


def test_a_young_person_resets_their_password_in_plain_words(
    make_user: Any, settings: Any
) -> None:
    make_user(Role.YOUNG_PERSON, email="jade@example.com")
    client = Client()

    sent = client.post(
        reverse("account_reset_password"), {"email": "jade@example.com"}, follow=True
    )
    page = _main(sent)
    assert '<h1 class="govuk-heading-l">Check your email</h1>' in page
    assert f"Call the leaving care team on {_phone_link(settings)}" in page

    [message] = mail.outbox
    link = re.search(r"/accounts/password/reset/key/\S+", message.body)
    assert link is not None
    choose = client.get(link.group(0), follow=True)
    page = _main(choose)
    assert '<h1 class="govuk-heading-l">Choose a new password</h1>' in page
    assert ">New password</label>" in page
    assert "At least 12 characters" in page
    assert ">Type your password again</label>" in page
    assert ">Save my new password</button>" in page

    new_password = "purple kettle on the moor"
    done = client.post(
        choose.redirect_chain[-1][0] if choose.redirect_chain else link.group(0),
        {"password1": new_password, "password2": new_password},
        follow=True,
    )
    page = _main(done)
    assert "Your password has been changed" in page
    assert not [words for words in ALLAUTHS_WORDS if words in page]


def test_a_used_or_wrong_link_says_so_and_offers_a_new_one(settings: Any) -> None:
    page = _main(
        Client().get(
            reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "wrong"})
        )
    )

    assert '<h1 class="govuk-heading-l">This link does not work</h1>' in page
    assert f'href="{reverse("account_reset_password")}">Ask for a new link</a>' in page
    assert f"Call the leaving care team on {_phone_link(settings)}" in page
    assert not [words for words in ALLAUTHS_WORDS if words in page]


def test_the_reset_page_is_in_the_language_this_phone_chose(settings: Any) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    page = _main(client.get(reverse("account_reset_password")))

    assert "أعد تعيين كلمة المرور" in page  # "Reset your password"
    assert "أرسل لي رابطًا بالبريد الإلكتروني" in page  # "Email me a link"
    assert f"اتصل بفريق رعاية الخارجين من الرعاية على {_phone_link(settings)}" in page
    assert "Email me a link" not in page
