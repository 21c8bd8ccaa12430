"""A page whose form calls one service: saved, it says so and moves on; otherwise it shows the
form, and only then."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from careleavers.core.forms.submit import saved_then_redirect


class _NameForm(forms.Form):
    name = forms.CharField()


class _Saving:
    """A stand-in service that records what it was called with, and refuses when told to."""

    def __init__(self, refusal: str = "") -> None:
        self.calls: list[dict[str, Any]] = []
        self.refusal = refusal

    def __call__(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if self.refusal:
            raise ValidationError(self.refusal)
        return {"pk": 7, **kwargs}


def _request(method: str, data: dict[str, str] | None = None) -> HttpRequest:
    factory = RequestFactory()
    request = factory.post("/", data or {}) if method == "POST" else factory.get("/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _said(request: HttpRequest) -> list[str]:
    return [str(message) for message in get_messages(request)]


def _page() -> HttpResponse:
    return HttpResponse("the form page")


def _answer(
    request: HttpRequest,
    service: _Saving,
    *,
    message: Any = "Saved",
    then: Any = "/done/",
    page: Any = _page,
) -> HttpResponse:
    form = _NameForm(request.POST or None)
    return saved_then_redirect(
        request, form, service, owner="kept", message=message, then=then, page=page
    )


def test_a_valid_post_calls_the_service_says_so_and_redirects() -> None:
    request, service = _request("POST", {"name": "Sam"}), _Saving()
    response = _answer(request, service)
    assert service.calls == [{"owner": "kept", "name": "Sam"}]
    assert _said(request) == ["Saved"]
    assert response.status_code == 302
    assert response["Location"] == "/done/"


def test_a_get_shows_the_page_calls_nothing_and_says_nothing() -> None:
    request, service = _request("GET"), _Saving()
    response = _answer(request, service)
    assert response.content == b"the form page"
    assert service.calls == []
    assert _said(request) == []


def test_an_invalid_form_shows_the_page_again_and_says_nothing() -> None:
    request, service = _request("POST", {"name": ""}), _Saving()
    response = _answer(request, service)
    assert response.content == b"the form page"
    assert service.calls == []
    assert _said(request) == []


def test_a_refusal_is_put_on_the_form_which_is_shown_again() -> None:
    request, service = _request("POST", {"name": "Sam"}), _Saving(refusal="Not now")
    form = _NameForm(request.POST)
    response = saved_then_redirect(
        request,
        form,
        service,
        message="Saved",
        then="/done/",
        page=lambda: HttpResponse(str(form.non_field_errors())),
    )
    assert len(service.calls) == 1
    assert b"Not now" in response.content
    assert _said(request) == []


def test_the_message_and_the_way_on_may_be_made_from_the_result() -> None:
    request = _request("POST", {"name": "Sam"})
    response = _answer(
        request,
        _Saving(),
        message=lambda saved: f"{saved['name']} saved",
        then=lambda saved: f"/things/{saved['pk']}/",
    )
    assert _said(request) == ["Sam saved"]
    assert response["Location"] == "/things/7/"


def test_the_page_is_not_drawn_when_the_save_goes_through() -> None:
    drawn: list[bool] = []

    def page() -> HttpResponse:
        drawn.append(True)
        return _page()

    _answer(_request("POST", {"name": "Sam"}), _Saving(), page=page)
    assert drawn == []
