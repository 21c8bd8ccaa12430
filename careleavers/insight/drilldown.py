"""Arranging a drill-down list so a manager can act on it: each row's young person and their
personal adviser, sorted by any column the database holds and narrowed by the adviser's name.

A list of young people also shows when each was last in touch and seen and when a visit is next
due, sorts by any of those and narrows to overdue visits (`YOUNG_PEOPLE`). A list of records
about young people (referrals, housing applications, PEPs, payments, or rows an indicator gives
its own `columns`) names the young person and their personal adviser beside the record's own
columns (`records`). It keeps the order its indicator lists it in until a heading is chosen, and
is narrowed by adviser only: where such a record can be late (a referral past its service's
target wait, say), being late is what the indicator itself counts, so no second due date is made
up here. A column worked out in Python (a PEP's term) is not sortable: its heading is no link.

The sorting and narrowing happen in the database, so they hold across pages and in the
spreadsheet, and the page costs the same queries however long the list is. Every choice comes
from the query string (a GET form and plain links), so it works without JavaScript and a
sorted, narrowed list can be bookmarked or sent to a colleague. Anything in it that is not one
of the list's own choices is ignored, leaving the plain list.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import (
    CharField,
    Exists,
    F,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Concat
from django.http import QueryDict

from careleavers.casework.models import Allocation, WorkerRole
from careleavers.insight.indicators import Column
from careleavers.people.models import YoungPerson

# Query-string values. "none" narrows to those with no personal adviser.
NO_ADVISER = "none"
# A typed adviser's name is cut to this length: longer than any name, and short enough that the
# address stays readable.
ADVISER_NAME_LENGTH = 80
ASCENDING, DESCENDING = "asc", "desc"


@dataclass(frozen=True)
class SortColumn:
    label: str
    # Database order for ascending; descending reverses each part. Unknown values (never seen,
    # no visit due, not completed) go last either way, so they never hide the rows that need
    # action.
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
# A record list's sort before any heading is chosen: the order its indicator gives.
OWN_ORDER = ""


@dataclass(frozen=True)
class ListKind:
    """What one kind of list can be sorted and narrowed by."""

    sorts: Mapping[str, SortColumn]
    # The sort when none is chosen; OWN_ORDER keeps the order the indicator lists rows in.
    default_sort: str
    # How a row reaches its young person: "pk" when the rows are young people, the foreign
    # key's name ("young_person") when they are records about one, "" when they are about
    # nobody (so there is no adviser to narrow by).
    person: str
    # Whether the rows carry the next visit due date, so the list narrows to overdue visits.
    visits: bool = False


YOUNG_PEOPLE = ListKind(sorts=SORTS, default_sort=DEFAULT_SORT, person="pk", visits=True)


def person_field(model: type[Model]) -> str:
    """How a row of `model` reaches the young person it is about (see `ListKind.person`)."""
    if model is YoungPerson:
        return "pk"
    try:
        field = model._meta.get_field("young_person")
    except FieldDoesNotExist:
        return ""
    return "young_person" if field.related_model is YoungPerson else ""


def records(columns: Sequence[Column], *, person: str) -> ListKind:
    """A list of records with these columns after the young person's name and adviser (when
    the records are about a young person). Only the columns the database holds sort."""
    sorts: dict[str, SortColumn] = {}
    if person:
        prefix = "" if person == "pk" else f"{person}__"
        sorts["name"] = SortColumn("Name", (f"{prefix}last_name", f"{prefix}first_name"))
        sorts["adviser"] = SortColumn("Personal adviser", ("adviser_name",))
    for column in columns:
        if column.sort:
            sorts.setdefault(column.key, SortColumn(column.label, column.sort))
    return ListKind(sorts=sorts, default_sort=OWN_ORDER, person=person)


def kind_for(model: type[Model], columns: Sequence[Column] | None) -> ListKind | None:
    """The kind of a list of `model` rows, given the record's columns (presenters.
    record_columns; None for the default columns of its kind of row). None for a list about
    nobody with no columns of its own (staff, posts): it keeps its order, unarranged."""
    if columns is not None:
        return records(columns, person=person_field(model))
    return YOUNG_PEOPLE if model is YoungPerson else None


@dataclass(frozen=True)
class Arrangement:
    """How the viewer asked to see the list, and what kind of list it is."""

    sort: str = DEFAULT_SORT
    descending: bool = False
    # "", NO_ADVISER, or an adviser's id. Links and bookmarks made before the name was typed
    # still carry an id; the filter form sends NO_ADVISER as its "no_adviser" box.
    adviser: str = ""
    # All or part of the personal adviser's name, as typed (spaces tidied).
    adviser_name: str = ""
    overdue_only: bool = False
    kind: ListKind = YOUNG_PEOPLE

    @classmethod
    def from_query(cls, query: QueryDict, kind: ListKind = YOUNG_PEOPLE) -> Arrangement:
        """Read from the query string; anything unknown falls back to the plain list rather
        than failing, as these come from links people bookmark and edit."""
        sort = query.get("sort", "")
        if sort not in kind.sorts:
            sort = kind.default_sort
        adviser = query.get("adviser", "")
        if query.get("no_adviser") in ("yes", "on"):
            adviser = NO_ADVISER
        if not kind.person or (adviser != NO_ADVISER and not adviser.isdigit()):
            adviser = ""
        adviser_name = " ".join(query.get("adviser_name", "").split())[:ADVISER_NAME_LENGTH]
        return cls(
            sort=sort,
            # The indicator's own order has no other way round.
            descending=sort != OWN_ORDER and query.get("order") == DESCENDING,
            adviser=adviser,
            adviser_name=adviser_name if kind.person else "",
            # "on" is what the filter form's box sends; "yes" is what links write.
            overdue_only=kind.visits and query.get("overdue") in ("yes", "on"),
            kind=kind,
        )

    @property
    def narrowed(self) -> bool:
        return bool(self.adviser or self.adviser_name) or self.overdue_only

    def sort_params(self) -> dict[str, str]:
        """The query-string parameters that give this sort (the default left out): what the
        filter form carries in hidden fields."""
        params: dict[str, str] = {}
        if self.sort != self.kind.default_sort:
            params["sort"] = self.sort
        if self.descending:
            params["order"] = DESCENDING
        return params

    def params(self) -> dict[str, str]:
        """The query-string parameters that give this arrangement (defaults left out)."""
        params = self.sort_params()
        if self.adviser:
            params["adviser"] = self.adviser
        if self.adviser_name:
            params["adviser_name"] = self.adviser_name
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


def _current_adviser(person: str = "pk") -> QuerySet[Allocation]:
    return Allocation.objects.filter(
        young_person=OuterRef(person), role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
    ).order_by("-start", "-pk")


def with_adviser(rows: QuerySet[Any], person: str = "pk") -> QuerySet[Any]:
    """Each row with its young person's `adviser_name` (empty when they have none), in the same
    query."""
    full_name = Concat(
        "worker__first_name", Value(" "), "worker__last_name", output_field=CharField()
    )
    name = _current_adviser(person).annotate(name=full_name)
    return rows.annotate(adviser_name=Subquery(name.values("name")[:1]))


def _own_order(rows: QuerySet[Any]) -> list[Any]:
    """The order the indicator gave the list, then the primary key."""
    return [*(rows.query.order_by or rows.model._meta.ordering), "pk"]


def arrange(rows: QuerySet[Any], arrangement: Arrangement, *, on: datetime.date) -> QuerySet[Any]:
    """Narrow and sort the list as asked. Always ends with the primary key, so pages never
    overlap or skip anyone when many share a value (the same adviser, no visit due)."""
    person = arrangement.kind.person
    if person:
        rows = with_adviser(rows, person)
        if person != "pk":
            # Each row names its young person: joined here, not fetched row by row.
            rows = rows.select_related(person)
    if arrangement.adviser == NO_ADVISER:
        rows = rows.exclude(Exists(_current_adviser(person)))
    elif arrangement.adviser:
        chosen = _current_adviser(person).filter(worker_id=int(arrangement.adviser))
        rows = rows.filter(Exists(chosen))
    if arrangement.adviser_name and person:
        # On the name the list shows, so what is typed matches what is read.
        rows = rows.filter(adviser_name__icontains=arrangement.adviser_name)
    if arrangement.overdue_only:
        rows = rows.filter(next_contact_due__lt=on)
    if arrangement.sort == OWN_ORDER:
        return rows.order_by(*_own_order(rows))
    order = []
    for field in arrangement.kind.sorts[arrangement.sort].fields:
        descending = arrangement.descending != field.startswith("-")
        expression = F(field.lstrip("-"))
        order.append(
            expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
        )
    return rows.order_by(*order, "pk")


def overdue_days(young_person: YoungPerson, on: datetime.date) -> int:
    due = young_person.next_contact_due
    return max(0, (on - due).days) if due else 0
