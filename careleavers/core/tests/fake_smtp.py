"""A fake mail relay: a real SMTP server (aiosmtpd) on 127.0.0.1 that makes the client sign in
with a user name and password, as a council's relay does, and keeps what it accepted."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class FakeSmtp:
    port: int
    user: str
    password: str
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    failed_logins: int = 0

    # aiosmtpd's handler hooks ------------------------------------------------------------

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if not session.authenticated:
            return "530 5.7.0 Authentication required"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(message)  # type: ignore[arg-type]
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any):
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == self.user
            and data.password.decode() == self.password
        )
        if not ok:
            self.failed_logins += 1
        return AuthResult(success=ok)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_fake_smtp(
    user: str = "careleavers", password: str = "relay-password"
) -> Iterator[FakeSmtp]:
    fake = FakeSmtp(port=_free_port(), user=user, password=password)
    controller = Controller(
        fake,
        hostname="127.0.0.1",
        port=fake.port,
        authenticator=fake.authenticate,
        # A council's relay would insist on TLS first; this one has no certificate, so it lets
        # the test sign in without it. It still refuses mail from a client that has not.
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield fake
    finally:
        controller.stop()
