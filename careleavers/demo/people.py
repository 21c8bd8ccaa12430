"""The demo's young people: who they are, their care history and their derived category.

Each young person is planned from their own random generator, seeded from the demo seed and
their number, so a young person is the same whatever the size of the demo and whichever chunk
they are built in. A plan first picks the route the young person took through care (still
looked after, left at 18, left at 16 or 17, a short time in care after 16, a special
guardianship order, home to a parent for six months), then builds SSDA903 episodes that tell
that story, and finally asks the category engine what the law makes of it. The stored category
is always the engine's answer, never the route's intention.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from careleavers.core.dates import age_on
from careleavers.core.models import AuditEvent
from careleavers.demo import wording
from careleavers.demo.names import ORIGINS, SHORT_FORMS, NamePools, NameSet, Origin
from careleavers.demo.rows import write_rows
from careleavers.demo.staff import DemoStaff, DemoTeam
from careleavers.people import category as engine
from careleavers.people.models import (
    CareEpisode,
    HomePeriod,
    ImmigrationStatus,
    PreviousName,
    YoungPerson,
)
from careleavers.people.services import (
    CATEGORY_SUBJECT,
    category_change_detail,
    category_update,
)
from careleavers.people.validators import nhs_number_check_digit, upn_check_letter
from careleavers.returns.postcodes import bradford_postcodes, nearby_postcodes

LONDON = ZoneInfo("Europe/London")
ONE_DAY = datetime.timedelta(days=1)
# Registered supported accommodation (K3) replaced the old semi-independent code (H5) when
# Ofsted registration of supported accommodation began on 28 October 2023.
SUPPORTED_ACCOMMODATION_REGISTERED = datetime.date(2023, 10, 28)
# Bradford's local authority number, the start of most of the demo's unique pupil numbers,
# and its West Yorkshire neighbours for young people who started school elsewhere.
HOME_LA = "380"
NEIGHBOUR_LAS = ("381", "382", "383", "384")

T = TypeVar("T")


class Route(Enum):
    """How a young person came to the leaving care service; decides their care history."""

    ELIGIBLE = "still looked after, 13 weeks or more"
    NEWLY_LOOKED_AFTER = "looked after since 16, under 13 weeks so far"
    RELEVANT = "left care at 16 or 17"
    FORMER_RELEVANT_AT_18 = "left care at 18"
    FORMER_RELEVANT_BEFORE_18 = "left care at 16 or 17, now 18 or over"
    QUALIFYING_SHORT_CARE = "looked after for a short time after 16"
    QUALIFYING_SGO = "special guardianship order after care"
    QUALIFYING_HOME = "home to a parent for 6 months after leaving care"


# Shares of the caseload, roughly those of a leaving care service: most are former relevant,
# then children still looked after, relevant children and a few qualifying care leavers.
ROUTE_WEIGHTS = (
    (Route.ELIGIBLE, 17.0),
    (Route.NEWLY_LOOKED_AFTER, 0.8),
    (Route.RELEVANT, 8.0),
    (Route.FORMER_RELEVANT_AT_18, 55.0),
    (Route.FORMER_RELEVANT_BEFORE_18, 9.0),
    (Route.QUALIFYING_SHORT_CARE, 4.0),
    (Route.QUALIFYING_SGO, 3.5),
    (Route.QUALIFYING_HOME, 2.5),
)
# Separated migrant children mostly arrive at 15 to 17 and stay looked after until 18.
MIGRANT_ROUTE_WEIGHTS = (
    (Route.ELIGIBLE, 32.0),
    (Route.NEWLY_LOOKED_AFTER, 6.0),
    (Route.RELEVANT, 2.0),
    (Route.FORMER_RELEVANT_AT_18, 58.0),
    (Route.FORMER_RELEVANT_BEFORE_18, 2.0),
)
# fmt: off
FORMER_RELEVANT_AGES = ((18, 17), (19, 17), (20, 16), (21, 15), (22, 13), (23, 12), (24, 10))
ETHNICITY_WEIGHTS = (
    ("WBRI", 56), ("WIRI", 0.5), ("WOTH", 3), ("WIRT", 0.5), ("WROM", 2), ("MWBC", 5),
    ("MWBA", 1.5), ("MWAS", 4), ("MOTH", 3), ("AIND", 1), ("APKN", 12), ("ABAN", 2),
    ("AOTH", 1.5), ("BCRB", 1.5), ("BAFR", 2), ("BOTH", 1), ("CHNE", 0.2), ("OOTH", 1),
    ("REFU", 0.3), ("NOBT", 0.5),
)
CATEGORY_OF_NEED_WEIGHTS = (
    ("N1", 60), ("N2", 3), ("N3", 4), ("N4", 8), ("N5", 15), ("N6", 4), ("N7", 1), ("N8", 5),
)
REASON_PLACE_CHANGE_WEIGHTS = (
    ("CARPL", 30), ("CREQB", 15), ("CREQO", 10), ("CHILD", 12), ("LAREQ", 8), ("STAND", 5),
    ("CLOSE", 5), ("ALLEG", 3), ("APPRR", 2), ("OTHER", 10),
)
# fmt: on
FOSTER = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
RELATIVE_FOSTER = frozenset({"U1", "U2", "U3"})
# SSDA903 rule 218: every placement needs its Ofsted URN except these (placed with parents,
# residential employment, NHS, custody, temporary moves and "other" placements).
NO_URN_PLACEMENTS = frozenset(
    {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}
)
# The council's own fostering service, registered with Ofsted like any other. Ofsted's social
# care URNs are seven digits (older ones SC and six digits).
COUNCIL_FOSTERING_URN = "2031380"
NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    """One item from (item, weight) pairs; one draw from ``rng`` whatever the weights."""
    total = sum(weight for _, weight in pairs)
    point = rng.random() * total
    for item, weight in pairs:
        point -= weight
        if point < 0:
            return item
    return pairs[-1][0]


def between(rng: random.Random, low: datetime.date, high: datetime.date) -> datetime.date:
    """A day from ``low`` to ``high`` inclusive (``low`` when the range is empty)."""
    span = (high - low).days
    return low + datetime.timedelta(days=rng.randint(0, span)) if span > 0 else low


def years_ago(today: datetime.date, years: int) -> datetime.date:
    return engine.birthday(today, -years)


def aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


@dataclass
class Identifiers:
    """Identifiers handed out so far, so every NHS number, UPN and NI number is unique."""

    nhs: set[str] = field(default_factory=set)
    upn: set[str] = field(default_factory=set)
    ni: set[str] = field(default_factory=set)

    def nhs_number(self, rng: random.Random) -> str:
        # NHS numbers starting 999 are set aside for testing and never issued to patients.
        while True:
            first_nine = f"999{rng.randint(0, 999_999):06d}"
            check = nhs_number_check_digit(first_nine)
            number = f"{first_nine}{check}"
            if check is not None and number not in self.nhs:
                self.nhs.add(number)
                return number

    def unique_pupil_number(self, rng: random.Random, date_of_birth: datetime.date) -> str:
        # LA number, school number, the year the UPN was allocated (starting school at about
        # 5) and a serial number, behind the check letter.
        local_authority = HOME_LA if rng.random() < 0.8 else rng.choice(NEIGHBOUR_LAS)
        year = (date_of_birth.year + 5) % 100
        while True:
            rest = f"{local_authority}{rng.randint(2000, 2999)}{year:02d}{rng.randint(0, 999):03d}"
            upn = upn_check_letter(rest) + rest
            if upn not in self.upn:
                self.upn.add(upn)
                return upn

    def ni_number(self, rng: random.Random) -> str:
        while True:
            prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
            if prefix in NI_BAD_PREFIXES:
                continue
            number = f"{prefix}{rng.randint(0, 999_999):06d}{rng.choice('ABCD')}"
            if number not in self.ni:
                self.ni.add(number)
                return number


@dataclass
class PersonPlan:
    """One young person, ready to save, with what casework needs to know about them."""

    index: int
    rng: random.Random
    young_person: YoungPerson
    route: Route
    team: DemoTeam
    facts: engine.CategoryFacts
    decision: engine.CategoryDecision
    care_start: datetime.date
    left_care: datetime.date | None
    episodes: list[CareEpisode] = field(default_factory=list)
    home_periods: list[HomePeriod] = field(default_factory=list)
    previous_names: list[PreviousName] = field(default_factory=list)

    @property
    def date_of_birth(self) -> datetime.date:
        return self.young_person.date_of_birth

    def birthday(self, age: int) -> datetime.date:
        return engine.birthday(self.date_of_birth, age)


def person_rng(seed: int, index: int) -> random.Random:
    # A string seed is hashed with SHA-512, so it does not depend on PYTHONHASHSEED.
    return random.Random(f"careleavers-demo:{seed}:{index}")


def child_id_for(index: int) -> str:
    # 7919 is prime and coprime with 9,000,000, so every index up to 9 million gets its own
    # seven-digit ID, and neighbouring young people do not get neighbouring IDs.
    return str(1_000_000 + (index * 7_919) % 9_000_000)


def postcode(rng: random.Random, *, out_of_area: bool = False) -> str:
    """A real postcode: one in Bradford, or (for placements, sometimes) a neighbouring
    council's. The SSDA903 validator looks placements up in the ONS postcode directory, so an
    invented postcode fails rules 169, 179 and 392c (returns/postcodes.py)."""
    if out_of_area and rng.random() < 0.3:
        return rng.choice(nearby_postcodes())
    return rng.choice(bradford_postcodes())


def ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in folded.lower() if char.isalnum())


# Care histories ---------------------------------------------------------------------------


@dataclass
class _Spell:
    """A period of care to be written as one or more SSDA903 episodes."""

    start: datetime.date
    end: datetime.date | None
    leaving: str  # how it ended: at_18, home, relatives, independent, custody, short, sgo
    legal_status: str
    category_of_need: str


def _placement(rng: random.Random, *, age: int, day: datetime.date, migrant: bool) -> str:
    supported = "K3" if day >= SUPPORTED_ACCOMMODATION_REGISTERED else "H5"
    if migrant:
        if age < 16:
            return weighted(rng, (("U6", 60), ("U4", 20), ("K2", 20)))
        return weighted(rng, ((supported, 70), ("U6", 30)))
    if age < 16:
        return weighted(
            rng, (("U4", 30), ("U6", 35), ("U1", 10), ("U3", 8), ("K2", 15), ("S1", 2))
        )
    return weighted(
        rng, (("U4", 25), ("U6", 20), ("U1", 8), ("U3", 5), ("K2", 12), (supported, 30))
    )


@dataclass(frozen=True)
class _Placement:
    """Where a child lives and with whom: the 903's PLACE, PLACE_PROVIDER, PL_POST and URN."""

    kind: str
    provider: str
    postcode: str
    urn: str


