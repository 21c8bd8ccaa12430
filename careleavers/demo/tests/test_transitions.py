"""The demo data: deterministic, consistent with the rules, and written in bulk."""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest
from django.db import transaction

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.demo import transitions as demo
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions.models import (
    HealthProfile,
    Milestone,
    Outcome,
    Referral,
    ReferralChase,
    TransitionPlan,
)
from careleavers.transitions.needs import referral_date_problems

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


def _people(count: int) -> list[Any]:
    people = []
    for index in range(count):
        people.append(
            YoungPersonFactory(
                date_of_birth=datetime.date(2003 + index % 7, 1 + index % 12, 1 + index % 28),
                has_ehc_plan=index % 3 == 0,
                learning_needs="Moderate learning difficulty" if index % 4 == 0 else "",
                disability="Autism" if index % 5 == 0 else "",
                sex="F" if index % 2 else "M",
            )
        )
    return people


def _snapshot() -> list[tuple[Any, ...]]:
    return list(
        Referral.objects.order_by("pk").values_list(
            "young_person_id",
            "service_id",
            "referred_on",
            "decided_on",
            "outcome",
            "withdrawn_on",
        )
    )


def _run(people: list[Any], workers: list[Any], seed: int) -> list[tuple[Any, ...]]:
    with transaction.atomic():
        demo.seed(rng=random.Random(seed), today=TODAY, young_people=people, workers=workers)
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


def test_the_same_seed_gives_the_same_data() -> None:
    people = _people(60)
    workers = [UserFactory(roles=[Role.PERSONAL_ADVISER]) for _ in range(3)]
    first = _run(people, workers, 7)
    assert first
    assert _run(people, workers, 7) == first
    assert _run(people, workers, 8) != first


def test_demo_referrals_keep_the_rules() -> None:
    people = _people(120)
    workers = [UserFactory(roles=[Role.PERSONAL_ADVISER])]
    counts = demo.seed(rng=random.Random(3), today=TODAY, young_people=people, workers=workers)
    assert counts["health_profiles"] == HealthProfile.objects.count() == 120
    assert counts["referrals"] == Referral.objects.count() > 0
    assert counts["chases"] == ReferralChase.objects.count()
    assert counts["transition_plans"] == TransitionPlan.objects.count() > 0
    assert counts["milestones"] == Milestone.objects.count() > 0
    for referral in Referral.objects.all():
        dates = {
            name: getattr(referral, name)
            for name in (
                "referred_on",
                "acknowledged_on",
                "assessed_on",
                "decided_on",
                "support_started_on",
                "withdrawn_on",
            )
        }
        assert referral_date_problems(dates, today=TODAY) == {}, referral.pk
        if referral.outcome == Outcome.THRESHOLD_NOT_MET:
            assert referral.alternative_support
        if referral.support_started_on:
            assert referral.outcome == Outcome.THRESHOLD_MET
    assert Referral.objects.filter(decided_on__isnull=True, withdrawn_on__isnull=True).exists()
    assert Referral.objects.filter(outcome=Outcome.THRESHOLD_NOT_MET).exists()
