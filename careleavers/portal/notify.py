"""A small interface to GOV.UK Notify: `send_email` and `send_sms`.

The backend is the setting `NOTIFY_BACKEND` (a dotted path), which config/settings.py sets from
the environment:

- `careleavers.portal.notify.GovukNotify`, when `NOTIFY_API_KEY` is set: the real service,
  through the `notifications-python-client` package, at `NOTIFY_BASE_URL`.
- `careleavers.portal.notify.OutboxNotify` otherwise: the fake, for the laptop demo and the
  tests only (a council's servers refuse to start without a key). Nothing leaves the building;
  each message is kept in the `OutboxMessage` table, which only administrators can see, with
  links masked.

Notify keeps the words of each message in a template on its own site; the service only sends
the template's id and the values for its ((placeholders)). `TEMPLATES` below is our copy of
those words, which the council pastes into its Notify templates (docs/production.md); the ids
come from the setting `NOTIFY_TEMPLATE_IDS` (key -> Notify template id, from
NOTIFY_TEMPLATE_<KEY>).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_BACKEND = "careleavers.portal.notify.OutboxNotify"


class NotifyError(Exception):
    """The message could not be sent. `transient` when trying again later may work (Notify
    was down, unreachable or asked us to slow down); not for a refusal that would be repeated
    (a wrong key, template or number)."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


# Notify's answers worth trying again: too many requests, and its own failures (the client
# reports a request that never got an answer as 503).
TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class NotifyTemplate:
    key: str
    kind: str  # "email" or "sms"
    subject: str
    body: str


