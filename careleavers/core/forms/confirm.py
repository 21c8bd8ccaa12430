"""A page that asks before it does something that cannot be undone (take someone off the duty
rota, remove an audit action): GET shows the question; POST, the Yes button, does it.

The page has no form of its own, only the two buttons, so a refusal by the service (a
`ValidationError`) is shown on the page as one sentence rather than beside a field.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def confirmed_then_redirect(
    request: HttpRequest,
    act: Callable[[], object],
    *,
    message: str,
    then: str,
    page: Callable[[str], HttpResponse],
) -> HttpResponse:
    """On POST, `act()`; when it is done, the success `message` and a redirect to `then`.
    Otherwise `page(error)`: the question, with why it was refused ("" when it was not)."""
    error = ""
    if request.method == "POST":
        try:
            act()
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, message)
            return redirect(then)
    return page(error)
