"""The care-leaver category engine.

A young person's leaving care category (eligible, relevant, former relevant, qualifying) decides
what the council must do for them, so it is derived from the care episode history rather than
typed in. This module is pure: plain values in, a decision out, no database, no Django. The rules
and their sources are in /work/shared/reference/statutory-rules-and-peers.md section 1.1.

Dates follow the SSDA903 convention: an episode runs from ``start`` (DECOM) up to but not
including ``end`` (DEC, the day the episode ceased). So a young person is looked after on a day
``d`` when ``start <= d < end``; on ``end`` itself they have left care.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from careleavers.core.dfe_codes import SHORT_BREAK_LEGAL_STATUSES

ONE_DAY = timedelta(days=1)

# CPPCR 2010 reg 40(1): "the prescribed period is 13 weeks and the prescribed age is 14".
THIRTEEN_WEEKS_DAYS = 13 * 7
PRESCRIBED_AGE = 14

# Care Leavers (England) Regs 2010 reg 3(5)-(6) [exact wording unverified]: a continuous period
# of 6 months or more living with a parent. Six months is taken as 183 days so that the test
# never depends on month lengths.
RETURN_HOME_CONTINUOUS_DAYS = 183

# Birthdays on which a category can change by age alone (16: eligible or relevant or qualifying
# can begin; 18: former relevant; 21: qualifying ends unless in education; 25: everything ends).
CATEGORY_BIRTHDAYS = (16, 18, 21, 25)


class Category(Enum):
    """A leaving care category; the value is what gets stored, ``label`` what people read."""

    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"
    NONE = "none"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Category.ELIGIBLE: "Eligible",
    Category.RELEVANT: "Relevant",
    Category.FORMER_RELEVANT: "Former relevant",
    Category.QUALIFYING: "Qualifying",
    Category.NONE: "Not a care leaver",
}


@dataclass(frozen=True)
class CareEpisode:
    """A period of being looked after; ``end`` is the day it ceased (``None`` while it runs)."""

    start: date
    end: date | None
    legal_status: str

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("a care episode cannot end before it starts")
        # Codes come from forms and 903 files in mixed case and with stray spaces.
        object.__setattr__(self, "legal_status", self.legal_status.strip().upper())

    @property
    def is_short_break(self) -> bool:
        """Whether the legal status records an agreed series of short breaks (V3 or V4)."""
        return self.legal_status in SHORT_BREAK_LEGAL_STATUSES


@dataclass(frozen=True)
class HomePeriod:
    """Living with a parent, or someone with parental responsibility, after leaving care."""

    start: date
    end: date | None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("a period living at home cannot end before it starts")


@dataclass(frozen=True)
class CategoryFacts:
    """Everything the category depends on."""

    date_of_birth: date
    episodes: tuple[CareEpisode, ...]
    home_periods: tuple[HomePeriod, ...] = ()
    detained_or_in_hospital_on_16th_birthday: bool = False
    subject_to_care_order_on_16th_birthday: bool = False
    special_guardianship_after_care: bool = False
    in_education_or_training: bool = False

    def __post_init__(self) -> None:
        # Callers often hold lists; tuples keep the facts hashable and immutable.
        object.__setattr__(self, "episodes", tuple(self.episodes))
        object.__setattr__(self, "home_periods", tuple(self.home_periods))


@dataclass(frozen=True)
class CategoryDecision:
    """The derived category, the day it began and why, in words a young person can read."""

    category: Category
    since: date | None
    reason: str
    needs_worker_decision: bool = False
    worker_decision_reason: str = ""


@dataclass(frozen=True)
class _Birthdays:
    b14: date
    b16: date
    b18: date
    b21: date
    b25: date

    @classmethod
    def of(cls, date_of_birth: date) -> _Birthdays:
        ages = (PRESCRIBED_AGE, 16, 18, 21, 25)
        return cls(*(birthday(date_of_birth, age) for age in ages))


# Half-open [start, end) spans of days, merged and sorted.
_Spans = list[tuple[date, date]]


def birthday(date_of_birth: date, age: int) -> date:
    """The day a person reaches ``age``.

    Someone born on 29 February is treated as reaching their birthday on 1 March in a common
    year, the usual reading in England. The DfE 903 validator (pandas DateOffset) uses
    28 February instead, so a return can differ by one day for these young people [verify].
    """
    try:
        return date_of_birth.replace(year=date_of_birth.year + age)
    except ValueError:
        return date(date_of_birth.year + age, 3, 1)


def format_date(day: date) -> str:
    """GOV.UK style date: 3 March 2025."""
    return f"{day.day} {day:%B %Y}"


def derive_category(facts: CategoryFacts, on: date) -> CategoryDecision:
    """Derive the leaving care category on the day ``on`` from the facts known then."""
    ages = _Birthdays.of(facts.date_of_birth)
    if on < ages.b16:
        return CategoryDecision(Category.NONE, None, "Under 16.")
    if on >= ages.b25:
        return CategoryDecision(Category.NONE, None, "Aged 25 or over.")

    decision = _decide(facts, on, ages, breaks_count_as_care=False)

    upper = min(on + ONE_DAY, ages.b18)
    ordinary = _spans(facts.episodes, ages.b14, upper, short_breaks=False)
    breaks = _spans(facts.episodes, ages.b14, upper, short_breaks=True)
    if not (ordinary and breaks):
        return decision

    # CPPCR 2010 reg 40(2), reg 48: whether a short break is a reg 48 short break (the same carer,
    # at most 75 days in 12 months, perhaps 17 days each) needs a worker's judgement, so a history
    # that mixes short breaks with other care goes to a worker with both answers.
    alternative = _decide(facts, on, ages, breaks_count_as_care=True)
    if alternative.category is decision.category:
        consequence = "Counting the short breaks as care would not change the category."
    else:
        consequence = (
            "If the short breaks counted as care, the category would be "
            f"{alternative.category.label.lower()}."
        )
    return CategoryDecision(
        category=decision.category,
        since=decision.since,
        reason=decision.reason,
        needs_worker_decision=True,
        worker_decision_reason=(
            "Has had short breaks (legal status V3 or V4) as well as other care since their "
            "14th birthday. The category is worked out from the other care only. A worker needs "
            "to decide whether the short breaks were short breaks under regulation 48 and record "
            f"that decision. {consequence}"
        ),
    )


def next_category_change(facts: CategoryFacts, on: date) -> date | None:
    """The next day after ``on`` on which the category may change without new facts.

    That is the next 16th, 18th, 21st or 25th birthday, or sooner: the day a looked-after
    16 or 17 year old reaches 13 weeks of care, or the day a relevant young person completes
    6 months living at home. ``None`` once they are 25.
    """
    ages = _Birthdays.of(facts.date_of_birth)
    candidates = [
        birthday(facts.date_of_birth, age)
        for age in CATEGORY_BIRTHDAYS
        if birthday(facts.date_of_birth, age) > on
    ]
    if ages.b16 <= on < ages.b18:
        ordinary = _spans(facts.episodes, ages.b14, on + ONE_DAY, short_breaks=False)
        if _looked_after_on(ordinary, on) and _day_reaching(ordinary, THIRTEEN_WEEKS_DAYS) is None:
            candidates.append(on + timedelta(days=THIRTEEN_WEEKS_DAYS - _days(ordinary)))
        route = _relevant_route(facts, ordinary, ages)
        if route is not None and not _looked_after_on(ordinary, on):
            for period in facts.home_periods:
                if period.end is None or period.end > on:
                    start = max(period.start, route[0])
                    candidates.append(start + timedelta(days=RETURN_HOME_CONTINUOUS_DAYS))
    later = [day for day in candidates if day > on]
    return min(later) if later else None


def _decide(
    facts: CategoryFacts, day: date, ages: _Birthdays, *, breaks_count_as_care: bool
) -> CategoryDecision:
    """The category on ``day``, for a day between the 16th and the 25th birthdays."""
    if day >= ages.b18:
        return _decide_adult(facts, day, ages, breaks_count_as_care=breaks_count_as_care)

    # Only time on or after the 14th birthday counts, so earlier care is cut away first: an
    # episode begun before 14 counts from the 14th birthday (CA 1989 Sch 2 para 19B(2)(b)).
    ordinary = _spans(
        facts.episodes,
        ages.b14,
        day + ONE_DAY,
        short_breaks=None if breaks_count_as_care else False,
    )
    breaks = (
        []
        if breaks_count_as_care
        else _spans(facts.episodes, ages.b14, day + ONE_DAY, short_breaks=True)
    )

    if _looked_after_on(ordinary, day):
        return _looked_after_decision(ordinary, day, ages)

    route = _relevant_route(facts, ordinary, ages)
    if route is not None:
        return _relevant_decision(facts, day, route)
    return _qualifying_or_none(facts, day, ages, ordinary, breaks, prior=None)


def _looked_after_decision(ordinary: _Spans, day: date, ages: _Birthdays) -> CategoryDecision:
    # CA 1989 Sch 2 para 19B(2), CPPCR 2010 reg 40: eligible = aged 16 or 17, looked after, and
    # looked after for 13 weeks since the 14th birthday, some of it after reaching 16.
    reached = _day_reaching(ordinary, THIRTEEN_WEEKS_DAYS)
    if reached is not None:
        # Eligibility began when the age, the 13 weeks and this spell of care all held at once.
        since = max(ages.b16, reached, ordinary[-1][0])
        return CategoryDecision(
            Category.ELIGIBLE,
            since,
            "Looked after for 13 weeks or more since their 14th birthday, including time after "
            "their 16th birthday, and still looked after.",
        )
    becomes = day + timedelta(days=THIRTEEN_WEEKS_DAYS - _days(ordinary))
    reason = "Looked after, but for less than 13 weeks since their 14th birthday."
    if becomes < ages.b18:
        reason += (
            f" They will become an eligible child on {format_date(becomes)} if they are still "
            "looked after then."
        )
    return CategoryDecision(Category.NONE, None, reason)


def _relevant_route(
    facts: CategoryFacts, ordinary: _Spans, ages: _Birthdays
) -> tuple[date, str] | None:
    """When and why a young person not looked after now became a relevant child, if they did."""
    # CA 1989 s.23A(2): relevant = not looked after, aged 16 or 17, and an eligible child
    # immediately before last ceasing to be looked after.
    if ordinary:
        left_care = ordinary[-1][1]
        last_day = left_care - ONE_DAY
        if last_day >= ages.b16 and _days(ordinary, until=last_day) >= THIRTEEN_WEEKS_DAYS:
            return (
                left_care,
                (
                    f"Left care on {format_date(left_care)}, after being looked after for 13 "
                    "weeks or more since their 14th birthday, including time after their 16th "
                    "birthday."
                ),
            )
    # Care Leavers (England) Regs 2010 reg 3(2): not subject to a care order, detained or in
    # hospital on the 16th birthday, and looked after for 13 weeks after 14 before that (the
    # tail of reg 3(2)(c) and the reg 3(4) definitions are unverified).
    if (
        facts.detained_or_in_hospital_on_16th_birthday
        and not facts.subject_to_care_order_on_16th_birthday
        and _days(ordinary, until=ages.b16 - ONE_DAY) >= THIRTEEN_WEEKS_DAYS
    ):
        return (
            ages.b16,
            (
                "Was in custody or in hospital on their 16th birthday, was not subject to a "
                "care order, and had been looked after for 13 weeks or more between their 14th "
                "and 16th birthdays."
            ),
        )
    return None


def _relevant_decision(
    facts: CategoryFacts, day: date, route: tuple[date, str]
) -> CategoryDecision:
    relevant_since, reason = route
    # Care Leavers (England) Regs 2010 reg 3(5)-(6) [verify exact wording]: living continuously
    # with a parent or person with parental responsibility for 6 months or more means not a
    # relevant child while that lasts; if it breaks down they are a relevant child again.
    broke_down: list[date] = []
    for period in facts.home_periods:
        # Only time at home after becoming a relevant child counts towards the 6 months.
        start = max(period.start, relevant_since)
        if start > day or (period.end is not None and period.end <= start):
            continue
        completed = start + timedelta(days=RETURN_HOME_CONTINUOUS_DAYS)
        if period.end is None or period.end > day:
            if day >= completed:
                return CategoryDecision(
                    Category.QUALIFYING,
                    completed,
                    "Has lived with a parent, or someone with parental responsibility, for 6 "
                    "months or more since leaving care, so is no longer a relevant child.",
                )
        elif period.end >= completed:
            broke_down.append(period.end)
    if broke_down:
        ended = max(broke_down)
        return CategoryDecision(
            Category.RELEVANT,
            ended,
            "Lived with a parent for 6 months or more after leaving care, but that ended on "
            f"{format_date(ended)}, so they are a relevant child again.",
        )
    return CategoryDecision(Category.RELEVANT, relevant_since, reason)


def _decide_adult(
    facts: CategoryFacts, day: date, ages: _Birthdays, *, breaks_count_as_care: bool
) -> CategoryDecision:
    # CA 1989 s.23C(1): former relevant = aged 18 or over and an eligible or relevant child
    # before turning 18; s.23CZB (CSWA 2017 s.3): a personal adviser on request until 25.
    prior = _decide(facts, ages.b18 - ONE_DAY, ages, breaks_count_as_care=breaks_count_as_care)
    if prior.category in (Category.ELIGIBLE, Category.RELEVANT):
        return CategoryDecision(
            Category.FORMER_RELEVANT,
            ages.b18,
            "Was an eligible or relevant child on the day before their 18th birthday. They can "
            "have a personal adviser until their 25th birthday.",
        )
    # Nobody is looked after as a child from 18, so care is cut off at the 18th birthday.
    ordinary = _spans(
        facts.episodes, ages.b14, ages.b18, short_breaks=None if breaks_count_as_care else False
    )
    breaks = (
        []
        if breaks_count_as_care
        else _spans(facts.episodes, ages.b14, ages.b18, short_breaks=True)
    )
    return _qualifying_or_none(facts, day, ages, ordinary, breaks, prior=prior)


def _qualifying_or_none(
    facts: CategoryFacts,
    day: date,
    ages: _Birthdays,
    ordinary: _Spans,
    breaks: _Spans,
    *,
    prior: CategoryDecision | None,
) -> CategoryDecision:
    route: tuple[date | None, str] | None = None
    # CA 1989 s.24(1A)(b), (2): qualifying = aged 16 to 21, looked after at some time after
    # reaching 16 but no longer, and not otherwise a care leaver (also a relevant child who went
    # home for 6 months, reg 3 of the Care Leavers (England) Regs 2010).
    if prior is not None and prior.category is Category.QUALIFYING:
        route = (prior.since, prior.reason)
    elif ordinary and ordinary[-1][1] > ages.b16:
        route = (
            ordinary[-1][1],
            (
                "Looked after at some time since their 16th birthday, but not for long enough "
                "to be an eligible or relevant child (13 weeks or more since their 14th "
                "birthday)."
            ),
        )
    # CA 1989 s.24(1A)(a): a special guardianship order made after being looked after.
    elif facts.special_guardianship_after_care:
        route = (
            max(ages.b16, ordinary[-1][1]) if ordinary else ages.b16,
            "Has a special guardianship order that was made after they were looked after.",
        )

    if route is not None:
        # CA 1989 s.24(2), s.24B: qualifying help runs to 21, or 25 in education or training.
        limit = ages.b25 if facts.in_education_or_training else ages.b21
        if day < limit:
            return CategoryDecision(Category.QUALIFYING, route[0], route[1])
        return CategoryDecision(
            Category.NONE,
            None,
            "Aged 21 or over and not in education or training. Qualifying care leavers can get "
            "help until they are 21, or 25 while in education or training.",
        )

    # CPPCR 2010 reg 40(2): a child looked after only under reg 48 short breaks is not eligible.
    if not ordinary and breaks:
        return CategoryDecision(
            Category.NONE,
            None,
            "Only looked after through an agreed series of short breaks since their 14th "
            "birthday. Short breaks do not make someone an eligible child.",
        )
    if not ordinary:
        return CategoryDecision(
            Category.NONE, None, "Not looked after at any time since their 14th birthday."
        )
    if _days(ordinary) >= THIRTEEN_WEEKS_DAYS:
        return CategoryDecision(
            Category.NONE,
            None,
            "Looked after for 13 weeks or more since their 14th birthday, but not at any time "
            "after their 16th birthday.",
        )
    return CategoryDecision(
        Category.NONE,
        None,
        "Never looked after for 13 weeks or more since their 14th birthday, and not looked "
        "after at any time after their 16th birthday.",
    )


def _spans(
    episodes: Iterable[CareEpisode], lower: date, upper: date, *, short_breaks: bool | None
) -> _Spans:
    """Merged days of care within [lower, upper); ``short_breaks=None`` takes every episode."""
    clipped: _Spans = []
    for episode in episodes:
        if short_breaks is not None and episode.is_short_break is not short_breaks:
            continue
        start = max(episode.start, lower)
        end = upper if episode.end is None else min(episode.end, upper)
        if start < end:
            clipped.append((start, end))
    clipped.sort()
    merged: _Spans = []
    for start, end in clipped:
        # Touching spans merge: in 903 data a change of placement ends one episode and starts
        # the next on the same day, which is one unbroken period of care.
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _looked_after_on(spans: _Spans, day: date) -> bool:
    return any(start <= day < end for start, end in spans)


def _days(spans: _Spans, *, until: date | None = None) -> int:
    """Days of care in ``spans``, counting only days up to and including ``until``."""
    total = 0
    for start, end in spans:
        stop = end if until is None else min(end, until + ONE_DAY)
        if stop > start:
            total += (stop - start).days
    return total


def _day_reaching(spans: _Spans, count: int) -> date | None:
    """The day on which the running total of days of care reaches ``count``."""
    remaining = count
    for start, end in spans:
        length = (end - start).days
        if length >= remaining:
            return start + timedelta(days=remaining - 1)
        remaining -= length
    return None


__all__ = [
    "CATEGORY_BIRTHDAYS",
    "PRESCRIBED_AGE",
    "RETURN_HOME_CONTINUOUS_DAYS",
    "THIRTEEN_WEEKS_DAYS",
    "CareEpisode",
    "Category",
    "CategoryDecision",
    "CategoryFacts",
    "HomePeriod",
    "birthday",
    "derive_category",
    "format_date",
    "next_category_change",
]
