from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.casework.contact_standard import (
    ContactDue,
    ContactStandard,
    next_contact_due,
)
from careleavers.core.dates import add_months

# 18 on 15 June 2026, 21 on 15 June 2029.
DOB = date(2008, 6, 15)
B21 = date(2029, 6, 15)


def test_no_visit_ever_is_due_now():
    due = next_contact_due(date_of_birth=DOB, on=date(2027, 1, 10), last_visit=None)

    assert due == ContactDue(
        due=date(2027, 1, 10),
        rule="No visit has been recorded yet, so a visit is due now.",
        overdue=False,
        days_overdue=0,
    )


def test_under_21_council_standard_is_8_weeks_after_last_visit():
    due = next_contact_due(date_of_birth=DOB, on=date(2027, 1, 10), last_visit=date(2027, 1, 1))

    assert due.due == date(2027, 2, 26)
    assert due.rule.startswith("Council standard: a visit at least every 8 weeks until their 21st")


# Each case: what is known about the young person (besides their date of birth), the day the
# visit falls due (None where the case is only about which rule is named), words the rule must
# say and words it must not.
@pytest.mark.parametrize(
    ("known", "due_on", "says", "does_not_say"),
    [
        pytest.param(
            {
                "on": date(2027, 1, 10),
                "last_visit": date(2027, 1, 1),
                "council_accommodation_starts": [date(2027, 1, 8)],
            },
            date(2027, 1, 15),
            [
                "within 7 days of moving into accommodation the council provides",
                "regulation 8(2)(a)",
            ],
            [],
            id="visit due within 7 days of moving into council accommodation",
        ),
        pytest.param(
            {
                "on": date(2027, 1, 10),
                "last_visit": date(2027, 1, 9),
                "council_accommodation_starts": [date(2027, 1, 8)],
            },
            None,
            [],
            ["7 days"],
            id="visit since moving in satisfies the 7 day rule",
        ),
        pytest.param(
            {
                "on": date(2027, 1, 10),
                "last_visit": date(2026, 12, 1),
                "council_accommodation_since": date(2026, 6, 1),
                "last_review_on": date(2026, 11, 20),
                "next_accommodation_review_due": date(2027, 1, 20),
            },
            None,
            [],
            ["review"],
            id="visit since the last accommodation review satisfies the review rule",
        ),
        # Reg 8(2)(b): a visit "before the pathway plan is reviewed under regulation 7(3)". The
        # last visit was before the last review, and the next review comes before the 2-monthly
        # visit would.
        pytest.param(
            {
                "on": date(2027, 1, 10),
                "last_visit": date(2026, 12, 1),
                "council_accommodation_since": date(2026, 6, 1),
                "last_review_on": date(2026, 12, 10),
                "next_accommodation_review_due": date(2027, 1, 20),
            },
            date(2027, 1, 19),
            ["before the pathway plan review due on 20 January 2027", "regulation 8(2)(b)"],
            [],
            id="accommodation review after a review since the last visit needs a visit before it",
        ),
        # Not in council accommodation: the review is not one under reg 7(3), so reg 8(2)(b) does
        # not apply and the council's own standard decides.
        pytest.param(
            {
                "on": date(2027, 1, 10),
                "last_visit": date(2026, 12, 1),
                "next_review_due": date(2027, 2, 20),
                "in_council_accommodation": False,
                "standard": ContactStandard(weeks_to_21=26),
            },
            date(2027, 6, 1),
            [],
            ["review"],
            id="an ordinary six monthly review needs no visit before it",
        ),
        pytest.param(
            {
                "on": date(2027, 1, 10),
                "last_visit": date(2026, 12, 1),
                "last_review_on": date(2026, 12, 10),
                "next_accommodation_review_due": date(2027, 1, 20),
                "in_council_accommodation": False,
                "standard": ContactStandard(weeks_to_21=26),
            },
            None,
            [],
            ["review"],
            id="an accommodation review after moving out needs no visit",
        ),
        pytest.param(
            {
                "on": date(2031, 1, 10),
                "last_visit": date(2030, 12, 31),
                "chose_less_contact": True,
            },
            date(2031, 2, 28),
            ["every 2 months"],
            [],
            id="statutory two monthly visit applies in council accommodation",
        ),
        pytest.param(
            {
                "on": date(2031, 1, 10),
                "last_visit": date(2031, 1, 1),
                "chose_less_contact": True,
                "in_council_accommodation": False,
            },
            date(2031, 3, 26),
            ["every 12 weeks from their 21st birthday, as they chose less frequent contact"],
            [],
            id="21 to 25 who chose less contact get the reduced standard",
        ),
        pytest.param(
            {
                "on": date(2031, 1, 10),
                "last_visit": date(2031, 1, 1),
                "in_council_accommodation": False,
            },
            date(2031, 2, 26),
            [],
            [],
            id="21 to 25 who did not choose less contact stay on 8 weeks",
        ),
        # 2 months after 1 January is 1 March, and so is 7 days after a move on 22 February:
        # the first listed rule is named.
        pytest.param(
            {
                "on": date(2027, 2, 23),
                "last_visit": date(2027, 1, 1),
                "council_accommodation_starts": [date(2027, 2, 22)],
                "standard": ContactStandard(weeks_to_21=26),
            },
            date(2027, 3, 1),
            ["within 7 days"],
            [],
            id="first listed rule is named when two fall on the same day",
        ),
    ],
)
def test_the_visit_falls_due_under_the_rule_that_applies(
    known: dict[str, Any], due_on: date | None, says: list[str], does_not_say: list[str]
):
    due = next_contact_due(date_of_birth=DOB, **known)

    if due_on is not None:
        assert due.due == due_on
    for words in says:
        assert words in due.rule
    for words in does_not_say:
        assert words not in due.rule


