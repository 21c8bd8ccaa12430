"""Permissions agree with the visibility selector (rules.py)."""

from __future__ import annotations

import pytest
from rules import has_perm

from careleavers.accounts.roles import Role
from careleavers.learning.tests.factories import PanelActionFactory, PanelCaseFactory, PepFactory
from careleavers.people.selectors import young_people_visible_to
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role",
    [
        Role.PERSONAL_ADVISER,
        Role.TEAM_MANAGER,
        Role.HEAD_OF_SERVICE,
        Role.AUDITOR,
        Role.INSPECTOR,
        Role.PERFORMANCE_ANALYST,
        Role.ADMINISTRATOR,
    ],
)
def test_panel_case_and_pep_permissions_agree_with_visibility(make_user, team, role) -> None:
    user = make_user(role, team=team)
    mine = YoungPersonFactory(team=team)
    elsewhere = YoungPersonFactory()
    restricted = YoungPersonFactory(team=team, is_restricted=True)
    visible = set(young_people_visible_to(user=user).values_list("pk", flat=True))
    for person in (mine, elsewhere, restricted):
        case = PanelCaseFactory(young_person=person)
        pep = PepFactory(young_person=person)
        sees = person.pk in visible
        if has_perm("learning.view_panelcase", user, case):
            assert sees
        if has_perm("learning.view_pep", user, pep):
            assert sees
        assert has_perm("learning.view_pep", user, pep) is sees


def test_the_owner_of_an_action_can_mark_it_done(make_user, team) -> None:
    pa = make_user(Role.PERSONAL_ADVISER, team=team)
    action = PanelActionFactory(case__young_person=YoungPersonFactory(team=team), owner=pa)
    assert has_perm("learning.complete_panelaction", pa, action)
    assert not has_perm("learning.change_panelcase", pa, action.case)
    inspector = make_user(Role.INSPECTOR, team=team)
    assert not has_perm("learning.complete_panelaction", inspector, action)


def test_only_managers_and_quality_assurance_review_peps(make_user, team) -> None:
    pep = PepFactory(young_person=YoungPersonFactory(team=team))
    allowed = {
        role: has_perm("learning.review_pep", make_user(role, team=team), pep)
        for role in (Role.PERSONAL_ADVISER, Role.TEAM_MANAGER, Role.AUDITOR)
    }
    assert allowed == {Role.PERSONAL_ADVISER: False, Role.TEAM_MANAGER: True, Role.AUDITOR: True}
