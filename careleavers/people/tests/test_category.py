from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from careleavers.people.category import (
    RETURN_HOME_CONTINUOUS_DAYS,
    THIRTEEN_WEEKS_DAYS,
    CareEpisode,
    Category,
    CategoryDecision,
    CategoryFacts,
    HomePeriod,
    birthday,
    derive_category,
    next_category_change,
)

# One young person for the worked examples: 14 on 15 June 2022, 16 on 15 June 2024,
# 18 on 15 June 2026, 21 on 15 June 2029, 25 on 15 June 2033.
DOB = date(2008, 6, 15)
B14 = date(2022, 6, 15)
B16 = date(2024, 6, 15)
B18 = date(2026, 6, 15)
B21 = date(2029, 6, 15)
B25 = date(2033, 6, 15)


def care(start: date, end: date | None, legal_status: str = "C2") -> CareEpisode:
    return CareEpisode(start=start, end=end, legal_status=legal_status)


def facts(*episodes: CareEpisode, **flags: object) -> CategoryFacts:
    return CategoryFacts(date_of_birth=DOB, episodes=episodes, **flags)  # type: ignore[arg-type]


# A young person who came into care at 15 and left at 17: the usual relevant child.
LEFT_AT_17 = facts(care(date(2024, 1, 1), date(2025, 7, 1)))


# Worked examples ---------------------------------------------------------------------------


def test_in_care_from_15_to_17_is_eligible_from_16th_birthday():
    decision = derive_category(facts(care(date(2023, 6, 15), date(2025, 6, 15))), date(2024, 7, 1))

    assert decision.category is Category.ELIGIBLE
    assert decision.since == B16
    assert decision.reason == (
        "Looked after for 13 weeks or more since their 14th birthday, including time after "
        "their 16th birthday, and still looked after."
    )


def test_in_care_10_weeks_after_16_then_left_is_qualifying():
    left = date(2024, 9, 1) + timedelta(weeks=10)
    decision = derive_category(facts(care(date(2024, 9, 1), left)), date(2025, 1, 1))

    assert decision.category is Category.QUALIFYING
    assert decision.since == left


def test_left_care_at_17_after_13_weeks_is_relevant_from_the_day_care_ended():
    decision = derive_category(LEFT_AT_17, date(2025, 8, 1))

    assert decision.category is Category.RELEVANT
    assert decision.since == date(2025, 7, 1)
    assert "Left care on 1 July 2025" in decision.reason


def test_relevant_child_becomes_former_relevant_on_18th_birthday():
    decision = derive_category(LEFT_AT_17, B18)

    assert decision.category is Category.FORMER_RELEVANT
    assert decision.since == B18


def test_eligible_child_still_in_care_at_18_becomes_former_relevant():
    decision = derive_category(facts(care(date(2023, 1, 1), None)), date(2027, 1, 1))

    assert decision.category is Category.FORMER_RELEVANT
    assert decision.since == B18


def test_former_relevant_continues_to_25th_birthday():
    decision = derive_category(LEFT_AT_17, B25 - timedelta(days=1))

    assert decision.category is Category.FORMER_RELEVANT


def test_aged_25_is_not_a_care_leaver():
    decision = derive_category(LEFT_AT_17, B25)

    assert decision == CategoryDecision(Category.NONE, None, "Aged 25 or over.")


def test_under_16_is_not_a_care_leaver():
    decision = derive_category(facts(care(date(2023, 1, 1), None)), B16 - timedelta(days=1))

    assert decision == CategoryDecision(Category.NONE, None, "Under 16.")


def test_detained_on_16th_birthday_after_13_weeks_in_care_is_relevant():
    detained = facts(
        care(date(2023, 1, 1), date(2024, 3, 1)), detained_or_in_hospital_on_16th_birthday=True
    )

    decision = derive_category(detained, date(2024, 8, 1))

    assert decision.category is Category.RELEVANT
    assert decision.since == B16
    assert "in custody or in hospital on their 16th birthday" in decision.reason


