"""How long a sign-in lasts.

Everyone's session ends after SESSION_IDLE_MINUTES without use and when the browser closes.
A young person may tick "Keep me signed in on this phone" (on the sign-in, code and invitation
pages): their session then lasts YOUNG_PERSON_SESSION_DAYS from their last visit, because a
young person who must sign in again each time often stops coming. Staff sessions never do:
their pages hold other people's records.

"Without use" is kept by `SessionTouchMiddleware`: a session in use is saved again (its expiry
moved on) at most once a minute, rather than on every page as SESSION_SAVE_EVERY_REQUEST would.
Saving on every page wrote and committed a row for every GET, which under load cost more than
some pages' own queries; an idle limit that is a minute longer at most loses nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from careleavers.accounts.roles import Role

KEEP_SIGNED_IN_KEY = "careleavers_keep_signed_in"
# When the session was last saved because it was used (seconds since the epoch).
TOUCHED_KEY = "careleavers_touched"
TOUCH_EVERY_SECONDS = 60


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


class SessionTouchMiddleware:
    """Moves a session's expiry on when it is used, at most once every TOUCH_EVERY_SECONDS.
    Listed straight after SessionMiddleware, so that on the way out it marks the session
    changed before SessionMiddleware decides whether to save it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # An empty session (a visitor who never signed in, or one just signed out) has nothing
        # to keep alive, and saving it would start one.
        if session is None or session.is_empty():
            return response
        touched = int(session.get(TOUCHED_KEY, 0))  # already read for anyone signed in
        if session.is_empty():  # the cookie named a session that has ended
            return response
        now = int(time.time())
        if now - touched >= TOUCH_EVERY_SECONDS:
            session[TOUCHED_KEY] = now
        return response
