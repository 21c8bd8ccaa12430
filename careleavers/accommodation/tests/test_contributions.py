"""What accommodation adds to the work tray, and its charts."""

from __future__ import annotations

import datetime

import pytest

from careleavers.accommodation import charts
from careleavers.accommodation.tests.factories import (
    StayFactory,
    StayingCloseFactory,
    StayingPutFactory,
)
from careleavers.casework.models import Allocation
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.tests.days import TODAY
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _allocated(pa, team):
    young_person = YoungPersonFactory(team=team)
    Allocation.objects.create(young_person=young_person, worker=pa, role="pa", reason="FIRST")
    return young_person


def _kinds(user):
    return {(item.kind, item.young_person.pk) for item in work_tray_for(user=user)}


def test_the_work_tray_has_staying_close_reviews_and_staying_put_ending(pa, team):
    reviewing = _allocated(pa, team)
    StayingCloseFactory(
        young_person=reviewing, assessed_by=pa, next_review_on=TODAY + datetime.timedelta(days=5)
    )
    ending = _allocated(pa, team)
    StayingPutFactory(young_person=ending, planned_end=TODAY + datetime.timedelta(days=60))
    later = _allocated(pa, team)
    StayingPutFactory(young_person=later, planned_end=TODAY + datetime.timedelta(days=200))
    kinds = _kinds(pa)
    assert ("staying_close_review", reviewing.pk) in kinds
    assert ("staying_put_ending", ending.pk) in kinds
    assert ("staying_put_ending", later.pk) not in kinds


def test_assessed_and_always_unsuitable_stays_need_no_suitability_check(pa, team):
    assessed = _allocated(pa, team)
    StayFactory(young_person=assessed, suitable=True)
    homeless = _allocated(pa, team)
    StayFactory(young_person=homeless, accom_type="S", suitable=False)
    assert not [kind for kind, _ in _kinds(pa) if kind == "accommodation_suitability"]


def test_charts_are_deterministic_svg():
    first = charts.waiting_list_chart([("Band A", 3, 1), ("Band B", 2, 0)])
    assert first == charts.waiting_list_chart([("Band A", 3, 1), ("Band B", 2, 0)])
    assert first.startswith("<?xml")
    assert "Band A" in first
    assert charts.occupancy_chart([]).startswith("<?xml")
