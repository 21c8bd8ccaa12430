"""Reads about young people. Every list of young people goes through `young_people_visible_to`."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from careleavers.accounts.roles import Role
from careleavers.people.models import YoungPerson

# Roles that work across the whole service rather than one team's caseload.
SERVICE_WIDE_ROLES = (
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
    Role.AUDITOR,
    Role.PERFORMANCE_ANALYST,
    Role.INSPECTOR,
)
TEAM_ROLES = (Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


def _visibility_filter(user: Any) -> Q | None:
    """The condition a young person must meet for this user to see them; None for nobody.

    Service-wide roles see everyone; workers and team managers see their team's young people
    and anyone allocated to them (so cover across teams works). A restricted record is seen
    only by the staff named on it, whatever their role. Administrators manage accounts and
    reference data, not cases, so they see no records.
    """
    if not user.is_authenticated or not user.is_staff_member:
        return None
    named = Q(restricted_to=user)
    if user.has_role(*SERVICE_WIDE_ROLES):
        return Q(is_restricted=False) | named
    if not user.has_role(*TEAM_ROLES):
        return None
    from careleavers.casework.models import Allocation

    allocated = Exists(
        Allocation.objects.filter(young_person=OuterRef("pk"), worker=user, end__isnull=True)
    )
    team_ids = {user.team_id} if user.team_id else set()
    if user.has_role(Role.TEAM_MANAGER):
        team_ids |= set(user.managed_teams.values_list("pk", flat=True))
    in_team = Q(team_id__in=team_ids) if team_ids else Q(pk__in=[])
    return ((in_team | allocated) & Q(is_restricted=False)) | named


def young_people_visible_to(*, user: Any) -> QuerySet[YoungPerson]:
    condition = _visibility_filter(user)
    if condition is None:
        return YoungPerson.objects.none()
    # `restricted_to` is a many-to-many join, so the filter can repeat rows; filtering by the
    # primary keys of a subquery keeps one row per young person without DISTINCT on every list.
    matching = YoungPerson.objects.filter(condition).values("pk")
    return YoungPerson.objects.live().filter(pk__in=matching)


def can_see_young_person(*, user: Any, young_person: YoungPerson) -> bool:
    return young_people_visible_to(user=user).filter(pk=young_person.pk).exists()
