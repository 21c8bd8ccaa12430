"""The pure SSDA903 rules: layouts, dates, codes, the OC3 cohort and the OC3 values."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.core import dfe_codes
from careleavers.returns import ssda903
from careleavers.returns.ssda903 import (
    AccommodationSpell,
    ActivitySpell,
    Contact,
    Episode,
    HomeSpell,
    Oc3Facts,
    StatusSpell,
)

# --- Layouts ---------------------------------------------------------------------------------


def test_header_columns_are_the_validators():
    assert ",".join(ssda903.HEADER_COLUMNS) == "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"


def test_episodes_columns_are_the_validators():
    assert ",".join(ssda903.EPISODES_COLUMNS) == (
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN"
    )


def test_uasc_columns_are_the_validators():
    assert ",".join(ssda903.UASC_COLUMNS) == "CHILD,SEX,DOB,DUC"


def test_oc3_columns_have_no_sex():
    assert ",".join(ssda903.OC3_COLUMNS) == "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"


@pytest.mark.parametrize(
    ("columns", "table"),
    [
        (["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], "header"),
        (["dob", "child", "accom", "activ", "in_touch"], "oc3"),
        (["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], "reviews"),
        (["CHILD", "SEX", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], None),
    ],
)
def test_a_table_is_known_by_its_headers_alone(columns, table):
    assert ssda903.table_for_columns(columns) == table


# --- Dates and codes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"),
    [(date(2026, 3, 31), "31/03/2026"), (date(2001, 1, 2), "02/01/2001"), (None, "")],
)
def test_dates_are_written_dd_mm_yyyy(day, text):
    assert ssda903.format_date(day) == text


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_read_back_as_written(day):
    assert ssda903.parse_date(ssda903.format_date(day)) == day


@pytest.mark.parametrize("text", ["2026-03-31", "31/13/2026", "30/02/2026", "soon"])
def test_other_date_forms_are_refused(text):
    with pytest.raises(ValueError, match="not a dd/mm/yyyy date|out of range|must be in"):
        ssda903.parse_date(text)


@pytest.mark.parametrize(
    ("given_code", "expected"),
    [("1", "M"), ("2", "F"), ("M", "M"), ("f", "F"), (" U ", "U")],
)
def test_sex_maps_the_old_1_and_2(given_code, expected):
    assert ssda903.normalise_sex(given_code) == expected


@pytest.mark.parametrize("code", ["0", "3", "X", ""])
def test_other_sex_codes_are_refused(code):
    with pytest.raises(KeyError):
        ssda903.normalise_sex(code)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("A123456789012", True),
        ("A12345678901B", True),
        ("I123456789012", False),  # I, O and S are never the first letter (rule 168)
        ("a123456789012", False),
        ("A12345678901", False),
        ("UN1", False),
    ],
)
def test_upn_form(text, valid):
    assert ssda903.is_upn(text) is valid


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2025, 4, 1), 2026), (date(2026, 3, 31), 2026), (date(2026, 4, 1), 2027)],
)
def test_collection_year_ends_on_31_march(day, year):
    assert ssda903.collection_year_of(day) == year
    assert ssda903.collection_start(year) <= day <= ssda903.collection_end(year)


@pytest.mark.parametrize(
    ("born", "age", "day"),
    [
        (date(2008, 6, 1), 17, date(2025, 6, 1)),
        (date(2008, 3, 31), 18, date(2026, 3, 31)),
        (date(2008, 4, 1), 17, date(2025, 4, 1)),
        (date(2004, 2, 29), 22, date(2026, 3, 1)),
    ],
)
def test_the_birthday_in_the_collection_year(born, age, day):
    assert ssda903.birthday_in_year(born, 2026) == (age, day)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2015, 12, 31)))
def test_the_birthday_in_the_year_is_always_in_the_year(born):
    _, day = ssda903.birthday_in_year(born, 2026)
    assert ssda903.collection_start(2026) <= day <= ssda903.collection_end(2026)


# --- The OC3 cohort ------------------------------------------------------------------------

YEAR = 2026


def born_for(age: int) -> date:
    """A date of birth whose birthday in collection year 2026 is the ``age``th, on 1 July."""
    return date(2025 - age, 7, 1)


def care(
    born: date, from_age: float, to_age: float | None, *, ls: str = "C2", rec: str = "E6"
) -> Episode:
    start = born + timedelta(days=round(from_age * 365.25))
    end = None if to_age is None else born + timedelta(days=round(to_age * 365.25))
    return Episode(start, end, ls, rec if end else "")


def decide(age: int, episodes: list[Episode], *, in_touch: bool = True):
    return ssda903.oc3_cohort_decision(
        date_of_birth=born_for(age), episodes=episodes, year=YEAR, in_touch_in_year=in_touch
    )


@pytest.mark.parametrize("age", [19, 20, 21])
def test_a_former_relevant_young_person_aged_19_to_21_is_in(age):
    born = born_for(age)
    assert decide(age, [care(born, 15, 18, rec="E17")]).included


def test_an_18_year_old_who_left_care_at_17_is_in():
    born = born_for(18)
    assert decide(18, [care(born, 15, 17.5)]).included


def test_an_18_year_old_who_left_care_on_their_18th_birthday_is_not_in():
    # Rule 1016: counted a year later, at 19.
    born = born_for(18)
    episode = Episode(
        born.replace(year=born.year + 15), born.replace(year=born.year + 18), "C2", "E17"
    )
    decision = decide(18, [episode])
    assert not decision.included
    assert "18th birthday" in decision.reason


def test_a_17_year_old_still_looked_after_is_not_in():
    born = born_for(17)
    assert not decide(17, [care(born, 15, None)]).included


def test_a_17_year_old_who_left_care_at_16_and_a_half_is_in():
    born = born_for(17)
    assert decide(17, [care(born, 14.5, 16.5)]).included


@pytest.mark.parametrize("age", [15, 16])
def test_under_17_is_not_in(age):
    born = born_for(age)
    decision = decide(age, [care(born, 14, 16)])
    assert not decision.included
    assert "Under 17" in decision.reason


def test_less_than_13_weeks_since_14_is_not_in():
    born = born_for(19)
    assert not decide(19, [care(born, 17.9, 18, rec="E17")]).included


def test_care_that_ended_before_16_is_not_in():
    born = born_for(19)
    assert not decide(19, [care(born, 14, 15.9, rec="E13")]).included


def test_short_breaks_do_not_count():
    born = born_for(19)
    assert not decide(19, [care(born, 15, 18, ls="V3", rec="E17")]).included


@pytest.mark.parametrize(("rec", "why"), [("E2", "Died"), ("E3", "another council")])
def test_died_in_care_or_transferred_is_not_in(rec, why):
    born = born_for(19)
    decision = decide(19, [care(born, 15, 17.5, rec=rec)])
    assert not decision.included
    assert why in decision.reason


@pytest.mark.parametrize("age", [22, 23, 24, 25])
def test_22_to_25_only_when_in_touch_in_the_year(age):
    born = born_for(age)
    episodes = [care(born, 15, 18, rec="E17")]
    assert decide(age, episodes, in_touch=True).included
    assert not decide(age, episodes, in_touch=False).included


def test_26_is_not_in():
    born = born_for(26)
    assert not decide(26, [care(born, 15, 18, rec="E17")]).included


def test_time_across_touching_episodes_counts_once():
    born = born_for(19)
    day = born.replace(year=born.year + 16)
    episodes = [
        Episode(day, day + timedelta(days=50), "C2", "X1"),
        Episode(day + timedelta(days=50), day + timedelta(days=91), "C2", "E6"),
    ]
    assert ssda903.care_days_since(episodes, born, day + timedelta(days=400)) == 91
    assert decide(19, episodes).included


# --- OC3 values ----------------------------------------------------------------------------

BIRTHDAY = date(2025, 7, 1)
WINDOW = ssda903.birthday_window(BIRTHDAY)


def values(**facts):
    return ssda903.oc3_values(Oc3Facts(**facts), as_at=BIRTHDAY, window=WINDOW)


def test_the_window_runs_from_3_months_before_to_1_month_after():
    start, end = WINDOW
    assert (start, end) == (date(2025, 4, 1), date(2025, 8, 1))


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        # Nothing recorded: not in touch, and the 0s that say "not known".
        ({}, ("NO", "0", "0")),
        # A failed attempt is not contact.
        ({"contacts": (Contact(BIRTHDAY, made_contact=False),)}, ("NO", "0", "0")),
        # Contact outside the window does not count.
        ({"contacts": (Contact(date(2025, 3, 1)),)}, ("NO", "0", "0")),
        # In touch with activity and accommodation recorded.
        (
            {
                "contacts": (Contact(date(2025, 5, 20)),),
                "activities": (ActivitySpell(date(2024, 9, 1), None, "F2"),),
                "accommodations": (AccommodationSpell(date(2024, 1, 1), None, "U", True),),
            },
            ("YES", "F2", "U1"),
        ),
        # In touch, nothing else recorded: blank, never invented and never 0 (rule 345).
        ({"contacts": (Contact(BIRTHDAY),)}, ("YES", None, None)),
        # Died: 0 and 0 whatever else is recorded (rule 344).
        (
            {
                "contacts": (Contact(BIRTHDAY),),
                "statuses": (StatusSpell(date(2025, 5, 1), None, "DIED"),),
                "activities": (ActivitySpell(date(2024, 9, 1), None, "F2"),),
            },
            ("DIED", "0", "0"),
        ),
        # Six months or more at home: RHOM with 0s (rule 344).
        (
            {
                "home_spells": (HomeSpell(date(2024, 11, 1), None),),
                "contacts": (Contact(BIRTHDAY),),
            },
            ("RHOM", "0", "0"),
        ),
        # Under six months at home is not RHOM.
        ({"home_spells": (HomeSpell(date(2025, 3, 1), None),)}, ("NO", "0", "0")),
        # Refuses contact: the council has no current information, so 0 and 0 whatever was
        # recorded before (data-standards 6.1).
        (
            {
                "statuses": (StatusSpell(date(2025, 1, 1), None, "REFU"),),
                "accommodations": (AccommodationSpell(date(2025, 1, 1), None, "S", True),),
            },
            ("REFU", "0", "0"),
        ),
        # No longer needs support: the same.
        (
            {
                "statuses": (StatusSpell(date(2024, 1, 1), None, "NREQ"),),
                "activities": (ActivitySpell(date(2024, 9, 1), None, "F5"),),
            },
            ("NREQ", "0", "0"),
        ),
        # Not in touch: the activity and home recorded years ago are not carried (review of
        # 5 December 2026: stale values on IN_TOUCH = NO rows).
        (
            {
                "contacts": (Contact(date(2023, 5, 1)),),
                "activities": (ActivitySpell(date(2023, 1, 1), None, "F2"),),
                "accommodations": (AccommodationSpell(date(2023, 1, 1), None, "U", True),),
            },
            ("NO", "0", "0"),
        ),
        # Full time and part time at once: the main activity is the full-time one, as the EET
        # page shows it (core.dfe_codes.activ_priority), whichever started later.
        (
            {
                "contacts": (Contact(BIRTHDAY),),
                "activities": (
                    ActivitySpell(date(2024, 9, 1), None, "F2"),
                    ActivitySpell(date(2025, 2, 1), None, "P5"),
                ),
                "accommodations": (AccommodationSpell(date(2024, 1, 1), None, "U", True),),
            },
            ("YES", "F2", "U1"),
        ),
        # Accommodation that ended just before the birthday is the nearest in the window.
        (
            {
                "contacts": (Contact(BIRTHDAY),),
                "activities": (ActivitySpell(date(2025, 5, 1), date(2025, 6, 20), "G5"),),
                "accommodations": (AccommodationSpell(date(2025, 6, 1), None, "D", False),),
            },
            ("YES", "G5", "D2"),
        ),
    ],
)
def test_oc3_values(facts, expected):
    result = values(**facts)
    assert (result.in_touch, result.activ, result.accom) == expected


def test_values_are_provisional_until_the_window_closes():
    facts = {"contacts": (Contact(date(2025, 5, 1)),)}
    before = ssda903.oc3_values(Oc3Facts(**facts), as_at=BIRTHDAY, window=WINDOW, today=BIRTHDAY)
    after = ssda903.oc3_values(
        Oc3Facts(**facts), as_at=BIRTHDAY, window=WINDOW, today=date(2025, 8, 2)
    )
    assert before.provisional
    assert not after.provisional
    assert (before.in_touch, after.in_touch) == ("YES", "YES")


def test_annex_a_takes_what_is_recorded_today_beside_the_latest_contact():
    facts = Oc3Facts(
        contacts=(Contact(date(2025, 1, 5)),),
        activities=(ActivitySpell(date(2024, 9, 1), None, "F2"),),
        accommodations=(AccommodationSpell(date(2024, 1, 1), None, "U", True),),
    )
    now = ssda903.current_values(facts, today=BIRTHDAY)
    assert (now.in_touch, now.activ, now.accom) == ("NO", "F2", "U1")
    died = Oc3Facts(statuses=(StatusSpell(date(2025, 2, 1), None, "DIED"),))
    assert ssda903.current_values(died, today=BIRTHDAY).in_touch == "DIED"


def test_the_oc3_rules_and_code_sets_live_in_one_module():
    """The birthday window, the 0 rules and the DIED/RHOM code sets are defined in ssda903.py
    only; the copies that were in the learning and accommodation apps are gone."""
    root = Path(ssda903.__file__).resolve().parents[1]
    holders = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and any(
            marker in path.read_text()
            for marker in (
                'frozenset({"DIED", "RHOM"})',
                "def birthday_window",
                "WINDOW_MONTHS_BEFORE =",
                "ACTIV_WINDOW_MONTHS",
            )
        )
    }
    assert holders == {"returns/ssda903.py"}
    assert not (root / "accommodation" / "returns_codes.py").exists()


def test_incomplete_values_say_what_is_missing():
    result = values(contacts=(Contact(BIRTHDAY),))
    assert not result.is_complete
    assert any("activity" in note for note in result.notes)
    assert any("accommodation" in note for note in result.notes)


def test_22_to_25_are_taken_at_the_latest_contact():
    born = date(2002, 7, 1)  # 23 in the year
    facts = Oc3Facts(
        contacts=(Contact(date(2025, 5, 1)), Contact(date(2026, 2, 1))),
        activities=(
            ActivitySpell(date(2024, 1, 1), date(2025, 12, 1), "F5"),
            ActivitySpell(date(2025, 12, 1), None, "G4"),
        ),
        accommodations=(AccommodationSpell(date(2020, 1, 1), None, "U", True),),
    )
    result = ssda903.oc3_values_for_year(facts, date_of_birth=born, year=YEAR)
    assert (result.in_touch, result.activ, result.accom, result.as_at) == (
        "YES",
        "G4",
        "U1",
        date(2026, 2, 1),
    )


# Hypothesis: whatever is recorded, the values obey the validator's consistency rules.

days = st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 1, 1))
maybe_days = st.one_of(st.none(), days)
activ_codes = st.sampled_from([c for c in dfe_codes.codes(dfe_codes.ACTIV) if c != "0"])
accom_letters = st.sampled_from(dfe_codes.codes(dfe_codes.ACCOM_TYPES))


def _ordered(start, end):
    return end if end is None or end > start else None


facts_strategy = st.builds(
    Oc3Facts,
    contacts=st.lists(st.builds(Contact, days, st.booleans()), max_size=4).map(tuple),
    activities=st.lists(
        st.tuples(days, maybe_days, activ_codes).map(
            lambda t: ActivitySpell(t[0], _ordered(t[0], t[1]), t[2])
        ),
        max_size=3,
    ).map(tuple),
    accommodations=st.lists(
        st.tuples(days, maybe_days, accom_letters, st.booleans()).map(
            lambda t: AccommodationSpell(t[0], _ordered(t[0], t[1]), t[2], t[3])
        ),
        max_size=3,
    ).map(tuple),
    statuses=st.lists(
        st.tuples(days, maybe_days, st.sampled_from(["DIED", "REFU", "NREQ"])).map(
            lambda t: StatusSpell(t[0], _ordered(t[0], t[1]), t[2])
        ),
        max_size=2,
    ).map(tuple),
    home_spells=st.lists(
        st.tuples(days, maybe_days).map(lambda t: HomeSpell(t[0], _ordered(t[0], t[1]))),
        max_size=2,
    ).map(tuple),
)


@given(facts_strategy, st.dates(min_value=date(1998, 4, 1), max_value=date(2009, 3, 31)))
def test_oc3_values_always_obey_rules_131_to_133_344_and_345(facts, born):
    result = ssda903.oc3_values_for_year(facts, date_of_birth=born, year=YEAR)
    assert dfe_codes.is_valid(dfe_codes.IN_TOUCH, result.in_touch)  # rule 131
    for code, code_list in ((result.activ, dfe_codes.ACTIV), (result.accom, dfe_codes.ACCOM)):
        assert code is None or dfe_codes.is_valid(code_list, code)  # rules 132, 133
    if result.in_touch in ("DIED", "RHOM"):
        assert (result.activ, result.accom) == ("0", "0")  # rule 344
    if result.in_touch == "YES":
        assert "0" not in (result.activ, result.accom)  # rule 345
    else:
        # Only YES can be incomplete; everything else is complete (rule 153).
        assert result.is_complete


@given(facts_strategy)
def test_a_recorded_death_always_wins(facts):
    died = Oc3Facts(
        contacts=facts.contacts,
        activities=facts.activities,
        accommodations=facts.accommodations,
        statuses=(*facts.statuses, StatusSpell(date(2020, 1, 1), None, "DIED")),
        home_spells=facts.home_spells,
    )
    assert ssda903.oc3_values(died, as_at=BIRTHDAY, window=WINDOW).in_touch == "DIED"


@given(
    st.dates(min_value=date(1998, 4, 1), max_value=date(2012, 3, 31)),
    st.lists(
        st.tuples(
            st.integers(min_value=12 * 365, max_value=20 * 365),
            st.one_of(st.none(), st.integers(min_value=1, max_value=4 * 365)),
            st.sampled_from(["C2", "V2", "V3", "E1"]),
            st.sampled_from(["E6", "E17", "E2", "E3", "X1"]),
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_cohort_decisions_agree_with_the_validators_exclusions(born, spans, in_touch):
    episodes = [
        Episode(
            born + timedelta(days=start),
            None if length is None else born + timedelta(days=start + length),
            ls,
            rec if length is not None else "",
        )
        for start, length, ls, rec in spans
    ]
    decision = ssda903.oc3_cohort_decision(
        date_of_birth=born, episodes=episodes, year=YEAR, in_touch_in_year=in_touch
    )
    if not decision.included:
        return
    age, day = ssda903.birthday_in_year(born, YEAR)
    assert 17 <= age <= 25  # rule 391
    assert all(e.end is not None for e in episodes)
    last = max(episodes, key=lambda e: (e.start, e.end))
    assert last.reason_ended not in ("E2", "E3")  # rules 1000, 1011
    if age in (17, 18):  # rules 1007, 1016
        assert all(e.end is not None and e.end < day for e in episodes)
    if age >= 22:
        assert in_touch
    assert ssda903.was_looked_after_as_care_leaver(born, episodes, date(2026, 4, 1))


def test_rhom_counts_six_calendar_months_at_home_not_183_days() -> None:
    # Care Leavers (England) Regs 2010 reg 3(5): six months, which the Interpretation Act 1978
    # reads as calendar months. Home from 31 August 2025: six months are complete on 1 March
    # 2026 (there is no 31 February), a day before 183 days would be (2 March).
    home = (HomeSpell(date(2025, 8, 31), None),)

    assert not ssda903._returned_home(home, date(2026, 2, 28))
    assert ssda903._returned_home(home, date(2026, 3, 1))
