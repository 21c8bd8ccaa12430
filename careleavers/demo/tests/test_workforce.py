"""The demo seeder: every team gets posts (some vacant), 24 months of employment history,
absence and training once; workers with a caseload get 6 months of supervision once."""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.demo import workforce as demo
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.workforce import selectors
from careleavers.workforce.models import (
    Employment,
    Post,
    SicknessAbsence,
    SupervisionRecord,
    SupervisionReview,
    TrainingRecord,
)

pytestmark = pytest.mark.django_db


def _council() -> tuple[list[Any], list[Any]]:
    people: list[Any] = []
    workers: list[Any] = []
    for number in range(3):
        team = TeamFactory(name=f"Demo team {number}")
        team.manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
        team.save()
        for index in range(6):
            role = Role.SOCIAL_WORKER if index == 5 else Role.PERSONAL_ADVISER
            worker = UserFactory(roles=[role], team=team, email=f"w{number}.{index}@x.example")
            workers.append(worker)
            for _ in range(3):
                person = YoungPersonFactory(team=team)
                AllocationFactory(
                    young_person=person,
                    worker=worker,
                    role="sw" if role == Role.SOCIAL_WORKER else "pa",
                )
                people.append(person)
        for index in range(3):
            UserFactory(
                roles=[Role.PERSONAL_ADVISER],
                team=team,
                is_active=False,
                email=f"former{number}.{index}@x.example",
            )
    UserFactory(roles=[Role.HEAD_OF_SERVICE])
    return people, workers


def test_the_demo_gives_every_team_posts_history_absence_training_and_supervision() -> None:
    people, workers = _council()
    today = timezone.localdate()
    counts = demo.seed(rng=random.Random(4), today=today, young_people=people, workers=workers)
    assert counts["workforce posts"] == Post.objects.count() > 0
    assert set(Post.objects.values_list("team__name", flat=True)) == {
        "Demo team 0",
        "Demo team 1",
        "Demo team 2",
    }
    shot = selectors.workforce_snapshot(team_ids=None, on=today)
    assert shot.vacant_posts > 0
    assert Employment.objects.filter(kind="agency").exists()
    assert Employment.objects.exclude(leaving_reason="").exists()  # leavers
    assert Employment.objects.filter(start__gte=today - datetime.timedelta(days=730)).exists()
    assert SicknessAbsence.objects.exists()
    assert TrainingRecord.objects.exists()
    assert SupervisionRecord.objects.values("worker").distinct().count() == len(workers)
    frequency = selectors.supervision_frequency(workers=selectors.caseworkers(), on=today)
    assert any(row.in_time for row in frequency)
    graded = set(SupervisionReview.objects.exclude(grade="").values_list("grade", flat=True))
    assert graded == {"reflective", "compliance_led"}
    # Discussed young people are on the worker's caseload.
    for record in SupervisionRecord.objects.prefetch_related("young_people")[:20]:
        caseload = set(selectors.caseload_young_people(worker=record.worker, on=today))
        assert set(record.young_people.all()) <= caseload


def test_a_second_chunk_does_not_seed_staff_or_supervision_again() -> None:
    people, workers = _council()
    today = timezone.localdate()
    demo.seed(rng=random.Random(4), today=today, young_people=people, workers=workers)
    before = (Post.objects.count(), Employment.objects.count(), SupervisionRecord.objects.count())
    counts = demo.seed(rng=random.Random(5), today=today, young_people=people, workers=workers)
    assert not any(counts.values())
    after = (Post.objects.count(), Employment.objects.count(), SupervisionRecord.objects.count())
    assert after == before


def _snapshot() -> tuple[list[Any], ...]:
    return (
        sorted(
            SupervisionRecord.objects.values_list(
                "worker__email", "held_on", "what_is_working", "what_worries_us"
            )
        ),
        sorted(
            Employment.objects.values_list(
                "staff__email", "kind", "start", "end", "leaving_reason"
            ),
            key=str,
        ),
        sorted(
            SicknessAbsence.objects.values_list("staff__email", "first_day", "reason"), key=str
        ),
    )


def test_the_same_seed_and_date_give_the_same_records() -> None:
    people, workers = _council()
    today = timezone.localdate()
    snapshots = []
    for _ in range(2):
        with transaction.atomic():
            demo.seed(rng=random.Random(4), today=today, young_people=people, workers=workers)
            snapshots.append(_snapshot())
            transaction.set_rollback(True)
    assert snapshots[0] == snapshots[1]
    assert snapshots[0][0]
