from __future__ import annotations

import datetime
import random

import pytest
from django.db.models import Sum
from django.utils import timezone

from careleavers.demo import offer as demo
from careleavers.demo import story
from careleavers.offer.models import Fund, PaymentRequest
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def test_demo_ledgers_add_up_and_never_overspend() -> None:
    today = datetime.date(2026, 6, 1)
    people = [
        YoungPersonFactory(date_of_birth=datetime.date(2005 + n % 4, 3, 1)) for n in range(30)
    ]
    counts = demo.seed(rng=random.Random(3), today=today, young_people=people, workers=[])
    assert counts["offer funds"] > 0
    for fund in Fund.objects.all():
        approved = PaymentRequest.objects.filter(
            fund=fund, status__in=("approved", "paid")
        ).aggregate(t=Sum("amount_pence"))["t"]
        assert fund.approved_pence == (approved or 0) <= fund.entitlement_pence


def test_only_recent_payment_requests_still_wait_for_a_decision() -> None:
    """A manager's queue holds this week's requests, not last year's (demo/story.py)."""
    today = datetime.date(2026, 12, 4)
    people = [
        YoungPersonFactory(date_of_birth=datetime.date(2004 + n % 4, 3, 1)) for n in range(120)
    ]
    demo.seed(rng=random.Random(5), today=today, young_people=people, workers=[])

    waiting = PaymentRequest.objects.filter(status="requested")
    assert waiting.exists()
    oldest = min(timezone.localtime(request.created_at).date() for request in waiting)
    assert (today - oldest).days <= story.DECISION_WAIT_DAYS
    # Older requests were decided, and a refusal says why.
    decided = PaymentRequest.objects.exclude(status="requested")
    assert decided.exists()
    assert not decided.filter(decided_at__isnull=True).exists()
    assert not decided.filter(status="refused", decision_note="").exists()
