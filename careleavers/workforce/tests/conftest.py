"""A small service with hand-checked workforce figures, shared by the selector, view and
indicator tests.

Two teams. Posts funded today: 6 (A: 4, B: 2; a fifth post in A lost its funding last year),
of which 2 are vacant (one in each team): vacancy rate 33%, or 25% in team A alone. Holders: 4,
of whom 2 are agency (one in each team): agency rate 50%, or 33% in team A.

Workers and supervision (policy: every 28 days, every 14 in the first 6 months):
- w1, personal adviser in A, started 2 years ago, last supervised 20 days ago: in time;
- w2, personal adviser in A, agency, last supervised 40 days ago: overdue;
- w3, social worker in A, started 60 days ago, last supervised 10 days ago: in time;
- w4, social worker in B, agency, started 60 days ago, last supervised 20 days ago: overdue
  (a new starter, due every 14 days);
- w5, personal adviser in B, no post recorded and never supervised: overdue.
In time: 2 of 5 (40%); team A 2 of 3, team B 0 of 2.

Grades: reflective 20 days ago (w1), compliance-led 40 days ago (w2), reflective 10 days ago
(w3), reflective 100 days ago (w1), reflective 8 months ago (w1), and one sampled but not graded
(w4). Last 6 months: 3 of 4 reflective (75%); last 12 months: 4 of 5 (80%).

Caseloads (current allocations): w1 3 (and one ended), w2 5, w5 4; w3 1, w4 0. Personal
advisers' average (3 + 5 + 4) / 3 = 4.0; team A's advisers: fewest 3, median 4, most 5.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.workforce.tests.factories import (
    EmploymentFactory,
    PostFactory,
    SupervisionRecordFactory,
    SupervisionReviewFactory,
)


def _team(name: str) -> Any:
    team = TeamFactory(name=name)
    team_manager_of(team)
    return team


def _allocate(worker: Any, count: int, role: str = "pa") -> list[Any]:
    people = [YoungPersonFactory(team=worker.team) for _ in range(count)]
    for person in people:
        AllocationFactory(young_person=person, worker=worker, role=role)
    return people


@pytest.fixture
def service(db: None) -> SimpleNamespace:
    a, b = _team("A team"), _team("B team")
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    pa = [Role.PERSONAL_ADVISER]
    sw = [Role.SOCIAL_WORKER]
    w1 = UserFactory(roles=pa, team=a, first_name="Wyn", last_name="One")
    w2 = UserFactory(roles=pa, team=a, first_name="Wyn", last_name="Two")
    w3 = UserFactory(roles=sw, team=a, first_name="Wyn", last_name="Three")
    w4 = UserFactory(roles=sw, team=b, first_name="Wyn", last_name="Four")
    w5 = UserFactory(roles=pa, team=b, first_name="Wyn", last_name="Five")
    two_years = days_ago(730)
    p1, p2, p3, p4 = (PostFactory(team=a, funded_from=two_years) for _ in range(4))
    p5 = PostFactory(team=a, funded_from=two_years, funded_to=days_ago(365))
    p6, p7 = (PostFactory(team=b, funded_from=two_years) for _ in range(2))
    EmploymentFactory(post=p1, staff=w1, start=two_years)
    EmploymentFactory(post=p2, staff=w2, start=two_years, kind="agency")
    EmploymentFactory(post=p4, staff=w3, start=days_ago(60))
    EmploymentFactory(post=p6, staff=w4, start=days_ago(60), kind="agency")
    former = UserFactory(roles=pa, team=a, is_active=False)
    EmploymentFactory(
        post=p5, staff=former, start=two_years, end=days_ago(400), leaving_reason="resigned"
    )

    def record(worker: Any, days: int, grade: str | None = None) -> Any:
        made = SupervisionRecordFactory(
            worker=worker, supervisor=worker.team.manager, held_on=days_ago(days)
        )
        if grade is not None:
            SupervisionReviewFactory(
                record=made,
                sampled_by=head,
                grade=grade,
                graded_by=head if grade else None,
                graded_at=timezone.now() if grade else None,
            )
        return made

    records = SimpleNamespace(
        w1_recent=record(w1, 20, "reflective"),
        w2_recent=record(w2, 40, "compliance_led"),
        w3_recent=record(w3, 10, "reflective"),
        w1_older=record(w1, 100, "reflective"),
        w1_oldest=record(w1, 240, "reflective"),
        w4_recent=record(w4, 20, ""),
    )
    w1_people = _allocate(w1, 3)
    ended = AllocationFactory(worker=w1, young_person=YoungPersonFactory(team=a))
    ended.end = days_ago(30)
    ended.save()
    _allocate(w2, 5)
    _allocate(w5, 4)
    _allocate(w3, 1, role="sw")
    return SimpleNamespace(
        a=a,
        b=b,
        head=head,
        w1=w1,
        w2=w2,
        w3=w3,
        w4=w4,
        w5=w5,
        posts=SimpleNamespace(p1=p1, p2=p2, p3=p3, p4=p4, p5=p5, p6=p6, p7=p7),
        records=records,
        w1_people=w1_people,
    )
