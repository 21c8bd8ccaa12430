"""The "seen within the contact standard" indicator agrees with the work tray, including where
a statutory visit falls due before the council's own standard would ask for one."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accommodation.tests.factories import StayFactory
from careleavers.accounts.roles import Role
from careleavers.casework.services import contact_due_refresh
from careleavers.casework.tests.factories import AllocationFactory, ContactFactory, allocated_to
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.tests.days import TODAY
from careleavers.insight.allocations import staff_users
from careleavers.insight.indicators import Scope, indicator
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def _seen_on(young_person: Any, worker: Any, day: datetime.date) -> None:
    ContactFactory(
        young_person=young_person,
        worker=worker,
        occurred_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(11))),
    )


def _counted(on: datetime.date) -> set[int]:
    scope = Scope(on=on, young_people=YoungPerson.objects.live(), staff=staff_users())
    return {row.pk for row in indicator("contacts_within_standard").members(scope)}


def test_a_statutory_visit_overdue_within_the_council_standard_is_not_counted(make_user, team):
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    moved = YoungPersonFactory(team=team, category="relevant")
    settled = YoungPersonFactory(team=team, category="relevant")
    for young_person in (moved, settled):
        AllocationFactory(young_person=young_person, worker=adviser)
        _seen_on(young_person, adviser, _days_ago(20))
    # Moving into accommodation the council provides after the last visit needs a visit within
    # 7 days (Care Leavers (England) Regs 2010 reg 8(2)(a)): 3 days overdue, although the
    # visit 20 days ago is well inside the council's 8 weeks.
    StayFactory(young_person=moved, council_provided=True, start=_days_ago(10))
    for young_person in (moved, settled):
        contact_due_refresh(young_person=young_person, today=TODAY)

    tray = {
        item.young_person.pk: item
        for item in work_tray_for(user=adviser, today=TODAY)
        if item.kind == "contact_due" and item.young_person is not None
    }
    assert tray[moved.pk].overdue
    assert tray[moved.pk].days_overdue == 3
    # The settled young person's next visit is weeks away: not in the tray, and not overdue.
    assert settled.pk not in tray
    assert YoungPerson.objects.get(pk=settled.pk).next_contact_due > TODAY

    assert _counted(TODAY) == {settled.pk}


def test_someone_never_seen_is_not_counted_on_the_day_their_first_visit_is_due(make_user, team):
    adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    young_person = allocated_to(adviser, team, category="eligible")
    contact_due_refresh(young_person=young_person, today=TODAY)

    (item,) = [i for i in work_tray_for(user=adviser, today=TODAY) if i.kind == "contact_due"]
    assert (item.young_person, item.due, item.overdue) == (young_person, TODAY, False)
    assert _counted(TODAY) == set()
