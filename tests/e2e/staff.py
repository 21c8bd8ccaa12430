"""Staff for the browser tests that conftest.py's `adviser_with_authenticator` does not make."""

from __future__ import annotations

from typing import Any

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from tests.e2e.conftest import TEST_TOTP_SECRET


def manager_with_authenticator(
    team: Any, *, totp_secret: str = TEST_TOTP_SECRET, **fields: Any
) -> Any:
    """A team manager who signs in with `totp_secret` (the test authenticator secret unless a
    test gives its own), recorded as `team`'s manager (the one its work and decisions go to)."""
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team, totp_secret=totp_secret, **fields)
    team.manager = manager
    team.save()
    return manager
