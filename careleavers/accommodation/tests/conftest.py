"""The worker the accommodation tests act as (the service tests have their own, in services/)."""

from __future__ import annotations

import pytest

from careleavers.accounts.roles import Role


@pytest.fixture
def pa(make_user, team):
    """A personal adviser in the young person's team."""
    return make_user(Role.PERSONAL_ADVISER, team=team)
