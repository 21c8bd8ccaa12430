"""Who may do what, and that the object rules agree with the visibility selectors."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.permissions import can
from careleavers.core.tests.days import TODAY
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality import selectors
from careleavers.quality.models import AuditModeration
from careleavers.quality.tests.factories import (
    AuditActionFactory,
    CaseAuditFactory,
    OversightEntryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def team() -> Any:
    return TeamFactory()


def _user(role: Role, team: Any = None) -> Any:
    return UserFactory(roles=[role], team=team)


def _only_its_teams_manager_and_the_head_may(team: Any, permission: str, thing: Any) -> Any:
    """Checks that the team's manager and a head of service have the permission on the thing
    and that another team's manager and the team's personal adviser do not; returns that other
    team's manager."""
    assert can(_user(Role.TEAM_MANAGER, team), permission, thing)
    assert can(_user(Role.HEAD_OF_SERVICE), permission, thing)
    other_manager = _user(Role.TEAM_MANAGER, TeamFactory())
    assert not can(other_manager, permission, thing)
    assert not can(_user(Role.PERSONAL_ADVISER, team), permission, thing)
    return other_manager


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.AUDITOR, True),
        (Role.TEAM_MANAGER, True),
        (Role.HEAD_OF_SERVICE, True),
        (Role.INSPECTOR, True),
        (Role.PERFORMANCE_ANALYST, True),
        (Role.PERSONAL_ADVISER, False),
        (Role.SOCIAL_WORKER, False),
        (Role.DUTY_WORKER, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_who_reads_an_audit(role: Role, allowed: bool, team: Any) -> None:
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team))
    assert can(_user(role, team), "quality.view_audit", audit) is allowed


def test_a_team_manager_does_not_read_another_teams_audit(team: Any) -> None:
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=TeamFactory()))
    assert not can(_user(Role.TEAM_MANAGER, team), "quality.view_audit", audit)


def test_only_the_auditor_who_started_it_changes_an_audit_in_progress(team: Any) -> None:
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team))
    assert can(audit.auditor, "quality.change_audit", audit)
    assert not can(_user(Role.AUDITOR), "quality.change_audit", audit)
    assert not can(_user(Role.HEAD_OF_SERVICE), "quality.change_audit", audit)
    audit.status, audit.completed_on = "completed", TODAY
    assert not can(audit.auditor, "quality.change_audit", audit)


def test_only_another_auditor_moderates_and_only_once(team: Any) -> None:
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    other = _user(Role.AUDITOR)
    assert can(other, "quality.moderate_audit", audit)
    assert not can(audit.auditor, "quality.moderate_audit", audit)
    assert not can(_user(Role.HEAD_OF_SERVICE), "quality.moderate_audit", audit)
    AuditModeration.objects.create(
        audit=audit, moderator=other, agrees=True, grade="good", reason="Agreed"
    )
    assert not can(_user(Role.AUDITOR), "quality.moderate_audit", audit)


def test_only_auditors_start_audits(team: Any) -> None:
    person = YoungPersonFactory(team=team)
    assert can(_user(Role.AUDITOR), "quality.add_audit", person)
    for role in (Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.PERSONAL_ADVISER, Role.INSPECTOR):
        assert not can(_user(role, team), "quality.add_audit", person)


def test_a_worker_sees_and_completes_their_action_but_not_the_audit(team: Any) -> None:
    worker = _user(Role.PERSONAL_ADVISER, team)
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    action = AuditActionFactory(audit=audit, assignee=worker)
    others = AuditActionFactory(audit=audit)
    assert can(worker, "quality.view_action", action)
    assert can(worker, "quality.complete_action", action)
    assert not can(worker, "quality.view_action", others)
    assert not can(worker, "quality.view_audit", audit)


def test_a_manager_reads_every_action_on_their_teams_audits_but_completes_only_theirs(
    team: Any,
) -> None:
    manager = _user(Role.TEAM_MANAGER, team)
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    workers = AuditActionFactory(audit=audit)
    assert can(manager, "quality.view_action", workers)
    assert not can(manager, "quality.complete_action", workers)


def test_a_done_action_cannot_be_completed_again(team: Any) -> None:
    action = AuditActionFactory(done_on=TODAY, done_note="Done")
    assert not can(action.assignee, "quality.complete_action", action)


