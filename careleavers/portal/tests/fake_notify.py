"""A fake GOV.UK Notify: a real HTTP server on 127.0.0.1 that speaks Notify's API v2.

It checks what Notify checks before accepting a message: the bearer token is a JWT signed with
the secret of the API key (HS256) whose issuer is the key's service id and whose issue time is
recent (the client library's own `decode_jwt_token`, which Notify uses too); the template id is
one of the service's templates and of the right kind; every ((placeholder)) of the template has
a value. It records what it accepted, so a test can read the message as the recipient would.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from notifications_python_client.authentication import decode_jwt_token, get_token_issuer
from notifications_python_client.errors import TokenError

from careleavers.portal.notify import PLACEHOLDER, TEMPLATES, fill


@dataclass
class Sent:
    kind: str  # "email" or "sms"
    to: str
    template_id: str
    personalisation: dict[str, Any]
    reference: str | None
    body: str


@dataclass
class FakeNotify:
    service_id: str
    secret: str
    template_ids: dict[str, str]  # our template key -> the id this fake service knows it by
    sent: list[Sent] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    url: str = ""
    # The next this many requests get Notify's "internal error" (500), as when it is down.
    down_for: int = 0

    @property
    def api_key(self) -> str:
        """A key in Notify's format: its name, then the service id and the secret."""
        return f"careleavers_test-{self.service_id}-{self.secret}"

    def accept(self, kind: str, authorization: str, payload: dict[str, Any]) -> tuple[int, dict]:
        if self.down_for > 0:
            self.down_for -= 1
            return self._refuse(500, "Exception", "Internal server error")
        token = authorization.removeprefix("Bearer ").strip()
        try:
            if get_token_issuer(token) != self.service_id:
                raise TokenError("Invalid token: service id does not match", token)
            decode_jwt_token(token, self.secret)
        except TokenError as error:
            return self._refuse(403, "AuthError", f"Invalid token: {error.message}")
        key = next(
            (
                key
                for key, value in self.template_ids.items()
                if value == payload.get("template_id")
            ),
            None,
        )
        if key is None or TEMPLATES[key].kind != kind:
            return self._refuse(400, "BadRequestError", "Template not found")
        personalisation = payload.get("personalisation") or {}
        template = TEMPLATES[key]
        missing = sorted(
            set(PLACEHOLDER.findall(template.subject + template.body)) - set(personalisation)
        )
        if missing:
            return self._refuse(
                400, "BadRequestError", f"Missing personalisation: {', '.join(missing)}"
            )
        to_field = "email_address" if kind == "email" else "phone_number"
        if not payload.get(to_field):
            return self._refuse(400, "ValidationError", f"{to_field} is a required property")
        body = fill(template.body, personalisation)
        self.sent.append(
            Sent(
                kind=kind,
                to=payload[to_field],
                template_id=payload["template_id"],
                personalisation=personalisation,
                reference=payload.get("reference"),
                body=body,
            )
        )
        notification_id = str(uuid.uuid4())
        return 201, {
            "id": notification_id,
            "reference": payload.get("reference"),
            "content": {"body": body, "subject": fill(template.subject, personalisation)},
            "uri": f"{self.url}/v2/notifications/{notification_id}",
            "template": {"id": payload["template_id"], "version": 1, "uri": ""},
        }

    def _refuse(self, status: int, error: str, message: str) -> tuple[int, dict]:
        self.refused.append(message)
        return status, {"status_code": status, "errors": [{"error": error, "message": message}]}


def _handler_for(fake: FakeNotify) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            kinds = {"/v2/notifications/email": "email", "/v2/notifications/sms": "sms"}
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path not in kinds:
                status, answer = 404, {"status_code": 404, "errors": [{"error": "NotFound"}]}
            else:
                try:
                    payload = json.loads(raw or b"{}")
                except ValueError:
                    status, answer = 400, {"status_code": 400, "errors": [{"error": "BadJSON"}]}
                else:
                    status, answer = fake.accept(
                        kinds[self.path], self.headers.get("Authorization", ""), payload
                    )
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep the test output quiet

    return Handler


@contextmanager
def running_fake_notify() -> Iterator[FakeNotify]:
    fake = FakeNotify(
        service_id=str(uuid.uuid4()),
        secret=str(uuid.uuid4()),
        template_ids={key: str(uuid.uuid4()) for key in TEMPLATES},
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
