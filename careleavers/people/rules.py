"""Object permissions for young people's records. They agree with the visibility selector."""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.people.selectors import can_see_young_person


@rules.predicate
def can_view_record(user: Any, young_person: Any) -> bool:
    if young_person is None:
        return False
    return can_see_young_person(user=user, young_person=young_person)


# Inspectors, auditors and analysts read; the people who work the case write.
is_case_writer = has_role(
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DUTY_WORKER,
)

rules.add_perm("people.view_youngperson", can_view_record)
rules.add_perm("people.change_youngperson", can_view_record & is_case_writer)
rules.add_perm("people.add_youngperson", is_case_writer)
rules.add_perm(
    "people.search_youngperson",
    has_role(*[r for r in Role if r not in (Role.YOUNG_PERSON, Role.ADMINISTRATOR)]),
)
# Restricting a record, and changing who may open it, is a manager's decision; they must be
# able to see the record themselves.
rules.add_perm(
    "people.restrict_youngperson",
    can_view_record & has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE),
)
