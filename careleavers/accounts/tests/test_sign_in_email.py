"""The sign-in address cannot be taken over: tried as an attacker would, from their own account,
through the pages and the emails, and then as the victim signing in with their own password."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TEST_PASSWORD
from careleavers.core.models import AuditEvent

pytestmark = pytest.mark.django_db

EMAIL_PAGE = "/accounts/email/"


def _signs_in(email: str, password: str = TEST_PASSWORD) -> bool:
    client = Client()
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    # Staff stop at the authenticator code, which still means the password was accepted.
    return "_auth_user_id" in client.session or response.get("Location") == reverse(
        "mfa_authenticate"
    )


def _links_in(message: Any) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def _ask_for(client: Client, email: str) -> Any:
    # The field and button names of allauth's page too, so the attack is tried as it was.
    return client.post(EMAIL_PAGE, {"email": email, "action_add": ""})


def test_a_signed_in_person_cannot_take_a_staff_members_sign_in_address(
    client_for: Any, make_user: Any
) -> None:
    victim = make_user(Role.TEAM_MANAGER, email="manager@council.example")
    attacker = client_for(Role.YOUNG_PERSON)

    response = _ask_for(attacker, "Manager@Council.example")

    assert response.status_code == 200
    page = response.content.decode()
    assert "already in use" in page
    assert escape(victim.get_full_name()) not in page
    assert mail.outbox == []
    assert _signs_in(victim.email)


def test_staff_cannot_change_their_own_sign_in_address(client_for: Any, make_user: Any) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, email="pa@council.example")
    client = client_for(user=adviser)

    page = client.get(EMAIL_PAGE).content.decode()
    assert "Only an administrator" in page
    response = _ask_for(client, "pa.personal@example.com")

    assert response.status_code == 403
    adviser.refresh_from_db()
    assert adviser.email == "pa@council.example"
    assert mail.outbox == []


def test_a_young_person_changes_their_address_by_opening_the_link(
    make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from careleavers.casework.models import Notification
    from careleavers.casework.tests.factories import allocated_to
    from careleavers.portal.tests.factories import PortalAccountFactory

    adviser = make_user(Role.PERSONAL_ADVISER)
    young_person = allocated_to(adviser, adviser.team)
    user = make_user(Role.YOUNG_PERSON, email="jade.old@example.com")
    PortalAccountFactory(user=user, young_person=young_person)
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})

    with django_capture_on_commit_callbacks(execute=True):
        response = _ask_for(client, "jade.new@example.com")
    assert response.status_code == 302
    (sent,) = mail.outbox
    assert sent.to == ["jade.new@example.com"]
    (link,) = [link for link in _links_in(sent) if "/accounts/confirm-email/" in link]
    user.refresh_from_db()
    assert user.email == "jade.old@example.com"  # nothing changes until the link is opened

    path = re.sub(r"^https?://[^/]+", "", link)
    assert Client().get(path).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(path)

    user.refresh_from_db()
    assert user.email == "jade.new@example.com"
    notice = mail.outbox[-1]
    assert notice.to == ["jade.old@example.com"]
    assert "jade.new@example.com" in notice.body
    assert Notification.objects.filter(
        recipient=adviser, young_person=young_person, kind="portal_email_changed"
    ).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.ACCESS_CHANGE, subject_id=user.pk)
    assert event.detail == {
        "change": "sign_in_email",
        "from": "jade.old@example.com",
        "to": "jade.new@example.com",
    }
    assert _signs_in("jade.new@example.com")
    assert not _signs_in("jade.old@example.com")
    # The link works once.
    Client().post(path)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ACCESS_CHANGE).count() == 1


def test_an_address_given_to_someone_else_before_the_link_is_opened_is_refused(
    client_for: Any, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = make_user(Role.YOUNG_PERSON, email="first@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        _ask_for(client_for(user=user), "wanted@example.com")
    (link,) = [link for link in _links_in(mail.outbox[0]) if "/confirm-email/" in link]
    make_user(Role.PERSONAL_ADVISER, email="wanted@example.com")

    Client().post(re.sub(r"^https?://[^/]+", "", link))

    user.refresh_from_db()
    assert user.email == "first@example.com"
    assert _signs_in("wanted@example.com")


def test_a_confirmation_link_cannot_be_made_without_the_email(
    client_for: Any, make_user: Any, settings: Any
) -> None:
    """With the demo's fallback SECRET_KEY public, a link derived from it could be forged; the
    keys are random and kept in the database instead."""
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    assert settings.ACCOUNT_EMAIL_CONFIRMATION_HMAC is False
    user = make_user(Role.YOUNG_PERSON, email="first@example.com")
    _ask_for(client_for(user=user), "second@example.com")
    pending = EmailAddress.objects.get(user=user, email="second@example.com")

    forged = EmailConfirmationHMAC(pending).key
    Client().post(reverse("account_confirm_email", kwargs={"key": forged}))

    user.refresh_from_db()
    assert user.email == "first@example.com"


def test_an_administrator_changes_a_staff_sign_in_address_and_it_is_audited(
    client_for: Any, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    administrator = make_user(Role.ADMINISTRATOR)
    adviser = make_user(Role.PERSONAL_ADVISER, email="pa.old@council.example")
    url = reverse("accounts:sign_in_email_change", kwargs={"pk": adviser.pk})

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user=administrator).post(url, {"email": "pa.new@council.example"})

    assert response.status_code == 302
    adviser.refresh_from_db()
    assert adviser.email == "pa.new@council.example"
    # The confirmation names the new address, not the one the page was opened with.
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{adviser} now signs in with pa.new@council.example."
    ]
    event = AuditEvent.objects.get(action=AuditEvent.Action.ACCESS_CHANGE, subject_id=adviser.pk)
    assert event.actor == administrator
    assert mail.outbox[-1].to == ["pa.old@council.example"]
    assert _signs_in("pa.new@council.example")


def test_an_administrator_cannot_give_an_address_already_in_use(
    client_for: Any, make_user: Any
) -> None:
    administrator = make_user(Role.ADMINISTRATOR)
    adviser = make_user(Role.PERSONAL_ADVISER, email="pa@council.example")
    make_user(Role.SOCIAL_WORKER, email="sw@council.example")
    url = reverse("accounts:sign_in_email_change", kwargs={"pk": adviser.pk})

    response = client_for(user=administrator).post(url, {"email": "SW@council.example"})

    assert response.status_code == 200
    assert "already in use" in response.content.decode()
    adviser.refresh_from_db()
    assert adviser.email == "pa@council.example"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ACCESS_CHANGE).exists()


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.YOUNG_PERSON])
def test_only_an_administrator_can_change_someone_elses_address(
    client_for: Any, make_user: Any, role: Role
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, email="pa@council.example")
    url = reverse("accounts:sign_in_email_change", kwargs={"pk": adviser.pk})

    response = client_for(role).post(url, {"email": "mine@example.com"})

    assert response.status_code == 403
    adviser.refresh_from_db()
    assert adviser.email == "pa@council.example"


def test_a_verified_address_row_on_another_account_does_not_hide_the_owner(
    make_user: Any,
) -> None:
    """Rows allauth kept before this change (an address someone confirmed on their own account)
    no longer decide whose password is checked."""
    from allauth.account.models import EmailAddress

    victim = make_user(Role.TEAM_MANAGER, email="manager@council.example")
    attacker = make_user(
        Role.YOUNG_PERSON, email="attacker@example.com", password="the-attackers-own-pass"
    )
    EmailAddress.objects.create(user=attacker, email=victim.email, verified=True, primary=False)

    assert _signs_in(victim.email)
    assert User.objects.get(pk=victim.pk).email == "manager@council.example"
