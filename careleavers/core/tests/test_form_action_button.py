"""A button that acts at once: it says it is done, or why it was refused, and moves on."""

from __future__ import annotations

from django.contrib.messages import ERROR, SUCCESS, get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.test import RequestFactory

from careleavers.core.forms.action_button import acted_then_redirect


def _request() -> HttpRequest:
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _said(request: HttpRequest) -> list[tuple[int, str]]:
    return [(message.level, str(message)) for message in get_messages(request)]


def test_done_says_so_and_goes_on() -> None:
    request = _request()
    response = acted_then_redirect(request, lambda: 3, message="Done", then="/back/")
    assert _said(request) == [(SUCCESS, "Done")]
    assert response["Location"] == "/back/"


def test_the_message_may_name_what_was_done() -> None:
    request = _request()
    acted_then_redirect(request, lambda: 3, message=lambda made: f"{made} made", then="/back/")
    assert _said(request) == [(SUCCESS, "3 made")]


def test_a_refusal_is_the_error_message_and_it_goes_on_all_the_same() -> None:
    def refuse() -> None:
        raise ValidationError(["Not yet.", "Ask a manager."])

    request = _request()
    response = acted_then_redirect(request, refuse, message="Done", then="/back/")
    assert _said(request) == [(ERROR, "Not yet. Ask a manager.")]
    assert response["Location"] == "/back/"
