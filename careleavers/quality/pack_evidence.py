"""The quality app's evidence in the self-assessment pack (insight/pack.py): audit grades and
themes, and what young people said, over the pack's 12 months. Registered in registrations.py."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from careleavers.core.practice_framework import GRADES
from careleavers.quality.models import FeedbackRating
from careleavers.quality.selectors import audit_grade_counts, audit_themes, feedback_between

# The pack quotes at most this many young people, newest first.
FEEDBACK_QUOTES = 8


def audit_evidence(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    grades = audit_grade_counts(start=start, end=end)
    labels = dict(GRADES)
    return {
        "available": True,
        "grades": [(labels[key], grades.get(key, 0)) for key, _ in GRADES],
        "total": sum(grades.values()),
        "themes": list(audit_themes(start=start, end=end)),
    }


def feedback_evidence(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    given = list(feedback_between(start=start, end=end).order_by("-given_on", "-pk"))
    ratings = Counter(item.rating for item in given)
    quotes = [
        {"good": item.what_is_good, "better": item.what_could_be_better, "on": item.given_on}
        for item in given
        if item.what_is_good or item.what_could_be_better
    ][:FEEDBACK_QUOTES]
    return {
        "available": True,
        "count": len(given),
        "ratings": [(label, ratings.get(value, 0)) for value, label in FeedbackRating.choices]
        + [("No rating given", ratings.get("", 0))],
        "quotes": quotes,
    }
