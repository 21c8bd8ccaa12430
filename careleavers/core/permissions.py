"""Asking a permission rule, and the permission check for pages that are not about one young
person (lists, reports, settings). Pages about a young person use the people app's
`record_page` instead.

Every check asks the rule itself (django-rules' `has_perm`), never `user.has_perm`: that answers
yes to every superuser, and administrators (superusers for the Django admin) manage accounts
and reference data, not cases.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from rules import has_perm

View = Callable[..., HttpResponseBase]


def can(user: Any, permission: str, obj: Any = None) -> bool:
    """Whether an active, signed-in user holds `permission` (on `obj`), by its rule."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and has_perm(permission, user, obj)
    )


def require(user: Any, permission: str, obj: Any = None) -> None:
    """Refuse (403) unless `can(user, permission, obj)`: the check inside a page or service,
    once what it is about has been loaded."""
    if not can(user, permission, obj):
        raise PermissionDenied


def permitted(permission: str) -> Callable[[Any], bool]:
    """`can(user, permission)` as a test of the user alone: who sees a navigation or home
    page link."""

    def allowed(user: Any) -> bool:
        return can(user, permission)

    allowed.__qualname__ = f"permitted({permission!r})"
    return allowed


def rule_required(permission: str) -> Callable[[View], View]:
    """Refuse (403) anyone without `permission`.

    Like rules' `permission_required(..., raise_exception=True)`, but it asks the rule itself:
    `user.has_perm` answers yes to every superuser, and administrators (superusers for the
    Django admin) must not see young people's records.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            require(request.user, permission)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
