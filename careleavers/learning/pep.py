"""Personal Education Plans: who needs one, the termly due dates and the completion rate.

Pure functions over plain values (no database). The PEP is part of the care plan of a looked
after child (CPPCR 2010 Schedule 1 para 2, docs/law/pathway-plans-reviews-visits.md) and is
reviewed each school term; the service keeps PEPs for 16 and 17 year olds still in care and in
education.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from careleavers.core.dates import birthday

PEP_FROM_AGE = 16
PEP_UNTIL_AGE = 18  # care ends at 18, so the last PEP is the one before the 18th birthday
# A young person found to need a PEP late in a term gets at least this long to have one.
NEW_PEP_MINIMUM_DAYS = 28


class Term(Enum):
    AUTUMN = "autumn"
    SPRING = "spring"
    SUMMER = "summer"

    @property
    def label(self) -> str:
        return {"autumn": "Autumn", "spring": "Spring", "summer": "Summer"}[self.value]


TERM_CHOICES = [(term.value, term.label) for term in Term]


@dataclass(frozen=True)
class SchoolTerm:
    """A school term. `academic_year` is the year the school year starts (2025 for 2025/26).

    Terms follow the usual English school year, fixed here as September to December, January
    to March and April to July; August has no term. Councils whose term dates differ can move
    the due date with the policy's weeks into term.
    """

    academic_year: int
    term: Term
    starts: datetime.date
    ends: datetime.date

    @property
    def label(self) -> str:
        return f"{self.term.label} term {self.academic_year}/{(self.academic_year + 1) % 100:02d}"


def school_term(academic_year: int, term: Term) -> SchoolTerm:
    if term is Term.AUTUMN:
        return SchoolTerm(
            academic_year,
            term,
            datetime.date(academic_year, 9, 1),
            datetime.date(academic_year, 12, 31),
        )
    year = academic_year + 1
    if term is Term.SPRING:
        return SchoolTerm(
            academic_year, term, datetime.date(year, 1, 1), datetime.date(year, 3, 31)
        )
    return SchoolTerm(academic_year, term, datetime.date(year, 4, 1), datetime.date(year, 7, 31))


def term_on(day: datetime.date) -> SchoolTerm | None:
    """The term `day` falls in, or None in the August holiday."""
    if day.month >= 9:
        return school_term(day.year, Term.AUTUMN)
    if day.month <= 3:
        return school_term(day.year - 1, Term.SPRING)
    if day.month <= 7:
        return school_term(day.year - 1, Term.SUMMER)
    return None


def pep_due_on(
    term: SchoolTerm, *, weeks_into_term: int, found_on: datetime.date | None = None
) -> datetime.date:
    """When the term's PEP is due: `weeks_into_term` after the term starts.

    Someone found to need a PEP after that (they turned 16, came into care or started a course
    mid-term) gets NEW_PEP_MINIMUM_DAYS from that day, but never later than the end of the term.
    """
    due = term.starts + datetime.timedelta(weeks=weeks_into_term)
    if found_on is not None:
        due = max(due, found_on + datetime.timedelta(days=NEW_PEP_MINIMUM_DAYS))
    return min(due, term.ends)


def needs_pep(
    *,
    date_of_birth: datetime.date,
    on: datetime.date,
    in_care: bool,
    in_education_or_training: bool,
) -> bool:
    """Whether a young person needs a PEP on `on`: aged 16 or 17, looked after, and in
    education or training (CPPCR 2010 Sch 1 para 2; the letter's "16 to 18 year olds")."""
    return (
        in_care
        and in_education_or_training
        and birthday(date_of_birth, PEP_FROM_AGE) <= on < birthday(date_of_birth, PEP_UNTIL_AGE)
    )


@dataclass(frozen=True)
class MonthCompletion:
    """PEPs that fell due in one month, and how many were completed by their due date."""

    year: int
    month: int
    due: int
    on_time: int
    late: int
    outstanding: int

    @property
    def label(self) -> str:
        return datetime.date(self.year, self.month, 1).strftime("%B %Y")

    @property
    def short_label(self) -> str:
        return datetime.date(self.year, self.month, 1).strftime("%b %Y")

    @property
    def rate(self) -> float | None:
        """The percentage completed on time, or None when nothing fell due."""
        return round(100 * self.on_time / self.due, 1) if self.due else None


def months_back(today: datetime.date, count: int) -> list[tuple[int, int]]:
    """The `count` months ending with today's month, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def overall_completion(rows: Iterable[MonthCompletion]) -> MonthCompletion | None:
    """All the months together, labelled with the last month; None if there are none."""
    rows = list(rows)
    if not rows:
        return None
    last = rows[-1]
    return MonthCompletion(
        last.year,
        last.month,
        sum(row.due for row in rows),
        sum(row.on_time for row in rows),
        sum(row.late for row in rows),
        sum(row.outstanding for row in rows),
    )
