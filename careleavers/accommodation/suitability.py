"""Whether accommodation is suitable, and what a type of accommodation sets off.

Suitability follows the Care Leavers (England) Regulations 2010, regulation 9 and Schedule 2
(docs/law/accommodation-and-staying-put.md): matters about the
accommodation (facilities and services, state of repair, safety, location, support, tenancy
status, the financial commitment and its affordability), matters about the young person (their
views of it, their understanding of their rights and responsibilities), and, under reg 9(2), the
character and suitability of the landlord. The DfE never accepts S (no fixed abode) or X
(custody) as suitable (SSDA903 validator rule 133; docs/data/ssda903.md).

Pure: plain values in, plain values out; no database, no Django.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from careleavers.core.dates import birthday

SCHEDULE_2 = "Care Leavers (England) Regulations 2010, regulation 9 and Schedule 2"

# Answers to one Schedule 2 check.
MET = "met"
NOT_MET = "not_met"
NOT_APPLICABLE = "not_applicable"
ANSWERS = (MET, NOT_MET, NOT_APPLICABLE)


@dataclass(frozen=True)
class SuitabilityCheck:
    key: str
    question: str  # asked of the worker, answered yes or no
    short: str  # how a failure reads in the reason: "not safe"
    hint: str
    # Only a few matters can fail to apply: with family there is no landlord or tenancy.
    may_not_apply: bool = False


# Care Leavers (England) Regs 2010 Schedule 2 paragraphs 1 and 2, and reg 9(2), in that order.
CHECKS: tuple[SuitabilityCheck, ...] = (
    SuitabilityCheck(
        "facilities",
        "Does it have the facilities and services they need?",
        "lacks the facilities or services they need",
        "For example somewhere to cook, wash and do laundry, heating, and internet access.",
    ),
    SuitabilityCheck(
        "repair",
        "Is it in a good state of repair?",
        "is in poor repair",
        "Damp, mould, broken windows or doors, or repairs the landlord has not done.",
    ),
    SuitabilityCheck(
        "safety",
        "Is it safe?",
        "is not safe",
        "Gas and electrical safety, smoke alarms, secure doors and windows, and the people who "
        "live or visit there.",
    ),
    SuitabilityCheck(
        "location",
        "Is the location right for them?",
        "is in the wrong place for them",
        "Near the people who support them, their education or work, and away from places where "
        "they could be exploited or harmed.",
    ),
    SuitabilityCheck(
        "support",
        "Do they get the support they need to live there?",
        "does not give them the support they need",
        "From the provider, their personal adviser or other services.",
    ),
    SuitabilityCheck(
        "tenancy",
        "Is their tenancy or licence secure and right for them?",
        "has an insecure or unsuitable tenancy",
        "What kind of agreement they have, how much notice they could be given, and whether "
        "they have a copy.",
        may_not_apply=True,
    ),
    SuitabilityCheck(
        "affordability",
        "Can they afford it?",
        "is not affordable for them",
        "Rent, service charges and bills, against their income and benefits.",
    ),
    SuitabilityCheck(
        "views",
        "Does the young person say it is right for them?",
        "is not right for them in their own view",
        "Ask them, and write their views below in their own words.",
    ),
    SuitabilityCheck(
        "rights",
        "Do they understand their rights and responsibilities there?",
        "has rights and responsibilities they do not yet understand",
        "Paying rent, looking after the property, guests, and what to do if things go wrong.",
    ),
    SuitabilityCheck(
        "landlord",
        "Are you satisfied about the landlord's character and suitability?",
        "has a landlord you are not satisfied about",
        "Regulation 9(2). For example checks on the landlord, or what is known about them.",
        may_not_apply=True,
    ),
)
CHECK_KEYS: tuple[str, ...] = tuple(check.key for check in CHECKS)
CHECKS_BY_KEY: Mapping[str, SuitabilityCheck] = {check.key: check for check in CHECKS}

# SSDA903 validator rule 133 accepts only S2 and X2: these are never suitable.
ALWAYS_UNSUITABLE: Mapping[str, str] = {
    "S": "Having no fixed abode is never suitable accommodation.",
    "X": "Custody is never suitable accommodation.",
}
# Local practice (docs/law/accommodation-and-staying-put.md): bed and breakfast and emergency
# accommodation tell the manager at once; so does becoming homeless, which is never suitable.
ALERT_MANAGER_TYPES: frozenset[str] = frozenset({"W", "V", "S"})
# The managers' list: young people whose accommodation needs a manager's attention.
CONCERN_TYPES: frozenset[str] = frozenset({"W", "V", "S"})


@dataclass(frozen=True)
class SuitabilityDecision:
    suitable: bool
    reason: str
    failed: tuple[str, ...] = ()


class IncompleteAssessment(ValueError):
    """A check is unanswered, or answered "does not apply" where it always applies."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{key}: {text}" for key, text in self.problems.items()))


