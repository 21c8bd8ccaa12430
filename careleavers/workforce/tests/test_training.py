"""Training compliance counted by the database: the same as `selectors.course_status` gives for
each person, those overdue read a page at a time, in a fixed number of queries."""

from __future__ import annotations

import datetime
import random
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.tests.days import days_ago
from careleavers.workforce import selectors
from careleavers.workforce.models import Course, Employment, Post, TrainingRecord
from careleavers.workforce.tests.factories import (
    CourseFactory,
    TrainingRecordFactory,
)
from careleavers.workforce.training import STAFF_ORDER, training_overdue

pytestmark = pytest.mark.django_db

D = datetime.date
COURSES = ["Safeguarding", "Induction", "Data protection", "Optional", "Retired"]


def _in_python(
    team_ids: frozenset[int] | None, today: datetime.date
) -> tuple[list[tuple[str, int, int]], list[tuple[int, str, Any, Any]]]:
    """Compliance and those overdue, person by person through `course_status`."""
    courses = list(Course.objects.filter(is_active=True, mandatory=True))
    staff = list(selectors.workforce_staff(team_ids=team_ids).order_by(*STAFF_ORDER))
    compliance, overdue = [], []
    for course in courses:
        in_date = 0
        for person in staff:
            status = selectors.course_status(
                course,
                last_completed=TrainingRecord.objects.filter(staff=person, course=course)
                .order_by("-completed_on")
                .values_list("completed_on", flat=True)
                .first(),
                started_on=Employment.objects.filter(staff=person)
                .order_by("start")
                .values_list("start", flat=True)
                .first(),
                today=today,
            )
            if status.overdue:
                overdue.append((person.pk, course.name, status.last_completed, status.due_on))
            else:
                in_date += 1
        compliance.append((course.name, len(staff), in_date))
    return compliance, overdue


def _in_the_database(
    team_ids: frozenset[int] | None, today: datetime.date
) -> tuple[list[tuple[str, int, int]], list[tuple[int, str, Any, Any]]]:
    compliance, overdue = training_overdue(team_ids=team_ids, today=today)
    return (
        [(row.course.name, row.staff, row.in_date) for row in compliance],
        [
            (row.staff.pk, row.status.course.name, row.status.last_completed, row.status.due_on)
            for row in overdue[0 : len(overdue)]
        ],
    )


def _a_random_service(rng: random.Random, today: datetime.date) -> list[Any]:
    """Staff in three teams, some with no start recorded, with courses done once, renewed yearly
    or every few months (some last done on a month's end), and courses not mandatory."""
    Course.objects.exclude(name__in=COURSES).delete()
    courses = [
        CourseFactory(name="Safeguarding", renewal_months=12, complete_within_days=90),
        CourseFactory(name="Induction", renewal_months=None, complete_within_days=30),
        CourseFactory(name="Data protection", renewal_months=6, complete_within_days=0),
        CourseFactory(name="Optional", mandatory=False),
        CourseFactory(name="Retired", is_active=False),
    ]
    teams = [TeamFactory() for _ in range(3)]
    roles = [Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.DUTY_WORKER]
    people = [UserFactory(roles=[rng.choice(roles)], team=rng.choice(teams)) for _ in range(30)]
    people.append(UserFactory(roles=[Role.PERSONAL_ADVISER], team=teams[0], is_active=False))
    post = Post.objects.create(team=teams[0], role="pa", fte=1, funded_from=D(2020, 1, 1))

    def day() -> datetime.date:
        # Near today and near the ends of months, where due dates are decided.
        back = rng.choice([0, 1, 29, 30, 31, 89, 90, 91, 180, 181, 182, 365, 366, 400, 800])
        return today - datetime.timedelta(days=back)

    for person in people:
        if rng.random() < 0.8:
            for _ in range(rng.randint(1, 2)):
                Employment.objects.create(
                    post=post, staff=person, kind="permanent", fte=1, start=day()
                )
        for course in courses:
            for _ in range(rng.choice([0, 0, 1, 2])):
                completed = day()
                if rng.random() < 0.2:
                    completed = completed.replace(day=1) - datetime.timedelta(days=1)
                TrainingRecord.objects.create(staff=person, course=course, completed_on=completed)
    return teams


@pytest.mark.parametrize("seed", range(3))
def test_the_database_finds_those_overdue_as_course_status_does(db: None, seed: int) -> None:
    today = timezone.localdate()
    teams = _a_random_service(random.Random(seed), today)
    for team_ids in (None, frozenset({teams[0].pk}), frozenset({teams[1].pk, teams[2].pk})):
        expected = _in_python(team_ids, today)
        assert expected[1]  # the service has people overdue to compare
        assert _in_the_database(team_ids, today) == expected


@pytest.mark.parametrize("today", [D(2026, 3, 31), D(2026, 2, 28), D(2024, 2, 29), D(2026, 8, 31)])
def test_renewals_due_at_a_months_end_agree_on_any_day(db: None, today: datetime.date) -> None:
    _a_random_service(random.Random(5), today)
    assert _in_the_database(None, today) == _in_python(None, today)


def test_pages_of_those_overdue_are_slices_of_the_whole_list(db: None) -> None:
    today = timezone.localdate()
    _a_random_service(random.Random(11), today)
    compliance, overdue = training_overdue(team_ids=None, today=today)
    everyone = list(overdue)
    assert len(everyone) == len(overdue) == sum(row.overdue for row in compliance)
    for start in range(0, len(everyone), 7):
        assert overdue[start : start + 7] == everyone[start : start + 7]
    assert overdue[len(everyone) : len(everyone) + 7] == []
    assert overdue[3] == everyone[3]


def test_training_overdue_lists_mandatory_courses_not_done_in_time(
    service: SimpleNamespace,
) -> None:
    Course.objects.all().delete()
    course = CourseFactory(
        name="Safeguarding", mandatory=True, renewal_months=12, complete_within_days=90
    )
    CourseFactory(name="Optional", mandatory=False)
    TrainingRecordFactory(staff=service.w1, course=course, completed_on=days_ago(100))
    TrainingRecordFactory(staff=service.w2, course=course, completed_on=days_ago(400))
    compliance, overdue = training_overdue(
        team_ids=frozenset({service.a.pk}), today=timezone.localdate()
    )
    # Team A: w1 in date, w2 renewal overdue, w3 started 60 days ago (within 90), the manager
    # has no start date recorded and has never done it.
    assert [(row.course.name, row.staff, row.in_date) for row in compliance] == [
        ("Safeguarding", 4, 2)
    ]
    due = {row.staff: row.status.due_on for row in overdue[0:50]}
    assert due == {service.a.manager: None, service.w2: days_ago(400 - 365)}


def test_training_costs_the_same_queries_whatever_the_number_of_staff(
    db: None, django_assert_num_queries: Any
) -> None:
    today = timezone.localdate()
    _a_random_service(random.Random(3), today)
    with django_assert_num_queries(2):
        _, overdue = training_overdue(team_ids=None, today=today)
    with django_assert_num_queries(1):
        overdue[0:5]  # within the first course
    _a_random_service(random.Random(4), today)
    with django_assert_num_queries(2):
        training_overdue(team_ids=None, today=today)
