"""Words the young person reads about their own requests (presenters.py)."""

from __future__ import annotations

from careleavers.portal.models import RequestKind, YoungPersonRequest
from careleavers.portal.presenters import young_person_title


def test_something_to_talk_about_is_told_back_to_them_as_their_own_visit() -> None:
    asked = YoungPersonRequest(kind=RequestKind.AGENDA, about_label="My next visit")
    assert young_person_title(asked) == "You asked to talk about something at your next visit"
    review = YoungPersonRequest(kind=RequestKind.AGENDA, about_label="My next plan review")
    assert young_person_title(review) == (
        "You asked to talk about something at your next plan review"
    )
