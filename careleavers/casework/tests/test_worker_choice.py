"""Choosing a worker on the casework forms: a short list a worker thinks in (themselves, the
young person's workers, who is on duty, their team), anyone else found by name without
JavaScript, and a worker the form does not allow refused beside the field."""

from __future__ import annotations

import datetime
from typing import Any

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.casework.models import Allocation, Contact, DutyLogEntry, DutyRotaEntry
from careleavers.casework.tests.factories import (
    AllocationFactory,
    ContactFactory,
    DutyRotaEntryFactory,
)
from careleavers.core.forms.short_list import FOUND_MOST
from careleavers.core.tests.pages import form_data
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _offered(response: Any, name: str = "worker") -> dict[str, list[str]]:
    """The select's options under each heading (the blank choice under "")."""
    assert response.status_code == 200
    select = lxml.html.fromstring(response.content.decode()).get_element_by_id(f"id_{name}")
    offered: dict[str, list[str]] = {}
    for child in select:
        if child.tag == "optgroup":
            offered[child.get("label")] = [option.text for option in child]
        else:
            offered.setdefault("", []).append(child.text)
    return offered


def _selected(response: Any, name: str = "worker") -> str:
    select = lxml.html.fromstring(response.content.decode()).get_element_by_id(f"id_{name}")
    return next(option.text for option in select.iter("option") if option.get("selected"))


def _contact(worker: Any, **typed: Any) -> dict[str, Any]:
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    return {
        "submission_key": "3f1b2c9e-7d4a-4c1e-9a2b-5e6f7a8b9c0d",
        "occurred_on-day": yesterday.day,
        "occurred_on-month": yesterday.month,
        "occurred_on-year": yesterday.year,
        "occurred_time-hour": "10",
        "occurred_time-minute": "30",
        "worker": worker.pk if worker else "",
        "method": "phone",
        "made_contact": "yes",
        "seen": "no",
        "seen_alone": "no",
        "notes": "Rang about their bid for a flat.",
        "written_to_young_person": "no",
        **typed,
    }


def _name(user: Any, team: Any = None) -> str:
    return f"{user.get_full_name()}, {team}" if team else user.get_full_name()


# What the contact form offers -----------------------------------------------------------------


def test_the_contact_form_offers_you_their_workers_the_duty_worker_and_your_team(
    client_for, make_user, team, young_person
):
    me = make_user(Role.PERSONAL_ADVISER, team=team)
    social_worker = make_user(Role.SOCIAL_WORKER)
    AllocationFactory(young_person=young_person, worker=social_worker, role="sw")
    on_duty = DutyRotaEntryFactory().worker
    elsewhere = make_user(Role.PERSONAL_ADVISER, team=TeamFactory())

    response = client_for(user=me).get(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk})
    )

    offered = _offered(response)
    adviser = Allocation.objects.get(role="pa").worker
    assert offered == {
        "": ["Select a worker"],
        "You": [_name(me, team)],
        "Their workers": sorted(
            [_name(adviser, team), _name(social_worker)], key=lambda n: n.split()[1]
        ),
        "On duty today": [_name(on_duty)],
    }
    assert _selected(response) == _name(me, team)
    assert _name(elsewhere, elsewhere.team) not in str(offered)


def test_someone_else_is_found_by_name_and_chosen_keeping_what_was_typed(
    client_for, adviser, young_person, make_user
):
    ola = make_user(Role.SOCIAL_WORKER, first_name="Ola", last_name="Okafor")
    client = client_for(user=adviser)
    url = reverse("casework:contact_add", kwargs={"pk": young_person.pk})

    found = client.post(url, _contact(adviser, worker_search="okaf"))

    assert not Contact.objects.exists()
    page = found.content.decode()
    assert "There is a problem" not in page
    assert "Rang about their bid for a flat." in page
    assert _offered(found)["Matching ‘okaf’"] == ["Ola Okafor"]
    assert _selected(found) == "Ola Okafor"
    assert "Ola Okafor matches ‘okaf’ and is now chosen above." in page

    saved = client.post(url, form_data(found))

    assert saved.status_code == 302
    assert Contact.objects.get().worker == ola


