"""The young person's overview page is built from panels that apps register.

Casework registers who works with them and what is due; later capabilities (accommodation,
activity, plans, health) register theirs, so the overview grows without edits to the people app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careleavers.core.registry import Registry


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


# By order, then key. The people app registers empty states as fallbacks
# (`register(panel, fallback=True)`); the app that owns a panel's key (accommodation, say)
# replaces its empty state whatever the order of INSTALLED_APPS.
overview_panels: Registry[OverviewPanel] = Registry(
    "overview panels", key=lambda panel: panel.key, order=lambda panel: panel.order
)
