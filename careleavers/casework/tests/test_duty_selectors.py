"""Who is on duty at a moment: the duty worker on the rota in office hours, the out-of-hours
service at every other time and whenever nobody is on the rota."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework import duty_selectors
from careleavers.casework.models import DutyAlertRecipient, DutyPolicy
from careleavers.casework.tests.factories import DutyRotaEntryFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 14)
SATURDAY = datetime.date(2026, 12, 12)
CHRISTMAS_DAY = datetime.date(2026, 12, 25)  # a Friday


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def out_of_hours() -> DutyPolicy:
    policy = DutyPolicy.current()
    policy.out_of_hours_name = "Emergency duty team"
    policy.out_of_hours_mobile = "07700900999"
    policy.out_of_hours_email = "edt@council.example"
    policy.save()
    return policy


@pytest.fixture
def sam(make_user: Any) -> Any:
    return make_user(Role.DUTY_WORKER, first_name="Sam", last_name="Patel")


def test_a_weekday_at_ten_reaches_the_duty_worker_on_the_rota(out_of_hours, sam) -> None:
    DutyRotaEntryFactory(on=MONDAY, worker=sam, mobile="07700900456")
    on_duty = duty_selectors.on_duty_at(moment=at(MONDAY, 10))
    assert on_duty.is_duty_worker
    assert on_duty.in_office_hours
    assert on_duty.worker == sam
    assert (on_duty.name, on_duty.mobile, on_duty.email) == ("Sam Patel", "07700900456", sam.email)
    assert not on_duty.nobody_on_rota


def test_at_five_exactly_the_out_of_hours_service_takes_over(out_of_hours, sam) -> None:
    DutyRotaEntryFactory(on=MONDAY, worker=sam)
    assert duty_selectors.on_duty_at(moment=at(MONDAY, 16, 59)).worker == sam
    on_duty = duty_selectors.on_duty_at(moment=at(MONDAY, 17))
    assert on_duty.sent_to == DutyAlertRecipient.OUT_OF_HOURS
    assert not on_duty.in_office_hours
    assert (on_duty.name, on_duty.mobile, on_duty.email) == (
        "Emergency duty team",
        "07700900999",
        "edt@council.example",
    )
    assert not on_duty.nobody_on_rota


def test_saturday_at_three_in_the_morning_is_the_out_of_hours_service(out_of_hours) -> None:
    on_duty = duty_selectors.on_duty_at(moment=at(SATURDAY, 3))
    assert on_duty.sent_to == DutyAlertRecipient.OUT_OF_HOURS
    assert on_duty.name == "Emergency duty team"
    assert not on_duty.in_office_hours


def test_a_bank_holiday_is_out_of_hours_even_with_someone_on_the_rota(out_of_hours, sam) -> None:
    DutyRotaEntryFactory(on=CHRISTMAS_DAY, worker=sam)
    assert duty_selectors.on_duty_at(moment=at(CHRISTMAS_DAY, 10)).name == "Emergency duty team"
    out_of_hours.closed_on_bank_holidays = False
    out_of_hours.save()
    assert duty_selectors.on_duty_at(moment=at(CHRISTMAS_DAY, 10)).worker == sam


def test_nobody_on_the_rota_in_office_hours_falls_back_and_says_so(out_of_hours) -> None:
    on_duty = duty_selectors.on_duty_at(moment=at(MONDAY, 10))
    assert on_duty.sent_to == DutyAlertRecipient.OUT_OF_HOURS
    assert on_duty.in_office_hours
    assert on_duty.nobody_on_rota
    assert on_duty.mobile == "07700900999"


def test_only_the_part_of_the_day_someone_is_on_duty_counts(out_of_hours, sam, make_user) -> None:
    alex = make_user(Role.PERSONAL_ADVISER, first_name="Alex", last_name="Brown")
    DutyRotaEntryFactory(on=MONDAY, worker=sam, ends=datetime.time(13, 0))
    DutyRotaEntryFactory(on=MONDAY, worker=alex, starts=datetime.time(13, 0))
    assert duty_selectors.on_duty_at(moment=at(MONDAY, 12, 59)).worker == sam
    assert duty_selectors.on_duty_at(moment=at(MONDAY, 13)).worker == alex


def test_someone_whose_account_was_closed_is_not_on_duty(out_of_hours, sam) -> None:
    DutyRotaEntryFactory(on=MONDAY, worker=sam)
    sam.is_active = False
    sam.save()
    assert duty_selectors.on_duty_at(moment=at(MONDAY, 10)).nobody_on_rota


def test_the_council_sets_its_own_office_hours(out_of_hours, sam) -> None:
    out_of_hours.office_closes = datetime.time(16, 30)
    out_of_hours.save()
    DutyRotaEntryFactory(on=MONDAY, worker=sam)
    assert not duty_selectors.on_duty_at(moment=at(MONDAY, 16, 45)).in_office_hours


def test_the_out_of_hours_texts_start_at_the_out_of_hours_phone_when_it_is_a_mobile(
    settings: Any,
) -> None:
    settings.BRANDING = {**settings.BRANDING, "out_of_hours_phone": "07700 900 111"}
    assert DutyPolicy.current().out_of_hours_mobile == "07700900111"


def test_a_landline_out_of_hours_phone_cannot_take_texts(settings: Any) -> None:
    settings.BRANDING = {**settings.BRANDING, "out_of_hours_phone": "01274 000 999"}
    assert DutyPolicy.current().out_of_hours_mobile == ""


def test_the_rota_week_marks_weekends_and_bank_holidays(out_of_hours, sam) -> None:
    christmas_week = duty_selectors.week_start(CHRISTMAS_DAY)
    DutyRotaEntryFactory(on=christmas_week, worker=sam)
    days = duty_selectors.rota_week(starting=christmas_week)
    assert [day.on.weekday() for day in days] == list(range(7))
    assert [entry.worker for entry in days[0].entries] == [sam]
    assert days[0].is_office_day
    assert days[4].closed_because == "Christmas Day"
    assert days[5].closed_because == "Not an office day"


def test_the_rota_week_costs_a_fixed_number_of_queries(
    out_of_hours, sam, django_assert_num_queries
) -> None:
    for offset in range(5):
        DutyRotaEntryFactory(on=MONDAY + datetime.timedelta(days=offset), worker=sam)
    with django_assert_num_queries(2):  # the policy and the week's entries
        duty_selectors.rota_week(starting=MONDAY)


def test_only_active_staff_who_take_duty_can_be_on_the_rota(make_user, sam) -> None:
    make_user(Role.DUTY_WORKER, is_active=False)
    make_user(Role.AUDITOR)
    make_user(Role.YOUNG_PERSON)
    make_user(
        Role.DUTY_WORKER, access_expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    adviser = make_user(Role.PERSONAL_ADVISER)
    assert set(duty_selectors.rota_workers()) == {sam, adviser}
