"""Factories for subject access requests and retention decisions."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.dataprotection.models import RetentionDecision, SubjectAccessRequest
from careleavers.people.tests.factories import YoungPersonRecordFactory


class SubjectAccessRequestFactory(YoungPersonRecordFactory):
    """An open request received today, due in a month."""

    class Meta:
        model = SubjectAccessRequest

    requested_by = factory.Faker("name", locale="en_GB")
    received_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda o: o.received_on + datetime.timedelta(days=30))
    handled_by = factory.SubFactory(UserFactory, roles=[Role.HEAD_OF_SERVICE])


class RetentionDecisionFactory(YoungPersonRecordFactory):
    class Meta:
        model = RetentionDecision

    decision = RetentionDecision.Decision.KEEP
    reason = "A claim is open."
    review_again_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=365)
    )
    retention_ends_on = factory.LazyAttribute(
        lambda o: o.young_person.date_of_birth.replace(year=o.young_person.date_of_birth.year + 75)
    )
    decided_by = factory.SubFactory(UserFactory, roles=[Role.HEAD_OF_SERVICE])
    decided_at = factory.LazyFunction(timezone.now)
