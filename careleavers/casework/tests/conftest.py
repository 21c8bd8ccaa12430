"""Casework tests exercise casework alone: inputs and work tray kinds that other apps register
(accommodation, plans, ...) are set aside for each test and put back after it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from careleavers.accounts.roles import Role
from careleavers.casework import contact_due, work_tray
from careleavers.casework.tests.factories import allocated_to

CASEWORK_KINDS = frozenset(
    {"contact_due", "notification", "category_decision", "no_personal_adviser", "duty_alert"}
)


@pytest.fixture(autouse=True)
def _casework_only() -> Iterator[None]:
    with (
        contact_due.contact_due_inputs.replaced(),
        work_tray.work_tray_kinds.replaced(keep=lambda kind: kind.kind in CASEWORK_KINDS),
    ):
        yield


@pytest.fixture
def adviser(make_user: Any, team: Any) -> Any:
    return make_user(Role.PERSONAL_ADVISER, team=team)


@pytest.fixture
def young_person(team: Any, adviser: Any) -> Any:
    """A young person in the team with the adviser allocated (a test module may define its own)."""
    return allocated_to(adviser, team)
