"""The care-leaver category engine.

A young person's leaving care category (eligible, relevant, former relevant, qualifying) decides
what the council must do for them, so it is derived from the care history rather than typed in.
This module is pure: plain values in, a decision out, no database, no Django. The law it
follows, quoted from legislation.gov.uk, is in docs/law/care-leaver-categories.md; each rule
below names its section or regulation.

Dates follow the SSDA903 convention: an episode runs from ``start`` (DECOM) up to but not
including ``end`` (DEC, the day the episode ceased). So a young person is looked after on a day
``d`` when ``start <= d < end``; on ``end`` itself they have left care. Periods living at home and
other accommodation are read the same way.

How a category is found. ``_state`` says what the law makes someone on one day, from facts fixed
in advance. The category can only change on a day when a fact starts or stops (a birthday, the
start or end of care or of time at home, the day 13 weeks of care or 6 months at home is
reached), so ``since`` is found by looking back over those days for the start of the current
run, and ``next_category_change`` by looking forward over them.

Where the law is arguable (care that ended on the 16th birthday, a birthday on 29 February,
short breaks mixed with other care, a short break longer than regulation 48 allows), the engine
does not pretend to know: it names the question and both readings with what each would make the
young person, uses a stated reading until a worker decides, and uses the worker's decision once
it is recorded (``CategoryFacts.decisions``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import ClassVar

from dateutil.relativedelta import relativedelta

from careleavers.core.dates import birthday, format_date
from careleavers.core.dfe_codes import SHORT_BREAK_LEGAL_STATUSES

ONE_DAY = timedelta(days=1)
# An episode with no end date runs on; this stands for "not ended" inside the engine.
OPEN_END = date(9999, 1, 1)

# CPPCR 2010 reg 40(1): "the prescribed period is 13 weeks and the prescribed age is 14".
THIRTEEN_WEEKS_DAYS = 13 * 7
PRESCRIBED_AGE = 14

# Care Leavers (England) Regs 2010 reg 3(5): "a continuous period of six months or more" living
# with a parent. A month is a calendar month (Interpretation Act 1978 s.5 and Sch 1).
RETURN_HOME_MONTHS = 6

# CA 1989 s.24(2)(d): accommodated by a health body, an education authority or in a care home or
# hospital "for a consecutive period of at least three months".
HEALTH_OR_EDUCATION_MONTHS = 3

# CPPCR 2010 reg 48(2)(c): short breaks "do not exceed 75 days in total in any period of 12
# months"; and, in the text as made, "no single placement is intended to last for longer than
# 17 days" (the revised text also shows a version without that limit).
SHORT_BREAK_DAYS_IN_12_MONTHS = 75
SHORT_BREAK_STAY_DAYS = 17

# Birthdays on which a category can change by age alone (16: eligible or relevant or qualifying
# can begin; 18: former relevant; 21: qualifying ends unless in education; 25: everything ends).
CATEGORY_BIRTHDAYS = (16, 18, 21, 25)

# SSDA903 placement types: P1 is "placed with own parent(s) or other person(s) with parental
# responsibility"; U1 to U6 are foster placements; T0 to T4 are temporary moves.
PLACED_WITH_PARENTS = "P1"
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})

# The former relevant routes of CA 1989 s.23C(1).
ROUTE_RELEVANT = "s.23C(1)(a)"
ROUTE_LOOKED_AFTER_AT_18 = "s.23C(1)(b)"


class _Labelled(Enum):
    """An enum whose members have words for people to read, kept in ``_LABELS``."""

    @property
    def label(self) -> str:
        return _LABELS[self]


class Category(_Labelled):
    """A leaving care category; the value is what gets stored, ``label`` what people read."""

    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"
    NONE = "none"


class AccommodatedKind(_Labelled):
    """CA 1989 s.24(2)(b) to (e): being "accommodated or fostered" other than by the council."""

    VOLUNTARY_ORGANISATION = "voluntary_organisation"
    PRIVATE_CHILDRENS_HOME = "private_childrens_home"
    HEALTH_OR_EDUCATION = "health_or_education"
    PRIVATELY_FOSTERED = "privately_fostered"


_LABELS: dict[_Labelled, str] = {
    Category.ELIGIBLE: "Eligible",
    Category.RELEVANT: "Relevant",
    Category.FORMER_RELEVANT: "Former relevant",
    Category.QUALIFYING: "Qualifying",
    Category.NONE: "Not a care leaver",
    AccommodatedKind.VOLUNTARY_ORGANISATION: "Accommodated by or for a voluntary organisation",
    AccommodatedKind.PRIVATE_CHILDRENS_HOME: "Accommodated in a private children's home",
    AccommodatedKind.HEALTH_OR_EDUCATION: (
        "Accommodated for 3 months or more by a health body or an education authority, or in "
        "a care home or hospital"
    ),
    AccommodatedKind.PRIVATELY_FOSTERED: "Privately fostered",
}


@dataclass(frozen=True)
class CareEpisode:
    """A period of being looked after; ``end`` is the day it ceased (``None`` while it runs)."""

    start: date
    end: date | None
    legal_status: str
    placement_type: str = ""

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("a care episode cannot end before it starts")
        # Codes come from forms and 903 files in mixed case and with stray spaces.
        object.__setattr__(self, "legal_status", self.legal_status.strip().upper())
        object.__setattr__(self, "placement_type", self.placement_type.strip().upper())

    @property
    def is_short_break(self) -> bool:
        """Whether the legal status records an agreed series of short breaks (V3 or V4)."""
        return self.legal_status in SHORT_BREAK_LEGAL_STATUSES

    @property
    def is_placed_with_parents(self) -> bool:
        return self.placement_type == PLACED_WITH_PARENTS


class _Period:
    """A time with a ``start`` and an ``end`` (``None`` while it goes on), which cannot end
    before it starts; ``what`` names it in the error."""

    what: ClassVar[str]
    start: date
    end: date | None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"{self.what} cannot end before it starts")


@dataclass(frozen=True)
class HomePeriod(_Period):
    """Living with a parent, or someone with parental responsibility, in or after care."""

    what: ClassVar[str] = "a period living at home"
    start: date
    end: date | None


@dataclass(frozen=True)
class AccommodatedPeriod(_Period):
    """A time accommodated or fostered other than by the council (CA 1989 s.24(2)(b)-(e))."""

    what: ClassVar[str] = "a period of accommodation"
    kind: AccommodatedKind
    start: date
    end: date | None


@dataclass(frozen=True)
class CategoryFacts:
    """Everything the category depends on.

    ``decisions`` maps a question's key (``Question.key``) to the reading a worker chose.
    ``detained_or_admitted_on`` is the day they were detained or went into hospital, for
    someone who was detained or in hospital on their 16th birthday.
    """

    date_of_birth: date
    episodes: tuple[CareEpisode, ...]
    home_periods: tuple[HomePeriod, ...] = ()
    detained_or_in_hospital_on_16th_birthday: bool = False
    subject_to_care_order_on_16th_birthday: bool = False
    special_guardianship_after_care: bool = False
    in_education_or_training: bool = False
    detained_or_admitted_on: date | None = None
    accommodated_periods: tuple[AccommodatedPeriod, ...] = ()
    decisions: Mapping[str, str] | tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Callers often hold lists and dicts; tuples keep the facts hashable and immutable.
        object.__setattr__(self, "episodes", tuple(self.episodes))
        object.__setattr__(self, "home_periods", tuple(self.home_periods))
        object.__setattr__(self, "accommodated_periods", tuple(self.accommodated_periods))
        decisions = self.decisions
        pairs = decisions.items() if isinstance(decisions, Mapping) else decisions
        object.__setattr__(self, "decisions", tuple(sorted(pairs)))

    @property
    def decided(self) -> dict[str, str]:
        return dict(self.decisions)  # always pairs after __post_init__


@dataclass(frozen=True)
class Reading:
    """One reading of an arguable rule, and what it would make the young person today."""

    key: str
    words: str
    outcome: str = ""


@dataclass(frozen=True)
class Question:
    """A point of law the records cannot settle, with both readings in plain words.

    ``decided`` is the reading a worker chose (None until then); ``used`` is the reading the
    category was worked out with: the worker's, or ``provisional`` until they decide.
    """

    key: str
    text: str
    readings: tuple[Reading, ...]
    provisional: str
    decided: str | None = None

    @property
    def used(self) -> str:
        return self.decided or self.provisional

    @property
    def is_open(self) -> bool:
        return self.decided is None

    def reading(self, key: str) -> Reading:
        for reading in self.readings:
            if reading.key == key:
                return reading
        raise KeyError(key)

    @property
    def summary(self) -> str:
        """The question and both readings in one paragraph, for the work tray and the record."""
        parts = [self.text]
        for reading in self.readings:
            parts.append(f"If {_lower_first(reading.words)}: {reading.outcome}.")
        if self.is_open:
            parts.append(
                "Until a worker decides, the category follows this reading: "
                f"{_lower_first(self.reading(self.provisional).words)}."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class CategoryDecision:
    """The derived category, the day it began and why, in words a young person can read."""

    category: Category
    since: date | None
    reason: str
    needs_worker_decision: bool = False
    worker_decision_reason: str = ""
    questions: tuple[Question, ...] = ()
    first_eligible_on: date | None = None
    former_relevant_route: str = ""


@dataclass(frozen=True)
class StayingPutCheck:
    """Whether CA 1989 s.23CZA(2) allows a Staying Put arrangement, and why not if not."""

    allowed: bool
    reason: str


def months_completed_on(start: date, months: int) -> date:
    """The first day on which a period that began on ``start`` has lasted ``months`` months.

    Calendar months (Interpretation Act 1978 Sch 1), by the corresponding date rule: a period of
    months beginning with a day ends on the day before the day with the same number ``months``
    later, or, when that month has no such day, on its last day. Six months from 1 July are
    complete on 1 January; six months from 31 August 2025 end on 28 February 2026 (there is no
    31 February), so are complete on 1 March 2026.
    """
    same_day = start + relativedelta(months=months)
    if same_day.day != start.day:  # no such day in that month: the period ran to its end
        return same_day + ONE_DAY
    return same_day


def return_home_completed_on(start: date) -> date:
    """The day a continuous period living at home that began on ``start`` reaches six months.

    Care Leavers (England) Regs 2010 reg 3(5). The SSDA903 RHOM code uses the same six months.
    """
    return months_completed_on(start, RETURN_HOME_MONTHS)


# Questions the law leaves open ----------------------------------------------------------------

LEAP_DAY = "leap_day_birthday"
CARE_ENDED_ON_16TH = "care_ended_on_16th_birthday"
SHORT_BREAKS_WITH_CARE = "short_breaks_with_other_care"
LONG_SHORT_BREAK = "short_break_stay_"  # followed by the stay's start date, 2024-03-01

# The reading used until a worker decides. For the birthday it is the usual reading; for the
# others it is the reading that keeps support in place while the question is open.
_PROVISIONAL = {
    LEAP_DAY: "1_march",
    CARE_ENDED_ON_16TH: "after_16",
    SHORT_BREAKS_WITH_CARE: "care",
    LONG_SHORT_BREAK: "care",
}


@dataclass(frozen=True)
class _QuestionSpec:
    key: str
    text: str
    readings: tuple[tuple[str, str], ...]

    @property
    def provisional(self) -> str:
        prefix = LONG_SHORT_BREAK if self.key.startswith(LONG_SHORT_BREAK) else self.key
        return _PROVISIONAL[prefix]


def question_keys_known(key: str) -> bool:
    """Whether ``key`` is the kind of question this engine asks (for checking a form)."""
    return key in (LEAP_DAY, CARE_ENDED_ON_16TH, SHORT_BREAKS_WITH_CARE) or (
        key.startswith(LONG_SHORT_BREAK) and _iso_date(key[len(LONG_SHORT_BREAK) :]) is not None
    )


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _question_specs(facts: CategoryFacts) -> list[_QuestionSpec]:
    """The arguable questions these facts raise, whether or not they change the answer."""
    dob = facts.date_of_birth
    specs: list[_QuestionSpec] = []
    if (dob.month, dob.day) == (2, 29):
        specs.append(
            _QuestionSpec(
                LEAP_DAY,
                "They were born on 29 February. The law does not say on which day someone "
                "born on 29 February reaches an age in a year that has no 29 February.",
                (
                    ("1_march", "They reach each age on 1 March in those years"),
                    ("28_february", "They reach each age on 28 February in those years"),
                ),
            )
        )
    b16 = birthday(dob, 16)
    b16_alternative = birthday(dob, 16, leap_day_on_28_february=True)
    if any(
        episode.end in (b16, b16_alternative) and not episode.is_short_break
        for episode in facts.episodes
    ):
        specs.append(
            _QuestionSpec(
                CARE_ENDED_ON_16TH,
                "Their care ended on their 16th birthday. To be an eligible child their care "
                "must have ended after they reached 16, and the law does not settle whether "
                "care that ended on the birthday itself did.",
                (
                    (
                        "after_16",
                        "They reached 16 at the start of their birthday, so their care ended "
                        "after they were 16",
                    ),
                    (
                        "before_16",
                        "No day of their care fell after they were 16, so their care did not "
                        "end after they reached 16",
                    ),
                ),
            )
        )
    for episode in _stays_longer_than_short_breaks(facts.episodes):
        assert episode.end is not None
        days = (episode.end - episode.start).days
        specs.append(
            _QuestionSpec(
                f"{LONG_SHORT_BREAK}{episode.start.isoformat()}",
                f"A short break from {format_date(episode.start)} to "
                f"{format_date(episode.end)} lasted {days} days. A short break under "
                f"regulation 48 is one planned to last no more than {SHORT_BREAK_STAY_DAYS} "
                "days, so a worker needs to decide how this one was planned.",
                (
                    (
                        "short_break",
                        f"It was planned to last {SHORT_BREAK_STAY_DAYS} days or less, so it "
                        "was a short break and does not count as care",
                    ),
                    (
                        "care",
                        f"It was planned to last longer than {SHORT_BREAK_STAY_DAYS} days, so it "
                        "was not a short break and counts as care",
                    ),
                ),
            )
        )
    b14, b18 = birthday(dob, PRESCRIBED_AGE), birthday(dob, 18)
    in_window = [e for e in facts.episodes if _overlaps(e.start, e.end, b14, b18)]
    if any(e.is_short_break for e in in_window) and any(not e.is_short_break for e in in_window):
        specs.append(
            _QuestionSpec(
                SHORT_BREAKS_WITH_CARE,
                "They have had short breaks (legal status V3 or V4) and other care since their "
                "14th birthday. Short breaks under regulation 48 do not make a child eligible, "
                "and only a worker can say whether these were such short breaks: with the same "
                "carer or in the same place each time, going home after each stay.",
                (
                    (
                        "short_breaks",
                        "They were short breaks under regulation 48, so they do not count as care",
                    ),
                    (
                        "care",
                        "They were not short breaks under regulation 48, so they count as care",
                    ),
                ),
            )
        )
    return specs


def _stays_longer_than_short_breaks(episodes: Iterable[CareEpisode]) -> list[CareEpisode]:
    # CPPCR 2010 reg 48(2)(c)(i) as made: "no single placement is intended to last for longer
    # than 17 days". V4 dates are those of the agreement, not of each stay, so only V3 counts.
    return [
        e
        for e in episodes
        if e.legal_status == "V3"
        and e.end is not None
        and (e.end - e.start).days > SHORT_BREAK_STAY_DAYS
    ]


# The engine ----------------------------------------------------------------------------------

_Spans = list[tuple[date, date]]  # half-open [start, end), merged and sorted


@dataclass
class _State:
    category: Category
    reason: str
    route: str = ""


@dataclass
class _Context:
    """The facts read one way: the readings chosen, birthdays placed, care classified."""

    facts: CategoryFacts
    readings: dict[str, str]
    b14: date
    b16: date
    b18: date
    b21: date
    b25: date
    care: _Spans  # looked after (not as reg 48 short breaks), from the 14th birthday
    breaks: _Spans  # reg 48 short breaks from the 14th birthday
    at_home: _Spans  # living with a parent, in or after care
    _memo: dict[date, _State] = field(default_factory=dict)

    @property
    def care_ends_on_16th_counts(self) -> bool:
        return self.readings.get(CARE_ENDED_ON_16TH) == "after_16"

    def state(self, day: date) -> _State:
        found = self._memo.get(day)
        if found is None:
            found = self._memo[day] = _state(self, day)
        return found


def _context(facts: CategoryFacts, readings: Mapping[str, str], on: date) -> _Context:
    dob = facts.date_of_birth
    on_28th = readings.get(LEAP_DAY) == "28_february"
    b14, b16, b18, b21, b25 = (
        birthday(dob, age, leap_day_on_28_february=on_28th)
        for age in (PRESCRIBED_AGE, 16, 18, 21, 25)
    )
    care_episodes, break_episodes = _classify(facts.episodes, readings, on)
    care_spans = _merge((e.start, e.end or OPEN_END) for e in care_episodes)
    at_home = _merge(
        [(p.start, p.end or OPEN_END) for p in facts.home_periods]
        + [(e.start, e.end or OPEN_END) for e in care_episodes if e.is_placed_with_parents]
    )
    return _Context(
        facts=facts,
        readings=dict(readings),
        b14=b14,
        b16=b16,
        b18=b18,
        b21=b21,
        b25=b25,
        care=_clip(care_spans, b14, OPEN_END),
        breaks=_clip(_merge((e.start, e.end or OPEN_END) for e in break_episodes), b14, OPEN_END),
        at_home=at_home,
    )


def _classify(
    episodes: tuple[CareEpisode, ...], readings: Mapping[str, str], on: date
) -> tuple[list[CareEpisode], list[CareEpisode]]:
    """Split episodes into care and regulation 48 short breaks (CPPCR 2010 reg 40(2), 48)."""
    over_limit = _short_breaks_over_75_days(episodes, on)
    care: list[CareEpisode] = []
    breaks: list[CareEpisode] = []
    for episode in episodes:
        if not episode.is_short_break:
            care.append(episode)
        elif episode in over_limit:
            # Reg 48(2)(c): short breaks "do not exceed 75 days in total in any period of 12
            # months". Beyond that the stays are not reg 48 short breaks: they are care.
            care.append(episode)
        elif (
            readings.get(f"{LONG_SHORT_BREAK}{episode.start.isoformat()}") == "care"
            and (episode in _stays_longer_than_short_breaks([episode]))
            or readings.get(SHORT_BREAKS_WITH_CARE) == "care"
        ):
            care.append(episode)
        else:
            breaks.append(episode)
    return care, breaks


def _short_breaks_over_75_days(episodes: Iterable[CareEpisode], on: date) -> set[CareEpisode]:
    """V3 stays in any 12 months holding more than 75 days of short breaks in all."""
    stays = sorted(
        (e for e in episodes if e.legal_status == "V3"), key=lambda e: (e.start, e.end or on)
    )
    spans = [(e.start, e.end or on + ONE_DAY) for e in stays]
    over: set[CareEpisode] = set()
    # A 12-month window holding the most days can always start on the first day of a stay.
    for window_start, _ in spans:
        window_end = window_start + relativedelta(months=12)
        inside = [
            (episode, min(end, window_end) - max(start, window_start))
            for episode, (start, end) in zip(stays, spans, strict=True)
            if start < window_end and end > window_start
        ]
        if sum(length.days for _, length in inside) > SHORT_BREAK_DAYS_IN_12_MONTHS:
            over.update(episode for episode, _ in inside)
    return over


def _state(ctx: _Context, day: date) -> _State:
    """The category on ``day`` (without ``since``, which the caller finds)."""
    if day < ctx.b16:
        return _State(Category.NONE, "Under 16.")
    if day >= ctx.b25:
        return _State(Category.NONE, "Aged 25 or over.")
    if day < ctx.b18:
        return _child_state(ctx, day)
    return _adult_state(ctx, day)


def _child_state(ctx: _Context, day: date) -> _State:
    if _covers(ctx.care, day):
        # CA 1989 Sch 2 para 19B(2), CPPCR 2010 reg 40(1): eligible = aged 16 or 17, looked
        # after, and looked after for 13 weeks which began after the 14th birthday (care begun
        # earlier counts from the 14th birthday) and ended after they reached 16.
        counted = _days(ctx.care, until=day)
        if counted >= THIRTEEN_WEEKS_DAYS:
            return _State(
                Category.ELIGIBLE,
                "Looked after for 13 weeks or more since their 14th birthday, including time "
                "after their 16th birthday, and still looked after.",
            )
        becomes = day + timedelta(days=THIRTEEN_WEEKS_DAYS - counted)
        reason = "Looked after, but for less than 13 weeks since their 14th birthday."
        if becomes < ctx.b18:
            reason += (
                f" They will become an eligible child on {format_date(becomes)} if they are "
                "still looked after then."
            )
        return _State(Category.NONE, reason)

    route = _relevant_route(ctx, day)
    if route is not None:
        started, reason = route
        home = _home_reason(ctx, day, started, adult=False)
        if home is not None:
            return _qualifying_or_none(ctx, day, reason=home)
        broke_down = _last_breakdown(ctx, started, day)
        if broke_down is not None:
            reason = (
                "Lived with a parent for 6 months or more, but that ended on "
                f"{format_date(broke_down)}, so they are a relevant child again."
            )
        return _State(Category.RELEVANT, reason)
    return _qualifying_or_none(ctx, day)


def _relevant_route(ctx: _Context, day: date) -> tuple[date, str] | None:
    """When and why a young person not looked after on ``day`` became a relevant child."""
    # CA 1989 s.23A(2): relevant = not looked after, aged 16 or 17, and "before last ceasing to
    # be looked after, an eligible child".
    ended = [end for _, end in ctx.care if end <= day]
    if ended:
        left = ended[-1]
        last_day = left - ONE_DAY
        after_16 = last_day >= ctx.b16 or (left == ctx.b16 and ctx.care_ends_on_16th_counts)
        if after_16 and _days(ctx.care, until=last_day) >= THIRTEEN_WEEKS_DAYS:
            if left == ctx.b16:
                why = (
                    f"Left care on their 16th birthday, {format_date(left)}, after being looked "
                    "after for 13 weeks or more since their 14th birthday; their care is taken "
                    "to have ended after they reached 16."
                )
            else:
                why = (
                    f"Left care on {format_date(left)}, after being looked after for 13 weeks "
                    "or more since their 14th birthday, including time after their 16th "
                    "birthday."
                )
            return left, why
    # Care Leavers (England) Regs 2010 reg 3(2): aged 16 or 17, not subject to a care order,
    # and "on attaining the age of 16 ... detained, or in hospital", having been looked after
    # for 13 weeks since the 14th birthday immediately before being detained or admitted: the
    # care must have ended on the day they were detained or admitted.
    facts = ctx.facts
    admitted = facts.detained_or_admitted_on
    if (
        facts.detained_or_in_hospital_on_16th_birthday
        and not facts.subject_to_care_order_on_16th_birthday
        and admitted is not None
        and admitted <= ctx.b16
        and any(end == admitted for _, end in ctx.care)
        and _days(ctx.care, until=admitted - ONE_DAY) >= THIRTEEN_WEEKS_DAYS
    ):
        return (
            ctx.b16,
            "Was in custody or in hospital on their 16th birthday, was not subject to a care "
            "order, and had been looked after for 13 weeks or more since their 14th birthday "
            f"until they were detained or admitted on {format_date(admitted)}.",
        )
    return None


def _excluded_by_home(ctx: _Context, day: date) -> bool:
    """Living at home on ``day`` after six months or more there without a break (reg 3(5))."""
    for start, end in ctx.at_home:
        if start <= day < end and return_home_completed_on(start) <= day:
            return True
    return False


def _home_reason(ctx: _Context, day: date, started: date, *, adult: bool) -> str | None:
    # Care Leavers (England) Regs 2010 reg 3(5): a child who has lived with a parent "for a
    # continuous period of six months or more (whether that period commenced before or after
    # they ceased to be looked after)" is not a relevant child; reg 3(6): if that breaks down
    # and they stop living there, they are a relevant child again.
    if not _excluded_by_home(ctx, day):
        return None
    span_start = next(start for start, end in ctx.at_home if start <= day < end)
    if return_home_completed_on(span_start) <= started and span_start <= started:
        return (
            "Had already lived with a parent, or someone with parental responsibility, for 6 "
            "months or more without a break when their care ended, so did not become a "
            "relevant child. If that breaks down they become one."
        )
    if adult:
        return (
            "Has lived with a parent, or someone with parental responsibility, for 6 months or "
            "more without a break, so is not former relevant while they live there. If that "
            "breaks down they are former relevant again."
        )
    return (
        "Has lived with a parent, or someone with parental responsibility, for 6 months or "
        "more without a break, so is not a relevant child while they live there. If that "
        "breaks down they are a relevant child again."
    )


def _last_breakdown(ctx: _Context, after: date, day: date) -> date | None:
    """The latest end, between ``after`` and ``day``, of six months or more living at home."""
    ends = [
        end
        for start, end in ctx.at_home
        if after < end <= day and return_home_completed_on(start) <= end
    ]
    return max(ends) if ends else None


def _adult_state(ctx: _Context, day: date) -> _State:
    eve = ctx.b18 - ONE_DAY
    # CA 1989 s.23C(1)(b): "being looked after by them when he attained the age of eighteen,
    # and immediately before ceasing to be looked after was an eligible child". A return home
    # afterwards does not end this.
    if _covers(ctx.care, eve) and ctx.state(eve).category is Category.ELIGIBLE:
        return _State(
            Category.FORMER_RELEVANT,
            "Was looked after, as an eligible child, when they turned 18. They can have a "
            "personal adviser until their 25th birthday.",
            ROUTE_LOOKED_AFTER_AT_18,
        )
    # CA 1989 s.23C(1)(a): "a person who has been a relevant child ... (and would be one if he
    # were under eighteen)". So it holds only while reg 3(5) would not stop them being a
    # relevant child, and comes back when a return home breaks down (reg 3(6)).
    route = None if _covers(ctx.care, eve) else _relevant_route(ctx, eve)
    if route is not None:
        started = route[0]
        has_been = not _excluded_by_home(ctx, started) or any(
            started < end < ctx.b18 and not _excluded_by_home(ctx, end) for _, end in ctx.at_home
        )
        home = _home_reason(ctx, day, started, adult=has_been)
        if has_been and home is None:
            broke_down = _last_breakdown(ctx, eve, day)
            reason = (
                "Was a relevant child before their 18th birthday and would still be one if they "
                "were under 18. They can have a personal adviser until their 25th birthday."
            )
            if broke_down is not None:
                reason = (
                    "Lived with a parent for 6 months or more after turning 18, but that ended "
                    f"on {format_date(broke_down)}, so they are former relevant again. They can "
                    "have a personal adviser until their 25th birthday."
                )
            return _State(Category.FORMER_RELEVANT, reason, ROUTE_RELEVANT)
        if home is not None:
            return _qualifying_or_none(ctx, day, reason=home)
    return _qualifying_or_none(ctx, day)


def _qualifying_or_none(ctx: _Context, day: date, *, reason: str | None = None) -> _State:
    facts = ctx.facts
    child_until = min(day + ONE_DAY, ctx.b18)
    # CA 1989 s.24(1B), (2)(a): "at any time after reaching the age of sixteen but while still a
    # child was, but is no longer, looked after". Care that ended on the 16th birthday counts
    # only on the reading that it ended after they reached 16.
    # Nobody is looked after as a child from 18, so care is cut off at the 18th birthday.
    after_16 = [
        (start, end)
        for start, end in _clip(ctx.care, ctx.b14, ctx.b18)
        if end <= day and (end > ctx.b16 or (end == ctx.b16 and ctx.care_ends_on_16th_counts))
    ]
    routes: list[str] = []
    if after_16:
        routes.append(
            "Looked after at some time since their 16th birthday, but not for long enough to be "
            "an eligible or relevant child (13 weeks or more since their 14th birthday)."
        )
    # CA 1989 s.24(1A): a special guardianship order made after being looked after.
    if facts.special_guardianship_after_care:
        routes.append(
            "Has a special guardianship order that was made after they were looked after."
        )
    # CA 1989 s.24(2)(b)-(e): accommodated or fostered other than by the council, after 16 and
    # before 18, and no longer; (d) only after three consecutive months.
    for period in facts.accommodated_periods:
        end = period.end or OPEN_END
        if not (end <= day and period.start < ctx.b18 and end > ctx.b16):
            continue
        if period.kind is AccommodatedKind.HEALTH_OR_EDUCATION and end < months_completed_on(
            period.start, HEALTH_OR_EDUCATION_MONTHS
        ):
            continue
        routes.append(
            f"{period.kind.label} at some time since their 16th birthday, and no longer."
        )
    if routes:
        # CA 1989 s.24(1A)(a), (1B)(a), s.24B: qualifying help runs to 21, or 25 in education.
        limit = ctx.b25 if facts.in_education_or_training else ctx.b21
        if day < limit:
            return _State(Category.QUALIFYING, reason or routes[0])
        return _State(
            Category.NONE,
            "Aged 21 or over and not in education or training. Qualifying care leavers can get "
            "help until they are 21, or 25 while in education or training.",
        )

    care = _clip(ctx.care, ctx.b14, child_until)
    breaks = _clip(ctx.breaks, ctx.b14, child_until)
    # CPPCR 2010 reg 40(2): a child to whom reg 48 (short breaks) applies is not eligible.
    if not care and breaks:
        return _State(
            Category.NONE,
            "Only looked after through an agreed series of short breaks since their 14th "
            "birthday. Short breaks do not make someone an eligible child.",
        )
    if not care:
        return _State(Category.NONE, "Not looked after at any time since their 14th birthday.")
    if _days(care) >= THIRTEEN_WEEKS_DAYS:
        return _State(
            Category.NONE,
            "Looked after for 13 weeks or more since their 14th birthday, but not at any time "
            "after their 16th birthday.",
        )
    return _State(
        Category.NONE,
        "Never looked after for 13 weeks or more since their 14th birthday, and not looked "
        "after at any time after their 16th birthday.",
    )


# Finding since, and the next change ------------------------------------------------------------


def _change_days(ctx: _Context) -> list[date]:
    """Every day on which the category can change: it is constant between these days."""
    days = {ctx.b14, ctx.b16, ctx.b18, ctx.b21, ctx.b25}
    for spans in (ctx.care, ctx.breaks, ctx.at_home):
        for start, end in spans:
            days.update((start, end))
    for start, _ in ctx.at_home:
        days.add(return_home_completed_on(start))
    reached = _day_reaching(_clip(ctx.care, ctx.b14, OPEN_END), THIRTEEN_WEEKS_DAYS)
    if reached is not None:
        days.add(reached)
    for period in ctx.facts.accommodated_periods:
        days.update((period.start, period.end or OPEN_END))
    if ctx.facts.detained_or_admitted_on is not None:
        days.add(ctx.facts.detained_or_admitted_on)
    return sorted(day for day in days if day < OPEN_END)


def _since(ctx: _Context, on: date, change_days: list[date]) -> date | None:
    """The first day of the run of days up to ``on`` with today's category."""
    category = ctx.state(on).category
    if category is Category.NONE:
        return None
    earlier = [day for day in change_days if day <= on]
    since = earlier[-1] if earlier else on
    if category is Category.ELIGIBLE:
        # CPPCR 2010 reg 42(1): the assessment is due 3 months after the child "becomes an
        # eligible child": an eligible child who leaves care and comes back keeps the day they
        # first became eligible.
        return _first_eligible(ctx, on, change_days) or since
    for day in reversed(earlier[:-1]):
        if ctx.state(day).category is not category:
            break
        since = day
    return since


