"""What other capabilities hear when a young person moves.

A move (a new current stay) changes what is due elsewhere: the pathway plan review (plans app;
local practice, docs/law/pathway-plans-reviews-visits.md) and the 7-day visit (casework's contact
standard, which reads accommodation through `contact_due.py` and is refreshed by the stay
service itself). Apps that care register a listener from their `registrations.py`:

    from careleavers.accommodation.hooks import AccommodationMove, MoveListener, move_listeners

    def review_on_move(*, acting_user, young_person, move: AccommodationMove) -> str:
        request = plan_review_request(
            acting_user=acting_user, young_person=young_person,
            reason=ReviewReason.ACCOMMODATION_CHANGED, requested_on=move.moved_on,
        )
        return f"A pathway plan review is now due by {format_date(request.due)}."

    move_listeners.register(MoveListener("plans.review", review_on_move))

Listeners run inside the stay service's transaction, so a failure undoes the move too and no
move is left without its consequences. A listener may return a sentence for the worker (shown
after saving), or None.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careleavers.accounts.models import User
from careleavers.core.registry import Registry


@dataclass(frozen=True)
class AccommodationMove:
    young_person_id: int
    stay_id: int
    moved_on: datetime.date
    accom_type: str
    council_provided: bool
    previous_stay_id: int | None


@dataclass(frozen=True)
class MoveListener:
    """A function called, by name order, on every move:
    `listen(acting_user=..., young_person=..., move=...)`, returning a sentence or None."""

    name: str
    listen: Callable[..., str | None]


move_listeners: Registry[MoveListener] = Registry(
    "accommodation move listeners", key=lambda listener: listener.name
)


def announce_move(*, acting_user: User, young_person: Any, move: AccommodationMove) -> list[str]:
    """Call every listener, in name order; return what they said for the worker."""
    said = []
    for listener in move_listeners:
        message = listener.listen(acting_user=acting_user, young_person=young_person, move=move)
        if message:
            said.append(message)
    return said
