"""Start-up checks of core's extension points: a hook that must have a provider fails
`manage.py check` (and every management command and the server) when none is installed,
instead of a page failing, or quietly showing nothing, later."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core import checks

from careleavers.core.registry import Registry


def required_registries_filled(
    app_configs: Any = None,
    registries: Iterable[Registry[Any]] | None = None,
    **kwargs: Any,
) -> list[checks.CheckMessage]:
    return [
        checks.Error(
            f"Nothing provides {registry.name}.",
            hint=registry.hint or None,
            obj=registry,
            id="core.E201",
        )
        for registry in (Registry.every if registries is None else registries)
        if registry.required and not len(registry)
    ]
