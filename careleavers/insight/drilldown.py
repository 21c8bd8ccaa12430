"""Arranging a drill-down list of young people so a manager can act on it: who their personal
adviser is, when they were last seen and when a visit is next due, sorted by any of those and
narrowed to one adviser or to overdue visits.

The sorting and narrowing happen in the database, so they hold across pages and in the
spreadsheet, and the page costs the same queries however long the list is. Every choice comes
from the query string (a GET form and plain links), so it works without JavaScript and a
sorted, narrowed list can be bookmarked or sent to a colleague.

Lists of other records (referrals, housing applications, payments) keep their own columns and
order: they are about the record, not the young person's casework.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import CharField, Exists, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Concat
from django.http import QueryDict

from careleavers.casework.models import Allocation, WorkerRole
from careleavers.people.models import YoungPerson

# Query-string values. "none" narrows to those with no personal adviser.
NO_ADVISER = "none"
ASCENDING, DESCENDING = "asc", "desc"


@dataclass(frozen=True)
class SortColumn:
    label: str
    # Database order for ascending; descending reverses each part. Unknown dates (never seen,
    # no visit due) go last either way, so they never hide the rows that need action.
    fields: tuple[str, ...]


SORTS: Mapping[str, SortColumn] = {
    "name": SortColumn("Name", ("last_name", "first_name")),
    "age": SortColumn("Age", ("-date_of_birth",)),
    "team": SortColumn("Team", ("team__name",)),
    "adviser": SortColumn("Personal adviser", ("adviser_name",)),
    "last_contact": SortColumn("Last contact", ("last_contact_on",)),
    # A visit is a contact in which they were seen; the next visit falls due from it.
    "last_visit": SortColumn("Last visit", ("last_visit_on",)),
    "next_due": SortColumn("Next visit due", ("next_contact_due",)),
}
DEFAULT_SORT = "name"


@dataclass(frozen=True)
class Arrangement:
    """How the viewer asked to see the list."""

    sort: str = DEFAULT_SORT
    descending: bool = False
    adviser: str = ""  # "", NO_ADVISER, or an adviser's id
    overdue_only: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> Arrangement:
        """Read from the query string; anything unknown falls back to the plain list rather
        than failing, as these come from links people bookmark and edit."""
        sort = query.get("sort", DEFAULT_SORT)
        adviser = query.get("adviser", "")
        if adviser != NO_ADVISER and not adviser.isdigit():
            adviser = ""
        return cls(
            sort=sort if sort in SORTS else DEFAULT_SORT,
            descending=query.get("order") == DESCENDING,
            adviser=adviser,
            # "on" is what the filter form's box sends; "yes" is what links write.
            overdue_only=query.get("overdue") in ("yes", "on"),
        )

    @property
    def narrowed(self) -> bool:
        return bool(self.adviser) or self.overdue_only

    def params(self) -> dict[str, str]:
        """The query-string parameters that give this arrangement (defaults left out)."""
        params: dict[str, str] = {}
        if self.sort != DEFAULT_SORT:
            params["sort"] = self.sort
        if self.descending:
            params["order"] = DESCENDING
        if self.adviser:
            params["adviser"] = self.adviser
        if self.overdue_only:
            params["overdue"] = "yes"
        return params

    def sorted_by(self, key: str) -> Arrangement:
        """The arrangement a column heading's link gives: by that column, ascending, or the
        other way round when it is already the sort."""
        if key == self.sort:
            return replace(self, descending=not self.descending)
        return replace(self, sort=key, descending=False)

    def aria_sort(self, key: str) -> str:
        if key != self.sort:
            return "none"
        return "descending" if self.descending else "ascending"


def _current_adviser() -> QuerySet[Allocation]:
    return Allocation.objects.filter(
        young_person=OuterRef("pk"), role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
    ).order_by("-start", "-pk")


def with_adviser(rows: QuerySet[YoungPerson]) -> QuerySet[YoungPerson]:
    """Each young person with `adviser_name` (empty when they have none), in the same query."""
    full_name = Concat(
        "worker__first_name", Value(" "), "worker__last_name", output_field=CharField()
    )
    name = _current_adviser().annotate(name=full_name)
    return rows.annotate(adviser_name=Subquery(name.values("name")[:1]))


def arrange(
    rows: QuerySet[YoungPerson], arrangement: Arrangement, *, on: datetime.date
) -> QuerySet[YoungPerson]:
    """Narrow and sort the list as asked. Always ends with the primary key, so pages never
    overlap or skip anyone when many share a value (the same adviser, no visit due)."""
    rows = with_adviser(rows)
    if arrangement.adviser == NO_ADVISER:
        rows = rows.exclude(Exists(_current_adviser()))
    elif arrangement.adviser:
        rows = rows.filter(Exists(_current_adviser().filter(worker_id=int(arrangement.adviser))))
    if arrangement.overdue_only:
        rows = rows.filter(next_contact_due__lt=on)
    order = []
    for field in SORTS[arrangement.sort].fields:
        descending = arrangement.descending != field.startswith("-")
        expression = F(field.lstrip("-"))
        order.append(
            expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
        )
    return rows.order_by(*order, "pk")


def adviser_choices(rows: QuerySet[YoungPerson]) -> list[tuple[str, str]]:
    """The personal advisers of the young people in the whole (unnarrowed) list, by name, for
    the "Personal adviser" filter (1 query)."""
    advisers = (
        Allocation.objects.filter(
            young_person__in=rows.order_by().values("pk"),
            role=WorkerRole.PERSONAL_ADVISER,
            end__isnull=True,
        )
        .values_list("worker_id", "worker__first_name", "worker__last_name")
        .distinct()
    )
    named = sorted(
        (f"{first} {last}".strip(), str(worker_id)) for worker_id, first, last in advisers
    )
    return [("", "Everyone"), (NO_ADVISER, "No personal adviser")] + [
        (worker_id, name) for name, worker_id in named
    ]


def is_young_people(rows: QuerySet[Any]) -> bool:
    return rows.model is YoungPerson


def overdue_days(young_person: YoungPerson, on: datetime.date) -> int:
    due = young_person.next_contact_due
    return max(0, (on - due).days) if due else 0
