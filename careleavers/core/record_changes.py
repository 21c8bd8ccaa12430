"""Tell the apps that keep something worked out from young people's records that those records
changed, once the change has committed.

Every service writes its audit event in the same transaction as the change it makes, naming the
young person (core/audit.py). So the audit log already knows, for each transaction, whose
records it changed: `audit_record` notes each young person here, and when the transaction
commits each registered handler is called once with all of them. A transaction that rolls back
calls nobody, and a young person changed twice in one transaction is passed once. A change that
names no young person (a council-wide setting, a team, a worker) is passed as `beyond_records`,
as it may move anyone's work.

Handlers register in their app's `registrations.py`; the registry is required, so a service
started without the handler that keeps the stored work items (casework) fails its system check
rather than running with work trays that silently stop following the records:

    @record_change_handlers.register
    def stored_work_items_follow(changes: CommittedChanges) -> None: ...
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from careleavers.core.registry import Registry

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CommittedChanges:
    young_person_ids: frozenset[int]
    beyond_records: bool = False


RecordChangeHandler = Callable[[CommittedChanges], None]

record_change_handlers: Registry[RecordChangeHandler] = Registry(
    "handlers of committed changes to young people's records",
    key=lambda handler: f"{handler.__module__}.{handler.__qualname__}",
    required=True,
    hint="casework registers the refresh of the stored work items in its registrations.py.",
)


class _ChangedInThisTransaction:
    """Whose records one transaction changed. Its `tell_handlers` is the transaction's on-commit
    callback, kept in Django's own list of them, so it is dropped with a rolled-back
    transaction and a later transaction starts with a new one."""

    def __init__(self) -> None:
        self.young_person_ids: set[int] = set()
        self.beyond_records = False

    def tell_handlers(self) -> None:
        changes = CommittedChanges(frozenset(self.young_person_ids), self.beyond_records)
        for handler in record_change_handlers:
            handler(changes)


def record_changed(young_person_id: int | None) -> None:
    """Note that the current transaction changed this young person's records (None: something
    that is not one young person's record, such as an import's own event)."""
    if young_person_id is None:
        _note(lambda pending: setattr(pending, "beyond_records", True))
    else:
        _note(lambda pending: pending.young_person_ids.add(young_person_id))


def _note(change: Callable[[_ChangedInThisTransaction], None]) -> None:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        # Autocommit: the change is already committed, so the handlers hear of it now.
        pending = _ChangedInThisTransaction()
        change(pending)
        _tell_handlers(pending)
        return
    # Django keeps (savepoint ids, callback, robust) for each on-commit callback.
    for _savepoints, callback, _robust in connection.run_on_commit:
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, _ChangedInThisTransaction):
            change(owner)
            return
    pending = _ChangedInThisTransaction()
    change(pending)
    # Robust: the change has committed by then, so a handler that fails is logged and must not
    # turn the saved change into an error page (the daily job puts its work right).
    transaction.on_commit(pending.tell_handlers, robust=True)


def _tell_handlers(pending: _ChangedInThisTransaction) -> None:
    try:
        pending.tell_handlers()
    except Exception:
        logger.exception("A handler of committed changes to young people's records failed")
