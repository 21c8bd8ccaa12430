"""Invitations really leave the service: a worker invites a young person through the invite
page, and the message reaches GOV.UK Notify (a fake on 127.0.0.1 that checks the signed token as
Notify does) with a link the young person can open."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.casework.tests.factories import allocated_to
from careleavers.portal.models import Invitation, OutboxMessage
from careleavers.portal.tests.conftest import signed_in
from careleavers.portal.tests.fake_notify import FakeNotify, running_fake_notify

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/my/invitation/[^/\s]+/")
# A text carries the short link instead (/i/<code>).
SHORT_LINK = re.compile(r"https?://\S+/i/[a-z2-9]{10}\b")


@pytest.fixture
def notify_service(settings: Any) -> Iterator[FakeNotify]:
    """The settings a council's servers get from NOTIFY_API_KEY, NOTIFY_BASE_URL and the
    NOTIFY_TEMPLATE_ ids, pointed at the fake."""
    with running_fake_notify() as fake:
        settings.NOTIFY_API_KEY = fake.api_key
        settings.NOTIFY_BACKEND = "careleavers.portal.notify.GovukNotify"
        settings.NOTIFY_BASE_URL = fake.url
        settings.NOTIFY_TEMPLATE_IDS = dict(fake.template_ids)
        yield fake


@pytest.fixture
def invitee(people: SimpleNamespace) -> Any:
    young_person = allocated_to(people.adviser, people.team, first_name="Kezia")
    return young_person


@pytest.fixture
def invite(
    people: SimpleNamespace, invitee: Any, django_capture_on_commit_callbacks: Any
) -> Callable[[str, str], None]:
    """Invite `invitee` on the invite page as their adviser, and run what waits for the commit
    (the sending)."""

    def send(method: str, sent_to: str) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            response = signed_in(people.adviser).post(
                reverse("portal:invite", args=[invitee.pk]),
                {"method": method, "sent_to": sent_to},
            )
        assert response.status_code == 302

    return send


def _link_works(link: str) -> bool:
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = Client().get("/" + path)
    return page.status_code == 200 and "date of birth" in page.content.decode().lower()


def test_an_email_invitation_reaches_notify_with_a_working_link(
    invite: Any, invitee: Any, notify_service: FakeNotify
) -> None:
    invite("email", "Kezia@Example.com")

    [sent] = notify_service.sent
    invitation = Invitation.objects.get(young_person=invitee)
    assert sent.kind == "email"
    assert sent.to == "kezia@example.com"
    assert sent.template_id == notify_service.template_ids["invitation_email"]
    assert sent.reference == invitation.reference
    assert "Hello Kezia" in sent.body
    assert _link_works(LINK.search(sent.body).group(0))  # type: ignore[union-attr]
    assert invitation.send_failed_at is None
    assert not OutboxMessage.objects.exists()


def test_a_text_message_invitation_reaches_notify_with_a_working_link(
    invite: Any, invitee: Any, notify_service: FakeNotify
) -> None:
    invite("sms", "07700 900 982")

    [sent] = notify_service.sent
    assert sent.kind == "sms"
    assert sent.to == "07700900982"
    assert sent.template_id == notify_service.template_ids["invitation_sms"]
    assert _link_works(SHORT_LINK.search(sent.body).group(0))  # type: ignore[union-attr]
    assert not OutboxMessage.objects.exists()


def test_notify_refuses_a_key_with_the_wrong_secret_and_the_worker_sees_it_failed(
    invite: Any, invitee: Any, notify_service: FakeNotify, settings: Any
) -> None:
    settings.NOTIFY_API_KEY = f"careleavers_test-{notify_service.service_id}-{uuid.uuid4()}"
    invite("email", "kezia@example.com")

    assert notify_service.sent == []
    assert len(notify_service.refused) == 1
    assert "Invalid token" in notify_service.refused[0]
    assert Invitation.objects.get(young_person=invitee).send_failed_at is not None


def test_a_template_id_notify_does_not_know_is_a_failed_send(
    invite: Any, invitee: Any, notify_service: FakeNotify, settings: Any
) -> None:
    settings.NOTIFY_TEMPLATE_IDS = {**notify_service.template_ids, "invitation_email": "0" * 32}
    invite("email", "kezia@example.com")

    assert notify_service.sent == []
    assert Invitation.objects.get(young_person=invitee).send_failed_at is not None


def test_an_invitation_notify_could_not_take_is_sent_when_it_is_back(
    invite: Any, invitee: Any, notify_service: FakeNotify
) -> None:
    notify_service.down_for = 2  # the first two attempts get Notify's 500

    invite("email", "kezia@example.com")

    assert len(notify_service.refused) == 2
    assert [message.to for message in notify_service.sent] == ["kezia@example.com"]
    assert _link_works(LINK.search(notify_service.sent[0].body).group(0))  # type: ignore[union-attr]
    assert Invitation.objects.get(young_person=invitee).send_failed_at is None


def test_an_invitation_notify_never_takes_is_marked_not_sent_after_the_last_try(
    invite: Any, invitee: Any, notify_service: FakeNotify
) -> None:
    from careleavers.portal.tasks import RETRY_AFTER

    notify_service.down_for = 100

    invite("email", "kezia@example.com")

    assert len(notify_service.refused) == len(RETRY_AFTER) + 1
    assert notify_service.sent == []
    assert Invitation.objects.get(young_person=invitee).send_failed_at is not None


def test_an_invitation_waits_for_the_worker_with_its_link_sealed(
    people: Any, invitee: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    from careleavers.portal import sealing
    from careleavers.portal.tasks import invitation_send_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signed_in(people.adviser).post(
            reverse("portal:invite", args=[invitee.pk]),
            {"method": "email", "sent_to": "kezia@example.com"},
        )
    assert not DBTaskResult.objects.exists()  # nothing queued until the invitation is saved
    for callback in callbacks:
        callback()

    queued = DBTaskResult.objects.get()
    invitation_id, sealed, worker_name = queued.args_kwargs["args"]
    link = sealing.unseal(sealed)
    assert "/my/invitation/" not in sealed
    assert link.split("/")[-2] not in sealed
    assert not OutboxMessage.objects.exists()  # nothing sent from the request
    invitation_send_task.call(invitation_id, sealed, worker_name)  # as the worker runs it
    assert link in OutboxMessage.objects.get().body
    assert _link_works(link)
