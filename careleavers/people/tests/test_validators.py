from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from careleavers.people.validators import (
    IdentifierError,
    format_nhs_number,
    format_ni_number,
    is_child_id,
    nhs_number_check_digit,
    normalise_child_id,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_uk_phone,
    normalise_uk_postcode,
    normalise_upn,
    upn_check_letter,
)

# Council child ID -------------------------------------------------------------------------------


def test_a_child_id_of_letters_and_digits_is_kept_as_typed():
    assert normalise_child_id(" Ab12345 ") == "Ab12345"


@given(
    st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        min_size=1,
        max_size=10,
    )
)
def test_every_id_of_up_to_10_letters_and_digits_is_a_child_id(value: str):
    assert is_child_id(value)
    assert normalise_child_id(value) == value


@given(st.text(min_size=1, max_size=10).filter(lambda t: t.strip() and not t.strip().isascii()))
def test_a_child_id_with_other_characters_is_refused(value: str):
    with pytest.raises(IdentifierError):
        normalise_child_id(value)


@pytest.mark.parametrize("value", ["=1+2", "-1", "+44", "@A", "A B", "A-1", "ABCDEFGHIJK"])
def test_formula_starts_punctuation_and_long_ids_are_refused(value: str):
    with pytest.raises(IdentifierError):
        normalise_child_id(value)
    assert not is_child_id(value)


# NHS number ------------------------------------------------------------------------------------


def test_valid_nhs_number_with_spaces_is_stored_as_10_digits():
    assert normalise_nhs_number(" 943 476 5919 ") == "9434765919"


def test_nhs_number_with_wrong_check_digit_is_refused():
    with pytest.raises(IdentifierError, match="last digit does not match"):
        normalise_nhs_number("943 476 5918")


def test_nhs_number_whose_check_digit_would_be_10_is_refused():
    assert nhs_number_check_digit("100000001") is None
    for last in "0123456789":
        with pytest.raises(IdentifierError):
            normalise_nhs_number("100000001" + last)


@pytest.mark.parametrize("value", ["943476591", "94347659190", "943476591X", ""])
def test_nhs_number_without_exactly_10_digits_is_refused(value: str):
    with pytest.raises(IdentifierError, match="10 digits"):
        normalise_nhs_number(value)


def test_nhs_number_is_shown_in_3_3_4_groups():
    assert format_nhs_number("9434765919") == "943 476 5919"


def test_identifier_error_is_a_value_error():
    assert issubclass(IdentifierError, ValueError)


NINE_DIGITS = st.text(alphabet="0123456789", min_size=9, max_size=9)


@given(NINE_DIGITS)
def test_nhs_number_with_computed_check_digit_always_passes(first_nine: str):
    check = nhs_number_check_digit(first_nine)
    assume(check is not None)

    assert normalise_nhs_number(f"{first_nine}{check}") == f"{first_nine}{check}"


@given(NINE_DIGITS, st.integers(0, 9), st.integers(1, 9))
def test_nhs_number_with_one_digit_changed_always_fails(
    first_nine: str, position: int, shift: int
):
    check = nhs_number_check_digit(first_nine)
    assume(check is not None)
    digits = list(f"{first_nine}{check}")
    digits[position] = str((int(digits[position]) + shift) % 10)

    with pytest.raises(IdentifierError):
        normalise_nhs_number("".join(digits))


# National Insurance number ---------------------------------------------------------------------


def test_ni_number_in_lower_case_with_spaces_is_normalised():
    assert normalise_ni_number("ab 12 34 56 c") == "AB123456C"


def test_ni_number_is_shown_in_hmrc_groups():
    assert format_ni_number("AB123456C") == "AB 12 34 56 C"


@pytest.mark.parametrize("first", list("DFIQUV"))
def test_ni_number_first_letter_cannot_be_d_f_i_q_u_or_v(first: str):
    with pytest.raises(IdentifierError, match=f"cannot start with {first}A"):
        normalise_ni_number(f"{first}A123456C")


