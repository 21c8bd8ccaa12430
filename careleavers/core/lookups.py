"""`__any`: membership in a long list of ids, as one parameter.

`young_person_id__in=ids` with the tens of thousands of ids of a return or an export sends one
parameter per id, and PostgreSQL took about 0.8 s to read each such query at 100,000 young
people (benchmarks/README). `young_person_id__any=ids` sends them as one array, `= ANY(%s)`,
which takes a fraction of that. Other databases get the ordinary IN list. Work that must not
hold everything at once (a transaction, a lock, memory) goes through the ids in `id_batches`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Field
from django.db.models.fields.related import ForeignObject
from django.db.models.lookups import In


def id_batches(ids: Iterable[int], size: int = 2000) -> Iterator[list[int]]:
    """The distinct ids in order, `size` at a time."""
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


class AnyOf(In):
    lookup_name = "any"

    def get_prep_lookup(self) -> Any:
        # Ids need no preparing, and preparing each of a hundred thousand one by one took a
        # noticeable part of an export.
        if isinstance(self.rhs, list | tuple) and all(type(value) is int for value in self.rhs):
            return self.rhs
        return super().get_prep_lookup()

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [value for value in self.rhs if value is not None]
        if all(type(value) is int for value in values):
            # Ids go as one array literal, which the driver passes on as it is, rather than as
            # a list it converts item by item.
            literal = "{" + ",".join(map(str, values)) + "}"
            return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, literal]
        return f"{lhs} = ANY(%s)", [*lhs_params, values]


def register() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)
