"""Who counts as staff, and which young people were a worker's on a day: what both the
dashboards' scopes (selectors.py) and the month-end snapshots (snapshots.py) count by. Kept
apart from both so that neither has to import the other."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, QuerySet

from careleavers.accounts.models import User
from careleavers.accounts.roles import STAFF_ROLES
from careleavers.casework.models import Allocation
from careleavers.insight.measures.base import current_on


def staff_users() -> QuerySet[User]:
    """Active members of staff (every role but young people)."""
    staff_roles = [str(role) for role in STAFF_ROLES]
    return User.objects.filter(is_active=True).filter(
        Exists(
            User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name__in=staff_roles)
        )
    )


def allocated_on(worker_id: int, on: datetime.date) -> Exists:
    """Whether the young person in OuterRef is allocated to the worker on the day."""
    return Exists(
        Allocation.objects.filter(current_on(on), young_person=OuterRef("pk"), worker_id=worker_id)
    )
