"""Factories for referrals, chases, health and transition plans. Other apps' tests may use them.

Services come from the data migration; `service_of(kind)` fetches one by kind.
"""

from __future__ import annotations

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from careleavers.accounts.tests.factories import UserFactory
from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory, YoungPersonRecordFactory
from careleavers.transitions.models import (
    ChaseKind,
    HealthProfile,
    Milestone,
    Referral,
    ReferralChase,
    Service,
    ServiceKind,
    TransitionPlan,
)


def service_of(kind: str = ServiceKind.ADULT_MENTAL_HEALTH) -> Service:
    return Service.objects.filter(kind=kind).order_by("display_order").first()  # type: ignore[return-value]


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Local service {n}")
    kind = ServiceKind.OTHER
    target_wait_days = 30


class ReferralFactory(YoungPersonRecordFactory):
    """An open referral to adult mental health services, made 10 days ago."""

    class Meta:
        model = Referral

    service = factory.LazyFunction(service_of)
    referred_on = factory.LazyFunction(lambda: days_ago(10))
    referred_by = factory.SubFactory(UserFactory)
    reason = "Low mood and anxiety; struggling to sleep."


class ReferralChaseFactory(DjangoModelFactory):
    class Meta:
        model = ReferralChase

    referral = factory.SubFactory(ReferralFactory)
    kind = ChaseKind.CHASE
    on = factory.LazyFunction(timezone.localdate)
    by = factory.SubFactory(UserFactory)
    contacted = "Duty manager, community mental health team"


class HealthProfileFactory(YoungPersonRecordFactory):
    class Meta:
        model = HealthProfile

    gp_registration = "yes"
    gp_practice = "Westgate Surgery"


class TransitionPlanFactory(DjangoModelFactory):
    class Meta:
        model = TransitionPlan

    young_person = factory.SubFactory(YoungPersonFactory, has_ehc_plan=True)
    started_on = factory.LazyFunction(lambda: days_ago(100))
    young_persons_wishes = "I want to live near my sister and work with animals."


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    plan = factory.SubFactory(TransitionPlanFactory)
    title = "Care Act transition assessment completed"
    owner = "Adult social care transitions team"
    due_on = factory.LazyFunction(lambda: days_ago(-30))


__all__ = [
    "HealthProfileFactory",
    "MilestoneFactory",
    "ReferralChaseFactory",
    "ReferralFactory",
    "ServiceFactory",
    "TransitionPlanFactory",
    "service_of",
]
