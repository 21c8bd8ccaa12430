"""Council single sign-on over OpenID Connect (allauth's provider), for staff only.

The council's identity provider (Microsoft Entra ID at most councils) vouches for who someone
is; this service still decides who may sign in. A sign-in through the provider is accepted only
for an existing, active staff account whose email address is the one in the signed ID token,
and only when the provider says that address is verified. It never creates an account, never
links a young person's account, and never changes roles.

The second factor is either the provider's own (its ID token's `amr` claim holds a value the
council listed in OIDC_MFA_AMR_VALUES) or, as for a password sign-in, the service's
authenticator code.
"""

from __future__ import annotations

import copy
from functools import cached_property
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.stages import AuthenticateStage as AllauthAuthenticateStage
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from allauth.socialaccount.providers.base import AuthProcess
from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render

from careleavers.accounts.mfa import record_provider_mfa
from careleavers.accounts.models import User
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent


def id_token_claims(sociallogin: SocialLogin) -> dict[str, Any]:
    claims = (sociallogin.account.extra_data or {}).get("id_token")
    return claims if isinstance(claims, dict) else {}


def verified_email(claims: dict[str, Any]) -> str | None:
    """The email address in the ID token, if the provider vouches for it."""
    email = str(claims.get("email") or "").strip().lower()
    if not email or "@" not in email:
        return None
    if claims.get("email_verified") is True:
        return email
    # Entra ID sends no `email_verified`; for the council's own domains the council's tenant
    # is the authority for the address, so the council may list them.
    if email.rsplit("@", 1)[1] in settings.OIDC_VERIFIED_EMAIL_DOMAINS:
        return email
    return None


def staff_account_for(email: str) -> User | None:
    """The one active staff account signed in with this address, or None."""
    matches = list(User.objects.filter(email__iexact=email, is_active=True)[:2])
    if len(matches) != 1:
        return None
    user = matches[0]
    if not user.is_staff_member or user.access_expired():
        return None
    return user


def accepted_provider_mfa(claims: dict[str, Any]) -> list[str]:
    """The `amr` values that show the provider asked for a second factor, if the council
    trusts them (OIDC_MFA_AMR_VALUES); an empty list means the service asks for its own."""
    amr = claims.get("amr")
    if not isinstance(amr, list):
        return []
    return sorted(set(settings.OIDC_MFA_AMR_VALUES) & {str(value) for value in amr})


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False

    def list_apps(
        self, request: HttpRequest, provider: Any = None, client_id: Any = None
    ) -> list[Any]:
        # Only the provider the environment configures (config/settings.py), never one added
        # to the database: single sign-on is set up by the council's IT team, not in the admin.
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        return [app for app in apps if app.pk is None]

    def serialize_instance(self, instance: Any) -> dict[str, Any]:
        # allauth keeps the half-finished sign-in in the session as JSON. A cached property
        # (User.role_names, a frozenset) is not data of the account and JSON cannot hold it.
        clone = copy.copy(instance)
        clone.__dict__ = {
            key: value
            for key, value in instance.__dict__.items()
            if not isinstance(getattr(type(instance), key, None), cached_property)
        }
        return dict(super().serialize_instance(clone))

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        claims = id_token_claims(sociallogin)
        email = verified_email(claims)
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            # Links are made only by signing in with a matching address, never by hand.
            self._refuse(request, sociallogin, email, reason="connect")
        user = staff_account_for(email) if email else None
        if user is None:
            self._refuse(request, sociallogin, email, reason="no_staff_account")
        assert user is not None  # for mypy: _refuse raises
        if sociallogin.is_existing:
            if sociallogin.user.pk != user.pk:
                # The provider's person is linked to another account than the address names.
                self._refuse(request, sociallogin, email, reason="linked_elsewhere")
            return
        if SocialAccount.objects.filter(user=user, provider=sociallogin.account.provider).exists():
            # This account is already linked to another person at the provider.
            self._refuse(request, sociallogin, email, reason="linked_elsewhere")
        sociallogin.connect(request, user)

    def _refuse(
        self, request: HttpRequest, sociallogin: SocialLogin, email: str | None, *, reason: str
    ) -> None:
        audit_record(
            acting_user=None,
            action=AuditEvent.Action.SIGN_IN_FAILED,
            subject_type="accounts.User",
            detail={
                "email": (email or "")[:254],
                "provider": sociallogin.account.provider,
                "reason": reason,
            },
        )
        response = render(
            request,
            "accounts/sso_refused.html",
            {"provider_name": sociallogin.provider.name, "email": email},
            status=403,
        )
        raise ImmediateHttpResponse(response)


class AuthenticateStage(AllauthAuthenticateStage):
    """allauth's step that asks for the authenticator code, skipped when the council's
    provider already asked for a second factor and the council trusts it to."""

    def handle(self) -> tuple:
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and self.login.user is not None:
            amr = accepted_provider_mfa(id_token_claims(sociallogin))
            if amr:
                record_provider_mfa(
                    self.request, self.login.user, provider=sociallogin.account.provider, amr=amr
                )
                return None, True
        return super().handle()
