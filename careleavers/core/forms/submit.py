"""Run a service from a form, and show its refusal on that form.

Every page that changes a record does the same three things: check the form, call the service
with what was typed, and, if the service refuses (a `ValidationError`, or a `StaleEdit` when
someone else saved first), put why on the form and change nothing. These functions are
that, once; `saved_then_redirect` adds the rest of the common page: say it is done and move on,
or show the form again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from careleavers.core.concurrency import StaleEdit, show_stale_edit
from careleavers.core.forms.errors import add_service_errors

T = TypeVar("T")


def service_result(form: Any, service: Callable[..., T], /, **kwargs: Any) -> T | None:
    """`service(**kwargs)`'s result; or None, with the refusal on `form`, when it refused.

    A stale edit keeps what was typed and moves the form's hidden version on to the current
    one, so saving again is the editor's choice (`show_stale_edit`)."""
    try:
        return service(**kwargs)
    except StaleEdit as error:
        show_stale_edit(form, error)
    except ValidationError as error:
        add_service_errors(form, error)
    return None


def submitted(
    request: HttpRequest, form: Any, service: Callable[..., T], /, **kwargs: Any
) -> T | None:
    """On a POST whose form is valid, `service(**kwargs, **form.cleaned_data)` (the form's
    fields are named as the service's arguments) and its result; None when nothing was posted,
    the form was not valid, or the service refused (the message is then on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    return service_result(form, service, **kwargs, **form.cleaned_data)


def saved_then_redirect(
    request: HttpRequest,
    form: Any,
    service: Callable[..., T],
    /,
    *,
    message: str | Callable[[T], str],
    then: str | Callable[[T], str],
    page: Callable[[], HttpResponse],
    **kwargs: Any,
) -> HttpResponse:
    """The whole answer of a page whose form calls one service: when `submitted` gives a result,
    a success message and a redirect to `then`; otherwise `page()`, the form page (shown first,
    or again with what was wrong or why the service refused).

    `message` and `then` are text, or functions of the service's result for a page that names
    what was saved or goes to it. `page` is called only when the form is shown, so nothing it
    reads is read on a successful save. `kwargs` go to the service as for `submitted`."""
    result = submitted(request, form, service, **kwargs)
    if result is None:
        return page()
    messages.success(request, message(result) if callable(message) else message)
    return redirect(then(result) if callable(then) else then)
