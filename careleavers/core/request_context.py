"""Who is acting, and from which address, for the request being handled.

`RequestContextMiddleware` sets this once per request, so a service deep below a view can write
an audit event with the client's address without `request` being passed down to it. Outside a
request (a management command, a background task) there is no context, and `current()` is None.

A page that only reads (GET or HEAD) may also keep answers it asks for more than once
(`kept_for_the_read`): nothing it does can change them, and they are gone with the request.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

from careleavers.core.client_address import client_ip

T = TypeVar("T")


@dataclass(frozen=True)
class RequestContext:
    client_ip: str | None
    _request: HttpRequest
    _memo: dict[Any, Any] = field(default_factory=dict)

    @property
    def user(self) -> Any:
        # Read when asked, not when the request began: signing in changes request.user halfway.
        return getattr(self._request, "user", None)


_current: ContextVar[RequestContext | None] = ContextVar("careleavers_request", default=None)


def current() -> RequestContext | None:
    """The context of the request being handled in this thread, or None outside one."""
    return _current.get()


def reading_memo() -> dict[Any, Any] | None:
    """A dictionary kept for the request being handled when it only reads (GET or HEAD), for
    answers asked more than once within it; None outside a request or in one that may write
    (after a write the same question can have a new answer)."""
    context = _current.get()
    if context is None or context._request.method not in ("GET", "HEAD"):
        return None
    return context._memo


def kept_for_the_read(key: Any, work_out: Callable[[], T]) -> T:
    """`work_out()`, asked once in a request that only reads however often it is asked there
    (under `key`, which must name everything the answer depends on); asked every time
    elsewhere."""
    memo = reading_memo()
    if memo is None:
        return work_out()
    if key not in memo:
        memo[key] = work_out()
    kept: T = memo[key]
    return kept


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
