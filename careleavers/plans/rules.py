"""Who may read, write, authorise and share pathway plans.

Record-level checks are built on the people app's `can_view_record`, so they agree with the
visibility selector: personal advisers and social workers in the young person's team (or
allocated to them) write plans; team managers and the head of service write and authorise;
inspectors, auditors, analysts and duty workers read. Young people and administrators see no
staff pages.
"""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.people.rules import can_view_record

is_plan_writer = has_role(
    Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE
)
is_plan_authoriser = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)


def _young_person_of(thing: Any) -> Any:
    """Plans, assessments and reviews all belong to a young person; so does a young person."""
    return getattr(thing, "young_person", thing)


@rules.predicate
def can_view_young_person_of(user: Any, thing: Any) -> bool:
    return thing is not None and can_view_record(user, _young_person_of(thing))


# Object: a young person, or anything of theirs (plan, assessment, review).
rules.add_perm("plans.view_plans", can_view_young_person_of)
rules.add_perm("plans.change_plans", can_view_young_person_of & is_plan_writer)
rules.add_perm("plans.authorise_plan", can_view_young_person_of & is_plan_authoriser)
# The manager's view: plans waiting, returned and overdue across the teams they oversee.
rules.add_perm("plans.view_manager_view", is_plan_authoriser)
