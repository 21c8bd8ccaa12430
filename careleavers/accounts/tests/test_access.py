"""Sign-in rules: MFA for staff, lockout, inspector expiry, no self sign-up, idle sessions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.authenticator_setup import assert_sent_to_set_up_an_authenticator
from careleavers.accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_staff_without_an_authenticator_must_set_one_up(client: Client, make_user: Any) -> None:
    user = make_user(Role.PERSONAL_ADVISER, totp_secret="")
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == "/"
    assert_sent_to_set_up_an_authenticator(client)


def test_setting_up_after_the_reauthentication_window_asks_for_the_password_once(
    client: Client, make_user: Any
) -> None:
    import time_machine

    user = make_user(Role.PERSONAL_ADVISER, totp_secret="")
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=20)
    with time_machine.travel(later, tick=False):
        response = client.get(reverse("mfa_activate_totp"))
        assert response.status_code == 302
        reauthenticate = response["Location"]
        assert reauthenticate.startswith(reverse("account_reauthenticate"))
        assert client.get(reauthenticate).status_code == 200
        response = client.post(reauthenticate, {"password": TEST_PASSWORD})
        assert response["Location"] == reverse("mfa_activate_totp")
        assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_a_session_that_skipped_the_code_is_signed_out(client: Client, make_user: Any) -> None:
    """A staff member with an authenticator whose session holds no second factor got in by a
    side door (the Django admin's own form was one); the service does not accept it."""
    user = make_user(Role.AUDITOR)
    client._login(user, "careleavers.accounts.backends.CareleaversAuthenticationBackend")
    response = client.get(reverse("core:audit_log"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_the_demo_setting_relaxes_mfa_for_staff(client_for: Any, settings: Any) -> None:
    settings.STAFF_MFA_REQUIRED = False
    client = client_for(Role.PERSONAL_ADVISER, totp_secret="")
    assert client.get("/").status_code == 200


def test_young_people_do_not_have_to_use_an_authenticator(client_for: Any) -> None:
    # Sent on to their own pages, not to set up an authenticator.
    assert client_for(Role.YOUNG_PERSON).get("/")["Location"] == "/my/"


def test_staff_cannot_remove_their_authenticator(client_for: Any, make_user: Any) -> None:
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    user = make_user(Role.TEAM_MANAGER)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert get_adapter().can_delete_authenticator(authenticator) is False


def test_an_expired_inspector_is_signed_out(client_for: Any) -> None:
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    client = client_for(Role.INSPECTOR, access_expires_on=yesterday)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get("/").status_code == 302


def test_an_expired_inspector_cannot_sign_in(client: Client, make_user: Any) -> None:
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    user = make_user(Role.INSPECTOR, access_expires_on=yesterday)
    client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session


def test_nobody_can_sign_themselves_up(client: Client) -> None:
    from careleavers.accounts.models import User

    client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    assert not User.objects.filter(email="new@example.com").exists()


def test_repeated_failures_lock_the_account(client: Client, make_user: Any, settings: Any) -> None:
    # allauth's own rate limit would refuse first; switch it off to prove axes' lockout.
    settings.ACCOUNT_RATE_LIMITS = False
    user = make_user(Role.YOUNG_PERSON)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"login": user.email, "password": "wrong-password-1"})
    response = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def _signed_in_young_person(client: Client, make_user: Any) -> Any:
    user = make_user(Role.YOUNG_PERSON)
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)
    return user


def test_a_session_in_use_lasts_past_the_idle_limit_and_an_idle_one_ends(
    client: Client, make_user: Any, settings: Any
) -> None:
    import time_machine

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    user = _signed_in_young_person(client, make_user)
    start = datetime.datetime.now(tz=datetime.UTC)
    # Used every 20 minutes: still signed in 80 minutes after signing in.
    for minutes in (20, 40, 60, 80):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            client.get("/")
            assert client.session.get("_auth_user_id") == str(user.pk)
    # Then 31 minutes without use: signed out.
    with time_machine.travel(start + datetime.timedelta(minutes=111), tick=False):
        assert client.session.get("_auth_user_id") is None
        response = client.get(reverse("core:home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_pages_within_a_minute_do_not_write_the_session(client: Client, make_user: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _signed_in_young_person(client, make_user)
    client.get("/")  # the first page after signing in may save it
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
        client.get("/")
    reads = [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"]]
    assert len(reads) == 2  # each page reads the session once
    assert all(sql.startswith("SELECT") for sql in reads)


def test_a_visitor_with_an_ended_session_gets_no_new_one(client: Client, make_user: Any) -> None:
    import time_machine

    _signed_in_young_person(client, make_user)
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=45)
    with time_machine.travel(later, tick=False):
        client.get(reverse("account_login"))
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(expire_date__gt=later).exists()


def test_a_superuser_without_a_role_must_also_set_up_an_authenticator(client: Client) -> None:
    from careleavers.accounts.models import User

    superuser = User.objects.create_superuser(
        "root@council.example", TEST_PASSWORD, first_name="Root", last_name="User"
    )
    client.post(reverse("account_login"), {"login": superuser.email, "password": TEST_PASSWORD})
    assert client.session.get("_auth_user_id") == str(superuser.pk)
    for url in ("/admin/", reverse("core:audit_log")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
