"""The young person's overview page is built from panels that apps register.

Casework registers who works with them and what is due; later capabilities (accommodation,
activity, plans, health) register theirs, so the overview grows without edits to the people app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OverviewPanel:
    key: str
    template: str
    # Returns the panel's context for one young person as seen by one user. The overview
    # renders `template` with that context plus `young_person` (and the request's context).
    context: Callable[..., dict[str, Any]]
    order: int = 100
    # "main" panels fill the wide column, "side" panels the narrow one.
    column: str = "main"


_panels: dict[str, OverviewPanel] = {}


def register_panel(panel: OverviewPanel) -> None:
    """Add a panel, replacing any registered under the same key."""
    _panels[panel.key] = panel


def register_default_panel(panel: OverviewPanel) -> None:
    """Add a panel only if no app has registered one under its key: a placeholder (an empty
    state) that the owning app replaces, whichever app's ready() runs first."""
    _panels.setdefault(panel.key, panel)


def panels() -> list[OverviewPanel]:
    return sorted(_panels.values(), key=lambda panel: panel.order)
