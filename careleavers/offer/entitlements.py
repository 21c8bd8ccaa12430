"""The local offer made personal: which items a young person is entitled to, has had and can
look forward to. Pure functions over plain values; the catalogue keeps each item's rule as data.

The six areas are those of the DfE local offer guidance (CSWA 2017 s.2;
docs/law/money-and-offer.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from careleavers.core.dates import age_on, birthday, format_date
from careleavers.core.dfe_codes import ACTIV_EET


class Area(Enum):
    # CSWA 2017 s.2(4): the areas a local offer must cover.
    HEALTH_AND_WELLBEING = "health_and_wellbeing"
    RELATIONSHIPS = "relationships"
    EDUCATION_AND_TRAINING = "education_and_training"
    EMPLOYMENT = "employment"
    ACCOMMODATION = "accommodation"
    PARTICIPATION = "participation"

    @property
    def label(self) -> str:
        return {
            "health_and_wellbeing": "Health and wellbeing",
            "relationships": "Relationships",
            "education_and_training": "Education and training",
            "employment": "Employment",
            "accommodation": "Accommodation",
            "participation": "Participation in society",
        }[self.value]


CARE_LEAVER_CATEGORIES = frozenset({"eligible", "relevant", "former_relevant", "qualifying"})
HIGHER_EDUCATION_ACTIVITIES = frozenset({"F1", "P1"})


@dataclass(frozen=True)
class EligibilityRule:
    """Who an offer item is for. Every condition left empty means "anyone"."""

    min_age: int | None = None  # from this birthday
    max_age: int | None = None  # until this birthday ("under 25" is max_age=25)
    categories: frozenset[str] = frozenset()  # empty means any care-leaver category
    activities: frozenset[str] = frozenset()  # DfE ACTIV codes
    accommodation_letters: frozenset[str] = frozenset()  # DfE ACCOM letters
    excluded_immigration_statuses: frozenset[str] = frozenset()
    requires_parent: bool = False
    requires_higher_education: bool = False
    requires_education_or_training: bool = False
    # For school, college or training only (the 16 to 19 bursary), not university.
    excludes_higher_education: bool = False
    requires_tenancy: bool = False

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> EligibilityRule:
        """Build a rule from the JSON kept on a catalogue item; unknown keys are refused."""
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"Unknown eligibility conditions: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in (
                "categories",
                "activities",
                "accommodation_letters",
                "excluded_immigration_statuses",
            ):
                values[key] = frozenset(value)
            else:
                values[key] = value
        return cls(**values)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in self.__dataclass_fields__:
            value = getattr(self, key)
            default = self.__dataclass_fields__[key].default
            if value == default:
                continue
            data[key] = sorted(value) if isinstance(value, frozenset) else value
        return data


@dataclass(frozen=True)
class PersonFacts:
    date_of_birth: datetime.date
    category: str  # people.category.Category value
    activity: str = ""  # current DfE ACTIV code, "" when not recorded
    accommodation_letter: str = ""  # current DfE ACCOM letter, "" when not recorded
    immigration_status: str = ""
    is_parent: bool = False
    has_tenancy: bool = False

    @property
    def in_higher_education(self) -> bool:
        return self.activity in HIGHER_EDUCATION_ACTIVITIES

    @property
    def in_education_or_training(self) -> bool:
        return self.activity in ACTIV_EET and not self.activity.endswith("5")


@dataclass(frozen=True)
class OfferItem:
    key: str
    title: str
    area: Area
    rule: EligibilityRule
    summary: str = ""


@dataclass(frozen=True)
class Check:
    eligible: bool
    unmet: tuple[str, ...] = ()


def check_eligibility(rule: EligibilityRule, facts: PersonFacts, on: datetime.date) -> Check:
    """Whether the rule admits this young person on this day, and in plain words why not."""
    unmet: list[str] = []
    age = age_on(facts.date_of_birth, on)
    if facts.category not in CARE_LEAVER_CATEGORIES:
        unmet.append("You need to be a care leaver")
    elif rule.categories and facts.category not in rule.categories:
        unmet.append("This is for care leavers in a different category from yours")
    if rule.min_age is not None and age < rule.min_age:
        unmet.append(f"You need to be {rule.min_age} or over")
    if rule.max_age is not None and age >= rule.max_age:
        unmet.append(f"This is for young people under {rule.max_age}")
    if rule.activities and facts.activity not in rule.activities:
        unmet.append("This depends on what you are doing (education, training or work)")
    if rule.accommodation_letters and facts.accommodation_letter not in rule.accommodation_letters:
        unmet.append("This depends on where you live")
    if facts.immigration_status and facts.immigration_status in rule.excluded_immigration_statuses:
        unmet.append("Your immigration status means this is not available; ask your adviser")
    if rule.requires_parent and not facts.is_parent:
        unmet.append("This is for young parents")
    if rule.requires_higher_education and not facts.in_higher_education:
        unmet.append("This is for students at university or in higher education")
    if rule.requires_education_or_training and not facts.in_education_or_training:
        unmet.append("This is for young people in education or training")
    if rule.excludes_higher_education and facts.in_higher_education:
        unmet.append("This is for school, college or training, not university")
    if rule.requires_tenancy and not facts.has_tenancy:
        unmet.append("This is for young people with their own tenancy")
    return Check(eligible=not unmet, unmet=tuple(unmet))


@dataclass(frozen=True)
class Opening:
    item: OfferItem
    trigger: str  # plain words: "On your 18th birthday (3 March 2027)"
    on: datetime.date | None = None


@dataclass(frozen=True)
class PersonalStatement:
    entitled_now: tuple[OfferItem, ...]
    had: tuple[OfferItem, ...]
    opens_next: tuple[Opening, ...]
    not_now: tuple[tuple[OfferItem, Check], ...] = field(default=())


def _category_at_age(category: str, age: int) -> str:
    # CA 1989 s.23C: an eligible or relevant child becomes former relevant at 18.
    if age >= 18 and category in ("eligible", "relevant"):
        return "former_relevant"
    return category


def category_on(category: str, age: int) -> str:
    """The category a stored category stands for at this age: the stored value is refreshed
    by a job, so on an 18th birthday it may still say relevant for a day."""
    return _category_at_age(category, age)


MILESTONE_BIRTHDAYS = {18: "18th", 21: "21st", 25: "25th"}

# (words for the young person, the facts after the change, the day it happens or None, the day
# to test eligibility on)
Scenario = tuple[str, PersonFacts, datetime.date | None, datetime.date]


def _what_if(facts: PersonFacts, on: datetime.date) -> list[Scenario]:
    """The changes ahead that can open up new entitlements, each as the facts after it."""
    scenarios: list[Scenario] = []
    age = age_on(facts.date_of_birth, on)
    for milestone, ordinal in MILESTONE_BIRTHDAYS.items():
        if age < milestone:
            day = birthday(facts.date_of_birth, milestone)
            later = replace(facts, category=_category_at_age(facts.category, milestone))
            scenarios.append((f"On your {ordinal} birthday ({format_date(day)})", later, day, day))
    # University and a first tenancy usually come at 18 or later, so a 16 or 17 year old is
    # told what those will open from their 18th birthday.
    adult_day = max(on, birthday(facts.date_of_birth, 18))
    adult = replace(
        facts, category=_category_at_age(facts.category, age_on(facts.date_of_birth, adult_day))
    )
    if not facts.in_higher_education:
        student = replace(adult, activity="F1")
        scenarios.append(("When you start university", student, None, adult_day))
    if not facts.has_tenancy:
        tenant = replace(adult, has_tenancy=True, accommodation_letter="U")
        scenarios.append(("When you get your own tenancy", tenant, None, adult_day))
    return scenarios


def personal_statement(
    *,
    items: Sequence[OfferItem],
    facts: PersonFacts,
    on: datetime.date,
    received_keys: Iterable[str] = (),
) -> PersonalStatement:
    """What this young person is entitled to now, has had, and what opens up next."""
    received = set(received_keys)
    now: list[OfferItem] = []
    not_now: list[tuple[OfferItem, Check]] = []
    for item in items:
        result = check_eligibility(item.rule, facts, on)
        if result.eligible:
            now.append(item)
        else:
            not_now.append((item, result))
    openings: list[Opening] = []
    opened: set[str] = set()
    for trigger, later_facts, day, check_day in _what_if(facts, on):
        for item, _ in not_now:
            if item.key in opened:
                continue
            if check_eligibility(item.rule, later_facts, check_day).eligible:
                openings.append(Opening(item=item, trigger=trigger, on=day))
                opened.add(item.key)
    return PersonalStatement(
        entitled_now=tuple(now),
        had=tuple(item for item in items if item.key in received),
        opens_next=tuple(openings),
        not_now=tuple(not_now),
    )