def _placement_postcode(rng: random.Random, kind: str, provider: str, home: str) -> str:
    """Rule 1015: the council's own provision is in its own area; rule 241: so is registered
    supported accommodation (K3); rule 392d: never the home postcode (a placement with
    parents, P1, is not made here)."""
    while True:
        where = postcode(rng, out_of_area=provider != "PR1" and kind != "K3")
        if where != home:
            return where


def _new_placement(rng: random.Random, kind: str, *, home: str) -> _Placement:
    provider = _provider(rng, kind)
    where = _placement_postcode(rng, kind, provider, home)
    if kind in NO_URN_PLACEMENTS:
        urn = ""
    elif provider == "PR1" and kind in FOSTER:
        urn = COUNCIL_FOSTERING_URN
    else:
        urn = f"2{rng.randint(0, 999_999):06d}"
    return _Placement(kind, provider, where, urn)


def _moved_with_same_carers(rng: random.Random, placement: _Placement, *, home: str) -> _Placement:
    """A new address with the same carers (RNE T): the same provider and URN."""
    where = _placement_postcode(rng, placement.kind, placement.provider, home)
    return _Placement(placement.kind, placement.provider, where, placement.urn)


def _provider(rng: random.Random, placement: str) -> str:
    # SSDA903 PLACE_PROVIDER: PR1 own provision, PR2 other LA, PR3 other public sector,
    # PR4 private, PR5 voluntary sector.
    if placement in RELATIVE_FOSTER:
        return "PR1"
    if placement in FOSTER:
        return "PR1" if rng.random() < 0.6 else "PR4"
    if placement == "S1":
        return "PR3"
    return weighted(rng, (("PR4", 75), ("PR5", 15), ("PR1", 10)))


