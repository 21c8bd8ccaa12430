"""Values every page template needs: the council's branding and the navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from careleavers.core.navigation import navigation_for


def branding(request: HttpRequest) -> dict[str, Any]:
    return {"branding": settings.BRANDING}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": navigation_for(user=user, current_path=request.path)}
