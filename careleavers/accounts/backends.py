"""Authentication glue: allauth's backend, finding the account by its own sign-in address only,
plus the inspector expiry, and axes' username."""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.http import HttpRequest


class CareleaversAuthenticationBackend(AuthenticationBackend):
    def _authenticate_by_email(self, email: str, password: str) -> Any:
        # The sign-in address is User.email, unique to one account. allauth would also look in
        # its EmailAddress table and prefer a verified row there, so an address someone else
        # had confirmed on their account would hide the owner's account from its own password.
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        return self._check_password(user, password)

    def user_can_authenticate(self, user: Any) -> bool:
        if not super().user_can_authenticate(user):
            return False
        return not user.access_expired()


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """Lock out by the email typed in, whichever field name the login form used."""
    credentials = credentials or {}
    for key in ("email", "username", "login"):
        if credentials.get(key):
            return str(credentials[key]).strip().lower()
    return str(request.POST.get("login", "")).strip().lower()