def _final_reason(rng: random.Random, leaving: str, placement: str) -> str:
    if leaving == "at_18":
        if placement in FOSTER:
            return weighted(rng, (("E17", 75), ("E5", 20), ("E8", 5)))
        return weighted(rng, (("E5", 65), ("E6", 25), ("E8", 10)))
    if leaving == "home":
        return "E4A"
    if leaving == "relatives":
        return "E13"
    if leaving == "independent":
        return weighted(rng, (("E5", 70), ("E6", 30)))
    if leaving == "custody":
        return "E9"
    if leaving == "sgo":
        if placement in RELATIVE_FOSTER:
            return "E45"
        if placement in FOSTER:
            return "E46"
        return weighted(rng, (("E47", 70), ("E48", 30)))
    return weighted(rng, (("E4B", 40), ("E13", 30), ("E8", 30)))


def _change_days(
    rng: random.Random, start: datetime.date, stop: datetime.date, *, forced: list[int]
) -> list[datetime.date]:
    """Days within the spell on which one episode ends and the next begins."""
    length = (stop - start).days
    if length < 42:
        return []
    years = length / 365.25
    wanted = sum(1 for _ in range(int(years * 2) + 1) if rng.random() < 0.45)
    offsets = set(forced)
    for _ in range(min(wanted, 6)):
        offsets.add(rng.randint(21, length - 14))
    days: list[datetime.date] = []
    for offset in sorted(offsets):
        day = start + datetime.timedelta(days=offset)
        if 0 < offset < length and (not days or (day - days[-1]).days >= 14):
            days.append(day)
    return days


