"""Single sign-on is configured from the environment alone, and refuses to start half set up."""

from __future__ import annotations

import json
import os
import subprocess

from careleavers.core.tests.fresh_process import python_in_a_fresh_process

READ_SETTINGS = (
    "import json, config.settings as s; print(json.dumps({"
    "'providers': s.SOCIALACCOUNT_PROVIDERS, 'amr': s.OIDC_MFA_AMR_VALUES,"
    "'domains': s.OIDC_VERIFIED_EMAIL_DOMAINS,"
    "'form_action': [str(v) for v in s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']]}))"
)


def _settings_with(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("OIDC_")} | {
        "ENVIRONMENT": "test",
        **variables,
    }
    return python_in_a_fresh_process(["-c", READ_SETTINGS], env)


def test_without_the_variables_there_is_no_single_sign_on() -> None:
    result = _settings_with()
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert read["providers"] == {}
    assert read["form_action"] == ["'self'"]


def test_the_variables_make_the_councils_provider() -> None:
    result = _settings_with(
        OIDC_SERVER_URL="https://login.microsoftonline.com/0000-tenant/v2.0",
        OIDC_CLIENT_ID="client-id-from-entra",
        OIDC_CLIENT_SECRET="secret-from-entra",  # noqa: S106
        OIDC_PROVIDER_NAME="Bradley Council account",
        OIDC_MFA_AMR_VALUES="mfa",
        OIDC_VERIFIED_EMAIL_DOMAINS="Bradley.gov.uk",
    )
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    (app,) = read["providers"]["openid_connect"]["APPS"]
    assert app["provider_id"] == "council"
    assert app["name"] == "Bradley Council account"
    assert app["client_id"] == "client-id-from-entra"
    assert app["secret"] == "secret-from-entra"  # noqa: S105
    assert app["settings"]["server_url"] == "https://login.microsoftonline.com/0000-tenant/v2.0"
    assert read["providers"]["openid_connect"]["OAUTH_PKCE_ENABLED"] is True
    assert read["amr"] == ["mfa"]
    assert read["domains"] == ["bradley.gov.uk"]
    assert read["form_action"] == ["'self'", "https://login.microsoftonline.com"]


def test_a_provider_without_its_secret_stops_the_service_starting() -> None:
    result = _settings_with(
        OIDC_SERVER_URL="https://login.microsoftonline.com/0000-tenant/v2.0",
        OIDC_CLIENT_ID="client-id-from-entra",
    )
    assert result.returncode != 0
    assert "OIDC_CLIENT_SECRET" in result.stderr
