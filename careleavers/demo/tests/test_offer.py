from __future__ import annotations

import datetime
import random

import pytest
from django.db.models import Sum

from careleavers.demo import offer as demo
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