def test_detained_on_16th_birthday_under_a_care_order_is_not_relevant_by_that_route():
    detained = facts(
        care(date(2023, 1, 1), date(2024, 3, 1)),
        detained_or_in_hospital_on_16th_birthday=True,
        subject_to_care_order_on_16th_birthday=True,
    )

    assert derive_category(detained, date(2024, 8, 1)).category is Category.NONE


def test_detained_on_16th_birthday_after_less_than_13_weeks_is_not_relevant():
    detained = facts(
        care(date(2024, 1, 1), date(2024, 3, 1)), detained_or_in_hospital_on_16th_birthday=True
    )

    assert derive_category(detained, date(2024, 8, 1)).category is Category.NONE


def test_relevant_child_home_for_7_months_is_qualifying():
    home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(HomePeriod(date(2025, 7, 1), None),),
    )

    decision = derive_category(home, date(2026, 2, 1))

    assert decision.category is Category.QUALIFYING
    assert decision.since == date(2025, 7, 1) + timedelta(days=RETURN_HOME_CONTINUOUS_DAYS)


def test_relevant_child_home_for_less_than_6_months_stays_relevant():
    home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(HomePeriod(date(2025, 7, 1), None),),
    )

    decision = derive_category(home, date(2025, 12, 1))

    assert decision.category is Category.RELEVANT
    assert decision.since == date(2025, 7, 1)


def test_return_home_that_broke_down_makes_them_relevant_again():
    home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(HomePeriod(date(2025, 7, 1), date(2026, 2, 1)),),
    )

    decision = derive_category(home, date(2026, 3, 1))

    assert decision.category is Category.RELEVANT
    assert decision.since == date(2026, 2, 1)
    assert "relevant child again" in decision.reason


def test_relevant_child_still_home_at_18_is_qualifying_not_former_relevant():
    home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(HomePeriod(date(2025, 7, 1), None),),
    )

    assert derive_category(home, date(2027, 1, 1)).category is Category.QUALIFYING


def test_home_time_before_leaving_care_does_not_count_towards_6_months():
    # Placed with parents while still looked after (placement P1) and then care ended.
    home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(HomePeriod(date(2025, 1, 1), None),),
    )

    assert derive_category(home, date(2025, 10, 1)).category is Category.RELEVANT


def test_short_breaks_only_are_not_eligible():
    breaks = facts(care(date(2023, 1, 1), None, "V3"))

    decision = derive_category(breaks, date(2024, 8, 1))

    assert decision.category is Category.NONE
    assert "short breaks" in decision.reason
    assert decision.needs_worker_decision is False


def test_lower_case_short_break_status_is_still_a_short_break():
    assert care(date(2023, 1, 1), None, " v4 ").is_short_break


def test_short_breaks_with_ordinary_care_use_ordinary_care_and_ask_a_worker():
    mixed = facts(
        care(date(2023, 1, 1), date(2024, 1, 1), "V3"),
        care(date(2024, 7, 1), None, "V2"),
    )

    decision = derive_category(mixed, date(2024, 8, 1))

    assert decision.category is Category.NONE
    assert decision.needs_worker_decision is True
    assert "short breaks" in decision.worker_decision_reason
    assert "would be eligible" in decision.worker_decision_reason


def test_ordinary_care_alone_without_short_breaks_needs_no_worker_decision():
    assert derive_category(LEFT_AT_17, date(2025, 8, 1)).needs_worker_decision is False


def test_care_before_14th_birthday_is_not_counted():
    # 60 days of this episode fall after the 14th birthday; 135 days in all.
    early = care(date(2022, 4, 1), date(2022, 8, 14))
    decision = derive_category(facts(early, care(date(2024, 7, 1), None)), date(2024, 8, 1))

    assert decision.category is Category.ELIGIBLE
    assert decision.since == date(2024, 7, 31)


def test_looked_after_less_than_13_weeks_is_told_when_they_become_eligible():
    decision = derive_category(facts(care(date(2024, 7, 1), None)), date(2024, 8, 1))

    assert decision.category is Category.NONE
    assert "become an eligible child on 29 September 2024" in decision.reason


