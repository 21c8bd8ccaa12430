"""How long a sign-in lasts.

Everyone's session ends after SESSION_IDLE_MINUTES without use and when the browser closes.
A young person may tick "Keep me signed in on this phone" (on the sign-in, code and invitation
pages): their session then lasts YOUNG_PERSON_SESSION_DAYS from their last visit, because a
young person who must sign in again each time often stops coming. Staff sessions never do:
their pages hold other people's records.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from careleavers.accounts.roles import Role

KEEP_SIGNED_IN_KEY = "careleavers_keep_signed_in"


def keep_signed_in_choose(request: HttpRequest, *, keep: bool) -> None:
    """Remember the tick until the sign-in it belongs to is finished."""
    request.session[KEEP_SIGNED_IN_KEY] = bool(keep)


def _is_young_person_only(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.has_role(Role.YOUNG_PERSON)
        and not (user.is_staff_member or user.is_staff or user.is_superuser)
    )


def session_length_apply(request: HttpRequest, user: Any, *, keep: bool | None = None) -> None:
    """Once signed in: the long session for a young person who asked for it, otherwise the
    service's usual one (SESSION_COOKIE_AGE, ending when the browser closes). `keep` is the
    tick, when the caller has it; otherwise the one remembered by `keep_signed_in_choose`."""
    remembered = request.session.pop(KEEP_SIGNED_IN_KEY, False)
    keep = remembered if keep is None else keep
    if keep and _is_young_person_only(user):
        request.session.set_expiry(settings.YOUNG_PERSON_SESSION_DAYS * 24 * 60 * 60)
    else:
        request.session.set_expiry(None)