def _episodes_for(
    rng: random.Random,
    spell: _Spell,
    *,
    date_of_birth: datetime.date,
    today: datetime.date,
    migrant: bool,
    home_postcode: str,
) -> list[CareEpisode]:
    stop = spell.end or today
    forced = []
    if spell.legal_status == "C1" and (stop - spell.start).days > 60:
        # An interim care order becomes a full care order within months.
        forced.append(rng.randint(42, min(240, (stop - spell.start).days - 14)))
    changes = _change_days(rng, spell.start, stop, forced=forced)

    legal_status = spell.legal_status
    day = spell.start
    placement = _new_placement(
        rng,
        _placement(rng, age=age_on(date_of_birth, day), day=day, migrant=migrant),
        home=home_postcode,
    )
    rows: list[CareEpisode] = []
    reason_new = "S"
    for boundary in [*changes, None]:
        rows.append(
            CareEpisode(
                start=day,
                end=boundary,
                reason_new_episode=reason_new,
                legal_status=legal_status,
                category_of_need=spell.category_of_need,
                placement_type=placement.kind,
                placement_provider=placement.provider,
                home_postcode=home_postcode,
                placement_postcode=placement.postcode,
                urn=placement.urn,
            )
        )
        if boundary is None:
            break
        # What changed on the boundary: the legal status, the placement, or both.
        if legal_status == "C1":
            reason_new = weighted(rng, (("L", 70), ("B", 30)))
            legal_status = "C2"
        elif legal_status == "V2" and not migrant and rng.random() < 0.12:
            # Accommodated by agreement, then a care order.
            reason_new = weighted(rng, (("L", 60), ("B", 40)))
            legal_status = "C2"
        else:
            reason_new = weighted(rng, (("P", 85), ("T", 15)))
        rows[-1].reason_ended = "X1"
        if reason_new in ("P", "B", "T"):
            rows[-1].reason_place_change = (
                weighted(rng, (("CARPL", 50), ("PLACE", 50)))
                if reason_new == "T"
                else weighted(rng, REASON_PLACE_CHANGE_WEIGHTS)
            )
        if reason_new == "T":
            placement = _moved_with_same_carers(rng, placement, home=home_postcode)
        elif reason_new in ("P", "B"):
            placement = _new_placement(
                rng,
                _placement(
                    rng, age=age_on(date_of_birth, boundary), day=boundary, migrant=migrant
                ),
                home=home_postcode,
            )
        day = boundary
    last = rows[-1]
    last.end = spell.end
    if spell.end is not None:
        last.reason_ended = _final_reason(rng, spell.leaving, last.placement_type)
    return rows


def _short_breaks(
    rng: random.Random, *, from_day: datetime.date, until: datetime.date, home_postcode: str
) -> list[CareEpisode]:
    """An agreed series of short breaks (legal status V3) for a disabled child."""
    rows: list[CareEpisode] = []
    day = from_day + datetime.timedelta(days=rng.randint(5, 30))
    for _ in range(rng.randint(3, 5)):
        end = day + datetime.timedelta(days=rng.randint(2, 4))
        if end >= until:
            break
        rows.append(
            CareEpisode(
                start=day,
                end=end,
                reason_new_episode="S",
                legal_status="V3",
                category_of_need="N2",
                placement_type="K2",
                placement_provider="PR1",
                reason_ended="E4A",
                # Rule 214: no placement postcode or URN for short breaks.
                home_postcode=home_postcode,
            )
        )
        day = end + datetime.timedelta(days=rng.randint(20, 60))
    return rows


# The plan ---------------------------------------------------------------------------------


def _date_of_birth_for_age(rng: random.Random, today: datetime.date, age: int) -> datetime.date:
    latest = years_ago(today, age)
    earliest = years_ago(today, age + 1) + ONE_DAY
    return between(rng, earliest, latest)


def _early_start(rng: random.Random, date_of_birth: datetime.date) -> datetime.date:
    """A first day in care before the 14th birthday."""
    return engine.birthday(date_of_birth, rng.randint(4, 13)) + datetime.timedelta(
        days=rng.randint(0, 300)
    )


@dataclass
class _Story:
    date_of_birth: datetime.date
    spell: _Spell
    home_start: datetime.date | None = None
    home_end: datetime.date | None = None
    special_guardianship: bool = False


