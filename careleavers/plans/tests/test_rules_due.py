"""The assessment-due and review-due rules: worked examples from the law, then properties."""

from __future__ import annotations

import datetime
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import add_months, birthday
from careleavers.plans.rules_due import (
    Due,
    ReviewRules,
    accommodation_review_due,
    assessment_due,
    assessment_due_date,
    review_due,
)

BORN = date(2008, 5, 31)  # 16th birthday 31 May 2024


# Assessment due: table ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "since", "has_plan", "informed", "expected", "cites"),
    [
        # Eligible from the 16th birthday: 3 months later, kept within the month.
        ("eligible", date(2024, 5, 31), False, None, date(2024, 8, 31), "regulation 42(1)"),
        # Eligible before the record knew (since earlier than 16 cannot happen, but is clamped).
        ("eligible", None, False, None, date(2024, 8, 31), "regulation 42(1)"),
        # Became eligible after 16: 3 months from then.
        ("eligible", date(2024, 11, 30), False, None, date(2025, 2, 28), "regulation 42(1)"),
        # Eligible children need the assessment whether or not a plan exists.
        ("eligible", date(2024, 5, 31), True, None, date(2024, 8, 31), "regulation 42(1)"),
        # Relevant without a plan: 3 months from becoming relevant (reg 5(2)(a)).
        ("relevant", date(2025, 1, 10), False, None, date(2025, 4, 10), "regulation 5(2)(a)"),
        # Former relevant returning to education: 3 months from being told (reg 5(2)(b)).
        (
            "former_relevant",
            date(2026, 5, 31),
            False,
            date(2027, 3, 1),
            date(2027, 6, 1),
            "regulation 5(2)(b)",
        ),
    ],
)
def test_assessment_due_worked_examples(category, since, has_plan, informed, expected, cites):
    due = assessment_due(
        date_of_birth=BORN,
        category=category,
        category_since=since,
        has_pathway_plan=has_plan,
        education_return_informed_on=informed,
    )
    assert due is not None
    assert due.due == expected
    assert cites in due.rule


@pytest.mark.parametrize(
    ("category", "has_plan", "informed"),
    [
        ("relevant", True, None),  # reg 5(2)(a) applies only without a plan
        ("former_relevant", False, None),  # no new assessment unless returning to education
        ("qualifying", False, None),
        ("none", False, None),
    ],
)
def test_no_assessment_deadline(category, has_plan, informed):
    assert (
        assessment_due(
            date_of_birth=BORN,
            category=category,
            category_since=date(2025, 1, 1),
            has_pathway_plan=has_plan,
            education_return_informed_on=informed,
        )
        is None
    )


# Review due: table -------------------------------------------------------------------------

AUTHORISED = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("kwargs", "expected", "words"),
    [
        ({}, date(2026, 7, 15), "authorised"),
        ({"last_review_on": date(2026, 3, 1)}, date(2026, 9, 1), "last review"),
        # An older review does not move the date back.
        ({"last_review_on": date(2025, 12, 1)}, date(2026, 7, 15), "authorised"),
        ({"young_person_asked_on": [date(2026, 2, 1)]}, date(2026, 3, 1), "young person asked"),
        ({"worker_asked_on": [date(2026, 2, 1)]}, date(2026, 3, 1), "judged necessary"),
        (
            {"accommodation_changed_on": [date(2026, 4, 10)]},
            date(2026, 5, 8),
            "accommodation changed",
        ),
        # A request later than the 6-month date changes nothing.
        ({"young_person_asked_on": [date(2026, 7, 1)]}, date(2026, 7, 15), "authorised"),
        # The earliest of several requests wins.
        (
            {
                "young_person_asked_on": [date(2026, 4, 1), date(2026, 3, 1)],
                "accommodation_changed_on": [date(2026, 5, 1)],
            },
            date(2026, 3, 29),
            "young person asked",
        ),
    ],
)
def test_review_due_worked_examples(kwargs, expected, words):
    due = review_due(
        last_authorised_on=AUTHORISED, last_review_on=kwargs.pop("last_review_on", None), **kwargs
    )
    assert due is not None
    assert due.due == expected
    assert words in due.rule


def test_review_due_six_months_cites_regulation_7():
    due = review_due(last_authorised_on=AUTHORISED, last_review_on=None)
    assert due is not None
    assert "regulation 7" in due.rule


