"""The audit's choice of the young person's recent words (feedback, a wellbeing check): a radio
for each, with what they said as its hint, read from the database once."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.forms import FeedbackChoiceForm, WellbeingChoiceForm
from careleavers.quality.models import FeedbackRating, WellbeingCheck, YoungPersonFeedback
from careleavers.quality.tests.factories import WellbeingCheckFactory, YoungPersonFeedbackFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 3)


def _radios(form: Any, name: str) -> list[tuple[str, str]]:
    """Each radio's label and hint, as the page draws them."""
    field = form.fields[name]
    return [(str(label), field.widget.choice_hints[str(value)]) for value, label in field.choices]


def _drawn_in_one_query(
    make_form: Callable[[], Any], name: str
) -> tuple[Any, list[tuple[str, str]]]:
    """Makes the form and draws the named field, checking that takes one query; the form and
    its radios."""
    with CaptureQueriesContext(connection) as queries:
        form = make_form()
        radios = _radios(form, name)
        form[name].as_widget()
    assert len(queries) == 1
    return form, radios


def test_each_recent_feedback_is_a_radio_with_what_they_said_as_its_hint() -> None:
    young_person = YoungPersonFactory()
    feedback = YoungPersonFeedbackFactory(
        young_person=young_person,
        given_on=DAY,
        rating=FeedbackRating.GOOD,
        what_is_good="They listen to me.",
        what_could_be_better="Answer the phone.",
    )
    rows = YoungPersonFeedback.objects.filter(young_person=young_person)

    _, radios = _drawn_in_one_query(lambda: FeedbackChoiceForm(feedback=rows), "feedback")

    assert radios == [
        (
            f"3 March 2026, {feedback.get_method_display().lower()}, about "
            f"{feedback.get_about_display().lower()}",
            f"{feedback.get_rating_display()}. Good: They listen to me. "
            "Could be better: Answer the phone.",
        )
    ]


def test_each_recent_wellbeing_check_is_a_radio_with_its_answers_as_its_hint() -> None:
    young_person = YoungPersonFactory()
    WellbeingCheckFactory(young_person=young_person, given_on=DAY)
    rows = WellbeingCheck.objects.filter(young_person=young_person)

    form, radios = _drawn_in_one_query(lambda: WellbeingChoiceForm(checks=rows), "wellbeing_check")

    [(label, hint)] = radios
    assert label == "3 March 2026, online"
    assert hint.startswith(
        "Feels settled where they live: Most of the time. "
        "Feels safe where they live: Most of the time."
    )
    assert form.fields["which"].initial == "wellbeing"


def test_only_one_of_the_rows_offered_can_be_chosen() -> None:
    young_person = YoungPersonFactory()
    offered = YoungPersonFeedbackFactory(young_person=young_person)
    someone_elses = YoungPersonFeedbackFactory()
    rows = YoungPersonFeedback.objects.filter(young_person=young_person)

    assert FeedbackChoiceForm({"feedback": offered.pk}, feedback=rows).is_valid()
    refused = FeedbackChoiceForm({"feedback": someone_elses.pk}, feedback=rows)
    assert not refused.is_valid()
    assert "feedback" in refused.errors
    assert FeedbackChoiceForm({}, feedback=rows).errors["feedback"] == [
        "Select the feedback to use"
    ]
    checks = WellbeingCheck.objects.none()
    assert WellbeingChoiceForm({"which": "wellbeing"}, checks=checks).errors[
        "wellbeing_check"
    ] == ["Select the wellbeing check to use"]
