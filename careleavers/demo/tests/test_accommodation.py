"""The demo accommodation data: deterministic, consistent with the rules, and bulk-created."""

from __future__ import annotations

import datetime
import random

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from careleavers.accommodation.figures import overlaps
from careleavers.accommodation.models import (
    AccommodationStay,
    HousingApplication,
    StayingPut,
    SuitabilityAssessment,
    TasterFlatBooking,
)
from careleavers.accommodation.suitability import staying_put_ends_by
from careleavers.accounts.roles import Role
from careleavers.demo import accommodation as demo
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def people() -> list[YoungPerson]:
    rng = random.Random(7)
    return [
        YoungPersonFactory(
            date_of_birth=TODAY - datetime.timedelta(days=rng.randint(15 * 365, 26 * 365))
        )
        for _ in range(120)
    ]


def _snapshot() -> list[tuple]:
    return list(
        AccommodationStay.objects.order_by("young_person_id", "start").values_list(
            "young_person_id", "accom_type", "start", "end", "suitable", "council_provided"
        )
    ) + list(
        HousingApplication.objects.order_by("young_person_id").values_list(
            "young_person_id", "band__code", "applied_on", "housed_on"
        )
    )


def _seed(people, workers, seed=1):
    return demo.seed(rng=random.Random(seed), today=TODAY, young_people=people, workers=workers)


def test_the_same_seed_gives_the_same_data(people, make_user):
    workers = [make_user(Role.PERSONAL_ADVISER) for _ in range(3)]
    snapshots = []
    for _ in range(2):
        with transaction.atomic():
            counts = _seed(people, workers)
            snapshots.append((counts, _snapshot()))
            transaction.set_rollback(True)
    assert snapshots[0] == snapshots[1]
    assert snapshots[0][0]["accommodationstay"] > 100


def test_the_demo_data_keeps_the_rules(people, make_user):
    workers = [make_user(Role.PERSONAL_ADVISER)]
    _seed(people, workers)
    for young_person in YoungPerson.objects.all():
        stays = list(AccommodationStay.objects.filter(young_person=young_person).order_by("start"))
        if not stays:
            continue
        # One current stay, each ending the day the next begins.
        assert [stay.end for stay in stays[:-1]] == [stay.start for stay in stays[1:]]
        assert stays[-1].end is None
        for stay in stays:
            if stay.accom_type in {"S", "X"}:
                assert stay.suitable is False
            if stay.accom_type == "Z":
                born = young_person.date_of_birth
                assert stay.start >= born.replace(year=born.year + 18)
    for assessment in SuitabilityAssessment.objects.select_related("stay"):
        assert assessment.stay.suitable == assessment.suitable
    for arrangement in StayingPut.objects.select_related("young_person"):
        born = arrangement.young_person.date_of_birth
        assert arrangement.planned_end <= staying_put_ends_by(born)
    bookings = list(TasterFlatBooking.objects.order_by("flat_id", "starts_on"))
    for first, second in zip(bookings, bookings[1:], strict=False):
        if first.flat_id == second.flat_id:
            assert not overlaps(first.starts_on, first.ends_on, second.starts_on, second.ends_on)
    for application in HousingApplication.objects.prefetch_related("offers", "bids"):
        for offer in application.offers.all():
            assert application.applied_on <= offer.offered_on <= TODAY
        for bid in application.bids.all():
            assert application.applied_on <= bid.placed_on <= TODAY


def test_the_demo_is_written_in_bulk(people, make_user):
    workers = [make_user(Role.PERSONAL_ADVISER)]
    with CaptureQueriesContext(connection) as captured:
        _seed(people, workers)
    # A handful of inserts per table, not one per young person.
    assert len(captured) < 60


def test_each_address_is_the_kind_of_place_its_accommodation_is(people, make_user):
    # A review found a 16-year-old in "community home or other residential care" at "Flat 12".
    _seed(people, [make_user(Role.PERSONAL_ADVISER)])
    stays = AccommodationStay.objects.exclude(address="")
    first_line = {letter: set() for letter in "BCDEKTUVWYZ"}
    for stay in stays:
        first_line.setdefault(stay.accom_type, set()).add(stay.address.split(",")[0].split()[0])
    assert first_line["C"]
    assert first_line["C"] <= {"Beech", "Holme", "Moorside", "Fernbank", "The"}
    for letter in "BEZ":  # a family's house: a number, no flat or room
        assert all(word.isdigit() for word in first_line[letter]), (letter, first_line[letter])
    for letter in "KTVW":
        assert first_line[letter] <= {"Room"}, (letter, first_line[letter])
    assert first_line["U"] == {"Flat"}
