"""Factories for EET records. Other apps' tests may import these."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from careleavers.core.tests.days import days_ago, days_from_today
from careleavers.learning.models import (
    ActivityEpisode,
    NeetReason,
    NeetReasonRecord,
    PanelAction,
    PanelCase,
    PanelMeeting,
    PersonalEducationPlan,
)
from careleavers.people.tests.factories import YoungPersonFactory, YoungPersonRecordFactory


def reason(code: str) -> NeetReason:
    """One of the seeded reasons (migration 0002), by code."""
    return NeetReason.objects.get(code=code)


class ActivityEpisodeFactory(YoungPersonRecordFactory):
    """Full time in education other than higher education, started 100 days ago, ongoing."""

    class Meta:
        model = ActivityEpisode

    activ = "F2"
    start = factory.LazyFunction(lambda: days_ago(100))


class NeetReasonRecordFactory(YoungPersonRecordFactory):
    class Meta:
        model = NeetReasonRecord

    reason = factory.LazyFunction(lambda: reason("confidence"))
    identified_on = factory.LazyFunction(lambda: days_ago(30))


class PanelMeetingFactory(DjangoModelFactory):
    class Meta:
        model = PanelMeeting

    held_on = factory.Sequence(lambda n: timezone.localdate() + datetime.timedelta(days=7 + n))


class PanelCaseFactory(DjangoModelFactory):
    class Meta:
        model = PanelCase

    meeting = factory.SubFactory(PanelMeetingFactory)
    young_person = factory.SubFactory(YoungPersonFactory)
    listed_because = "neet"


class PanelActionFactory(DjangoModelFactory):
    class Meta:
        model = PanelAction

    case = factory.SubFactory(PanelCaseFactory)
    kind = "course"
    description = "Apply for the January course"
    owner_name = "College transition lead"
    due_on = factory.LazyFunction(lambda: days_from_today(14))


class PepFactory(YoungPersonRecordFactory):
    class Meta:
        model = PersonalEducationPlan

    academic_year = factory.Sequence(lambda n: 2000 + n)
    term = "autumn"
    due_on = factory.LazyFunction(lambda: days_ago(10))


def young_person_needing_pep(**fields: object) -> object:
    """A 16 year old in care and at college, who needs a PEP each term."""
    from careleavers.people.tests.factories import CareEpisodeFactory

    today = timezone.localdate()
    born = today.replace(year=today.year - 16, day=1) - datetime.timedelta(days=40)
    young_person = YoungPersonFactory(date_of_birth=born, category="eligible", **fields)
    CareEpisodeFactory(
        young_person=young_person,
        start=born.replace(year=born.year + 14),
        end=None,
        reason_ended="",
    )
    ActivityEpisodeFactory(young_person=young_person, activ="F2", start=days_ago(30))
    return young_person