def _story(
    rng: random.Random, route: Route, *, today: datetime.date, migrant: bool
) -> _Story | None:
    """Pick a date of birth and a period of care that fit the route (None: try again)."""
    legal = "V2" if migrant else weighted(rng, (("C1", 45), ("V2", 40), ("C2", 15)))
    need = "N8" if migrant else weighted(rng, CATEGORY_OF_NEED_WEIGHTS)
    early = not migrant and rng.random() < 0.3

    def start_before(latest: datetime.date, dob: datetime.date) -> datetime.date:
        # Most start after the 14th birthday; some grew up in care; migrants arrive at 15-17.
        if early:
            return _early_start(rng, dob)
        first = engine.birthday(dob, 15 if migrant else 14)
        return between(rng, min(first, latest), latest)

    if route in (Route.ELIGIBLE, Route.NEWLY_LOOKED_AFTER, Route.RELEVANT):
        dob = _date_of_birth_for_age(rng, today, rng.choice((16, 17)))
        b16 = engine.birthday(dob, 16)
        if route is Route.ELIGIBLE:
            start = start_before(today - datetime.timedelta(days=100), dob)
            return _Story(dob, _Spell(start, None, "", legal, need))
        if route is Route.NEWLY_LOOKED_AFTER:
            if (today - b16).days < 10:
                return None
            recently = max(b16, today - 85 * ONE_DAY)
            start = between(rng, recently, today - 3 * ONE_DAY)
            return _Story(dob, _Spell(start, None, "", legal, need))
        if (today - b16).days < 30:
            return None
        left = between(rng, max(b16 + 14 * ONE_DAY, today - 540 * ONE_DAY), today - 7 * ONE_DAY)
        start = start_before(left - datetime.timedelta(days=100), dob)
        leaving = weighted(
            rng, (("home", 30), ("relatives", 20), ("independent", 40), ("custody", 5), ("", 5))
        )
        story = _Story(dob, _Spell(start, left, leaving, legal, need))
        if leaving == "home":
            story.home_start = left
            at_home = (today - left).days
            roll = rng.random()
            if at_home > 200 and roll < 0.3:
                # Home for six months or more, then it broke down: relevant again.
                story.home_end = between(rng, left + 184 * ONE_DAY, today - ONE_DAY)
            elif at_home > 21 and (at_home >= 183 or roll < 0.4):
                # Went home but it broke down before six months.
                story.home_end = left + datetime.timedelta(
                    days=rng.randint(20, min(170, at_home - 1))
                )
            # Otherwise still at home, for under six months so far.
        return story

    if route in (Route.FORMER_RELEVANT_AT_18, Route.FORMER_RELEVANT_BEFORE_18):
        dob = _date_of_birth_for_age(rng, today, weighted(rng, FORMER_RELEVANT_AGES))
        b16, b18 = engine.birthday(dob, 16), engine.birthday(dob, 18)
        if route is Route.FORMER_RELEVANT_AT_18:
            start = start_before(b18 - datetime.timedelta(days=100), dob)
            return _Story(dob, _Spell(start, b18, "at_18", legal, need))
        left = between(rng, b16 + 100 * ONE_DAY, b18 - 7 * ONE_DAY)
        start = start_before(left - datetime.timedelta(days=100), dob)
        leaving = weighted(rng, (("home", 25), ("relatives", 25), ("independent", 45), ("", 5)))
        story = _Story(dob, _Spell(start, left, leaving, legal, need))
        if leaving == "home":
            # Back home, but for less than six months, so they stayed a relevant child.
            story.home_start = left
            story.home_end = min(
                left + datetime.timedelta(days=rng.randint(14, 170)), today - ONE_DAY
            )
        return story

    in_education_age = rng.random() < 0.12
    age = rng.choice((21, 22, 23)) if in_education_age else rng.choice((16, 17, 18, 19, 20))
    dob = _date_of_birth_for_age(rng, today, age)
    b16, b18 = engine.birthday(dob, 16), engine.birthday(dob, 18)
    if route is Route.QUALIFYING_SHORT_CARE:
        latest = min(b18, today) - datetime.timedelta(days=20)
        if latest < b16:
            return None
        start = between(rng, b16, latest)
        left = min(start + datetime.timedelta(days=rng.randint(10, 85)), b18, today - ONE_DAY)
        return _Story(dob, _Spell(start, left, "short", legal, need))
    if route is Route.QUALIFYING_SGO:
        start = _early_start(rng, dob)
        left = between(rng, start + 200 * ONE_DAY, b16 - ONE_DAY)
        if left <= start:
            return None
        return _Story(dob, _Spell(start, left, "sgo", legal, need), special_guardianship=True)
    # Relevant, then home to a parent for six months or more before turning 18.
    latest = min(b18, today) - datetime.timedelta(days=190)
    if latest < b16 + 14 * ONE_DAY:
        return None
    left = between(rng, b16 + 14 * ONE_DAY, latest)
    start = start_before(left - datetime.timedelta(days=100), dob)
    story = _Story(dob, _Spell(start, left, "home", legal, need), home_start=left)
    if today > b18 + 30 * ONE_DAY and rng.random() < 0.3:
        story.home_end = between(rng, b18, today - ONE_DAY)
    return story


