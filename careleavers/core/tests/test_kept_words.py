"""What is kept from a POST turned away for want of a session: text only, never secrets, and
not too much of it."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.test import Client

from careleavers.core.kept_words import MAX_CHARACTERS, SESSION_KEY, words_to_keep


def test_passwords_codes_and_the_csrf_token_are_never_kept() -> None:
    posted = QueryDict(mutable=True)
    posted.update(
        {
            "text": "hello",
            "password": "secret-1",
            "new_password2": "secret-2",
            "csrfmiddlewaretoken": "abc",
            "code": "123456",
            "token": "t",
        }
    )
    assert words_to_keep(posted) == {"text": ["hello"]}


def test_every_value_of_a_field_is_kept() -> None:
    posted = QueryDict("needs=housing&needs=money")
    assert words_to_keep(posted) == {"needs": ["housing", "money"]}


def test_no_more_than_the_limit_is_kept() -> None:
    posted = QueryDict(mutable=True)
    posted.update({"first": "a" * (MAX_CHARACTERS - 10), "second": "b" * 50, "third": "c"})
    kept = words_to_keep(posted)
    assert sum(len(value) for values in kept.values() for value in values) == MAX_CHARACTERS
    assert kept["second"] == ["b" * 10]
    assert "third" not in kept


@pytest.mark.django_db
def test_a_post_with_nothing_typed_keeps_nothing_and_says_nothing() -> None:
    client = Client()
    response = client.post("/my/my-say/talk-about/", {"text": "  "}, follow=True)
    assert SESSION_KEY not in client.session
    assert "what you typed will be waiting" not in response.content.decode()


@pytest.mark.django_db
def test_a_page_open_to_everyone_keeps_nothing() -> None:
    client = Client()
    client.post("/accounts/login/", {"login": "someone@example.com", "password": "x"})
    assert SESSION_KEY not in client.session
