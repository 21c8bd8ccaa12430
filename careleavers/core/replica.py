"""Send the heavy reads of dashboards and exports to a read replica, when one is configured.

Only code that asks for it reads from the replica: `with reads_from_replica():` around an export,
or `@replica_reads` on a dashboard view. Everything else, and every write, uses the primary, so a
worker never sees their own change missing because the replica is a second behind. Without
DATABASE_REPLICA_URL the router changes nothing.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import connections

REPLICA = "replica"

_replica_wanted: ContextVar[bool] = ContextVar("replica_wanted", default=False)

F = TypeVar("F", bound=Callable[..., Any])


def replica_configured() -> bool:
    return REPLICA in connections.settings


@contextlib.contextmanager
def reads_from_replica() -> Iterator[None]:
    token = _replica_wanted.set(True)
    try:
        yield
    finally:
        _replica_wanted.reset(token)


def replica_reads(view: F) -> F:
    """Decorate a read-only view (a dashboard, an export) so its queries use the replica."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with reads_from_replica():
            return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if _replica_wanted.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows as the primary, so objects read from either may relate.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # A replica follows the primary through PostgreSQL replication; never migrate it directly.
        return db != REPLICA