def _first_eligible(ctx: _Context, on: date, change_days: list[date]) -> date | None:
    for day in change_days:
        if day > on:
            break
        if ctx.state(day).category is Category.ELIGIBLE:
            return day
    return None


def _decide(facts: CategoryFacts, on: date, readings: Mapping[str, str]) -> CategoryDecision:
    ctx = _context(facts, readings, on)
    state = ctx.state(on)
    days = _change_days(ctx)
    return CategoryDecision(
        category=state.category,
        since=_since(ctx, on, days),
        reason=state.reason,
        first_eligible_on=_first_eligible(ctx, on, days),
        former_relevant_route=state.route,
    )


_WHO = {
    Category.ELIGIBLE: "an eligible child",
    Category.RELEVANT: "a relevant child",
    Category.FORMER_RELEVANT: "a former relevant young person",
    Category.QUALIFYING: "a qualifying care leaver",
}


def _outcome(decision: CategoryDecision) -> str:
    if decision.category is Category.NONE or decision.since is None:
        return "they would not be a care leaver"
    return f"they would be {_WHO[decision.category]} from {format_date(decision.since)}"


def _readings_for(
    facts: CategoryFacts, on: date
) -> tuple[dict[str, str], list[tuple[_QuestionSpec, str | None]]]:
    decided = facts.decided
    specs = _question_specs(facts)
    readings: dict[str, str] = {}
    resolved: list[tuple[_QuestionSpec, str | None]] = []
    for spec in specs:
        allowed = {key for key, _ in spec.readings}
        chosen = decided.get(spec.key)
        if chosen not in allowed:
            chosen = None
        readings[spec.key] = chosen or spec.provisional
        resolved.append((spec, chosen))
    return readings, resolved