def _immigration(
    rng: random.Random,
    young_person: YoungPerson,
    *,
    arrived: datetime.date,
    today: datetime.date,
    pools: NamePools,
) -> None:
    months = (today - arrived).days / 30.4
    if months < 6:
        status = ImmigrationStatus.CLAIM_PENDING
    elif months < 24:
        status = weighted(
            rng,
            (
                (ImmigrationStatus.CLAIM_PENDING, 40),
                (ImmigrationStatus.REFUGEE, 35),
                (ImmigrationStatus.UASC_LEAVE, 10),
                (ImmigrationStatus.HUMANITARIAN, 5),
                (ImmigrationStatus.APPEAL, 10),
            ),
        )
    else:
        status = weighted(
            rng,
            (
                (ImmigrationStatus.REFUGEE, 50),
                (ImmigrationStatus.LIMITED_LEAVE, 10),
                (ImmigrationStatus.UASC_LEAVE, 5),
                (ImmigrationStatus.CLAIM_PENDING, 10),
                (ImmigrationStatus.APPEAL, 10),
                (ImmigrationStatus.APPEAL_RIGHTS_EXHAUSTED, 8),
                (ImmigrationStatus.SETTLED, 7),
            ),
        )
    young_person.immigration_status = status
    young_person.arrived_in_uk_on = arrived
    if rng.random() < 0.3:
        assessed = arrived + datetime.timedelta(days=rng.randint(20, 120))
        if assessed < today:
            young_person.age_assessed_on = assessed
            young_person.age_assessment_outcome = weighted(
                rng,
                (
                    ("Age accepted as claimed.", 70),
                    (
                        "Assessed as older than claimed; date of birth changed to the assessed "
                        "one.",
                        30,
                    ),
                ),
            )
    waiting = status in (
        ImmigrationStatus.CLAIM_PENDING,
        ImmigrationStatus.APPEAL,
        ImmigrationStatus.APPEAL_RIGHTS_EXHAUSTED,
        ImmigrationStatus.LIMITED_LEAVE,
        ImmigrationStatus.UASC_LEAVE,
    )
    if waiting or rng.random() < 0.6:
        young_person.legal_representative = rng.choice(pools.firms)
    if status == ImmigrationStatus.APPEAL_RIGHTS_EXHAUSTED:
        young_person.no_recourse_to_public_funds = True
        young_person.next_home_office_date = today + datetime.timedelta(days=rng.randint(7, 60))
    elif waiting:
        young_person.next_home_office_date = today + datetime.timedelta(days=rng.randint(7, 240))
    elif status in (ImmigrationStatus.REFUGEE, ImmigrationStatus.HUMANITARIAN):
        # Their five years' leave runs out, and settlement must be applied for before then.
        young_person.next_home_office_date = today + datetime.timedelta(days=rng.randint(60, 1500))


def _names(
    rng: random.Random,
    young_person: YoungPerson,
    names: NameSet,
    *,
    today: datetime.date,
) -> list[PreviousName]:
    young_person.first_name, young_person.last_name = names.pick(rng, young_person.sex)
    roll = rng.random()
    if roll < 0.015:
        # Trans and non-binary young people, who go by a name of their own choosing.
        gender, pronouns, other = rng.choice(
            (
                ("Non-binary", "they/them", "U"),
                ("Trans man", "he/him", "M"),
                ("Trans woman", "she/her", "F"),
            )
        )
        young_person.gender = gender
        young_person.pronouns = pronouns
        young_person.preferred_name = names.pick(rng, other)[0]
    elif roll < 0.15:
        short = SHORT_FORMS.get(young_person.first_name)
        if short is not None:
            young_person.preferred_name = short
        elif rng.random() < 0.4:
            young_person.preferred_name = names.pick(rng, young_person.sex)[0]  # middle name
    if not young_person.pronouns and young_person.sex in ("M", "F") and rng.random() < 0.35:
        young_person.pronouns = "he/him" if young_person.sex == "M" else "she/her"
    previous: list[PreviousName] = []
    if rng.random() < 0.05:
        # Took a foster family's surname, or changed name by deed poll.
        used_until = between(
            rng, engine.birthday(young_person.date_of_birth, 10), today - 30 * ONE_DAY
        )
        first = young_person.first_name
        if young_person.gender:
            first = names.pick(rng, "F" if young_person.sex == "F" else "M")[0]
        previous.append(
            PreviousName(first_name=first, last_name=rng.choice(names.last), used_until=used_until)
        )
    return previous


