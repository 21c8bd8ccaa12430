"""The record-page decorator: methods, permission and exactly one audit event per read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.models import AuditEvent
from careleavers.people.record_page import record_page
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(team=team, first_name="Amira", last_name="Khan")


@pytest.fixture
def pa(make_user, team, young_person):
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    AllocationFactory(young_person=young_person, worker=adviser)
    return adviser


def _events(young_person, *actions):
    events = AuditEvent.objects.filter(young_person_id=young_person.pk)
    if actions:
        events = events.filter(action__in=actions)
    return list(events.order_by("pk").values_list("action", flat=True))


def _url(name, young_person):
    return reverse(name, kwargs={"pk": young_person.pk})


# Methods ------------------------------------------------------------------------------------


def test_options_is_refused_with_what_the_page_allows_and_nothing_is_read(
    client_for, young_person
):
    # The review found OPTIONS on the case notes returned the notes and logged nothing.
    client = client_for(Role.INSPECTOR)
    response = client.options(_url("casework:case_note_list", young_person))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert b"Case notes" not in response.content
    assert _events(young_person) == []


def test_a_post_to_a_page_without_a_form_is_refused(client_for, young_person):
    client = client_for(Role.HEAD_OF_SERVICE)
    response = client.post(_url("casework:case_note_list", young_person))
    assert response.status_code == 405
    assert _events(young_person) == []


def test_a_record_page_is_kept_by_no_cache(client_for, young_person):
    response = client_for(Role.INSPECTOR).get(_url("people:overview", young_person))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_head_is_logged_as_a_view(client_for, young_person):
    response = client_for(Role.INSPECTOR).head(_url("people:overview", young_person))
    assert response.status_code == 200
    assert _events(young_person) == ["view"]


def test_a_form_shown_again_with_its_errors_is_logged_as_a_view(client_for, pa, young_person):
    response = client_for(user=pa).post(
        _url("casework:case_note_add", young_person), {"written_on-day": "31"}
    )
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert _events(young_person) == ["view"]


def test_a_saved_form_is_audited_by_its_service_alone(client_for, pa, young_person):
    response = client_for(user=pa).post(
        _url("casework:alert_add", young_person),
        {
            "kind": "health",
            "description": "Carries an adrenaline pen.",
            "raised_on-day": "3",
            "raised_on-month": "1",
            "raised_on-year": "2026",
        },
    )
    assert response.status_code == 302
    assert "view" not in _events(young_person)
    assert _events(young_person) != []


def test_a_printed_page_leaves_one_print_event_and_no_view(client_for, pa, young_person):
    response = client_for(user=pa).get(_url("offer:statement_print", young_person))
    assert response.status_code == 200
    assert _events(young_person) == ["print"]


def test_a_page_cannot_declare_options():
    with pytest.raises(ValueError, match="OPTIONS"):
        record_page("nonsense", methods=("GET", "OPTIONS"))


# Who may open it ----------------------------------------------------------------------------


def test_a_superuser_administrator_is_refused_every_apps_record_pages(make_user, client_for):
    # transitions asked user.has_perm, which a superuser passes: 200 there, 403 elsewhere.
    young_person = YoungPersonFactory()
    admin = make_user(Role.ADMINISTRATOR, is_superuser=True, is_staff=True)
    client = client_for(user=admin)
    for name in ("transitions:young_person", "people:overview", "offer:money"):
        assert client.get(_url(name, young_person)).status_code == 403
    assert _events(young_person) == ["access_refused"] * 3


def test_a_refusal_inside_the_view_is_logged_once(client_for, young_person, make_user, team):
    # An inspector may read a request from the young person but not mark it done.
    from careleavers.portal.tests.factories import YoungPersonRequestFactory

    portal_request = YoungPersonRequestFactory(young_person=young_person)
    inspector = make_user(Role.INSPECTOR)
    response = client_for(user=inspector).post(
        reverse("portal:request_handle", kwargs={"pk": portal_request.pk}), {"reply": "Done"}
    )
    assert response.status_code == 403
    assert _events(young_person) == ["access_refused"]


def test_an_archived_record_is_not_found(client_for, young_person, pa):
    young_person.archived_at = young_person.created_at
    young_person.save()
    response = client_for(user=pa).get(_url("people:overview", young_person))
    assert response.status_code == 404
    assert _events(young_person) == []


# Pages keyed by another object ----------------------------------------------------------------


def test_a_needs_assessment_page_is_audited(client_for, pa, young_person):
    # It was never audited.
    from careleavers.plans import services as plans_services

    assessment = plans_services.assessment_start(acting_user=pa, young_person=young_person)
    before = _events(young_person)
    response = client_for(user=pa).get(
        reverse("plans:assessment_detail", kwargs={"assessment_pk": assessment.pk})
    )
    assert response.status_code == 200
    assert _events(young_person)[len(before) :] == ["view"]


def test_a_needs_assessment_is_refused_to_whoever_cannot_see_the_young_person(
    client_for, pa, young_person, make_user
):
    from careleavers.accounts.tests.factories import TeamFactory
    from careleavers.plans import services as plans_services

    assessment = plans_services.assessment_start(acting_user=pa, young_person=young_person)
    stranger = make_user(Role.PERSONAL_ADVISER, team=TeamFactory())
    response = client_for(user=stranger).get(
        reverse("plans:assessment_detail", kwargs={"assessment_pk": assessment.pk})
    )
    assert response.status_code == 403
    assert _events(young_person, "access_refused", "view") == ["access_refused"]
