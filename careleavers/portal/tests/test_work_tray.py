"""What young people ask for reaches workers' trays: "I don't feel safe" at once, as one urgent
item with the number to call, for their adviser and the duty worker it went to; other requests
for their adviser until marked done."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from careleavers.casework.tests.factories import DutyRotaEntryFactory
from careleavers.casework.work_tray import work_tray_for
from careleavers.portal import services
from careleavers.portal.tests.conftest import MONDAY_TEN
from careleavers.portal.tests.factories import YoungPersonRequestFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(MONDAY_TEN, tick=False)
def test_not_feeling_safe_is_one_urgent_item_with_their_number_for_each_worker(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    DutyRotaEntryFactory(on=MONDAY_TEN.date(), worker=people.duty)
    with django_capture_on_commit_callbacks(execute=True):
        services.not_safe_raise(
            acting_user=people.user,
            young_person=people.young_person,
            text="I am scared",
            call_on="07700 900 982",
            where="Mill Lane",
        )
    # The adviser, and the duty worker on the rota it was sent to: one urgent item each,
    # first in the tray, with the number to call.
    for worker in (people.adviser, people.duty):
        tray = work_tray_for(user=worker)
        urgent = [item for item in tray if item.urgent]
        assert len(urgent) == 1, f"{worker} has {len(urgent)} urgent items"
        assert tray[0] == urgent[0]
        assert urgent[0].title == "Says they do not feel safe: call them on 07700 900 982"
        assert urgent[0].young_person == people.young_person
        assert "Where they are: Mill Lane." in urgent[0].detail
    # The team manager sees it once in the team's tray.
    team_tray = work_tray_for(user=people.manager, scope="team")
    assert len([item for item in team_tray if item.urgent]) == 1


@time_machine.travel(MONDAY_TEN, tick=False)
def test_not_feeling_safe_without_a_number_puts_the_number_on_their_record_on_the_item(
    people: Any,
) -> None:
    people.young_person.phone = "07700 900 456"
    people.young_person.save(update_fields=["phone"])
    services.not_safe_raise(acting_user=people.user, young_person=people.young_person)
    urgent = [item for item in work_tray_for(user=people.adviser) if item.urgent]
    assert [item.title for item in urgent] == [
        "Says they do not feel safe: call them on 07700 900 456 (the number on their record)"
    ]


@time_machine.travel(MONDAY_TEN, tick=False)
def test_not_feeling_safe_with_no_number_anywhere_says_contact_them_now(people: Any) -> None:
    people.young_person.phone = ""
    people.young_person.save(update_fields=["phone"])
    services.not_safe_raise(acting_user=people.user, young_person=people.young_person)
    urgent = [item for item in work_tray_for(user=people.adviser) if item.urgent]
    assert [item.title for item in urgent] == ["Says they do not feel safe: contact them now"]


def test_an_older_not_feeling_safe_without_a_duty_alert_still_shows(people: Any) -> None:
    # Made before duty alerts existed: it stays in the tray until someone marks it done.
    YoungPersonRequestFactory(young_person=people.young_person, kind="not_safe")
    items = [item for item in work_tray_for(user=people.adviser) if item.urgent]
    assert [item.kind for item in items] == ["portal_request"]


def test_a_request_stays_in_the_advisers_tray_until_done(people: Any) -> None:
    portal_request = services.offer_item_ask(
        acting_user=people.user, young_person=people.young_person, key="leisure_pass"
    )
    items = [item for item in work_tray_for(user=people.adviser) if item.kind == "portal_request"]
    assert [item.title for item in items] == ["Asked for: Free leisure centre pass"]
    assert items[0].url == f"/my/staff/requests/{portal_request.pk}/"
    services.request_mark_done(
        acting_user=people.adviser, portal_request=portal_request, reply="Card is in the post."
    )
    assert not [
        item for item in work_tray_for(user=people.adviser) if item.kind == "portal_request"
    ]
