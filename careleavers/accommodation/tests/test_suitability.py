"""The Schedule 2 suitability rule, the types that alert the manager, and the age limits."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careleavers.accommodation.suitability import (
    ALERT_MANAGER_TYPES,
    CHECK_KEYS,
    CHECKS,
    CHECKS_BY_KEY,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    IncompleteAssessment,
    alerts_manager,
    always_unsuitable_reason,
    decide_suitability,
    staying_close_ends_by,
    staying_put_ends_by,
)
from careleavers.core.dfe_codes import ACCOM_TYPES, codes

ALL_MET = dict.fromkeys(CHECK_KEYS, MET)
LETTERS = codes(ACCOM_TYPES)


def _with(**answers: str) -> dict[str, str]:
    return {**ALL_MET, **answers}


def test_the_checks_are_the_ten_matters_of_schedule_2_and_regulation_9_2():
    assert CHECK_KEYS == (
        "facilities",
        "repair",
        "safety",
        "location",
        "support",
        "tenancy",
        "affordability",
        "views",
        "rights",
        "landlord",
    )


@pytest.mark.parametrize(
    ("accom_type", "answers", "suitable", "in_reason"),
    [
        ("U", ALL_MET, True, "Every matter in Schedule 2 is met"),
        ("D", ALL_MET, True, "Every matter in Schedule 2 is met"),
        ("B", _with(tenancy=NOT_APPLICABLE, landlord=NOT_APPLICABLE), True, "Schedule 2"),
        ("U", _with(safety=NOT_MET), False, "is not safe"),
        ("U", _with(affordability=NOT_MET), False, "is not affordable"),
        ("U", _with(views=NOT_MET), False, "in their own view"),
        ("U", _with(landlord=NOT_MET), False, "landlord"),
        ("U", _with(repair=NOT_MET, location=NOT_MET), False, "poor repair; and is in the wrong"),
        # SSDA903 validator rule 133: S and X are never suitable, whatever the checks say.
        ("S", ALL_MET, False, "no fixed abode is never suitable"),
        ("X", ALL_MET, False, "Custody is never suitable"),
        ("X", _with(safety=NOT_MET), False, "is not safe"),
    ],
)
def test_suitability_decisions(accom_type, answers, suitable, in_reason):
    decision = decide_suitability(accom_type=accom_type, answers=answers)
    assert decision.suitable is suitable
    assert in_reason.lower() in decision.reason.lower()


def test_the_reason_quotes_the_workers_note_for_each_failed_check():
    decision = decide_suitability(
        accom_type="U",
        answers=_with(safety=NOT_MET, affordability=NOT_MET),
        notes={"safety": "  No smoke alarm ", "affordability": "Rent is £40 over LHA"},
    )
    assert decision.failed == ("safety", "affordability")
    assert decision.reason == (
        "It is not safe (No smoke alarm); and is not affordable for them (Rent is £40 over LHA)."
    )


def test_an_unanswered_check_is_refused():
    answers = dict(ALL_MET)
    del answers["rights"]
    with pytest.raises(IncompleteAssessment) as error:
        decide_suitability(accom_type="U", answers=answers)
    assert error.value.problems == {"rights": "unanswered"}


@pytest.mark.parametrize("key", [c.key for c in CHECKS if not c.may_not_apply])
def test_only_tenancy_and_landlord_can_not_apply(key):
    with pytest.raises(IncompleteAssessment):
        decide_suitability(accom_type="U", answers=_with(**{key: NOT_APPLICABLE}))


answers_strategy = st.fixed_dictionaries(
    {
        check.key: st.sampled_from(
            [MET, NOT_MET, NOT_APPLICABLE] if check.may_not_apply else [MET, NOT_MET]
        )
        for check in CHECKS
    }
)


@given(accom_type=st.sampled_from(LETTERS), answers=answers_strategy)
def test_suitable_exactly_when_nothing_fails_and_the_type_can_be_suitable(accom_type, answers):
    decision = decide_suitability(accom_type=accom_type, answers=answers)
    nothing_failed = all(answer != NOT_MET for answer in answers.values())
    assert decision.suitable == (nothing_failed and accom_type not in {"S", "X"})
    assert decision.failed == tuple(key for key in CHECK_KEYS if answers[key] == NOT_MET)
    assert decision.reason
    for key in decision.failed:
        assert CHECKS_BY_KEY[key].short in decision.reason


@given(
    accom_type=st.sampled_from(["S", "X"]),
    answers=answers_strategy,
)
def test_no_fixed_abode_and_custody_are_always_unsuitable(accom_type, answers):
    assert decide_suitability(accom_type=accom_type, answers=answers).suitable is False
    assert always_unsuitable_reason(accom_type)


@pytest.mark.parametrize("letter", LETTERS)
def test_bed_and_breakfast_emergency_and_homelessness_alert_the_manager(letter):
    assert alerts_manager(letter) is (letter in {"W", "V", "S"})
    assert {"W", "V", "S"} == ALERT_MANAGER_TYPES


@pytest.mark.parametrize(
    ("born", "put_until", "close_until"),
    [
        (datetime.date(2005, 6, 15), datetime.date(2026, 6, 14), datetime.date(2030, 6, 14)),
        # Born on 29 February: the birthday falls on 1 March in a common year.
        (datetime.date(2008, 2, 29), datetime.date(2029, 2, 28), datetime.date(2033, 2, 28)),
        (datetime.date(2004, 1, 1), datetime.date(2024, 12, 31), datetime.date(2028, 12, 31)),
    ],
)
def test_staying_put_lasts_to_21_and_staying_close_to_25(born, put_until, close_until):
    assert staying_put_ends_by(born) == put_until
    assert staying_close_ends_by(born) == close_until
