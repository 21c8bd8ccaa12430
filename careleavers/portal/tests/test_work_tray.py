"""What young people ask for reaches workers' trays: "I don't feel safe" at once, urgent, for
their adviser and the duty worker; other requests for their adviser until marked done."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.casework.work_tray import work_tray_for
from careleavers.portal import services

pytestmark = pytest.mark.django_db


def test_not_feeling_safe_reaches_the_advisers_and_the_duty_workers_trays_as_urgent(
    people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.not_safe_raise(
            acting_user=people.user, young_person=people.young_person, text="I am scared"
        )
    for worker in (people.adviser, people.duty):
        tray = work_tray_for(user=worker)
        urgent = [item for item in tray if item.urgent]
        assert urgent, f"nothing urgent in {worker}'s tray"
        assert tray[0].urgent  # urgent items come first
        assert any("not feel safe" in item.title.lower() for item in urgent)
        assert all(item.young_person == people.young_person for item in urgent)
    # The adviser also has the request itself, urgent, until someone marks it done.
    adviser_kinds = {item.kind for item in work_tray_for(user=people.adviser) if item.urgent}
    assert {"notification", "portal_request"} <= adviser_kinds


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
