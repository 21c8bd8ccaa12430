"""Who may ask for, or decline, a personal adviser from 21 to 25 (Children Act 1989 s.23CZB)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from careleavers.people.adviser_support import (
    choice_refusal,
    current_choices,
    may_ask_for_adviser,
)
from careleavers.people.category import Category

CATEGORIES = st.sampled_from([category.value for category in Category])


def test_a_former_relevant_young_person_of_21_may_choose():
    assert (
        choice_refusal(kind="asked", category="former_relevant", age=21, told_on=date(2027, 1, 1))
        == ""
    )


def test_a_qualifying_care_leaver_is_told_why_not():
    refusal = choice_refusal(kind="asked", category="qualifying", age=22, told_on=date(2027, 1, 1))

    assert refusal.startswith("Only a former relevant young person")
    assert "qualifying" in refusal


def test_education_is_refused_in_its_own_words():
    refusal = choice_refusal(kind="education", category="none", age=22, told_on=date(2027, 1, 1))

    assert "education or training under Children Act 1989 s.23CA" in refusal


def test_at_25_it_is_too_late():
    refusal = choice_refusal(
        kind="declined", category="former_relevant", age=25, told_on=date(2027, 1, 1)
    )

    assert "They were 25 on 1 January 2027" in refusal


@given(CATEGORIES, st.integers(15, 30), st.booleans(), st.booleans())
def test_only_former_relevant_21_to_24_without_an_adviser_are_offered(
    category: str, age: int, has_adviser: bool, declined: bool
):
    offered = may_ask_for_adviser(
        category=category, age=age, has_adviser=has_adviser, declined=declined
    )

    assert offered == (
        category == "former_relevant" and 21 <= age < 25 and (declined or not has_adviser)
    )


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["asked", "declined", "education"]),
            st.dates(date(2025, 1, 1), date(2030, 1, 1)),
        ),
        max_size=6,
    )
)
def test_the_latest_ask_or_decline_decides(choices: list[tuple[str, date]]):
    rows = [(kind, told_on, index) for index, (kind, told_on) in enumerate(choices)]

    declined_on, education_on = current_choices(rows)

    adviser_rows = sorted((r for r in rows if r[0] != "education"), key=lambda r: (r[1], r[2]))
    if not adviser_rows or adviser_rows[-1][0] == "asked":
        assert declined_on is None
    else:
        assert declined_on == adviser_rows[-1][1]
    educations = [told_on for kind, told_on, _ in rows if kind == "education"]
    assert education_on == (max(educations) if educations else None)


def test_asking_after_declining_clears_the_decline():
    day = date(2027, 1, 1)

    assert current_choices([("declined", day, 1), ("asked", day + timedelta(days=30), 2)]) == (
        None,
        None,
    )
