"""Responses the service renders are never stored by a browser or a proxy.

Every page and file the application renders is about someone (a record page, a plan's PDF, a
drill-down spreadsheet, a young person's own pages) or carries a form's one-time tokens. Without
`Cache-Control: no-store` a shared computer's browser keeps them on disk and shows them again
from its history after the worker signs out, and a proxy may keep them too.

Static files (CSS, JavaScript, images) never reach this middleware: WhiteNoise, earlier in
MIDDLEWARE, answers them itself with long cache lifetimes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = bool(user is not None and user.is_authenticated)
        # A page for someone signed in is never stored, whatever the view asked for; anyone
        # else's (sign-in, an invitation) is not stored unless the view chose otherwise.
        if signed_in or not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
