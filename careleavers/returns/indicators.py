"""The DfE's "in touch" as an insight indicator (registered with insight's registry in this
app's registrations.py): care leavers in the 903 OC3 cohort whose 17th to 21st birthday fell
in the 12 months up to the day, and whether the return says they were in touch around it.

The cohort and IN_TOUCH are the return's own decisions (`selectors.birthday_in_touch`, which
asks what the export asks), worked out in Python over plain values: the figure reads them once
per scope and the lists filter young people by the ids found, so the drill-down always has the
numerator's rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from careleavers.casework.models import Allocation
from careleavers.insight.indicators import (
    PERCENT,
    YOUNG_PEOPLE,
    Breakdown,
    Figure,
    Indicator,
    Scope,
)
from careleavers.insight.measures.base import aged, current_on
from careleavers.returns import selectors

IN_TOUCH = "YES"


def _in_touch_by_person(scope: Scope) -> dict[int, str]:
    # Ages 16 to 22 by the dates of birth is wider than needed: the return's own rules then
    # decide who had their 17th to 21st birthday in the year, 29 February included.
    ids = scope.young_people.filter(aged(scope.on, 16, 22)).values_list("pk", flat=True)
    return selectors.birthday_in_touch(list(ids), on=scope.on)


def _split(scope: Scope) -> tuple[list[int], list[int]]:
    """(in touch, not in touch) among the cohort."""
    found = _in_touch_by_person(scope)
    hits = [pk for pk, value in found.items() if value == IN_TOUCH]
    misses = [pk for pk, value in found.items() if value != IN_TOUCH]
    return hits, misses


def _figure(hits: int, cohort: int) -> Figure:
    return Figure(numerator=hits, denominator=cohort)


def compute(scope: Scope) -> Figure:
    hits, misses = _split(scope)
    return _figure(len(hits), len(hits) + len(misses))


def _listed(scope: Scope, ids: list[int]) -> QuerySet[Any]:
    return (
        scope.young_people.filter(pk__any=ids)
        .select_related("team")
        .order_by("last_name", "first_name", "pk")
    )


def members(scope: Scope) -> QuerySet[Any]:
    return _listed(scope, _split(scope)[0])


def exceptions(scope: Scope) -> QuerySet[Any]:
    return _listed(scope, _split(scope)[1])


def breakdown(scope: Scope) -> Breakdown:
    """The figure with each team's (the young person's team now) and each worker's (young
    people allocated to them on the day), as the other people measures count them."""
    found = _in_touch_by_person(scope)
    ids = list(found)
    teams: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for pk, team_id in scope.young_people.filter(pk__any=ids).values_list("pk", "team_id"):
        if team_id is not None:
            teams[team_id][0] += found[pk] == IN_TOUCH
            teams[team_id][1] += 1
    workers: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    allocated = (
        Allocation.objects.filter(current_on(scope.on), young_person_id__any=ids)
        .values_list("worker_id", "young_person_id")
        .distinct()
    )
    for worker_id, pk in allocated:
        workers[worker_id][0] += found[pk] == IN_TOUCH
        workers[worker_id][1] += 1
    hits = sum(value == IN_TOUCH for value in found.values())
    return Breakdown(
        whole=_figure(hits, len(found)),
        teams={key: _figure(*counts) for key, counts in teams.items()},
        workers={key: _figure(*counts) for key, counts in workers.items()},
    )


IN_TOUCH_AROUND_BIRTHDAY = Indicator(
    key="in_touch_dfe",
    title="Care leavers in touch around their birthday (DfE definition)",
    area="relationships",
    numerator="Care leavers in the SSDA903 OC3 cohort whose 17th to 21st birthday fell in the "
    "12 months up to the day and whom the return says were in touch (IN_TOUCH YES): a contact "
    "made from 3 months before to 1 month after the birthday, not refusing contact, not "
    "saying they no longer need support, and not living back at home for 6 months or more "
    "(docs/data/ssda903.md sections 2 and 3; careleavers/returns/ssda903.py).",
    denominator="Those care leavers: looked after for at least 13 weeks that began after their "
    "14th birthday and ended after their 16th, as the 903 counts them, leaving out those still "
    "looked after, those who died in care, those whose care moved to another council, and 17 "
    "and 18 year olds who left care on or after that birthday (validator rules 1000, 1001, "
    "1007, 1011, 1016). A young person in a return imported for that year counts as returned.",
    source="Care episodes, contacts, keeping-in-touch statuses, dates of death and periods "
    "living at home, read as the SSDA903 export reads them.",
    period="Birthdays in the 12 months up to the day, with contacts made by the day: a "
    "birthday in the last month can still be reached.",
    unit=PERCENT,
    compute=compute,
    members=members,
    exceptions=exceptions,
    breakdown=breakdown,
    members_kind=YOUNG_PEOPLE,
    benchmark_measure="CareLeavers_LA_NotInTouch",
    benchmark_complement=True,
    benchmark_note="The DfE publishes the share not in touch (IN_TOUCH NO) for 19 to 21 year "
    "olds with a birthday in the year to 31 March; the comparison shown is 100% less that "
    "figure, which also counts those who refused contact, no longer need support, died or went "
    "home. Ours counts only those in touch, ages 17 to 21, in a rolling 12 months.",
    order=11,
)


INDICATORS = (IN_TOUCH_AROUND_BIRTHDAY,)
