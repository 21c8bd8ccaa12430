"""What "signed in with a second factor" means, read from the session, not from the database.

allauth writes a record into the session for each step of a sign-in: "password" when the
password was right, "socialaccount" when the council's identity provider vouched for the person,
"mfa" when a code from their authenticator app (or a recovery code) was right. Only a session
with a second-factor record counts as MFA-complete: having an authenticator is not enough, since
a sign-in that went round allauth (the Django admin's own form, say) never asked for it.
"""

from __future__ import annotations

import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from django.http import HttpRequest

# Written when the council's identity provider says, in the ID token's `amr` claim, that it
# asked for a second factor itself (see careleavers/accounts/sso.py).
PROVIDER_MFA_METHOD = "identity_provider_mfa"
SECOND_FACTOR_METHODS = frozenset({"mfa", PROVIDER_MFA_METHOD})


def session_passed_mfa(request: HttpRequest, user: Any) -> bool:
    records = get_authentication_records(request, user)
    return any(record.get("method") in SECOND_FACTOR_METHODS for record in records)


def signed_in_recently(request: HttpRequest, user: Any) -> bool:
    """Whether this session proved who the person is within allauth's reauthentication window.

    A sign-in a minute ago is as good a proof as typing the password again, so a new starter
    setting up their authenticator straight after signing in is not asked twice.
    """
    records = get_authentication_records(request, user)
    now = time.time()
    return any(
        now - float(record.get("at", 0)) < account_settings.REAUTHENTICATION_TIMEOUT
        for record in records
    )


def record_totp_activation(request: HttpRequest, user: Any, authenticator: Any) -> None:
    """Setting up the app means typing a correct code from it: that is a second factor."""
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def record_provider_mfa(request: HttpRequest, user: Any, *, provider: str, amr: list[str]) -> None:
    record_authentication(request, user, PROVIDER_MFA_METHOD, provider=provider, amr=amr)
