"""Page through a list sorted by team first, reading only the teams a page covers.

The management oversight report lists the young people without recent oversight in team
order, and its team table already counts them for each team. From those counts a page knows
which teams it covers and where in the first of them it starts, so it reads those teams' young
people alone (their team's index) rather than sorting everyone the user can see: at 100,000
young people that sort cost 250 ms a page, and Django's paginator counted them again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from django.db.models import Q, QuerySet


class TeamOrderedPages(Sequence[Any]):
    """A list for Django's Paginator: `rows` must be sorted by team first, in the order of
    `team_counts` ((team id or None, how many rows that team has), in that order). Read it a
    page (a slice) at a time: each read is one query."""

    def __init__(self, rows: QuerySet[Any], team_counts: Sequence[tuple[int | None, int]]):
        self.rows = rows
        self.team_counts = [(team_id, count) for team_id, count in team_counts if count]

    def __len__(self) -> int:
        return sum(count for _, count in self.team_counts)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            if not 0 <= index < len(self):
                raise IndexError(index)
            return self[index : index + 1][0]
        if index.step is not None or (index.start or 0) < 0 or (index.stop or 0) < 0:
            raise TypeError("Read a page (a slice from the start, without a step) of this list.")
        bottom = index.start or 0
        top = len(self) if index.stop is None else index.stop
        teams: list[int | None] = []
        before = 0  # rows of the teams ahead of the first team on this page
        seen = 0
        for team_id, count in self.team_counts:
            if seen + count > bottom and seen < top:
                if not teams:
                    before = seen
                teams.append(team_id)
            seen += count
        if not teams or top <= bottom:
            return []
        return list(self.rows.filter(_in_teams(teams))[bottom - before : top - before])


def _in_teams(team_ids: list[int | None]) -> Q:
    condition = Q(team_id__in=[pk for pk in team_ids if pk is not None])
    if None in team_ids:
        condition |= Q(team_id__isnull=True)
    return condition
