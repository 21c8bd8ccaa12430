"""The language of a young person's own pages.

Many young people the service supports, separated migrant children above all, are still learning
English. A council offers other languages (settings.YOUNG_PERSON_LANGUAGES); the young person
picks one on any of their pages, and it is kept with their account so it follows them to another
phone (and in a cookie before they have an account, for the invitation page).

Staff pages are always in English: the middleware below switches to the chosen language only
for a view marked `young_persons_language` (the portal's own pages and the invitation link), for
the sign-in and account pages young people share with staff (SHARED_ACCOUNT_PAGES), and for the
error pages a young person meets; and never for a signed-in member of staff, whatever their
cookie says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core import checks
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation

from careleavers.accounts.models import User
from careleavers.core.audit import audit_record
from careleavers.portal.models import PortalAccount
from careleavers.portal.selectors import account_on_request

# Translations written without a qualified translator. Their pages say so, in the language and
# in English; take a language out of this set once a qualified translator has checked its .po
# file (locale/<language>/LC_MESSAGES/django.po).
DRAFT_TRANSLATIONS = frozenset({"ar"})

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])


# allauth's pages (and the accounts app's) that young people use as well as staff: signing in by
# password or by a texted code, resetting a password, signing out, and changing the email
# address or mobile they sign in with. In the chosen language for anyone but signed-in staff.
SHARED_ACCOUNT_PAGES = frozenset(
    {
        "account_login",
        "account_logout",
        "account_inactive",
        "account_reauthenticate",
        "account_request_login_code",
        "account_confirm_login_code",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_change_password",
        "account_set_password",
        "account_email",
        "account_confirm_email",
        "account_change_phone",
        "account_verify_phone",
    }
)


def young_persons_language(view: ViewFunc) -> ViewFunc:
    """Mark a view as a young person's page: it is shown in the language they chose."""
    view.young_persons_language = True  # type: ignore[attr-defined]
    return view


def offered() -> list[str]:
    """The languages a young person may choose, English first."""
    return list(settings.YOUNG_PERSON_LANGUAGES)


def is_offered(code: str) -> bool:
    return code in offered()


@dataclass(frozen=True)
class LanguageChoice:
    code: str
    # The language's name in itself ("العربية"), so someone who cannot read English finds it.
    name: str
    bidi: bool
    current: bool


def choices(current: str) -> list[LanguageChoice]:
    result = []
    for code in offered():
        info = translation.get_language_info(code)
        result.append(
            LanguageChoice(
                code=code,
                name="English" if code == settings.LANGUAGE_CODE else info["name_local"],
                bidi=info["bidi"],
                current=code == current,
            )
        )
    return result


def chosen(request: HttpRequest) -> str:
    """The language of this young person's pages: the one kept with their account, or, before
    they chose one there (or have an account), the one in this browser's cookie. English for
    staff, whatever their cookie says, and for anything no longer offered. The middleware
    asks before and after finding the view; the account is read once and kept on the request
    (`account_on_request`), so asking again costs no query."""
    if getattr(request.user, "is_authenticated", False):
        account = account_on_request(request)
        if account is None:
            return settings.LANGUAGE_CODE
        if account.language and is_offered(account.language):
            return account.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return cookie if is_offered(cookie) else settings.LANGUAGE_CODE


class YoungPersonLanguageMiddleware:
    """English for every request; the young person's language for their own pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # A thread keeps its language between requests: start each in English, or, for anyone
        # but staff, in their language, so that a "page not found" (which reaches no view)
        # speaks to a young person in it. `process_view` puts every other page back to English.
        self._activate(request, chosen(request) if not _is_staff(request) else None)
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", translation.get_language())
        finally:
            translation.activate(settings.LANGUAGE_CODE)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> None:
        marked = getattr(view_func, "young_persons_language", False)
        match = request.resolver_match
        shared = match is not None and match.url_name in SHARED_ACCOUNT_PAGES
        if not marked and not (shared and not _is_staff(request)):
            self._activate(request, None)
            return
        self._activate(request, chosen(request))
        request.young_persons_page = True  # type: ignore[attr-defined]

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        # "Not found" or "not allowed" from a staff page a young person opened: the error page
        # is theirs, so it is in their language (staff still get English).
        if isinstance(exception, Http404 | PermissionDenied) and not _is_staff(request):
            self._activate(request, chosen(request))

    @staticmethod
    def _activate(request: HttpRequest, language: str | None) -> None:
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]


def _is_staff(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(getattr(user, "is_authenticated", False) and user.is_staff_member)  # type: ignore[union-attr]


def language_picker(request: HttpRequest) -> dict[str, Any]:
    """On a young person's pages (and the sign-in pages they share with staff): say so to the
    layout, and give the language picker's choices when the council offers more than English."""
    if not getattr(request, "young_persons_page", False):
        return {}
    if len(offered()) < 2:
        return {"young_persons_page": True}
    current = translation.get_language()
    return {
        "young_persons_page": True,
        "language_choices": choices(current),
        "language_is_draft": current in DRAFT_TRANSLATIONS,
    }


def language_choose(*, acting_user: User, account: PortalAccount, language: str) -> None:
    """Keep the language a young person chose with their account (audited: it is a change to
    their account, made by them)."""
    if not is_offered(language):
        raise ValueError(f"{language!r} is not offered")
    if account.language == language:
        return
    with transaction.atomic():
        before = account.language
        account.language = language
        account.save(update_fields=["language", "modified_at"])
        audit_record(
            acting_user=acting_user,
            action="portal.language_chosen",
            subject=account,
            young_person_id=account.young_person_id,
            detail={"from": before or settings.LANGUAGE_CODE, "to": language},
        )


# Start-up check ---------------------------------------------------------------------------------


def _compiled(code: str, locale_paths: list[Path]) -> bool:
    name = translation.to_locale(code)
    return any(
        (Path(path) / name / "LC_MESSAGES" / "django.mo").is_file() for path in locale_paths
    )


def check_languages(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every language a council offers young people has a compiled translation in the repo: a
    language without one would show its speakers English while telling them it is theirs."""
    errors: list[checks.CheckMessage] = []
    locale_paths = [Path(path) for path in settings.LOCALE_PATHS]
    for code in offered():
        if code == settings.LANGUAGE_CODE:
            continue
        try:
            translation.get_language_info(code)
        except KeyError:
            errors.append(
                checks.Error(
                    f"YOUNG_PERSON_LANGUAGES lists {code!r}, which is not a language code.",
                    hint="Use codes such as ar, fa, ps, ti or uk, separated by commas.",
                    id="portal.E002",
                )
            )
            continue
        if not _compiled(code, locale_paths):
            errors.append(
                checks.Error(
                    f"YOUNG_PERSON_LANGUAGES lists {code!r}, but the service has no translation "
                    "into it.",
                    hint=f"Add locale/{translation.to_locale(code)}/LC_MESSAGES/django.po and its "
                    "compiled django.mo (README, Languages), or take the language out of "
                    "YOUNG_PERSON_LANGUAGES.",
                    id="portal.E002",
                )
            )
    return errors
