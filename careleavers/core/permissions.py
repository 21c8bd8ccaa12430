"""The permission check for pages that are not about one young person (lists, reports,
settings). Pages about a young person use the people app's `record_page` instead.
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


def rule_required(permission: str) -> Callable[[View], View]:
    """Refuse (403) anyone without `permission`.

    Like rules' `permission_required(..., raise_exception=True)`, but it asks the rule itself:
    `user.has_perm` answers yes to every superuser, and administrators (superusers for the
    Django admin) must not see young people's records.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not has_perm(permission, request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
