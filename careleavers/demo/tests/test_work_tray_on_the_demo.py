"""The work tray of every app together, on a seeded council: the promises kinds make about
their items hold for real data, not only for each app's own fixtures, and the stored items
(casework/stored_work.py) give the same trays as asking each kind."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.models import StoredWorkDay, StoredWorkItem, StoredWorkPending
from careleavers.casework.stored_work import stored_kinds
from careleavers.casework.work_tray import TEAM, scopes_for, work_tray_for, work_tray_kinds

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_council() -> None:
    call_command("seed_demo", "--young-people", "120", "--seed", "7", stdout=StringIO())


def _trays_stored_and_asked() -> Iterator[list[Any]]:
    """For every member of staff, each view they have and "overdue only" or not: the tray read
    from the stored items must be exactly the tray built by asking each kind (same items, same
    order, same worker named). Yields each tray as asked, for the caller to count."""
    staff = User.objects.filter(is_active=True).exclude(groups__name=Role.YOUNG_PERSON)
    for user in staff:
        for scope in scopes_for(user):
            for only_overdue in (False, True):
                StoredWorkDay.objects.update(set_aside=False)
                stored = work_tray_for(user=user, scope=scope, only_overdue=only_overdue)
                StoredWorkDay.objects.update(set_aside=True)
                asked = work_tray_for(user=user, scope=scope, only_overdue=only_overdue)
                assert stored == asked, (user.email, scope, only_overdue)
                yield asked


def test_kinds_said_never_overdue_give_no_overdue_item(demo_council: None) -> None:
    """A manager's home page counts the team's overdue work without asking the kinds declared
    `may_be_overdue=False`; each such kind must keep that promise, and the overdue-only tray
    must hold exactly the overdue items of the whole tray."""
    never = {kind.kind for kind in work_tray_kinds if not kind.may_be_overdue}
    managers = User.objects.filter(
        groups__name__in=[Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE]
    ).distinct()
    assert managers.exists()
    seen: set[str] = set()
    overdue_seen = 0
    for manager in managers:
        whole = work_tray_for(user=manager, scope=TEAM)
        seen |= {item.kind for item in whole}
        assert not [item for item in whole if item.kind in never and item.overdue]
        overdue = [item for item in whole if item.overdue]
        overdue_seen += len(overdue)
        assert work_tray_for(user=manager, scope=TEAM, only_overdue=True) == overdue
    # The council holds items of several never-overdue kinds and some overdue work, so both
    # checks above were made on real items.
    assert len(seen & never) >= 4, sorted(seen & never)
    assert overdue_seen > 0


def test_the_kinds_that_depend_only_on_the_record_are_stored() -> None:
    assert {kind.kind for kind in stored_kinds()} == {
        "contact_due",
        "category_decision",
        "assessment",
        "review",
        "pep_due",
        "referral_overdue",
        "transition_plan_needed",
        "accommodation_suitability",
        "staying_close_review",
        "staying_put_ending",
        "care_history_check",
    }


def test_every_workers_tray_from_stored_items_is_the_tray_the_kinds_give(
    demo_council: None,
) -> None:
    """seed_demo stores everyone's items, as the daily job does. For every member of staff and
    each view they have, the tray read from those stored items must be exactly the tray built by
    asking each kind: same items, same order, same worker named."""
    day = StoredWorkDay.objects.get()
    assert day.day == timezone.localdate()
    assert not day.set_aside
    assert StoredWorkItem.objects.count() == day.items > 0
    compared = sum(len(asked) for asked in _trays_stored_and_asked())
    # Real trays were compared, with items of most stored kinds among them.
    assert compared > 100
    kinds_seen = set(StoredWorkItem.objects.values_list("kind", flat=True))
    assert len(kinds_seen) >= 5, sorted(kinds_seen)


def test_trays_with_young_people_pending_a_refresh_are_the_trays_the_kinds_give(
    demo_council: None,
) -> None:
    """Young people changed since their items were stored are marked pending until the
    background task works them out again; meanwhile a tray asks every stored kind for them.
    Here every third young person with stored items is pending and their stored items are
    wrong (removed), yet every tray is still exactly the tray built by asking each kind."""
    with_items = sorted(set(StoredWorkItem.objects.values_list("young_person_id", flat=True)))
    pending = set(with_items[::3])
    assert len(pending) > 10
    kinds_stored = {kind.kind for kind in stored_kinds()}
    StoredWorkItem.objects.filter(young_person_id__in=pending).delete()
    StoredWorkPending.objects.bulk_create(
        StoredWorkPending(young_person_id=pk, marked_at=timezone.now()) for pk in pending
    )
    compared = sum(
        item.kind in kinds_stored
        and item.young_person is not None
        and item.young_person.pk in pending
        for asked in _trays_stored_and_asked()
        for item in asked
    )
    # Stored kinds' items of pending young people were among those compared.
    assert compared > 10
