"""One client address for the audit log, the lockout and the sign-in rate limits, whatever
headers a client sends.

Requests reach the app as they would behind the council's proxy: REMOTE_ADDR is the proxy, and
the proxy has appended the address it saw to whatever X-Forwarded-For the client sent.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.test import Client, RequestFactory
from django.urls import reverse

from careleavers.accounts.adapters import AccountAdapter
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TEST_PASSWORD
from careleavers.casework.tests.factories import allocated_to
from careleavers.core.client_address import client_ip
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in

PROXY = "10.0.0.5"
ATTACKER = "198.51.100.66"
VICTIM = "203.0.113.20"
TOO_MANY = "Too many tries. Wait a few minutes and try again"


def through_proxy(client_sent: str, seen_by_proxy: str) -> dict[str, str]:
    """The request headers the app gets when the client sent `client_sent` as its own
    X-Forwarded-For and the proxy received the connection from `seen_by_proxy`."""
    forwarded = f"{client_sent}, {seen_by_proxy}" if client_sent else seen_by_proxy
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


@pytest.mark.parametrize(
    ("proxy_count", "headers"),
    [
        pytest.param(
            1,
            through_proxy(VICTIM, ATTACKER),
            id="behind_one_proxy_a_spoofed_left_most_entry_is_ignored",
        ),
        pytest.param(
            2,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{VICTIM}, {ATTACKER}, 10.0.0.9"},
            id="behind_two_proxies_the_address_the_outer_proxy_saw_is_used",
        ),
        pytest.param(
            0,
            {
                "REMOTE_ADDR": ATTACKER,
                "HTTP_X_FORWARDED_FOR": VICTIM,
                "HTTP_X_REAL_IP": VICTIM,
                "HTTP_CLIENT_IP": VICTIM,
            },
            id="with_no_proxy_forwarded_headers_are_ignored_entirely",
        ),
        pytest.param(
            1,
            {
                "HTTP_X_REAL_IP": VICTIM,
                "HTTP_CLIENT_IP": VICTIM,
                "HTTP_CF_CONNECTING_IP": VICTIM,
                **through_proxy("", ATTACKER),
            },
            id="headers_the_proxy_does_not_set_are_ignored_behind_a_proxy",
        ),
        pytest.param(
            1,
            through_proxy("not-an-address, <script>", ATTACKER),
            id="junk_in_the_forwarded_header_does_not_hide_the_client",
        ),
        pytest.param(
            1,
            {"REMOTE_ADDR": ATTACKER},
            id="a_request_that_bypassed_the_proxy_is_known_by_its_socket_address",
        ),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_hop_saw(
    settings: Any, proxy_count: int, headers: dict[str, str]
) -> None:
    settings.PROXY_COUNT = proxy_count
    request = RequestFactory().get("/", **headers)
    assert client_ip(request) == ATTACKER


def test_allauths_rate_limits_use_the_same_address(settings: Any) -> None:
    settings.PROXY_COUNT = 1
    request = RequestFactory().get("/", **through_proxy(VICTIM, ATTACKER))
    assert AccountAdapter(request).get_client_ip(request) == ATTACKER


@pytest.mark.django_db
def test_the_audit_log_records_the_address_the_proxy_saw_not_the_one_claimed(
    settings: Any, make_user: Any
) -> None:
    settings.PROXY_COUNT = 1
    adviser = make_user(Role.PERSONAL_ADVISER)
    young_person = allocated_to(adviser, adviser.team)
    client = signed_in(adviser)

    response = client.get(
        reverse("people:overview", kwargs={"pk": young_person.pk}),
        **through_proxy(VICTIM, ATTACKER),
    )

    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditEvent.Action.VIEW, young_person_id=young_person.pk)
    assert event.ip_address == ATTACKER


def _sign_in(client: Client, email: str, password: str, **headers: str) -> Any:
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


@pytest.mark.django_db
def test_a_flood_of_spoofed_failures_cannot_lock_the_victim_out_from_their_own_address(
    settings: Any, make_user: Any
) -> None:
    settings.PROXY_COUNT = 1
    victim = make_user(Role.PERSONAL_ADVISER)
    start = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        attacker = Client()
        for attempt in range(3 * settings.AXES_FAILURE_LIMIT):
            # Each attempt claims a different address, and one claims to be the victim's.
            claimed = VICTIM if attempt == 0 else f"192.0.2.{attempt}"
            _sign_in(
                attacker, victim.email, "wrong-password-1", **through_proxy(claimed, ATTACKER)
            )

    # allauth's per-account limit (5 failures in 5 minutes) holds everyone back for a few minutes
    # by design; the lockout is the hour-long one, and it must be the attacker's alone.
    with time_machine.travel(start + datetime.timedelta(minutes=6), tick=False):
        # The attacker's own address is locked out, whatever it claims to be.
        refused = _sign_in(
            attacker, victim.email, TEST_PASSWORD, **through_proxy("192.0.2.200", ATTACKER)
        )
        assert refused.status_code == 429
        assert "_auth_user_id" not in attacker.session
        victim_client = Client()
        response = _sign_in(
            victim_client, victim.email, TEST_PASSWORD, **through_proxy("", VICTIM)
        )
        # The password is accepted and the victim is asked for their authenticator code.
        assert response.status_code == 302
        assert response.url == reverse("mfa_authenticate")


@pytest.mark.django_db
def test_allauths_per_address_limit_counts_the_real_address_whatever_is_claimed(
    settings: Any, make_user: Any
) -> None:
    settings.PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 1000  # so only allauth's per-address limit can refuse
    attacker = Client()
    contents = []
    for attempt in range(11):
        # A different account each time, so allauth's per-account limit never applies.
        email = f"person{attempt}@example.com"
        response = _sign_in(
            attacker, email, "wrong-password-1", **through_proxy(f"192.0.2.{attempt}", ATTACKER)
        )
        contents.append(response.content.decode())
    # LOGIN_FAILED_RATE_LIMIT allows 10 a minute from one address; the 11th is refused.
    assert not any(TOO_MANY in content for content in contents[:10])
    assert TOO_MANY in contents[10]
