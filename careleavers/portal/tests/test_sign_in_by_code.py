"""A young person invited by text, with no email address, sets up their account and signs in
with their mobile number and a texted code; staff never can."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal.models import OutboxMessage
from careleavers.portal.tests.factories import InvitationFactory, PortalAccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _texts_are_sent(monkeypatch: Any) -> None:
    # Texts are queued once the request's work is committed; a test never commits, so here
    # they are queued at once (and the test task backend runs them at once).
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


MOBILE = "07700900982"
CODE = re.compile(r"^(\d{6}) is your code")


def _dob(young_person: Any) -> dict[str, str]:
    born = young_person.date_of_birth
    return {
        "date_of_birth-day": str(born.day),
        "date_of_birth-month": str(born.month),
        "date_of_birth-year": str(born.year),
    }


def _last_code() -> str:
    message = OutboxMessage.objects.filter(kind="sms").order_by("-pk").first()
    assert message is not None
    match = CODE.match(message.body)
    assert match, message.body
    return match.group(1)


def _young_person_with_mobile(phone: str = MOBILE) -> User:
    account = PortalAccountFactory()
    account.user.phone, account.user.phone_verified = phone, True
    account.user.save()
    return account.user


def test_invited_by_text_with_no_email_they_sign_in_with_a_texted_code() -> None:
    young_person = YoungPersonFactory(category="former_relevant", email="")
    invitation = InvitationFactory(
        young_person=young_person, method="sms", sent_to="07700 900 982"
    )
    client = Client()
    url = reverse("portal:accept", args=[invitation.token])
    page = client.get(url).content.decode()
    assert "With a code we text to 07700900982" in page

    response = client.post(url, {**_dob(young_person), "sign_in_with": "code", "email": ""})
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("account_confirm_login_code")
    user = User.objects.get(portal_account__young_person=young_person)
    assert user.email is None
    assert user.phone == MOBILE
    assert user.phone_verified
    assert not user.has_usable_password()

    response = client.post(reverse("account_confirm_login_code"), {"code": _last_code()})
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).request["PATH_INFO"] == "/my/"
    signed_in = AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN, actor=user).get()
    assert signed_in.detail == {"method": "code"}


def test_invited_by_text_they_may_choose_a_password_and_give_an_email() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    invitation = InvitationFactory(young_person=young_person, method="sms", sent_to=MOBILE)
    password = "purple-kettle-on-the-moon"  # noqa: S105
    response = Client().post(
        reverse("portal:accept", args=[invitation.token]),
        {
            **_dob(young_person),
            "sign_in_with": "password",
            "email": "Jade@Example.com",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(portal_account__young_person=young_person)
    assert user.email == "jade@example.com"
    assert user.check_password(password)


def test_choosing_a_password_without_typing_one_keeps_what_was_typed() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    invitation = InvitationFactory(young_person=young_person, method="sms", sent_to=MOBILE)
    response = Client().post(
        reverse("portal:accept", args=[invitation.token]),
        {**_dob(young_person), "sign_in_with": "password", "email": "jade@example.com"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Create a password" in page
    assert 'value="jade@example.com"' in page
    assert not User.objects.filter(portal_account__young_person=young_person).exists()


def test_invited_by_email_they_still_need_an_email_address() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    invitation = InvitationFactory(young_person=young_person)
    password = "purple-kettle-on-the-moon"  # noqa: S105
    response = Client().post(
        reverse("portal:accept", args=[invitation.token]),
        {**_dob(young_person), "email": "", "password1": password, "password2": password},
    )
    assert "Enter your email address" in response.content.decode()


def test_a_young_person_asks_for_a_code_on_the_sign_in_page() -> None:
    user = _young_person_with_mobile()
    client = Client()
    response = client.post(reverse("account_request_login_code"), {"phone": "07700 900 982"})
    assert response.status_code == 302
    response = client.post(reverse("account_confirm_login_code"), {"code": _last_code()})
    assert response.status_code == 302
    assert client.get("/my/").wsgi_request.user == user


def test_a_wrong_code_is_refused_with_a_clear_message() -> None:
    _young_person_with_mobile()
    client = Client()
    client.post(reverse("account_request_login_code"), {"phone": MOBILE})
    response = client.post(reverse("account_confirm_login_code"), {"code": "000000"})
    assert "The code is not right" in response.content.decode()


def test_a_young_person_signs_in_with_mobile_and_password() -> None:
    user = _young_person_with_mobile()
    client = Client()
    response = client.post(
        reverse("account_login"),
        {"login": "07700 900982", "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert client.get("/my/").wsgi_request.user == user


def test_staff_are_never_sent_a_code() -> None:
    UserFactory(roles=[Role.PERSONAL_ADVISER], phone=MOBILE)
    response = Client().post(reverse("account_request_login_code"), {"phone": MOBILE})
    # The page says the same as for any number (nobody learns whose number it is)...
    assert response.status_code == 302
    # ...but no text goes anywhere.
    assert not OutboxMessage.objects.exists()


def test_staff_cannot_make_their_work_number_a_sign_in_number() -> None:
    staff = UserFactory(roles=[Role.PERSONAL_ADVISER])
    client = signed_in(staff)
    assert client.get(reverse("account_change_phone")).status_code == 403


def test_codes_for_one_number_are_limited() -> None:
    _young_person_with_mobile()
    answers = [
        Client().post(reverse("account_request_login_code"), {"phone": MOBILE}) for _ in range(4)
    ]
    assert [answer.status_code for answer in answers[:3]] == [302, 302, 302]
    assert "Too many tries. Wait a few minutes" in answers[3].content.decode()
    assert OutboxMessage.objects.count() == 3


def test_a_young_person_without_email_can_add_one() -> None:
    user = _young_person_with_mobile()
    user.email = None
    user.save()
    client = signed_in(user)
    page = client.get(reverse("account_email")).content.decode()
    assert "Add an email address" in page
    response = client.post(reverse("account_email"), {"email": "new@example.com"})
    assert response.status_code == 302


def test_a_young_person_adds_a_mobile_after_a_code_to_it() -> None:
    account = PortalAccountFactory()
    client = signed_in(account.user)
    assert "Add a mobile number" in client.get(reverse("account_change_phone")).content.decode()
    response = client.post(reverse("account_change_phone"), {"phone": "07700 900 123"})
    assert response.status_code == 302, response.content.decode()
    response = client.post(reverse("account_verify_phone"), {"code": _last_code()})
    account.user.refresh_from_db()
    assert account.user.phone == "07700900123"
    assert account.user.phone_verified


def test_changing_the_sign_in_mobile_tells_the_old_number() -> None:
    """Someone who learnt their password could move their sign-in to a phone of their own: the
    old phone is told, with the number to call."""
    user = _young_person_with_mobile()
    client = signed_in(user)
    response = client.post(reverse("account_change_phone"), {"phone": "07700 900 123"})
    assert response.status_code == 302, response.content.decode()
    # Nothing changes, and the old number is told nothing, until the new one is checked.
    user.refresh_from_db()
    assert user.phone == MOBILE
    assert not OutboxMessage.objects.filter(to=MOBILE).exists()

    client.post(reverse("account_verify_phone"), {"code": _last_code()})

    user.refresh_from_db()
    assert (user.phone, user.phone_verified) == ("07700900123", True)
    [notice] = OutboxMessage.objects.filter(to=MOBILE)
    assert "the mobile you sign in to" in notice.body
    assert "If you did not do this, call 01274 000 000" in notice.body
    assert "07700900123" not in notice.body  # the new number is not given away


def test_adding_a_first_mobile_or_confirming_the_same_one_tells_nobody() -> None:
    account = PortalAccountFactory()
    client = signed_in(account.user)
    client.post(reverse("account_change_phone"), {"phone": MOBILE})
    client.post(reverse("account_verify_phone"), {"code": _last_code()})
    account.user.refresh_from_db()
    assert account.user.phone_verified
    # Only the sign-in code was sent.
    assert [message.body[6:22] for message in OutboxMessage.objects.all()] == [" is your code to"]


# The text invitation ---------------------------------------------------------------------------

GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


def _text_invitation(young_person: Any, adviser: Any) -> OutboxMessage:
    from careleavers.portal import services

    services.invitation_send(
        acting_user=adviser,
        young_person=young_person,
        method="sms",
        sent_to=MOBILE,
        link_base="https://careleavers.example",
    )
    return OutboxMessage.objects.get(kind="sms")


def test_the_text_invitation_is_one_short_branded_text(settings: Any) -> None:
    settings.BRANDING = {**settings.BRANDING, "council_name": "Exampleshire Council"}
    young_person = YoungPersonFactory(category="former_relevant", first_name="Jade")
    adviser = UserFactory(
        roles=[Role.PERSONAL_ADVISER], first_name="Priya", last_name="Shah", phone="01632 960001"
    )
    body = _text_invitation(young_person, adviser).body
    assert body.startswith("Exampleshire Council: Priya invited you")
    assert "date of birth" in body
    assert "Ask Priya on 01632 960001" in body
    assert "Shah" not in body
    # One text: GSM characters only, 160 at most (159 here, with a 41-character link).
    assert set(body) <= GSM_BASIC
    assert len(body) <= 160, len(body)
    link = re.search(r"https://careleavers\.example/i/([a-z2-9]{10}) ", body)
    assert link is not None, body


def test_the_short_link_opens_the_invitation_once() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER])
    body = _text_invitation(young_person, adviser).body
    path = re.search(r"https://careleavers\.example(/i/[a-z2-9]{10})", body).group(1)  # type: ignore[union-attr]
    client = Client()
    assert "Set up your account" in client.get(path).content.decode()
    response = client.post(path, {**_dob(young_person), "sign_in_with": "code"})
    assert response.status_code == 302
    # Used: the link no longer sets anything up.
    assert Client().get(path).status_code == 410


def test_guessing_short_links_is_stopped() -> None:
    client = Client()
    answers = [client.get(f"/i/abcdefgh{str(n).rjust(2, '2')}").status_code for n in range(22)]
    assert set(answers[:20]) == {404}
    assert answers[20:] == [429, 429]


# Staying signed in, and the password boxes ------------------------------------------------------


def _sign_in(client: Client, login: str, remember: bool) -> Any:
    data = {"login": login, "password": "correct-horse-battery-staple"}
    if remember:
        data["remember"] = "on"
    return client.post(reverse("account_login"), data)


def test_keep_me_signed_in_gives_a_young_person_a_long_session(settings: Any) -> None:
    _young_person_with_mobile()
    client = Client()
    _sign_in(client, MOBILE, remember=True)
    session = client.session
    assert session.get_expiry_age() == settings.YOUNG_PERSON_SESSION_DAYS * 24 * 60 * 60
    assert not session.get_expire_at_browser_close()


def test_without_the_tick_a_young_persons_session_is_the_usual_one(settings: Any) -> None:
    _young_person_with_mobile()
    client = Client()
    _sign_in(client, MOBILE, remember=False)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert client.session.get_expire_at_browser_close()


def test_the_tick_does_not_lengthen_a_staff_session(settings: Any) -> None:
    staff = UserFactory(roles=[Role.PERSONAL_ADVISER])
    client = Client()
    _sign_in(client, staff.email, remember=True)
    # Staff still owe their authenticator code; whatever happens, their session is the usual.
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert client.session.get_expire_at_browser_close()


def test_keep_me_signed_in_works_with_a_code_too(settings: Any) -> None:
    _young_person_with_mobile()
    client = Client()
    client.post(reverse("account_request_login_code"), {"phone": MOBILE, "remember": "on"})
    client.post(reverse("account_confirm_login_code"), {"code": _last_code()})
    assert client.session.get_expiry_age() == settings.YOUNG_PERSON_SESSION_DAYS * 24 * 60 * 60


def test_a_wrong_password_keeps_what_was_typed_and_offers_show_password() -> None:
    _young_person_with_mobile()
    response = Client().post(
        reverse("account_login"), {"login": MOBILE, "password": "not-the-password"}
    )
    page = response.content.decode()
    assert f'value="{MOBILE}"' in page
    assert 'value="not-the-password"' in page
    assert 'data-module="govuk-password-input"' in page
    assert "Keep me signed in on this phone" in page


def test_the_invitation_page_gives_the_password_rules_before_anything_is_typed() -> None:
    young_person = YoungPersonFactory(category="former_relevant")
    invitation = InvitationFactory(young_person=young_person)
    page = Client().get(reverse("portal:accept", args=[invitation.token])).content.decode()
    assert "At least 12 characters, not only numbers" in page
    assert 'data-module="govuk-password-input"' in page