def test_exactly_13_weeks_after_16_makes_a_relevant_child():
    start = date(2024, 7, 1)
    episode = care(start, start + timedelta(days=THIRTEEN_WEEKS_DAYS))

    assert derive_category(facts(episode), date(2025, 1, 1)).category is Category.RELEVANT


def test_one_day_short_of_13_weeks_makes_a_qualifying_care_leaver():
    start = date(2024, 7, 1)
    episode = care(start, start + timedelta(days=THIRTEEN_WEEKS_DAYS - 1))

    assert derive_category(facts(episode), date(2025, 1, 1)).category is Category.QUALIFYING


def test_looked_after_on_16th_birthday_counts_as_time_after_16():
    episode = care(date(2023, 1, 1), B16 + timedelta(days=1))

    decision = derive_category(facts(episode), date(2025, 1, 1))

    assert decision.category is Category.RELEVANT
    assert decision.since == B16 + timedelta(days=1)


def test_leaving_care_on_16th_birthday_is_not_time_after_16():
    episode = care(date(2023, 1, 1), B16)

    decision = derive_category(facts(episode), date(2025, 1, 1))

    assert decision.category is Category.NONE
    assert "not at any time after their 16th birthday" in decision.reason


def test_never_looked_after_is_not_a_care_leaver():
    decision = derive_category(facts(), date(2025, 1, 1))

    assert decision.category is Category.NONE
    assert decision.reason == "Not looked after at any time since their 14th birthday."


def test_special_guardianship_after_care_is_qualifying_from_16():
    sgo = facts(care(date(2015, 1, 1), date(2016, 1, 1)), special_guardianship_after_care=True)

    decision = derive_category(sgo, date(2024, 8, 1))

    assert decision.category is Category.QUALIFYING
    assert decision.since == B16


def test_qualifying_care_leaver_in_education_is_qualifying_until_25():
    left = facts(care(date(2024, 9, 1), date(2024, 10, 1)), in_education_or_training=True)

    assert derive_category(left, date(2030, 1, 1)).category is Category.QUALIFYING


def test_qualifying_care_leaver_not_in_education_stops_at_21():
    left = facts(care(date(2024, 9, 1), date(2024, 10, 1)))

    decision = derive_category(left, B21)

    assert decision.category is Category.NONE
    assert "Aged 21 or over" in decision.reason


def test_looked_after_at_18_without_13_weeks_is_qualifying_from_18th_birthday():
    decision = derive_category(facts(care(B18 - timedelta(days=30), None)), date(2027, 1, 1))

    assert decision.category is Category.QUALIFYING
    assert decision.since == B18


def test_episode_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="cannot end before it starts"):
        care(date(2024, 1, 2), date(2024, 1, 1))


def test_category_labels_are_human_words():
    assert [category.label for category in Category] == [
        "Eligible",
        "Relevant",
        "Former relevant",
        "Qualifying",
        "Not a care leaver",
    ]


def test_birthday_of_29_february_falls_on_1_march_in_a_common_year():
    assert birthday(date(2008, 2, 29), 18) == date(2026, 3, 1)


# next_category_change ----------------------------------------------------------------------


def test_next_change_for_a_child_under_16_is_their_16th_birthday():
    assert next_category_change(facts(), date(2020, 1, 1)) == B16


def test_next_change_for_a_relevant_child_is_their_18th_birthday():
    assert next_category_change(LEFT_AT_17, date(2025, 8, 1)) == B18


def test_next_change_for_a_former_relevant_young_adult_is_their_21st_birthday():
    assert next_category_change(LEFT_AT_17, date(2027, 1, 1)) == B21


def test_no_next_change_from_25():
    assert next_category_change(LEFT_AT_17, B25) is None


def test_next_change_is_the_day_13_weeks_in_care_is_reached():
    assert next_category_change(facts(care(date(2024, 7, 1), None)), date(2024, 8, 1)) == date(
        2024, 9, 29
    )