def test_review_due_end_of_month_stays_in_month():
    due = review_due(last_authorised_on=date(2026, 8, 31), last_review_on=None)
    assert due is not None
    assert due.due == date(2027, 2, 28)


def test_no_review_due_before_any_plan_is_authorised():
    assert review_due(last_authorised_on=None, last_review_on=None) is None


@pytest.mark.parametrize(
    ("rules", "events", "expected"),
    [
        pytest.param(
            ReviewRules(review_on_accommodation_change=False),
            {"accommodation_changed_on": [date(2026, 2, 1)]},
            date(2026, 7, 15),
            id="accommodation_rule_turned_off_ignores_moves",
        ),
        pytest.param(
            ReviewRules(days_after_request=10),
            {"young_person_asked_on": [date(2026, 2, 1)]},
            date(2026, 2, 11),
            id="council_can_set_how_soon_a_requested_review_happens",
        ),
    ],
)
def test_the_councils_review_rules(
    rules: ReviewRules, events: dict[str, list[date]], expected: date
) -> None:
    due = review_due(last_authorised_on=AUTHORISED, last_review_on=None, rules=rules, **events)
    assert due is not None
    assert due.due == expected


@pytest.mark.parametrize("days", [-1, 184])
def test_review_rules_refuse_intervals_beyond_the_statutory_six_months(days):
    with pytest.raises(ValueError, match="between 0 and 183"):
        ReviewRules(days_after_request=days)


def test_due_knows_when_it_is_overdue():
    due = Due(date(2026, 1, 10), "rule")
    assert not due.is_overdue(date(2026, 1, 10))
    assert due.is_overdue(date(2026, 1, 11))
    assert due.days_overdue(date(2026, 1, 13)) == 3
    assert due.days_overdue(date(2026, 1, 1)) == 0


# Properties --------------------------------------------------------------------------------

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31))
date_lists = st.lists(dates, max_size=4)
rules_strategy = st.builds(
    ReviewRules,
    review_on_accommodation_change=st.booleans(),
    days_after_request=st.integers(0, 183),
    days_after_accommodation_change=st.integers(0, 183),
)


@given(
    authorised=st.one_of(st.none(), dates),
    reviewed=st.one_of(st.none(), dates),
    asked=date_lists,
    worker=date_lists,
    moves=date_lists,
    rules=rules_strategy,
)
def test_review_never_later_than_six_months_after_the_last_plan_or_review(
    authorised, reviewed, asked, worker, moves, rules
):
    due = review_due(
        last_authorised_on=authorised,
        last_review_on=reviewed,
        young_person_asked_on=asked,
        worker_asked_on=worker,
        accommodation_changed_on=moves,
        rules=rules,
    )
    bases = [d for d in (authorised, reviewed) if d is not None]
    if not bases:
        assert due is None
        return
    assert due is not None
    assert due.due <= add_months(max(bases), 6)
    assert "regulation 7" in due.rule or "accommodation changed" in due.rule


@given(authorised=dates, asked=date_lists, extra=dates, rules=rules_strategy)
def test_a_new_request_never_makes_the_review_later(authorised, asked, extra, rules):
    before = review_due(
        last_authorised_on=authorised,
        last_review_on=None,
        young_person_asked_on=asked,
        rules=rules,
    )
    after = review_due(
        last_authorised_on=authorised,
        last_review_on=None,
        young_person_asked_on=[*asked, extra],
        rules=rules,
    )
    assert before is not None
    assert after is not None
    assert after.due <= before.due


@given(authorised=dates, moves=st.lists(dates, min_size=1, max_size=4))
def test_with_the_local_rule_off_moves_change_nothing(authorised, moves):
    off = ReviewRules(review_on_accommodation_change=False)
    assert review_due(
        last_authorised_on=authorised,
        last_review_on=None,
        accommodation_changed_on=moves,
        rules=off,
    ) == review_due(last_authorised_on=authorised, last_review_on=None, rules=off)


