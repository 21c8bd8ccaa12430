"""Run a service from a form, and show its refusal on that form.

Every page that changes a record does the same three things: check the form, call the service
with what was typed, and, if the service refuses (a `ValidationError`, or a `StaleEdit` when
someone else saved first), put why on the form and change nothing. These two functions are
that, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.http import HttpRequest

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
