"""A URL for each of thousands of rows without resolving the pattern for each.

Django's `reverse` works through the URL patterns every time it is called, about 45
microseconds; a head of service's work tray names a link for each of thousands of items. The
pattern is resolved once with a stand-in value, and each row's link is made by putting its own
value in the stand-in's place.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

# Digits no real primary key of this service reaches, so they occur once in the resolved URL.
_STAND_IN = 987654321987


def url_for_each(name: str, kwarg: str, **fixed: object) -> Callable[[int], str]:
    """A function giving `reverse(name, kwargs={kwarg: pk, **fixed})` for any whole number pk."""
    resolved = reverse(name, kwargs={kwarg: _STAND_IN, **fixed})
    before, stand_in, after = resolved.partition(str(_STAND_IN))
    if not stand_in or str(_STAND_IN) in after:
        raise ValueError(f"{name} does not place {kwarg} in its URL once")
    return lambda pk: f"{before}{int(pk)}{after}"