TEMPLATES: dict[str, NotifyTemplate] = {
    template.key: template
    for template in (
        NotifyTemplate(
            key="invitation_email",
            kind="email",
            subject="Set up your account with ((service_name))",
            body=(
                "Hello ((first_name)),\n\n"
                "((worker_name)) has invited you to set up your own account with "
                "((service_name)). You can see your pathway plan, what you are entitled to, "
                "your money and your documents, and ask for help, on your phone.\n\n"
                "Use this link to set up your account:\n((link))\n\n"
                "The link works once and stops working on ((expires_on)). You will need your "
                "date of birth.\n\n"
                "If you were not expecting this, call the duty team on ((duty_phone)).\n\n"
                "((council_name))"
            ),
        ),
        NotifyTemplate(
            key="invitation_sms",
            kind="sms",
            subject="",
            # Short (one text for most councils' addresses): who sent it, what they need, the
            # link, and who can say it is real.
            body=(
                "((council_name)): ((worker_first_name)) invited you to your account. You need "
                "your date of birth. ((link)) Unsure? Ask ((worker_first_name)) on ((call_on))"
            ),
        ),
        # The code a young person signs in with (careleavers/portal/signin.py).
        NotifyTemplate(
            key="sign_in_code_sms",
            kind="sms",
            subject="",
            body=(
                "((code)) is your code to sign in to ((service_name)). It works for "
                "((minutes)) minutes. Nobody from ((council_name)) will ever ask you for it."
            ),
        ),
        # Sent to the old number when the mobile a young person signs in with changes, so
        # whoever had that phone knows, and can say if it was not them (portal/signin.py).
        NotifyTemplate(
            key="sign_in_phone_changed_sms",
            kind="sms",
            subject="",
            body=(
                "((council_name)): the mobile you sign in to ((service_name)) with was changed "
                "on ((date)). If you did not do this, call ((duty_phone))."
            ),
        ),
        # A young person's request answered. The words of the reply stay on their pages: a
        # text or email can be read by whoever sees their phone.
        NotifyTemplate(
            key="request_answered_sms",
            kind="sms",
            subject="",
            body=(
                "Hello ((first_name)), ((worker_name)) has answered something you asked for. "
                "Read it on your pages: ((link)) ((council_name))"
            ),
        ),
        NotifyTemplate(
            key="request_answered_email",
            kind="email",
            subject="((worker_name)) has answered you",
            body=(
                "Hello ((first_name)),\n\n"
                "((worker_name)) has answered something you asked for on your pages.\n\n"
                "Read what they said:\n((link))\n\n"
                "If you need help now, call the team on ((duty_phone)).\n\n"
                "((service_name)), ((council_name))"
            ),
        ),
        # An appointment booked, moved or cancelled, or tomorrow: ((news)) says which, when,
        # where and with whom (portal/appointment_messages.py), never why.
        NotifyTemplate(
            key="appointment_sms",
            kind="sms",
            subject="",
            body="Hello ((first_name)), ((news)) Your appointments: ((link)) ((council_name))",
        ),
        NotifyTemplate(
            key="appointment_email",
            kind="email",
            subject="Your appointment",
            body=(
                "Hello ((first_name)),\n\n"
                "((news))\n\n"
                "See all your appointments:\n((link))\n\n"
                "If you cannot make it, or need help now, call the team on ((duty_phone)).\n\n"
                "((service_name)), ((council_name))"
            ),
        ),
        # "I do not feel safe": to the duty worker on the rota, or the out-of-hours service.
        NotifyTemplate(
            key="duty_alert_sms",
            kind="sms",
            subject="",
            body=(
                "URGENT ((service_name)): ((young_person)) (child ID ((child_id))) says they do "
                "not feel safe, at ((raised_at)). Call them on ((call_on)). Where they are: "
                "((where)). Details: ((link))"
            ),
        ),
        NotifyTemplate(
            key="duty_alert_email",
            kind="email",
            subject="Urgent: ((young_person)) says they do not feel safe",
            body=(
                "((young_person)) (child ID ((child_id))) pressed \u201cI do not feel safe\u201d "
                "on their own pages at ((raised_at)).\n\n"
                "Call them now on: ((call_on))\n"
                "Where they said they are: ((where))\n"
                "In their words: ((their_words))\n\n"
                "Their personal adviser: ((adviser))\n\n"
                "What they shared and who else was told:\n((link))\n\n"
                "You got this because ((sent_to_reason)).\n\n"
                "((service_name)), ((council_name))"
            ),
        ),
        NotifyTemplate(
            key="duty_alert_adviser_email",
            kind="email",
            subject="Urgent: ((young_person)) says they do not feel safe",
            body=(
                "((young_person)) (child ID ((child_id))), who you are personal adviser to, "
                "pressed \u201cI do not feel safe\u201d on their own pages at ((raised_at)).\n\n"
                "It went to ((sent_to)), to call them on ((call_on)).\n\n"
                "Where they said they are: ((where))\n"
                "In their words: ((their_words))\n\n"
                "Whether each text and email about it was sent:\n((link))\n\n"
                "((service_name)), ((council_name))"
            ),
        ),
    )
}

PLACEHOLDER = re.compile(r"\(\(([a-z_]+)\)\)")


def template_id(key: str) -> str:
    """The Notify template id for one of our templates.

    The outbox needs no ids, so there an unset one is the key itself. GOV.UK Notify does: the
    settings refuse to start a council's servers without them, and `check_template_settings`
    makes every template here have a setting.
    """
    if key not in TEMPLATES:
        raise KeyError(f"No Notify template {key!r}")
    configured = getattr(settings, "NOTIFY_TEMPLATE_IDS", {}) or {}
    if configured.get(key):
        return str(configured[key])
    if uses_outbox():
        return key
    raise NotifyError(f"NOTIFY_TEMPLATE_{key.upper()} is not set.")


def template_for_id(template_id_value: str) -> NotifyTemplate | None:
    for key, template in TEMPLATES.items():
        if template_id(key) == template_id_value:
            return template
    return None


def check_template_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every template here has its NOTIFY_TEMPLATE_<KEY> setting, so a message added to the code
    cannot reach a council's servers without the id the council must configure for it."""
    configured = getattr(settings, "NOTIFY_TEMPLATE_IDS", {}) or {}
    return [
        checks.Error(
            f"Notify template {key!r} has no id setting.",
            hint=f"Add {key!r} to NOTIFY_TEMPLATE_IDS in config/settings.py (read from "
            f"NOTIFY_TEMPLATE_{key.upper()}) and to the table in README.md.",
            id="portal.E001",
        )
        for key in TEMPLATES
        if key not in configured
    ]


