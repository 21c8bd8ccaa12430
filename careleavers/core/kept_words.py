"""Words typed are kept across the end of a session.

A young person who writes a message slowly, or puts the phone down half way, may find their
session has ended when they press send. The sign-in check would send them to sign in and what
they typed would be gone without a word. Instead, `KeepWordsLoginRequiredMiddleware` keeps the
text fields of that POST in the (new, anonymous) session, with the path and the time, and says
so on the sign-in page. Django keeps the session's data when they sign in, so when they land
back on the same path within KEEP_MINUTES the view asks `kept_words` for the form's initial data:
the form is shown filled in, not sent, and the copy is deleted. Going anywhere else, or coming
back later, drops it.

A page takes part by being marked `@keeps_words` and building its form with `form_for`. Only
those pages say "what you typed will be waiting"; any other page turned away says plainly that
what was typed was not saved, so nobody is promised words that will not come back.

What was typed lives only in that browser's session on the server: never in a URL, a cookie's
value or a log. Passwords, codes, tokens and files are never kept. The words are given back only
to the person whose session ended (its row outlives it until the nightly clear-up): on a shared
phone someone else signing in never sees them. With no ended session to go by (signed out, or
the browser closed), nothing is kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY as SESSION_USER_KEY
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect, QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

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
NOT_KEPT_MESSAGE = (
    "You were signed out because you were away for a while, so what you typed was not saved. "
    "Sign in to carry on."
)
# The attribute `keeps_words` sets on a view, read by the middleware.
KEEPS_WORDS_ATTR = "keeps_typed_words"

V = TypeVar("V", bound=Callable[..., Any])
F = TypeVar("F", bound=forms.Form)


def keeps_words(view: V) -> V:
    """Mark a view whose form is built with `form_for`: words posted to it when the session has
    ended are kept and given back after signing in."""
    setattr(view, KEEPS_WORDS_ATTR, True)
    return view


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
    if not _typed(fields):
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


def _take_kept(request: HttpRequest) -> QueryDict | None:
    """The words kept for this page and this person, as they were posted; None when there are
    none. The kept copy is deleted either way: it is given back once."""
    if not request.user.is_authenticated or SESSION_KEY not in request.session:
        return None
    kept = request.session.pop(SESSION_KEY)
    if request.method != "GET" or not _fresh_for(kept, request.path):
        return None
    if kept.get("owner") != str(request.user.pk):
        return None  # someone else signed in on this browser: the words are not theirs
    posted = QueryDict(mutable=True)
    for name, values in kept["fields"].items():
        posted.setlist(name, values)
    return posted


def kept_words(request: HttpRequest, form_class: type[forms.Form]) -> dict[str, Any]:
    """Initial data for a form from words kept when the session ended on this same page, or
    {} when there are none.

    Each field reads what was posted as it would on a POST (so a date's three boxes become a
    date) and is filled in only if that is a value it accepts; anything else starts as the form
    would have it. Hidden fields (a version, a submission key) are the form's own and start
    afresh. Choices set up in a form's constructor are not known here, so a choice from such a
    list is not given back; the words are."""
    posted = _take_kept(request)
    if posted is None:
        return {}
    initial: dict[str, Any] = {}
    for name, field in form_class.base_fields.items():
        if field.widget.is_hidden:
            continue
        raw = field.widget.value_from_datadict(posted, MultiValueDict(), name)
        if field.widget.value_omitted_from_data(posted, MultiValueDict(), name):
            continue
        try:
            initial[name] = field.clean(raw)
        except ValidationError:
            continue
    return initial


def form_for(request: HttpRequest, form_class: type[F], **kwargs: Any) -> F:
    """The page's form: bound to what was sent on a POST; otherwise unbound, filled in with the
    words kept for this page when the session ended as they were sent (the page must be marked
    `@keeps_words`)."""
    if request.method == "POST":
        return form_class(request.POST, **kwargs)
    initial = {**(kwargs.pop("initial", None) or {}), **kept_words(request, form_class)}
    return form_class(None, initial=initial, **kwargs)


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
        if request.method == "POST":
            if getattr(view_func, KEEPS_WORDS_ATTR, False) and keep_posted_words(request):
                messages.info(request, SIGNED_OUT_MESSAGE)
            elif ended_session_owner(request) and _anything_typed(request.POST):
                messages.info(request, NOT_KEPT_MESSAGE)
        return super().handle_no_permission(request, view_func)


def _anything_typed(posted: Any) -> bool:
    return _typed(words_to_keep(posted))


def _typed(fields: dict[str, list[str]]) -> bool:
    return any(value.strip() for values in fields.values() for value in values)
