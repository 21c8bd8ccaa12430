"""The SSDA903 ACCOM code around each birthday, the 0 rules, S2/X2, and the Annex A columns."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.accommodation.returns_codes import (
    ANNEX_A_SUITABLE,
    ANNEX_A_TYPES,
    ANNEX_A_UNSUITABLE,
    DEFAULT_WINDOW,
    StayFacts,
    accom_code_at_birthday,
    accom_code_for,
    annex_a_accommodation,
    stay_around,
)
from careleavers.core.dfe_codes import ACCOM, ACCOM_TYPES, codes, is_valid

D = datetime.date
BORN = D(2005, 5, 10)

# Their history: foster care ended at 18 and they stayed put; then a supported flat; then a
# gap with no record; then their own tenancy; then a stay in bed and breakfast, then custody.
HISTORY = [
    StayFacts(D(2022, 1, 1), D(2023, 5, 10), "C", True),  # residential care to the 18th birthday
    StayFacts(D(2023, 5, 10), D(2024, 3, 1), "Z", True),  # Staying Put from the 18th birthday
    StayFacts(D(2024, 3, 1), D(2025, 1, 1), "D", False),  # supported flat, judged unsuitable
    # No record from 1 January 2025 to 1 October 2025.
    StayFacts(D(2025, 10, 1), D(2026, 4, 1), "U", None),  # tenancy, suitability not assessed
    StayFacts(D(2026, 4, 1), D(2026, 5, 20), "W", True),  # bed and breakfast, judged suitable
    StayFacts(D(2026, 5, 20), None, "X", None),  # custody, still there
]


@pytest.mark.parametrize(
    ("age", "in_touch", "code", "problem"),
    [
        # 17th birthday (10 May 2022): residential care, suitable.
        (17, "YES", "C1", None),
        # 18th birthday: moved to former foster carers that day; the new stay covers it.
        (18, "YES", "Z1", None),
        # 19th birthday (10 May 2024): the supported flat, judged unsuitable.
        (19, "YES", "D2", None),
        # 20th birthday (10 May 2025): no stay within 91 days and in touch: a person must fix it.
        (20, "YES", None, "no accommodation is recorded"),
        # 21st birthday (10 May 2026): bed and breakfast recorded as suitable.
        (21, "YES", "W1", None),
        # Not in touch and nothing known: 0.
        (20, "NO", "0", None),
        (20, "REFU", "0", None),
        (20, "NREQ", "0", None),
        # Died or returned home: 0 whatever is recorded (rule 344).
        (19, "DIED", "0", None),
        (19, "RHOM", "0", None),
        # Not in touch but the accommodation is known: the code is still given.
        (19, "NO", "D2", None),
    ],
)
def test_accom_code_around_each_birthday(age, in_touch, code, problem):
    result = accom_code_at_birthday(stays=HISTORY, date_of_birth=BORN, age=age, in_touch=in_touch)
    assert result.code == code
    if problem:
        assert any(problem in text for text in result.problems)
    else:
        assert result.problems == ()


def test_the_day_before_a_birthday_move_gives_the_old_stay():
    result = accom_code_for(stays=HISTORY, on=D(2023, 5, 9))
    assert result.code == "C1"


def test_a_stay_ending_on_the_birthday_does_not_cover_it():
    # They moved out of residential care on the 18th birthday: that day is the new stay's.
    assert accom_code_for(stays=HISTORY[:1], on=D(2023, 5, 10)).code == "C1"  # nearest, 1 day
    assert accom_code_for(stays=HISTORY[:2], on=D(2023, 5, 10)).code == "Z1"


def test_nearest_stay_within_the_window_is_used_and_says_so():
    gap_day = D(2025, 2, 1)  # 31 days after the supported flat ended
    result = accom_code_for(stays=HISTORY, on=gap_day)
    assert result.code == "D2"
    assert "nearest stay, 32 days from 1 February 2025" in result.reason


def test_outside_the_window_there_is_no_stay():
    day = D(2025, 1, 1) + DEFAULT_WINDOW + datetime.timedelta(days=1)
    assert stay_around(HISTORY, day) is None


def test_between_two_equally_near_stays_the_earlier_wins():
    stays = [
        StayFacts(D(2025, 1, 1), D(2025, 1, 11), "D", True),
        StayFacts(D(2025, 1, 22), None, "U", True),
    ]
    # 15 January: the first stay's last night was the 10th (5 days), the next starts in 7.
    assert stay_around(stays, D(2025, 1, 15)).accom_type == "D"
    # 16 January: 6 days from each; the one they had been living in wins.
    assert stay_around(stays, D(2025, 1, 16)).accom_type == "D"
    assert stay_around(stays, D(2025, 1, 17)).accom_type == "U"


def test_no_fixed_abode_is_always_s2_and_custody_x2():
    stays = [
        StayFacts(D(2024, 1, 1), D(2024, 6, 1), "S", True),
        StayFacts(D(2024, 6, 1), None, "X", None),
    ]
    assert accom_code_for(stays=stays, on=D(2024, 3, 1)).code == "S2"
    assert accom_code_for(stays=stays, on=D(2024, 7, 1)).code == "X2"


def test_suitability_not_assessed_gives_no_code_and_a_problem():
    result = accom_code_for(stays=HISTORY, on=D(2025, 12, 1))
    assert result.code is None
    assert result.stay is not None
    assert result.stay.accom_type == "U"
    assert "has not been assessed" in result.problems[0]


def test_former_foster_carers_at_17_is_flagged():
    stays = [StayFacts(D(2021, 1, 1), None, "Z", True)]
    result = accom_code_at_birthday(stays=stays, date_of_birth=BORN, age=17)
    assert result.code == "Z1"
    assert "cannot be reported at the 17th birthday" in result.problems[0]


def test_a_custom_window_is_respected():
    stays = [StayFacts(D(2024, 1, 1), D(2024, 2, 1), "U", True)]
    on = D(2024, 3, 1)
    assert accom_code_for(stays=stays, on=on).code == "U1"
    narrow = accom_code_for(stays=stays, on=on, window=datetime.timedelta(days=7))
    assert narrow.code is None


stays_strategy = st.lists(
    st.tuples(
        st.dates(D(2015, 1, 1), D(2030, 1, 1)),
        st.integers(1, 800),
        st.booleans(),
        st.sampled_from(codes(ACCOM_TYPES)),
        st.sampled_from([True, False, None]),
    ),
    max_size=6,
).map(
    lambda items: [
        StayFacts(
            start, None if open_ else start + datetime.timedelta(days=length), letter, suitable
        )
        for start, length, open_, letter, suitable in items
    ]
)


@given(
    stays=stays_strategy,
    on=st.dates(D(2015, 1, 1), D(2031, 1, 1)),
    in_touch=st.sampled_from(["YES", "NO", "REFU", "NREQ", "DIED", "RHOM"]),
)
def test_every_code_given_is_one_the_dfe_accepts(stays, on, in_touch):
    result = accom_code_for(stays=stays, on=on, in_touch=in_touch)
    if result.code is not None:
        assert is_valid(ACCOM, result.code)
        # S1 and X1 never appear (validator rule 133).
        assert result.code not in {"S1", "X1"}
    else:
        # No code only when a person must act, and then it says what.
        assert result.problems
    if in_touch in {"DIED", "RHOM"}:
        assert result.code == "0"
    if in_touch == "YES":
        assert result.code != "0"


@given(stays=stays_strategy, on=st.dates(D(2015, 1, 1), D(2031, 1, 1)))
def test_the_code_letter_is_the_letter_of_the_stay_used(stays, on):
    result = accom_code_for(stays=stays, on=on)
    if result.code not in (None, "0"):
        assert result.stay is not None
        assert result.code[0] == result.stay.accom_type
        assert result.stay.distance_to(on) <= DEFAULT_WINDOW.days


@pytest.mark.parametrize(
    ("on", "type_label", "suitability"),
    [
        (
            D(2024, 6, 1),
            "D: Semi-independent, transitional accommodation and self-contained accommodation",
            ANNEX_A_UNSUITABLE,
        ),
        (D(2023, 6, 1), "Z: With former foster carers", ANNEX_A_SUITABLE),
        (D(2025, 6, 1), "", ""),  # nothing recorded that day
        (D(2025, 12, 1), "U: Independent living", ""),  # not assessed
        (D(2026, 6, 1), "X: In custody", ANNEX_A_UNSUITABLE),
    ],
)
def test_annex_a_columns_on_the_day_of_the_extract(on, type_label, suitability):
    columns = annex_a_accommodation(stays=HISTORY, on=on)
    assert columns.type_of_accommodation == type_label
    assert columns.suitability_of_accommodation == suitability


def test_annex_a_has_a_label_for_every_dfe_type():
    assert set(ANNEX_A_TYPES) == set(codes(ACCOM_TYPES))