def test_band_in_force_on_the_due_date_sets_the_interval():
    last_visit = B21 - timedelta(weeks=2)

    due = next_contact_due(
        date_of_birth=DOB,
        on=last_visit,
        last_visit=last_visit,
        chose_less_contact=True,
        in_council_accommodation=False,
    )

    assert due.due == last_visit + timedelta(weeks=12)


def test_overdue_visit_counts_the_days_overdue():
    due = next_contact_due(date_of_birth=DOB, on=date(2027, 3, 1), last_visit=date(2027, 1, 1))

    assert due.due == date(2027, 2, 26)
    assert due.overdue is True
    assert due.days_overdue == 3


def test_visit_due_today_is_not_overdue():
    due = next_contact_due(date_of_birth=DOB, on=date(2027, 2, 26), last_visit=date(2027, 1, 1))

    assert due.overdue is False
    assert due.days_overdue == 0


def test_contact_standard_refuses_a_zero_week_interval():
    with pytest.raises(ValueError, match="at least 1 week"):
        ContactStandard(weeks_to_21=0)


@given(
    on=st.dates(date(2024, 6, 15), date(2033, 6, 14)),
    since_visit=st.integers(0, 400),
    starts=st.lists(st.dates(date(2024, 1, 1), date(2034, 1, 1)), max_size=3),
    review=st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2034, 1, 1))),
    chose_less_contact=st.booleans(),
    weeks=st.integers(1, 52),
)
def test_contact_is_never_due_later_than_the_statutory_floor(
    on: date,
    since_visit: int,
    starts: list[date],
    review: date | None,
    chose_less_contact: bool,
    weeks: int,
):
    last_visit = on - timedelta(days=since_visit)

    due = next_contact_due(
        date_of_birth=DOB,
        on=on,
        last_visit=last_visit,
        council_accommodation_starts=starts,
        next_review_due=review,
        standard=ContactStandard(weeks, weeks, weeks),
        chose_less_contact=chose_less_contact,
    )

    assert due.due <= add_months(last_visit, 2)
    for start in starts:
        if start > last_visit:
            assert due.due <= start + timedelta(days=7)


@given(
    on=st.dates(date(2024, 6, 15), date(2033, 6, 14)),
    starts=st.lists(st.dates(date(2024, 1, 1), date(2034, 1, 1)), max_size=3),
)
def test_with_no_visit_ever_contact_is_due_by_today_and_by_7_days_after_each_move(
    on: date, starts: list[date]
):
    due = next_contact_due(
        date_of_birth=DOB, on=on, last_visit=None, council_accommodation_starts=starts
    )

    assert due.due <= on
    for start in starts:
        assert due.due <= start + timedelta(days=7)
