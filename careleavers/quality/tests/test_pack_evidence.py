"""What the self-assessment pack says young people told us: counted by the database, with the
newest words quoted."""

from __future__ import annotations

import datetime

import pytest

from careleavers.quality import pack_evidence
from careleavers.quality.models import FeedbackRating
from careleavers.quality.tests.factories import YoungPersonFeedbackFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


def test_feedback_is_counted_by_rating_and_the_newest_words_quoted(monkeypatch) -> None:
    monkeypatch.setattr(pack_evidence, "FEEDBACK_QUOTES", 2)
    YoungPersonFeedbackFactory(given_on=datetime.date(2025, 12, 31))  # before the year
    YoungPersonFeedbackFactory(given_on=datetime.date(2026, 3, 1), rating=FeedbackRating.OK)
    YoungPersonFeedbackFactory(
        given_on=datetime.date(2026, 6, 1), rating="", what_is_good="", what_could_be_better=""
    )
    YoungPersonFeedbackFactory(
        given_on=datetime.date(2026, 9, 1), what_is_good="", what_could_be_better="More calls."
    )
    YoungPersonFeedbackFactory(given_on=datetime.date(2026, 11, 1), what_is_good="Kind.")
    evidence = pack_evidence.feedback_evidence(start=START, end=END)
    assert evidence["count"] == 4
    ratings = dict(evidence["ratings"])
    assert ratings["Good"] == 2
    assert ratings["OK"] == 1
    assert ratings["No rating given"] == 1
    # The newest two that said something; the one with no words is not quoted.
    assert evidence["quotes"] == [
        {"good": "Kind.", "better": "", "on": datetime.date(2026, 11, 1)},
        {"good": "", "better": "More calls.", "on": datetime.date(2026, 9, 1)},
    ]
