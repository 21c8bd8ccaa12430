"""A small OpenID Connect provider on 127.0.0.1, for the single sign-on tests.

It is a fake only in who it says the person is: the test sets the claims of the next sign-in.
Everything else is the real protocol over real HTTP: a discovery document, a JWKS with the
provider's RSA public key, an authorisation endpoint that sends the browser back with a one-time
code, and a token endpoint that checks the client's secret, the redirect address and the PKCE
verifier before it issues an RS256-signed ID token.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "careleavers-test-client"
CLIENT_SECRET = "test-client-secret-not-for-production"  # noqa: S105


class FakeOpenIDProvider:
    def __init__(self, *, client_id: str = CLIENT_ID, client_secret: str = CLIENT_SECRET) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self.next_claims: dict[str, Any] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.issued_tokens = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenIDProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sign_in_as(self, **claims: Any) -> None:
        """The person who will be signed in at the provider when the browser arrives."""
        self.next_claims = {"sub": secrets.token_hex(8), **claims}

    # The protocol ------------------------------------------------------------------------

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "email", "email_verified", "amr", "name"],
        }

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return 400, {}, b"unknown client or response type"
        if "openid" not in query.get("scope", "").split():
            return 400, {}, b"the openid scope is required"
        code = secrets.token_urlsafe(24)
        self.codes[code] = {
            "claims": dict(self.next_claims),
            "redirect_uri": query["redirect_uri"],
            "code_challenge": query.get("code_challenge"),
            "nonce": query.get("nonce"),
        }
        target = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
        return 302, {"Location": target}, b""

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != self.client_id or form.get("client_secret") != (
            self.client_secret
        ):
            return 401, {"error": "invalid_client"}
        grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if grant is None or form.get("grant_type") != "authorization_code":
            return 400, {"error": "invalid_grant"}
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        if grant["code_challenge"]:
            verifier = form.get("code_verifier", "").encode()
            digest = hashlib.sha256(verifier).digest()
            challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if challenge != grant["code_challenge"]:
                return 400, {"error": "invalid_grant"}
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            **grant["claims"],
        }
        if grant["nonce"]:
            claims["nonce"] = grant["nonce"]
        id_token = jwt.encode(
            claims, self.private_key, algorithm="RS256", headers={"kid": self.kid}
        )
        self.issued_tokens += 1
        return 200, {
            "access_token": secrets.token_urlsafe(24),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status: int, data: dict[str, Any]) -> None:
                body = json.dumps(data).encode()
                self._send(status, body, {"Content-Type": "application/json"})

            def do_GET(self) -> None:  # noqa: N802
                url = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self._json(200, provider.discovery())
                elif url.path == "/jwks":
                    self._json(200, provider.jwks())
                elif url.path == "/authorize":
                    status, headers, body = provider.authorize(query)
                    self._send(status, body, headers)
                else:
                    self._send(404, b"not found", {})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode()
                form = {key: values[0] for key, values in parse_qs(raw).items()}
                if urlsplit(self.path).path == "/token":
                    self._json(*provider.token(form))
                else:
                    self._send(404, b"not found", {})

        return Handler


def provider_settings(provider: FakeOpenIDProvider, *, name: str = "Bradley Council") -> dict:
    """SOCIALACCOUNT_PROVIDERS as config/settings.py builds it from the OIDC_ variables."""
    return {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "council",
                    "name": name,
                    "client_id": provider.client_id,
                    "secret": provider.client_secret,
                    "settings": {
                        "server_url": provider.issuer,
                        "fetch_userinfo": False,
                        "token_auth_method": "client_secret_post",
                    },
                }
            ],
        }
    }


@pytest.fixture(scope="module")
def running_provider() -> Iterator[FakeOpenIDProvider]:
    """One provider for a whole test module (each makes an RSA key); a module's `provider`
    fixture points the settings at it. Test modules import this fixture by name."""
    with FakeOpenIDProvider() as running:
        yield running
