"""When the next visit to a young person is due.

Two layers decide it. The statutory floor comes from the Care Leavers (England) Regulations 2010
reg 8(2), quoted in docs/law/pathway-plans-reviews-visits.md. On top sits the council's own
contact standard, which is configurable. Whichever constraint falls first
wins, and the result names it in plain English so a personal adviser knows why a visit is due.

Pure: plain values in, a ``ContactDue`` out; no database, no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from careleavers.core.dates import add_months, birthday, format_date

REG_8 = "Care Leavers (England) Regulations 2010, regulation 8(2)"
# Care Leavers (England) Regs 2010 reg 7(3): reviews at most every 3 months while the council
# provides the accommodation.
ACCOMMODATION_REVIEW_MONTHS = 3


@dataclass(frozen=True)
class ContactStandard:
    """The council's local contact standard, in weeks between visits."""

    weeks_to_21: int = 8
    weeks_21_to_25: int = 8
    # Applies from 21 only when the young person has chosen less frequent contact.
    reduced_from_21_weeks: int = 12

    def __post_init__(self) -> None:
        for name in ("weeks_to_21", "weeks_21_to_25", "reduced_from_21_weeks"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1 week")


DEFAULT_CONTACT_STANDARD = ContactStandard()


@dataclass(frozen=True)
class ContactDue:
    """The date the next visit is due and the rule that set it."""

    due: date
    rule: str
    overdue: bool
    days_overdue: int


def next_contact_due(
    *,
    date_of_birth: date,
    on: date,
    last_visit: date | None,
    council_accommodation_starts: Iterable[date] = (),
    next_review_due: date | None = None,
    standard: ContactStandard = DEFAULT_CONTACT_STANDARD,
    chose_less_contact: bool = False,
    in_council_accommodation: bool = True,
    next_accommodation_review_due: date | None = None,
    council_accommodation_since: date | None = None,
    last_review_on: date | None = None,
) -> ContactDue:
    """Work out when the next visit is due, as at ``on``.

    ``last_visit`` is the latest contact in which the young person was seen.
    ``council_accommodation_starts`` are the days council-provided accommodation (CA 1989 s.23B
    or s.24B) began. ``in_council_accommodation`` says whether the young person lives in such
    accommodation now; the two-monthly statutory visit applies only then. It defaults to
    ``True`` so that, unless a caller knows otherwise, the stricter statutory floor applies.
    ``next_accommodation_review_due`` is the next pathway plan review under reg 7(3) (held
    while the council provides the accommodation): the only review reg 8(2)(b) puts a visit
    before. ``council_accommodation_since`` (the day the council first provided the
    accommodation they live in now) and ``last_review_on`` (the latest review held) say which
    visits count as "before" it. ``next_review_due`` (any review) is accepted so that the
    providers' inputs can be passed straight through; no visit depends on it.
    """
    del next_review_due
    # Constraints in priority order; on a tie the earlier entry (the statutory one) is named.
    constraints: list[tuple[date, str]] = []

    if last_visit is None:
        constraints.append((on, "No visit has been recorded yet, so a visit is due now."))

    # Care Leavers (England) Regs 2010 reg 8(2)(a): visit within 7 days of council-provided
    # accommodation first being provided, unless a visit has happened since it started.
    for start in sorted(set(council_accommodation_starts)):
        if last_visit is None or last_visit < start:
            constraints.append(
                (
                    start + timedelta(days=7),
                    (
                        "Visit within 7 days of moving into accommodation the council provides "
                        f"(moved in on {format_date(start)}); {REG_8}(a)."
                    ),
                )
            )

    # Care Leavers (England) Regs 2010 reg 8(2)(b): "subsequently, before the pathway plan is
    # reviewed under regulation 7(3)", that is before each review held while the council
    # provides the accommodation, and no other review. A visit counts if it was made after the
    # accommodation began and after the last review (without those dates, within the 3 months
    # before the review, the longest gap reg 7(3) allows).
    if in_council_accommodation and next_accommodation_review_due is not None:
        since_last = [
            day for day in (council_accommodation_since, last_review_on) if day is not None
        ]
        after = (
            max(since_last)
            if since_last
            else add_months(next_accommodation_review_due, -ACCOMMODATION_REVIEW_MONTHS)
        )
        if last_visit is None or last_visit < after:
            constraints.append(
                (
                    next_accommodation_review_due - timedelta(days=1),
                    (
                        "Visit before the pathway plan review due on "
                        f"{format_date(next_accommodation_review_due)}, held while the council "
                        f"provides their accommodation; {REG_8}(b)."
                    ),
                )
            )

    if last_visit is not None:
        # Care Leavers (England) Regs 2010 reg 8(2)(c): then at intervals of not more than two
        # months, while the council provides the accommodation.
        if in_council_accommodation:
            constraints.append(
                (
                    add_months(last_visit, 2),
                    (
                        "Visit at least every 2 months while living in accommodation the council "
                        f"provides (last visit {format_date(last_visit)}); {REG_8}(c)."
                    ),
                )
            )
        constraints.append(
            _local_standard(date_of_birth, last_visit, standard, chose_less_contact)
        )

    due, rule = min(constraints, key=lambda constraint: constraint[0])
    days_overdue = max(0, (on - due).days)
    return ContactDue(due=due, rule=rule, overdue=days_overdue > 0, days_overdue=days_overdue)


def _local_standard(
    date_of_birth: date, last_visit: date, standard: ContactStandard, chose_less_contact: bool
) -> tuple[date, str]:
    # Local practice, not law (docs/law/pathway-plans-reviews-visits.md): visits every 8 weeks
    # to 21, and from 21 to 25 less often if the young person asked for that.
    twenty_first = birthday(date_of_birth, 21)
    due = last_visit + timedelta(weeks=standard.weeks_to_21)
    last = f"last visit {format_date(last_visit)}"
    if due < twenty_first:
        return (
            due,
            (
                f"Council standard: a visit at least every {standard.weeks_to_21} weeks until "
                f"their 21st birthday ({last})."
            ),
        )
    # The band in force on the day the visit falls due decides the interval.
    if chose_less_contact:
        weeks = standard.reduced_from_21_weeks
        return (
            last_visit + timedelta(weeks=weeks),
            (
                f"Council standard: a visit at least every {weeks} weeks from their 21st "
                f"birthday, as they chose less frequent contact ({last})."
            ),
        )
    weeks = standard.weeks_21_to_25
    return (
        last_visit + timedelta(weeks=weeks),
        (
            f"Council standard: a visit at least every {weeks} weeks from their 21st birthday "
            f"({last})."
        ),
    )
