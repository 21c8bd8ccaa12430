from __future__ import annotations

import pytest

from careleavers.core import dfe_codes
from careleavers.core.dfe_codes import (
    ACCOM,
    ACCOM_TYPES,
    ACTIV,
    CIN,
    ETHNIC,
    IN_TOUCH,
    LS,
    PLACE,
    PLACE_RETIRED,
    REASON_PLACE_CHANGE,
    REC,
    RNE,
    SEX,
    SHORT_BREAK_LEGAL_STATUSES,
    SW_REASON,
    UPN_UNKNOWN,
    CodeList,
    EetStatus,
    accom_code,
    accom_parts,
    codes,
    eet_status,
    is_eet,
    is_valid,
    label_for,
    normalise_sex,
)

ALL_LISTS: dict[str, CodeList] = {
    "SEX": SEX,
    "ETHNIC": ETHNIC,
    "UPN_UNKNOWN": UPN_UNKNOWN,
    "RNE": RNE,
    "LS": LS,
    "CIN": CIN,
    "PLACE": PLACE,
    "PLACE_RETIRED": PLACE_RETIRED,
    "REC": REC,
    "REASON_PLACE_CHANGE": REASON_PLACE_CHANGE,
    "SW_REASON": SW_REASON,
    "IN_TOUCH": IN_TOUCH,
    "ACTIV": ACTIV,
    "ACCOM_TYPES": ACCOM_TYPES,
    "ACCOM": ACCOM,
}


@pytest.mark.parametrize("name", ALL_LISTS)
def test_each_list_has_unique_codes_and_a_label_for_each(name: str):
    code_list = ALL_LISTS[name]

    assert len(set(codes(code_list))) == len(code_list)
    assert all(label.strip() for _, label in code_list)


def test_label_for_gives_the_dfe_wording():
    assert label_for(ETHNIC, "WIRT") == "Traveller of Irish heritage"


def test_label_for_an_unknown_code_raises_key_error():
    with pytest.raises(KeyError, match="'ZZZZ' is not a code"):
        label_for(ETHNIC, "ZZZZ")


def test_codes_keep_the_dfe_order():
    assert codes(SEX) == ("M", "F", "U")


def test_there_are_20_ethnicity_codes():
    assert len(ETHNIC) == 20


def test_upn_unknown_codes_are_un1_to_un5():
    assert codes(UPN_UNKNOWN) == ("UN1", "UN2", "UN3", "UN4", "UN5")


@pytest.mark.parametrize(("old", "new"), [("1", "M"), ("2", "F"), ("m", "M"), (" U ", "U")])
def test_normalise_sex_maps_old_codes_and_case(old: str, new: str):
    assert normalise_sex(old) == new


def test_normalise_sex_refuses_an_unknown_code():
    with pytest.raises(KeyError):
        normalise_sex("9")


def test_short_break_legal_statuses_are_v3_and_v4_and_in_the_ls_list():
    assert frozenset({"V3", "V4"}) == SHORT_BREAK_LEGAL_STATUSES
    assert set(codes(LS)) >= SHORT_BREAK_LEGAL_STATUSES


def test_place_list_is_the_2025_26_list():
    # fmt: off
    assert codes(PLACE) == (
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13",
        "Z14",
    )
    # fmt: on


def test_rec_list_holds_the_special_guardianship_codes():
    assert set(codes(REC)) >= dfe_codes.REC_SPECIAL_GUARDIANSHIP


def test_accom_codes_match_the_validator_list():
    # fmt: off
    expected = [
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2",
        "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2",
        "Z1", "Z2", "0",
    ]
    # fmt: on

    assert sorted(codes(ACCOM)) == sorted(expected)


def test_homeless_and_custody_can_only_be_unsuitable():
    assert not is_valid(ACCOM, "S1")
    assert not is_valid(ACCOM, "X1")
    assert accom_code("S", suitable=False) == "S2"
    with pytest.raises(ValueError, match="cannot be recorded as suitable"):
        accom_code("X", suitable=True)


def test_accom_code_composes_letter_and_suitability():
    assert accom_code("U", suitable=True) == "U1"


def test_accom_parts_splits_a_code_and_gives_none_for_not_known():
    assert accom_parts("D2") == ("D", False)
    assert accom_parts("0") is None


def test_accom_label_says_whether_suitable():
    assert label_for(ACCOM, "W2") == "Bed and breakfast – not suitable"


@pytest.mark.parametrize("code", ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"])
def test_education_employment_and_training_codes_are_eet(code: str):
    assert is_eet(code)


@pytest.mark.parametrize("code", ["G4", "G5", "G6"])
def test_g_codes_are_neet(code: str):
    assert eet_status(code) is EetStatus.NEET


def test_activity_0_is_not_known():
    assert eet_status("0") is EetStatus.UNKNOWN


def test_every_activ_code_has_an_eet_classification():
    assert set(codes(ACTIV)) == (dfe_codes.ACTIV_EET | dfe_codes.ACTIV_NEET | {"0"})


def test_superseded_activity_f3_is_not_a_code():
    with pytest.raises(KeyError):
        eet_status("F3")


def test_in_touch_codes_are_the_oc3_list():
    assert codes(IN_TOUCH) == ("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")
