"""A page that asks before it acts: GET only asks; Yes does it and moves on; a refusal is shown
on the question page as one sentence."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from careleavers.core.forms.confirm import confirmed_then_redirect


def _request(method: str) -> HttpRequest:
    factory = RequestFactory()
    request = factory.post("/") if method == "POST" else factory.get("/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _answer(
    request: HttpRequest, acted: list[bool], *, refusal: list[str] | None = None
) -> HttpResponse:
    def act() -> None:
        acted.append(True)
        if refusal:
            raise ValidationError(refusal)

    return confirmed_then_redirect(
        request,
        act,
        message="Removed",
        then="/back/",
        page=lambda error: HttpResponse(f"Remove it? [{error}]"),
    )


def test_a_get_only_asks() -> None:
    request, acted = _request("GET"), list[bool]()
    response = _answer(request, acted)
    assert response.content == b"Remove it? []"
    assert acted == []
    assert list(get_messages(request)) == []


def test_yes_acts_says_so_and_goes_back() -> None:
    request, acted = _request("POST"), list[bool]()
    response = _answer(request, acted)
    assert acted == [True]
    assert [str(message) for message in get_messages(request)] == ["Removed"]
    assert response.status_code == 302
    assert response["Location"] == "/back/"


def test_a_refusal_is_shown_on_the_question_in_one_sentence() -> None:
    request, acted = _request("POST"), list[bool]()
    response = _answer(request, acted, refusal=["It is in use.", "Try later."])
    assert acted == [True]
    assert response.content == b"Remove it? [It is in use. Try later.]"
    assert list(get_messages(request)) == []
