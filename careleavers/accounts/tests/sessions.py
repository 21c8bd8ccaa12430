"""Test helper: what a completed sign-in leaves in the session, for tests that skip the pages.

Django's `force_login` signs a user in without allauth's steps, so the session has no record of
a password or a code, and the service would (rightly) treat a staff member's session as one that
never passed the second factor. The root conftest therefore makes `force_login` also write what
allauth writes when someone signs in with a password and an authenticator code. Tests of signing
in itself go through the real pages instead (test_sign_in.py, tests/e2e/test_first_sign_in.py).
"""

from __future__ import annotations

import time
from typing import Any

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY
from allauth.account.internal.userkit import user_id_to_str


def record_completed_sign_in(session: Any, user: Any) -> None:
    """A password, and a code only where the user has an authenticator to give one from: a
    staff member without one is still sent to set it up, as after a real sign-in."""
    from allauth.mfa.models import Authenticator

    now = time.time()
    methods: list[dict[str, Any]] = [{"method": "password", "at": now, "email": user.email}]
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        methods.append({"method": "mfa", "at": now, "type": "totp"})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = methods
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()