@given(
    born=st.dates(min_value=date(1995, 1, 1), max_value=date(2015, 12, 31)),
    offset=st.integers(0, 800),
)
def test_eligible_assessment_due_three_months_after_the_later_of_16th_birthday_and_eligibility(
    born, offset
):
    sixteenth = birthday(born, 16)
    since = sixteenth + datetime.timedelta(days=offset)
    due = assessment_due(
        date_of_birth=born, category="eligible", category_since=since, has_pathway_plan=False
    )
    assert due is not None
    assert due.due == add_months(since, 3)
    assert due.due > sixteenth
    assert (due.due - since).days <= 92


@given(
    born=st.dates(min_value=date(1995, 1, 1), max_value=date(2015, 12, 31)),
    category=st.sampled_from(["eligible", "relevant", "former_relevant", "qualifying", "none"]),
    since=st.one_of(st.none(), dates),
    has_plan=st.booleans(),
)
def test_assessment_never_due_before_the_16th_birthday(born, category, since, has_plan):
    due = assessment_due(
        date_of_birth=born, category=category, category_since=since, has_pathway_plan=has_plan
    )
    if due is not None:
        assert due.due > birthday(born, 16)


# Reviews while the council provides the accommodation: Care Leavers Regs 2010 reg 7(3) -------


def test_first_review_is_due_28_days_after_the_council_first_provides_accommodation():
    due = accommodation_review_due(
        council_accommodation_since=date(2027, 1, 31), last_review_on=date(2026, 11, 1)
    )

    assert due == Due(
        date(2027, 2, 28),
        "Within 28 days of the council first providing their accommodation on 31 January 2027; "
        "Care Leavers (England) Regulations 2010, regulation 7(3).",
    )


def test_later_reviews_are_due_at_most_3_calendar_months_apart():
    due = accommodation_review_due(
        council_accommodation_since=date(2027, 1, 31), last_review_on=date(2027, 2, 28)
    )

    assert due is not None
    assert due.due == date(2027, 5, 28)
    assert "At most 3 months after the last review on 28 February 2027" in due.rule


def test_no_accommodation_review_without_council_accommodation():
    assert accommodation_review_due(council_accommodation_since=None, last_review_on=None) is None


def test_council_accommodation_brings_the_review_forward_from_six_months():
    due = review_due(
        last_authorised_on=date(2027, 1, 1),
        last_review_on=None,
        council_accommodation_since=date(2027, 3, 1),
    )

    assert due is not None
    assert due.due == date(2027, 3, 29)
    assert "regulation 7(3)" in due.rule


def test_after_a_review_in_council_accommodation_the_next_is_3_months_not_6():
    due = review_due(
        last_authorised_on=date(2027, 1, 1),
        last_review_on=date(2027, 3, 20),
        council_accommodation_since=date(2027, 3, 1),
    )

    assert due is not None
    assert due.due == date(2027, 6, 20)


@given(
    authorised=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    since=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    reviewed_after=st.one_of(st.none(), st.integers(0, 400)),
)
def test_council_accommodation_never_makes_a_review_later(
    authorised: date, since: date, reviewed_after: int | None
):
    last_review = (
        None if reviewed_after is None else authorised + datetime.timedelta(days=reviewed_after)
    )
    without = review_due(last_authorised_on=authorised, last_review_on=last_review)
    with_council = review_due(
        last_authorised_on=authorised,
        last_review_on=last_review,
        council_accommodation_since=since,
    )

    assert without is not None
    assert with_council is not None
    assert with_council.due <= without.due


@given(
    date_of_birth=st.dates(min_value=date(1995, 1, 1), max_value=date(2012, 12, 31)),
    category=st.sampled_from(
        ["eligible", "relevant", "former_relevant", "qualifying", "not_yet_eligible"]
    ),
    category_since=st.none() | st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 1, 1)),
    has_pathway_plan=st.booleans(),
    education_return_informed_on=st.none()
    | st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 1, 1)),
)
def test_the_date_alone_is_the_date_of_the_whole_answer(
    date_of_birth: date,
    category: str,
    category_since: date | None,
    has_pathway_plan: bool,
    education_return_informed_on: date | None,
) -> None:
    facts = {
        "date_of_birth": date_of_birth,
        "category": category,
        "category_since": category_since,
        "has_pathway_plan": has_pathway_plan,
        "education_return_informed_on": education_return_informed_on,
    }
    due = assessment_due(**facts)
    assert assessment_due_date(**facts) == (due.due if due is not None else None)
