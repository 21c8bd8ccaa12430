"""The duty rota pages, the office hours page, and the staff page for a young person's "I do not
feel safe", with a banner on it and on the duty log when a message could not be sent."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.casework.models import DutyPolicy, DutyRotaEntry
from careleavers.casework.tests.factories import (
    AllocationFactory,
    DutyAlertFactory,
    DutyRotaEntryFactory,
)
from careleavers.core.tests.audit_log import view_logged
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 14)
MONDAY_TEN = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def manager(make_user: Any) -> Any:
    return make_user(Role.TEAM_MANAGER)


@pytest.fixture
def sam(make_user: Any) -> Any:
    return make_user(Role.DUTY_WORKER, first_name="Sam", last_name="Patel", phone="07700900456")


@time_machine.travel(MONDAY_TEN, tick=False)
def test_the_rota_shows_who_is_on_duty_now_and_the_gaps(client_for, sam) -> None:
    DutyRotaEntryFactory(on=MONDAY, worker=sam, ends=datetime.time(13, 0), mobile="07700900456")
    page = client_for(Role.DUTY_WORKER).get(reverse("casework:duty_rota")).content.decode()
    assert "Sam Patel is the duty worker now until 13:00." in page
    # The mobile in groups, as people read it; the link dials the digits.
    assert '<a class="govuk-link" href="tel:07700900456">07700 900 456</a>' in page
    assert "13:00 to 17:00: urgent messages go to the out-of-hours service" in page
    assert "Saturday 19 December 2026" in page
    assert "Not an office day: the office is closed" in page
    # A duty worker reads the rota; only managers change it.
    assert reverse("casework:duty_rota_add") not in page


@time_machine.travel(MONDAY_TEN, tick=False)
def test_the_rota_warns_when_the_out_of_hours_service_cannot_get_texts(
    client_for, settings
) -> None:
    settings.BRANDING = {**settings.BRANDING, "out_of_hours_phone": "01274 000 999"}
    page = client_for(Role.TEAM_MANAGER).get(reverse("casework:duty_rota")).content.decode()
    assert "Urgent texts cannot reach the out-of-hours service: set its mobile number." in page
    assert "Nobody is on the duty rota now, although the office is open" in page


@time_machine.travel(MONDAY_TEN, tick=False)
def test_a_manager_puts_someone_on_duty(client_for, manager, sam) -> None:
    client = client_for(user=manager)
    add = reverse("casework:duty_rota_add") + "?on=2026-12-15"
    form = client.get(add).content.decode()
    assert 'value="15"' in form  # the day asked for
    assert 'value="09"' in form  # the office's opening hour
    response = client.post(
        add,
        {
            "on-day": "15",
            "on-month": "12",
            "on-year": "2026",
            "starts-hour": "09",
            "starts-minute": "00",
            "ends-hour": "17",
            "ends-minute": "00",
            "worker": sam.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?week=2026-12-14")
    entry = DutyRotaEntry.objects.get()
    assert (entry.on, entry.worker, entry.mobile) == (
        datetime.date(2026, 12, 15),
        sam,
        "07700900456",
    )


@time_machine.travel(MONDAY_TEN, tick=False)
def test_a_clash_on_the_rota_is_shown_next_to_the_field_and_saves_nothing(
    client_for, manager, sam
) -> None:
    DutyRotaEntryFactory(on=MONDAY, worker=sam)
    other = client_for(user=manager)
    response = other.post(
        reverse("casework:duty_rota_add"),
        {
            "on-day": "14",
            "on-month": "12",
            "on-year": "2026",
            "starts-hour": "12",
            "starts-minute": "00",
            "ends-hour": "17",
            "ends-minute": "00",
            "worker": manager.pk,
            "mobile": "07700900111",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Sam Patel is on duty from 09:00 to 17:00 that day" in page
    assert DutyRotaEntry.objects.count() == 1


@time_machine.travel(MONDAY_TEN, tick=False)
def test_removing_someone_from_the_rota_asks_first(client_for, manager, sam) -> None:
    entry = DutyRotaEntryFactory(on=MONDAY, worker=sam)
    client = client_for(user=manager)
    url = reverse("casework:duty_rota_remove", kwargs={"pk": entry.pk})
    assert "Take Sam Patel off the rota?" in client.get(url).content.decode()
    assert DutyRotaEntry.objects.exists()
    assert client.post(url).status_code == 302
    assert not DutyRotaEntry.objects.exists()


# The settings form filled in but for the out-of-hours mobile number.
OFFICE_HOURS = {
    "office_days": ["0", "1", "2", "3", "4"],
    "office_opens-hour": "08",
    "office_opens-minute": "30",
    "office_closes-hour": "16",
    "office_closes-minute": "30",
    "closed_on_bank_holidays": "yes",
    "out_of_hours_name": "Emergency duty team",
    "out_of_hours_email": "edt@council.example",
}


def test_a_manager_sets_the_office_hours_and_where_texts_go_out_of_hours(
    client_for, manager
) -> None:
    client = client_for(user=manager)
    url = reverse("casework:duty_settings")
    assert "Office hours and the out-of-hours service" in client.get(url).content.decode()
    response = client.post(url, {**OFFICE_HOURS, "out_of_hours_mobile": "01274 000 999"})
    assert "Enter a UK mobile number" in response.content.decode()
    assert DutyPolicy.current().out_of_hours_email == ""
    response = client.post(
        url,
        {
            **OFFICE_HOURS,
            "out_of_hours_mobile": "07700 900 999",
            "answer_within_working_days": "5",
        },
    )
    assert response.status_code == 302
    policy = DutyPolicy.current()
    assert policy.answer_within_working_days == 5
    assert (policy.office_opens, policy.out_of_hours_mobile) == (
        datetime.time(8, 30),
        "07700900999",
    )


def test_the_staff_page_shows_their_number_and_where_they_are_with_a_banner_when_not_sent(
    client_for, make_user
) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER)
    young_person = YoungPersonFactory(first_name="Jade", last_name="Okafor")
    AllocationFactory(young_person=young_person, worker=adviser)
    duty_alert = DutyAlertFactory(young_person=young_person)
    response = client_for(user=adviser).get(
        reverse("casework:duty_alert", kwargs={"pk": duty_alert.pk})
    )
    page = response.content.decode()
    assert 'href="tel:07700900982"' in page
    assert "At my friend&#x27;s flat on Mill Lane" in page
    assert "Someone is outside my flat" in page
    assert "govuk-notification-banner" in page
    assert "No email address is set for the out-of-hours service" in page
    assert "Sent to 07700 900 999" in page
    assert view_logged(young_person, "duty alert")


def test_the_staff_page_is_refused_to_someone_who_cannot_open_the_record(make_user, client_for):
    duty_alert = DutyAlertFactory()
    response = client_for(Role.YOUNG_PERSON).get(
        reverse("casework:duty_alert", kwargs={"pk": duty_alert.pk})
    )
    assert response.status_code == 403


def test_the_duty_log_shows_young_people_not_yet_replied_to(client_for) -> None:
    young_person = YoungPersonFactory(first_name="Jade", last_name="Okafor")
    DutyAlertFactory(young_person=young_person)
    page = client_for(Role.DUTY_WORKER).get(reverse("casework:duty_log")).content.decode()
    assert "A young person says they do not feel safe and nobody has replied to them yet." in page
    assert "Jade Okafor: call them on 07700 900 982" in page
    assert "A message could not be sent." in page
