"""What other capabilities hear when something on a young person's record changes that they
work from.

A support choice (a former relevant young person aged 21 to 25 saying they no longer want a
personal adviser, or asking for one again) changes whether visits are due, which casework
works out. People sits below casework and cannot call it, so casework registers a listener
from its `AppConfig.ready()`:

    from careleavers.people.hooks import register_change_listener

    def refresh_visits(*, young_person, what, today):
        contact_due_refresh(young_person=young_person, today=today)

    register_change_listener("casework.contact_due", refresh_visits)

Listeners run inside the service's transaction, so a failure undoes the change too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

ChangeListener = Callable[..., None]

_listeners: dict[str, ChangeListener] = {}


def register_change_listener(name: str, listener: ChangeListener) -> None:
    """Register (or replace, by name) a function called after a change to a record."""
    _listeners[name] = listener


def unregister_change_listener(name: str) -> None:
    """For tests."""
    _listeners.pop(name, None)


def announce_change(*, young_person: Any, what: str, today: datetime.date) -> None:
    """Call every listener, in name order."""
    for name in sorted(_listeners):
        _listeners[name](young_person=young_person, what=what, today=today)
