"""The middleware's request context: services called without `request` still record where the
request came from, and nothing carries over from one request to the next."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework import services as casework_services
from careleavers.casework.tests.factories import AllocationFactory, allocated_to
from careleavers.core import request_context
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture
def adviser_and_young_person(make_user: Any) -> tuple[Any, Any]:
    adviser = make_user(Role.PERSONAL_ADVISER)
    young_person = allocated_to(adviser, adviser.team)
    return adviser, young_person


def _add_case_note(client: Client, young_person: Any, title: str, client_address: str) -> None:
    today = datetime.date.today()
    response = client.post(
        reverse("casework:case_note_add", kwargs={"pk": young_person.pk}),
        {
            "title": title,
            "written_on-day": today.day,
            "written_on-month": today.month,
            "written_on-year": today.year,
            "body": "Talked about college.",
            "written_to_young_person": "no",
            "contains_third_party_information": "no",
            # The hidden key the form carries so that sending it twice adds one note.
            "submission_key": str(uuid.uuid4()),
        },
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _case_note_event(title: str) -> AuditEvent:
    from careleavers.casework.models import CaseNote

    note = CaseNote.objects.get(title=title)
    return AuditEvent.objects.get(subject_type=note._meta.label, subject_id=str(note.pk))


def test_a_service_called_without_request_records_the_requests_client_address(
    settings: Any, adviser_and_young_person: tuple[Any, Any]
) -> None:
    settings.PROXY_COUNT = 1
    adviser, young_person = adviser_and_young_person
    client = signed_in(adviser)

    _add_case_note(client, young_person, "First visit", "203.0.113.7")
    _add_case_note(client, young_person, "Second visit", "198.51.100.8")

    # casework.services.case_note_add takes no request: the address comes from the middleware.
    assert _case_note_event("First visit").ip_address == "203.0.113.7"
    assert _case_note_event("Second visit").ip_address == "198.51.100.8"
    assert _case_note_event("First visit").actor == adviser


def test_nothing_is_left_behind_after_a_request(
    adviser_and_young_person: tuple[Any, Any],
) -> None:
    adviser, young_person = adviser_and_young_person
    client = signed_in(adviser)
    _add_case_note(client, young_person, "During a request", "203.0.113.7")
    assert request_context.current() is None

    # The same service outside any request (a command, a task): no address to record.
    casework_services.case_note_add(
        acting_user=adviser,
        young_person=young_person,
        title="From a command",
        written_on=datetime.date.today(),
        body="Imported.",
        written_to_young_person=False,
        contains_third_party_information=False,
        third_party_description="",
    )
    assert _case_note_event("From a command").ip_address is None


# A page that only reads keeps answers asked more than once ---------------------------------


def _within(method: str, ask: Any) -> Any:
    """Run `ask` inside the middleware, as a view of a `method` request would."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    answers: list[Any] = []

    def view(request: Any) -> HttpResponse:
        answers.append(ask())
        return HttpResponse()

    request = RequestFactory().generic(method, "/")
    request_context.RequestContextMiddleware(view)(request)
    return answers[0]


def test_only_a_page_that_reads_has_a_memo() -> None:
    assert request_context.reading_memo() is None  # outside a request
    assert _within("GET", request_context.reading_memo) == {}
    assert _within("HEAD", request_context.reading_memo) == {}
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert _within(method, request_context.reading_memo) is None


def test_a_memo_is_not_carried_to_the_next_request() -> None:
    def keep() -> dict[Any, Any]:
        memo = request_context.reading_memo()
        assert memo is not None
        seen = dict(memo)
        memo["asked"] = True
        return seen

    assert _within("GET", keep) == {}
    assert _within("GET", keep) == {}


def test_visibility_is_asked_once_in_a_read_and_afresh_after_a_write(
    adviser_and_young_person: tuple[Any, Any],
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from careleavers.casework.models import Allocation
    from careleavers.people.selectors import can_see_young_person

    adviser, young_person = adviser_and_young_person

    def twice_then_ended() -> tuple[bool, bool, int, bool]:
        with CaptureQueriesContext(connection) as queries:
            first = can_see_young_person(user=adviser, young_person=young_person)
            second = can_see_young_person(user=adviser, young_person=young_person)
        # The allocation ends, as a write in the same request could end it.
        Allocation.objects.filter(young_person=young_person).delete()
        after = can_see_young_person(user=adviser, young_person=young_person)
        return first, second, len(queries), after

    first, second, asked, after = _within("GET", twice_then_ended)
    assert (first, second, asked) == (True, True, 1)
    # A read keeps its answer to the end of the page (nothing a read does changes it).
    assert after is True

    AllocationFactory(young_person=young_person, worker=adviser)
    first, second, asked, after = _within("POST", twice_then_ended)
    assert (first, second, asked) == (True, True, 2)
    # A request that may write asks every time.
    assert after is False


def test_an_answer_is_worked_out_once_in_a_read_and_every_time_otherwise() -> None:
    def ask_twice() -> list[str]:
        asked: list[str] = []

        def work_out() -> str:
            asked.append("asked")
            return "answer"

        assert request_context.kept_for_the_read("question", work_out) == "answer"
        assert request_context.kept_for_the_read("question", work_out) == "answer"
        return asked

    assert _within("GET", ask_twice) == ["asked"]
    assert _within("POST", ask_twice) == ["asked", "asked"]
    assert ask_twice() == ["asked", "asked"]  # outside a request
