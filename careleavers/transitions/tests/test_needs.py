"""Who needs transition planning, who has complex needs, and the order of a referral's dates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import birthday, latest_birth_date_reaching
from careleavers.transitions.needs import (
    DATE_ORDER,
    decision_problems,
    has_complex_needs,
    needs_transition_plan,
    referral_date_problems,
    transition_planning_from,
)

D = datetime.date
TODAY = D(2025, 6, 1)
dates = st.dates(min_value=D(1995, 1, 1), max_value=D(2030, 12, 31))


@pytest.mark.parametrize(
    ("born", "ehc", "learning", "needed"),
    [
        (D(2009, 6, 2), True, False, False),  # 16 tomorrow
        (D(2009, 6, 1), True, False, True),  # 16 today
        (D(2009, 6, 1), False, True, True),  # learning needs without an EHC plan
        (D(2009, 6, 1), False, False, False),  # neither
        (D(2000, 6, 2), True, True, True),  # 24, the day before their 25th birthday
        (D(2000, 6, 1), True, True, False),  # 25 today: leaving care support has ended
    ],
)
def test_transition_planning_from_16_to_25_with_an_ehc_plan_or_learning_needs(
    born: datetime.date, ehc: bool, learning: bool, needed: bool
) -> None:
    assert (
        needs_transition_plan(
            date_of_birth=born, has_ehc_plan=ehc, has_learning_needs=learning, today=TODAY
        )
        is needed
    )


def test_planning_starts_on_the_16th_birthday_or_1_march_when_it_does_not_exist() -> None:
    assert transition_planning_from(D(2008, 2, 29)) == D(2024, 2, 29)
    # 2100 is not a leap year.
    assert transition_planning_from(D(2084, 2, 29)) == D(2100, 3, 1)


@given(dates, dates, st.sampled_from([16, 18, 25]))
def test_the_database_age_cut_off_agrees_with_birthdays(
    born: datetime.date, today: datetime.date, age: int
) -> None:
    latest = latest_birth_date_reaching(age, today)
    assert (born <= latest) is (birthday(born, age) <= today)


@pytest.mark.parametrize(
    ("ehc", "learning", "disability", "mental_health", "complex_needs"),
    [
        (False, "", "", False, False),
        (False, "   ", " ", False, False),
        (True, "", "", False, True),
        (False, "Dyslexia", "", False, True),
        (False, "", "Autism", False, True),
        (False, "", "", True, True),
    ],
)
def test_complex_needs_are_any_of_ehc_learning_disability_or_mental_health(
    ehc: bool, learning: str, disability: str, mental_health: bool, complex_needs: bool
) -> None:
    assert (
        has_complex_needs(
            has_ehc_plan=ehc,
            learning_needs=learning,
            disability=disability,
            mental_health_needs=mental_health,
        )
        is complex_needs
    )


def test_dates_in_order_have_no_problems() -> None:
    assert (
        referral_date_problems(
            {
                "referred_on": D(2025, 1, 1),
                "acknowledged_on": D(2025, 1, 3),
                "assessed_on": None,
                "decided_on": D(2025, 2, 1),
                "support_started_on": D(2025, 2, 1),
            },
            today=TODAY,
        )
        == {}
    )


def test_a_decision_before_the_referral_is_refused_with_the_date_named() -> None:
    problems = referral_date_problems(
        {"referred_on": D(2025, 1, 10), "decided_on": D(2025, 1, 9)}, today=TODAY
    )
    assert problems == {
        "decided_on": "Date decided must be the same as or after the date referred "
        "(10 January 2025)"
    }


def test_a_date_in_the_future_is_refused() -> None:
    problems = referral_date_problems({"referred_on": D(2025, 6, 2)}, today=TODAY)
    assert problems == {"referred_on": "Date referred must be today or in the past"}


def test_a_withdrawal_before_the_referral_is_refused() -> None:
    problems = referral_date_problems(
        {"referred_on": D(2025, 1, 10), "withdrawn_on": D(2025, 1, 1)}, today=TODAY
    )
    assert set(problems) == {"withdrawn_on"}


@given(st.lists(st.dates(max_value=TODAY), min_size=5, max_size=5), st.data())
def test_steps_in_date_order_are_always_accepted(
    values: list[datetime.date], data: st.DataObject
) -> None:
    ordered = sorted(values)
    keep = data.draw(st.lists(st.booleans(), min_size=5, max_size=5))
    fields = {
        field: (day if kept or field == "referred_on" else None)
        for (field, _), day, kept in zip(DATE_ORDER, ordered, keep, strict=True)
    }
    assert referral_date_problems(fields, today=TODAY) == {}


@given(st.lists(st.dates(max_value=TODAY), min_size=5, max_size=5, unique=True))
def test_steps_out_of_order_are_always_refused(values: list[datetime.date]) -> None:
    fields = {field: day for (field, _), day in zip(DATE_ORDER, values, strict=True)}
    if values == sorted(values):
        return
    assert referral_date_problems(fields, today=TODAY) != {}


def test_threshold_not_met_needs_the_support_given_instead() -> None:
    assert decision_problems(
        outcome="not_met", alternative_support=" ", support_started_on=None
    ) == {"alternative_support": "Enter the support the young person will get instead"}
    assert (
        decision_problems(
            outcome="not_met", alternative_support="Mentoring", support_started_on=None
        )
        == {}
    )


@pytest.mark.parametrize(
    ("outcome", "allowed"), [("met", True), ("not_met", False), ("signposted", False), ("", False)]
)
def test_support_from_the_service_starts_only_when_its_threshold_was_met(
    outcome: str, allowed: bool
) -> None:
    problems = decision_problems(
        outcome=outcome, alternative_support="Mentoring", support_started_on=D(2025, 1, 1)
    )
    assert ("support_started_on" not in problems) is allowed
