"""A URL for each of thousands of rows without resolving the pattern for each.

Django's `reverse` works through the URL patterns every time it is called, about 45
microseconds; a head of service's work tray names a link for each of thousands of items. The
pattern is resolved once with a stand-in value, and each row's link is made by putting its own
value in the stand-in's place.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

# Digits no real primary key of this service reaches, one stand-in for each value that varies.
# All are the same length, so none is found inside another in the resolved URL.
_STAND_INS = (987654321980, 987654321981, 987654321982)


def url_for_each(name: str, *kwargs: str, **fixed: object) -> Callable[..., str]:
    """A function giving `reverse(name, kwargs={kwargs[0]: pks[0], ..., **fixed})` for any
    whole numbers `pks`, given in the order of `kwargs` (one or more, up to three)."""
    if not 1 <= len(kwargs) <= len(_STAND_INS):
        raise ValueError(f"name one to {len(_STAND_INS)} parts of the URL that vary")
    stand_ins = [str(number) for number in _STAND_INS[: len(kwargs)]]
    resolved = reverse(name, kwargs={**dict(zip(kwargs, _STAND_INS, strict=False)), **fixed})
    if any(resolved.count(stand_in) != 1 for stand_in in stand_ins):
        raise ValueError(f"{name} does not place each of {', '.join(kwargs)} in its URL once")
    # The URL cut at each stand-in, in the order they appear: text, value, text, value, text.
    order = sorted(range(len(kwargs)), key=lambda index: resolved.index(stand_ins[index]))
    pieces = []
    rest = resolved
    for index in order:
        before, _, rest = rest.partition(stand_ins[index])
        pieces.append(before)
    pieces.append(rest)

    def url(*pks: int) -> str:
        values = [str(int(pk)) for pk in pks]
        if len(values) != len(kwargs):
            raise TypeError(f"{name} needs {len(kwargs)} values, got {len(values)}")
        parts = [pieces[0]]
        for position, index in enumerate(order):
            parts += [values[index], pieces[position + 1]]
        return "".join(parts)

    return url
