"""UK phone numbers as people type them, and a mobile as people read it."""

import pytest

from careleavers.casework.phones import clean_uk_mobile, clean_uk_phone, mobile_words


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("07700 900 982", "07700900982"),
        ("+44 7700 900982", "+447700900982"),
        ("(07700) 900-982", "07700900982"),
        ("01274 000000", None),  # a landline cannot take a text
        ("0770090098", None),  # a digit short
    ],
)
def test_a_mobile_is_kept_as_digits_or_refused(typed: str, kept: str | None) -> None:
    assert clean_uk_mobile(typed) == kept


def test_any_uk_number_is_kept_as_typed_less_extra_spaces() -> None:
    assert clean_uk_phone("  01274   000 000 ") == "01274 000 000"
    assert clean_uk_phone("999") is None


@pytest.mark.parametrize(
    ("kept", "shown"),
    [
        ("07700900982", "07700 900 982"),
        ("+447700900982", "+44 7700 900 982"),
        ("447700900982", "+44 7700 900 982"),
        ("edt@council.example", "edt@council.example"),
        ("", ""),
    ],
)
def test_a_mobile_reads_in_groups_and_anything_else_as_given(kept: str, shown: str) -> None:
    assert mobile_words(kept) == shown