@pytest.mark.parametrize("second", list("DFIQUVO"))
def test_ni_number_second_letter_cannot_be_d_f_i_q_u_v_or_o(second: str):
    with pytest.raises(IdentifierError, match="cannot start with"):
        normalise_ni_number(f"A{second}123456C")


@pytest.mark.parametrize("prefix", ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
def test_ni_number_never_issued_prefixes_are_refused(prefix: str):
    with pytest.raises(IdentifierError, match=f"cannot start with {prefix}"):
        normalise_ni_number(f"{prefix}123456C")


def test_ni_number_suffix_must_be_a_to_d():
    with pytest.raises(IdentifierError, match="A, B, C or D"):
        normalise_ni_number("AB123456E")


@pytest.mark.parametrize("value", ["AB12345C", "AB1234567C", "A1123456C", "AB123456", "123"])
def test_ni_number_in_the_wrong_shape_is_refused(value: str):
    with pytest.raises(IdentifierError, match="right format"):
        normalise_ni_number(value)


# Unique pupil number --------------------------------------------------------------------------


def test_valid_permanent_upn_is_accepted():
    assert normalise_upn("N801120010010") == "N801120010010"


def test_valid_temporary_upn_ending_in_a_letter_is_accepted():
    assert normalise_upn("v20420141201a") == "V20420141201A"


def test_upn_with_wrong_check_letter_is_refused():
    with pytest.raises(IdentifierError, match="first letter does not match"):
        normalise_upn("A801120010010")


def test_upn_check_letter_is_weighted_sum_modulo_23():
    # 8x2 + 1x4 + 1x5 + 2x6 + 1x9 + 1x12 = 58; 58 mod 23 = 12, the 13th letter without I, O, S.
    assert upn_check_letter("801120010010") == "N"


@pytest.mark.parametrize(
    "value", ["N80112001001", "N8011200100100", "N8011200100I0", "18011200100 10"]
)
def test_upn_in_the_wrong_shape_is_refused(value: str):
    with pytest.raises(IdentifierError):
        normalise_upn(value)


def test_temporary_upn_cannot_end_in_i_o_or_s():
    with pytest.raises(IdentifierError, match="right format"):
        normalise_upn("A20420141201O")


# Postcode --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("bd11hy", "BD1 1HY"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("m1  1ae", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
        ("GIR 0AA", "GIR 0AA"),
    ],
)
def test_postcode_is_upper_case_with_one_space(value: str, expected: str):
    assert normalise_uk_postcode(value) == expected


@pytest.mark.parametrize("value", ["BD1 1CY", "BD1", "12345", "", "BD1 1HYX", "GIR 1AA"])
def test_postcode_in_the_wrong_format_is_refused(value: str):
    with pytest.raises(IdentifierError, match="real postcode"):
        normalise_uk_postcode(value)


# Phone -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("07700900123", "07700 900123"),
        ("+44 7700 900123", "07700 900123"),
        ("0044 7700 900123", "07700 900123"),
        ("+44 (0)20 7946 0000", "020 7946 0000"),
        ("0121-496-0000", "0121 496 0000"),
        ("0300 123 4567", "0300 123 4567"),
        ("01632 960000", "01632 960000"),
        ("016977 3456", "01697 73456"),
    ],
)
def test_uk_phone_number_is_returned_in_readable_national_form(value: str, expected: str):
    assert normalise_uk_phone(value) == expected


@pytest.mark.parametrize("value", ["0770090012345", "077009", "+1 202 555 0100", "phone me"])
def test_phone_number_that_is_not_uk_is_refused(value: str):
    with pytest.raises(IdentifierError):
        normalise_uk_phone(value)


def test_international_number_after_0_is_refused():
    with pytest.raises(IdentifierError, match="not an international one"):
        normalise_uk_phone("00331234567")
