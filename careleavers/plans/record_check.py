"""Reads what a plan says and what the young person's record says today, for the pure rules in
contradictions.py. A fixed number of queries, however long the plan or the record."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from careleavers.accommodation.selectors import current_stay_for
from careleavers.casework.models import WorkerRole
from careleavers.casework.selectors import current_allocations
from careleavers.learning.selectors import activities_for, current_activity
from careleavers.plans.contradictions import (
    Contradiction,
    PlannedFacts,
    RecordedFact,
    RecordFacts,
    contradictions,
)
from careleavers.plans.models import PathwayPlan, PlanSection


def planned_facts(*, plan: PathwayPlan) -> PlannedFacts:
    """The structured answers in the plan's sections (one query)."""
    sections = PlanSection.objects.filter(plan=plan).select_related("personal_adviser")
    activity = accommodation = ""
    adviser = None
    for section in sections:
        activity = activity or section.planned_activity
        accommodation = accommodation or section.planned_accommodation
        adviser = adviser or section.personal_adviser
    return PlannedFacts(
        activity=activity,
        accommodation=accommodation,
        personal_adviser_id=adviser.pk if adviser else None,
        personal_adviser_name=str(adviser) if adviser else "",
    )


def _stamp(record: Any) -> tuple[datetime.date, str]:
    """When a record was last changed and by whom: what "recorded on … by …" reports."""
    by = record.modified_by or record.created_by
    return timezone.localdate(record.modified_at), str(by) if by else ""


def record_facts(*, plan: PathwayPlan, today: datetime.date) -> RecordFacts:
    young_person = plan.young_person
    episodes = activities_for(young_person=young_person).select_related(
        "created_by", "modified_by"
    )
    episode = current_activity(episodes, on=today)
    stay = current_stay_for(young_person=young_person)
    allocation = current_allocations(young_person=young_person).get(WorkerRole.PERSONAL_ADVISER)
    activity = accommodation = adviser = None
    if episode is not None:
        on, by = _stamp(episode)
        activity = RecordedFact(episode.activ, episode.get_activ_display(), on, by)
    if stay is not None:
        on, by = _stamp(stay)
        accommodation = RecordedFact(stay.accom_type, stay.get_accom_type_display(), on, by)
    if allocation is not None:
        adviser = RecordedFact(
            str(allocation.worker_id),
            str(allocation.worker),
            timezone.localdate(allocation.created_at),
            str(allocation.created_by or ""),
        )
    return RecordFacts(activity=activity, accommodation=accommodation, personal_adviser=adviser)


def plan_contradictions(*, plan: PathwayPlan, today: datetime.date) -> list[Contradiction]:
    """What the record says today that the plan contradicts."""
    return contradictions(planned_facts(plan=plan), record_facts(plan=plan, today=today))
