"""The work tray of every app together, on a seeded council: the promises kinds make about
their items hold for real data, not only for each app's own fixtures."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.work_tray import TEAM, work_tray_for, work_tray_kinds

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_council() -> None:
    call_command("seed_demo", "--young-people", "120", "--seed", "7", stdout=StringIO())


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
