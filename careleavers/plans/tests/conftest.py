"""The personal adviser in the test team whom most plans tests need."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.accounts.roles import Role


@pytest.fixture
def adviser(make_user: Any, team: Any) -> Any:
    return make_user(Role.PERSONAL_ADVISER, team=team)
