"""Per-request account checks: expired inspector access and required MFA for staff."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

MFA_CHECKED_SESSION_KEY = "careleavers_mfa_in_place"


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
            if self._must_set_up_mfa(request):
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_mfa(self, request: HttpRequest) -> bool:
        user = request.user
        if not settings.STAFF_MFA_REQUIRED or not user.is_staff_member:  # type: ignore[union-attr]
            return False
        if request.session.get(MFA_CHECKED_SESSION_KEY):
            return False
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            # Staff cannot delete their authenticator (see adapters), so one check a session
            # is enough.
            request.session[MFA_CHECKED_SESSION_KEY] = True
            return False
        allowed = (
            reverse("mfa_activate_totp"),
            reverse("account_logout"),
            settings.STATIC_URL,
            "/healthz",
        )
        return not request.path.startswith(allowed)
