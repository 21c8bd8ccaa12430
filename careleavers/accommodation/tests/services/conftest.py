"""The workers and young person the accommodation service tests act on."""

from __future__ import annotations

import pytest

from careleavers.accounts.roles import Role
from careleavers.people.tests.factories import YoungPersonFactory


@pytest.fixture
def pa(make_user):
    return make_user(Role.PERSONAL_ADVISER)


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(team=team)
