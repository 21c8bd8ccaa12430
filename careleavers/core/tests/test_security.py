"""The web attacks a case management system must withstand, tried against the real views.

Brute-force lockout is tested with the accounts (accounts/tests/test_access.py); every view's
permission check is the URL and role test; hostile input to every form is
test_hostile_input.py.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, totp_code
from careleavers.casework.models import CaseNote
from careleavers.casework.tests.factories import allocated_to
from careleavers.core.tests.clients import signed_in
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert(1)>'


@pytest.fixture
def adviser_and_young_person(make_user: Any) -> tuple[Any, Any]:
    # A fixed name: a made-up one could contain the young person's ("Sara Hartley").
    adviser = make_user(Role.PERSONAL_ADVISER, first_name="Sara", last_name="Quinn")
    young_person = allocated_to(adviser, adviser.team, first_name="Kezia", last_name="Hart")
    return adviser, young_person


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    adviser_and_young_person: tuple[Any, Any],
) -> None:
    adviser, young_person = adviser_and_young_person
    client = Client(enforce_csrf_checks=True)
    client.force_login(adviser)
    response = client.post(
        reverse("casework:case_note_add", kwargs={"pk": young_person.pk}),
        {"title": "Forged", "body": "Posted from another site", "written_on-day": "1"},
    )
    assert response.status_code == 403
    assert not CaseNote.objects.exists()


def test_pages_cannot_be_framed_by_another_site(
    adviser_and_young_person: tuple[Any, Any],
) -> None:
    adviser, young_person = adviser_and_young_person
    client = signed_in(adviser)
    for url in (
        reverse("account_login"),
        reverse("people:overview", kwargs={"pk": young_person.pk}),
    ):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "https:evil.example", "/\\evil.example"],
)
def test_signing_in_never_redirects_to_another_site(make_user: Any, target: str) -> None:
    user = make_user(Role.YOUNG_PERSON)
    client = Client()
    response = client.post(
        reverse("account_login") + "?next=" + target,
        {"login": user.email, "password": TEST_PASSWORD, "next": target},
    )
    location = response.get("Location", "")
    assert "evil.example" not in location


def test_the_reallocation_return_address_must_be_on_this_site(
    adviser_and_young_person: tuple[Any, Any], make_user: Any
) -> None:
    adviser, young_person = adviser_and_young_person
    manager = make_user(Role.TEAM_MANAGER, team=adviser.team)
    client = signed_in(manager)
    response = client.post(
        reverse("casework:allocation_change", kwargs={"pk": young_person.pk})
        + "?role=personal_adviser&next=https://evil.example/",
        {"worker": adviser.pk, "reason": "Caseload balancing", "next": "https://evil.example/"},
    )
    assert "evil.example" not in response.get("Location", "")


def test_a_case_note_with_markup_is_shown_as_text_not_run(
    adviser_and_young_person: tuple[Any, Any],
) -> None:
    adviser, young_person = adviser_and_young_person
    client = signed_in(adviser)
    client.post(
        reverse("casework:case_note_add", kwargs={"pk": young_person.pk}),
        {
            "title": ATTRIBUTE_BREAKOUT,
            "body": SCRIPT,
            "written_on-day": "2",
            "written_on-month": "3",
            "written_on-year": "2026",
            "written_to_young_person": "no",
            "contains_third_party_information": "no",
            "submission_key": str(uuid.uuid4()),
        },
    )
    note = CaseNote.objects.get()
    assert note.body == SCRIPT  # kept exactly as written: nothing about the young person is lost

    for url in (
        reverse("casework:case_note_list", kwargs={"pk": young_person.pk}),
        reverse("people:chronology", kwargs={"pk": young_person.pk}),
    ):
        page = client.get(url).content.decode()
        assert SCRIPT not in page
        assert ATTRIBUTE_BREAKOUT not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page


@pytest.mark.parametrize(
    "query",
    ["' OR '1'='1", "%", "_", "\\", "'; DROP TABLE people_youngperson; --", "Kezia%' --"],
)
def test_search_treats_sql_and_wildcards_as_plain_text(
    adviser_and_young_person: tuple[Any, Any], query: str
) -> None:
    adviser, young_person = adviser_and_young_person
    other = YoungPersonFactory(team=adviser.team, first_name="Other", last_name="Person")
    client = signed_in(adviser)
    response = client.get(reverse("people:search"), {"name": query})
    assert response.status_code == 200
    page = response.content.decode()
    # Neither record is found, by its link (the query itself is shown in the search box).
    for person in (young_person, other):
        assert reverse("people:overview", kwargs={"pk": person.pk}) not in page
    found = client.get(reverse("people:search"), {"name": "Kezia"}).content.decode()
    assert reverse("people:overview", kwargs={"pk": young_person.pk}) in found


def test_a_null_character_in_search_is_refused_politely(
    adviser_and_young_person: tuple[Any, Any],
) -> None:
    adviser, young_person = adviser_and_young_person
    client = signed_in(adviser)
    response = client.get(reverse("people:search"), {"name": "Kez\x00ia"})
    assert response.status_code == 200
    assert (
        reverse("people:overview", kwargs={"pk": young_person.pk}) not in response.content.decode()
    )


def test_signing_in_gives_a_new_session_key(make_user: Any) -> None:
    user = make_user(Role.YOUNG_PERSON)
    client = Client()
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    client.post(
        reverse("account_login"),
        {"login": user.email, "password": TEST_PASSWORD},
    )
    assert client.session.get("_auth_user_id") == str(user.pk)
    assert client.session.session_key != before


def _sign_in_through_the_admin_form(client: Client, user: Any) -> Any:
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": user.email, "password": TEST_PASSWORD, "next": "/admin/"},
    )


def test_the_admin_sign_in_form_does_not_open_the_audit_log_or_annex_a(make_user: Any) -> None:
    administrator = make_user(Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST, Role.AUDITOR)
    client = Client()
    response = _sign_in_through_the_admin_form(client, administrator)
    # The admin hands over to the service's own sign-in, which asks for the authenticator code.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    for url in (reverse("core:audit_log"), reverse("returns:annex_a_download")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_admin_opens_only_after_the_service_sign_in_with_a_code(make_user: Any) -> None:
    administrator = make_user(Role.ADMINISTRATOR, totp_secret=TEST_TOTP_SECRET)
    client = Client()
    response = client.get("/admin/")
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("account_login"))

    client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": administrator.email, "password": TEST_PASSWORD, "next": "/admin/"},
    )
    assert client.get("/admin/").status_code == 302  # the code is still to come
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TEST_TOTP_SECRET)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
