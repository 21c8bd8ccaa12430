"""The groups of staff roles the apps' permissions name (core/staff_groups.py)."""

from __future__ import annotations

from careleavers.accounts.roles import CASEWORKER_ROLES, MANAGER_ROLES, STAFF_ROLES, Role
from careleavers.core.staff_groups import CASEWORKERS, MANAGERS, OVERSIGHT


def test_caseworkers_and_managers_are_the_accounts_groups():
    assert set(CASEWORKERS) == CASEWORKER_ROLES
    assert set(MANAGERS) == MANAGER_ROLES


def test_oversight_is_the_staff_who_read_without_working_cases():
    assert OVERSIGHT == (Role.PERFORMANCE_ANALYST, Role.AUDITOR, Role.INSPECTOR)


def test_no_role_is_in_two_groups_and_every_role_is_staff():
    roles = [*CASEWORKERS, *MANAGERS, *OVERSIGHT]
    assert len(roles) == len(set(roles))
    assert set(roles) <= STAFF_ROLES
