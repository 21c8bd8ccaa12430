"""Staff in date and overdue with the mandatory courses, counted by the database.

`selectors.course_status` says when a course is due for one person; here the database applies
the same rule to every member of staff (the tests hold the two together), because working it
out in Python for each course and each of thousands of staff took a third of a second. The page
then reads only the 50 of those overdue that it shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from django.db.models import Count, F, Max, Min, Q, QuerySet

from careleavers.accounts.models import User
from careleavers.workforce import figures
from careleavers.workforce.models import Course
from careleavers.workforce.selectors import AddMonths, CourseStatus, course_status, workforce_staff

# Those overdue are listed by course, then by team and name.
STAFF_ORDER = ("team__name", "last_name", "first_name", "pk")


@dataclass(frozen=True)
class TrainingOverdue:
    staff: User
    status: CourseStatus


@dataclass(frozen=True)
class CourseCompliance:
    course: Course
    staff: int
    in_date: int

    @property
    def overdue(self) -> int:
        return self.staff - self.in_date

    @property
    def rate(self) -> float | None:
        return figures.rate(self.in_date, self.staff)


def _last(course: Course) -> str:
    return f"last_{course.pk}"


def _due(course: Course) -> str:
    return f"renewal_due_{course.pk}"


def with_dates(staff: QuerySet[User], courses: Sequence[Course]) -> QuerySet[User]:
    """The staff with their first start (`started_on`) and, for each course, when they last
    completed it (`last_<course pk>`).

    Aggregates over joins, not a subquery for each person and course: the database then reads
    the training records once (a subquery for each was 6 lookups for each of 6,000 staff)."""
    annotated = staff.annotate(started_on=Min("employments__start"))
    for course in courses:
        last = Max("training_records__completed_on", filter=Q(training_records__course=course.pk))
        annotated = annotated.annotate(**{_last(course): last})
        if course.renewal_months:
            annotated = annotated.alias(
                **{_due(course): AddMonths(F(_last(course)), course.renewal_months)}
            )
    return annotated


def overdue_on(course: Course, today: datetime.date) -> Q:
    """Over `with_dates`: the mandatory `course` is overdue on `today`, as `course_status` has
    it. Never done: overdue when the start is unknown or more than the allowed days ago; done:
    overdue when it has a renewal and the renewal falls before today."""
    never_done = Q(**{f"{_last(course)}__isnull": True}) & (
        Q(started_on__isnull=True)
        | Q(started_on__lt=today - datetime.timedelta(days=course.complete_within_days))
    )
    if not course.renewal_months:
        return never_done
    return never_done | Q(**{f"{_due(course)}__lt": today})


class OverdueList:
    """Those overdue with each course, course by course, for a `Paginator`: counted already,
    and read only for the slice (a page) asked for, with a query for each course it touches."""

    def __init__(
        self,
        staff: QuerySet[User],
        compliance: Sequence[CourseCompliance],
        today: datetime.date,
    ) -> None:
        self.staff = staff
        self.compliance = compliance
        self.today = today

    def __len__(self) -> int:
        return sum(row.overdue for row in self.compliance)

    def __iter__(self) -> Iterator[TrainingOverdue]:
        return iter(self[0 : len(self)])

    @overload
    def __getitem__(self, index: int, /) -> TrainingOverdue: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[TrainingOverdue]: ...
    def __getitem__(self, index: int | slice, /) -> TrainingOverdue | list[TrainingOverdue]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        rows: list[TrainingOverdue] = []
        offset = 0
        for row in self.compliance:
            low, high = max(start - offset, 0), min(stop - offset, row.overdue)
            if low < high:
                rows.extend(self._overdue_with(row.course, low, high))
            offset += row.overdue
        return rows

    def _overdue_with(self, course: Course, low: int, high: int) -> list[TrainingOverdue]:
        people: Any = (
            with_dates(self.staff, [course])
            .filter(overdue_on(course, self.today))
            .only("first_name", "last_name", "team__name")
            .order_by(*STAFF_ORDER)[low:high]
        )
        return [
            TrainingOverdue(
                staff=person,
                status=course_status(
                    course,
                    last_completed=getattr(person, _last(course)),
                    started_on=person.started_on,
                    today=self.today,
                ),
            )
            for person in people
        ]


def training_overdue(
    *, team_ids: frozenset[int] | None, today: datetime.date
) -> tuple[list[CourseCompliance], OverdueList]:
    """For each mandatory course, how many staff are in date, and those overdue to page through
    (2 queries, and 1 for each course a page of those overdue shows)."""
    courses = list(Course.objects.filter(is_active=True, mandatory=True))
    staff = workforce_staff(team_ids=team_ids)
    counts = with_dates(staff, courses).aggregate(
        staff=Count("pk"),
        **{f"overdue_{c.pk}": Count("pk", filter=overdue_on(c, today)) for c in courses},
    )
    compliance = [
        CourseCompliance(
            course=course,
            staff=counts["staff"],
            in_date=counts["staff"] - counts[f"overdue_{course.pk}"],
        )
        for course in courses
    ]
    return compliance, OverdueList(staff, compliance, today)
