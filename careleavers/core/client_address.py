"""The one place that decides which address a request came from.

The audit log, django-axes' lockout (AXES_CLIENT_IP_CALLABLE) and allauth's sign-in rate limits
(AccountAdapter.get_client_ip) all call `client_ip`, so a spoofed header cannot give one of them
a different answer from the others.

`PROXY_COUNT` is the number of reverse proxies (load balancer, nginx) in front of the app. Each
appends the address it received the request from to X-Forwarded-For, so the client's address is
the PROXY_COUNT-th entry from the right; anything to its left was written by the client and is
ignored. With PROXY_COUNT=0 (the app faces the internet) X-Forwarded-For is ignored entirely and
the socket address is used.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address as the proxies we trust saw it, or None when there is none."""
    if request is None:
        return None
    proxy_count = int(getattr(settings, "PROXY_COUNT", 0))
    if proxy_count > 0:
        # django-ipware counts the proxies that X-Forwarded-For lists after the client; the
        # last of our proxies lists nobody after it (its own peer is REMOTE_ADDR), hence the
        # one less. Only X-Forwarded-For is read: the other headers ipware knows (Client-IP,
        # CF-Connecting-IP and so on) are whatever the client chose to send. Not strict, so a
        # client's junk entries on the left cannot invalidate the entries our proxies added.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxy_count - 1,
            request_header_order=[FORWARDED_HEADER],
            strict=False,
        )
        if address:
            return str(address)
    return _clean(request.META.get("REMOTE_ADDR", ""))


def _clean(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