def always_unsuitable_reason(accom_type: str) -> str | None:
    """The reason a type of accommodation can never be suitable, or None."""
    # SSDA903 validator rule 133 (docs/data/ssda903.md): S1 and X1 do not exist.
    return ALWAYS_UNSUITABLE.get(accom_type)


def alerts_manager(accom_type: str) -> bool:
    """Whether moving into this type of accommodation tells the team manager at once."""
    # Local practice (docs/law/accommodation-and-staying-put.md): B&B and emergency accommodation
    # are escalated immediately.
    return accom_type in ALERT_MANAGER_TYPES


def decide_suitability(
    *, accom_type: str, answers: Mapping[str, str], notes: Mapping[str, str] | None = None
) -> SuitabilityDecision:
    """Judge accommodation suitable or unsuitable from the Schedule 2 checks, with the reason.

    ``answers`` maps every check key to MET, NOT_MET or NOT_APPLICABLE. Suitable needs every
    check met (or not applicable where a check may not apply). ``notes`` are the worker's words
    on each failed check and go into the reason.
    """
    notes = notes or {}
    problems = {}
    for check in CHECKS:
        answer = answers.get(check.key)
        if answer not in ANSWERS:
            problems[check.key] = "unanswered"
        elif answer == NOT_APPLICABLE and not check.may_not_apply:
            problems[check.key] = "always applies"
    if problems:
        raise IncompleteAssessment(problems)

    # Care Leavers (England) Regs 2010 Schedule 2; SSDA903 rule 133 for S and X.
    always = always_unsuitable_reason(accom_type)
    failed = tuple(key for key in CHECK_KEYS if answers[key] == NOT_MET)
    if always is None and not failed:
        return SuitabilityDecision(
            suitable=True, reason=f"Every matter in Schedule 2 is met ({SCHEDULE_2})."
        )
    parts = [always] if always else []
    if failed:
        described = []
        for key in failed:
            note = " ".join((notes.get(key) or "").split())
            short = CHECKS_BY_KEY[key].short
            described.append(f"{short} ({note})" if note else short)
        parts.append("It " + _join(described) + ".")
    return SuitabilityDecision(suitable=False, reason=" ".join(parts), failed=failed)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return "; ".join(items[:-1]) + "; and " + items[-1]


# Staying Put and Staying Close -------------------------------------------------------------------

# Children Act 1989 s.23CZA (Staying Put): with former foster carers until 21.
STAYING_PUT_UNTIL_AGE = 21
STAYING_PUT_FROM_AGE = 18
# Children Act 1989 s.23CZAA (Staying Close, CWSA 2026 s.7): former relevant children under 25.
STAYING_CLOSE_UNTIL_AGE = 25
STAYING_CLOSE_FROM_AGE = 18
# Accommodation type Z is not for 17-year-olds (SSDA903 validator rule 3001).
FORMER_FOSTER_CARERS = "Z"
FORMER_FOSTER_CARERS_FROM_AGE = 18


def staying_put_ends_by(date_of_birth: datetime.date) -> datetime.date:
    """The last day a Staying Put arrangement can run: the day before the 21st birthday."""
    # Children Act 1989 s.23CZA: support to stay with former foster carers until 21.
    return birthday(date_of_birth, STAYING_PUT_UNTIL_AGE) - datetime.timedelta(days=1)


def staying_close_ends_by(date_of_birth: datetime.date) -> datetime.date:
    """The last day Staying Close support can run: the day before the 25th birthday."""
    # Children Act 1989 s.23CZAA(1) (CWSA 2026 s.7): former relevant children under 25.
    return birthday(date_of_birth, STAYING_CLOSE_UNTIL_AGE) - datetime.timedelta(days=1)
