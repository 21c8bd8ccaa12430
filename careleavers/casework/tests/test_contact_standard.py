from __future__ import annotations

from datetime import date, timedelta

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


def test_visit_due_within_7_days_of_moving_into_council_accommodation():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 1, 10),
        last_visit=date(2027, 1, 1),
        council_accommodation_starts=[date(2027, 1, 8)],
    )

    assert due.due == date(2027, 1, 15)
    assert "within 7 days of moving into accommodation the council provides" in due.rule
    assert "regulation 8(2)(a)" in due.rule


def test_visit_since_moving_in_satisfies_the_7_day_rule():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 1, 10),
        last_visit=date(2027, 1, 9),
        council_accommodation_starts=[date(2027, 1, 8)],
    )

    assert "7 days" not in due.rule


def test_visit_since_the_last_accommodation_review_satisfies_the_review_rule():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 1, 10),
        last_visit=date(2026, 12, 1),
        council_accommodation_since=date(2026, 6, 1),
        last_review_on=date(2026, 11, 20),
        next_accommodation_review_due=date(2027, 1, 20),
    )

    assert "review" not in due.rule


def test_accommodation_review_after_a_review_since_the_last_visit_needs_a_visit_before_it():
    # Reg 8(2)(b): a visit "before the pathway plan is reviewed under regulation 7(3)". The
    # last visit was before the last review, and the next review comes before the 2-monthly
    # visit would.
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 1, 10),
        last_visit=date(2026, 12, 1),
        council_accommodation_since=date(2026, 6, 1),
        last_review_on=date(2026, 12, 10),
        next_accommodation_review_due=date(2027, 1, 20),
    )

    assert due.due == date(2027, 1, 19)
    assert "before the pathway plan review due on 20 January 2027" in due.rule
    assert "regulation 8(2)(b)" in due.rule


def test_an_ordinary_six_monthly_review_needs_no_visit_before_it():
    # Not in council accommodation: the review is not one under reg 7(3), so reg 8(2)(b) does
    # not apply and the council's own standard decides.
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 1, 10),
        last_visit=date(2026, 12, 1),
        next_review_due=date(2027, 2, 20),
        in_council_accommodation=False,
        standard=ContactStandard(weeks_to_21=26),
    )

    assert due.due == date(2027, 6, 1)
    assert "review" not in due.rule


def test_an_accommodation_review_after_moving_out_needs_no_visit():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 1, 10),
        last_visit=date(2026, 12, 1),
        last_review_on=date(2026, 12, 10),
        next_accommodation_review_due=date(2027, 1, 20),
        in_council_accommodation=False,
        standard=ContactStandard(weeks_to_21=26),
    )

    assert "review" not in due.rule


def test_statutory_two_monthly_visit_applies_in_council_accommodation():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2031, 1, 10),
        last_visit=date(2030, 12, 31),
        chose_less_contact=True,
    )

    assert due.due == date(2031, 2, 28)
    assert "every 2 months" in due.rule


def test_21_to_25_who_chose_less_contact_get_the_reduced_standard():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2031, 1, 10),
        last_visit=date(2031, 1, 1),
        chose_less_contact=True,
        in_council_accommodation=False,
    )

    assert due.due == date(2031, 3, 26)
    assert "every 12 weeks from their 21st birthday, as they chose less frequent contact" in (
        due.rule
    )


def test_21_to_25_who_did_not_choose_less_contact_stay_on_8_weeks():
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2031, 1, 10),
        last_visit=date(2031, 1, 1),
        in_council_accommodation=False,
    )

    assert due.due == date(2031, 2, 26)


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


def test_first_listed_rule_is_named_when_two_fall_on_the_same_day():
    # 2 months after 1 January is 1 March, and so is 7 days after a move on 22 February.
    due = next_contact_due(
        date_of_birth=DOB,
        on=date(2027, 2, 23),
        last_visit=date(2027, 1, 1),
        council_accommodation_starts=[date(2027, 2, 22)],
        standard=ContactStandard(weeks_to_21=26),
    )

    assert due.due == date(2027, 3, 1)
    assert "within 7 days" in due.rule


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
