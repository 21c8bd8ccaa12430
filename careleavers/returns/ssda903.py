"""SSDA903 (the DfE children looked after return): file layouts, dates, the care-leaver (OC3)
cohort and the OC3 values.

Everything here is pure: plain values in, plain values out, no database and no Django, so the
statutory logic can be tested on its own (DESIGN 4.4). The sources are in
docs/data/ssda903.md, and the rules of the sector
validator (csc-validator-be-903) named beside each function.

Dates follow the 903 convention used by the category engine: an episode runs from DECOM up to
but not including DEC, the day it ceased.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from careleavers.core import dfe_codes
from careleavers.core.dates import add_months, birthday
from careleavers.people.category import (
    THIRTEEN_WEEKS_DAYS,
    return_home_completed_on,
)

# --- File layouts ------------------------------------------------------------------------------

# Exact column headers of each 903 CSV, validator lac_validator/config.py; docs/data/ssda903.md
# section 1. The validator recognises a file by its set of headers alone, so these are pinned by
# tests.
HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
EPISODES_COLUMNS = (
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
)
UASC_COLUMNS = ("CHILD", "SEX", "DOB", "DUC")
# OC3 without SEX: the validator rejects an OC3 file with a SEX column (docs/data/ssda903.md
# section 1).
OC3_COLUMNS = ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")

# The tables this service reads and writes, by their usual file names.
USED_TABLES: dict[str, tuple[str, ...]] = {
    "header": HEADER_COLUMNS,
    "episodes": EPISODES_COLUMNS,
    "uasc": UASC_COLUMNS,
    "oc3": OC3_COLUMNS,
}

# The other 903 tables: recognised so an import can say it ignored them (docs/data/ssda903.md
# section 1).
OTHER_TABLES: dict[str, tuple[str, ...]] = {
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "oc2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    "ad1": (
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    "placed_for_adoption": (
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ),
    "previous_permanence": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "sw_episodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    "dolo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
}

# XML tag names that differ from the CSV column names (docs/data/ssda903.md section 1).
XML_HEADER_TAGS = {"CHILDID": "CHILD"}
XML_EPISODE_TAGS = {"PL": "PLACE"}

# CHILD is at most 10 characters in the 903 (not confirmed; docs/data/ssda903.md section 1), as in
# the model.
CHILD_ID_MAX_LENGTH = 10

# Bradford's ONS code, the validator's local authority (docs/data/ssda903.md section 5).
DEFAULT_LOCAL_AUTHORITY = "E08000032"

ONE_DAY = datetime.timedelta(days=1)


def table_for_columns(columns: Sequence[str]) -> str | None:
    """Name the 903 table a CSV holds from its headers (order does not matter), if any."""
    wanted = {column.strip().upper() for column in columns}
    for name, expected in {**USED_TABLES, **OTHER_TABLES}.items():
        if wanted == set(expected):
            return name
    return None


# --- Dates -------------------------------------------------------------------------------------


def format_date(day: date | None) -> str:
    """A 903 date: dd/mm/yyyy, or an empty string for no date."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


def parse_date(text: str) -> date:
    """Read a 903 dd/mm/yyyy date; raise ValueError for anything else.

    The 903 writes two-digit days and months, which the export matches, but reading the short
    form (1/2/2020) is harmless and helps spreadsheets' output. A regular expression rather
    than strptime: an import reads tens of thousands of dates.
    """
    found = _DATE.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"not a dd/mm/yyyy date: {text!r}")
    day, month, year = (int(part) for part in found.groups())
    return date(year, month, day)


def collection_start(year: int) -> date:
    """The first day of the collection year that ends on 31 March ``year``."""
    return date(year - 1, 4, 1)


def collection_end(year: int) -> date:
    """The last day of the collection year: 31 March ``year``."""
    return date(year, 3, 31)


def collection_year_of(day: date) -> int:
    """The collection year (named by the year it ends) that contains ``day``."""
    return day.year + 1 if (day.month, day.day) >= (4, 1) else day.year


def collection_year_label(year: int) -> str:
    """How people write a collection year: 2025 to 2026."""
    return f"{year - 1} to {year}"


def birthday_in_year(date_of_birth: date, year: int) -> tuple[int, date]:
    """The age reached at the birthday that falls in the collection year, and that day.

    Someone born on 29 February reaches their birthday on 1 March in a common year, as in the
    category engine (people/category.py `birthday`).
    """
    age = year - date_of_birth.year
    day = birthday(date_of_birth, age)
    if day > collection_end(year):
        age -= 1
        day = birthday(date_of_birth, age)
    return age, day


