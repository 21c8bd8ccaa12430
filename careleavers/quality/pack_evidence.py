"""The quality app's evidence in the self-assessment pack (insight/pack.py): audit grades and
themes, and what young people said, over the pack's 12 months. Registered in registrations.py."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count

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
    """How many young people gave feedback, their ratings, and the newest words quoted: the
    database counts (at national size a year's feedback is tens of thousands of rows) and
    only the quotes are read."""
    given = feedback_between(start=start, end=end).order_by()
    ratings = dict(given.values("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    quotes = [
        {"good": good, "better": better, "on": on}
        for good, better, on in given.exclude(what_is_good="", what_could_be_better="")
        .order_by("-given_on", "-pk")
        .values_list("what_is_good", "what_could_be_better", "given_on")[:FEEDBACK_QUOTES]
    ]
    return {
        "available": True,
        "count": sum(ratings.values()),
        "ratings": [(label, ratings.get(value, 0)) for value, label in FeedbackRating.choices]
        + [("No rating given", ratings.get("", 0))],
        "quotes": quotes,
    }
