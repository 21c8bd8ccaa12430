"""The shell's pages: health check, home, audit log, error pages and security headers."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.core.audit import audit_record
from careleavers.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database_as_json(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_down(client: Client) -> None:
    with mock.patch("careleavers.core.views.connection.cursor", side_effect=OperationalError):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"].startswith("unavailable")


def test_home_shows_name_role_and_team(client_for: Any, make_user: Any, team: Any) -> None:
    user = make_user(Role.PERSONAL_ADVISER, team=team)
    page = client_for(user=user).get("/").content.decode()
    assert escape(user.get_full_name()) in page
    assert "Personal adviser" in page
    assert team.name in page


def test_a_young_person_at_the_bare_address_lands_on_their_own_pages(
    client_for: Any, make_user: Any
) -> None:
    response = client_for(user=make_user(Role.YOUNG_PERSON)).get("/")
    assert response.status_code == 302
    assert response["Location"] == "/my/"


def test_a_refused_page_speaks_to_a_young_person_as_a_young_person(
    client_for: Any, make_user: Any
) -> None:
    page = client_for(user=make_user(Role.YOUNG_PERSON)).get("/audit/")
    html = page.content.decode()
    assert page.status_code == 403
    assert "This page is not part of your account." in html
    assert "team manager" not in html
    assert 'href="/my/">Go to your pages' in html


def test_a_refused_page_tells_staff_who_to_ask(client_for: Any, make_user: Any) -> None:
    html = client_for(user=make_user(Role.PERSONAL_ADVISER)).get("/audit/").content.decode()
    assert "ask your team manager" in html


def test_every_page_shows_the_duty_and_out_of_hours_numbers(client: Client, settings: Any) -> None:
    page = client.get("/accounts/login/").content.decode()
    assert settings.BRANDING["duty_phone"] in page
    assert settings.BRANDING["out_of_hours_phone"] in page


def test_audit_log_filters_by_young_person(client_for: Any) -> None:
    audit_record(
        acting_user=None,
        action="view",
        subject_type="people.YoungPerson",
        subject_id=7,
        young_person_id=7,
    )
    audit_record(
        acting_user=None,
        action="view",
        subject_type="people.YoungPerson",
        subject_id=8,
        young_person_id=8,
    )
    client = client_for(Role.ADMINISTRATOR)
    response = client.get("/audit/", {"young_person_id": 7})
    events = list(response.context["page"].object_list)
    assert [event.young_person_id for event in events] == [7]


def test_audit_log_filters_by_a_user_typed_by_email_address(
    client_for: Any, make_user: Any
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER)
    someone_else = make_user(Role.PERSONAL_ADVISER)
    for actor in (adviser, someone_else):
        audit_record(acting_user=actor, action="view", subject_type="people.YoungPerson")
    client = client_for(Role.ADMINISTRATOR)
    response = client.get("/audit/", {"actor": f"  {adviser.email.upper()} "})
    events = list(response.context["page"].object_list)
    assert events
    assert {event.actor_id for event in events} == {adviser.pk}
    # The filter is a text field: the page lists no one's account.
    assert someone_else.email not in response.content.decode()


def test_audit_log_says_when_no_one_has_the_typed_address(client_for: Any) -> None:
    response = client_for(Role.ADMINISTRATOR).get("/audit/", {"actor": "nobody@example.org"})
    assert response.context["form"].errors["actor"] == [
        "No one has that email address or mobile number"
    ]


def test_audit_log_rejects_a_backwards_date_range_with_a_message(client_for: Any) -> None:
    client = client_for(Role.ADMINISTRATOR)
    response = client.get(
        "/audit/",
        {
            "date_from-day": "10",
            "date_from-month": "3",
            "date_from-year": "2026",
            "date_to-day": "1",
            "date_to-month": "3",
            "date_to-year": "2026",
        },
    )
    assert response.context["form"].errors["date_to"]


def test_signing_in_is_recorded_in_the_audit_log(client: Client, make_user: Any) -> None:
    from careleavers.accounts.tests.factories import TEST_PASSWORD

    user = make_user(Role.YOUNG_PERSON)
    client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert AuditEvent.objects.filter(actor=user, action=AuditEvent.Action.SIGN_IN).exists()


def test_unknown_pages_get_the_govuk_404(client_for: Any) -> None:
    response = client_for(Role.PERSONAL_ADVISER).get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_responses_carry_security_headers(client: Client) -> None:
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
