"""Where the returns find activity, accommodation and status histories.

The OC3 values and the Annex A list need each care leaver's main activity (DfE ACTIV) and
accommodation (DfE ACCOM letter and suitability) over time. Those histories belong to the
learning app (activity episodes) and the accommodation app (stays). Both
offer plain values for many young people at once (`learning.selectors.activity_values_for`,
`accommodation.selectors.stay_facts_for`), which this module reads and turns into `ssda903`
spells; the OC3 rules themselves (the window, the `0` rules) stay in ssda903.oc3_values.

Other sources can be added without touching this app, usually in an AppConfig.ready():

    from careleavers.returns import outcomes

    def activity_spells(young_person_ids):
        # {young person id: [ActivitySpell(start, end, "F2"), ...]}
        ...

    outcomes.register_activity_source(activity_spells)

A source takes a list of young person ids and returns, for those it knows about, plain
`ssda903` values, at a constant number of queries whatever the list's length. Status sources
give IN_TOUCH facts that are not contacts: DIED (with the day of death), REFU or NREQ; none is
recorded anywhere yet, so none is registered. Home spells (living with parents after care, for
RHOM) come from people.HomePeriod. Nothing is ever invented: what no source records is left
out, and the OC3 row says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from django.apps import apps as django_apps

from careleavers.returns.ssda903 import (
    ONE_DAY,
    ZERO,
    AccommodationSpell,
    ActivitySpell,
    StatusSpell,
)

T = TypeVar("T")

ActivitySource = Callable[[Sequence[int]], Mapping[int, Sequence[ActivitySpell]]]
AccommodationSource = Callable[[Sequence[int]], Mapping[int, Sequence[AccommodationSpell]]]
StatusSource = Callable[[Sequence[int]], Mapping[int, Sequence[StatusSpell]]]
PlanDateSource = Callable[[Sequence[int]], Mapping[int, date]]

_activity_sources: list[ActivitySource] = []
_accommodation_sources: list[AccommodationSource] = []
_status_sources: list[StatusSource] = []
_plan_date_sources: list[PlanDateSource] = []


def register_activity_source(source: ActivitySource) -> None:
    if source not in _activity_sources:
        _activity_sources.append(source)


def register_accommodation_source(source: AccommodationSource) -> None:
    if source not in _accommodation_sources:
        _accommodation_sources.append(source)


def register_status_source(source: StatusSource) -> None:
    if source not in _status_sources:
        _status_sources.append(source)


def register_pathway_plan_date_source(source: PlanDateSource) -> None:
    """A source of each young person's latest pathway plan date, replacing the default."""
    if source not in _plan_date_sources:
        _plan_date_sources.append(source)


def _gather(
    sources: Sequence[Callable[[Sequence[int]], Mapping[int, Sequence[T]]]], ids: Sequence[int]
) -> dict[int, list[T]]:
    found: dict[int, list[T]] = {}
    for source in sources:
        for young_person_id, spells in source(ids).items():
            found.setdefault(young_person_id, []).extend(spells)
    return found


def activities_for(ids: Sequence[int]) -> dict[int, list[ActivitySpell]]:
    return _gather([_learning_activities, *_activity_sources], ids)


def accommodations_for(ids: Sequence[int]) -> dict[int, list[AccommodationSpell]]:
    return _gather([_accommodation_stays, *_accommodation_sources], ids)


def _learning_activities(ids: Sequence[int]) -> dict[int, list[ActivitySpell]]:
    """Activity episodes recorded in the learning app, as plain values."""
    if not django_apps.is_installed("careleavers.learning"):
        return {}
    from careleavers.learning.selectors import activity_values_for

    return {
        young_person_id: [
            # The learning app's `end` is the last day of the activity; a spell's is the day
            # after it, as for care episodes.
            ActivitySpell(value.start, value.end + ONE_DAY if value.end else None, value.activ)
            for value in values
            if value.activ != ZERO
        ]
        for young_person_id, values in activity_values_for(list(ids)).items()
    }


def _accommodation_stays(ids: Sequence[int]) -> dict[int, list[AccommodationSpell]]:
    """Accommodation stays recorded in the accommodation app, as plain values."""
    if not django_apps.is_installed("careleavers.accommodation"):
        return {}
    from careleavers.accommodation.selectors import stay_facts_for

    return {
        young_person_id: [
            AccommodationSpell(stay.start, stay.end, stay.accom_type, stay.suitable)
            for stay in stays
        ]
        for young_person_id, stays in stay_facts_for(young_person_ids=list(ids)).items()
    }


def statuses_for(ids: Sequence[int]) -> dict[int, list[StatusSpell]]:
    return _gather(_status_sources, ids)


def pathway_plan_dates_for(ids: Sequence[int]) -> dict[int, date]:
    """The latest pathway plan date of each young person who has one."""
    sources = _plan_date_sources or [_plans_in_force]
    found: dict[int, date] = {}
    for source in sources:
        for young_person_id, day in source(ids).items():
            if young_person_id not in found or day > found[young_person_id]:
                found[young_person_id] = day
    return found


def _plans_in_force(ids: Sequence[int]) -> dict[int, date]:
    """Default: the day the latest authorised pathway plan took effect (plans app)."""
    from django.db.models import Max
    from django.db.models.functions import Coalesce, TruncDate

    from careleavers.plans.models import IN_FORCE_STATES, PathwayPlan

    rows = (
        PathwayPlan.objects.filter(young_person_id__any=ids, state__in=list(IN_FORCE_STATES))
        .values("young_person_id")
        .annotate(latest=Max(Coalesce("effective_from", TruncDate("authorised_at"))))
    )
    return {row["young_person_id"]: row["latest"] for row in rows if row["latest"]}
