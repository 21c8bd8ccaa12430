"""The chronology: everything recorded about a young person, newest first, filterable by kind.

Each app registers a source that returns its entries for one young person; the chronology page
merges them. A source costs a fixed number of queries whatever the number of entries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careleavers.core.registry import Registry


@dataclass(frozen=True)
class ChronologyEntry:
    when: datetime.datetime | datetime.date
    kind: str  # a key from the source, e.g. "contact"
    kind_label: str  # e.g. "Contact"
    title: str
    summary: str = ""
    by: str = ""
    url: str = ""

    @property
    def sort_key(self) -> datetime.datetime:
        if isinstance(self.when, datetime.datetime):
            return self.when.replace(tzinfo=None)
        return datetime.datetime.combine(self.when, datetime.time.max)


def written_by(user: Any) -> str:
    """Who recorded an entry, as the chronology names them: their full name, or the email of an
    account with no name; nothing when no one is recorded."""
    return (user.get_full_name() or user.email) if user is not None else ""


@dataclass(frozen=True)
class ChronologySource:
    kind: str
    label: str
    entries: Callable[..., list[ChronologyEntry]]  # (young_person=..., user=...) -> entries


chronology_sources: Registry[ChronologySource] = Registry(
    "chronology sources", key=lambda source: source.kind, order=lambda source: source.label
)


def sources() -> list[ChronologySource]:
    return chronology_sources.items()


def chronology_for(
    *, young_person: Any, user: Any, kinds: set[str] | None = None
) -> list[ChronologyEntry]:
    entries: list[ChronologyEntry] = []
    for source in sources():
        if kinds and source.kind not in kinds:
            continue
        entries.extend(source.entries(young_person=young_person, user=user))
    return sorted(entries, key=lambda entry: entry.sort_key, reverse=True)
