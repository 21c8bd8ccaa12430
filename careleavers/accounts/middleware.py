"""Per-request account checks: expired inspector access and required MFA for staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from careleavers.accounts.mfa import session_passed_mfa


class AccountAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            if user.access_expired():  # type: ignore[union-attr]
                logout(request)
                messages.error(request, "Your access has ended. Ask an administrator to renew it.")
                return redirect(settings.LOGIN_URL)
            response = self._enforce_staff_mfa(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _enforce_staff_mfa(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not settings.STAFF_MFA_REQUIRED or not _needs_second_factor(user):
            return None
        if session_passed_mfa(request, user):
            return None
        if request.path.startswith((reverse("account_logout"), settings.STATIC_URL, "/healthz")):
            return None
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            # Someone with an authenticator got a session without using it, so the session came
            # from a door that skips the second factor (the Django admin's own sign-in form was
            # one). It is not a sign-in this service accepts.
            logout(request)
            messages.error(request, "Sign in here, with the code from your authenticator app.")
            return redirect(settings.LOGIN_URL)
        # A staff member without an authenticator sets one up before anything else. Setting it
        # up may ask them to confirm their password first (if they signed in a while ago).
        setting_up = (reverse("mfa_activate_totp"), reverse("account_reauthenticate"))
        if request.path.startswith(setting_up):
            return None
        return redirect("mfa_activate_totp")


def _needs_second_factor(user: Any) -> bool:
    # Staff roles, and any account the Django admin would let in (a superuser made with
    # `createsuperuser` has no role but passes every permission check).
    return bool(user.is_staff_member or user.is_staff or user.is_superuser)