def test_several_matches_are_offered_and_none_is_chosen_for_them(
    client_for, adviser, young_person, make_user
):
    make_user(Role.PERSONAL_ADVISER, first_name="Sam", last_name="Ng")
    make_user(Role.SOCIAL_WORKER, first_name="Samira", last_name="Hussain")
    make_user(Role.ADMINISTRATOR, first_name="Sam", last_name="Admin")  # makes no contacts

    found = client_for(user=adviser).post(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk}),
        _contact(adviser, worker_search=" SAM "),
    )

    assert _offered(found)["Matching ‘SAM’"] == ["Samira Hussain", "Sam Ng"]
    assert _selected(found) == _name(adviser, adviser.team)
    assert "2 match ‘SAM’. They are first in the list above: choose one." in (
        found.content.decode()
    )
    assert not Contact.objects.exists()


def test_a_common_name_offers_the_first_matches_and_asks_for_more_of_it(
    client_for, adviser, young_person, make_user
):
    for number in range(FOUND_MOST + 1):
        make_user(Role.PERSONAL_ADVISER, first_name="Jo", last_name=f"Smith{number:02}")

    found = client_for(user=adviser).post(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk}),
        _contact(adviser, worker_search="smith"),
    )

    assert len(_offered(found)["Matching ‘smith’"]) == FOUND_MOST
    assert f"More than {FOUND_MOST} match ‘smith’" in found.content.decode()


def test_a_name_nobody_has_is_said_beside_the_search_box_and_saves_nothing(
    client_for, adviser, young_person
):
    response = client_for(user=adviser).post(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk}),
        _contact(adviser, worker_search="Nobody-by-this-name"),
    )

    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_worker_search"' in page
    assert "No worker who can be chosen here matches ‘Nobody-by-this-name’" in page
    assert page.count('class="govuk-error-message"') == 1
    assert not Contact.objects.exists()


def test_a_search_with_a_nul_byte_is_refused_not_sent_to_the_database(
    client_for, adviser, young_person
):
    response = client_for(user=adviser).post(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk}),
        _contact(adviser, worker_search="Sam\x00"),
    )

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert not Contact.objects.exists()


