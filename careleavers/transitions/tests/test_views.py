"""The pages: thin views that call a service or selector, show errors next to fields, check
permission on the record, and log what was seen."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.days import date_fields, days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions.models import Outcome, Referral, ReferralChase, ServiceKind
from careleavers.transitions.tests.factories import (
    HealthProfileFactory,
    ReferralChaseFactory,
    ReferralFactory,
    TransitionPlanFactory,
    service_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pa_client(pa: Any) -> Client:
    return signed_in(pa)


@pytest.fixture
def person(team: Any) -> Any:
    return YoungPersonFactory(team=team)


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"transitions:{name}", kwargs=kwargs)


def test_a_pa_refers_a_young_person_and_is_taken_to_the_referral(
    pa_client: Client, person: Any
) -> None:
    service = service_of(ServiceKind.ADULT_MENTAL_HEALTH)
    response = pa_client.post(
        _url("referral_create", pk=person.pk),
        {"service": service.pk, "reason": "Low mood", **date_fields("referred_on", days_ago(2))},
    )
    referral = Referral.objects.get(young_person=person)
    assert response.status_code == 302
    assert response["Location"] == _url("referral_detail", pk=person.pk, referral_pk=referral.pk)


def test_a_referral_form_with_mistakes_shows_them_next_to_the_fields(
    pa_client: Client, person: Any
) -> None:
    response = pa_client.post(
        _url("referral_create", pk=person.pk),
        {"reason": "", **date_fields("referred_on", days_ago(-3))},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in content
    assert "Select the service you are referring them to" in content
    assert "Date referred must be today or in the past" in content
    assert not Referral.objects.exists()


def test_a_service_refusal_appears_next_to_the_field(pa_client: Client, person: Any) -> None:
    existing = ReferralFactory(young_person=person)
    response = pa_client.post(
        _url("referral_create", pk=person.pk),
        {
            "service": existing.service.pk,
            "reason": "Again",
            **date_fields("referred_on", days_ago(0)),
        },
    )
    assert "already has an open referral" in response.content.decode()
    assert Referral.objects.count() == 1


def test_threshold_not_met_without_the_support_given_instead_shows_an_error(
    pa_client: Client, person: Any
) -> None:
    referral = ReferralFactory(young_person=person)
    url = _url("referral_decision", pk=person.pk, referral_pk=referral.pk)
    response = pa_client.post(
        url, {"version": "1", "outcome": "not_met", **date_fields("decided_on", days_ago(0))}
    )
    assert "Enter the support the young person will get instead" in response.content.decode()
    response = pa_client.post(
        url,
        {
            "version": "1",
            "outcome": "not_met",
            "alternative_support": "Weekly mentoring",
            **date_fields("decided_on", days_ago(0)),
        },
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.outcome, referral.alternative_support) == (
        Outcome.THRESHOLD_NOT_MET,
        "Weekly mentoring",
    )


def test_a_stale_decision_is_refused_with_the_newer_version_to_save_again(
    pa_client: Client, person: Any
) -> None:
    referral = ReferralFactory(young_person=person, version=2)
    response = pa_client.post(
        _url("referral_decision", pk=person.pk, referral_pk=referral.pk),
        {"version": "1", "outcome": "met", **date_fields("decided_on", days_ago(0))},
    )
    content = response.content.decode()
    assert "changed this referral" in content
    assert "after you opened it. Nothing you entered was saved." in content
    assert 'name="version" value="2"' in content


def test_a_chase_is_recorded_and_shown_on_the_referral(pa_client: Client, person: Any) -> None:
    referral = ReferralFactory(young_person=person, referred_on=days_ago(40))
    pa_client.post(
        _url("chase_add", pk=person.pk, referral_pk=referral.pk),
        {
            "kind": "escalation",
            "contacted": "Head of adult mental health",
            **date_fields("on", days_ago(0)),
        },
    )
    assert ReferralChase.objects.get().kind == "escalation"
    page = pa_client.get(_url("referral_detail", pk=person.pk, referral_pk=referral.pk))
    content = page.content.decode()
    assert "Escalation: Head of adult mental health" in content
    assert "Waiting 40 days (target 28 days, 12 days over)" in content


def test_a_referral_of_another_young_person_is_not_found(pa_client: Client, team: Any) -> None:
    referral = ReferralFactory(young_person=YoungPersonFactory(team=team))
    other = YoungPersonFactory(team=team)
    response = pa_client.get(_url("referral_detail", pk=other.pk, referral_pk=referral.pk))
    assert response.status_code == 404


def test_viewing_the_page_is_logged_against_the_young_person(
    pa_client: Client, pa: Any, person: Any
) -> None:
    pa_client.get(_url("young_person", pk=person.pk))
    event = AuditEvent.objects.get(action="view", young_person_id=person.pk)
    assert event.actor == pa
    assert event.detail == {"page": "transitions.young_person"}


def test_a_restricted_record_is_refused_and_the_attempt_logged(
    pa_client: Client, team: Any
) -> None:
    person = YoungPersonFactory(team=team, is_restricted=True)
    response = pa_client.get(_url("young_person", pk=person.pk))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action="access_refused", young_person_id=person.pk).exists()


def test_readers_see_the_page_without_ways_to_change_it(client_for: Any, person: Any) -> None:
    ReferralFactory(young_person=person)
    response = client_for(Role.INSPECTOR).get(_url("young_person", pk=person.pk))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Refer to a service" not in content
    assert "Change health details" not in content


def _saved_then_read(client: Client, person: Any, form: str, data: dict[str, Any]) -> str:
    """Send a form about the person that saves (the page sends them on), then read their
    page."""
    response = client.post(_url(form, pk=person.pk), data)
    assert response.status_code == 302
    return client.get(_url("young_person", pk=person.pk)).content.decode()


def test_health_details_are_saved_and_shown(pa_client: Client, person: Any) -> None:
    health = {
        "gp_registration": "yes",
        "gp_practice": "Westgate Surgery",
        "dentist_registration": "no",
        "mental_health_needs": "yes",
        "mental_health_notes": "Anxiety",
        "is_pregnant": "no",
        "is_parent": "yes",
        "number_of_children": "1",
        **date_fields("health_history_given_on", days_ago(10)),
    }
    content = _saved_then_read(pa_client, person, "health_edit", health)
    assert "Registered: Westgate Surgery" in content
    assert "Parent of 1 child" in content
    assert "Anxiety" in content


def test_the_health_form_starts_from_what_is_recorded(pa_client: Client, person: Any) -> None:
    HealthProfileFactory(young_person=person, gp_practice="Shipley Medical Practice")
    content = pa_client.get(_url("health_edit", pk=person.pk)).content.decode()
    assert 'value="Shipley Medical Practice"' in content


def test_a_plan_is_started_then_a_milestone_added(pa_client: Client, team: Any) -> None:
    person = YoungPersonFactory(team=team, has_ehc_plan=True)
    social_care = service_of(ServiceKind.ADULT_SOCIAL_CARE)
    response = pa_client.post(
        _url("plan_edit", pk=person.pk),
        {
            "young_persons_wishes": "A flat near my sister",
            "adult_services": [social_care.pk],
            **date_fields("started_on", days_ago(0)),
        },
    )
    assert response.status_code == 302
    milestone = {"title": "Care Act assessment", "owner": "Adult social care"}
    milestone |= date_fields("due_on", days_ago(-30))
    content = _saved_then_read(pa_client, person, "milestone_add", milestone)
    assert "A flat near my sister" in content
    assert "Care Act assessment" in content
    assert social_care.name in content


def test_adding_a_milestone_without_a_plan_goes_to_start_the_plan(
    pa_client: Client, person: Any
) -> None:
    response = pa_client.get(_url("milestone_add", pk=person.pk))
    assert response["Location"] == _url("plan_edit", pk=person.pk)


# The managers' view --------------------------------------------------------------------------


@pytest.fixture
def manager_client(manager: Any) -> Client:
    return signed_in(manager)


def test_the_managers_view_shows_everyone_waiting_and_how_long(
    manager_client: Client, team: Any
) -> None:
    person = YoungPersonFactory(team=team, first_name="Ruby", preferred_name="")
    ReferralChaseFactory(referral=ReferralFactory(young_person=person, referred_on=days_ago(45)))
    content = manager_client.get(_url("waits")).content.decode()
    assert "1 waiting, 1 of them longer than the target" in content
    assert "Ruby" in content
    assert "45 days" in content
    assert 'src="/transitions/waits/waiting.svg"' in content


def test_the_managers_view_filters_by_service(manager_client: Client, team: Any) -> None:
    ReferralFactory(young_person=YoungPersonFactory(team=team))
    camhs = service_of(ServiceKind.CAMHS)
    content = manager_client.get(_url("waits"), {"service": camhs.pk}).content.decode()
    assert "0 waiting" in content
    assert f"waiting.svg?service={camhs.pk}" in content


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _not_met_by_social_care(person: Any, *, decided_days_ago: int, instead: str) -> None:
    """A referral to adult social care whose threshold was not met, with the support given
    instead."""
    ReferralFactory(
        young_person=person,
        decided_on=days_ago(decided_days_ago),
        outcome=Outcome.THRESHOLD_NOT_MET,
        alternative_support=instead,
        service=service_of(ServiceKind.ADULT_SOCIAL_CARE),
    )


def _one_of_each(team: Any, index: int) -> None:
    person = YoungPersonFactory(team=team, has_ehc_plan=True)
    ReferralChaseFactory(
        referral=ReferralFactory(young_person=person, referred_on=days_ago(index))
    )
    _not_met_by_social_care(person, decided_days_ago=0, instead="Mentoring")
    TransitionPlanFactory(young_person=person)


@pytest.mark.parametrize("name", ["waits", "not_met", "planning"])
def test_the_managers_pages_cost_the_same_queries_for_1_or_15_rows(
    manager_client: Client, team: Any, name: str
) -> None:
    _one_of_each(team, 0)
    manager_client.get(_url(name))  # the first request loads the session and the user
    with_one = _queries(manager_client, _url(name))
    for index in range(1, 15):
        _one_of_each(team, index)
    assert _queries(manager_client, _url(name)) == with_one


@pytest.mark.parametrize("name", ["waiting_chart", "monthly_chart"])
def test_charts_are_svg_images(manager_client: Client, team: Any, name: str) -> None:
    ReferralFactory(
        young_person=YoungPersonFactory(team=team),
        referred_on=days_ago(50),
        decided_on=days_ago(5),
        outcome=Outcome.THRESHOLD_MET,
    )
    response = manager_client.get(_url(name))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")
    assert b"<svg" in response.content


def test_young_people_with_complex_needs_who_did_not_meet_a_threshold_are_listed(
    manager_client: Client, team: Any
) -> None:
    complex_person = YoungPersonFactory(
        team=team,
        first_name="Amir",
        preferred_name="",
        learning_needs="Moderate learning difficulty",
    )
    _not_met_by_social_care(complex_person, decided_days_ago=1, instead="Weekly mentoring")
    other = YoungPersonFactory(team=team, first_name="Zed", preferred_name="")
    ReferralFactory(
        young_person=other,
        decided_on=days_ago(1),
        outcome=Outcome.THRESHOLD_NOT_MET,
        alternative_support="Group",
    )
    content = manager_client.get(_url("not_met")).content.decode()
    assert "Amir" in content
    assert "Weekly mentoring" in content
    assert "Learning needs" in content
    assert "Zed" not in content


def test_the_planning_page_lists_those_who_need_a_plan(manager_client: Client, team: Any) -> None:
    TransitionPlanFactory(
        young_person=YoungPersonFactory(
            team=team, has_ehc_plan=True, first_name="Bea", preferred_name=""
        )
    )
    YoungPersonFactory(team=team, has_ehc_plan=True, first_name="Cal", preferred_name="")
    content = manager_client.get(_url("planning")).content.decode()
    assert content.index("Cal") < content.index("Bea")
    assert "No plan" in content


def test_two_people_changing_one_milestone_the_second_is_told_and_nothing_is_overwritten(
    pa_client: Client, make_user: Any, team: Any, person: Any
) -> None:
    from careleavers.core.tests.pages import form_data
    from careleavers.transitions.tests.factories import MilestoneFactory

    plan = TransitionPlanFactory(young_person=person)
    milestone = MilestoneFactory(plan=plan, owner="Their PA")
    manager = Client()
    manager.force_login(
        make_user(Role.TEAM_MANAGER, team=team, first_name="Tia", last_name="Manager")
    )
    url = _url("milestone_edit", pk=person.pk, milestone_pk=milestone.pk)
    adviser_form = pa_client.get(url)
    manager_form = manager.get(url)

    first = manager.post(url, form_data(manager_form, owner="The housing officer"))
    second = pa_client.post(url, form_data(adviser_form, notes="Viewing booked"))

    assert first.status_code == 302
    assert second.status_code == 200
    content = second.content.decode()
    assert "Tia Manager changed this milestone" in content
    assert 'name="version" value="2"' in content
    milestone.refresh_from_db()
    assert (milestone.owner, milestone.notes, milestone.version) == (
        "The housing officer",
        "",
        2,
    )


def test_the_waiting_list_comes_50_a_page_and_the_totals_count_everyone(
    manager_client: Client, team: Any
) -> None:
    by = ReferralFactory().referred_by
    for index in range(51):
        ReferralFactory(
            young_person=YoungPersonFactory(team=team, first_name=f"Person{index:02d}"),
            referred_on=days_ago(100 - index),
            referred_by=by,
        )
    first = manager_client.get(_url("waits")).content.decode()
    second = manager_client.get(_url("waits"), {"page": 2}).content.decode()
    # Referred 100 to 50 days ago: all over the 28-day target for adult mental health.
    assert "51 waiting, 51 of them longer than the target" in first
    assert "51 waiting, 51 of them longer than the target" in second
    assert "Person00" in first
    assert "Person49" in first
    assert "Person50" not in first
    assert "Person50" in second
    assert "Person49" not in second
    assert first.index("Person00") < first.index("Person01")
    assert "govuk-pagination" in first


def test_the_planning_list_comes_50_a_page_those_without_a_plan_first(
    manager_client: Client, team: Any
) -> None:
    born = days_ago(365 * 19)
    for index in range(50):
        TransitionPlanFactory(
            young_person=YoungPersonFactory(
                team=team, has_ehc_plan=True, first_name=f"Planned{index:02d}", date_of_birth=born
            )
        )
    YoungPersonFactory(team=team, has_ehc_plan=True, first_name="Unplanned", date_of_birth=born)
    first = manager_client.get(_url("planning")).content.decode()
    second = manager_client.get(_url("planning"), {"page": 2}).content.decode()
    assert first.index("Unplanned") < first.index("Planned00")
    assert "Planned48" in first
    assert "Planned49" not in first
    assert "Planned49" in second
    assert "govuk-pagination" in first