def fill(text: str, personalisation: Mapping[str, Any]) -> str:
    """Put the personalisation into a template's ((placeholders)), as Notify does."""
    return PLACEHOLDER.sub(lambda match: str(personalisation.get(match.group(1), "")), text)


class NotifyBackend(Protocol):
    def send_email(
        self, to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
    ) -> str: ...

    def send_sms(
        self, to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
    ) -> str: ...


class OutboxNotify:
    """The fake: keeps each message in the outbox table instead of sending it."""

    def _keep(
        self,
        kind: str,
        to: str,
        template_id_value: str,
        personalisation: Mapping[str, Any],
        reference: str,
    ) -> str:
        from careleavers.portal.models import OutboxMessage

        template = template_for_id(template_id_value)
        message = OutboxMessage.objects.create(
            kind=kind,
            to=to,
            template_id=template_id_value,
            personalisation=dict(personalisation),
            reference=reference,
            subject=fill(template.subject, personalisation) if template else "",
            body=fill(template.body, personalisation) if template else "",
        )
        return f"outbox-{message.pk}"

    def send_email(
        self, to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
    ) -> str:
        return self._keep("email", to, template_id, personalisation, reference)

    def send_sms(
        self, to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
    ) -> str:
        return self._keep("sms", to, template_id, personalisation, reference)


class GovukNotify:
    """GOV.UK Notify itself, with `NOTIFY_API_KEY` at `NOTIFY_BASE_URL`. The tests point it at
    a fake Notify on 127.0.0.1 (portal/tests/fake_notify.py)."""

    def __init__(self, api_key: str | None = None, client: Any = None) -> None:
        self._api_key = api_key or getattr(settings, "NOTIFY_API_KEY", "")
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            if not self._api_key:
                raise NotifyError("NOTIFY_API_KEY is not set.")
            from notifications_python_client.notifications import NotificationsAPIClient

            self._client = NotificationsAPIClient(self._api_key, base_url=settings.NOTIFY_BASE_URL)
        return self._client

    def _call(self, method: str, **kwargs: Any) -> str:
        try:
            response = getattr(self.client, method)(**kwargs)
        except NotifyError:
            raise
        except Exception as error:  # noqa: BLE001 - any failure of the HTTP call is a failure to send
            status = getattr(error, "status_code", None)
            raise NotifyError(
                f"GOV.UK Notify refused the message: {error}",
                transient=status in TRANSIENT_STATUS,
            ) from error
        return str((response or {}).get("id", ""))

    def _send(
        self,
        method: str,
        to: dict[str, str],
        template_id: str,
        personalisation: Mapping[str, Any],
        reference: str,
    ) -> str:
        # `to` names the address as the client's method does: email_address or phone_number.
        return self._call(
            method,
            **to,
            template_id=template_id,
            personalisation=dict(personalisation),
            reference=reference or None,
        )

    def send_email(
        self, to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
    ) -> str:
        return self._send(
            "send_email_notification",
            {"email_address": to},
            template_id,
            personalisation,
            reference,
        )

    def send_sms(
        self, to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
    ) -> str:
        return self._send(
            "send_sms_notification", {"phone_number": to}, template_id, personalisation, reference
        )


def backend_path() -> str:
    return str(getattr(settings, "NOTIFY_BACKEND", DEFAULT_BACKEND) or DEFAULT_BACKEND)


def get_backend() -> NotifyBackend:
    backend: NotifyBackend = import_string(backend_path())()
    return backend


def uses_outbox() -> bool:
    """True when messages go to the outbox (tests and the demo), so pages may show them."""
    return issubclass(import_string(backend_path()), OutboxNotify)


def send_email(
    to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
) -> str:
    """Send an email from a Notify template. Returns the message id; raises NotifyError."""
    return get_backend().send_email(to, template_id, personalisation, reference)


def send_sms(
    to: str, template_id: str, personalisation: Mapping[str, Any], reference: str = ""
) -> str:
    """Send a text message from a Notify template. Returns the message id; raises NotifyError."""
    return get_backend().send_sms(to, template_id, personalisation, reference)
