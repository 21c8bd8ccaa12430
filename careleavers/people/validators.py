"""Checks and normalisers for the identifiers a young person's record holds.

Each ``normalise_*`` function takes what someone typed or what an import file held, and returns
the one canonical form the database stores, or raises ``IdentifierError`` with a message that
can be shown next to the field. They are free of Django so forms, importers and the SSDA903
exporter share them; Django validators wrap them.
"""

from __future__ import annotations

import re


class IdentifierError(ValueError):
    """An identifier is not in a valid form; the message says what is wrong."""


_SPACES_AND_DASHES = re.compile(r"[\s\-]+")


def _compact(value: str) -> str:
    return _SPACES_AND_DASHES.sub("", value).upper()


# Council child ID (the SSDA903 CHILD) ---------------------------------------------------------

CHILD_ID_MAX_LENGTH = 10
_CHILD_ID = re.compile(rf"[A-Za-z0-9]{{1,{CHILD_ID_MAX_LENGTH}}}")


def is_child_id(value: str) -> bool:
    """Whether `value` is a council child ID as stored: 1 to 10 letters (A to Z) and digits."""
    return _CHILD_ID.fullmatch(value) is not None


def normalise_child_id(value: str) -> str:
    """Return a council child ID: 1 to 10 letters (A to Z) and digits, as typed.

    The 903 CHILD is the council's own identifier of up to 10 characters; this service keeps to
    letters and digits, so an ID can never be read as anything else where it is written (a
    spreadsheet runs a cell that starts with = or + as a formula).
    """
    compact = value.strip()
    if not compact:
        raise IdentifierError("Enter their council child ID")
    if len(compact) > CHILD_ID_MAX_LENGTH:
        raise IdentifierError(
            f"The council child ID must be {CHILD_ID_MAX_LENGTH} characters or fewer"
        )
    if not is_child_id(compact):
        raise IdentifierError("The council child ID must only include letters A to Z and numbers")
    return compact


# NHS number -------------------------------------------------------------------------------------


def nhs_number_check_digit(first_nine: str) -> int | None:
    """The modulus 11 check digit for nine digits, or ``None`` when no check digit works.

    ``first_nine`` must be exactly nine digits.

    NHS number standard: weight the digits 10 down to 2, sum, take the remainder on dividing by
    11 and subtract it from 11. A result of 11 becomes 0; a result of 10 means the nine digits
    can never form a valid NHS number.
    """
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def normalise_nhs_number(value: str) -> str:
    """Return the 10 digits of a valid NHS number; spaces and dashes are ignored."""
    digits = _compact(value)
    if not re.fullmatch(r"\d{10}", digits):
        raise IdentifierError("Enter an NHS number with 10 digits, like 943 476 5919")
    check = nhs_number_check_digit(digits[:9])
    if check is None or check != int(digits[9]):
        raise IdentifierError("Enter a real NHS number: the last digit does not match the others")
    return digits


def format_nhs_number(value: str) -> str:
    """Show a stored NHS number in the 3-3-4 groups printed on NHS letters."""
    return f"{value[:3]} {value[3:6]} {value[6:]}"


# National Insurance number ---------------------------------------------------------------------

# HMRC National Insurance Manual NIM39110: neither prefix letter may be D, F, I, Q, U or V; the
# second may not be O; and some pairs are never issued (temporary, administrative or reserved).
_NI_NOT_FIRST = frozenset("DFIQUV")
_NI_NOT_SECOND = frozenset("DFIQUVO")
_NI_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def normalise_ni_number(value: str) -> str:
    """Return a valid National Insurance number in upper case without spaces: AB123456C."""
    compact = _compact(value)
    example = "like QQ 12 34 56 C"
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-Z]", compact):
        raise IdentifierError(f"Enter a National Insurance number in the right format, {example}")
    prefix = compact[:2]
    if prefix[0] in _NI_NOT_FIRST or prefix[1] in _NI_NOT_SECOND or prefix in _NI_BAD_PREFIXES:
        raise IdentifierError(
            f"Enter a real National Insurance number: it cannot start with {prefix}"
        )
    if compact[-1] not in "ABCD":
        raise IdentifierError(
            "Enter a real National Insurance number: the last letter must be A, B, C or D"
        )
    return compact


def format_ni_number(value: str) -> str:
    """Show a stored National Insurance number the way HMRC prints it: QQ 12 34 56 C."""
    return f"{value[:2]} {value[2:4]} {value[4:6]} {value[6:8]} {value[8:]}"


