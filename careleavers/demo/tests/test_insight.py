"""The demo: history is scheduled once per seed (not per chunk), and fills 24 months."""

from __future__ import annotations

import datetime
import random
from types import SimpleNamespace

import pytest

from careleavers.demo import insight as demo
from careleavers.insight.indicators import all_indicators
from careleavers.insight.models import IndicatorSnapshot, ScopeKind, Target
from careleavers.insight.tests.factories import build_known_council

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture
def known(db: None) -> SimpleNamespace:
    """The insight tests' known council (insight/tests/factories.py)."""
    return build_known_council()


def test_history_is_scheduled_once_whatever_the_number_of_chunks(
    known, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = demo.seed(rng=random.Random(1), today=TODAY, young_people=[], workers=[])
        second = demo.seed(rng=random.Random(2), today=TODAY, young_people=[], workers=[])
    assert first == {"insight_history_months": 24}
    assert second == {}
    assert len([c for c in callbacks if getattr(c, "insight_demo_history", False)]) == 1


def test_the_history_fills_24_months_counted_as_at_each_month_end(known):
    counts = demo.fill_history(today=TODAY)
    service = IndicatorSnapshot.objects.filter(scope_kind=ScopeKind.SERVICE)
    months = sorted(set(service.values_list("month", flat=True)))
    assert len(months) == 24
    assert (months[0], months[-1]) == (datetime.date(2024, 11, 1), datetime.date(2026, 10, 1))
    october = service.get(month=datetime.date(2026, 10, 1), indicator_key="recent_contact")
    assert (october.numerator, october.denominator) == (4, 7)  # as the hand count on 31 October
    assert service.filter(month=months[-1]).count() == len(all_indicators())
    assert counts["insight_snapshots"] == IndicatorSnapshot.objects.count()
    assert Target.objects.filter(indicator_key="recent_contact").exists()
    # Teams and workers have their own history: Team A all 24 months, and Pat (PA1) each
    # month since her first allocation, 400 days before 31 October 2026 (September 2025).
    assert (
        IndicatorSnapshot.objects.filter(
            scope_kind=ScopeKind.TEAM, scope_id=known.team_a.pk, indicator_key="recent_contact"
        ).count()
        == 24
    )
    assert (
        IndicatorSnapshot.objects.filter(
            scope_kind=ScopeKind.WORKER, scope_id=known.pa1.pk, indicator_key="recent_contact"
        ).count()
        == 14
    )