# --- Codes -------------------------------------------------------------------------------------


def normalise_sex(code: str) -> str:
    """The current SEX code (M, F, U) for a 903 value, translating the pre-2024/25 1 and 2.

    Rule 101 (2024/25 on) accepts M, F and U; older returns used 1 (male) and 2 (female),
    docs/data/ssda903.md section 4. Raises KeyError for anything else.
    """
    return dfe_codes.normalise_sex(code)


def is_upn(text: str) -> bool:
    """Whether ``text`` has the form of a unique pupil number: a capital letter other than I, O
    or S, then 12 digits or 11 digits and a capital letter (validator rule 168's pattern; the
    check letter itself is not verified)."""
    return bool(_UPN.fullmatch(text))


_UPN = re.compile(r"(?![IOS])[A-Z](\d{12}|\d{11}[A-Z])", re.ASCII)


# --- The care-leaver (OC3) cohort ------------------------------------------------------------

# Legal statuses for an agreed series of short breaks never count (validator rule 1001 drops
# them; CPPCR 2010 reg 48).
SHORT_BREAKS = dfe_codes.SHORT_BREAK_LEGAL_STATUSES
# REC codes after which no OC3 row is returned: E2 died in care (rule 1000), E3 care taken over
# by another local authority (rule 1011).
REC_DIED = "E2"
REC_TRANSFERRED = "E3"

# Ages whose OC3 row is taken around the birthday in the year (EES methodology; rule 391).
BIRTHDAY_AGES = range(17, 22)
# Ages 22 to 25: only young people in touch during the year, at their latest contact
# (collected from 2022/23; docs/data/ssda903.md section 2).
LATEST_CONTACT_AGES = range(22, 26)


class Episode(NamedTuple):
    """A care episode as the 903 sees it: DECOM, DEC (None while open), LS and REC."""

    start: date
    end: date | None
    legal_status: str
    reason_ended: str = ""


@dataclass(frozen=True)
class CohortDecision:
    """Whether a young person is in the OC3 cohort of a collection year, and why."""

    included: bool
    reason: str
    age: int | None = None
    birthday: date | None = None


