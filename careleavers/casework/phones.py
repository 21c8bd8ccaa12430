"""UK phone numbers as people type them: "07700 900 982", "+44 7700 900982", "(01274) 000000".

Texts can only go to a mobile, so the duty rota and the out-of-hours service need one; a young
person may give any number they can be called on.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# A UK mobile number: 07 and 9 more digits, or the same with +44 or 44 in place of the 0.
UK_MOBILE = re.compile(r"^(?:\+?44|0)7\d{9}$")
# Any UK number: 0 and 9 or 10 more digits, or the same with +44 or 44 in place of the 0.
UK_PHONE = re.compile(r"^(?:\+?44|0)\d{9,10}$")


def _digits(value: str) -> str:
    return re.sub(r"[\s().-]", "", value or "")


def clean_uk_mobile(value: str) -> str | None:
    """The number without spaces when it is a UK mobile; None when it is not."""
    digits = _digits(value)
    return digits if UK_MOBILE.match(digits) else None


def mobile_words(value: str) -> str:
    """A UK mobile as people read and type it, in groups: "07700 900 982", or "+44 7700 900 982"
    when it was given with the country code. Anything else (an email address, say) as given."""
    digits = clean_uk_mobile(value)
    if digits is None:
        return value
    if digits.startswith("0"):
        return f"{digits[:5]} {digits[5:8]} {digits[8:]}"
    national = digits.removeprefix("+").removeprefix("44")
    return f"+44 {national[:4]} {national[4:7]} {national[7:]}"


def clean_uk_phone(value: str) -> str | None:
    """The number as typed (trimmed) when it is a UK phone number; None when it is not."""
    return " ".join(value.split()) if UK_PHONE.match(_digits(value)) else None


def validate_uk_mobile(value: str) -> None:
    """A model field validator: empty, or a UK mobile."""
    if value and clean_uk_mobile(value) is None:
        raise ValidationError("Enter a UK mobile number, like 07700 900 982")
