"""`require`: the one way a page or service refuses someone the rule does not allow."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from careleavers.accounts.roles import Role
from careleavers.core.permissions import require

pytestmark = pytest.mark.django_db

SERVICE_FIGURES = "insight.view_service"


def test_someone_the_rule_allows_goes_on(make_user: Any) -> None:
    require(make_user(Role.HEAD_OF_SERVICE), SERVICE_FIGURES)


def test_someone_the_rule_does_not_allow_is_refused(make_user: Any) -> None:
    with pytest.raises(PermissionDenied):
        require(make_user(Role.PERSONAL_ADVISER), SERVICE_FIGURES)


def test_a_superuser_is_refused_what_their_role_does_not_give(make_user: Any) -> None:
    """Administrators are superusers for the Django admin; they must not read the service's
    figures about young people."""
    with pytest.raises(PermissionDenied):
        require(make_user(Role.ADMINISTRATOR, is_superuser=True), SERVICE_FIGURES)


def test_a_closed_account_is_refused_even_where_its_role_would_be_allowed(
    make_user: Any,
) -> None:
    with pytest.raises(PermissionDenied):
        require(make_user(Role.HEAD_OF_SERVICE, is_active=False), SERVICE_FIGURES)


def test_nobody_signed_in_is_refused() -> None:
    with pytest.raises(PermissionDenied):
        require(AnonymousUser(), SERVICE_FIGURES)
