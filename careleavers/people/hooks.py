"""What other capabilities hear when something on a young person's record changes that they
work from.

A support choice (a former relevant young person aged 21 to 25 saying they no longer want a
personal adviser, or asking for one again) changes whether visits are due, which casework
works out. People sits below casework and cannot call it, so casework registers a listener
from its `registrations.py`:

    from careleavers.people.hooks import ChangeListener, change_listeners

    def refresh_visits(*, young_person, what, today):
        contact_due_refresh(young_person=young_person, today=today)

    change_listeners.register(ChangeListener("casework.contact_due", refresh_visits))

Listeners run inside the service's transaction, so a failure undoes the change too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class ChangeListener:
    """A function called, by name order, after a change to a record:
    `listen(young_person=..., what=..., today=...)`."""

    name: str
    listen: Callable[..., None]


change_listeners: Registry[ChangeListener] = Registry(
    "record change listeners", key=lambda listener: listener.name
)


def announce_change(*, young_person: Any, what: str, today: datetime.date) -> None:
    """Call every listener, in name order."""
    for listener in change_listeners:
        listener.listen(young_person=young_person, what=what, today=today)
