"""The workforce indicators in insight's registry (area "leadership").

Each computes its figure over the scope's staff (or, for posts, the scope's teams) on the scope's
date, and lists exactly the rows its numerator counts. Supervision figures name workers and
dates, never what was said.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.core.dates import add_months
from careleavers.insight.indicators import (
    AVERAGE,
    OTHER,
    PERCENT,
    STAFF,
    Figure,
    Indicator,
    Scope,
)
from careleavers.workforce import figures, selectors
from careleavers.workforce.models import Employment, Grade, Post, SupervisionReview

AREA = "leadership"


def _in_teams(queryset: QuerySet[Any], scope: Scope, path: str) -> QuerySet[Any]:
    if scope.team_ids is None:
        return queryset
    return queryset.filter(**{f"{path}__in": scope.team_ids})


def _workers(scope: Scope, *roles: str) -> QuerySet[User]:
    """Active workers in the scope with one of the roles."""
    staff = scope.staff.filter(is_active=True).filter(selectors.has_role_expression(*roles))
    return _in_teams(staff, scope, "team_id").select_related("team")


# Supervision in time -----------------------------------------------------------------------------


def _in_time_ids(scope: Scope) -> tuple[list[int], int]:
    rows = selectors.supervision_frequency(
        workers=_workers(scope, *selectors.CASEWORKER_ROLES), on=scope.on
    )
    return [row.worker.pk for row in rows if row.in_time], len(rows)


def supervision_in_time(scope: Scope) -> Figure:
    in_time, workers = _in_time_ids(scope)
    return Figure(numerator=len(in_time), denominator=workers)


def supervision_in_time_members(scope: Scope) -> QuerySet[Any]:
    in_time, _ = _in_time_ids(scope)
    return (
        User.objects.filter(pk__in=in_time)
        .select_related("team")
        .order_by("team__name", "last_name", "first_name", "pk")
    )


def supervision_overdue(scope: Scope) -> QuerySet[Any]:
    """The workers to follow up: overdue, or never supervised."""
    in_time, _ = _in_time_ids(scope)
    return (
        _workers(scope, *selectors.CASEWORKER_ROLES)
        .exclude(pk__in=in_time)
        .order_by("team__name", "last_name", "first_name", "pk")
    )


# Supervision graded reflective -------------------------------------------------------------------


def _graded(scope: Scope) -> QuerySet[SupervisionReview]:
    since = add_months(scope.on, -6)
    reviews = SupervisionReview.objects.exclude(grade="").filter(
        record__held_on__gt=since,
        record__held_on__lte=scope.on,
        graded_at__date__lte=scope.on,
        record__worker__in=scope.staff.values("pk"),
    )
    return _in_teams(reviews, scope, "record__team_id")


def supervision_reflective(scope: Scope) -> Figure:
    graded = _graded(scope)
    return Figure(
        numerator=graded.filter(grade=Grade.REFLECTIVE).count(), denominator=graded.count()
    )


def _graded_as(scope: Scope, grade: str) -> QuerySet[Any]:
    """The graded reviews given `grade`, latest supervision first."""
    return (
        _graded(scope)
        .filter(grade=grade)
        .select_related("record__worker")
        .order_by("-record__held_on", "-pk")
    )


def supervision_reflective_members(scope: Scope) -> QuerySet[Any]:
    return _graded_as(scope, Grade.REFLECTIVE)


def supervision_compliance_led(scope: Scope) -> QuerySet[Any]:
    return _graded_as(scope, Grade.COMPLIANCE_LED)


# Caseloads ---------------------------------------------------------------------------------------


def _advisers(scope: Scope) -> Any:
    return _workers(scope, str(Role.PERSONAL_ADVISER)).annotate(
        caseload=selectors.current_caseload_count(on=scope.on)
    )


def average_caseload(scope: Scope) -> Figure:
    caseloads = list(_advisers(scope).values_list("caseload", flat=True))
    return Figure(
        numerator=len(caseloads),
        denominator=None,
        value=figures.Spread.of(caseloads).mean,
    )


def average_caseload_members(scope: Scope) -> QuerySet[Any]:
    return _advisers(scope).order_by("-caseload", "last_name", "first_name", "pk")


# Vacancies and agency ----------------------------------------------------------------------------


def _facts(scope: Scope) -> tuple[list[figures.PostFacts], list[figures.EmploymentFacts]]:
    team_ids = None if scope.team_ids is None else frozenset(scope.team_ids)
    return selectors.post_facts(team_ids), selectors.employment_facts(team_ids)


def vacancy_rate(scope: Scope) -> Figure:
    posts, jobs = _facts(scope)
    snapshot = figures.snapshot(scope.on, posts, jobs)
    return Figure(numerator=snapshot.vacant_posts, denominator=snapshot.funded_posts)


def vacancy_members(scope: Scope) -> QuerySet[Any]:
    posts, jobs = _facts(scope)
    vacant = figures.vacant_post_ids(scope.on, posts, jobs)
    return (
        Post.objects.filter(pk__in=vacant)
        .select_related("team")
        .order_by("team__name", "role", "reference", "pk")
    )


def agency_rate(scope: Scope) -> Figure:
    posts, jobs = _facts(scope)
    snapshot = figures.snapshot(scope.on, posts, jobs)
    return Figure(numerator=snapshot.agency_holders, denominator=snapshot.holders)


def agency_members(scope: Scope) -> QuerySet[Any]:
    posts, jobs = _facts(scope)
    holders = figures.current_holders(scope.on, posts, jobs)
    agency = [job.pk for job in holders if job.kind == figures.AGENCY]
    return (
        Employment.objects.filter(pk__in=agency)
        .select_related("staff", "post__team")
        .order_by("post__team__name", "staff__last_name", "pk")
    )


INDICATORS = (
    Indicator(
        key="supervision_in_time",
        title="Workers supervised within policy",
        area=AREA,
        numerator="Personal advisers and social workers whose next supervision is not yet "
        "overdue under the council's supervision policy (every 4 weeks, every 2 weeks in the "
        "first 6 months after starting, unless the council has changed its settings)",
        denominator="Active personal advisers and social workers",
        source="Supervision records and employment start dates (workforce)",
        unit=PERCENT,
        compute=supervision_in_time,
        members=supervision_in_time_members,
        members_kind=STAFF,
        order=900,
        period="On the day",
        # The workers counted are today's: history cannot be rebuilt for those who have left.
        as_at=False,
        exceptions=supervision_overdue,
    ),
    Indicator(
        key="supervision_graded_reflective",
        title="Supervision graded reflective",
        area=AREA,
        numerator="Sampled supervision records held in the last 6 months that the head of "
        "service graded reflective",
        denominator="Sampled supervision records held in the last 6 months that have a grade",
        source="Supervision quality grades (workforce)",
        unit=PERCENT,
        compute=supervision_reflective,
        members=supervision_reflective_members,
        members_kind=OTHER,
        order=901,
        period="Supervisions held in the 6 months up to the day",
        exceptions=supervision_compliance_led,
    ),
    Indicator(
        key="average_caseload_personal_advisers",
        title="Average caseload of personal advisers",
        area=AREA,
        numerator="Active personal advisers (the average is over them, including any with no "
        "young people allocated)",
        denominator="None: the figure is the mean number of young people allocated to each",
        source="Current allocations (casework) of personal advisers",
        unit=AVERAGE,
        compute=average_caseload,
        members=average_caseload_members,
        members_kind=STAFF,
        higher_is_better=False,
        order=902,
        period="On the day",
        # Today's advisers: the caseloads of advisers who have left are not counted.
        as_at=False,
        value_unit="young people",
    ),
    Indicator(
        key="vacancy_rate",
        title="Vacancy rate",
        area=AREA,
        numerator="Funded posts that nobody holds on the day",
        denominator="Funded posts on the day",
        source="Posts and employment (workforce)",
        unit=PERCENT,
        compute=vacancy_rate,
        members=vacancy_members,
        members_kind=OTHER,
        higher_is_better=False,
        order=903,
        period="On the day",
    ),
    Indicator(
        key="agency_rate",
        title="Agency rate",
        area=AREA,
        numerator="People holding funded posts on the day who are employed through an agency "
        "(a headcount, not FTE)",
        denominator="People holding funded posts on the day",
        source="Posts and employment (workforce)",
        unit=PERCENT,
        compute=agency_rate,
        members=agency_members,
        members_kind=OTHER,
        higher_is_better=False,
        order=904,
        period="On the day",
    ),
)
