"""The worker the transitions tests act as (a module may define its own)."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.accounts.roles import Role


@pytest.fixture
def pa(make_user: Any, team: Any) -> Any:
    """A personal adviser in the young person's team."""
    return make_user(Role.PERSONAL_ADVISER, team=team)
