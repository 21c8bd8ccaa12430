"""Factories for supervision and workforce records."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.tests.days import days_ago
from careleavers.workforce.models import (
    Course,
    Employment,
    Post,
    SicknessAbsence,
    SupervisionAction,
    SupervisionRecord,
    SupervisionReview,
    TrainingRecord,
)


class SupervisionRecordFactory(DjangoModelFactory):
    """A supervision held a week ago by the worker's team manager (made if the team has none)."""

    class Meta:
        model = SupervisionRecord
        skip_postgeneration_save = True

    worker = factory.LazyFunction(
        lambda: UserFactory(roles=[Role.PERSONAL_ADVISER], team=TeamFactory())
    )
    supervisor = factory.LazyAttribute(
        lambda o: (
            o.worker.team.manager
            if o.worker.team and o.worker.team.manager
            else UserFactory(roles=[Role.TEAM_MANAGER], team=o.worker.team)
        )
    )
    team = factory.LazyAttribute(lambda o: o.worker.team)
    held_on = factory.LazyFunction(lambda: days_ago(7))
    what_is_working = "Regular contact has helped her settle in the flat."
    what_worries_us = "Money: she is behind with her rent."
    created_by = factory.LazyAttribute(lambda o: o.supervisor)

    @factory.post_generation
    def young_people(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.young_people.set(extracted)


class SupervisionActionFactory(DjangoModelFactory):
    class Meta:
        model = SupervisionAction

    record = factory.SubFactory(SupervisionRecordFactory)
    text = "Book the pathway plan review"
    due_on = factory.LazyFunction(lambda: days_ago(-14))


class SupervisionReviewFactory(DjangoModelFactory):
    class Meta:
        model = SupervisionReview

    record = factory.SubFactory(SupervisionRecordFactory)
    sampled_at = factory.LazyFunction(timezone.now)
    sampled_by = factory.LazyFunction(lambda: UserFactory(roles=[Role.HEAD_OF_SERVICE]))
    grade = ""


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post

    team = factory.SubFactory(TeamFactory)
    role = "pa"
    fte = Decimal("1.00")
    funded_from = datetime.date(2024, 4, 1)


class EmploymentFactory(DjangoModelFactory):
    class Meta:
        model = Employment

    post = factory.SubFactory(PostFactory)
    staff = factory.LazyAttribute(
        lambda o: UserFactory(roles=[Role.PERSONAL_ADVISER], team=o.post.team)
    )
    kind = "permanent"
    fte = Decimal("1.00")
    start = datetime.date(2024, 4, 1)


class SicknessAbsenceFactory(DjangoModelFactory):
    class Meta:
        model = SicknessAbsence

    staff = factory.LazyFunction(lambda: UserFactory(roles=[Role.PERSONAL_ADVISER]))
    first_day = factory.LazyFunction(lambda: days_ago(30))
    last_day = factory.LazyFunction(lambda: days_ago(28))
    working_days_lost = Decimal("3.0")
    reason = "infection"


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Course {n}")
    mandatory = True
    renewal_months = None
    complete_within_days = 90


class TrainingRecordFactory(DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    staff = factory.LazyFunction(lambda: UserFactory(roles=[Role.PERSONAL_ADVISER]))
    course = factory.SubFactory(CourseFactory)
    completed_on = factory.LazyFunction(lambda: days_ago(10))
