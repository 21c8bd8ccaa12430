"""Where the returns find activity, accommodation and status histories.

The OC3 values and the Annex A list need each care leaver's main activity (DfE ACTIV) and
accommodation (DfE ACCOM letter and suitability) over time. Those histories belong to the
learning app (activity episodes) and the accommodation app (stays). Both
offer plain values for many young people at once (`learning.selectors.activity_values_for`,
`accommodation.selectors.stay_facts_for`), which this module reads and turns into `ssda903`
spells; the OC3 rules themselves (the window, the `0` rules) stay in ssda903.oc3_values.

Each source takes a list of young person ids and returns, for those it knows about, plain
`ssda903` values, at a constant number of queries whatever the list's length. Status sources
give IN_TOUCH facts that are not contacts: DIED from the date of death on the young person's
record (people), REFU and NREQ from the keeping-in-touch statuses workers record (casework).
Home spells (living with parents after care, for RHOM) come from people.HomePeriod, and
motherhood (the header's MOTHER and MC_DOB) from the health record (transitions). Nothing is
ever invented: what no source records is left out, and the return says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial
from typing import NamedTuple, TypeVar

from django.apps import apps as django_apps

from careleavers.returns.ssda903 import (
    ONE_DAY,
    ZERO,
    AccommodationSpell,
    ActivitySpell,
    StatusSpell,
)

T = TypeVar("T")


def _gather(
    sources: Sequence[Callable[[Sequence[int]], Mapping[int, Sequence[T]]]], ids: Sequence[int]
) -> dict[int, list[T]]:
    found: dict[int, list[T]] = {}
    for source in sources:
        for young_person_id, spells in source(ids).items():
            found.setdefault(young_person_id, []).extend(spells)
    return found


def activities_for(
    ids: Sequence[int], *, during: tuple[date, date] | None = None
) -> dict[int, list[ActivitySpell]]:
    """Each young person's activities; with ``during`` (first and last day), only those on some
    day of it."""
    return _gather([partial(_learning_activities, during=during)], ids)


def accommodations_for(
    ids: Sequence[int], *, during: tuple[date, date] | None = None
) -> dict[int, list[AccommodationSpell]]:
    """Each young person's accommodation; with ``during`` (first and last day), only the stays
    covering some day of it."""
    return _gather([partial(_accommodation_stays, during=during)], ids)


def _learning_activities(
    ids: Sequence[int], *, during: tuple[date, date] | None
) -> dict[int, list[ActivitySpell]]:
    """Activity episodes recorded in the learning app, as plain values."""
    if not django_apps.is_installed("careleavers.learning"):
        return {}
    from careleavers.learning.selectors import activity_values_for
    from careleavers.people.models import YoungPerson

    # As a subquery with the ids as one array (`__any`): the ids as a list would be read in
    # chunks of a few thousand placeholders each.
    young_people = YoungPerson.objects.filter(pk__any=list(ids))
    return {
        young_person_id: [
            # The learning app's `end` is the last day of the activity; a spell's is the day
            # after it, as for care episodes.
            ActivitySpell(value.start, value.end + ONE_DAY if value.end else None, value.activ)
            for value in values
            if value.activ != ZERO
        ]
        for young_person_id, values in activity_values_for(young_people, during=during).items()
    }


def _accommodation_stays(
    ids: Sequence[int], *, during: tuple[date, date] | None
) -> dict[int, list[AccommodationSpell]]:
    """Accommodation stays recorded in the accommodation app, as plain values."""
    if not django_apps.is_installed("careleavers.accommodation"):
        return {}
    from careleavers.accommodation.selectors import stay_facts_for

    return {
        young_person_id: [
            AccommodationSpell(stay.start, stay.end, stay.accom_type, stay.suitable)
            for stay in stays
        ]
        for young_person_id, stays in stay_facts_for(
            young_person_ids=list(ids), during=during
        ).items()
    }


def statuses_for(ids: Sequence[int]) -> dict[int, list[StatusSpell]]:
    return _gather([_deaths, _keeping_in_touch], ids)


def _deaths(ids: Sequence[int]) -> dict[int, list[StatusSpell]]:
    """DIED from the date of death on the record (people)."""
    from careleavers.people.models import YoungPerson

    rows = YoungPerson.objects.filter(pk__any=ids, died_on__isnull=False).values_list(
        "pk", "died_on"
    )
    return {pk: [StatusSpell(died_on, None, "DIED")] for pk, died_on in rows}


def _keeping_in_touch(ids: Sequence[int]) -> dict[int, list[StatusSpell]]:
    """REFU and NREQ from the statuses workers record (casework): the status ends the day
    after its last day, as spells do."""
    from careleavers.casework.models import KeepingInTouch

    found: dict[int, list[StatusSpell]] = {}
    rows = KeepingInTouch.objects.filter(young_person_id__any=ids).values_list(
        "young_person_id", "start", "end", "status"
    )
    for young_person_id, start, end, status in rows:
        found.setdefault(young_person_id, []).append(
            StatusSpell(start, end + ONE_DAY if end else None, status)
        )
    return found


class Parenting(NamedTuple):
    """What the health record says about a young person being a parent."""

    is_parent: bool
    first_child_born_on: date | None


def parenting_for(ids: Sequence[int]) -> dict[int, Parenting]:
    """The health record's parenting facts (transitions), for MOTHER and MC_DOB."""
    if not django_apps.is_installed("careleavers.transitions"):
        return {}
    from careleavers.transitions.models import HealthProfile

    rows = HealthProfile.objects.filter(young_person_id__any=ids).values_list(
        "young_person_id", "is_parent", "first_child_born_on"
    )
    return {pk: Parenting(is_parent, born) for pk, is_parent, born in rows}


def pathway_plan_dates_for(ids: Sequence[int]) -> dict[int, date]:
    """The latest pathway plan date of each young person who has one: the day the plan in force
    took effect or the latest review held, whichever is later (Annex A's "latest pathway plan
    review", SSD clea_pathway_plan_review_date: "date pathway plan started or latest review,
    whichever most recent")."""
    sources = [_plans_in_force, _plan_reviews_held]
    found: dict[int, date] = {}
    for source in sources:
        for young_person_id, day in source(ids).items():
            if young_person_id not in found or day > found[young_person_id]:
                found[young_person_id] = day
    return found


def _plans_in_force(ids: Sequence[int]) -> dict[int, date]:
    """The day the latest authorised pathway plan took effect (plans app)."""
    from django.db.models import Max
    from django.db.models.functions import Coalesce, TruncDate

    from careleavers.plans.models import IN_FORCE_STATES, PathwayPlan

    rows = (
        PathwayPlan.objects.filter(young_person_id__any=ids, state__in=list(IN_FORCE_STATES))
        .values("young_person_id")
        .annotate(latest=Max(Coalesce("effective_from", TruncDate("authorised_at"))))
    )
    return {row["young_person_id"]: row["latest"] for row in rows if row["latest"]}


def _plan_reviews_held(ids: Sequence[int]) -> dict[int, date]:
    """Default: the latest pathway plan review held (plans app)."""
    from django.db.models import Max

    from careleavers.plans.models import PlanReview

    rows = (
        PlanReview.objects.filter(young_person_id__any=ids, held_on__isnull=False)
        .values("young_person_id")
        .annotate(latest=Max("held_on"))
    )
    return {row["young_person_id"]: row["latest"] for row in rows if row["latest"]}
