"""How a category decision is stored on the record: one rule for the category service, the 903
import and the demo."""

from __future__ import annotations

import datetime

from careleavers.people import category as engine
from careleavers.people.models import YoungPerson
from careleavers.people.services import category_change_detail, category_update

TODAY = datetime.date(2026, 12, 5)
# Born on 10 March 2005: 21 on the day of these decisions, so the next day the category may
# change by age is the 25th birthday.
FACTS = engine.CategoryFacts(date_of_birth=datetime.date(2005, 3, 10), episodes=())
NEXT_CHECK = datetime.date(2030, 3, 10)
SINCE = datetime.date(2024, 6, 1)

FORMER_RELEVANT = engine.CategoryDecision(
    category=engine.Category.FORMER_RELEVANT, since=SINCE, reason="Relevant when they turned 18."
)


def _stored(**fields: object) -> YoungPerson:
    return YoungPerson(**fields)


def test_a_first_decision_is_a_change_decided_today() -> None:
    update = category_update(_stored(), FORMER_RELEVANT, facts=FACTS, today=TODAY)

    assert update.changed
    assert update.values == {
        "category": "former_relevant",
        "category_since": SINCE,
        "category_reason": "Relevant when they turned 18.",
        "category_needs_decision": "",
        "category_next_check": NEXT_CHECK,
        "category_decided_on": TODAY,
    }


def test_the_same_category_from_the_same_day_keeps_the_day_it_was_decided() -> None:
    record = _stored(
        category="former_relevant",
        category_since=SINCE,
        category_decided_on=datetime.date(2024, 6, 1),
    )

    update = category_update(record, FORMER_RELEVANT, facts=FACTS, today=TODAY)

    assert not update.changed
    assert "category_decided_on" not in update.values
    # The reason and the next check are stored again all the same: their words can change.
    assert update.values["category_reason"] == "Relevant when they turned 18."
    assert update.values["category_next_check"] == NEXT_CHECK


def test_the_same_category_from_another_day_is_a_change() -> None:
    record = _stored(
        category="former_relevant",
        category_since=datetime.date(2024, 7, 1),
        category_decided_on=datetime.date(2024, 7, 1),
    )

    update = category_update(record, FORMER_RELEVANT, facts=FACTS, today=TODAY)

    assert update.changed
    assert update.values["category_decided_on"] == TODAY


def test_applying_an_update_sets_the_fields_on_the_record() -> None:
    record = _stored()

    category_update(record, FORMER_RELEVANT, facts=FACTS, today=TODAY).apply_to(record)

    assert (record.category, record.category_since, record.category_decided_on) == (
        "former_relevant",
        SINCE,
        TODAY,
    )
    assert record.category_next_check == NEXT_CHECK


def test_a_question_for_the_worker_is_stored_only_when_the_decision_needs_one() -> None:
    asks = engine.CategoryDecision(
        category=engine.Category.RELEVANT,
        since=SINCE,
        reason="Left care at 16.",
        needs_worker_decision=True,
        worker_decision_reason="Did they go home for six months or more?",
    )
    answered = engine.CategoryDecision(
        category=engine.Category.RELEVANT,
        since=SINCE,
        reason="Left care at 16.",
        worker_decision_reason="Did they go home for six months or more?",
    )

    asked = category_update(_stored(), asks, facts=FACTS, today=TODAY)
    not_asked = category_update(_stored(), answered, facts=FACTS, today=TODAY)

    assert asked.values["category_needs_decision"] == "Did they go home for six months or more?"
    assert not_asked.values["category_needs_decision"] == ""


def test_the_change_detail_names_both_categories_and_the_days() -> None:
    assert category_change_detail(before="relevant", decision=FORMER_RELEVANT, on=TODAY) == {
        "from": "relevant",
        "to": "former_relevant",
        "since": "2024-06-01",
        "reason": "Relevant when they turned 18.",
        "on": "2026-12-05",
    }
    undated = engine.CategoryDecision(category=engine.Category.NONE, since=None, reason="")
    assert category_change_detail(before="none", decision=undated, on=TODAY)["since"] is None
