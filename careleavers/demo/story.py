"""The one story the demo council tells about its work on the day it is seeded.

It is a decent council: most work is done on time, a minority is late, and nothing is late by
much. Every seeder that leaves work undone follows the same rule, and the demo's tests hold
every work-tray item to it:

- no work-tray item is overdue by more than OVERDUE_LIMIT_DAYS (about two months) on the day
  the demo is seeded: older work was done, late if need be (a past term's PEP, an oversight
  entry's review, a case audit's action, a transition plan);
- work is left undone only if it fell due within that limit, and then only for a minority
  (`left_undone`).

Referrals waiting on another service are that service's delay, not the council's; they are
chased and escalated, and held to the same limit beyond the service's own target.
"""

from __future__ import annotations

import datetime
import random

OVERDUE_LIMIT_DAYS = 60
# Decisions waiting for a manager (a payment to approve) are recent: a request older than this
# was decided.
DECISION_WAIT_DAYS = 10


def recent(due: datetime.date, today: datetime.date) -> bool:
    """Whether work due on `due` may still be undone today without breaking the story."""
    return (today - due).days <= OVERDUE_LIMIT_DAYS


def left_undone(
    rng: random.Random, due: datetime.date, today: datetime.date, share: float
) -> bool:
    """Whether a piece of work due by today is still to do: never if it fell due more than
    OVERDUE_LIMIT_DAYS ago, otherwise for `share` of them. Always draws once, so the choices
    that follow do not depend on the dates."""
    draw = rng.random()
    return due <= today and recent(due, today) and draw < share


def done_late(rng: random.Random, due: datetime.date, today: datetime.date) -> datetime.date:
    """The day late work was done: up to a month after it was due, and before today."""
    return min(
        today - datetime.timedelta(days=1), due + datetime.timedelta(days=rng.randint(1, 30))
    )
