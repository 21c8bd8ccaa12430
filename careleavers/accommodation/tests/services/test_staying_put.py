"""Starting Staying Put arrangements (services/staying_put.py)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from careleavers.accommodation.models import StayingPut
from careleavers.accommodation.services import staying_put as staying_put_services
from careleavers.core.dates import birthday
from careleavers.people.tests.factories import CareEpisodeFactory

pytestmark = pytest.mark.django_db


def _fostered_until_18(young_person, placement: str = "U4") -> None:
    born = young_person.date_of_birth
    CareEpisodeFactory(
        young_person=young_person,
        start=birthday(born, 15),
        end=birthday(born, 18),
        placement_type=placement,
        reason_ended="E17",
    )


def test_staying_put_runs_to_the_day_before_the_21st_birthday_by_default(pa, young_person):
    born = young_person.date_of_birth
    _fostered_until_18(young_person)
    arrangement = staying_put_services.staying_put_start(
        acting_user=pa,
        young_person=young_person,
        carers="Pat Carter",
        start=birthday(born, 18),
        weekly_allowance=Decimal("250"),
    )
    assert arrangement.planned_end == birthday(born, 21) - datetime.timedelta(days=1)


def test_staying_put_is_refused_after_a_childrens_home(pa, young_person):
    # CA 1989 s.23CZA(2)(b): the carers must have been their local authority foster parent
    # immediately before care ended.
    _fostered_until_18(young_person, placement="K2")

    with pytest.raises(ValidationError, match="not a foster placement"):
        staying_put_services.staying_put_start(
            acting_user=pa,
            young_person=young_person,
            carers="Pat Carter",
            start=birthday(young_person.date_of_birth, 18),
            weekly_allowance=Decimal("250"),
        )
    assert not StayingPut.objects.filter(young_person=young_person).exists()


def test_staying_put_is_refused_for_someone_who_left_care_at_17(pa, young_person):
    born = young_person.date_of_birth
    CareEpisodeFactory(young_person=young_person, start=birthday(born, 15), end=birthday(born, 17))

    with pytest.raises(ValidationError, match="looked after when they turned 18"):
        staying_put_services.staying_put_start(
            acting_user=pa,
            young_person=young_person,
            carers="Pat Carter",
            start=birthday(born, 18),
            weekly_allowance=Decimal("250"),
        )


@pytest.mark.parametrize(
    ("start_age", "end_age", "field"),
    [(17, None, "start"), (18, 22, "planned_end")],
)
def test_staying_put_is_from_18_to_21(pa, young_person, start_age, end_age, field):
    born = young_person.date_of_birth
    with pytest.raises(ValidationError) as error:
        staying_put_services.staying_put_start(
            acting_user=pa,
            young_person=young_person,
            carers="Pat Carter",
            start=birthday(born, start_age),
            planned_end=birthday(born, end_age) if end_age else None,
            weekly_allowance=Decimal("250"),
        )
    assert field in error.value.message_dict
