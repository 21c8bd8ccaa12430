"""Who works with a young person now: the question behind who may see their record.

Allocations are casework's (`casework.models.Allocation`), but the people app decides who may
see a record (`selectors.young_people_visible_to`) and who stays named when a record is
restricted (`services.record_restrict`). People sits below casework and does not import it, so
casework provides the answers here from its `registrations.py`; without them the service does
not start (`core.E201`), rather than every worker silently seeing no allocated young people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class CurrentAllocations:
    # The young people a worker is allocated to now, leaving out restricted records, as a
    # `values("young_person_id")` query to use inside another (one query for a whole list).
    young_person_ids_of: Callable[[Any], QuerySet[Any]]
    # The workers allocated to one young person now.
    workers_of: Callable[[Any], list[Any]]


current_allocations: Registry[CurrentAllocations] = Registry(
    "who is allocated to whom (people.allocations)",
    key=lambda _provider: "current allocations",
    required=True,
    hint="The casework app registers it in its registrations.py; is it installed?",
)


def allocated_young_person_ids(worker: Any) -> QuerySet[Any]:
    return current_allocations.only().young_person_ids_of(worker)


def allocated_workers(young_person: Any) -> list[Any]:
    return current_allocations.only().workers_of(young_person)
