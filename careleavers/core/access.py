"""The vocabulary of the URL and role test (careleavers/core/tests/test_url_access.py).

Each app lists every one of its URL names in `<app>/tests/url_access.py` as `CASES`, saying what
each role gets. A URL that no app lists fails the test, so no view can ship unchecked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from careleavers.accounts.roles import Role

ANONYMOUS = "anonymous"
ALL_ROLES: tuple[str, ...] = (ANONYMOUS, *Role.values)
STAFF: tuple[str, ...] = tuple(role for role in Role.values if role != Role.YOUNG_PERSON)

# Beyond one user of each role in the world's team, the test asks as three more people:
# - a superuser as `manage.py createsuperuser` makes one (no roles, the Django admin's flag),
#   who gets what an administrator gets and so never a young person's record;
# - a personal adviser and a team manager of another team, who get what their role gets
#   except on the pages of the world team's young people and their things (`team_record`).
SUPERUSER = "superuser"
OTHER_TEAM: Mapping[str, str] = {
    "other_team_personal_adviser": Role.PERSONAL_ADVISER.value,
    "other_team_team_manager": Role.TEAM_MANAGER.value,
}
EVERYONE: tuple[str, ...] = (*ALL_ROLES, SUPERUSER, *OTHER_TEAM)

# What a request can get.
OK = "ok"  # 200
LOGIN = "login"  # redirected to sign in
REDIRECT = "redirect"  # redirected somewhere other than sign in
FORBIDDEN = "forbidden"  # 403
NOT_FOUND = "not found"  # 404
NOT_ALLOWED = "method not allowed"  # 405


@dataclass(frozen=True)
class UrlCase:
    name: str
    expect: Mapping[str, str]
    # Builds the URL's arguments from the test world (objects made for the test).
    kwargs: Callable[[Any], dict[str, Any]] | None = None
    method: str = "get"
    data: Mapping[str, Any] = field(default_factory=dict)


def expect(
    *,
    allowed: Iterable[str],
    outcome: str = OK,
    others: str = FORBIDDEN,
    anonymous: str = LOGIN,
    team_record: bool = False,
    **overrides: str,
) -> dict[str, str]:
    """Expected outcomes: `outcome` for the allowed roles, `others` for the rest.

    The superuser gets the administrator's answer. Staff of another team get their role's
    answer, except that with `team_record` (a page of one of the world team's young people, or
    of something of theirs) they are refused: they may not open those records.
    """
    allowed = set(allowed)
    result = {
        role: (outcome if role in allowed else others) for role in ALL_ROLES if role != ANONYMOUS
    }
    result[ANONYMOUS] = anonymous
    result.update({key: value for key, value in overrides.items() if key in ALL_ROLES})
    result[SUPERUSER] = result[Role.ADMINISTRATOR]
    for identity, role in OTHER_TEAM.items():
        result[identity] = others if team_record else result[role]
    result.update(overrides)
    return result
