"""Factories for young people and their care history. Other apps' tests import these."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.dates import birthday
from careleavers.people.models import AboutMe, CareEpisode, HomePeriod, PreviousName, YoungPerson


def _years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return day - datetime.timedelta(days=days)


class YoungPersonFactory(DjangoModelFactory):
    """A 19 year old in a team, not restricted. Pass `team=None` for no team.

    The stored category is not derived; call `people.services.category_refresh` (or build with
    `CareEpisodeFactory` and then refresh) when a test depends on it.
    """

    class Meta:
        model = YoungPerson
        skip_postgeneration_save = True

    child_id = factory.Sequence(lambda n: f"C{n:06d}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = factory.LazyFunction(lambda: _years_ago(19, days=40))
    sex = "F"
    ethnicity = "WBRI"
    team = factory.SubFactory(TeamFactory)

    @factory.post_generation
    def restricted_to(self, create: bool, extracted: list[Any] | None, **kwargs: Any) -> None:
        # YoungPersonFactory(is_restricted=True, restricted_to=[user]) names who may open it.
        if create and extracted:
            self.restricted_to.add(*extracted)


class YoungPersonRecordFactory(DjangoModelFactory):
    """The base of the factories for a record about one young person: every such record names
    its young person, made afresh unless a test passes one (`young_person=...`)."""

    class Meta:
        abstract = True

    young_person = factory.SubFactory(YoungPersonFactory)


class PreviousNameFactory(YoungPersonRecordFactory):
    class Meta:
        model = PreviousName

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")


class CareEpisodeFactory(YoungPersonRecordFactory):
    """A full care order in foster care from the 15th birthday to the 18th (an eligible child
    who became former relevant), unless told otherwise."""

    class Meta:
        model = CareEpisode

    start = factory.LazyAttribute(lambda o: birthday(o.young_person.date_of_birth, 15))
    end = factory.LazyAttribute(lambda o: birthday(o.young_person.date_of_birth, 18))
    reason_new_episode = "S"
    legal_status = "C2"
    category_of_need = "N1"
    placement_type = "U1"
    reason_ended = factory.LazyAttribute(lambda o: "E17" if o.end else "")


class HomePeriodFactory(YoungPersonRecordFactory):
    class Meta:
        model = HomePeriod

    start = factory.LazyFunction(lambda: _years_ago(1))


class AboutMeFactory(YoungPersonRecordFactory):
    class Meta:
        model = AboutMe

    summary = "I like football and I am studying at college. Please text before you visit."
    please_do_not_ask = "Why I came into care."
    written_by = factory.SubFactory(UserFactory)


__all__ = [
    "AboutMeFactory",
    "CareEpisodeFactory",
    "HomePeriodFactory",
    "PreviousNameFactory",
    "YoungPersonFactory",
    "YoungPersonRecordFactory",
]
