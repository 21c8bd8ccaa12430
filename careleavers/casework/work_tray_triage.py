"""Triage a work tray: narrow it to one kind of work, one worker or what is overdue or due this
week, count what each choice would show, and fold a kind with many routine items into one row
that opens the tray narrowed to that kind.

Pure functions over the items `work_tray_for` built: no queries. The tray's counts ("Plans to
authorise (9)") need every item of the scope, so the items are built once (a fixed number of
queries, whatever the filters) and narrowed here; building them again per filter would cost
more than it saves.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from careleavers.casework.work_tray import WorkItem

OVERDUE = "overdue"
THIS_WEEK = "week"
# "Due this week" on the tray and on the home page: overdue items are counted apart.
WEEK = datetime.timedelta(days=7)
# A kind with more routine items than this, in a tray not narrowed to one kind, shows as one row.
GROUP_OVER = 15
# The worker filter's value for items nobody is allocated to.
NOT_ALLOCATED = "-"


def worker_key(item: WorkItem) -> str:
    return item.worker_name or NOT_ALLOCATED


def due_this_week(item: WorkItem, today: datetime.date) -> bool:
    return not item.overdue and item.due is not None and item.due <= today + WEEK


@dataclass(frozen=True)
class TrayFilter:
    """What the tray is narrowed to; an empty field means no narrowing by it."""

    kind: str = ""
    worker: str = ""
    due: str = ""

    def __bool__(self) -> bool:
        return bool(self.kind or self.worker or self.due)

    def without(self, field: str) -> TrayFilter:
        return replace(self, **{field: ""})

    def matches(self, item: WorkItem, today: datetime.date) -> bool:
        if self.kind and item.kind != self.kind:
            return False
        if self.worker and worker_key(item) != self.worker:
            return False
        if self.due == OVERDUE:
            return item.overdue
        if self.due == THIS_WEEK:
            return due_this_week(item, today)
        return True

    def chosen(self, items: Iterable[WorkItem], today: datetime.date) -> list[WorkItem]:
        return [item for item in items if self.matches(item, today)]

    def query(self, scope: str, **changes: str) -> str:
        """The tray's query string for this filter with `changes`, keeping whose work it is."""
        values = {"show": scope, "kind": self.kind, "worker": self.worker, "due": self.due}
        values.update(changes)
        return "?" + urlencode({key: value for key, value in values.items() if value})


@dataclass(frozen=True)
class TrayCounts:
    """How many items each choice of each filter would show, given the other filters."""

    kinds: Counter[str]
    workers: Counter[str]
    due: Counter[str]
    everything: int


def counts(items: Sequence[WorkItem], chosen: TrayFilter, today: datetime.date) -> TrayCounts:
    by_kind = chosen.without("kind").chosen(items, today)
    by_worker = chosen.without("worker").chosen(items, today)
    by_due = chosen.without("due").chosen(items, today)
    return TrayCounts(
        kinds=Counter(item.kind for item in by_kind),
        workers=Counter(worker_key(item) for item in by_worker),
        due=Counter(
            OVERDUE if item.overdue else THIS_WEEK if due_this_week(item, today) else ""
            for item in by_due
        ),
        everything=len(items),
    )


@dataclass(frozen=True)
class ItemGroup:
    """Many routine items of one kind, shown as one row where the first of them would be."""

    kind: str
    count: int
    overdue: int


def with_groups(
    items: Sequence[WorkItem], *, grouping: bool, routine: frozenset[str] | set[str]
) -> list[WorkItem | ItemGroup]:
    """The items in their order, with each routine kind that has more than GROUP_OVER
    non-urgent items folded into one group row. Urgent items are never folded away."""
    if not grouping:
        return list(items)
    foldable = Counter(item.kind for item in items if item.kind in routine and not item.urgent)
    folded = {kind for kind, count in foldable.items() if count > GROUP_OVER}
    overdue = Counter(
        item.kind for item in items if item.kind in folded and item.overdue and not item.urgent
    )
    rows: list[WorkItem | ItemGroup] = []
    placed: set[str] = set()
    for item in items:
        if item.kind not in folded or item.urgent:
            rows.append(item)
        elif item.kind not in placed:
            placed.add(item.kind)
            rows.append(
                ItemGroup(kind=item.kind, count=foldable[item.kind], overdue=overdue[item.kind])
            )
    return rows
