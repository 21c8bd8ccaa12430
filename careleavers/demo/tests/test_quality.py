"""The demo data: deterministic, consistent with the rules, and written in bulk."""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest
from django.db import transaction

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.demo import quality as demo
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.models import (
    AuditAction,
    AuditAnswer,
    AuditModeration,
    AuditTarget,
    CaseAudit,
    OversightEntry,
)
from careleavers.quality.services import audit_facts
from careleavers.quality.standards import completion_problems

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture
def people() -> list[Any]:
    teams = []
    for _ in range(2):
        team = TeamFactory()
        team.manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
        team.save()
        teams.append(team)
    UserFactory(roles=[Role.AUDITOR])
    result = []
    for index in range(120):
        person = YoungPersonFactory(team=teams[index % 2])
        AllocationFactory(young_person=person)
        result.append(person)
    return result


def _run(people: list[Any], seed: int) -> tuple[dict[str, int], list[Any]]:
    with transaction.atomic():
        counts = demo.seed(rng=random.Random(seed), today=TODAY, young_people=people, workers=[])
        snapshot = list(
            CaseAudit.objects.order_by("pk").values_list(
                "young_person_id", "status", "completed_on", "final_grade", "no_feedback_reason"
            )
        )
        transaction.set_rollback(True)
    return counts, snapshot


def test_the_same_seed_gives_the_same_data(people: list[Any]) -> None:
    first = _run(people, 7)
    second = _run(people, 7)
    assert first == second
    assert first[1]


def test_every_completed_audit_meets_the_rules_of_completion(people: list[Any]) -> None:
    counts = demo.seed(rng=random.Random(3), today=TODAY, young_people=people, workers=[])
    assert counts["case_audits_completed"] > 10
    for audit in CaseAudit.objects.filter(status="completed"):
        assert completion_problems(audit_facts(audit)) == {}, audit.pk
        assert audit.has_voice


def test_targets_are_set_for_every_team_for_a_year_and_only_once(people: list[Any]) -> None:
    demo.seed(rng=random.Random(1), today=TODAY, young_people=people[:60], workers=[])
    demo.seed(rng=random.Random(2), today=TODAY, young_people=people[60:], workers=[])
    assert AuditTarget.objects.count() == 2 * 12


def test_the_demo_has_moderation_actions_and_oversight(people: list[Any]) -> None:
    counts = demo.seed(rng=random.Random(5), today=TODAY, young_people=people, workers=[])
    assert AuditModeration.objects.count() == counts["case_audits_moderated"] > 0
    moderation = AuditModeration.objects.select_related("audit").first()
    assert moderation.moderator_id != moderation.audit.auditor_id
    assert AuditAction.objects.filter(done_on__isnull=False).exists()
    assert AuditAction.objects.filter(done_on__isnull=True).exists()
    assert OversightEntry.objects.count() == counts["oversight_entries"] > 0
    assert AuditAnswer.objects.exists()
    for action in AuditAction.objects.select_related("audit"):
        if action.done_on:
            assert action.audit.completed_on <= action.done_on <= TODAY


def test_the_voice_records_are_written_and_anonymous_feedback_points_at_nobody(
    people: list[Any],
) -> None:
    from careleavers.quality.models import (
        AnonymousFeedback,
        WellbeingCheck,
        YouSaidStatus,
        YouSaidWeDid,
    )

    UserFactory(roles=[Role.HEAD_OF_SERVICE])
    counts = demo.seed(rng=random.Random(3), today=TODAY, young_people=people, workers=[])
    assert counts["wellbeing_checks"] == WellbeingCheck.objects.count() > 0
    assert counts["anonymous_feedback"] == AnonymousFeedback.objects.count()
    assert YouSaidWeDid.objects.filter(status=YouSaidStatus.PUBLISHED).count() >= 3
    assert all(check.given_on <= TODAY for check in WellbeingCheck.objects.all())
    team_ids = {person.team_id for person in people}
    assert set(AnonymousFeedback.objects.values_list("team_id", flat=True)) <= team_ids
    # A second chunk adds checks but not a second set of "you said, we did".
    again = demo.seed(rng=random.Random(4), today=TODAY, young_people=people[:10], workers=[])
    assert again["you_said_we_did"] == 0
