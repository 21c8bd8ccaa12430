"""Where a plan waiting for a decision disagrees with the young person's record today.

Only structured answers are compared: the plan's main activity (a DfE ACTIV code) against the
current activity episode, the plan's type of accommodation (a DfE ACCOM code) against the
current stay, and the personal adviser the plan names against the current allocation. Free text
is never read for meaning, and where either side has no answer nothing is said: a missing fact
is not a contradiction.

Plain values in, plain values out: no database, so each rule is tested on its own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from careleavers.core import dfe_codes
from careleavers.core.dates import format_date

_ACTIV_LABELS = dict(dfe_codes.ACTIV)
_ACCOM_LABELS = dict(dfe_codes.ACCOM_TYPES)


@dataclass(frozen=True)
class PlannedFacts:
    """What the plan says, as codes: empty (or None) where the plan records no answer."""

    activity: str = ""
    accommodation: str = ""
    personal_adviser_id: int | None = None
    personal_adviser_name: str = ""


@dataclass(frozen=True)
class RecordedFact:
    """One fact on the record now, with who recorded it and when."""

    value: str  # a code, or a worker's id as text
    label: str
    recorded_on: datetime.date
    recorded_by: str


@dataclass(frozen=True)
class RecordFacts:
    activity: RecordedFact | None = None
    accommodation: RecordedFact | None = None
    personal_adviser: RecordedFact | None = None


@dataclass(frozen=True)
class Contradiction:
    topic: str
    plan_says: str
    record_says: str
    recorded_on: datetime.date
    recorded_by: str

    @property
    def sentence(self) -> str:
        by = f" by {self.recorded_by}" if self.recorded_by else ""
        return (
            f"The plan says {self.plan_says}. Their record says {self.record_says} "
            f"(recorded on {format_date(self.recorded_on)}{by})."
        )


def _quoted(label: str) -> str:
    return f"“{label}”"


def _coded_contradiction(
    topic: str, planned: str, fact: RecordedFact | None, labels: dict[str, str]
) -> Contradiction | None:
    """A DfE code the plan records against the one on the record today."""
    if not planned or fact is None or fact.value == planned:
        return None
    return Contradiction(
        topic=topic,
        plan_says=_quoted(labels.get(planned, planned)),
        record_says=_quoted(fact.label),
        recorded_on=fact.recorded_on,
        recorded_by=fact.recorded_by,
    )


def activity_contradiction(plan: PlannedFacts, record: RecordFacts) -> Contradiction | None:
    return _coded_contradiction(
        "Education, employment or training", plan.activity, record.activity, _ACTIV_LABELS
    )


def accommodation_contradiction(plan: PlannedFacts, record: RecordFacts) -> Contradiction | None:
    return _coded_contradiction(
        "Accommodation", plan.accommodation, record.accommodation, _ACCOM_LABELS
    )


def adviser_contradiction(plan: PlannedFacts, record: RecordFacts) -> Contradiction | None:
    fact = record.personal_adviser
    if plan.personal_adviser_id is None or fact is None:
        return None
    if fact.value == str(plan.personal_adviser_id):
        return None
    return Contradiction(
        topic="Personal adviser",
        plan_says=f"their personal adviser is {plan.personal_adviser_name}",
        record_says=f"{fact.label} is allocated as their personal adviser",
        recorded_on=fact.recorded_on,
        recorded_by=fact.recorded_by,
    )


RULES = (adviser_contradiction, activity_contradiction, accommodation_contradiction)


def contradictions(plan: PlannedFacts, record: RecordFacts) -> list[Contradiction]:
    """Every rule's contradiction, in the order of the plan's sections."""
    found = (rule(plan, record) for rule in RULES)
    return [contradiction for contradiction in found if contradiction is not None]