def _identity(
    rng: random.Random,
    young_person: YoungPerson,
    *,
    migrant: bool,
    origin: Origin | None,
    pools: NamePools,
    identifiers: Identifiers,
    arrived: datetime.date | None,
    today: datetime.date,
) -> None:
    dob = young_person.date_of_birth
    arrived_age = age_on(dob, arrived) if arrived is not None else 0
    if not migrant:
        young_person.upn = identifiers.unique_pupil_number(rng, dob) if rng.random() < 0.92 else ""
        if not young_person.upn:
            young_person.upn_unknown_reason = weighted(rng, (("UN5", 50), ("UN3", 50)))
    elif arrived_age < 16 and rng.random() < 0.5:
        young_person.upn = identifiers.unique_pupil_number(rng, dob)
    else:
        young_person.upn_unknown_reason = "UN2"
    if rng.random() < 0.95:
        young_person.nhs_number = identifiers.nhs_number(rng)
    settled = young_person.immigration_status in (
        ImmigrationStatus.BRITISH,
        ImmigrationStatus.SETTLED,
        ImmigrationStatus.PRE_SETTLED,
        ImmigrationStatus.REFUGEE,
        ImmigrationStatus.HUMANITARIAN,
        ImmigrationStatus.LIMITED_LEAVE,
        ImmigrationStatus.UASC_LEAVE,
    )
    if settled and rng.random() < 0.85:
        young_person.ni_number = identifiers.ni_number(rng)

    if rng.random() < 0.7:
        young_person.email = (
            f"{ascii_word(young_person.first_name)}.{ascii_word(young_person.last_name)}"
            f"{rng.randint(1, 99)}@example.com"
        )
    if rng.random() < 0.92:
        # Ofcom keeps 07700 900000 to 900999 for drama, so these numbers ring nobody.
        young_person.phone = f"07700 900{rng.randint(0, 999):03d}"
    if rng.random() < 0.9:
        young_person.postcode = postcode(rng)
        district = int(young_person.postcode.split()[0][2:])
        town = "Keighley" if district >= 20 else "Bradford"
        young_person.address = f"{rng.randint(1, 140)} {rng.choice(pools.streets)}\n{town}"

    # Needs, faith and culture.
    if rng.random() < 0.12:
        young_person.disability = rng.choice(wording.DISABILITIES)
    if rng.random() < 0.18:
        young_person.learning_needs = rng.choice(wording.LEARNING_NEEDS)
    if (young_person.disability or young_person.learning_needs) and rng.random() < 0.5:
        young_person.has_ehc_plan = True
    if origin is not None:
        young_person.first_language = rng.choice(origin.languages)
        young_person.faith = rng.choice(origin.faith)
        young_person.culture = f"{origin.culture}."
        years_here = (today - (arrived or today)).days / 365.25
        young_person.interpreter_needed = rng.random() < (0.85 if years_here < 1.5 else 0.35)
        return
    languages = wording.LANGUAGE_BY_ETHNICITY.get(young_person.ethnicity)
    if languages and rng.random() < 0.15:
        young_person.first_language = rng.choice(languages)
        young_person.interpreter_needed = rng.random() < 0.1
    else:
        young_person.first_language = "English"
    if young_person.ethnicity in ("APKN", "ABAN"):
        young_person.faith = "Muslim" if rng.random() < 0.85 else ""
    elif young_person.ethnicity == "AIND":
        young_person.faith = rng.choice(("Sikh", "Hindu", "Muslim", ""))
    else:
        young_person.faith = rng.choice(wording.FAITHS_BRITISH)
    heritage = wording.HERITAGE_BY_ETHNICITY.get(young_person.ethnicity)
    if heritage and rng.random() < 0.4:
        young_person.culture = rng.choice(wording.CULTURE_NOTES).format(heritage=heritage)
    if young_person.ethnicity in ("WOTH", "WROM") and rng.random() < 0.5:
        young_person.immigration_status = rng.choice(
            (ImmigrationStatus.SETTLED, ImmigrationStatus.PRE_SETTLED)
        )
    elif rng.random() < 0.01:
        young_person.immigration_status = ImmigrationStatus.NOT_KNOWN


def _in_education(rng: random.Random, age: int) -> bool:
    if age < 18:
        return rng.random() < 0.75
    if age < 21:
        return rng.random() < 0.55
    return rng.random() < 0.35


def _pick_team(rng: random.Random, teams: list[DemoTeam]) -> DemoTeam:
    # Teams take young people in proportion to their personal advisers.
    return weighted(rng, [(team, float(max(1, len(team.personal_advisers)))) for team in teams])


