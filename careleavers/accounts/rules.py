"""Role predicates, the building blocks of every permission in the service."""

from __future__ import annotations

from typing import Any

import rules

from careleavers.accounts.roles import Role


def has_role(*roles: Role) -> rules.Predicate:
    names = tuple(str(role) for role in roles)

    @rules.predicate(name=f"has_role({', '.join(names)})")
    def predicate(user: Any) -> bool:
        return bool(user.is_authenticated and user.has_role(*names))

    return predicate


@rules.predicate
def is_staff_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_staff_member)


is_administrator = has_role(Role.ADMINISTRATOR)
is_manager = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)
is_head_of_service = has_role(Role.HEAD_OF_SERVICE)
is_inspector = has_role(Role.INSPECTOR)
is_young_person = has_role(Role.YOUNG_PERSON)

rules.add_perm("accounts.view_staff_home", is_staff_member)
