"""Each rule comparing what a plan says with the young person's record today."""

from __future__ import annotations

import datetime

from careleavers.plans.contradictions import (
    PlannedFacts,
    RecordedFact,
    RecordFacts,
    accommodation_contradiction,
    activity_contradiction,
    adviser_contradiction,
    contradictions,
)

ON = datetime.date(2026, 11, 3)
COLLEGE = RecordedFact("F2", "Full time in education other than higher education", ON, "Sam Ray")
FLAT = RecordedFact("D", "Semi-independent living accommodation", ON, "Ann Lee")
RACHEL = RecordedFact("7", "Rachel Lloyd", ON, "Leanne Williams")


def test_a_plan_saying_apprenticeship_contradicts_a_record_saying_college():
    found = activity_contradiction(PlannedFacts(activity="F4"), RecordFacts(activity=COLLEGE))
    assert found is not None
    assert found.sentence == (
        "The plan says “Full time in an apprenticeship”. Their record says “Full time in "
        "education other than higher education” (recorded on 3 November 2026 by Sam Ray)."
    )


def test_the_same_activity_is_no_contradiction():
    assert (
        activity_contradiction(PlannedFacts(activity="F2"), RecordFacts(activity=COLLEGE)) is None
    )


def test_no_activity_on_either_side_says_nothing():
    assert activity_contradiction(PlannedFacts(), RecordFacts(activity=COLLEGE)) is None
    assert activity_contradiction(PlannedFacts(activity="F4"), RecordFacts()) is None


def test_a_different_kind_of_accommodation_is_a_contradiction():
    found = accommodation_contradiction(
        PlannedFacts(accommodation="B"), RecordFacts(accommodation=FLAT)
    )
    assert found is not None
    assert found.topic == "Accommodation"
    assert "The plan says “With parent(s) or relative(s)”" in found.sentence
    assert "(recorded on 3 November 2026 by Ann Lee)" in found.sentence


def test_the_same_accommodation_or_none_planned_is_no_contradiction():
    assert (
        accommodation_contradiction(
            PlannedFacts(accommodation="D"), RecordFacts(accommodation=FLAT)
        )
        is None
    )
    assert accommodation_contradiction(PlannedFacts(), RecordFacts(accommodation=FLAT)) is None


def test_a_plan_naming_another_adviser_contradicts_the_allocation():
    plan = PlannedFacts(personal_adviser_id=9, personal_adviser_name="Tom Hart")
    found = adviser_contradiction(plan, RecordFacts(personal_adviser=RACHEL))
    assert found is not None
    assert found.sentence == (
        "The plan says their personal adviser is Tom Hart. Their record says Rachel Lloyd is "
        "allocated as their personal adviser (recorded on 3 November 2026 by Leanne Williams)."
    )


def test_the_allocated_adviser_or_no_allocation_is_no_contradiction():
    plan = PlannedFacts(personal_adviser_id=7, personal_adviser_name="Rachel Lloyd")
    assert adviser_contradiction(plan, RecordFacts(personal_adviser=RACHEL)) is None
    assert adviser_contradiction(plan, RecordFacts()) is None
    assert adviser_contradiction(PlannedFacts(), RecordFacts(personal_adviser=RACHEL)) is None


def test_a_record_without_who_recorded_it_leaves_the_name_out():
    unknown = RecordedFact("F2", "Full time in education", ON, "")
    found = activity_contradiction(PlannedFacts(activity="F4"), RecordFacts(activity=unknown))
    assert found is not None
    assert found.sentence.endswith("(recorded on 3 November 2026).")


def test_all_contradictions_come_in_the_order_of_the_plan():
    plan = PlannedFacts(
        activity="F4", accommodation="B", personal_adviser_id=9, personal_adviser_name="Tom Hart"
    )
    record = RecordFacts(activity=COLLEGE, accommodation=FLAT, personal_adviser=RACHEL)
    topics = [found.topic for found in contradictions(plan, record)]
    assert topics == ["Personal adviser", "Education, employment or training", "Accommodation"]


def test_a_plan_that_agrees_with_the_record_has_no_contradictions():
    plan = PlannedFacts(
        activity="F2", accommodation="D", personal_adviser_id=7, personal_adviser_name="Rachel"
    )
    record = RecordFacts(activity=COLLEGE, accommodation=FLAT, personal_adviser=RACHEL)
    assert contradictions(plan, record) == []
