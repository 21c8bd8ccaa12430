"""Values every page template needs: the council's branding and the navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from careleavers.core.navigation import navigation_for


def branding(request: HttpRequest) -> dict[str, Any]:
    return {"branding": settings.BRANDING}


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Worked out when a template first reads it, once per request: a page that renders its
    panels as templates of their own runs this for each (a young person's overview, twelve
    times), and the panels never show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": SimpleLazyObject(lambda: _navigation_once(request, user))}


def _navigation_once(request: HttpRequest, user: Any) -> list[dict[str, Any]]:
    kept = getattr(request, "_navigation", None)
    # Kept for the user it was made for: signing in changes request.user halfway.
    if kept is None or kept[0] != user.pk:
        kept = (user.pk, navigation_for(user=user, current_path=request.path))
        request._navigation = kept  # type: ignore[attr-defined]
    return kept[1]
