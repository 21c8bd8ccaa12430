"""Accommodation permissions agree with the visibility selector, and list pages go by role."""

from __future__ import annotations

import pytest
from rules import has_perm

from careleavers.accommodation.tests.url_access import CONCERNS, TASTER_FLATS, WAITING_LIST
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.people.selectors import young_people_visible_to
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role))
def test_record_permissions_agree_with_the_visibility_selector(role, make_user, team):
    user = make_user(role, team=team)
    people = [
        YoungPersonFactory(team=team),
        YoungPersonFactory(team=TeamFactory()),
        YoungPersonFactory(team=team, is_restricted=True),
        YoungPersonFactory(team=team, is_restricted=True, restricted_to=[user]),
    ]
    visible = set(young_people_visible_to(user=user))
    for young_person in people:
        can_view = has_perm("accommodation.view_accommodation", user, young_person)
        assert can_view == (young_person in visible)
        if has_perm("accommodation.change_accommodation", user, young_person):
            assert can_view


@pytest.mark.parametrize(
    ("permission", "roles"),
    [
        ("accommodation.view_concerns", CONCERNS),
        ("accommodation.view_waiting_list", WAITING_LIST),
        ("accommodation.view_taster_flats", TASTER_FLATS),
    ],
)
def test_list_pages_by_role(permission, roles, make_user):
    for role in Role:
        assert has_perm(permission, make_user(role)) == (role in roles), role
