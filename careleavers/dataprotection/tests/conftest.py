"""The head of service, who handles subject access requests and decides what is kept."""

from __future__ import annotations

from typing import Any

import pytest

from careleavers.accounts.roles import Role


@pytest.fixture
def head(make_user: Any) -> Any:
    return make_user(Role.HEAD_OF_SERVICE, first_name="Hana", last_name="Head")