def derive_category(facts: CategoryFacts, on: date) -> CategoryDecision:
    """Derive the leaving care category on the day ``on`` from the facts known then."""
    readings, resolved = _readings_for(facts, on)
    decision = _decide(facts, on, readings)

    questions: list[Question] = []
    for spec, chosen in resolved:
        outcomes = {}
        for key, _ in spec.readings:
            alternative = _decide(facts, on, {**readings, spec.key: key})
            outcomes[key] = alternative
        distinct = {(d.category, d.since) for d in outcomes.values()}
        if len(distinct) == 1:
            continue  # the answer is the same whichever way it is read: nothing to ask
        questions.append(
            Question(
                key=spec.key,
                text=spec.text,
                readings=tuple(
                    Reading(key, words, _outcome(outcomes[key])) for key, words in spec.readings
                ),
                provisional=spec.provisional,
                decided=chosen,
            )
        )

    missing = []
    if facts.detained_or_in_hospital_on_16th_birthday and facts.detained_or_admitted_on is None:
        missing.append(
            "Record the day they were detained or went into hospital: whether they are a "
            "relevant child under regulation 3(2) depends on whether they were looked after "
            "immediately before it."
        )
    open_questions = [question for question in questions if question.is_open]
    needs = bool(open_questions or missing)
    return CategoryDecision(
        category=decision.category,
        since=decision.since,
        reason=decision.reason,
        needs_worker_decision=needs,
        worker_decision_reason=" ".join(
            [question.summary for question in open_questions] + missing
        ),
        questions=tuple(questions),
        first_eligible_on=decision.first_eligible_on,
        former_relevant_route=decision.former_relevant_route,
    )


