"""The SSDA903 ACCOM code and the Ofsted Annex A accommodation columns, from accommodation history.

The 903 return records, for care leavers at their 17th to 21st birthdays, the accommodation
"on or around" the birthday; from 22 to 25 it is the accommodation at the latest contact in the
year (docs/data/ssda903.md sections 2 and 3, docs/data/annex-a.md). The code is
the DfE type letter plus 1 (suitable) or 2 (unsuitable); S and X exist only as S2 and X2; and
``0`` means not in touch and not known, or died, or returned home.

Pure: the returns app passes plain values (from `selectors.stay_facts_for`) and gets codes back.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careleavers.accommodation.suitability import ALWAYS_UNSUITABLE, birthday

NOT_KNOWN = "0"
# "On or around" the birthday. The DfE guide's window is usually read as 3 months either side;
# docs/data/ssda903.md section 2 marks this window as not confirmed, so the returns app may pass
# its own.
DEFAULT_WINDOW = datetime.timedelta(days=91)

# SSDA903 rule 344: IN_TOUCH DIED or RHOM means ACCOM must be 0.
ZERO_REQUIRED = frozenset({"DIED", "RHOM"})
# Data-standards.md 6.1: not in touch (NO, REFU, NREQ) gives 0 when the accommodation is unknown.
NOT_IN_TOUCH = frozenset({"NO", "REFU", "NREQ"})


@dataclass(frozen=True)
class StayFacts:
    """One stay, as plain values. ``end`` is the day they moved out (None while they live there);
    the stay covers each day from ``start`` up to the day before ``end``."""

    start: datetime.date
    end: datetime.date | None
    accom_type: str
    suitable: bool | None  # None until suitability has been assessed

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def distance_to(self, day: datetime.date) -> int:
        """Days between ``day`` and the nearest day of the stay (0 when it covers the day)."""
        if self.covers(day):
            return 0
        if day < self.start:
            return (self.start - day).days
        assert self.end is not None
        return (day - self.end).days + 1


@dataclass(frozen=True)
class AccomCode:
    """The 903 ACCOM code (None when it cannot be given), the stay it came from, the reason in
    plain words and any problems a person must fix before the return is sent."""

    code: str | None
    stay: StayFacts | None
    reason: str
    problems: tuple[str, ...] = ()


def stay_on(stays: Iterable[StayFacts], day: datetime.date) -> StayFacts | None:
    """The stay that covers ``day``; the latest start wins if records overlap."""
    covering = [stay for stay in stays if stay.covers(day)]
    return max(covering, key=lambda stay: stay.start) if covering else None


def stay_around(
    stays: Iterable[StayFacts], day: datetime.date, window: datetime.timedelta = DEFAULT_WINDOW
) -> StayFacts | None:
    """The stay on ``day``, or else the nearest within ``window`` either side of it.

    Between two equally near stays, the one before the day wins: where they had been living.
    """
    candidates = [stay for stay in stays if stay.distance_to(day) <= window.days]
    if not candidates:
        return None
    covering = stay_on(candidates, day)
    if covering is not None:
        return covering
    return min(candidates, key=lambda stay: (stay.distance_to(day), stay.start > day))


def _format(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def accom_code_for(
    *,
    stays: Sequence[StayFacts],
    on: datetime.date,
    in_touch: str = "YES",
    window: datetime.timedelta = DEFAULT_WINDOW,
    age: int | None = None,
) -> AccomCode:
    """The 903 ACCOM code for the accommodation on or around ``on``.

    ``in_touch`` is the IN_TOUCH code for the same date. ``age`` (the birthday being reported)
    lets the function flag Z at 17, which the DfE rejects.
    """
    # SSDA903 rule 344: died or returned home for 6 months means ACCOM 0, whatever is recorded.
    if in_touch in ZERO_REQUIRED:
        return AccomCode(NOT_KNOWN, None, f"Not in touch ({in_touch}), so the DfE requires 0.")
    stay = stay_around(stays, on, window)
    if stay is None:
        if in_touch in NOT_IN_TOUCH:
            # Data-standards.md 6.1: not in touch and accommodation not known gives 0.
            return AccomCode(
                NOT_KNOWN,
                None,
                f"Not in touch ({in_touch}) and no accommodation recorded around {_format(on)}.",
            )
        # SSDA903 rule 345: in touch means ACCOM cannot be 0, so a person must fill the gap.
        return AccomCode(
            None,
            None,
            f"No accommodation recorded within {window.days} days of {_format(on)}.",
            (
                f"They were in touch but no accommodation is recorded around {_format(on)}. "
                "Record where they were living.",
            ),
        )
    problems: list[str] = []
    letter = stay.accom_type
    # SSDA903 rule 3001: accommodation type Z is not allowed at the 17th birthday.
    if letter == "Z" and age == 17:
        problems.append(
            "Accommodation type Z (former foster carers) cannot be reported at the 17th "
            "birthday. Check the type recorded."
        )
    where = (
        f"living there on {_format(on)}"
        if stay.covers(on)
        else (f"the nearest stay, {stay.distance_to(on)} days from {_format(on)}")
    )
    # SSDA903 rule 133: only S2 and X2 exist, whatever the assessment said.
    if letter in ALWAYS_UNSUITABLE:
        return AccomCode(
            f"{letter}2", stay, f"{letter} is never suitable ({where}).", tuple(problems)
        )
    if stay.suitable is None:
        problems.append(
            f"The suitability of their accommodation around {_format(on)} has not been "
            "assessed. Assess it before the return is sent."
        )
        return AccomCode(
            None, stay, f"Type {letter}, suitability not assessed ({where}).", tuple(problems)
        )
    digit = "1" if stay.suitable else "2"
    judged = "suitable" if stay.suitable else "unsuitable"
    return AccomCode(
        f"{letter}{digit}", stay, f"Type {letter}, {judged} ({where}).", tuple(problems)
    )


def accom_code_at_birthday(
    *,
    stays: Sequence[StayFacts],
    date_of_birth: datetime.date,
    age: int,
    in_touch: str = "YES",
    window: datetime.timedelta = DEFAULT_WINDOW,
) -> AccomCode:
    """The ACCOM code around the 17th to 21st birthday (docs/data/ssda903.md section 2)."""
    return accom_code_for(
        stays=stays, on=birthday(date_of_birth, age), in_touch=in_touch, window=window, age=age
    )


# Ofsted ILACS Annex A, List 9 (docs/data/annex-a.md) --------------------------------------------

ANNEX_A_TYPES = {
    "B": "B: Parents/relatives",
    "C": "C: Community home / residential care",
    "D": "D: Semi-independent, transitional accommodation and self-contained accommodation",
    "E": "E: Supported lodgings",
    "G": "G: Abroad",
    "H": "H: Deported",
    "K": "K: Ordinary lodgings, without formal support",
    "R": "R: Residence not known",
    "S": "S: No fixed abode / homeless",
    "T": "T: Foyers and similar supported accommodation",
    "U": "U: Independent living",
    "V": "V: Emergency accommodation",
    "W": "W: Bed and breakfast",
    "X": "X: In custody",
    "Y": "Y: Other accommodation",
    "Z": "Z: With former foster carers",
}
ANNEX_A_SUITABLE = "a) Suitable"
ANNEX_A_UNSUITABLE = "b) Unsuitable"


@dataclass(frozen=True)
class AnnexAAccommodation:
    type_of_accommodation: str  # "" when nothing is recorded for the day
    suitability_of_accommodation: str  # "" when not assessed


def annex_a_accommodation(*, stays: Sequence[StayFacts], on: datetime.date) -> AnnexAAccommodation:
    """The Annex A "Type of Accommodation" and "Suitability of Accommodation" on ``on``
    (the day of the extract): where they live that day, blank when nothing is recorded."""
    stay = stay_on(stays, on)
    if stay is None:
        return AnnexAAccommodation("", "")
    suitable: bool | None = False if stay.accom_type in ALWAYS_UNSUITABLE else stay.suitable
    label = "" if suitable is None else (ANNEX_A_SUITABLE if suitable else ANNEX_A_UNSUITABLE)
    return AnnexAAccommodation(ANNEX_A_TYPES.get(stay.accom_type, ""), label)
