"""The GOV.UK Notify interface: the fake keeps messages in the outbox, the setting chooses the
backend, and the real client is called with Notify's arguments."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.portal import notify
from careleavers.portal.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_the_fake_keeps_an_email_in_the_outbox_with_its_words_filled_in() -> None:
    message_id = notify.send_email(
        "jade@example.com",
        notify.template_id("invitation_email"),
        {"first_name": "Jade", "link": "https://example.test/my/invitation/abc/"},
        reference="portal-invitation-1",
    )
    message = OutboxMessage.objects.get()
    assert message_id == f"outbox-{message.pk}"
    assert message.kind == "email"
    assert message.to == "jade@example.com"
    assert message.reference == "portal-invitation-1"
    assert message.personalisation["first_name"] == "Jade"
    assert "Hello Jade" in message.body
    assert "https://example.test/my/invitation/abc/" in message.body
    assert "((" not in message.body


def test_the_fake_keeps_a_text_message() -> None:
    notify.send_sms("07700900982", notify.template_id("invitation_sms"), {"link": "L"})
    message = OutboxMessage.objects.get()
    assert message.kind == "sms"
    assert message.subject == ""
    assert " L " in message.body


def test_the_council_sets_its_own_template_ids(settings: Any) -> None:
    settings.NOTIFY_TEMPLATE_IDS = {"invitation_email": "council-template-id"}
    assert notify.template_id("invitation_email") == "council-template-id"
    assert notify.template_for_id("council-template-id") is notify.TEMPLATES["invitation_email"]


class RecordingBackend:
    sent: list[tuple[Any, ...]] = []

    def send_email(
        self, to: str, template_id: str, personalisation: Any, reference: str = ""
    ) -> str:
        self.sent.append(("email", to, template_id, dict(personalisation), reference))
        return "recorded"

    def send_sms(
        self, to: str, template_id: str, personalisation: Any, reference: str = ""
    ) -> str:
        self.sent.append(("sms", to, template_id, dict(personalisation), reference))
        return "recorded"


def test_the_backend_is_chosen_by_the_setting(settings: Any) -> None:
    settings.NOTIFY_BACKEND = f"{__name__}.RecordingBackend"
    RecordingBackend.sent = []
    assert notify.send_sms("07700900982", "t", {"a": 1}, "ref") == "recorded"
    assert RecordingBackend.sent == [("sms", "07700900982", "t", {"a": 1}, "ref")]
    assert not notify.uses_outbox()
    assert not OutboxMessage.objects.exists()


def test_the_outbox_is_the_default() -> None:
    assert notify.backend_path() == "careleavers.portal.notify.OutboxNotify"
    assert notify.uses_outbox()


class FakeClient:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.fail = fail

    def send_email_notification(self, **kwargs: Any) -> dict[str, Any]:
        if self.fail:
            raise RuntimeError("400 BadRequestError")
        self.calls.append(("email", kwargs))
        return {"id": "notify-id-1"}

    def send_sms_notification(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(("sms", kwargs))
        return {"id": "notify-id-2"}


def test_the_real_backend_calls_notify_with_its_arguments() -> None:
    client = FakeClient()
    backend = notify.GovukNotify(client=client)
    assert backend.send_email("a@example.com", "tid", {"x": "y"}, "ref") == "notify-id-1"
    assert backend.send_sms("07700900982", "tid2", {}, "") == "notify-id-2"
    assert client.calls == [
        (
            "email",
            {
                "email_address": "a@example.com",
                "template_id": "tid",
                "personalisation": {"x": "y"},
                "reference": "ref",
            },
        ),
        (
            "sms",
            {
                "phone_number": "07700900982",
                "template_id": "tid2",
                "personalisation": {},
                "reference": None,
            },
        ),
    ]


def test_a_refusal_from_notify_is_a_notify_error() -> None:
    backend = notify.GovukNotify(client=FakeClient(fail=True))
    with pytest.raises(notify.NotifyError):
        backend.send_email("a@example.com", "tid", {})


def test_notify_down_is_worth_trying_again_and_a_refusal_is_not(settings: Any) -> None:
    from careleavers.portal.tests.fake_notify import running_fake_notify

    with running_fake_notify() as fake:
        backend = notify.GovukNotify(api_key=fake.api_key)
        settings.NOTIFY_BASE_URL = fake.url
        fake.down_for = 1
        with pytest.raises(notify.NotifyError) as down:
            backend.send_email("a@example.com", fake.template_ids["invitation_email"], {})
        with pytest.raises(notify.NotifyError) as refused:
            backend.send_email("a@example.com", "0" * 32, {})
    assert down.value.transient
    assert not refused.value.transient


def test_the_real_backend_needs_an_api_key(settings: Any) -> None:
    settings.NOTIFY_API_KEY = ""
    with pytest.raises(notify.NotifyError, match="NOTIFY_API_KEY"):
        notify.GovukNotify().send_sms("07700900982", "tid", {})


def test_every_template_is_documented_with_its_words_and_its_setting() -> None:
    """A council copies each template's words into GOV.UK Notify from docs/production.md and
    sets the id in the variable README names: both must match the code."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    guide = (root / "docs" / "production.md").read_text()
    readme = (root / "README.md").read_text()
    for key, template in notify.TEMPLATES.items():
        assert template.body in guide, key
        assert template.subject in guide, key
        assert f"NOTIFY_TEMPLATE_{key.upper()}" in guide, key
        assert f"NOTIFY_TEMPLATE_{key.upper()}" in readme, key


def test_every_template_has_an_id_setting() -> None:
    from careleavers.portal.apps import PortalConfig  # noqa: F401 - the check is registered

    assert notify.check_template_settings() == []


def test_a_template_without_an_id_setting_fails_the_system_check(settings: Any) -> None:
    settings.NOTIFY_TEMPLATE_IDS = {"invitation_email": ""}
    errors = notify.check_template_settings()
    assert {error.id for error in errors} == {"portal.E001"}
    unset = set(notify.TEMPLATES) - {"invitation_email"}
    assert len(errors) == len(unset)
    assert all(any(repr(key) in error.msg for error in errors) for key in unset)
