"""The entitlement engine: worked examples and properties."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core.dates import birthday
from careleavers.offer.entitlements import (
    Area,
    EligibilityRule,
    OfferItem,
    PersonFacts,
    check_eligibility,
    personal_statement,
)

TODAY = datetime.date(2026, 11, 24)
SEVENTEEN = datetime.date(2009, 6, 1)  # 17 today, 18 on 1 June 2027

SETTING_UP_HOME = OfferItem(
    "setting_up_home",
    "Setting up home allowance",
    Area.ACCOMMODATION,
    EligibilityRule(min_age=18, max_age=25, categories=frozenset({"former_relevant"})),
)
HE_BURSARY = OfferItem(
    "he_bursary",
    "Higher education bursary",
    Area.EDUCATION_AND_TRAINING,
    EligibilityRule(
        min_age=18,
        max_age=25,
        categories=frozenset({"former_relevant"}),
        requires_higher_education=True,
    ),
)
BURSARY_16_19 = OfferItem(
    "bursary_16_19",
    "16 to 19 bursary",
    Area.EDUCATION_AND_TRAINING,
    EligibilityRule(
        min_age=16,
        max_age=20,
        requires_education_or_training=True,
        excludes_higher_education=True,
    ),
)
COUNCIL_TAX = OfferItem(
    "council_tax",
    "Council tax exemption",
    Area.ACCOMMODATION,
    EligibilityRule(min_age=18, max_age=25, requires_tenancy=True),
)
BIRTHDAY_GRANT = OfferItem(
    "birthday", "Birthday grant", Area.RELATIONSHIPS, EligibilityRule(max_age=25)
)
CATALOGUE = [SETTING_UP_HOME, HE_BURSARY, BURSARY_16_19, COUNCIL_TAX, BIRTHDAY_GRANT]


def facts(**overrides: object) -> PersonFacts:
    values: dict[str, object] = {"date_of_birth": SEVENTEEN, "category": "relevant"}
    values.update(overrides)
    return PersonFacts(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "person", "eligible"),
    [
        (BIRTHDAY_GRANT, facts(), True),
        (SETTING_UP_HOME, facts(), False),  # 17 and relevant: not yet
        (
            SETTING_UP_HOME,
            facts(date_of_birth=datetime.date(2006, 1, 1), category="former_relevant"),
            True,
        ),
        (
            HE_BURSARY,
            facts(
                date_of_birth=datetime.date(2006, 1, 1), category="former_relevant", activity="F1"
            ),
            True,
        ),
        (
            HE_BURSARY,
            facts(
                date_of_birth=datetime.date(2006, 1, 1), category="former_relevant", activity="F2"
            ),
            False,
        ),
        (BURSARY_16_19, facts(activity="F2"), True),
        (BURSARY_16_19, facts(activity="G5"), False),
        (BIRTHDAY_GRANT, facts(category="none"), False),  # not a care leaver
        (BIRTHDAY_GRANT, facts(date_of_birth=datetime.date(2001, 1, 1)), False),  # 25
    ],
)
def test_worked_examples(item: OfferItem, person: PersonFacts, eligible: bool) -> None:
    assert check_eligibility(item.rule, person, TODAY).eligible is eligible


def test_an_unmet_condition_is_explained_in_plain_words() -> None:
    result = check_eligibility(SETTING_UP_HOME.rule, facts(), TODAY)
    assert "You need to be 18 or over" in result.unmet


def test_statement_of_a_17_year_old_lists_what_opens_at_18_university_and_tenancy() -> None:
    statement = personal_statement(items=CATALOGUE, facts=facts(), on=TODAY)
    assert [item.key for item in statement.entitled_now] == ["birthday"]
    openings = {opening.item.key: opening.trigger for opening in statement.opens_next}
    assert openings["setting_up_home"] == "On your 18th birthday (1 June 2027)"
    assert openings["he_bursary"] == "When you start university"
    assert openings["council_tax"] == "When you get your own tenancy"


def test_the_16_to_19_bursary_is_never_offered_for_starting_university() -> None:
    # A 17-year-old not in education: university opens the higher education bursary, not the
    # bursary for school, college or training (which a student at university cannot have).
    statement = personal_statement(items=CATALOGUE, facts=facts(activity="G5"), on=TODAY)
    openings = {opening.item.key: opening.trigger for opening in statement.opens_next}
    assert openings["he_bursary"] == "When you start university"
    assert "bursary_16_19" not in openings
    at_university = check_eligibility(BURSARY_16_19.rule, facts(activity="F1"), TODAY)
    assert at_university.unmet == ("This is for school, college or training, not university",)


def test_statement_changes_on_the_18th_birthday() -> None:
    eighteenth = datetime.date(2027, 6, 1)
    person = facts(category="former_relevant")
    before = personal_statement(
        items=CATALOGUE, facts=person, on=eighteenth - datetime.timedelta(days=1)
    )
    after = personal_statement(items=CATALOGUE, facts=person, on=eighteenth)
    assert "setting_up_home" not in {item.key for item in before.entitled_now}
    assert "setting_up_home" in {item.key for item in after.entitled_now}


def test_what_has_been_had_is_listed() -> None:
    statement = personal_statement(
        items=CATALOGUE, facts=facts(), on=TODAY, received_keys=["birthday"]
    )
    assert [item.key for item in statement.had] == ["birthday"]


def test_rules_round_trip_through_their_stored_form() -> None:
    rule = HE_BURSARY.rule
    assert EligibilityRule.from_data(rule.to_data()) == rule


def test_unknown_stored_conditions_are_refused() -> None:
    with pytest.raises(ValueError, match="Unknown eligibility conditions: favourite_colour"):
        EligibilityRule.from_data({"favourite_colour": "blue"})


dates_of_birth = st.dates(datetime.date(2000, 1, 1), datetime.date(2010, 12, 31))
categories = st.sampled_from(["eligible", "relevant", "former_relevant", "qualifying", "none"])
activities = st.sampled_from(["", "F1", "P1", "F2", "F4", "F5", "G4", "G5", "G6"])


@given(dates_of_birth, categories, activities, st.booleans())
def test_an_item_never_both_opens_next_and_is_held_now(
    date_of_birth: datetime.date, category: str, activity: str, tenancy: bool
) -> None:
    person = PersonFacts(date_of_birth, category, activity=activity, has_tenancy=tenancy)
    statement = personal_statement(items=CATALOGUE, facts=person, on=TODAY)
    now = {item.key for item in statement.entitled_now}
    assert now.isdisjoint({opening.item.key for opening in statement.opens_next})
    assert now | {item.key for item, _ in statement.not_now} == {i.key for i in CATALOGUE}


@given(dates_of_birth, categories, activities)
def test_starting_university_never_takes_an_entitlement_away_from_a_former_relevant_adult(
    date_of_birth: datetime.date, category: str, activity: str
) -> None:
    person = PersonFacts(date_of_birth, category, activity=activity)
    student = PersonFacts(date_of_birth, category, activity="F1")
    # Apart from what is only for school, college or training (the 16 to 19 bursary).
    rules = [
        item.rule
        for item in CATALOGUE
        if not item.rule.activities and not item.rule.excludes_higher_education
    ]
    for rule in rules:
        if check_eligibility(rule, person, TODAY).eligible and not rule.requires_tenancy:
            assert check_eligibility(rule, student, TODAY).eligible


@given(dates_of_birth, categories, st.integers(min_value=0, max_value=364))
def test_eligibility_depends_on_the_date_only_through_age(
    date_of_birth: datetime.date, category: str, shift: int
) -> None:
    # Two days on which the young person is the same age give the same answer.
    person = PersonFacts(date_of_birth, category)
    # The birthday in 2026 itself: clamping the day to 28 put it before a birthday on the
    # 29th to 31st, so the shifted day could cross the birthday (hypothesis found 29 January).
    age_day = birthday(date_of_birth, 2026 - date_of_birth.year)
    later = age_day + datetime.timedelta(days=shift % 28)
    for item in CATALOGUE:
        assert (
            check_eligibility(item.rule, person, age_day).eligible
            == check_eligibility(item.rule, person, later).eligible
        )