# Unique pupil number --------------------------------------------------------------------------

# DfE "Unique pupil numbers (UPNs): guidance for schools and local authorities": a UPN is 13
# characters. Character 1 is a check letter; 2-4 are the LA number, 5-8 the school's DfE number,
# 9-10 the year of allocation and 11-13 a serial number. A temporary UPN ends with a letter
# instead of a digit. The check letter: multiply characters 2 to 13 by the weights 2 to 13, add
# them up, divide by 23 and map the remainder 0-22 to this alphabet (I, O and S are left out so
# they are not mistaken for 1, 0 and 5). The alphabet also turns a temporary UPN's final letter
# into a number for the sum.
UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(last_twelve: str) -> str:
    """The check letter for characters 2 to 13 of a UPN."""
    total = 0
    for weight, char in enumerate(last_twelve, start=2):
        value = int(char) if char.isdigit() else UPN_ALPHABET.index(char)
        total += value * weight
    return UPN_ALPHABET[total % 23]


def normalise_upn(value: str) -> str:
    """Return a valid unique pupil number (permanent or temporary) in upper case."""
    compact = _compact(value)
    if len(compact) != 13:
        raise IdentifierError("Enter a unique pupil number with 13 characters")
    if (
        compact[0] not in UPN_ALPHABET
        or not compact[1:12].isdigit()
        or not (compact[12].isdigit() or compact[12] in UPN_ALPHABET)
    ):
        raise IdentifierError(
            "Enter a unique pupil number in the right format: a letter, 11 digits, then a "
            "digit or a letter"
        )
    if upn_check_letter(compact[1:]) != compact[0]:
        raise IdentifierError(
            "Enter a real unique pupil number: the first letter does not match the rest"
        )
    return compact


# Postcode --------------------------------------------------------------------------------------

# Royal Mail formats: outward code A9, A99, A9A, AA9, AA99 or AA9A; inward code 9AA, whose
# letters never include C, I, K, M, O or V. GIR 0AA is the one historical exception.
_POSTCODE = re.compile(r"(?P<outward>[A-Z]{1,2}\d[A-Z\d]?|GIR)(?P<inward>\d[ABD-HJLNP-UW-Z]{2})")


def normalise_uk_postcode(value: str) -> str:
    """Return a UK postcode in upper case with a single space: BD1 1HY.

    This checks the format only; whether the postcode exists needs the ONS postcode directory.
    """
    compact = re.sub(r"\s+", "", value).upper()
    match = _POSTCODE.fullmatch(compact)
    if match is None or (match["outward"] == "GIR" and match["inward"] != "0AA"):
        raise IdentifierError("Enter a real postcode, like BD1 1HY")
    return f"{match['outward']} {match['inward']}"


# Phone number ----------------------------------------------------------------------------------


def normalise_uk_phone(value: str) -> str:
    """Return a UK phone number in national form with readable spacing: 07700 900123.

    Accepts +44, 0044 or 0 at the start, an optional (0) after +44, and spaces, dashes, dots
    and brackets between digits. A UK number has 10 or 11 digits counting the leading 0.
    """
    cleaned = re.sub(r"[\s\-.()]", "", value.replace("(0)", ""))
    if cleaned.startswith("+44"):
        cleaned = "0" + cleaned[3:]
    elif cleaned.startswith("0044"):
        cleaned = "0" + cleaned[4:]
    if not cleaned.isdigit() or not cleaned.startswith("0"):
        raise IdentifierError("Enter a UK phone number, like 07700 900123 or +44 7700 900123")
    if not 10 <= len(cleaned) <= 11:
        raise IdentifierError("Enter a UK phone number with 10 or 11 digits, like 07700 900123")
    if cleaned[1] == "0":
        raise IdentifierError("Enter a UK phone number, not an international one")
    return _group_phone(cleaned)


def _group_phone(number: str) -> str:
    # Ofcom's usual groupings: 020 xxxx xxxx for London and the other 02 areas, 0xxx xxx xxxx for
    # 011x, 01x1 and non-geographic 03/08/09 numbers, 07xxx xxxxxx for mobiles, otherwise
    # 0xxxx xxxxxx.
    if len(number) == 11:
        if number[1] == "2":
            return f"{number[:3]} {number[3:7]} {number[7:]}"
        if number[1] in "389" or number[:3] == "011" or (number[1] == "1" and number[3] == "1"):
            return f"{number[:4]} {number[4:7]} {number[7:]}"
    return f"{number[:5]} {number[5:]}"
