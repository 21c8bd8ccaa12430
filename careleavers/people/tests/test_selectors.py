"""Who can see which young people, and finding them."""

from __future__ import annotations

import datetime

import pytest
import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.casework.models import Allocation
from careleavers.people.selectors import (
    can_see_young_person,
    young_people_search,
    young_people_visible_to,
)
from careleavers.people.tests.factories import PreviousNameFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db

SERVICE_WIDE = [
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
    Role.AUDITOR,
    Role.PERFORMANCE_ANALYST,
    Role.INSPECTOR,
]


@pytest.fixture
def other_team():
    return TeamFactory()


def _visible(user):
    return set(young_people_visible_to(user=user))


@pytest.mark.parametrize("role", [Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER])
def test_workers_see_their_teams_young_people_only(make_user, team, other_team, role):
    worker = make_user(role, team=team)
    ours = YoungPersonFactory(team=team)
    YoungPersonFactory(team=other_team)
    assert _visible(worker) == {ours}


def test_workers_see_young_people_allocated_to_them_in_other_teams(make_user, team, other_team):
    worker = make_user(Role.PERSONAL_ADVISER, team=team)
    covered = YoungPersonFactory(team=other_team)
    Allocation.objects.create(young_person=covered, worker=worker, role="pa", reason="FIRST")
    assert covered in _visible(worker)


def test_an_ended_allocation_no_longer_shows_the_young_person(make_user, team, other_team):
    worker = make_user(Role.PERSONAL_ADVISER, team=team)
    former = YoungPersonFactory(team=other_team)
    Allocation.objects.create(
        young_person=former,
        worker=worker,
        role="pa",
        reason="FIRST",
        end=datetime.date(2025, 1, 1),
    )
    assert former not in _visible(worker)


def test_team_managers_see_the_teams_they_manage(make_user, team, other_team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    other_team.manager = manager
    other_team.save()
    ours, managed = YoungPersonFactory(team=team), YoungPersonFactory(team=other_team)
    YoungPersonFactory(team=TeamFactory())
    assert _visible(manager) == {ours, managed}


@pytest.mark.parametrize("role", SERVICE_WIDE)
def test_service_wide_roles_see_everyone_not_restricted(make_user, team, other_team, role):
    user = make_user(role, team=team)
    everyone = {YoungPersonFactory(team=team), YoungPersonFactory(team=other_team)}
    YoungPersonFactory(team=team, is_restricted=True)
    assert _visible(user) == everyone


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.YOUNG_PERSON])
def test_administrators_and_young_people_see_no_records(make_user, team, role):
    user = make_user(role, team=team)
    YoungPersonFactory(team=team)
    assert _visible(user) == set()


def test_a_restricted_record_is_seen_only_by_the_staff_named_on_it(make_user, team, other_team):
    named = make_user(Role.PERSONAL_ADVISER, team=other_team)
    restricted = YoungPersonFactory(team=team, is_restricted=True, restricted_to=[named])
    for role in [*SERVICE_WIDE, Role.PERSONAL_ADVISER, Role.TEAM_MANAGER]:
        assert restricted not in _visible(make_user(role, team=team)), role
    assert restricted in _visible(named)


def test_archived_young_people_are_not_listed(make_user, team):
    worker = make_user(Role.PERSONAL_ADVISER, team=team)
    archived = YoungPersonFactory(team=team, archived_at=datetime.datetime.now(datetime.UTC))
    assert archived not in _visible(worker)


def test_a_restricted_record_naming_several_staff_is_listed_once(make_user, team):
    named = [make_user(Role.HEAD_OF_SERVICE), make_user(Role.HEAD_OF_SERVICE)]
    restricted = YoungPersonFactory(team=team, is_restricted=True, restricted_to=named)
    assert list(young_people_visible_to(user=named[0])) == [restricted]


@pytest.mark.parametrize("role", list(Role))
def test_the_view_permission_agrees_with_the_selector_for_every_role(
    make_user, team, other_team, role
):
    user = make_user(role, team=team)
    allocated = YoungPersonFactory(team=other_team)
    Allocation.objects.create(young_person=allocated, worker=user, role="pa", reason="FIRST")
    people = [
        YoungPersonFactory(team=team),
        YoungPersonFactory(team=other_team),
        YoungPersonFactory(team=None),
        YoungPersonFactory(team=team, is_restricted=True),
        YoungPersonFactory(team=other_team, is_restricted=True, restricted_to=[user]),
        allocated,
    ]
    visible = _visible(user)
    for young_person in people:
        expected = young_person in visible
        assert rules.has_perm("people.view_youngperson", user, young_person) is expected
        assert can_see_young_person(user=user, young_person=young_person) is expected


# Search -------------------------------------------------------------------------------------


@pytest.fixture
def head(make_user):
    return make_user(Role.HEAD_OF_SERVICE)


def test_search_by_part_of_a_first_or_last_name(head):
    joanne = YoungPersonFactory(first_name="Joanne", last_name="Smith")
    YoungPersonFactory(first_name="Peter", last_name="Brown")
    assert list(young_people_search(user=head, name="joan")) == [joanne]
    assert list(young_people_search(user=head, name="MITH")) == [joanne]
    assert list(young_people_search(user=head, name="jo smi")) == [joanne]


def test_search_by_preferred_name(head):
    mira = YoungPersonFactory(first_name="Amira", preferred_name="Mimi")
    assert list(young_people_search(user=head, name="mimi")) == [mira]


def test_search_by_previous_name_lists_the_young_person_once(head):
    young_person = YoungPersonFactory(last_name="Okafor")
    PreviousNameFactory(young_person=young_person, first_name="Ada", last_name="Reynolds")
    PreviousNameFactory(young_person=young_person, first_name="Adaeze", last_name="Reynolds")
    assert list(young_people_search(user=head, name="reynolds")) == [young_person]


def test_short_name_fragments_match_the_start_of_a_name_only(head):
    al = YoungPersonFactory(first_name="Al", last_name="Green")
    YoungPersonFactory(first_name="Sally", last_name="Field")
    assert list(young_people_search(user=head, name="al")) == [al]


def test_search_by_date_of_birth(head):
    born = datetime.date(2007, 5, 4)
    match = YoungPersonFactory(date_of_birth=born)
    YoungPersonFactory(date_of_birth=datetime.date(2007, 5, 5))
    assert list(young_people_search(user=head, date_of_birth=born)) == [match]


def test_search_by_council_child_id_ignores_case(head):
    match = YoungPersonFactory(child_id="AB1234")
    YoungPersonFactory(child_id="AB12345")
    assert list(young_people_search(user=head, child_id="ab1234")) == [match]


def test_search_by_nhs_number(head):
    match = YoungPersonFactory(nhs_number="9434765919")
    YoungPersonFactory(nhs_number="")
    assert list(young_people_search(user=head, nhs_number="9434765919")) == [match]


def test_search_only_finds_young_people_the_user_can_see(make_user, team, other_team):
    worker = make_user(Role.PERSONAL_ADVISER, team=team)
    YoungPersonFactory(team=other_team, last_name="Hidden")
    assert list(young_people_search(user=worker, name="hidden")) == []


def test_search_criteria_combine(head):
    match = YoungPersonFactory(last_name="Smith", date_of_birth=datetime.date(2006, 1, 1))
    YoungPersonFactory(last_name="Smith", date_of_birth=datetime.date(2006, 1, 2))
    found = young_people_search(user=head, name="smith", date_of_birth=datetime.date(2006, 1, 1))
    assert list(found) == [match]
