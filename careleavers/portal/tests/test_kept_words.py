"""A young person whose session ended while they typed gets their words back after signing in
again (core.kept_words), on the same page, filled in and not yet sent."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.tests.factories import TEST_PASSWORD
from careleavers.core.kept_words import SESSION_KEY, SIGNED_OUT_MESSAGE
from careleavers.core.tests.clients import signed_in
from careleavers.portal.models import RequestMessage, YoungPersonRequest
from careleavers.portal.tests.factories import YoungPersonRequestFactory

pytestmark = pytest.mark.django_db

WORDS = "Can we talk about my flat? The boiler has been broken for a week."


def _end_session(client: Client) -> None:
    """The session ends by time, as when they put the phone down: the server's row expires."""
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )


def _ended(user: Any) -> Client:
    client = signed_in(user)
    _end_session(client)
    return client


def _sign_in(client: Client, user: Any, login_url: str = "") -> Any:
    return client.post(
        login_url or reverse("account_login"),
        {"login": user.email, "password": TEST_PASSWORD},
        follow=True,
    )


def test_words_typed_when_the_session_ended_are_waiting_after_signing_in(
    people: Any,
) -> None:
    client = Client()
    _sign_in(client, people.user)
    agenda = reverse("portal:agenda")
    assert client.get(agenda).status_code == 200
    _end_session(client)  # the session ended while they were away

    response = client.post(
        agenda,
        {"meeting": "visit", "text": WORDS, "csrfmiddlewaretoken": "x"},
        follow=True,
    )

    login_url, _ = response.redirect_chain[-1]
    assert login_url.startswith(reverse("account_login"))
    assert "next=/my/my-say/talk-about/" in login_url
    assert "boiler" not in login_url
    assert SIGNED_OUT_MESSAGE in response.content.decode()
    assert not YoungPersonRequest.objects.exists()

    page = _sign_in(client, people.user, login_url)

    assert page.redirect_chain[-1][0] == agenda
    content = page.content.decode()
    assert WORDS in content
    assert 'value="visit" checked' in content
    # Filled in, not sent: nothing was asked for yet, and the copy is gone.
    assert not YoungPersonRequest.objects.exists()
    assert SESSION_KEY not in client.session
    assert WORDS not in client.get(agenda).content.decode()


def test_a_reply_typed_when_the_session_ended_is_waiting_on_the_request(
    people: Any, yp_client: Any
) -> None:
    portal_request = YoungPersonRequestFactory(young_person=people.young_person)
    url = reverse("portal:request_detail", args=[portal_request.pk])
    _end_session(yp_client)
    yp_client.post(url, {"text": "Any news?"})

    yp_client.force_login(people.user)

    assert "Any news?</textarea>" in yp_client.get(url).content.decode()
    assert not RequestMessage.objects.exists()


def test_kept_words_are_dropped_after_thirty_minutes(people: Any) -> None:
    client = _ended(people.user)
    client.post(reverse("portal:agenda"), {"meeting": "visit", "text": WORDS})
    assert SESSION_KEY in client.session
    later = timezone.now() + datetime.timedelta(minutes=31)
    with time_machine.travel(later, tick=False):
        client.force_login(people.user)
        page = client.get(reverse("portal:agenda")).content.decode()
    assert WORDS not in page
    assert SESSION_KEY not in client.session


def test_kept_words_are_dropped_on_going_to_another_page(people: Any) -> None:
    client = _ended(people.user)
    client.post(reverse("portal:agenda"), {"meeting": "visit", "text": WORDS})
    assert SESSION_KEY in client.session
    client.force_login(people.user)
    client.get(reverse("portal:home"))
    assert SESSION_KEY not in client.session
    assert WORDS not in client.get(reverse("portal:agenda")).content.decode()


def test_kept_words_go_only_into_the_page_they_were_typed_on(people: Any) -> None:
    client = _ended(people.user)
    client.post(reverse("portal:agenda"), {"meeting": "visit", "text": WORDS})
    assert SESSION_KEY in client.session
    client.force_login(people.user)
    assert WORDS not in client.get(reverse("portal:feedback")).content.decode()
    assert WORDS not in client.get(reverse("portal:agenda")).content.decode()


def test_someone_else_signing_in_on_the_same_phone_never_sees_the_words(
    people: Any, make_user: Any
) -> None:
    from careleavers.accounts.roles import Role
    from careleavers.portal.tests.factories import PortalAccountFactory

    other = PortalAccountFactory().user
    assert other.has_role(Role.YOUNG_PERSON)
    client = _ended(people.user)
    client.post(reverse("portal:agenda"), {"meeting": "visit", "text": WORDS})

    client.force_login(other)

    assert WORDS not in client.get(reverse("portal:agenda")).content.decode()
    assert SESSION_KEY not in client.session


def test_after_signing_out_nothing_is_kept(people: Any) -> None:
    client = signed_in(people.user)
    client.logout()  # the session's row is gone: there is no one to keep the words for

    client.post(reverse("portal:agenda"), {"meeting": "visit", "text": WORDS})

    assert SESSION_KEY not in client.session