def plan_person(
    *,
    index: int,
    seed: int,
    today: datetime.date,
    pools: NamePools,
    staff: DemoStaff,
    identifiers: Identifiers,
) -> PersonPlan:
    rng = person_rng(seed, index)
    migrant = rng.random() < 0.10 and bool(staff.migrants_teams)
    route = weighted(rng, MIGRANT_ROUTE_WEIGHTS if migrant else ROUTE_WEIGHTS)
    story = _story(rng, route, today=today, migrant=migrant)
    while story is None:
        story = _story(rng, route, today=today, migrant=migrant)
    spell = story.spell
    dob = story.date_of_birth

    origin: Origin | None = None
    if migrant:
        origin = weighted(rng, [(item, float(item.weight)) for item in ORIGINS])
        sex = "M" if rng.random() < 0.93 else "F"
        ethnicity = origin.ethnicity
        names = origin.names
    else:
        # Legal sex as the 903 records it: the validator counts U as an error (rule 232), and
        # young people who are non-binary are recorded by their gender identity, below.
        sex = weighted(rng, (("M", 53.0), ("F", 47.0)))
        ethnicity = weighted(rng, ETHNICITY_WEIGHTS)
        names = pools.for_ethnicity(ethnicity)
    young_person = YoungPerson(
        child_id=child_id_for(index),
        date_of_birth=dob,
        sex=sex,
        ethnicity=ethnicity,
        special_guardianship_after_care=story.special_guardianship,
    )
    previous_names = _names(rng, young_person, names, today=today)

    home_postcode = "" if migrant else postcode(rng)
    episodes: list[CareEpisode] = []
    if not migrant and not story.special_guardianship and rng.random() < 0.015:
        b14 = engine.birthday(dob, 14)
        if (spell.start - b14).days > 200:
            # A disabled child who had short breaks before coming into care full time.
            episodes = _short_breaks(
                rng, from_day=b14, until=spell.start - 14 * ONE_DAY, home_postcode=home_postcode
            )
            if episodes:
                young_person.disability = young_person.disability or wording.DISABILITIES[0]
    episodes += _episodes_for(
        rng, spell, date_of_birth=dob, today=today, migrant=migrant, home_postcode=home_postcode
    )
    home_periods: list[HomePeriod] = []
    if story.home_start is not None:
        home_periods.append(
            HomePeriod(
                start=story.home_start,
                end=story.home_end,
                notes="Went home to live with mum." if rng.random() < 0.6 else "Went home to dad.",
            )
        )

    arrived = spell.start - datetime.timedelta(days=rng.randint(0, 10)) if migrant else None
    if migrant and arrived is not None:
        young_person.is_separated_migrant = True
        _immigration(rng, young_person, arrived=arrived, today=today, pools=pools)
    _identity(
        rng,
        young_person,
        migrant=migrant,
        origin=origin,
        pools=pools,
        identifiers=identifiers,
        arrived=arrived,
        today=today,
    )
    # Ofsted's Annex A asks whether they have a disability: the demo's records all say.
    young_person.has_disability = "yes" if young_person.disability else "no"
    age = age_on(dob, today)
    if route.name.startswith("QUALIFYING") and age >= 21:
        # Qualifying care leavers over 21 are helped only while in education or training.
        young_person.in_education_or_training = True
    else:
        young_person.in_education_or_training = _in_education(rng, age)
    young_person.chose_less_contact = age >= 21 and rng.random() < 0.35

    facts = engine.CategoryFacts(
        date_of_birth=dob,
        episodes=tuple(
            engine.CareEpisode(start=row.start, end=row.end, legal_status=row.legal_status)
            for row in episodes
        ),
        home_periods=tuple(
            engine.HomePeriod(start=period.start, end=period.end) for period in home_periods
        ),
        special_guardianship_after_care=young_person.special_guardianship_after_care,
        in_education_or_training=young_person.in_education_or_training,
    )
    decision = engine.derive_category(facts, today)
    # A new record has no category decided yet, so this stores it as decided today.
    category_update(young_person, decision, facts=facts, today=today).apply_to(young_person)

    team = _pick_team(rng, staff.migrants_teams if migrant else staff.area_teams)
    young_person.team = team.team
    return PersonPlan(
        index=index,
        rng=rng,
        young_person=young_person,
        route=route,
        team=team,
        facts=facts,
        decision=decision,
        care_start=spell.start,
        left_care=spell.end,
        episodes=episodes,
        home_periods=home_periods,
        previous_names=previous_names,
    )


def save_people(plans: list[PersonPlan], *, today: datetime.date, batch_size: int) -> None:
    """Write the young people, then their episodes, periods at home and previous names."""
    write_rows(YoungPerson, [plan.young_person for plan in plans], batch_size=batch_size)
    ids = dict(
        YoungPerson.objects.filter(
            child_id__in=[plan.young_person.child_id for plan in plans]
        ).values_list("child_id", "pk")
    )
    episodes: list[CareEpisode] = []
    periods: list[HomePeriod] = []
    previous: list[PreviousName] = []
    events: list[dict[str, Any]] = []
    for plan in plans:
        young_person_id = ids[plan.young_person.child_id]
        plan.young_person.pk = young_person_id
        for episode in plan.episodes:
            episode.young_person_id = young_person_id
            episode.created_at = aware(episode.start, 10)
            episodes.append(episode)
        for period in plan.home_periods:
            period.young_person_id = young_person_id
            period.created_at = aware(period.start, 11)
            periods.append(period)
        for name in plan.previous_names:
            name.young_person_id = young_person_id
            previous.append(name)
        # The category service audits each change it works out, with nobody as the actor (the
        # chronology says "Worked out by the service"). The demo council has had the service
        # for years, so the change is dated as its daily job would have found it: early on the
        # day they became this category (today's, when they did not become one on a known day).
        decision = plan.decision
        decided_on = decision.since or today
        events.append(
            {
                "at": aware(decided_on, 0, 5),
                "actor_label": "",
                "action": AuditEvent.Action.CHANGE.value,
                "subject_type": CATEGORY_SUBJECT,
                "subject_id": str(young_person_id),
                "young_person_id": young_person_id,
                "detail": category_change_detail(
                    before=engine.Category.NONE.value, decision=decision, on=decided_on
                ),
            }
        )
    write_rows(CareEpisode, episodes, batch_size=batch_size)
    write_rows(HomePeriod, periods, batch_size=batch_size)
    write_rows(PreviousName, previous, batch_size=batch_size)
    write_rows(AuditEvent, events, batch_size=batch_size)
