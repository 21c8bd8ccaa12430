"""Inviting a young person and setting up their login: the link is signed, works once, runs
out, cannot be used for another person or while signed in, and asks for their date of birth."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import Notification
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal import notify, selectors, services
from careleavers.portal.models import Invitation, OutboxMessage, PortalAccount
from careleavers.portal.selectors import InvitationProblem
from careleavers.portal.tests.conftest import signed_in
from careleavers.portal.tests.factories import InvitationFactory, PortalAccountFactory

pytestmark = pytest.mark.django_db

PASSWORD = "purple-kettle-on-the-moon"  # noqa: S105
LINK = re.compile(r"https?://\S+/my/invitation/[^/\s]+/")


def _accept_data(young_person: Any, email: str = "jade.new@example.com", **extra: Any) -> dict:
    born = young_person.date_of_birth
    return {
        "date_of_birth-day": str(born.day),
        "date_of_birth-month": str(born.month),
        "date_of_birth-year": str(born.year),
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }


def _send(people: Any, capture: Any, **kwargs: Any) -> Invitation:
    with capture(execute=True):
        return services.invitation_send(
            acting_user=people.adviser,
            young_person=kwargs.pop("young_person", people.young_person),
            method=kwargs.pop("method", "email"),
            sent_to=kwargs.pop("sent_to", "Jade@Example.com"),
            link_base="https://careleavers.example",
        )


@pytest.fixture
def invitee(people: Any) -> Any:
    """A young person of the same adviser who has no account yet."""
    from careleavers.casework.tests.factories import AllocationFactory

    # A surname no other words on the pages can contain, for the test that the link shows no name.
    young_person = YoungPersonFactory(
        team=people.team, category="former_relevant", last_name="Adeyemi-Lockhart"
    )
    AllocationFactory(young_person=young_person, worker=people.adviser)
    return young_person


def test_an_invitation_by_email_puts_a_working_link_in_the_outbox(
    people: Any, invitee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    invitation = _send(people, django_capture_on_commit_callbacks, young_person=invitee)
    message = OutboxMessage.objects.get()
    assert message.kind == "email"
    assert message.to == "jade@example.com"
    assert message.reference == invitation.reference
    assert message.template_id == notify.template_id("invitation_email")
    link = LINK.search(message.body).group(0)  # type: ignore[union-attr]
    assert link == invitation.link
    assert link.startswith("https://careleavers.example/my/invitation/")
    response = Client().get(link.removeprefix("https://careleavers.example"))
    assert response.status_code == 200
    assert b"Set up your account" in response.content
    assert invitee.last_name.encode() not in response.content  # the link shows no name


def test_an_invitation_by_text_goes_to_a_mobile_number(
    people: Any, invitee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _send(
        people,
        django_capture_on_commit_callbacks,
        young_person=invitee,
        method="sms",
        sent_to="07700 900 982",
    )
    message = OutboxMessage.objects.get()
    assert (message.kind, message.to) == ("sms", "07700900982")
    # A text carries the short link (/i/<code>), which opens the same page.
    short = re.search(r"https://careleavers\.example(/i/[a-z2-9]{10})\b", message.body)
    assert short is not None, message.body
    assert "Set up your account" in Client().get(short.group(1)).content.decode()


def test_a_bad_address_is_refused_and_nothing_is_sent(
    people: Any, invitee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    to_a_bad_number = {"young_person": invitee, "method": "sms", "sent_to": "12345"}
    with pytest.raises(ValidationError) as caught:
        _send(people, django_capture_on_commit_callbacks, **to_a_bad_number)
    assert "sent_to" in caught.value.error_dict
    assert not Invitation.objects.exists()


def test_a_young_person_with_an_account_cannot_be_invited(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with pytest.raises(ValidationError, match="already has an account"):
        _send(people, django_capture_on_commit_callbacks, sent_to="a@example.com")


def test_a_new_invitation_stops_the_old_link_working(people: Any, invitee: Any) -> None:
    first = InvitationFactory(young_person=invitee, created_by=people.adviser)
    second = InvitationFactory(young_person=invitee, created_by=people.adviser)
    with pytest.raises(InvitationProblem) as caught:
        selectors.invitation_from_token(first.token)
    assert caught.value.kind == "withdrawn"
    assert selectors.invitation_from_token(second.token).pk == second.pk


def test_accepting_creates_a_young_person_login_linked_to_them(
    people: Any, invitee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal:accept", args=[invitation.token]), _accept_data(invitee)
        )
    # Straight in: no second sign-in after making the account.
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    assert client.get("/my/").status_code == 200  # signed in: not sent to the sign-in page
    user = User.objects.get(email="jade.new@example.com")
    assert user.check_password(PASSWORD)
    assert user.role_names == {Role.YOUNG_PERSON}
    assert not user.is_staff
    assert not user.is_staff_member
    assert PortalAccount.objects.get(user=user).young_person == invitee
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert AuditEvent.objects.filter(
        action="access_change", young_person_id=invitee.pk, detail__event="portal_account_created"
    ).exists()
    # The worker who invited them is told.
    assert Notification.objects.filter(recipient=people.adviser, kind="portal_account").exists()


def test_the_new_login_signs_in_through_the_normal_sign_in(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    services.invitation_accept(
        token=invitation.token,
        date_of_birth=invitee.date_of_birth,
        email="jade.new@example.com",
        password=PASSWORD,
    )
    client = Client()
    response = client.post(
        reverse("account_login") + "?next=/my/",
        {"login": "jade.new@example.com", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    assert client.get("/my/").status_code == 200


def test_an_invitation_cannot_be_used_twice(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    url = reverse("portal:accept", args=[invitation.token])
    assert Client().post(url, _accept_data(invitee)).status_code == 302
    again = Client().post(url, _accept_data(invitee, email="someone.else@example.com"))
    assert again.status_code == 410
    assert b"already set up your account" in again.content
    assert not User.objects.filter(email="someone.else@example.com").exists()
    assert PortalAccount.objects.filter(young_person=invitee).count() == 1


def test_an_invitation_expires(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    later = timezone.now() + datetime.timedelta(days=selectors.invitation_days(), minutes=1)
    with time_machine.travel(later):
        response = Client().get(reverse("portal:accept", args=[invitation.token]))
        assert response.status_code == 410
        assert b"This link has expired" in response.content
        with pytest.raises(InvitationProblem):
            services.invitation_accept(
                token=invitation.token,
                date_of_birth=invitee.date_of_birth,
                email="late@example.com",
                password=PASSWORD,
            )
    assert not PortalAccount.objects.filter(young_person=invitee).exists()


def test_a_token_changed_to_name_another_invitation_is_refused(people: Any, invitee: Any) -> None:
    mine = InvitationFactory(young_person=invitee, created_by=people.adviser)
    other_person = YoungPersonFactory(team=people.team)
    theirs = InvitationFactory(young_person=other_person, created_by=people.adviser)
    # Keep my secret but name their invitation: the signature no longer matches.
    payload, _, _ = mine.token.partition(":")
    _, secret = signing.TimestampSigner(salt=selectors.INVITATION_SALT).unsign_object(mine.token)
    forged = signing.TimestampSigner(salt="someone-else").sign_object([theirs.pk, secret])
    for token in (forged, payload + ":x:y", "not-a-token"):
        response = Client().get(reverse("portal:accept", args=[token]))
        assert response.status_code == 404
    # Even correctly signed, my secret does not open their invitation.
    signed = selectors.make_token(theirs.pk, secret)
    with pytest.raises(InvitationProblem) as caught:
        selectors.invitation_from_token(signed)
    assert caught.value.kind == "invalid"


def test_an_invitation_only_ever_links_the_person_it_was_sent_to(
    people: Any, invitee: Any
) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    someone_else = YoungPersonFactory(team=people.team)
    # Typing another young person's date of birth does not link to them: it is refused.
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(
            token=invitation.token,
            date_of_birth=someone_else.date_of_birth - datetime.timedelta(days=3),
            email="x@example.com",
            password=PASSWORD,
        )
    assert "date_of_birth" in caught.value.error_dict
    account = services.invitation_accept(
        token=invitation.token,
        date_of_birth=invitee.date_of_birth,
        email="x@example.com",
        password=PASSWORD,
    )
    assert account.young_person == invitee
    assert not PortalAccount.objects.filter(young_person=someone_else).exists()


def test_too_many_wrong_dates_of_birth_stop_the_link(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    url = reverse("portal:accept", args=[invitation.token])
    wrong = invitee.date_of_birth - datetime.timedelta(days=400)
    data = _accept_data(invitee)
    data.update(
        {
            "date_of_birth-day": str(wrong.day),
            "date_of_birth-month": str(wrong.month),
            "date_of_birth-year": str(wrong.year),
        }
    )
    for _ in range(selectors.MAX_FAILED_CHECKS - 1):
        response = Client().post(url, data)
        assert response.status_code == 200
        assert b"does not match" in response.content
    response = Client().post(url, data)
    assert response.status_code == 410
    invitation.refresh_from_db()
    assert invitation.failed_checks == selectors.MAX_FAILED_CHECKS
    assert invitation.withdrawn_at is not None
    assert Client().post(url, _accept_data(invitee)).status_code == 410
    assert not PortalAccount.objects.filter(young_person=invitee).exists()


def test_someone_signed_in_cannot_use_a_link(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    url = reverse("portal:accept", args=[invitation.token])
    for user in (people.user, people.adviser):
        client = signed_in(user)
        assert client.get(url).status_code == 403
        assert client.post(url, _accept_data(invitee)).status_code == 403
    assert not PortalAccount.objects.filter(young_person=invitee).exists()


def test_a_weak_password_is_refused_by_the_password_rules(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    response = Client().post(
        reverse("portal:accept", args=[invitation.token]),
        _accept_data(invitee, password1="password", password2="password"),
    )
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"too short" in response.content or b"too common" in response.content
    assert (
        not PortalAccount.objects.exists()
        or not PortalAccount.objects.filter(young_person=invitee).exists()
    )


def test_an_email_already_in_use_is_refused(people: Any, invitee: Any) -> None:
    invitation = InvitationFactory(young_person=invitee, created_by=people.adviser)
    with pytest.raises(ValidationError) as caught:
        services.invitation_accept(
            token=invitation.token,
            date_of_birth=invitee.date_of_birth,
            email=people.adviser.email.upper(),
            password=PASSWORD,
        )
    assert "email" in caught.value.error_dict


def test_a_failed_send_is_marked_so_the_worker_can_send_again(
    people: Any, invitee: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.NOTIFY_BACKEND = "careleavers.portal.notify.GovukNotify"
    settings.NOTIFY_API_KEY = ""
    invitation = _send(people, django_capture_on_commit_callbacks, young_person=invitee)
    invitation.refresh_from_db()
    assert invitation.send_failed_at is not None


def test_the_invite_page_sends_an_invitation(
    people: Any, invitee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = signed_in(people.adviser)
    url = reverse("portal:invite", args=[invitee.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"method": "email", "sent_to": "new@example.com"})
    assert response.status_code == 302
    assert Invitation.objects.get(young_person=invitee).created_by == people.adviser
    assert OutboxMessage.objects.get().to == "new@example.com"


def test_a_worker_who_is_not_allocated_cannot_invite(people: Any, invitee: Any) -> None:
    other_worker = UserFactory(roles=[Role.SOCIAL_WORKER], team=people.team)
    response = signed_in(other_worker).get(reverse("portal:invite", args=[invitee.pk]))
    assert response.status_code == 403


def test_the_overview_shows_whether_they_have_an_account(people: Any, invitee: Any) -> None:
    client = signed_in(people.adviser)
    page = client.get(reverse("people:overview", args=[invitee.pk])).content.decode()
    assert "No account yet" in page
    assert reverse("portal:invite", args=[invitee.pk]) in page
    InvitationFactory(young_person=invitee, created_by=people.adviser)
    page = client.get(reverse("people:overview", args=[invitee.pk])).content.decode()
    assert "Link works until" in page
    page = client.get(reverse("people:overview", args=[people.young_person.pk])).content.decode()
    assert "Set up on" in page
    assert reverse("portal:invite", args=[people.young_person.pk]) not in page


def test_a_young_person_without_an_account_link_is_refused(db: None) -> None:
    loose = PortalAccountFactory().user
    PortalAccount.objects.filter(user=loose).update(user=UserFactory(roles=[Role.YOUNG_PERSON]))
    assert signed_in(loose).get(reverse("portal:home")).status_code == 403
