"""Access to the sign-in and account pages (django-allauth's views, in GOV.UK dress)."""

from careleavers.accounts.roles import Role
from careleavers.core.access import (
    ALL_ROLES,
    ANONYMOUS,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    STAFF,
    UrlCase,
    expect,
)

YP = Role.YOUNG_PERSON.value
SIGNED_IN = [role for role in ALL_ROLES if role != ANONYMOUS]


def _everyone(outcome: str, anonymous: str) -> dict[str, str]:
    return expect(allowed=SIGNED_IN, outcome=outcome, anonymous=anonymous)


CASES = [
    # Public pages for signing in and recovering a password; signed-in users are sent on.
    UrlCase("account_login", _everyone(REDIRECT, anonymous=OK)),
    UrlCase("account_signup", _everyone(REDIRECT, anonymous=OK)),
    UrlCase("account_reset_password", _everyone(OK, anonymous=OK)),
    UrlCase("account_reset_password_done", _everyone(OK, anonymous=OK)),
    UrlCase(
        "account_reset_password_from_key",
        _everyone(OK, anonymous=OK),
        kwargs=lambda world: {"uidb36": "0", "key": "not-a-real-key"},
    ),
    UrlCase("account_reset_password_from_key_done", _everyone(OK, anonymous=OK)),
    UrlCase("account_inactive", _everyone(OK, anonymous=OK)),
    UrlCase("account_email_verification_sent", _everyone(OK, anonymous=OK)),
    UrlCase(
        "account_confirm_email",
        _everyone(OK, anonymous=OK),
        kwargs=lambda world: {"key": "not-a-real-key"},
    ),
    UrlCase("account_confirm_login_code", _everyone(REDIRECT, anonymous=LOGIN)),
    # A young person's sign-in by a code texted to their mobile (careleavers/portal/signin.py).
    UrlCase("account_request_login_code", _everyone(REDIRECT, anonymous=OK)),
    # The mobile a young person signs in with: staff have none.
    UrlCase(
        "account_change_phone",
        expect(allowed=[YP], others=FORBIDDEN, anonymous=LOGIN),
    ),
    UrlCase("account_verify_phone", _everyone(REDIRECT, anonymous=LOGIN)),
    # Pages about one's own account.
    UrlCase("account_logout", _everyone(OK, anonymous=LOGIN)),
    # The service's page for the sign-in address (careleavers/accounts/views.py).
    UrlCase("account_email", _everyone(OK, anonymous=LOGIN)),
    # Only administrators change someone's sign-in address.
    UrlCase(
        "accounts:sign_in_email_change",
        expect(allowed=["administrator"]),
        kwargs=lambda world: {"pk": world.users["personal_adviser"].pk},
    ),
    # Council single sign-on (allauth's socialaccount). Not configured in the test world, so
    # the provider's own pages are not found; links are never made by hand.
    UrlCase("socialaccount_login_cancelled", _everyone(OK, anonymous=OK)),
    # allauth answers its "sign-in failed" page with 401 Unauthorized.
    UrlCase("socialaccount_login_error", _everyone("401", anonymous=LOGIN)),
    # No sign-up: without a sign-in in progress there is nothing to sign up for.
    UrlCase("socialaccount_signup", _everyone(LOGIN, anonymous=LOGIN)),
    UrlCase("socialaccount_connections", _everyone(OK, anonymous=LOGIN)),
    UrlCase(
        "openid_connect_login",
        _everyone(NOT_FOUND, anonymous=NOT_FOUND),
        kwargs=lambda world: {"provider_id": "council"},
    ),
    UrlCase(
        "openid_connect_callback",
        _everyone(NOT_FOUND, anonymous=NOT_FOUND),
        kwargs=lambda world: {"provider_id": "council"},
    ),
    UrlCase("account_change_password", _everyone(OK, anonymous=LOGIN)),
    UrlCase("account_set_password", _everyone(REDIRECT, anonymous=LOGIN)),
    UrlCase("account_reauthenticate", _everyone(OK, anonymous=LOGIN)),
    UrlCase("mfa_index", _everyone(OK, anonymous=LOGIN)),
    # Outside a sign-in there is nothing to authenticate, so allauth sends people on.
    UrlCase("mfa_authenticate", _everyone(REDIRECT, anonymous=LOGIN)),
    # Staff have an authenticator, so they confirm with it; a young person without one is sent
    # to confirm their password instead.
    UrlCase("mfa_reauthenticate", expect(allowed=STAFF, outcome=OK, others=REDIRECT)),
    # Changing an authenticator needs a recent proof of who the person is: the test world's
    # users have just signed in, which counts (careleavers/accounts/mfa.py). Staff already have
    # an app, so they are sent to its page, where removing it is refused (adapters.py).
    UrlCase(
        "mfa_activate_totp",
        expect(allowed=STAFF, outcome=REDIRECT, others=OK, anonymous=LOGIN),
    ),
    UrlCase("mfa_deactivate_totp", expect(allowed=STAFF, outcome=OK, others=NOT_FOUND)),
    UrlCase("mfa_generate_recovery_codes", _everyone(OK, anonymous=LOGIN)),
    # Nobody in the test world has generated recovery codes yet.
    UrlCase("mfa_view_recovery_codes", _everyone(NOT_FOUND, anonymous=LOGIN)),
    UrlCase("mfa_download_recovery_codes", _everyone(NOT_FOUND, anonymous=LOGIN)),
]