def test_oversight_is_written_by_the_teams_manager_and_the_head_of_service(team: Any) -> None:
    person = YoungPersonFactory(team=team)
    other_manager = _only_its_teams_manager_and_the_head_may(team, "quality.add_oversight", person)
    assert can(_user(Role.PERSONAL_ADVISER, team), "quality.view_oversight", person)
    entry = OversightEntryFactory(young_person=person)
    assert can(_user(Role.HEAD_OF_SERVICE), "quality.review_oversight", entry)
    assert not can(other_manager, "quality.review_oversight", entry)


def test_feedback_is_recorded_by_their_workers_and_auditors(team: Any) -> None:
    person = YoungPersonFactory(team=team)
    adviser = _user(Role.PERSONAL_ADVISER, team)
    AllocationFactory(young_person=person, worker=adviser)
    assert can(adviser, "quality.add_feedback", person)
    assert can(_user(Role.AUDITOR), "quality.add_feedback", person)
    assert not can(_user(Role.INSPECTOR), "quality.add_feedback", person)
    assert can(_user(Role.INSPECTOR), "quality.view_feedback", person)


def test_feedback_is_read_only_by_the_people_the_young_person_is_told_read_it(team: Any) -> None:
    # "Your say" names their allocated workers and their team's manager, then senior managers
    # and the people who check the quality of work. Everyone else who can open the record is
    # refused, however their role would otherwise let them see it.
    manager = team_manager_of(team)
    person = YoungPersonFactory(team=team)
    adviser = _user(Role.PERSONAL_ADVISER, team)
    AllocationFactory(young_person=person, worker=adviser)
    readers = [adviser, manager, _user(Role.HEAD_OF_SERVICE), _user(Role.AUDITOR)]
    others = [
        _user(Role.PERSONAL_ADVISER, team),  # a colleague in the same team
        _user(Role.SOCIAL_WORKER, team),
        _user(Role.DUTY_WORKER),
        _user(Role.PERFORMANCE_ANALYST),
        _user(Role.TEAM_MANAGER, TeamFactory()),
    ]
    for user in readers:
        assert can(user, "quality.view_feedback", person), user
    for user in others:
        assert can(user, "people.view_youngperson", person) == (user in others[:4]), user
        assert not can(user, "quality.view_feedback", person), user
        assert not can(user, "quality.add_feedback", person), user


def test_anonymous_feedback_is_read_by_the_manager_of_its_team_and_heads_of_service(
    team: Any,
) -> None:
    from careleavers.quality.tests.factories import AnonymousFeedbackFactory

    feedback = AnonymousFeedbackFactory(team=team)
    _only_its_teams_manager_and_the_head_may(team, "quality.read_anonymous_feedback", feedback)
    assert not can(_user(Role.AUDITOR), "quality.view_anonymous_feedback")


def test_administrators_see_no_case_data(team: Any) -> None:
    admin = _user(Role.ADMINISTRATOR)
    person = YoungPersonFactory(team=team)
    assert not can(admin, "quality.view_feedback", person)
    assert not can(admin, "quality.view_programme")


@pytest.mark.parametrize(
    "role",
    [Role.AUDITOR, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.INSPECTOR, Role.PERSONAL_ADVISER],
)
def test_the_audit_rule_agrees_with_the_visibility_selector(role: Role, team: Any) -> None:
    audits = [
        CaseAuditFactory(young_person=YoungPersonFactory(team=team)),
        CaseAuditFactory(young_person=YoungPersonFactory(team=TeamFactory())),
        CaseAuditFactory(young_person=YoungPersonFactory(team=team, is_restricted=True)),
    ]
    user = _user(role, team)
    visible = set(selectors.audits_visible_to(user=user))
    for audit in audits:
        assert (audit in visible) == can(user, "quality.view_audit", audit)


@pytest.mark.parametrize("role", [Role.PERSONAL_ADVISER, Role.TEAM_MANAGER, Role.AUDITOR])
def test_the_action_rule_agrees_with_the_visibility_selector(role: Role, team: Any) -> None:
    user = _user(role, team)
    own_team = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    actions = [
        AuditActionFactory(audit=own_team, assignee=user),
        AuditActionFactory(audit=own_team),
        AuditActionFactory(),
    ]
    visible = set(selectors.actions_visible_to(user=user, state="all", today=TODAY))
    for action in actions:
        assert (action in visible) == can(user, "quality.view_action", action)
