"""Words typed are kept across the end of a session.

A young person who writes a message slowly, or puts the phone down half way, may find their
session has ended when they press send. The sign-in check would send them to sign in and what
they typed would be gone without a word. Instead, `KeepWordsLoginRequiredMiddleware` keeps the
text fields of that POST in the (new, anonymous) session, with the path and the time, and says
so on the sign-in page. Django keeps the session's data when they sign in, so when they land
back on the same path within KEEP_MINUTES the view asks `kept_words` for the form's initial data:
the form is shown filled in, not sent, and the copy is deleted. Going anywhere else, or coming
back later, drops it.

What was typed lives only in that browser's session on the server: never in a URL, a cookie's
value or a log. Passwords, codes, tokens and files are never kept. The words are given back only
to the person whose session ended (its row outlives it until the nightly clear-up): on a shared
phone someone else signing in never sees them. With no ended session to go by (signed out, or
the browser closed), nothing is kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY as SESSION_USER_KEY
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.utils import timezone

SESSION_KEY = "careleavers_kept_words"
KEEP_MINUTES = 30
# Enough for several long messages; a session row is no place for more.
MAX_CHARACTERS = 10_000
# Field names never kept, whatever the form: secrets, and Django's own CSRF token.
NEVER_KEPT = ("password", "csrf", "token", "secret", "code", "otp")

SIGNED_OUT_MESSAGE = (
    "You were signed out because you were away for a while. Sign in and what you typed will "
    "be waiting."
)


def _may_keep(name: str) -> bool:
    lowered = name.lower()
    return not any(word in lowered for word in NEVER_KEPT)


def words_to_keep(posted: Any) -> dict[str, list[str]]:
    """The text fields of a POST worth keeping, in the order posted, up to MAX_CHARACTERS in
    all (the last one kept is cut short to fit)."""
    kept: dict[str, list[str]] = {}
    room = MAX_CHARACTERS
    for name in posted:
        if not _may_keep(name):
            continue
        values = []
        for value in posted.getlist(name):
            if room <= 0:
                break
            values.append(value[:room])
            room -= len(values[-1])
        if values:
            kept[name] = values
    return kept


def ended_session_owner(request: HttpRequest) -> str:
    """Whose session this browser's cookie names, when that session has ended by time: its row
    is still in the table (expired) until `clearsessions`. "" when there is none to go by."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    row = Session.objects.filter(session_key=key).first() if key else None
    if row is None:
        return ""
    return str(row.get_decoded().get(SESSION_USER_KEY, ""))


def keep_posted_words(request: HttpRequest) -> bool:
    """Keep what this POST carried, for its path and for whoever's session just ended; True if
    there was anything to keep."""
    fields = words_to_keep(request.POST)
    if not any(value.strip() for values in fields.values() for value in values):
        return False
    owner = ended_session_owner(request)
    if not owner:
        return False
    request.session[SESSION_KEY] = {
        "path": request.path,
        "at": timezone.now().isoformat(),
        "owner": owner,
        "fields": fields,
    }
    return True


def _fresh_for(kept: Any, path: str) -> bool:
    if not isinstance(kept, dict) or kept.get("path") != path:
        return False
    try:
        at = datetime.datetime.fromisoformat(kept["at"])
    except (KeyError, TypeError, ValueError):
        return False
    return timezone.now() - at <= datetime.timedelta(minutes=KEEP_MINUTES)


def kept_words(
    request: HttpRequest, form_class_or_fields: type[forms.Form] | Iterable[str]
) -> dict[str, Any]:
    """Initial data for a form from words kept when the session ended on this same page, or
    {} when there are none. The kept copy is deleted either way: it is given back once."""
    if not request.user.is_authenticated or SESSION_KEY not in request.session:
        return {}
    kept = request.session.pop(SESSION_KEY)
    if request.method != "GET" or not _fresh_for(kept, request.path):
        return {}
    if kept.get("owner") != str(request.user.pk):
        return {}  # someone else signed in on this browser: the words are not theirs
    if isinstance(form_class_or_fields, type):
        names = set(form_class_or_fields.base_fields)
    else:
        names = set(form_class_or_fields)
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in kept["fields"].items()
        if name in names
    }


class KeepWordsLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's sign-in check, which also keeps the words of a POST it turns away and drops
    kept words once someone signed in goes anywhere but the page they were typed on."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Any,
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponseBase | None:
        response = super().process_view(request, view_func, view_args, view_kwargs)
        if (
            response is None
            and request.user.is_authenticated
            and SESSION_KEY in request.session
            and not _fresh_for(request.session[SESSION_KEY], request.path)
        ):
            del request.session[SESSION_KEY]
        return response

    def handle_no_permission(self, request: HttpRequest, view_func: Any) -> HttpResponseRedirect:
        if request.method == "POST" and keep_posted_words(request):
            messages.info(request, SIGNED_OUT_MESSAGE)
        return super().handle_no_permission(request, view_func)