def care_days_since(episodes: Iterable[Episode], since: date, until: date) -> int:
    """Days looked after (short breaks excluded) from ``since`` up to ``until`` (exclusive)."""
    spans: list[tuple[date, date]] = []
    for episode in episodes:
        if episode.legal_status.upper() in SHORT_BREAKS:
            continue
        start = max(episode.start, since)
        end = until if episode.end is None else min(episode.end, until)
        if start < end:
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[date, date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return sum((end - start).days for start, end in merged)


def was_looked_after_as_care_leaver(
    date_of_birth: date, episodes: Sequence[Episode], until: date
) -> bool:
    """The DfE care-leaver test: looked after for at least 13 weeks which began after the 14th
    birthday and ended after the 16th (EES methodology; validator rule 1001: at least 91 days
    since the 14th birthday and at least one day after the 16th, short breaks excluded)."""
    since_14 = care_days_since(episodes, birthday(date_of_birth, 14), until)
    since_16 = care_days_since(episodes, birthday(date_of_birth, 16), until)
    return since_14 >= THIRTEEN_WEEKS_DAYS and since_16 >= 1


def oc3_cohort_decision(
    *,
    date_of_birth: date,
    episodes: Sequence[Episode],
    year: int,
    in_touch_in_year: bool,
) -> CohortDecision:
    """Whether a young person belongs in the OC3 (care leavers) table of collection ``year``.

    ``in_touch_in_year`` says whether the council made contact with them in the year; it only
    matters from 22 to 25. The exclusions follow the validator's rules, so that the return it
    builds passes them: 391 (under 17), 1000 (died in care), 1011 (care transferred), 1007 and
    1016 (17 or 18 and looked after on or after that birthday), 187/215 (still looked after).
    """
    end = collection_end(year)
    age, day = birthday_in_year(date_of_birth, year)
    if age < BIRTHDAY_AGES.start:
        return CohortDecision(False, "Under 17 at the end of the collection year.", age, day)
    if age > LATEST_CONTACT_AGES[-1]:
        return CohortDecision(False, "Aged 26 or over in the collection year.", age, day)
    if not episodes:
        return CohortDecision(False, "No care episodes recorded.", age, day)
    ordered = sorted(episodes, key=lambda episode: episode.start)
    if not was_looked_after_as_care_leaver(date_of_birth, ordered, end + datetime.timedelta(1)):
        return CohortDecision(
            False,
            "Not looked after for 13 weeks since their 14th birthday ending after their 16th.",
            age,
            day,
        )
    if any(episode.end is None for episode in ordered):
        return CohortDecision(False, "Still looked after.", age, day)
    last = max(ordered, key=lambda episode: (episode.start, episode.end or date.max))
    if last.reason_ended == REC_DIED:
        return CohortDecision(False, "Died while looked after.", age, day)
    if last.reason_ended == REC_TRANSFERRED:
        return CohortDecision(False, "Care was taken over by another council.", age, day)
    if age in (17, 18) and any(episode.end is None or episode.end >= day for episode in ordered):
        # Rules 1007 and 1016: no OC3 for a 17 or 18 year old looked after on that birthday
        # or who ceased to be looked after on or after it; they are counted a year later.
        return CohortDecision(
            False, f"Looked after on or after their {ordinal(age)} birthday.", age, day
        )
    if age in LATEST_CONTACT_AGES and not in_touch_in_year:
        return CohortDecision(
            False, f"Aged {age} and not in touch during the collection year.", age, day
        )
    return CohortDecision(True, f"Care leaver aged {age} in the collection year.", age, day)


# --- OC3 values: IN_TOUCH, ACTIV, ACCOM ------------------------------------------------------
#
# This is the one place the return's IN_TOUCH, ACTIV and ACCOM are decided: the export, Annex
# A and the staff pages (through core.return_preview) all call oc3_values.

# The DfE guide asks about contact "around" the birthday: from 3 months before to 1 month
# after it (not confirmed against the current Guide to the SSDA903 collection; the window is
# discussed in docs/data/ssda903.md section 2).
WINDOW_MONTHS_BEFORE = 3
WINDOW_MONTHS_AFTER = 1

# Rule 344: DIED and RHOM need ACTIV and ACCOM 0. Rule 345: YES needs both known (not 0).
ZERO = "0"
IN_TOUCH_NEEDS_ZERO = frozenset({"DIED", "RHOM"})
# Not in touch: the council has no current information, so ACTIV and ACCOM are 0 (data-standards
# 6.1). A value recorded before contact was lost may be years old, so it is never carried.
IN_TOUCH_NOT_IN_TOUCH = frozenset({"NO", "REFU", "NREQ"})


def birthday_window(day: date) -> tuple[date, date]:
    """The days (inclusive) around a birthday whose contact and status count for OC3."""
    return add_months(day, -WINDOW_MONTHS_BEFORE), add_months(day, WINDOW_MONTHS_AFTER)


class Contact(NamedTuple):
    """A contact or attempt: the day, and whether the young person was reached."""

    day: date
    made_contact: bool = True


class ActivitySpell(NamedTuple):
    """A recorded main activity (a DfE ACTIV code) from ``start`` to ``end`` (exclusive)."""

    start: date
    end: date | None
    code: str


class AccommodationSpell(NamedTuple):
    """A recorded accommodation: DfE ACCOM type letter and suitability, over a period."""

    start: date
    end: date | None
    letter: str
    suitable: bool | None  # None until suitability has been assessed

    @property
    def code(self) -> str | None:
        """The ACCOM code; None when suitability has not been assessed (it cannot be guessed)."""
        # S and X are always unsuitable in the validator (rule 133), whatever was recorded.
        if self.letter in dfe_codes.ACCOM_ALWAYS_UNSUITABLE:
            return dfe_codes.accom_code(self.letter, suitable=False)
        if self.suitable is None:
            return None
        return dfe_codes.accom_code(self.letter, suitable=self.suitable)


class StatusSpell(NamedTuple):
    """A recorded status that answers IN_TOUCH on its own: DIED (from the day of death,
    ``end`` None), REFU or NREQ (while it lasts)."""

    start: date
    end: date | None
    code: str


class HomeSpell(NamedTuple):
    """Living with a parent or someone with parental responsibility after care."""

    start: date
    end: date | None


@dataclass(frozen=True)
class Oc3Facts:
    """What is recorded about a care leaver that the OC3 values depend on."""

    contacts: tuple[Contact, ...] = ()
    activities: tuple[ActivitySpell, ...] = ()
    accommodations: tuple[AccommodationSpell, ...] = ()
    statuses: tuple[StatusSpell, ...] = ()
    home_spells: tuple[HomeSpell, ...] = ()


@dataclass(frozen=True)
class Oc3Values:
    """One OC3 row's values. ACTIV or ACCOM is None when it is needed but not recorded.

    ``provisional`` when the window the values are taken in has not closed yet on the day they
    were worked out: contact still to come can change them.
    """

    in_touch: str
    activ: str | None
    accom: str | None
    as_at: date
    notes: tuple[str, ...] = field(default=())
    provisional: bool = False

    @property
    def is_complete(self) -> bool:
        return self.activ is not None and self.accom is not None


def _covers(start: date, end: date | None, day: date) -> bool:
    return start <= day and (end is None or day < end)


def _last_day(spell: ActivitySpell | AccommodationSpell, window: tuple[date, date]) -> date:
    return (spell.end - ONE_DAY) if spell.end else window[1]


def _priority(spell: ActivitySpell | AccommodationSpell) -> int:
    # The main activity of several at once (core.dfe_codes.activ_priority, as on the EET
    # pages); accommodation has one at a time, the latest start winning an overlap.
    return dfe_codes.activ_priority(spell.code) if isinstance(spell, ActivitySpell) else 0


def _spell_at(
    spells: Iterable[ActivitySpell | AccommodationSpell], day: date, window: tuple[date, date]
) -> ActivitySpell | AccommodationSpell | None:
    """The spell covering ``day``; failing that, the one in the window nearest to it.

    Of several covering the day: the main activity, then the latest started. Of two equally
    near: the one before the day (what they were last known to be doing), then the main one.
    A tie on all of that is settled by the spells' text, so the answer never depends on the
    order they were read in; the text is made only for a tie (it was most of an export's time
    when made for every spell).
    """
    best: ActivitySpell | AccommodationSpell | None = None
    best_key: tuple[int, ...] = ()
    for spell in spells:
        if _covers(spell.start, spell.end, day):
            # Covering spells come before any that do not (-1 before any distance).
            key: tuple[int, ...] = (-1, 0, _priority(spell), -spell.start.toordinal())
        else:
            last = _last_day(spell, window)
            if spell.start > window[1] or last < window[0] or last < spell.start:
                continue
            after = spell.start > day
            distance = (spell.start - day).days if after else (day - last).days
            key = (distance, int(after), _priority(spell), 0)
        if best is None or key < best_key or (key == best_key and str(spell) < str(best)):
            best, best_key = spell, key
    return best


def _status_at(statuses: Iterable[StatusSpell], day: date) -> str | None:
    died = [s for s in statuses if s.code == "DIED" and s.start <= day]
    if died:
        return "DIED"
    for status in statuses:
        if status.code in ("REFU", "NREQ") and _covers(status.start, status.end, day):
            return status.code
    return None


def _returned_home(home_spells: Iterable[HomeSpell], day: date) -> bool:
    """Living at home on ``day`` after six calendar months or more there without a break (reg
    3(5), the same six months as the category engine: docs/law/care-leaver-categories.md)."""
    return any(
        _covers(spell.start, spell.end, day) and return_home_completed_on(spell.start) <= day
        for spell in home_spells
    )


_NOT_IN_TOUCH_NOTES = {
    "NO": "Not in touch around this date, so the return says 0 (not known).",
    "REFU": "Refuses contact, so the return says 0 (not known).",
    "NREQ": "No longer needs support from the service, so the return says 0 (not known).",
}


def _decided_by_status(
    facts: Oc3Facts, *, as_at: date, window: tuple[date, date], provisional: bool
) -> Oc3Values | None:
    """The values when the young person's status decides them on its own (DIED, RHOM, or not
    in touch: NO, REFU, NREQ), with ACTIV and ACCOM 0; None when in touch (YES)."""
    status = _status_at(facts.statuses, window[1])
    if status == "DIED":
        return Oc3Values("DIED", ZERO, ZERO, as_at, ("Died after leaving care.",))
    if _returned_home(facts.home_spells, as_at):
        return Oc3Values(
            "RHOM",
            ZERO,
            ZERO,
            as_at,
            ("Living with parents for 6 months or more.",),
            provisional,
        )
    if status is None:
        reached = any(
            contact.made_contact and window[0] <= contact.day <= window[1]
            for contact in facts.contacts
        )
        status = "YES" if reached else "NO"
    if status in IN_TOUCH_NOT_IN_TOUCH:
        return Oc3Values(status, ZERO, ZERO, as_at, (_NOT_IN_TOUCH_NOTES[status],), provisional)
    return None


def _recorded_values(
    facts: Oc3Facts, *, as_at: date, window: tuple[date, date], provisional: bool
) -> Oc3Values:
    """YES with the activity and accommodation recorded for ``as_at`` (or nearest to it in the
    window), and a note for each that is not recorded."""
    activity = _spell_at(facts.activities, as_at, window)
    accommodation = _spell_at(facts.accommodations, as_at, window)
    activ = activity.code if isinstance(activity, ActivitySpell) else None
    accom = accommodation.code if isinstance(accommodation, AccommodationSpell) else None
    if activ == ZERO:
        activ = None
    notes = []
    if activ is None:
        notes.append("In touch, but no activity is recorded around this date.")
    if accom is None:
        notes.append(
            "In touch, but no accommodation (or its suitability) is recorded around this date."
        )
    return Oc3Values("YES", activ, accom, as_at, tuple(notes), provisional)


def oc3_values(
    facts: Oc3Facts, *, as_at: date, window: tuple[date, date], today: date | None = None
) -> Oc3Values:
    """IN_TOUCH, ACTIV and ACCOM for the day ``as_at`` (a birthday, or the latest contact).

    Never invents: ACTIV and ACCOM are the recorded ones while in touch, ``0`` where the rules
    call for it (DIED and RHOM, rule 344; not in touch: NO, REFU, NREQ, data-standards 6.1),
    and None when the young person was in touch but nothing is recorded, which the return must
    not hide (rule 345 forbids 0 for YES). The results always satisfy rules 131 to 133, 153
    (once complete), 344 and 345. ``today`` (when given) marks values provisional while the
    window is still open.
    """
    provisional = today is not None and today < window[1]
    decided = _decided_by_status(facts, as_at=as_at, window=window, provisional=provisional)
    if decided is not None:
        return decided
    return _recorded_values(facts, as_at=as_at, window=window, provisional=provisional)


def current_values(facts: Oc3Facts, *, today: date) -> Oc3Values:
    """What Ofsted's Annex A List 9 asks for on the day of the extract: IN_TOUCH as the return
    would say it for ``today`` (contact in the 3 months to today), and the activity and
    accommodation recorded for today whether or not the council is in touch, since the list
    gives the latest contact beside them. None where nothing is recorded for today; 0 for
    those who died or returned home (rule 344)."""
    window = (add_months(today, -WINDOW_MONTHS_BEFORE), today)
    decided = _decided_by_status(facts, as_at=today, window=window, provisional=False)
    if decided is not None and decided.in_touch in IN_TOUCH_NEEDS_ZERO:
        return decided
    recorded = _recorded_values(facts, as_at=today, window=(today, today), provisional=False)
    if decided is None:
        return recorded
    # Not in touch: the status stands, beside what is recorded for today.
    return replace(decided, activ=recorded.activ, accom=recorded.accom)


def oc3_values_for_year(
    facts: Oc3Facts, *, date_of_birth: date, year: int, today: date | None = None
) -> Oc3Values:
    """The OC3 values for a cohort member: around the birthday for ages 17 to 21, at the latest
    contact in the year for ages 22 to 25 (docs/data/ssda903.md section 2)."""
    age, day = birthday_in_year(date_of_birth, year)
    if age in BIRTHDAY_AGES:
        return oc3_values(facts, as_at=day, window=birthday_window(day), today=today)
    start, end = collection_start(year), collection_end(year)
    made = [c.day for c in facts.contacts if c.made_contact and start <= c.day <= end]
    latest = max(made) if made else end
    values = oc3_values(facts, as_at=latest, window=(latest, latest))
    if today is not None and today < end:
        # A later contact in the year would move the day the values are taken.
        values = replace(values, provisional=True)
    return values


def as_at_description(date_of_birth: date, year: int) -> str:
    """Which day a collection year's OC3 values are about, in words."""
    age, day = birthday_in_year(date_of_birth, year)
    if age in BIRTHDAY_AGES:
        return f"their {ordinal(age)} birthday, {day.day} {day:%B %Y}"
    return "their latest contact in the year"


def ordinal(number: int) -> str:
    """17th, 21st, 22nd, 23rd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def contacted_in_year(contacts: Iterable[Contact], year: int) -> bool:
    start, end = collection_start(year), collection_end(year)
    return any(c.made_contact and start <= c.day <= end for c in contacts)


def episode_in_year(start: date, end: date | None, year: int) -> bool:
    """Whether an episode was open at any time in the collection year (the 903 episodes file
    holds those; rules 1012, 1014 and 165 count them the same way)."""
    return start <= collection_end(year) and (end is None or end >= collection_start(year))


def uasc_ceased(date_of_birth: date) -> date:
    """The date UASC status ceased, for a separated migrant: the 18th birthday at the latest
    (validator rule 304); the service records no other date."""
    return birthday(date_of_birth, 18)