def next_category_change(facts: CategoryFacts, on: date) -> date | None:
    """The next day after ``on`` on which the category may change without new facts.

    That is the next 16th, 18th, 21st or 25th birthday, or sooner: the day a looked-after 16 or
    17 year old reaches 13 weeks of care, the day 6 months living at home is completed, and any
    other day on which a recorded fact changes the answer. ``None`` once they are 25.
    """
    readings, _ = _readings_for(facts, on)
    ctx = _context(facts, readings, on)
    today = ctx.state(on)
    candidates = [day for day in (ctx.b16, ctx.b18, ctx.b21, ctx.b25) if day > on]
    for day in _change_days(ctx):
        if day > on and (ctx.state(day).category, ctx.state(day).reason) != (
            today.category,
            today.reason,
        ):
            candidates.append(day)
            break
    if any(e.legal_status == "V3" and e.end is None for e in facts.episodes):
        # A short break still running may pass the limits of reg 48 tomorrow.
        candidates.append(on + ONE_DAY)
    return min(candidates) if candidates else None


# Staying Put --------------------------------------------------------------------------------


def staying_put_check(facts: CategoryFacts, on: date) -> StayingPutCheck:
    """Whether a Staying Put arrangement meets CA 1989 s.23CZA(2).

    A "staying put arrangement" is one under which "a person who is a former relevant child by
    virtue of section 23C(1)(b)" and "a person ... who was the former relevant child's local
    authority foster parent immediately before the former relevant child ceased to be looked
    after" continue to live together. The records can show the first condition and whether the
    last placement was with local authority foster carers; that the carers named are those same
    carers is for the worker to confirm.
    """
    readings, _ = _readings_for(facts, on)
    ctx = _context(facts, readings, on)
    eve = ctx.b18 - ONE_DAY
    if not _covers(ctx.care, eve):
        return StayingPutCheck(
            False,
            "Staying Put is for young people who were looked after when they turned 18. Their "
            "care history shows they were not looked after on the day before their 18th "
            "birthday.",
        )
    if ctx.state(eve).category is not Category.ELIGIBLE:
        return StayingPutCheck(
            False,
            "Staying Put is for young people who were eligible children when their care ended: "
            "looked after for 13 weeks or more since their 14th birthday. Their care history "
            "does not show that.",
        )
    span_end = next(end for start, end in ctx.care if start <= eve < end)
    last = _last_placement(facts.episodes, span_end)
    if last is None or not last.placement_type:
        return StayingPutCheck(
            False,
            "Record the placement type of their last care episode: Staying Put is for young "
            "people whose last placement was with local authority foster carers.",
        )
    if last.placement_type not in FOSTER_PLACEMENTS:
        return StayingPutCheck(
            False,
            "Staying Put is for young people who were living with local authority foster "
            "carers when their care ended. Their last placement, from "
            f"{format_date(last.start)}, was not a foster placement ({last.placement_type}).",
        )
    return StayingPutCheck(True, "")


