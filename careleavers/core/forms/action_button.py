"""A button that acts at once, with nothing to fill in and no question first (make the file,
mark an action done, publish): do it, then say on the next page that it is done or why it was
refused. A refusal (a `ValidationError`) is one message at the top, as there is no field to put
it beside."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

T = TypeVar("T")


def acted_then_redirect(
    request: HttpRequest,
    act: Callable[[], T],
    *,
    message: str | Callable[[T], str],
    then: str,
) -> HttpResponse:
    """`act()`; the success `message` (text, or a function of what `act` returned) or the
    refusal as an error message; either way a redirect to `then` (an address or a URL name)."""
    try:
        result = act()
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, message(result) if callable(message) else message)
    return redirect(then)
