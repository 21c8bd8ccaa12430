"""The rules of the audit tool and the oversight report, as pure functions over plain values.

No database here: the services and selectors gather the facts and these decide. Tested with
hypothesis in tests/test_standards.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from careleavers.core.dates import add_months
from careleavers.core.practice_framework import JUDGEMENT_AREAS

# Ratings that say something was or was not done, and so need the evidence for saying so.
RATINGS_NEEDING_EVIDENCE = frozenset({"met", "partly_met", "not_met"})
# An outstanding case may need no direction for improvement; every other grade does (the
# letter found most audits gave "a good level of direction", a useful learning tool).
GRADES_WITHOUT_ACTIONS = frozenset({"outstanding"})

FEEDBACK_MISSING = (
    "Record the young person’s feedback, or the reason it could not be had, before you "
    "complete the audit"
)


def oversight_since(on: datetime.date, months: int) -> datetime.date:
    """The earliest date oversight may have been recorded to count as within `months` months of
    `on`: 3 months before 24 November is 24 August."""
    return add_months(on, -months)


def rate(numerator: int, denominator: int) -> float | None:
    """A percentage, or None when there is nothing to divide by."""
    if denominator <= 0:
        return None
    return 100.0 * numerator / denominator


def rate_text(numerator: int, denominator: int) -> str:
    value = rate(numerator, denominator)
    return "No target" if value is None else f"{value:.0f}%"


def is_overdue(
    *, due_on: datetime.date, done_on: datetime.date | None, today: datetime.date
) -> bool:
    return done_on is None and due_on < today


@dataclass(frozen=True)
class AuditFacts:
    """What an audit holds, as plain values, for deciding whether it can be completed."""

    answers: tuple[tuple[str, str], ...]  # (rating, evidence) for each question
    areas: frozenset[str]  # the judgement areas the audit's questions are in
    graded_areas: frozenset[str]
    overall_grade: str
    summary: str
    themes: int
    actions: int
    has_feedback: bool
    no_feedback_reason: str
    no_feedback_explanation: str


def _area_names(codes: Iterable[str]) -> str:
    labels = dict(JUDGEMENT_AREAS)
    names = [labels.get(code, code).lower() for code in sorted(codes, key=_area_order)]
    return "; ".join(names)


def _area_order(code: str) -> int:
    order = [key for key, _ in JUDGEMENT_AREAS]
    return order.index(code) if code in order else len(order)


def completion_problems(facts: AuditFacts) -> dict[str, str]:
    """Why the audit cannot be completed yet, by section; empty when it can be."""
    problems: dict[str, str] = {}
    unanswered = sum(1 for rating, _ in facts.answers if not rating)
    if unanswered:
        problems["answers"] = (
            f"Answer every question: {unanswered} "
            f"{'question is' if unanswered == 1 else 'questions are'} not answered"
        )
    without_evidence = sum(
        1
        for rating, evidence in facts.answers
        if rating in RATINGS_NEEDING_EVIDENCE and not evidence.strip()
    )
    if without_evidence:
        problems["evidence"] = (
            f"Give the evidence for every answer: {without_evidence} "
            f"{'answer has' if without_evidence == 1 else 'answers have'} none"
        )
    ungraded = facts.areas - facts.graded_areas
    if ungraded:
        problems["area_grades"] = f"Grade every area. Not graded: {_area_names(ungraded)}"
    if not facts.overall_grade:
        problems["overall_grade"] = "Give the audit an overall grade"
    if not facts.summary.strip():
        problems["summary"] = "Write the overall evaluation"
    if facts.themes == 0:
        problems["themes"] = "Choose at least one learning theme"
    if facts.actions == 0 and facts.overall_grade not in GRADES_WITHOUT_ACTIONS:
        problems["actions"] = (
            "Give at least one action for improvement, for the worker or the manager"
        )
    has_reason = bool(facts.no_feedback_reason and facts.no_feedback_explanation.strip())
    if not (facts.has_feedback or has_reason):
        problems["feedback"] = FEEDBACK_MISSING
    return problems


def section_status(*, done: int, total: int) -> str:
    """A task list status: "completed", "in_progress" or "not_started"."""
    if total and done >= total:
        return "completed"
    if done:
        return "in_progress"
    return "not_started"
