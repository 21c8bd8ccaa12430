"""Factories for casework records. Other apps' tests import these."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import (
    Alert,
    Allocation,
    Appointment,
    CaseNote,
    Contact,
    ContactMethod,
    DutyAlert,
    DutyAlertMessage,
    DutyAlertRecipient,
    DutyLogEntry,
    DutyRotaEntry,
    Notification,
    WorkerRole,
)
from careleavers.people.tests.factories import YoungPersonFactory, YoungPersonRecordFactory


class AllocationFactory(YoungPersonRecordFactory):
    """A current personal adviser allocation (pass role="sw" and a social worker otherwise).

    Made directly, without the allocation service: use `services.allocation_change` when a test
    is about allocating."""

    class Meta:
        model = Allocation

    worker = factory.LazyAttribute(
        lambda o: UserFactory(
            roles=[
                Role.PERSONAL_ADVISER
                if o.role == WorkerRole.PERSONAL_ADVISER
                else Role.SOCIAL_WORKER
            ]
        )
    )
    role = WorkerRole.PERSONAL_ADVISER
    start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))
    reason = "FIRST"


class ContactFactory(YoungPersonRecordFactory):
    """A home visit a week ago in which the young person was seen alone."""

    class Meta:
        model = Contact

    worker = factory.SubFactory(UserFactory, roles=[Role.PERSONAL_ADVISER])
    occurred_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    method = ContactMethod.HOME_VISIT
    made_contact = True
    seen = True
    seen_alone = True
    purpose = "Statutory visit"
    young_persons_views = "I am happy in my flat but I need help with the gas bill."
    created_by = factory.SelfAttribute("worker")


class CaseNoteFactory(YoungPersonRecordFactory):
    class Meta:
        model = CaseNote

    author = factory.SubFactory(UserFactory, roles=[Role.PERSONAL_ADVISER])
    title = "Phone call with college"
    body = "College say attendance is good this term."


class AlertFactory(YoungPersonRecordFactory):
    class Meta:
        model = Alert

    kind = "safeguarding"
    description = "Risk of exploitation: do not share their address."


class AppointmentFactory(YoungPersonRecordFactory):
    """A visit booked for three days from now (made directly, without the service)."""

    class Meta:
        model = Appointment

    worker = factory.SubFactory(UserFactory, roles=[Role.PERSONAL_ADVISER])
    kind = "visit"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    place = "at your flat"


class DutyLogEntryFactory(DjangoModelFactory):
    class Meta:
        model = DutyLogEntry

    duty_worker = factory.SubFactory(UserFactory, roles=[Role.DUTY_WORKER])
    young_person = factory.SubFactory(YoungPersonFactory)
    caller = "The young person"
    method = ContactMethod.PHONE
    need = "Their electricity has run out."
    action_taken = "Emergency payment made."


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory, roles=[Role.PERSONAL_ADVISER])
    kind = "duty"
    message = "Duty: a call about rent arrears."
    link = "/duty/"


class DutyRotaEntryFactory(DjangoModelFactory):
    """A duty worker on the rota for a whole office day (09:00 to 17:00)."""

    class Meta:
        model = DutyRotaEntry

    on = factory.LazyFunction(timezone.localdate)
    starts = datetime.time(9, 0)
    ends = datetime.time(17, 0)
    worker = factory.SubFactory(UserFactory, roles=[Role.DUTY_WORKER])
    mobile = "07700900456"
    email = factory.SelfAttribute("worker.email")


class DutyAlertFactory(YoungPersonRecordFactory):
    """A young person's "I do not feel safe" that went to the out-of-hours service, with a
    text that was sent and an email that was not."""

    class Meta:
        model = DutyAlert
        skip_postgeneration_save = True

    alert = factory.SubFactory(AlertFactory, young_person=factory.SelfAttribute("..young_person"))
    raised_at = factory.LazyFunction(timezone.now)
    their_words = "Someone is outside my flat"
    call_on = "07700 900 982"
    where = "At my friend's flat on Mill Lane"
    in_office_hours = False
    sent_to = DutyAlertRecipient.OUT_OF_HOURS
    sent_to_name = "Out-of-hours team"

    @factory.post_generation
    def messages(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or extracted is False:
            return
        DutyAlertMessage.objects.create(
            duty_alert=self,
            channel="sms",
            recipient=DutyAlertRecipient.OUT_OF_HOURS,
            recipient_name="Out-of-hours team",
            to="07700900999",
            status=DutyAlertMessage.Status.SENT,
            attempted_at=timezone.now(),
        )
        DutyAlertMessage.objects.create(
            duty_alert=self,
            channel="email",
            recipient=DutyAlertRecipient.OUT_OF_HOURS,
            recipient_name="Out-of-hours team",
            to="",
            status=DutyAlertMessage.Status.FAILED,
            failure="No email address is set for the out-of-hours service",
            attempted_at=timezone.now(),
        )


__all__ = [
    "AlertFactory",
    "AllocationFactory",
    "CaseNoteFactory",
    "ContactFactory",
    "DutyAlertFactory",
    "DutyLogEntryFactory",
    "DutyRotaEntryFactory",
    "NotificationFactory",
]


def allocated_to(worker: Any, team: Any, **fields: Any) -> Any:
    """A young person in `team` with `worker` as their personal adviser."""
    young_person = YoungPersonFactory(team=team, **fields)
    AllocationFactory(young_person=young_person, worker=worker)
    return young_person
