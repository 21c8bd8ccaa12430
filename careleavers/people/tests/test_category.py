"""The care-leaver category engine, checked against worked examples from the law's own words.

Each example names the rule it applies (docs/law/care-leaver-categories.md quotes them) and picks
dates that sit on the rule's boundary: 13 weeks, six calendar months from 31 August, the 16th
and 18th birthdays, 29 February, a return home at 19 and its breakdown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from careleavers.core.dates import birthday
from careleavers.people.category import (
    CARE_ENDED_ON_16TH,
    LEAP_DAY,
    SHORT_BREAKS_WITH_CARE,
    THIRTEEN_WEEKS_DAYS,
    AccommodatedKind,
    AccommodatedPeriod,
    CareEpisode,
    Category,
    CategoryFacts,
    HomePeriod,
    derive_category,
    months_completed_on,
    next_category_change,
    return_home_completed_on,
    staying_put_check,
)

# One young person for the worked examples: 14 on 15 June 2022, 16 on 15 June 2024,
# 18 on 15 June 2026, 21 on 15 June 2029, 25 on 15 June 2033.
DOB = date(2008, 6, 15)
B14 = date(2022, 6, 15)
B16 = date(2024, 6, 15)
B18 = date(2026, 6, 15)
B21 = date(2029, 6, 15)
B25 = date(2033, 6, 15)


def care(
    start: date, end: date | None, legal_status: str = "C2", placement: str = "U4"
) -> CareEpisode:
    return CareEpisode(start=start, end=end, legal_status=legal_status, placement_type=placement)


def facts(*episodes: CareEpisode, **flags: object) -> CategoryFacts:
    return CategoryFacts(date_of_birth=DOB, episodes=episodes, **flags)  # type: ignore[arg-type]


def home(start: date, end: date | None = None) -> HomePeriod:
    return HomePeriod(start, end)


# A young person who came into care at 15 and left at 17: the usual relevant child.
LEFT_AT_17 = facts(care(date(2024, 1, 1), date(2025, 7, 1)))


# Eligible, relevant, former relevant, qualifying: the usual routes ---------------------------


def test_in_care_from_15_to_17_is_eligible_from_16th_birthday():
    decision = derive_category(facts(care(date(2023, 6, 15), date(2025, 6, 15))), date(2024, 7, 1))

    assert decision.category is Category.ELIGIBLE
    assert decision.since == B16
    assert decision.first_eligible_on == B16
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
    assert decision.former_relevant_route == "s.23C(1)(a)"


def test_eligible_child_still_in_care_at_18_becomes_former_relevant():
    decision = derive_category(facts(care(date(2023, 1, 1), None)), date(2027, 1, 1))

    assert decision.category is Category.FORMER_RELEVANT
    assert decision.since == B18
    assert decision.former_relevant_route == "s.23C(1)(b)"


def test_former_relevant_continues_to_25th_birthday():
    decision = derive_category(LEFT_AT_17, B25 - timedelta(days=1))

    assert decision.category is Category.FORMER_RELEVANT


def test_aged_25_is_not_a_care_leaver():
    decision = derive_category(LEFT_AT_17, B25)

    assert (decision.category, decision.since, decision.reason) == (
        Category.NONE,
        None,
        "Aged 25 or over.",
    )


def test_under_16_is_not_a_care_leaver():
    decision = derive_category(facts(care(date(2023, 1, 1), None)), B16 - timedelta(days=1))

    assert decision.category is Category.NONE
    assert decision.reason == "Under 16."


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
    assert decision.needs_worker_decision is False


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


# "Six months" is six calendar months (Interpretation Act 1978 Sch 1; reg 3(5)) ---------------


def test_six_calendar_months_from_1_january_are_complete_on_1_july():
    assert return_home_completed_on(date(2025, 1, 1)) == date(2025, 7, 1)


def test_six_calendar_months_from_31_august_end_on_the_last_day_of_february():
    # The period ends on 28 February 2026 (there is no 31 February), so it is complete on
    # 1 March; 183 days would have run to 2 March.
    assert return_home_completed_on(date(2025, 8, 31)) == date(2026, 3, 1)
    assert date(2025, 8, 31) + timedelta(days=183) == date(2026, 3, 2)


def test_six_calendar_months_in_a_leap_year_and_from_28_august():
    assert return_home_completed_on(date(2023, 8, 31)) == date(2024, 3, 1)
    assert return_home_completed_on(date(2023, 8, 29)) == date(2024, 2, 29)
    assert return_home_completed_on(date(2025, 7, 1)) == date(2026, 1, 1)
    assert return_home_completed_on(date(2025, 8, 28)) == date(2026, 2, 28)
    assert months_completed_on(date(2024, 7, 1), 3) == date(2024, 10, 1)


def _six_months_home_make_them_qualifying(
    at_home: CategoryFacts, before: Category, *, on: date, reason: str, asked_on: date
) -> None:
    """The day before `on` they are still `before`; on it, six calendar months at home make them
    qualifying, for `reason`; and asked on `asked_on`, the engine names `on` as the next change."""
    day_before = derive_category(at_home, on - timedelta(days=1))
    six_months = derive_category(at_home, on)

    assert day_before.category is before
    assert six_months.category is Category.QUALIFYING
    assert six_months.since == on
    assert reason in six_months.reason
    assert next_category_change(at_home, asked_on) == on


def test_home_from_31_august_ends_the_relevant_child_category_on_1_march():
    went_home = facts(
        care(date(2024, 1, 1), date(2025, 8, 31)), home_periods=(home(date(2025, 8, 31)),)
    )

    _six_months_home_make_them_qualifying(
        went_home,
        Category.RELEVANT,
        on=date(2026, 3, 1),
        reason="6 months or more without a break",
        asked_on=date(2025, 9, 1),
    )


def test_return_home_that_broke_down_makes_them_relevant_again():
    went_home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(home(date(2025, 7, 1), date(2026, 2, 1)),),
    )

    decision = derive_category(went_home, date(2026, 3, 1))

    assert decision.category is Category.RELEVANT
    assert decision.since == date(2026, 2, 1)
    assert "relevant child again" in decision.reason


def test_return_home_that_broke_down_a_day_before_6_months_changes_nothing():
    went_home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(home(date(2025, 7, 1), date(2025, 12, 31)),),
    )

    decision = derive_category(went_home, date(2026, 1, 15))

    assert decision.category is Category.RELEVANT
    assert decision.since == date(2025, 7, 1)


# Reg 3(5): "whether that period commenced before or after they ceased to be looked after" ------


def test_time_placed_with_parents_before_care_ended_counts_towards_the_6_months():
    # Placed with their mother (P1) on 1 January 2025; care ended on 1 July 2025 and they
    # stayed. Six months were complete on the day care ended: never a relevant child.
    placed_home = facts(
        care(date(2024, 1, 1), date(2025, 1, 1)),
        care(date(2025, 1, 1), date(2025, 7, 1), placement="P1"),
        home_periods=(home(date(2025, 7, 1)),),
    )

    decision = derive_category(placed_home, date(2025, 8, 1))

    assert decision.category is Category.QUALIFYING
    assert decision.since == date(2025, 7, 1)
    assert "when their care ended, so did not become a relevant child" in decision.reason


def test_time_at_home_recorded_from_before_care_ended_counts_towards_the_6_months():
    recorded = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(home(date(2025, 1, 1)),),
    )

    assert derive_category(recorded, date(2025, 10, 1)).category is Category.QUALIFYING


def test_placed_with_parents_3_months_before_care_ended_is_relevant_until_6_months():
    placed_home = facts(
        care(date(2024, 1, 1), date(2025, 4, 1)),
        care(date(2025, 4, 1), date(2025, 7, 1), placement="P1"),
        home_periods=(home(date(2025, 7, 1)),),
    )

    relevant = derive_category(placed_home, date(2025, 9, 30))
    qualifying = derive_category(placed_home, date(2025, 10, 1))

    assert (relevant.category, relevant.since) == (Category.RELEVANT, date(2025, 7, 1))
    assert (qualifying.category, qualifying.since) == (Category.QUALIFYING, date(2025, 10, 1))


# Reg 3(2): detained or in hospital on the 16th birthday, looked after "immediately before" ------


def detained(care_start: date, care_end: date, admitted: date | None, **flags: object):
    return facts(
        care(care_start, care_end),
        detained_or_in_hospital_on_16th_birthday=True,
        detained_or_admitted_on=admitted,
        **flags,
    )


def test_detained_straight_from_13_weeks_of_care_is_relevant_from_16th_birthday():
    # 1 December 2023 to 1 March 2024 is 91 days, 13 weeks exactly.
    decision = derive_category(
        detained(date(2023, 12, 1), date(2024, 3, 1), date(2024, 3, 1)), date(2024, 8, 1)
    )

    assert decision.category is Category.RELEVANT
    assert decision.since == B16
    assert "in custody or in hospital on their 16th birthday" in decision.reason


def test_detained_straight_from_a_day_short_of_13_weeks_is_not_relevant():
    decision = derive_category(
        detained(date(2023, 12, 2), date(2024, 3, 1), date(2024, 3, 1)), date(2024, 8, 1)
    )

    assert decision.category is Category.NONE


def test_detained_18_months_after_care_ended_is_not_relevant():
    # Care ended on 30 September 2022 after 107 days since the 14th birthday; detained on
    # 1 March 2024. The care was not "immediately before" the detention.
    decision = derive_category(
        detained(date(2022, 6, 15), date(2022, 9, 30), date(2024, 3, 1)), date(2024, 8, 1)
    )

    assert decision.category is Category.NONE
    assert "not at any time after their 16th birthday" in decision.reason


def test_detained_on_16th_birthday_under_a_care_order_is_not_relevant_by_that_route():
    decision = derive_category(
        detained(
            date(2023, 1, 1),
            date(2024, 3, 1),
            date(2024, 3, 1),
            subject_to_care_order_on_16th_birthday=True,
        ),
        date(2024, 8, 1),
    )

    assert decision.category is Category.NONE


def test_detained_without_a_date_asks_for_the_date():
    decision = derive_category(
        detained(date(2023, 1, 1), date(2024, 3, 1), None), date(2024, 8, 1)
    )

    assert decision.category is Category.NONE
    assert decision.needs_worker_decision is True
    assert "Record the day they were detained" in decision.worker_decision_reason


# After 18: s.23C(1)(a) "and would be one if he were under eighteen" ---------------------------

# Left care at 17, former relevant at 18; went home to their father at 19 on 20 June 2027.
HOME_AT_19 = date(2027, 6, 20)


def test_return_home_at_19_ends_former_relevant_after_6_calendar_months():
    at_home = facts(care(date(2024, 1, 1), date(2025, 7, 1)), home_periods=(home(HOME_AT_19),))

    _six_months_home_make_them_qualifying(
        at_home,
        Category.FORMER_RELEVANT,
        on=date(2027, 12, 20),
        reason="not former relevant while they live there",
        asked_on=date(2027, 7, 1),
    )


def test_return_home_at_19_that_breaks_down_makes_them_former_relevant_again():
    broke_down = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(home(HOME_AT_19, date(2028, 3, 1)),),
    )

    decision = derive_category(broke_down, date(2028, 3, 1))

    assert decision.category is Category.FORMER_RELEVANT
    assert decision.since == date(2028, 3, 1)
    assert "former relevant again" in decision.reason


def test_relevant_child_still_home_at_18_is_qualifying_not_former_relevant():
    at_home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)), home_periods=(home(date(2025, 7, 1)),)
    )

    assert derive_category(at_home, date(2027, 1, 1)).category is Category.QUALIFYING


def test_return_home_from_17_that_breaks_down_at_19_makes_them_former_relevant():
    broke_down = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)),
        home_periods=(home(date(2025, 7, 1), date(2027, 1, 1)),),
    )

    at_18 = derive_category(broke_down, B18)
    after = derive_category(broke_down, date(2027, 1, 1))

    assert at_18.category is Category.QUALIFYING
    assert (after.category, after.since) == (Category.FORMER_RELEVANT, date(2027, 1, 1))


def test_looked_after_at_18_stays_former_relevant_through_a_return_home():
    # s.23C(1)(b) has no "would be one if under eighteen": home after 18 changes nothing.
    in_care_at_18 = facts(care(date(2023, 1, 1), B18), home_periods=(home(B18, date(2028, 1, 1)),))

    decision = derive_category(in_care_at_18, date(2027, 6, 1))

    assert decision.category is Category.FORMER_RELEVANT
    assert decision.since == B18


def test_never_relevant_because_home_before_care_ended_stays_qualifying_after_breakdown():
    placed_home = facts(
        care(date(2024, 1, 1), date(2025, 1, 1)),
        care(date(2025, 1, 1), date(2025, 7, 1), placement="P1"),
        home_periods=(home(date(2025, 7, 1), date(2027, 1, 1)),),
    )

    assert derive_category(placed_home, date(2027, 2, 1)).category is Category.QUALIFYING


# Short breaks: CPPCR reg 40(2) and reg 48 ----------------------------------------------------


def monthly_stays(first: date, months: int, days: int, legal_status: str = "V3"):
    stays = []
    for month in range(months):
        start = date(
            first.year + (first.month - 1 + month) // 12, (first.month - 1 + month) % 12 + 1, 1
        )
        stays.append(care(start, start + timedelta(days=days), legal_status, "K2"))
    return tuple(stays)


def test_short_breaks_only_are_not_eligible():
    breaks = facts(*monthly_stays(date(2022, 7, 1), 30, 6))

    decision = derive_category(breaks, date(2024, 8, 1))

    assert decision.category is Category.NONE
    assert "short breaks" in decision.reason
    assert decision.needs_worker_decision is False


def test_168_days_a_year_of_short_breaks_is_care():
    # 14 days every month: 168 days in 12 months, beyond reg 48(2)(c)'s 75.
    breaks = facts(*monthly_stays(date(2022, 7, 1), 30, 14))

    during_a_stay = derive_category(breaks, date(2024, 7, 5))
    after_it = derive_category(breaks, date(2024, 7, 20))

    assert during_a_stay.category is Category.ELIGIBLE
    assert after_it.category is Category.RELEVANT
    assert after_it.since == date(2024, 7, 15)


def test_75_days_of_short_breaks_in_12_months_are_short_breaks_and_76_are_care():
    def stays(last: int) -> tuple[CareEpisode, ...]:
        lengths = (15, 15, 15, 15, last)
        starts = [date(2023, 1, 1) + timedelta(days=60 * i) for i in range(5)]
        return tuple(
            care(s, s + timedelta(days=n), "V3", "K2")
            for s, n in zip(starts, lengths, strict=True)
        )

    within = derive_category(facts(*stays(15)), date(2024, 8, 1))
    beyond = derive_category(facts(*stays(16)), date(2024, 8, 1))

    assert "short breaks" in within.reason
    assert beyond.reason.startswith("Never looked after for 13 weeks")


def test_a_short_break_of_18_days_asks_a_worker_how_it_was_planned():
    stay = care(date(2024, 7, 1), date(2024, 7, 19), "V3", "K2")

    undecided = derive_category(facts(stay), date(2024, 8, 1))
    decided = derive_category(
        facts(stay, decisions={"short_break_stay_2024-07-01": "short_break"}), date(2024, 8, 1)
    )

    assert undecided.needs_worker_decision is True
    (question,) = undecided.questions
    assert question.key == "short_break_stay_2024-07-01"
    assert "lasted 18 days" in question.text
    assert [reading.key for reading in question.readings] == ["short_break", "care"]
    assert "planned to last 17 days or less" in undecided.worker_decision_reason
    assert "planned to last longer than 17 days" in undecided.worker_decision_reason
    assert undecided.category is Category.QUALIFYING  # counted as care until a worker decides
    assert decided.category is Category.NONE
    assert decided.needs_worker_decision is False


def test_a_short_break_of_17_days_is_a_short_break():
    stay = care(date(2024, 7, 1), date(2024, 7, 18), "V3", "K2")

    decision = derive_category(facts(stay), date(2024, 8, 1))

    assert decision.category is Category.NONE
    assert decision.needs_worker_decision is False


def test_short_breaks_with_other_care_give_both_readings_to_a_worker():
    mixed = facts(*monthly_stays(date(2023, 1, 1), 6, 10), care(date(2024, 7, 1), None, "V2"))

    undecided = derive_category(mixed, date(2024, 8, 1))
    decided = derive_category(
        CategoryFacts(
            date_of_birth=DOB,
            episodes=mixed.episodes,
            decisions={SHORT_BREAKS_WITH_CARE: "short_breaks"},
        ),
        date(2024, 8, 1),
    )

    (question,) = undecided.questions
    assert question.key == SHORT_BREAKS_WITH_CARE
    assert question.reading("short_breaks").outcome == "they would not be a care leaver"
    assert question.reading("care").outcome == "they would be an eligible child from 31 July 2024"
    assert undecided.category is Category.ELIGIBLE
    assert decided.category is Category.NONE
    assert "become an eligible child on" in decided.reason


def test_ordinary_care_alone_needs_no_worker_decision():
    assert derive_category(LEFT_AT_17, date(2025, 8, 1)).needs_worker_decision is False


# An eligible child who comes back into care keeps the day they first became eligible ---------


def test_eligible_child_back_in_care_keeps_the_day_they_first_became_eligible():
    back = facts(care(date(2024, 1, 1), date(2024, 9, 1)), care(date(2025, 1, 1), None))

    between = derive_category(back, date(2024, 10, 1))
    returned = derive_category(back, date(2025, 2, 1))

    assert between.category is Category.RELEVANT
    assert (returned.category, returned.since) == (Category.ELIGIBLE, B16)
    assert returned.first_eligible_on == B16


# Arguable: care that ended on the 16th birthday (CA 1989 Sch 2 para 19B(2)(b)) ---------------


def test_care_ending_on_16th_birthday_asks_a_worker_with_both_readings():
    ended_on_birthday = facts(care(date(2023, 1, 1), B16))

    undecided = derive_category(ended_on_birthday, date(2025, 1, 1))

    (question,) = undecided.questions
    assert question.key == CARE_ENDED_ON_16TH
    assert (
        question.reading("after_16").outcome == "they would be a relevant child from 15 June 2024"
    )
    assert question.reading("before_16").outcome == "they would not be a care leaver"
    assert "If they reached 16 at the start of their birthday" in undecided.worker_decision_reason
    assert "If no day of their care fell after they were 16" in undecided.worker_decision_reason
    assert (undecided.category, undecided.since) == (Category.RELEVANT, B16)


def test_care_ending_on_16th_birthday_follows_the_workers_decision():
    ended = care(date(2023, 1, 1), B16)

    before = derive_category(
        facts(ended, decisions={CARE_ENDED_ON_16TH: "before_16"}), date(2025, 1, 1)
    )
    after = derive_category(facts(ended, decisions={CARE_ENDED_ON_16TH: "after_16"}), B18)

    assert before.category is Category.NONE
    assert "not at any time after their 16th birthday" in before.reason
    assert before.needs_worker_decision is False
    assert after.category is Category.FORMER_RELEVANT
    assert after.questions[0].decided == "after_16"


# Arguable: a birthday on 29 February -----------------------------------------------------------

LEAPLING = date(2008, 2, 29)


def test_born_on_29_february_asks_which_day_they_turn_18_in_a_common_year():
    leapling = CategoryFacts(
        date_of_birth=LEAPLING, episodes=(care(date(2023, 1, 1), date(2025, 7, 1)),)
    )

    undecided = derive_category(leapling, date(2026, 2, 28))

    (question,) = undecided.questions
    assert question.key == LEAP_DAY
    assert question.reading("1_march").outcome == "they would be a relevant child from 1 July 2025"
    assert question.reading("28_february").outcome == (
        "they would be a former relevant young person from 28 February 2026"
    )
    assert undecided.category is Category.RELEVANT  # 1 March until a worker decides
    assert "Until a worker decides" in undecided.worker_decision_reason


def test_born_on_29_february_follows_the_workers_decision():
    leapling = CategoryFacts(
        date_of_birth=LEAPLING,
        episodes=(care(date(2023, 1, 1), date(2025, 7, 1)),),
        decisions={LEAP_DAY: "28_february"},
    )

    decision = derive_category(leapling, date(2026, 2, 28))

    assert (decision.category, decision.since) == (Category.FORMER_RELEVANT, date(2026, 2, 28))
    assert decision.needs_worker_decision is False


def test_birthday_of_29_february_falls_on_1_march_in_a_common_year_by_default():
    assert birthday(LEAPLING, 18) == date(2026, 3, 1)
    assert birthday(LEAPLING, 18, leap_day_on_28_february=True) == date(2026, 2, 28)
    assert birthday(LEAPLING, 16) == date(2024, 2, 29)


# Qualifying routes: CA 1989 s.24(2)(b) to (e) ----------------------------------------------------


def accommodated(kind: AccommodatedKind, start: date, end: date | None) -> CategoryFacts:
    return facts(accommodated_periods=(AccommodatedPeriod(kind, start, end),))


@pytest.mark.parametrize(
    "kind",
    [
        AccommodatedKind.VOLUNTARY_ORGANISATION,
        AccommodatedKind.PRIVATE_CHILDRENS_HOME,
        AccommodatedKind.PRIVATELY_FOSTERED,
    ],
)
def test_accommodated_or_fostered_after_16_and_no_longer_is_qualifying(kind: AccommodatedKind):
    decision = derive_category(
        accommodated(kind, date(2024, 9, 1), date(2025, 1, 1)), date(2025, 2, 1)
    )

    assert (decision.category, decision.since) == (Category.QUALIFYING, date(2025, 1, 1))
    assert kind.label in decision.reason


def test_still_privately_fostered_is_not_yet_qualifying():
    decision = derive_category(
        accommodated(AccommodatedKind.PRIVATELY_FOSTERED, date(2024, 9, 1), None),
        date(2025, 2, 1),
    )

    assert decision.category is Category.NONE


def test_in_hospital_for_3_calendar_months_after_16_is_qualifying_and_a_day_less_is_not():
    three_months = accommodated(
        AccommodatedKind.HEALTH_OR_EDUCATION, date(2024, 7, 1), date(2024, 10, 1)
    )
    day_less = accommodated(
        AccommodatedKind.HEALTH_OR_EDUCATION, date(2024, 7, 1), date(2024, 9, 30)
    )

    assert derive_category(three_months, date(2025, 1, 1)).category is Category.QUALIFYING
    assert derive_category(day_less, date(2025, 1, 1)).category is Category.NONE


def test_accommodated_only_before_16_is_not_qualifying():
    decision = derive_category(
        accommodated(AccommodatedKind.VOLUNTARY_ORGANISATION, date(2023, 1, 1), date(2024, 1, 1)),
        date(2025, 2, 1),
    )

    assert decision.category is Category.NONE


# Staying Put: CA 1989 s.23CZA(2) ---------------------------------------------------------------


def test_staying_put_is_allowed_after_foster_care_at_18():
    check = staying_put_check(facts(care(date(2023, 1, 1), B18, placement="U4")), B18)

    assert check.allowed is True


def test_staying_put_looks_past_a_temporary_move_to_the_foster_placement():
    history = facts(
        care(date(2023, 1, 1), date(2026, 6, 1), placement="U6"),
        care(date(2026, 6, 1), B18, placement="T3"),
    )

    assert staying_put_check(history, B18).allowed is True


def test_staying_put_is_refused_after_a_childrens_home():
    check = staying_put_check(facts(care(date(2023, 1, 1), B18, placement="K2")), B18)

    assert check.allowed is False
    assert "not a foster placement (K2)" in check.reason


def test_staying_put_is_refused_when_care_ended_before_18():
    check = staying_put_check(LEFT_AT_17, B18)

    assert check.allowed is False
    assert "not looked after on the day before their 18th birthday" in check.reason


def test_staying_put_is_refused_without_13_weeks_of_care():
    check = staying_put_check(facts(care(B18 - timedelta(days=30), B18)), B18)

    assert check.allowed is False
    assert "eligible children" in check.reason


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


def test_next_change_is_the_day_6_calendar_months_at_home_is_completed():
    at_home = facts(
        care(date(2024, 1, 1), date(2025, 7, 1)), home_periods=(home(date(2025, 7, 1)),)
    )

    assert next_category_change(at_home, date(2025, 8, 1)) == date(2026, 1, 1)


# Properties --------------------------------------------------------------------------------

LEGAL_STATUSES = st.sampled_from(["C1", "C2", "V2", "E1", "J1", "V3", "V4"])
PLACEMENTS = st.sampled_from(["U4", "U6", "K2", "P1", "R1", "T2", ""])
BIRTH_DATES = st.dates(date(2000, 1, 1), date(2012, 12, 31))
KINDS = st.sampled_from(list(AccommodatedKind))


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
        return CareEpisode(start, None, draw(LEGAL_STATUSES), draw(PLACEMENTS))
    end = start + timedelta(days=draw(st.one_of(st.integers(0, 30), st.integers(0, 900))))
    return CareEpisode(start, min(end, last), draw(LEGAL_STATUSES), draw(PLACEMENTS))


@st.composite
def home_periods_for(draw: st.DrawFn, dob: date) -> HomePeriod:
    start = draw(st.dates(birthday(dob, 15), birthday(dob, 19)))
    end = draw(st.one_of(st.none(), st.dates(start, start + timedelta(days=700))))
    return HomePeriod(start, end)


@st.composite
def accommodated_for(draw: st.DrawFn, dob: date, latest: date | None = None) -> AccommodatedPeriod:
    last = latest or birthday(dob, 19)
    start = draw(st.dates(birthday(dob, 15), last))
    end = draw(st.one_of(st.none(), st.dates(start, start + timedelta(days=300))))
    if latest is not None:
        end = min(end or latest, latest)
    return AccommodatedPeriod(draw(KINDS), start, end)


@st.composite
def category_facts(draw: st.DrawFn, *, with_home: bool = True) -> CategoryFacts:
    dob = draw(BIRTH_DATES)
    episodes = draw(st.lists(episodes_for(dob), max_size=4))
    homes = draw(st.lists(home_periods_for(dob), max_size=2)) if with_home else []
    detained = draw(st.booleans())
    return CategoryFacts(
        date_of_birth=dob,
        episodes=tuple(episodes),
        home_periods=tuple(homes),
        detained_or_in_hospital_on_16th_birthday=detained,
        detained_or_admitted_on=(
            draw(st.one_of(st.none(), st.dates(birthday(dob, 14), birthday(dob, 16))))
            if detained
            else None
        ),
        subject_to_care_order_on_16th_birthday=draw(st.booleans()),
        special_guardianship_after_care=draw(st.booleans()),
        in_education_or_training=draw(st.booleans()),
        accommodated_periods=tuple(draw(st.lists(accommodated_for(dob), max_size=1))),
    )


def with_episodes(base: CategoryFacts, *extra: CareEpisode) -> CategoryFacts:
    return replace(base, episodes=base.episodes + extra)


@given(st.data())
def test_episodes_ending_before_14th_birthday_never_change_the_category(data: st.DataObject):
    base = data.draw(category_facts())
    b14 = birthday(base.date_of_birth, 14)
    early = data.draw(st.lists(episodes_for(base.date_of_birth, latest=b14), min_size=1))
    # Placed with parents before 14 would be time at home, which reg 3(5) counts.
    early = [replace(episode, placement_type="U4") for episode in early]
    on = data.draw(st.dates(birthday(base.date_of_birth, 15), birthday(base.date_of_birth, 26)))

    before = derive_category(with_episodes(base, *early), on)
    after = derive_category(base, on)

    assert (before.category, before.since, before.reason) == (
        after.category,
        after.since,
        after.reason,
    )


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
    status = data.draw(st.sampled_from(["C1", "C2", "V2", "E1", "J1"]))
    on = data.draw(st.dates(birthday(base.date_of_birth, 15), birthday(base.date_of_birth, 26)))

    straddling = with_episodes(base, CareEpisode(start, end, status, "U4"))
    truncated = with_episodes(base, CareEpisode(b14, end, status, "U4"))

    assert derive_category(straddling, on).category == derive_category(truncated, on).category


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
        detained_or_admitted_on=data.draw(st.one_of(st.none(), st.dates(dob, birthday(dob, 16)))),
        subject_to_care_order_on_16th_birthday=data.draw(st.booleans()),
        special_guardianship_after_care=data.draw(st.booleans()),
        in_education_or_training=data.draw(st.booleans()),
        accommodated_periods=tuple(
            data.draw(st.lists(accommodated_for(dob, latest=first), max_size=1))
        ),
    )

    one, two = derive_category(ended, first), derive_category(ended, second)

    assert (one.category, one.since) == (two.category, two.since)


@given(st.data())
def test_category_holds_until_the_next_category_change(data: st.DataObject):
    dob = data.draw(BIRTH_DATES)
    on = data.draw(st.dates(birthday(dob, 15), birthday(dob, 25)))
    # Facts recorded by ``on``: nothing starts or ends after it, though care may be ongoing.
    episodes = data.draw(st.lists(episodes_for(dob, latest=on), max_size=4))
    if data.draw(st.booleans()):
        episodes.append(
            CareEpisode(data.draw(st.dates(dob, on)), None, data.draw(LEGAL_STATUSES), "U4")
        )
    home_start = data.draw(st.dates(birthday(dob, 15), on))
    facts_now = CategoryFacts(
        date_of_birth=dob,
        episodes=tuple(episodes),
        home_periods=(HomePeriod(home_start, None),) if data.draw(st.booleans()) else (),
        detained_or_in_hospital_on_16th_birthday=data.draw(st.booleans()),
        detained_or_admitted_on=data.draw(st.one_of(st.none(), st.dates(dob, birthday(dob, 16)))),
        special_guardianship_after_care=data.draw(st.booleans()),
        in_education_or_training=data.draw(st.booleans()),
        accommodated_periods=tuple(
            data.draw(st.lists(accommodated_for(dob, latest=on), max_size=1))
        ),
        decisions=data.draw(
            st.dictionaries(
                st.sampled_from([LEAP_DAY, CARE_ENDED_ON_16TH, SHORT_BREAKS_WITH_CARE]),
                st.sampled_from(["1_march", "28_february", "after_16", "before_16", "care"]),
                max_size=2,
            )
        ),
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


@given(category_facts(), st.data())
def test_every_open_question_offers_two_readings_with_different_outcomes(
    subject: CategoryFacts, data: st.DataObject
):
    on = data.draw(
        st.dates(birthday(subject.date_of_birth, 16), birthday(subject.date_of_birth, 25))
    )

    decision = derive_category(subject, on)

    for question in decision.questions:
        assert len(question.readings) == 2
        assert question.readings[0].outcome != question.readings[1].outcome
        assert question.summary in decision.worker_decision_reason
    assert decision.needs_worker_decision == bool(decision.worker_decision_reason)


@st.composite
def arguable_facts(draw: st.DrawFn) -> CategoryFacts:
    """Facts that raise one of the engine's questions, often enough to test them."""
    dob = draw(st.one_of(BIRTH_DATES, st.sampled_from([date(2004, 2, 29), date(2008, 2, 29)])))
    b16 = birthday(dob, 16)
    start = draw(st.dates(birthday(dob, 14) - timedelta(days=200), b16 - timedelta(days=100)))
    kind = draw(st.sampled_from(["ends_on_16th", "long_break", "mixed", "plain"]))
    episodes = [CareEpisode(start, b16 if kind == "ends_on_16th" else None, "C2", "U4")]
    if kind in ("long_break", "mixed"):
        stay = draw(st.dates(b16, birthday(dob, 18) - timedelta(days=40)))
        length = draw(st.integers(10, 30))
        episodes = [CareEpisode(stay, stay + timedelta(days=length), "V3", "K2")]
        if kind == "mixed":
            episodes.append(CareEpisode(start, stay, "V2", "U4"))
    return CategoryFacts(date_of_birth=dob, episodes=tuple(episodes))


@given(arguable_facts(), st.data())
def test_a_recorded_decision_closes_its_question(subject: CategoryFacts, data: st.DataObject):
    dob = subject.date_of_birth
    on = data.draw(st.dates(birthday(dob, 16), birthday(dob, 25) - timedelta(days=1)))
    decision = derive_category(subject, on)
    assume(decision.questions)
    question = data.draw(st.sampled_from(decision.questions))
    reading = data.draw(st.sampled_from(question.readings))

    after = derive_category(
        replace(subject, decisions={**subject.decided, question.key: reading.key}), on
    )

    assert question.key not in {q.key for q in after.questions if q.is_open}
    assert after.category.label.lower() in reading.outcome or (
        after.category is Category.NONE and "not be a care leaver" in reading.outcome
    )


@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)))
def test_six_calendar_months_are_between_181_and_184_days(start: date):
    assert 181 <= (return_home_completed_on(start) - start).days <= 184