def _last_placement(episodes: Iterable[CareEpisode], span_end: date) -> CareEpisode | None:
    """The last placement before care ended, skipping temporary moves (T0 to T4)."""
    before = sorted(
        (e for e in episodes if not e.is_short_break and e.start < span_end),
        key=lambda e: e.start,
    )
    lasting = [e for e in before if e.placement_type not in TEMPORARY_PLACEMENTS] or before
    return lasting[-1] if lasting else None


# Span arithmetic -----------------------------------------------------------------------------


def _merge(spans: Iterable[tuple[date, date]]) -> _Spans:
    merged: _Spans = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        # Touching spans merge: in 903 data a change of placement ends one episode and starts
        # the next on the same day, which is one unbroken period of care.
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _clip(spans: _Spans, lower: date, upper: date) -> _Spans:
    clipped = [(max(start, lower), min(end, upper)) for start, end in spans]
    return [(start, end) for start, end in clipped if start < end]


def _overlaps(start: date, end: date | None, lower: date, upper: date) -> bool:
    return start < upper and (end is None or end > lower)


def _covers(spans: _Spans, day: date) -> bool:
    return any(start <= day < end for start, end in spans)


def _days(spans: _Spans, *, until: date | None = None) -> int:
    """Days in ``spans``, counting only days up to and including ``until``."""
    total = 0
    for start, end in spans:
        stop = end if until is None else min(end, until + ONE_DAY)
        if stop > start:
            total += (stop - start).days
    return total


def _day_reaching(spans: _Spans, count: int) -> date | None:
    """The day on which the running total of days reaches ``count``."""
    remaining = count
    for start, end in spans:
        length = (end - start).days
        if length >= remaining:
            return start + timedelta(days=remaining - 1)
        remaining -= length
    return None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


__all__ = [
    "CATEGORY_BIRTHDAYS",
    "FOSTER_PLACEMENTS",
    "PRESCRIBED_AGE",
    "RETURN_HOME_MONTHS",
    "SHORT_BREAK_DAYS_IN_12_MONTHS",
    "SHORT_BREAK_STAY_DAYS",
    "THIRTEEN_WEEKS_DAYS",
    "AccommodatedKind",
    "AccommodatedPeriod",
    "CareEpisode",
    "Category",
    "CategoryDecision",
    "CategoryFacts",
    "HomePeriod",
    "Question",
    "Reading",
    "StayingPutCheck",
    "birthday",
    "derive_category",
    "format_date",
    "months_completed_on",
    "next_category_change",
    "question_keys_known",
    "return_home_completed_on",
    "staying_put_check",
]
