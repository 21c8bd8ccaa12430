"""One young person can never reach another's data through the portal's URLs.

Signed in as one young person, every URL pattern of the portal is requested with another young
person's identifiers wherever the pattern takes an argument. Each answer must be a refusal
(403, 404 or 405) or a page that shows none of the other person's data: their name, their plan
or what they asked for.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, get_resolver, reverse

from careleavers.casework.tests.factories import AllocationFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import YOUNG_PERSONS_WORDS, make_plan
from careleavers.portal.tests.conftest import signed_in
from careleavers.portal.tests.factories import (
    InvitationFactory,
    PortalAccountFactory,
    YoungPersonRequestFactory,
)

pytestmark = pytest.mark.django_db

OTHERS_REQUEST = "Zebedee needs a new passport for the trip to Kraków"


def _portal_patterns() -> list[URLPattern]:
    resolver = get_resolver()
    portal = next(
        pattern
        for pattern in resolver.url_patterns
        if getattr(pattern, "namespace", None) == "portal"
    )
    return list(portal.url_patterns)


@pytest.fixture
def other(people: Any) -> Any:
    """Another young person, of the same adviser and team, with an account, a shared plan, a
    request and a waiting invitation for a third young person."""
    young_person = YoungPersonFactory(
        team=people.team,
        category="former_relevant",
        first_name="Zebedee",
        last_name="Quartermaine",
    )
    AllocationFactory(young_person=young_person, worker=people.adviser)
    PortalAccountFactory(young_person=young_person)
    plan = make_plan(young_person, state=PlanState.SHARED, writer=people.adviser)
    portal_request = YoungPersonRequestFactory(young_person=young_person, text=OTHERS_REQUEST)
    third = YoungPersonFactory(team=people.team, first_name="Ottoline", last_name="Pemberton")
    invitation = InvitationFactory(young_person=third, created_by=people.adviser)
    young_person.plan = plan
    young_person.request = portal_request
    young_person.invitation = invitation
    young_person.third = third
    return young_person


def _kwargs(pattern: URLPattern, other: Any) -> dict[str, Any]:
    route = str(pattern.pattern)
    values: dict[str, Any] = {}
    for name in pattern.pattern.converters:
        if name == "plan_pk":
            values[name] = other.plan.pk
        elif name == "pk":
            values[name] = other.pk if route.startswith("young-people/") else other.request.pk
        elif name == "token":
            values[name] = other.invitation.token
        elif name == "key":
            values[name] = "leisure_pass"
        elif name == "kind":
            values[name] = "passport"
        else:  # pragma: no cover - a new argument needs a value here
            raise AssertionError(f"No identifier of another young person for {name} in {route}")
    return values


def test_every_portal_url_with_another_young_persons_ids_shows_nothing_of_theirs(
    people: Any, other: Any
) -> None:
    YoungPersonRequestFactory(young_person=people.young_person, text="My own request")
    client = signed_in(people.user)
    theirs = (
        "Zebedee",
        "Quartermaine",
        "Ottoline",
        "Pemberton",
        YOUNG_PERSONS_WORDS,
        OTHERS_REQUEST,
    )
    checked = []
    for pattern in _portal_patterns():
        url = reverse(f"portal:{pattern.name}", kwargs=_kwargs(pattern, other))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code in (403, 404, 405, 410):
                checked.append((pattern.name, method, response.status_code))
                continue
            assert response.status_code in (200, 302), (pattern.name, method, response)
            body = response.content.decode(errors="replace")
            for text in theirs:
                assert text not in body, f"{pattern.name} ({method}) shows {text!r}"
            checked.append((pattern.name, method, response.status_code))
    answers = {(name, method): status for name, method, status in checked}
    # Ids in the URL are looked up within the young person's own records.
    assert answers[("plan_pdf", "get")] == 404
    assert answers[("request_detail", "get")] == 404
    # Staff pages and the invitation link are refused outright.
    for name in ("invite", "outbox", "record_requests", "request_handle", "accept"):
        assert answers[(name, "get")] == 403, name
    # Nothing was changed on their behalf.
    other.request.refresh_from_db()
    assert other.request.is_open
    assert not other.third.portal_invitations.filter(used_at__isnull=False).exists()


def test_every_portal_url_pattern_is_checked(other: Any) -> None:
    """A new pattern with an argument must get a value in `_kwargs`, or this fails."""
    for pattern in _portal_patterns():
        _kwargs(pattern, other)
