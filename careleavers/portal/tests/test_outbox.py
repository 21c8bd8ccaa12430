"""The demo outbox: only administrators see it, and never a link that works.

Each test starts from a worker sending an invitation through the invite page, as in the demo.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.tests.factories import allocated_to
from careleavers.core.models import AuditEvent
from careleavers.portal.models import Invitation
from careleavers.portal.presenters import mask_links
from careleavers.portal.tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(people: SimpleNamespace, django_capture_on_commit_callbacks: Any) -> Any:
    """A young person the adviser has just invited by email through the invite page."""
    young_person = allocated_to(people.adviser, people.team, first_name="Kezia")
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(people.adviser).post(
            reverse("portal:invite", args=[young_person.pk]),
            {"method": "email", "sent_to": "kezia@example.com"},
        )
    assert response.status_code == 302
    return Invitation.objects.get(young_person=young_person)


def _token_of(invitation: Invitation) -> str:
    from careleavers.portal.models import OutboxMessage

    body = OutboxMessage.objects.get(reference=invitation.reference).body
    return body.split("/my/invitation/")[1].split("/")[0]


def test_an_administrator_sees_the_message_with_its_link_masked(invited: Any) -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    response = signed_in(admin).get(reverse("portal:outbox"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Email to kezia@example.com" in page
    assert "Hello Kezia" in page
    assert "/my/invitation/[hidden]/" in page
    assert _token_of(invited) not in page


def test_opening_the_outbox_is_audited(invited: Any) -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    signed_in(admin).get(reverse("portal:outbox"))
    event = AuditEvent.objects.get(subject_type="portal.OutboxMessage")
    assert event.actor == admin
    assert event.action == AuditEvent.Action.VIEW


@pytest.mark.parametrize(
    "role",
    [Role.PERSONAL_ADVISER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.DUTY_WORKER],
)
def test_workers_cannot_read_the_outbox(invited: Any, people: Any, role: Role) -> None:
    worker = people.adviser if role == Role.PERSONAL_ADVISER else UserFactory(roles=[role])
    response = signed_in(worker).get(reverse("portal:outbox"))
    assert response.status_code == 403
    assert _token_of(invited) not in response.content.decode()


def test_the_record_no_longer_links_to_an_outbox(invited: Any, people: Any) -> None:
    page = signed_in(people.adviser).get(
        reverse("people:overview", args=[invited.young_person_id])
    )
    assert page.status_code == 200
    assert "outbox" not in page.content.decode().lower()


def test_administrators_find_the_outbox_in_the_navigation(invited: Any) -> None:
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    # Under Records in the header navigation.
    records = signed_in(admin).get(reverse("core:nav_section", kwargs={"key": "records"}))
    assert reverse("portal:outbox") in records.content.decode()


def test_with_gov_uk_notify_there_is_no_outbox(invited: Any, settings: Any) -> None:
    settings.NOTIFY_BACKEND = "careleavers.portal.notify.GovukNotify"
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    assert signed_in(admin).get(reverse("portal:outbox")).status_code == 404


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Open https://x.example/my/invitation/WzEsImFiY2RlZiJd:1t2x:abcdefghijkl/ now",
            "Open https://x.example/my/invitation/[hidden]/ now",
        ),
        ("https://x.example/reset/?key=abc#top", "https://x.example/reset/[hidden]"),
        ("Call 01274 000 000", "Call 01274 000 000"),
        ("http://x.example/my/", "http://x.example/my/"),
    ],
)
def test_links_keep_their_page_and_lose_their_secrets(text: str, shown: str) -> None:
    assert mask_links(text) == shown
