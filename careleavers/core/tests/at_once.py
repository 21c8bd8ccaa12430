"""Running service calls at the same moment, for tests of row locks on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connections

from careleavers.core.concurrency import StaleEdit


def at_once(*calls: Callable[[], object]) -> list[str]:
    """Run the calls in threads released together; each answers "done" or why it was not
    ("stale" or "refused"), in the order they finished."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            call()
            result = "done"
        except StaleEdit:
            result = "stale"
        except ValidationError:
            result = "refused"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