def test_next_change_is_the_day_6_months_at_home_is_completed():
    home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(HomePeriod(date(2025, 7, 1), None),),
    )

    assert next_category_change(home, date(2025, 8, 1)) == date(2025, 7, 1) + timedelta(
        days=RETURN_HOME_CONTINUOUS_DAYS
    )


# Properties --------------------------------------------------------------------------------

LEGAL_STATUSES = st.sampled_from(["C1", "C2", "V2", "E1", "J1", "V3", "V4"])
BIRTH_DATES = st.dates(date(2000, 1, 1), date(2012, 12, 31))


@st.composite
def episodes_for(draw: st.DrawFn, dob: date, latest: date | None = None) -> CareEpisode:
    """An episode between birth and the 25th birthday (ending by ``latest``).

    Most start between 13 and 18, where the categories are decided, so that every category
    turns up often.
    """
    last = latest or birthday(dob, 25)
    focus = st.dates(min(birthday(dob, 13), last), min(birthday(dob, 18), last))
    start = draw(st.one_of(focus, st.dates(dob, last)))
    if latest is None and draw(st.booleans()):
        return CareEpisode(start, None, draw(LEGAL_STATUSES))
    end = start + timedelta(days=draw(st.integers(0, 900)))
    return CareEpisode(start, min(end, last), draw(LEGAL_STATUSES))


@st.composite
def home_periods_for(draw: st.DrawFn, dob: date) -> HomePeriod:
    start = draw(st.dates(birthday(dob, 15), birthday(dob, 19)))
    end = draw(st.one_of(st.none(), st.dates(start, start + timedelta(days=700))))
    return HomePeriod(start, end)


@st.composite
def category_facts(draw: st.DrawFn, *, with_home: bool = True) -> CategoryFacts:
    dob = draw(BIRTH_DATES)
    episodes = draw(st.lists(episodes_for(dob), max_size=4))
    homes = draw(st.lists(home_periods_for(dob), max_size=2)) if with_home else []
    return CategoryFacts(
        date_of_birth=dob,
        episodes=tuple(episodes),
        home_periods=tuple(homes),
        detained_or_in_hospital_on_16th_birthday=draw(st.booleans()),
        subject_to_care_order_on_16th_birthday=draw(st.booleans()),
        special_guardianship_after_care=draw(st.booleans()),
        in_education_or_training=draw(st.booleans()),
    )


@given(st.data())
def test_episodes_ending_before_14th_birthday_never_change_the_category(data: st.DataObject):
    base = data.draw(category_facts())
    b14 = birthday(base.date_of_birth, 14)
    early = data.draw(st.lists(episodes_for(base.date_of_birth, latest=b14), min_size=1))
    on = data.draw(st.dates(birthday(base.date_of_birth, 15), birthday(base.date_of_birth, 26)))
    with_early = CategoryFacts(
        date_of_birth=base.date_of_birth,
        episodes=base.episodes + tuple(early),
        home_periods=base.home_periods,
        detained_or_in_hospital_on_16th_birthday=base.detained_or_in_hospital_on_16th_birthday,
        subject_to_care_order_on_16th_birthday=base.subject_to_care_order_on_16th_birthday,
        special_guardianship_after_care=base.special_guardianship_after_care,
        in_education_or_training=base.in_education_or_training,
    )

    assert derive_category(with_early, on) == derive_category(base, on)


@given(st.data())
def test_starting_a_straddling_episode_on_14th_birthday_never_changes_the_category(
    data: st.DataObject,
):
    base = data.draw(category_facts())
    b14 = birthday(base.date_of_birth, 14)
    start = data.draw(st.dates(base.date_of_birth, b14 - timedelta(days=1)))
    end = data.draw(
        st.one_of(st.none(), st.dates(b14 + timedelta(days=1), birthday(base.date_of_birth, 20)))
    )
    status = data.draw(LEGAL_STATUSES)
    on = data.draw(st.dates(birthday(base.date_of_birth, 15), birthday(base.date_of_birth, 26)))

    def with_episode(episode: CareEpisode) -> CategoryFacts:
        return CategoryFacts(
            date_of_birth=base.date_of_birth,
            episodes=(*base.episodes, episode),
            home_periods=base.home_periods,
            detained_or_in_hospital_on_16th_birthday=base.detained_or_in_hospital_on_16th_birthday,
            subject_to_care_order_on_16th_birthday=base.subject_to_care_order_on_16th_birthday,
            special_guardianship_after_care=base.special_guardianship_after_care,
            in_education_or_training=base.in_education_or_training,
        )

    straddling = with_episode(CareEpisode(start, end, status))
    truncated = with_episode(CareEpisode(b14, end, status))

    assert derive_category(straddling, on) == derive_category(truncated, on)


