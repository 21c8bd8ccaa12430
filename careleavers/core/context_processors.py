"""Values every page template needs: the council's branding and the navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from careleavers.core.navigation import navigation_for
from careleavers.core.request_context import kept_for_the_read


def branding(request: HttpRequest) -> dict[str, Any]:
    return {"branding": settings.BRANDING}


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Worked out when a template first reads it, and once per page that only reads: a page
    that renders its panels as templates of their own runs this for each (a young person's
    overview, twelve times), and the panels never show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {
        "nav_items": SimpleLazyObject(
            # Kept for the user it was made for: signing in changes request.user halfway.
            lambda: kept_for_the_read(
                ("navigation", user.pk, request.path),
                lambda: navigation_for(user=user, current_path=request.path),
            )
        )
    }
