"""The pure rules: what an audit needs before it can be completed, months and rates."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import add_months, month_end, month_start, months_up_to
from careleavers.core.practice_framework import JUDGEMENT_AREAS
from careleavers.quality.standards import (
    FEEDBACK_MISSING,
    AuditFacts,
    completion_problems,
    is_overdue,
    oversight_since,
    rate,
    rate_text,
    section_status,
)

AREAS = frozenset(code for code, _ in JUDGEMENT_AREAS)


def _facts(**changes: object) -> AuditFacts:
    values: dict[str, object] = {
        "answers": (("met", "Seen in notes"), ("not_applicable", ""), ("not_met", "No plan")),
        "areas": AREAS,
        "graded_areas": AREAS,
        "overall_grade": "good",
        "summary": "Fine",
        "themes": 1,
        "actions": 1,
        "has_feedback": True,
        "no_feedback_reason": "",
        "no_feedback_explanation": "",
    }
    values.update(changes)
    return AuditFacts(**values)  # type: ignore[arg-type]


def test_a_full_audit_has_no_problems() -> None:
    assert completion_problems(_facts()) == {}


def test_without_feedback_or_reason_the_voice_is_missing() -> None:
    assert completion_problems(_facts(has_feedback=False)) == {"feedback": FEEDBACK_MISSING}


def test_a_reason_without_an_explanation_is_not_enough() -> None:
    problems = completion_problems(
        _facts(has_feedback=False, no_feedback_reason="declined", no_feedback_explanation=" ")
    )
    assert "feedback" in problems


def test_a_reason_with_an_explanation_is_enough() -> None:
    facts = _facts(
        has_feedback=False, no_feedback_reason="declined", no_feedback_explanation="Said no"
    )
    assert completion_problems(facts) == {}


def test_unanswered_and_unevidenced_answers_are_counted() -> None:
    problems = completion_problems(
        _facts(answers=(("", ""), ("", ""), ("met", ""), ("not_applicable", "")))
    )
    assert problems["answers"] == "Answer every question: 2 questions are not answered"
    assert problems["evidence"] == "Give the evidence for every answer: 1 answer has none"


def test_ungraded_areas_are_named_in_framework_order() -> None:
    problems = completion_problems(_facts(graded_areas=frozenset({"influence", "health"})))
    assert problems["area_grades"] == (
        "Grade every area. Not graded: relationships and access to social and recreational "
        "opportunities; learning and employment; good decisions and support into adulthood"
    )


def test_an_outstanding_audit_needs_no_actions_but_others_do() -> None:
    assert completion_problems(_facts(overall_grade="outstanding", actions=0)) == {}
    assert "actions" in completion_problems(_facts(overall_grade="good", actions=0))


@given(
    has_feedback=st.booleans(),
    reason=st.sampled_from(["", "declined", "no_response"]),
    explanation=st.sampled_from(["", "  ", "Phoned twice"]),
)
def test_the_voice_is_required_exactly_when_neither_feedback_nor_an_explained_reason(
    has_feedback: bool, reason: str, explanation: str
) -> None:
    problems = completion_problems(
        _facts(
            has_feedback=has_feedback,
            no_feedback_reason=reason,
            no_feedback_explanation=explanation,
        )
    )
    has_reason = bool(reason and explanation.strip())
    assert ("feedback" in problems) == (not (has_feedback or has_reason))


@given(
    day=st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)),
    months=st.integers(-36, 36),
)
def test_adding_months_lands_in_the_right_month_and_never_overflows(
    day: datetime.date, months: int
) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day <= day.day


def test_adding_months_keeps_the_end_of_the_month() -> None:
    assert add_months(datetime.date(2026, 3, 31), -1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2024, 3, 31), -1) == datetime.date(2024, 2, 29)
    assert month_end(datetime.date(2026, 2, 10)) == datetime.date(2026, 2, 28)


@given(day=st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)))
def test_last_twelve_months_end_with_this_month(day: datetime.date) -> None:
    months = months_up_to(day, 12)
    assert len(months) == 12
    assert months[-1] == month_start(day)
    assert months == sorted(months)
    assert all(month.day == 1 for month in months)
    assert len(set(months)) == 12


def test_oversight_counts_from_the_same_day_months_ago() -> None:
    assert oversight_since(datetime.date(2026, 11, 24), 3) == datetime.date(2026, 8, 24)


def test_rates() -> None:
    assert rate(1, 2) == 50.0
    assert rate(3, 0) is None
    assert rate_text(1, 3) == "33%"
    assert rate_text(1, 0) == "No target"


def test_an_open_action_past_its_date_is_overdue() -> None:
    today = datetime.date(2026, 11, 24)
    assert is_overdue(due_on=datetime.date(2026, 11, 23), done_on=None, today=today)
    assert not is_overdue(due_on=today, done_on=None, today=today)
    assert not is_overdue(
        due_on=datetime.date(2026, 11, 1), done_on=datetime.date(2026, 11, 2), today=today
    )


def test_section_status() -> None:
    assert section_status(done=0, total=3) == "not_started"
    assert section_status(done=1, total=3) == "in_progress"
    assert section_status(done=3, total=3) == "completed"