@given(st.data(), st.sampled_from([(16, 18), (18, 21), (21, 25)]))
def test_category_never_changes_between_birthdays_once_care_has_ended(
    data: st.DataObject, ages: tuple[int, int]
):
    dob = data.draw(BIRTH_DATES)
    first = data.draw(st.dates(birthday(dob, ages[0]), birthday(dob, ages[1]) - timedelta(days=1)))
    second = data.draw(st.dates(first, birthday(dob, ages[1]) - timedelta(days=1)))
    episodes = data.draw(st.lists(episodes_for(dob, latest=first), max_size=4))
    ended = CategoryFacts(
        date_of_birth=dob,
        episodes=tuple(episodes),
        detained_or_in_hospital_on_16th_birthday=data.draw(st.booleans()),
        subject_to_care_order_on_16th_birthday=data.draw(st.booleans()),
        special_guardianship_after_care=data.draw(st.booleans()),
        in_education_or_training=data.draw(st.booleans()),
    )

    assert derive_category(ended, first) == derive_category(ended, second)


@given(st.data())
def test_category_holds_until_the_next_category_change(data: st.DataObject):
    dob = data.draw(BIRTH_DATES)
    on = data.draw(st.dates(birthday(dob, 15), birthday(dob, 25)))
    # Facts recorded by ``on``: nothing starts or ends after it, though care may be ongoing.
    episodes = data.draw(st.lists(episodes_for(dob, latest=on), max_size=4))
    if data.draw(st.booleans()):
        episodes.append(CareEpisode(data.draw(st.dates(dob, on)), None, data.draw(LEGAL_STATUSES)))
    home_start = data.draw(st.dates(birthday(dob, 15), on))
    facts_now = CategoryFacts(
        date_of_birth=dob,
        episodes=tuple(episodes),
        home_periods=(HomePeriod(home_start, None),) if data.draw(st.booleans()) else (),
        detained_or_in_hospital_on_16th_birthday=data.draw(st.booleans()),
        special_guardianship_after_care=data.draw(st.booleans()),
        in_education_or_training=data.draw(st.booleans()),
    )
    change = next_category_change(facts_now, on)
    assume(change is not None)
    assert change is not None

    today = derive_category(facts_now, on)
    day_before_change = derive_category(facts_now, change - timedelta(days=1))

    assert (day_before_change.category, day_before_change.since) == (today.category, today.since)


@given(category_facts(), st.data())
def test_category_never_starts_after_the_day_it_is_derived_for(
    subject: CategoryFacts, data: st.DataObject
):
    on = data.draw(
        st.dates(birthday(subject.date_of_birth, 15), birthday(subject.date_of_birth, 26))
    )

    decision = derive_category(subject, on)

    assert decision.since is None or decision.since <= on
    assert (decision.since is None) == (decision.category is Category.NONE)


@given(category_facts(), st.data())
def test_each_category_only_applies_at_its_ages(subject: CategoryFacts, data: st.DataObject):
    dob = subject.date_of_birth
    on = data.draw(st.dates(birthday(dob, 15), birthday(dob, 26)))

    category = derive_category(subject, on).category

    if category in (Category.ELIGIBLE, Category.RELEVANT):
        assert birthday(dob, 16) <= on < birthday(dob, 18)
    if category is Category.FORMER_RELEVANT:
        assert birthday(dob, 18) <= on < birthday(dob, 25)
    if category is Category.QUALIFYING:
        assert birthday(dob, 16) <= on < birthday(dob, 25)
