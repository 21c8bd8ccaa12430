"""The EET demo data: deterministic, and consistent with the people demo's facts."""

from __future__ import annotations

import datetime
import random

import pytest
from django.db import transaction

from careleavers.accounts.roles import Role
from careleavers.demo import learning as demo
from careleavers.learning.activ import in_education_or_training_on
from careleavers.learning.models import (
    ActivityEpisode,
    NeetReasonRecord,
    PanelAttendee,
    PanelCase,
    PanelMeeting,
    PersonalEducationPlan,
)
from careleavers.learning.selectors import activity_values_for
from careleavers.people.tests.factories import CareEpisodeFactory, YoungPersonFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def people():
    rng = random.Random(3)
    young_people = []
    for index in range(40):
        age_days = rng.randint(16 * 365 + 10, 25 * 365)
        born = TODAY - datetime.timedelta(days=age_days)
        person = YoungPersonFactory(
            date_of_birth=born,
            in_education_or_training=index % 2 == 0,
            category="eligible" if age_days < 18 * 365 else "former_relevant",
        )
        if age_days < 18 * 365:
            CareEpisodeFactory(
                young_person=person,
                start=born + datetime.timedelta(days=14 * 365),
                end=None,
                reason_ended="",
            )
        young_people.append(person)
    return young_people


@pytest.fixture
def workers(make_user):
    return [make_user(Role.PERSONAL_ADVISER) for _ in range(3)]


def _signature() -> tuple:
    return (
        sorted(ActivityEpisode.objects.values_list("young_person_id", "activ", "start", "end")),
        sorted(
            NeetReasonRecord.objects.values_list(
                "young_person_id", "reason__code", "identified_on"
            )
        ),
        sorted(
            PersonalEducationPlan.objects.values_list("young_person_id", "due_on", "completed_on")
        ),
        sorted(PanelCase.objects.values_list("meeting__held_on", "young_person_id")),
    )


def test_the_demo_is_deterministic(people, workers) -> None:
    with transaction.atomic():
        savepoint = transaction.savepoint()
        first = demo.seed(rng=random.Random(7), today=TODAY, young_people=people, workers=workers)
        first_rows = _signature()
        transaction.savepoint_rollback(savepoint)
    second = demo.seed(rng=random.Random(7), today=TODAY, young_people=people, workers=workers)
    assert first == second
    assert first_rows == _signature()
    assert second["activities"] > len(people)
    assert second["panel_meetings"] == 13


def test_the_demo_agrees_with_the_young_peoples_education_fact(people, workers) -> None:
    demo.seed(rng=random.Random(1), today=TODAY, young_people=people, workers=workers)
    values = activity_values_for([person.pk for person in people])
    for person in people:
        assert in_education_or_training_on(values[person.pk], TODAY) is (
            person.in_education_or_training
        )
    # NEET reasons sit inside NEET periods, PEPs belong to 16 and 17 year olds in education.
    for record in NeetReasonRecord.objects.all():
        assert record.resolved_on is None or record.resolved_on >= record.identified_on
    for pep in PersonalEducationPlan.objects.select_related("young_person"):
        assert pep.young_person.in_education_or_training
    assert PanelMeeting.objects.filter(held_on__gt=TODAY).count() == 1


def test_no_young_people_means_no_data(workers) -> None:
    assert demo.seed(rng=random.Random(1), today=TODAY, young_people=[], workers=workers) == {}


def test_the_demo_can_be_seeded_chunk_by_chunk(people, workers) -> None:
    rng = random.Random(4)
    demo.seed(rng=rng, today=TODAY, young_people=people[:20], workers=workers)
    attendees = PanelAttendee.objects.count()
    second = demo.seed(rng=rng, today=TODAY, young_people=people[20:], workers=workers)
    assert second["panel_meetings"] == 0
    assert PanelMeeting.objects.count() == 13
    assert PanelAttendee.objects.count() == attendees
    listed = set(PanelCase.objects.values_list("young_person_id", flat=True))
    assert listed & {person.pk for person in people[20:]}
