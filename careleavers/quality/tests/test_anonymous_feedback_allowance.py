"""quality.services.anonymous_feedback_give counts each young person's feedback without a name
per day, in the cache only, and refuses more than ANONYMOUS_FEEDBACK_PER_DAY."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality import services
from careleavers.quality.models import AnonymousFeedback

pytestmark = pytest.mark.django_db


def _give(young_person: object) -> None:
    services.anonymous_feedback_give(
        acting_user=UserFactory(roles=[Role.YOUNG_PERSON]),
        young_person=young_person,
        about="service",
        rating="ok",
    )


def test_one_young_person_reaching_the_limit_does_not_stop_another() -> None:
    team = TeamFactory()
    first, second = YoungPersonFactory(team=team), YoungPersonFactory(team=team)
    for _sent in range(services.ANONYMOUS_FEEDBACK_PER_DAY):
        _give(first)
    with pytest.raises(ValidationError, match="send this one with your name"):
        _give(first)
    _give(second)
    assert AnonymousFeedback.objects.count() == services.ANONYMOUS_FEEDBACK_PER_DAY + 1


def test_the_count_is_kept_under_a_hash_that_names_neither_the_person_nor_the_day() -> None:
    young_person = YoungPersonFactory(team=TeamFactory())
    _give(young_person)
    key = services._anonymous_allowance_key(young_person)
    assert cache.get(key) == 1
    assert re.fullmatch(r"quality:anonymous-feedback:[0-9a-f]{40}", key)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        assert services._anonymous_allowance_key(young_person) != key


def test_refused_feedback_does_not_use_up_the_allowance() -> None:
    young_person = YoungPersonFactory(team=TeamFactory())
    with pytest.raises(ValidationError):
        services.anonymous_feedback_give(
            acting_user=UserFactory(roles=[Role.YOUNG_PERSON]),
            young_person=young_person,
            about="",
            rating="ok",
        )
    assert cache.get(services._anonymous_allowance_key(young_person)) is None
