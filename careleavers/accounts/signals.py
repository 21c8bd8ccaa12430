"""Record sign-ins, sign-outs and failed sign-ins in the audit log, and a newly set-up
authenticator as the second factor of the session it was set up in."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from careleavers.accounts.mfa import record_totp_activation
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent


def _sign_in_method(request: Any, user: Any) -> str:
    """How this sign-in was proved, from allauth's record in the session: "password", "code"
    (a young person's texted code), "socialaccount" (the council's single sign-on)."""
    from allauth.account.authentication import get_authentication_records

    if request is None or not hasattr(request, "session"):
        return ""
    records = get_authentication_records(request, user)
    return str(records[-1].get("method", "")) if records else ""


@receiver(user_logged_in)
def record_sign_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    method = _sign_in_method(request, user)
    audit_record(
        acting_user=user,
        action=AuditEvent.Action.SIGN_IN,
        subject=user,
        detail={"method": method} if method else None,
    )


@receiver(user_logged_out)
def record_sign_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(acting_user=user, action=AuditEvent.Action.SIGN_OUT, subject=user)


@receiver(user_login_failed)
def record_failed_sign_in(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # The typed email is kept so repeated attempts on one account can be seen; the password
    # is never stored (Django already masks it in `credentials`).
    typed = (
        credentials.get("email") or credentials.get("phone") or credentials.get("username") or ""
    )
    audit_record(
        acting_user=None,
        action=AuditEvent.Action.SIGN_IN_FAILED,
        subject_type="accounts.User",
        detail={"email": str(typed)[:254]},
    )


@receiver(authenticator_added)
def record_second_factor_on_set_up(
    sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any
) -> None:
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_totp_activation(request, user, authenticator)
