"""Changing the duty rota and the office hours, and recording a young person's "I do not feel
safe": who it goes to, each text and email, and whether each one left."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework import duty_services
from careleavers.casework.models import (
    DutyAlertMessage,
    DutyAlertRecipient,
    DutyPolicy,
    DutyRotaEntry,
)
from careleavers.casework.tests.factories import (
    AlertFactory,
    AllocationFactory,
    DutyAlertFactory,
    DutyRotaEntryFactory,
)
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MONDAY_TEN = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=LONDON)
SATURDAY_THREE = datetime.datetime(2026, 12, 12, 3, 0, tzinfo=LONDON)
NINE, ONE, FIVE = datetime.time(9), datetime.time(13), datetime.time(17)


@pytest.fixture
def manager(make_user: Any) -> Any:
    return make_user(Role.TEAM_MANAGER)


@pytest.fixture
def sam(make_user: Any) -> Any:
    return make_user(Role.DUTY_WORKER, first_name="Sam", last_name="Patel", phone="07700 900 456")


def _add(manager: Any, worker: Any, **kwargs: Any) -> DutyRotaEntry:
    values = {"on": datetime.date(2026, 12, 14), "starts": NINE, "ends": FIVE, **kwargs}
    return duty_services.rota_entry_add(acting_user=manager, worker=worker, **values)


# The rota -------------------------------------------------------------------------------------


@time_machine.travel(MONDAY_TEN, tick=False)
def test_putting_someone_on_duty_takes_their_mobile_and_email_and_is_audited(manager, sam) -> None:
    entry = _add(manager, sam)
    assert (entry.mobile, entry.email) == ("07700900456", sam.email)
    event = AuditEvent.objects.get(subject_type="casework.DutyRotaEntry", action="create")
    assert event.actor == manager
    assert event.detail["worker"] == sam.pk


@time_machine.travel(MONDAY_TEN, tick=False)
def test_a_landline_cannot_take_urgent_texts(manager, make_user) -> None:
    office = make_user(Role.DUTY_WORKER, phone="01274 000 000")
    with pytest.raises(ValidationError) as refused:
        _add(manager, office)
    assert "not a mobile" in refused.value.message_dict["mobile"][0]
    assert _add(manager, office, mobile="07700 900 321").mobile == "07700900321"


@time_machine.travel(MONDAY_TEN, tick=False)
def test_one_person_is_on_duty_at_a_time(manager, sam, make_user) -> None:
    _add(manager, sam, ends=ONE)
    other = make_user(Role.DUTY_WORKER, phone="07700900777")
    with pytest.raises(ValidationError) as refused:
        _add(manager, other, starts=datetime.time(12))
    assert "Sam Patel is on duty from 09:00 to 13:00" in refused.value.message_dict["starts"][0]
    assert _add(manager, other, starts=ONE).starts == ONE
    assert DutyRotaEntry.objects.count() == 2


@time_machine.travel(MONDAY_TEN, tick=False)
def test_past_days_on_the_rota_are_kept_as_they_were(manager, sam) -> None:
    with pytest.raises(ValidationError) as refused:
        _add(manager, sam, on=datetime.date(2026, 12, 11))
    assert "on" in refused.value.message_dict
    past = DutyRotaEntryFactory(on=datetime.date(2026, 12, 11), worker=sam)
    with pytest.raises(ValidationError):
        duty_services.rota_entry_remove(acting_user=manager, entry=past)
    assert DutyRotaEntry.objects.filter(pk=past.pk).exists()


@time_machine.travel(MONDAY_TEN, tick=False)
def test_the_end_must_come_after_the_start(manager, sam) -> None:
    with pytest.raises(ValidationError) as refused:
        _add(manager, sam, starts=FIVE, ends=NINE)
    assert refused.value.message_dict["ends"] == ["The end time must be after the start time"]


@time_machine.travel(MONDAY_TEN, tick=False)
def test_a_young_person_cannot_be_put_on_duty(manager, make_user) -> None:
    young_person = make_user(Role.YOUNG_PERSON, phone="07700900888")
    with pytest.raises(ValidationError) as refused:
        _add(manager, young_person)
    assert "worker" in refused.value.message_dict


@time_machine.travel(MONDAY_TEN, tick=False)
def test_changing_and_removing_a_turn_on_duty_is_audited(manager, sam) -> None:
    entry = _add(manager, sam)
    changed = duty_services.rota_entry_change(
        acting_user=manager,
        entry=entry,
        on=entry.on,
        starts=NINE,
        ends=ONE,
        worker=sam,
        mobile="",
        email="sam.duty@council.example",
    )
    assert (changed.ends, changed.email) == (ONE, "sam.duty@council.example")
    duty_services.rota_entry_remove(acting_user=manager, entry=changed)
    assert not DutyRotaEntry.objects.exists()
    details = [
        event.detail
        for event in AuditEvent.objects.filter(subject_type="casework.DutyRotaEntry").order_by(
            "pk"
        )
    ]
    assert details[1]["after"]["ends"] == "13:00"
    assert details[2]["removed"]["worker"] == sam.pk


# Office hours and the out-of-hours service ----------------------------------------------------


def _policy(manager: Any, **kwargs: Any) -> DutyPolicy:
    values = {
        "office_opens": datetime.time(8, 30),
        "office_closes": datetime.time(16, 30),
        "office_days": [0, 1, 2, 3],
        "closed_on_bank_holidays": True,
        "out_of_hours_name": "Emergency duty team",
        "out_of_hours_mobile": "07700 900 999",
        "out_of_hours_email": "EDT@council.example",
        **kwargs,
    }
    return duty_services.duty_policy_change(acting_user=manager, **values)


def test_a_manager_sets_the_office_hours_and_the_out_of_hours_service(manager) -> None:
    policy = _policy(manager)
    assert DutyPolicy.objects.count() == 1
    assert policy.office_days == [0, 1, 2, 3]
    assert (policy.out_of_hours_mobile, policy.out_of_hours_email) == (
        "07700900999",
        "edt@council.example",
    )
    event = AuditEvent.objects.get(subject_type="casework.DutyPolicy")
    assert event.detail["changes"]["out_of_hours_mobile"][1] == "07700900999"


def test_bad_office_hours_change_nothing(manager) -> None:
    before = DutyPolicy.current()
    with pytest.raises(ValidationError) as refused:
        _policy(
            manager,
            office_closes=datetime.time(8),
            office_days=[],
            out_of_hours_name=" ",
            out_of_hours_mobile="01274 000 999",
        )
    assert set(refused.value.message_dict) == {
        "office_closes",
        "office_days",
        "out_of_hours_name",
        "out_of_hours_mobile",
    }
    after = DutyPolicy.current()
    assert (after.office_closes, after.out_of_hours_name) == (
        before.office_closes,
        before.out_of_hours_name,
    )


# Duty alerts ----------------------------------------------------------------------------------


@pytest.fixture
def young_person(make_user: Any) -> Any:
    young_person = YoungPersonFactory(first_name="Jade", last_name="Okafor")
    adviser = make_user(Role.PERSONAL_ADVISER, first_name="Priya", last_name="Shah")
    AllocationFactory(young_person=young_person, worker=adviser)
    young_person.adviser = adviser
    return young_person


def _raise(young_person: Any, raised_at: datetime.datetime) -> Any:
    return duty_services.duty_alert_raise(
        acting_user=None,
        young_person=young_person,
        alert=AlertFactory(young_person=young_person),
        raised_at=raised_at,
        their_words="Someone is outside",
        call_on="07700 900 982",
        where="Mill Lane",
        adviser=young_person.adviser,
    )


def test_in_office_hours_it_goes_to_the_duty_worker_and_the_adviser_by_email(
    young_person, sam
) -> None:
    DutyRotaEntryFactory(on=datetime.date(2026, 12, 14), worker=sam, mobile="07700900456")
    duty_alert = _raise(young_person, MONDAY_TEN)
    assert duty_alert.duty_worker == sam
    assert duty_alert.in_office_hours
    waiting = [
        (m.channel, m.recipient, m.to, m.status) for m in duty_alert.messages.order_by("pk")
    ]
    assert waiting == [
        ("sms", DutyAlertRecipient.DUTY_WORKER, "07700900456", "waiting"),
        ("email", DutyAlertRecipient.DUTY_WORKER, sam.email, "waiting"),
        ("email", DutyAlertRecipient.ADVISER, young_person.adviser.email, "waiting"),
    ]
    event = AuditEvent.objects.get(detail__event="duty_alert_raised")
    assert event.detail["sent_to_name"] == "Sam Patel"
    assert len(event.detail["messages"]) == 3


def test_out_of_hours_with_nowhere_set_the_messages_fail_at_once_saying_why(
    young_person, settings: Any
) -> None:
    settings.BRANDING = {**settings.BRANDING, "out_of_hours_phone": "01274 000 999"}
    duty_alert = _raise(young_person, SATURDAY_THREE)
    assert duty_alert.sent_to == DutyAlertRecipient.OUT_OF_HOURS
    assert not duty_alert.in_office_hours
    messages = list(duty_alert.messages.order_by("pk"))
    # No email to the adviser out of hours: they see it in their work tray at work.
    assert [(m.channel, m.status) for m in messages] == [("sms", "failed"), ("email", "failed")]
    assert messages[0].failure == "No mobile number is set for the out-of-hours service"


def test_whether_each_message_left_is_recorded_and_audited(young_person) -> None:
    duty_alert = DutyAlertFactory(young_person=young_person, messages=False)
    message = DutyAlertMessage.objects.create(
        duty_alert=duty_alert,
        channel="sms",
        recipient=DutyAlertRecipient.OUT_OF_HOURS,
        recipient_name="Out-of-hours team",
        to="07700900999",
    )
    sent = duty_services.duty_alert_message_record(
        acting_user=None, message=message, notify_id="abc-123"
    )
    assert (sent.status, sent.notify_id) == ("sent", "abc-123")
    failed = duty_services.duty_alert_message_record(
        acting_user=None, message=message, failure="Notify refused it"
    )
    assert (failed.status, failed.failure) == ("failed", "Notify refused it")
    events = AuditEvent.objects.filter(subject_type="casework.DutyAlert").order_by("pk")
    assert [event.detail["event"] for event in events] == [
        "duty_alert_message_sent",
        "duty_alert_message_failed",
    ]


def test_closing_a_duty_alert_once_is_enough(young_person, manager) -> None:
    duty_alert = DutyAlertFactory(young_person=young_person)
    closed = duty_services.duty_alert_close(acting_user=manager, duty_alert=duty_alert)
    assert closed.closed_by == manager
    again = duty_services.duty_alert_close(acting_user=manager, duty_alert=duty_alert)
    assert again.closed_at == closed.closed_at
    assert AuditEvent.objects.filter(detail__event="duty_alert_closed").count() == 1
    assert closed.closed_at <= timezone.now()
