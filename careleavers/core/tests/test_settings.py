"""The settings refuse to start a council's servers with anything unsafe or left at a demo value.

Each test starts the settings in a fresh Python process with only the environment a council's
IT team would give it, as gunicorn would, and reads the exit status and the message.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import uuid

import pytest

from careleavers.core.tests.fresh_process import python_in_a_fresh_process

# Everything README's "Running in production" section tells the council to set.
PRODUCTION = {
    "ENVIRONMENT": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://careleavers_app:secret@127.0.0.1:5432/careleavers",
    "ALLOWED_HOSTS": "careleavers.example.gov.uk",
    "DEFAULT_FROM_EMAIL": "care.leavers@example.gov.uk",
    "EMAIL_HOST": "smtp.example.gov.uk",
    "NOTIFY_API_KEY": f"live-{uuid.uuid4()}-{uuid.uuid4()}",
    "NOTIFY_TEMPLATE_INVITATION_EMAIL": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_INVITATION_SMS": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_DUTY_ALERT_SMS": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_DUTY_ALERT_EMAIL": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_DUTY_ALERT_ADVISER_EMAIL": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_REQUEST_ANSWERED_SMS": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_REQUEST_ANSWERED_EMAIL": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_SIGN_IN_CODE_SMS": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_SIGN_IN_PHONE_CHANGED_SMS": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_APPOINTMENT_SMS": str(uuid.uuid4()),
    "NOTIFY_TEMPLATE_APPOINTMENT_EMAIL": str(uuid.uuid4()),
}

START = "import django; django.setup(); from django.conf import settings; print(settings.{})"


def python(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess:
    """Run Python in the project with this environment and PATH, nothing from this test run's."""
    return python_in_a_fresh_process(
        arguments, {"PATH": os.environ["PATH"], **environment}, timeout=120
    )


def start(environment: dict[str, str], show: str = "ENVIRONMENT") -> subprocess.CompletedProcess:
    """Load the settings as the app would, with nothing from this test run's environment."""
    return python(
        ["-c", START.format(show)], {"DJANGO_SETTINGS_MODULE": "config.settings", **environment}
    )


def refused(result: subprocess.CompletedProcess, *words: str) -> bool:
    last_line = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    return (
        result.returncode != 0
        and "ImproperlyConfigured" in last_line
        and all(word in last_line for word in words)
    )


def without(name: str) -> dict[str, str]:
    return {key: value for key, value in PRODUCTION.items() if key != name}


def test_production_starts_with_everything_readme_lists() -> None:
    result = start(PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "production"


def test_production_passes_djangos_deployment_checks(ssda903_validator: None) -> None:
    # The deployment checks include returns.E001: the 903 validator is installed.
    result = python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("value", ["", "prod", "Production", "live", "development"])
def test_an_unknown_or_missing_environment_refuses_to_start(value: str) -> None:
    environment = {**PRODUCTION, "ENVIRONMENT": value} if value else without("ENVIRONMENT")
    result = start(environment)
    assert refused(result, "ENVIRONMENT", "local, test, staging, production"), result.stderr


@pytest.mark.parametrize("environment", ["staging", "production"])
@pytest.mark.parametrize(
    "name",
    [
        "SECRET_KEY",
        "DATABASE_URL",
        "ALLOWED_HOSTS",
        "DEFAULT_FROM_EMAIL",
        "EMAIL_HOST",
        "NOTIFY_API_KEY",
        "NOTIFY_TEMPLATE_INVITATION_EMAIL",
        "NOTIFY_TEMPLATE_INVITATION_SMS",
        "NOTIFY_TEMPLATE_DUTY_ALERT_SMS",
        "NOTIFY_TEMPLATE_DUTY_ALERT_EMAIL",
        "NOTIFY_TEMPLATE_DUTY_ALERT_ADVISER_EMAIL",
        "NOTIFY_TEMPLATE_REQUEST_ANSWERED_SMS",
        "NOTIFY_TEMPLATE_REQUEST_ANSWERED_EMAIL",
        "NOTIFY_TEMPLATE_SIGN_IN_CODE_SMS",
        "NOTIFY_TEMPLATE_SIGN_IN_PHONE_CHANGED_SMS",
        "NOTIFY_TEMPLATE_APPOINTMENT_SMS",
        "NOTIFY_TEMPLATE_APPOINTMENT_EMAIL",
    ],
)
def test_a_councils_servers_have_no_fallback(environment: str, name: str) -> None:
    result = start({**without(name), "ENVIRONMENT": environment})
    assert refused(result, name), result.stderr


@pytest.mark.parametrize("weak", ["short-secret", "k" * 60, "django-insecure-" + "x1y2z3" * 10])
def test_a_weak_secret_key_is_refused(weak: str) -> None:
    result = start({**PRODUCTION, "SECRET_KEY": weak})
    assert refused(result, "SECRET_KEY"), result.stderr


def test_a_councils_servers_refuse_the_sqlite_demo_database() -> None:
    result = start({**PRODUCTION, "DATABASE_URL": "sqlite:////srv/careleavers.sqlite3"})
    assert refused(result, "DATABASE_URL", "PostgreSQL"), result.stderr


@pytest.mark.parametrize("environment", ["staging", "production"])
def test_debug_is_refused_on_a_councils_servers(environment: str) -> None:
    result = start({**PRODUCTION, "ENVIRONMENT": environment, "DEBUG": "true"})
    assert refused(result, "DEBUG"), result.stderr


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy", "filebased"])
def test_production_refuses_an_email_backend_that_sends_nothing(backend: str) -> None:
    dotted = f"django.core.mail.backends.{backend}.EmailBackend"
    result = start({**PRODUCTION, "EMAIL_BACKEND": dotted})
    assert refused(result, "EMAIL_BACKEND", backend), result.stderr


def test_production_sends_email_by_smtp_and_invitations_by_notify() -> None:
    result = start(PRODUCTION, show="EMAIL_BACKEND, settings.NOTIFY_BACKEND")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "careleavers.portal.notify.GovukNotify",
    ]


def test_a_malformed_notify_key_is_refused_at_start_up() -> None:
    result = start({**PRODUCTION, "NOTIFY_API_KEY": "just-the-secret"})
    assert refused(result, "NOTIFY_API_KEY"), result.stderr


def test_mfa_cannot_be_switched_off_on_a_councils_servers() -> None:
    result = start({**PRODUCTION, "STAFF_MFA_REQUIRED": "false"})
    assert refused(result, "STAFF_MFA_REQUIRED"), result.stderr


@pytest.mark.parametrize("environment", ["local", "test"])
def test_the_demo_and_the_tests_start_with_nothing_set(environment: str) -> None:
    result = start({"ENVIRONMENT": environment}, show="NOTIFY_BACKEND, settings.EMAIL_BACKEND")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "careleavers.portal.notify.OutboxNotify",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_the_sqlite_demo_waits_for_the_write_lock_instead_of_failing() -> None:
    result = start(
        {"ENVIRONMENT": "local", "DATABASE_URL": "sqlite:////tmp/demo.sqlite3"},
        show="DATABASES['default']['OPTIONS']",
    )
    assert result.returncode == 0, result.stderr
    options = result.stdout
    assert "'transaction_mode': 'IMMEDIATE'" in options
    assert "journal_mode=WAL" in options
    assert "'timeout': 30" in options