def test_a_worker_outside_the_short_list_who_may_make_contacts_is_accepted(
    client_for, adviser, young_person, make_user
):
    elsewhere = make_user(Role.SOCIAL_WORKER, team=TeamFactory())

    response = client_for(user=adviser).post(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk}), _contact(elsewhere)
    )

    assert response.status_code == 302
    assert Contact.objects.get().worker == elsewhere


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST])
def test_someone_who_does_not_work_with_young_people_is_refused_beside_the_field(
    client_for, adviser, young_person, make_user, role
):
    not_a_worker = make_user(role)

    response = client_for(user=adviser).post(
        reverse("casework:contact_add", kwargs={"pk": young_person.pk}), _contact(not_a_worker)
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_worker"' in page
    assert (
        "Select who made the contact from the list: only staff who work with young people can "
        "be chosen" in page
    )
    assert not Contact.objects.exists()


def test_amending_shows_who_made_the_contact_though_they_are_in_no_group(
    client_for, manager, young_person, make_user
):
    gone_elsewhere = make_user(Role.PERSONAL_ADVISER, team=TeamFactory())
    contact = ContactFactory(
        young_person=young_person,
        worker=gone_elsewhere,
        occurred_at=timezone.now() - datetime.timedelta(days=30),
    )
    contact.created_at = timezone.now() - datetime.timedelta(days=30)
    contact.save(update_fields=["created_at"])

    response = client_for(user=manager).get(
        reverse("casework:contact_amend", kwargs={"pk": contact.pk})
    )

    assert _offered(response)["Chosen before"] == [_name(gone_elsewhere, gone_elsewhere.team)]
    assert _selected(response) == _name(gone_elsewhere, gone_elsewhere.team)


# The other forms that choose a worker ---------------------------------------------------------


def test_booking_an_appointment_offers_the_same_short_list(client_for, adviser, young_person):
    response = client_for(user=adviser).get(
        reverse("casework:appointment_book", kwargs={"pk": young_person.pk})
    )

    assert list(_offered(response)) == ["", "You"]
    assert _selected(response) == _name(adviser, adviser.team)


def test_a_duty_call_can_be_passed_to_the_young_persons_workers_or_the_team(
    client_for, make_user, team, young_person
):
    duty = make_user(Role.DUTY_WORKER, team=team)
    url = reverse("casework:duty_add") + f"?child_id={young_person.child_id}"

    response = client_for(user=duty).get(url)

    adviser = Allocation.objects.get().worker
    assert _offered(response, "passed_to") == {
        "": ["Nobody"],
        "Their workers": [_name(adviser, team)],
        "Your team": [_name(duty, team)],
    }


def test_a_duty_call_is_passed_to_someone_found_by_name(client_for, make_user, young_person):
    duty = make_user(Role.DUTY_WORKER)
    ola = make_user(Role.SOCIAL_WORKER, first_name="Ola", last_name="Okafor")
    client = client_for(user=duty)
    url = reverse("casework:duty_add")
    typed = form_data(
        client.get(url),
        caller="Their landlord",
        method="phone",
        need="A repair",
        action_taken="Rang the housing officer",
        passed_to_search="ola oka",
    )

    found = client.post(url, typed)
    assert _selected(found, "passed_to") == "Ola Okafor"
    saved = client.post(url, form_data(found))

    assert saved.status_code == 302
    assert DutyLogEntry.objects.get().passed_to == ola


def test_the_rota_offers_who_has_been_on_duty_lately_and_your_team(client_for, make_user, team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    lately = DutyRotaEntryFactory(on=timezone.localdate() - datetime.timedelta(days=20)).worker
    long_ago = DutyRotaEntryFactory(on=timezone.localdate() - datetime.timedelta(days=60)).worker
    colleague = make_user(Role.PERSONAL_ADVISER, team=team)

    response = client_for(user=manager).get(reverse("casework:duty_rota_add"))

    offered = _offered(response)
    assert offered["On the rota in the last or next 4 weeks"] == [_name(lately)]
    assert offered["Your team"] == sorted([_name(manager, team), _name(colleague, team)])
    assert _name(long_ago) not in str(offered)


def test_changing_a_rota_entry_keeps_who_is_on_duty_in_the_list(client_for, make_user):
    entry = DutyRotaEntryFactory(on=timezone.localdate() + datetime.timedelta(days=60))
    response = client_for(Role.TEAM_MANAGER).get(
        reverse("casework:duty_rota_change", kwargs={"pk": entry.pk})
    )
    assert _selected(response) == _name(entry.worker)


def test_someone_who_cannot_take_duty_is_refused_beside_the_field(client_for, make_user):
    post = {
        "on-day": "14",
        "on-month": "12",
        "on-year": str(timezone.localdate().year + 1),
        "starts-hour": "09",
        "starts-minute": "00",
        "ends-hour": "17",
        "ends-minute": "00",
        "worker": make_user(Role.AUDITOR).pk,
    }
    response = client_for(Role.TEAM_MANAGER).post(reverse("casework:duty_rota_add"), post)

    assert "Select who is on duty from the list" in response.content.decode()
    assert not DutyRotaEntry.objects.exists()


def test_reallocation_offers_their_team_with_caseloads_then_yours(
    client_for, manager, adviser, young_person, team, make_user
):
    other_team = TeamFactory(name="Other team")
    colleague = make_user(Role.PERSONAL_ADVISER, team=team)
    AllocationFactory(worker=colleague)
    leader = make_user(Role.HEAD_OF_SERVICE, team=other_team)
    their_other = make_user(Role.PERSONAL_ADVISER, team=other_team)
    not_an_adviser = make_user(Role.SOCIAL_WORKER, team=team)

    response = client_for(user=leader).get(
        reverse("casework:allocation_change", kwargs={"pk": young_person.pk}) + "?role=pa"
    )

    offered = _offered(response)
    assert offered["Their team"] == [
        f"{worker.get_full_name()} ({team}, 1 young person)"
        for worker in sorted([adviser, colleague], key=lambda w: (w.last_name, w.first_name))
    ]
    assert offered["Your team"] == [f"{their_other.get_full_name()} (Other team, 0 young people)"]
    assert not_an_adviser.get_full_name() not in str(offered)


def test_reallocation_to_someone_not_in_that_role_is_refused_beside_the_field(
    client_for, manager, young_person, team, make_user
):
    social_worker = make_user(Role.SOCIAL_WORKER, team=team)
    url = reverse("casework:allocation_change", kwargs={"pk": young_person.pk}) + "?role=pa"
    client = client_for(user=manager)

    response = client.post(
        url, form_data(client.get(url), worker=social_worker.pk, reason="MANAGE")
    )

    assert (
        "Select the new personal adviser from the list: only staff who work as a personal "
        "adviser can be chosen" in response.content.decode()
    )
    assert not Allocation.objects.filter(worker=social_worker).exists()


def test_a_caseload_moves_to_an_adviser_found_by_name(client_for, manager, adviser, make_user):
    successor = make_user(Role.PERSONAL_ADVISER, first_name="Priya", last_name="Shah")
    AllocationFactory(worker=adviser, young_person=YoungPersonFactory(team=adviser.team))
    client = client_for(user=manager)
    url = reverse("casework:worker_caseload_move", kwargs={"pk": adviser.pk})
    page = client.get(url)
    assert _name(adviser) not in str(_offered(page))  # the worker leaving is not offered

    found = client.post(url, form_data(page, worker_search="shah", reason="LEFTRL"))
    assert _selected(found).startswith("Priya Shah (")
    moved = client.post(url, form_data(found))

    assert moved.status_code == 302
    assert Allocation.objects.get(end__isnull=True).worker == successor


# Cost ------------------------------------------------------------------------------------------


def _staff_elsewhere(make_user: Any, how_many: int) -> None:
    """Workers in other teams, on the rota long ago, with caseloads: none is on a short list."""
    for number in range(how_many):
        team = TeamFactory()
        worker = make_user(Role.PERSONAL_ADVISER, Role.DUTY_WORKER, team=team)
        make_user(Role.SOCIAL_WORKER, team=team)
        AllocationFactory(worker=worker, young_person=YoungPersonFactory(team=team))
        DutyRotaEntryFactory(
            worker=worker, on=timezone.localdate() - datetime.timedelta(days=100 + number)
        )


FORM_PAGES = [
    ("casework:contact_add", "young_person"),
    ("casework:appointment_book", "young_person"),
    ("casework:allocation_change", "young_person"),
    ("casework:worker_caseload_move", "adviser"),
    ("casework:duty_add", None),
    ("casework:duty_rota_add", None),
]


@pytest.mark.parametrize(("page", "about"), FORM_PAGES)
def test_a_form_choosing_a_worker_costs_the_same_queries_however_many_staff(
    client_for, make_user, team, adviser, young_person, page, about
):
    manager = make_user(Role.TEAM_MANAGER, Role.DUTY_WORKER, team=team)
    DutyRotaEntryFactory(worker=adviser)
    client = client_for(user=manager)
    kwargs = {"pk": {"young_person": young_person, "adviser": adviser}[about].pk} if about else {}
    url = reverse(page, kwargs=kwargs)
    client.get(url)  # the first visit of a session writes what later ones only read

    def cost() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode().count("<option")

    few = cost()
    _staff_elsewhere(make_user, 12)
    assert cost() == few
