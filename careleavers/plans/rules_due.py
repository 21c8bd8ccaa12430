"""When a needs assessment and a pathway plan review are due.

Pure: plain values in, a ``Due`` (or ``None``) out; no database, no Django. The rules, with the
words of the regulations, are in docs/law/pathway-plans-reviews-visits.md. Each result names its
rule in plain English, so a personal adviser can see why a date was set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from careleavers.casework.contact_standard import ACCOMMODATION_REVIEW_MONTHS
from careleavers.core.dates import add_months, birthday, format_date
from careleavers.people.category import Category

ASSESSMENT_MONTHS = 3
REVIEW_MONTHS = 6
# Care Leavers (England) Regs 2010 reg 7(3): while the council provides the accommodation, a
# review 28 days after it is first provided, then at intervals of not more than 3 months
# (ACCOMMODATION_REVIEW_MONTHS, shared with the visit before each of those reviews).
FIRST_ACCOMMODATION_REVIEW_DAYS = 28

CPPCR_42_1 = (
    "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 42(1)"
)
CARE_LEAVERS_5 = "Care Leavers (England) Regulations 2010, regulation 5"
CARE_LEAVERS_7 = "Care Leavers (England) Regulations 2010, regulation 7"


@dataclass(frozen=True)
class Due:
    """A date something is due by, and the rule that set it."""

    due: date
    rule: str

    def days_overdue(self, today: date) -> int:
        return max(0, (today - self.due).days)

    def is_overdue(self, today: date) -> bool:
        return today > self.due


def assessment_due(
    *,
    date_of_birth: date,
    category: str,
    category_since: date | None,
    has_pathway_plan: bool,
    education_return_informed_on: date | None = None,
) -> Due | None:
    """When the needs assessment is due, or None when the law sets no deadline for them now.

    ``category`` is a stored category value (people.category.Category); ``category_since`` the
    day it began (for an eligible child, the day they first became eligible, which a return to
    care does not move). ``education_return_informed_on`` is the day the council was told a
    former relevant young person is pursuing, or wants to pursue, education or training
    (s.23CA).
    """
    start = _assessment_clock(
        date_of_birth, category, category_since, has_pathway_plan, education_return_informed_on
    )
    if start is None:
        return None
    started_on, why = start
    return Due(add_months(started_on, ASSESSMENT_MONTHS), _ASSESSMENT_RULES[why](started_on))


def assessment_due_date(
    *,
    date_of_birth: date,
    category: str,
    category_since: date | None,
    has_pathway_plan: bool,
    education_return_informed_on: date | None = None,
) -> date | None:
    """`assessment_due`'s date alone, without writing out its rule: for finding the few
    overdue among thousands, whose rules are then written for the rows shown."""
    start = _assessment_clock(
        date_of_birth, category, category_since, has_pathway_plan, education_return_informed_on
    )
    return None if start is None else add_months(start[0], ASSESSMENT_MONTHS)


def _assessment_clock(
    date_of_birth: date,
    category: str,
    category_since: date | None,
    has_pathway_plan: bool,
    education_return_informed_on: date | None,
) -> tuple[date, str] | None:
    """The day the 3 months for the needs assessment start, and which rule starts them (a key
    of _ASSESSMENT_RULES); None when the law sets no deadline for them now."""
    sixteenth = birthday(date_of_birth, 16)
    if category == Category.ELIGIBLE.value:
        # CPPCR 2010 reg 42(1): within 3 months of the 16th birthday or of becoming eligible.
        start = max(sixteenth, category_since or sixteenth)
        return start, "sixteenth" if start == sixteenth else "eligible"
    if category == Category.RELEVANT.value and not has_pathway_plan:
        # Care Leavers Regs 2010 reg 5(1), 5(2)(a): within 3 months of becoming relevant, for a
        # relevant child who does not already have a pathway plan.
        return max(sixteenth, category_since or sixteenth), "relevant"
    if category == Category.FORMER_RELEVANT.value and education_return_informed_on is not None:
        # Care Leavers Regs 2010 reg 5(2)(b): within 3 months of being told a former relevant
        # young person is pursuing or wants to pursue education or training (s.23CA).
        return education_return_informed_on, "education"
    return None


# Each rule in plain words, from the day its 3 months start.
_ASSESSMENT_RULES = {
    "sixteenth": lambda start: (
        f"Within 3 months of their 16th birthday on {format_date(start)}; {CPPCR_42_1}."
    ),
    "eligible": lambda start: (
        f"Within 3 months of becoming an eligible child on {format_date(start)}; {CPPCR_42_1}."
    ),
    "relevant": lambda start: (
        f"Within 3 months of becoming a relevant child on {format_date(start)}, as they "
        f"have no pathway plan; {CARE_LEAVERS_5}(2)(a)."
    ),
    "education": lambda start: (
        "Within 3 months of hearing they want to return to education or training, on "
        f"{format_date(start)}; {CARE_LEAVERS_5}(2)(b)."
    ),
}


@dataclass(frozen=True)
class ReviewRules:
    """The council's local rules for reviews sooner than the statutory 6 months.

    The 6-month ceiling is law and not configurable: no annual interval is offered
    (docs/law/pathway-plans-reviews-visits.md). A review on any change of accommodation is
    local practice, so it can be turned off.
    """

    review_on_accommodation_change: bool = True
    days_after_request: int = 28
    days_after_accommodation_change: int = 28

    def __post_init__(self) -> None:
        for name in ("days_after_request", "days_after_accommodation_change"):
            if not 0 <= getattr(self, name) <= 183:
                raise ValueError(f"{name} must be between 0 and 183 days")


DEFAULT_REVIEW_RULES = ReviewRules()


def accommodation_review_due(
    *, council_accommodation_since: date | None, last_review_on: date | None
) -> Due | None:
    """The review Care Leavers (England) Regs 2010 reg 7(3) requires while the council provides
    a young person's accommodation (CA 1989 s.23B or s.24B), or None when it does not.

    ``council_accommodation_since`` is the day the council first provided the accommodation
    they live in now (moves between places the council provides do not restart it);
    ``last_review_on`` the latest review held.
    """
    if council_accommodation_since is None:
        return None
    since = council_accommodation_since
    if last_review_on is None or last_review_on < since:
        return Due(
            since + timedelta(days=FIRST_ACCOMMODATION_REVIEW_DAYS),
            "Within 28 days of the council first providing their accommodation on "
            f"{format_date(since)}; {CARE_LEAVERS_7}(3).",
        )
    return Due(
        add_months(last_review_on, ACCOMMODATION_REVIEW_MONTHS),
        f"At most 3 months after the last review on {format_date(last_review_on)}, while the "
        f"council provides their accommodation; {CARE_LEAVERS_7}(3).",
    )


def review_due(
    *,
    last_authorised_on: date | None,
    last_review_on: date | None,
    young_person_asked_on: Iterable[date] = (),
    worker_asked_on: Iterable[date] = (),
    accommodation_changed_on: Iterable[date] = (),
    rules: ReviewRules = DEFAULT_REVIEW_RULES,
    council_accommodation_since: date | None = None,
) -> Due | None:
    """When the pathway plan must next be reviewed, or None when no plan has been authorised.

    The ``*_on`` iterables are the days of requests and changes not yet met by a review.
    ``council_accommodation_since`` is the day the council first provided the accommodation the
    young person lives in now, if it does (the reg 7(3) reviews).
    """
    bases = [day for day in (last_authorised_on, last_review_on) if day is not None]
    if not bases:
        return None
    base = max(bases)
    what = (
        "the last review"
        if last_review_on is not None and base == last_review_on
        else "the plan was authorised"
    )
    # Care Leavers (England) Regs 2010 reg 7: reviewed at intervals of not more than 6 months.
    candidates = [
        Due(
            add_months(base, REVIEW_MONTHS),
            f"At most 6 months after {what} on {format_date(base)}; {CARE_LEAVERS_7}.",
        )
    ]
    # Care Leavers (England) Regs 2010 reg 7: a review when the young person asks for one, or
    # when the council or personal adviser thinks one necessary; how soon is a local rule.
    wait = timedelta(days=rules.days_after_request)
    for asked in sorted(set(young_person_asked_on)):
        candidates.append(
            Due(
                asked + wait,
                f"The young person asked for a review on {format_date(asked)}; it must take "
                f"place (council standard: within {rules.days_after_request} days); "
                f"{CARE_LEAVERS_7}.",
            )
        )
    for asked in sorted(set(worker_asked_on)):
        candidates.append(
            Due(
                asked + wait,
                f"A review was judged necessary on {format_date(asked)} (council standard: "
                f"within {rules.days_after_request} days); {CARE_LEAVERS_7}.",
            )
        )
    accommodation_review = accommodation_review_due(
        council_accommodation_since=council_accommodation_since, last_review_on=last_review_on
    )
    if accommodation_review is not None:
        candidates.append(accommodation_review)
    # Local rule, not law (docs/law/pathway-plans-reviews-visits.md): a change of accommodation
    # brings the review forward.
    if rules.review_on_accommodation_change:
        for moved in sorted(set(accommodation_changed_on)):
            candidates.append(
                Due(
                    moved + timedelta(days=rules.days_after_accommodation_change),
                    f"Their accommodation changed on {format_date(moved)} (council standard: "
                    f"review within {rules.days_after_accommodation_change} days of a move).",
                )
            )
    # The earliest wins; on a tie the statutory 6-month rule, listed first, is named.
    return min(candidates, key=lambda candidate: candidate.due)
