"""Who is acting, and from which address, for the request being handled.

`RequestContextMiddleware` sets this once per request, so a service deep below a view can write
an audit event with the client's address without `request` being passed down to it. Outside a
request (a management command, a background task) there is no context, and `current()` is None.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse

from careleavers.core.client_address import client_ip


@dataclass(frozen=True)
class RequestContext:
    client_ip: str | None
    _request: HttpRequest

    @property
    def user(self) -> Any:
        # Read when asked, not when the request began: signing in changes request.user halfway.
        return getattr(self._request, "user", None)


_current: ContextVar[RequestContext | None] = ContextVar("careleavers_request", default=None)


def current() -> RequestContext | None:
    """The context of the request being handled in this thread, or None outside one."""
    return _current.get()


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(RequestContext(client_ip=client_ip(request), _request=request))
        try:
            return self.get_response(request)
        finally:
            # Worker threads are reused: the next request must never inherit this one.
            _current.reset(token)
