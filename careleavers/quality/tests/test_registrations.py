"""What quality adds to the work tray, the chronology and the overview."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.people.chronology import chronology_for
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.registrations import quality_panel_context
from careleavers.quality.tests.factories import (
    AuditActionFactory,
    CaseAuditFactory,
    OversightEntryFactory,
    YoungPersonFeedbackFactory,
    auditor,
)

pytestmark = pytest.mark.django_db


def _worker_with_action(**action: Any) -> Any:
    team = TeamFactory()
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    return worker, AuditActionFactory(audit=audit, assignee=worker, **action)


def _tray(user: Any, kind: str, scope: str = "mine") -> list[Any]:
    return [item for item in work_tray_for(user=user, scope=scope) if item.kind == kind]


def test_an_open_action_shows_in_the_assignees_work_tray() -> None:
    worker, action = _worker_with_action()
    items = _tray(worker, "audit_action")
    assert [item.detail for item in items] == [action.description]
    assert not items[0].overdue


def test_an_overdue_action_stands_out() -> None:
    worker, _ = _worker_with_action(due_on=days_ago(4))
    (item,) = _tray(worker, "audit_action")
    assert item.overdue
    assert item.days_overdue == 4
    assert "overdue by 4 days" in item.title


def test_a_done_action_leaves_the_work_tray() -> None:
    worker, _ = _worker_with_action(done_on=TODAY, done_note="Done")
    assert _tray(worker, "audit_action") == []


def test_actions_of_an_audit_in_progress_are_not_in_the_tray() -> None:
    team = TeamFactory()
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    AuditActionFactory(
        audit=CaseAuditFactory(young_person=YoungPersonFactory(team=team)), assignee=worker
    )
    assert _tray(worker, "audit_action") == []


def test_a_manager_sees_their_teams_actions_in_the_team_view() -> None:
    worker, action = _worker_with_action()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=worker.team)
    assert [item.detail for item in _tray(manager, "audit_action", "team")] == [action.description]


def test_oversight_due_for_review_shows_for_its_manager() -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    person = YoungPersonFactory(team=team)
    OversightEntryFactory(
        young_person=person, manager=manager, review_by=TODAY - datetime.timedelta(days=1)
    )
    OversightEntryFactory(young_person=person, manager=manager, review_by=days_ago(-60))
    (item,) = _tray(manager, "oversight_review")
    assert item.overdue


def test_the_chronology_has_oversight_and_feedback() -> None:
    person = YoungPersonFactory()
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    OversightEntryFactory(
        young_person=person, reviewed_on=TODAY, reviewed_by=head, review_note="Done"
    )
    YoungPersonFeedbackFactory(young_person=person, what_is_good="Helped me move")
    entries = chronology_for(young_person=person, user=head, kinds={"oversight", "feedback"})
    titles = sorted(entry.title for entry in entries)
    assert titles == ["about my personal adviser, through their pages online", "direction given",
                      "reviewed"]  # fmt: skip


def test_the_overview_panel_offers_an_auditor_a_new_audit() -> None:
    person = YoungPersonFactory()
    context = quality_panel_context(young_person=person, user=auditor())
    assert context["start_href"]
    assert context["quality_facts"][0]["lines"] == ["None recorded"]


def test_the_overview_panel_shows_a_worker_no_audit() -> None:
    team = TeamFactory()
    person = YoungPersonFactory(team=team)
    CaseAuditFactory(young_person=person, completed_on=TODAY)
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    AllocationFactory(young_person=person, worker=worker)
    context = quality_panel_context(young_person=person, user=worker)
    assert [fact["key"] for fact in context["quality_facts"]] == [
        "Management oversight",
        "Their feedback",
        "Wellbeing check",
    ]
    assert context["audit_href"] == ""
    assert context["start_href"] == ""


def test_the_overview_panel_leaves_their_feedback_out_for_a_worker_not_allocated() -> None:
    # The young person is told who reads their feedback; another adviser in the team is not
    # one of them, so the panel neither summarises it nor links to it.
    team = TeamFactory()
    person = YoungPersonFactory(team=team)
    YoungPersonFeedbackFactory(young_person=person)
    colleague = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    context = quality_panel_context(young_person=person, user=colleague)
    assert [fact["key"] for fact in context["quality_facts"]] == ["Management oversight"]
    assert context["feedback_href"] == ""
    assert chronology_for(young_person=person, user=colleague, kinds={"feedback"}) == []
