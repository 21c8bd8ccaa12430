"""Reads about supervision and the workforce.

Who sees what:
- a supervision record: the worker supervised, the supervisor who recorded it, the worker's
  current team manager and the head of service (`supervision_records_visible_to`; the rule
  `workforce.view_supervision` agrees with it);
- workforce figures: team managers for the teams they oversee, everyone else who may read them
  for the whole service (`report_team_ids`).

Every list costs a fixed number of queries whatever its length; the counting is done by the
pure functions in figures.py and frequency.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.core.dates import add_months, months_up_to
from careleavers.people.selectors import young_people_visible_to
from careleavers.workforce import figures
from careleavers.workforce.frequency import Intervals, next_due, supervised_in_time
from careleavers.workforce.models import (
    Course,
    Employment,
    Grade,
    Post,
    PostRole,
    SicknessAbsence,
    SupervisionPolicy,
    SupervisionRecord,
    SupervisionReview,
    TrainingRecord,
)

CASEWORKER_ROLES = (str(Role.PERSONAL_ADVISER), str(Role.SOCIAL_WORKER))
WORKFORCE_ROLES = (*CASEWORKER_ROLES, str(Role.TEAM_MANAGER))
# Roles that read workforce figures for the whole service rather than some teams.
SERVICE_WIDE_READERS = (
    str(Role.HEAD_OF_SERVICE),
    str(Role.PERFORMANCE_ANALYST),
    str(Role.ADMINISTRATOR),
)


def has_role_expression(*roles: str) -> Exists:
    return Exists(
        User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name__in=roles)
    )


# Scope -------------------------------------------------------------------------------------------


def teams_managed_by(user: Any) -> frozenset[int]:
    """Teams whose manager this user is (as team manager)."""
    if not user.is_authenticated or not user.has_role(Role.TEAM_MANAGER):
        return frozenset()
    return frozenset(Team.objects.filter(manager=user).values_list("pk", flat=True))


def report_team_ids(user: Any) -> frozenset[int] | None:
    """The teams whose workforce figures this user reads: None for the whole service (head of
    service, performance analysts, administrators); a team manager's teams (those they manage and
    their own, as on the caseload pages); nothing for anyone else."""
    if not user.is_authenticated:
        return frozenset()
    if user.has_role(*SERVICE_WIDE_READERS):
        return None
    if user.has_role(Role.TEAM_MANAGER):
        from careleavers.casework.rules import managed_team_ids

        return frozenset(managed_team_ids(user))
    return frozenset()


def _in_teams(queryset: QuerySet[Any], team_ids: frozenset[int] | None, path: str) -> Any:
    return queryset if team_ids is None else queryset.filter(**{f"{path}__in": team_ids})


def caseworkers(*, team_ids: frozenset[int] | None = None) -> QuerySet[User]:
    """Active personal advisers and social workers, with their team."""
    workers = User.objects.filter(is_active=True).filter(has_role_expression(*CASEWORKER_ROLES))
    return _in_teams(workers, team_ids, "team_id").select_related("team")


def workforce_staff(*, team_ids: frozenset[int] | None = None) -> QuerySet[User]:
    """Active personal advisers, social workers and team managers in teams."""
    staff = User.objects.filter(is_active=True, team__isnull=False).filter(
        has_role_expression(*WORKFORCE_ROLES)
    )
    return _in_teams(staff, team_ids, "team_id").select_related("team")


# Supervision: visibility -------------------------------------------------------------------------


def supervision_records_visible_to(*, user: Any) -> QuerySet[SupervisionRecord]:
    """Records this user may open: their own (as the worker), those they recorded, those of the
    workers in the teams they manage (as team manager), or all (head of service)."""
    records = SupervisionRecord.objects.all()
    if not user.is_authenticated or not user.is_staff_member:
        return records.none()
    if user.has_role(Role.HEAD_OF_SERVICE):
        return records
    condition = Q(worker=user) | Q(supervisor=user)
    if user.has_role(Role.TEAM_MANAGER):
        condition |= Q(worker__team__manager=user)
    return records.filter(condition)


def may_see_supervision(
    user: Any,
    *,
    worker_id: int,
    supervisor_id: int,
    worker_team_manager_id: int | None,
) -> bool:
    """The same rule as `supervision_records_visible_to`, over values already loaded."""
    if not user.is_authenticated or not user.is_staff_member:
        return False
    if user.pk in (worker_id, supervisor_id):
        return True
    if user.has_role(Role.HEAD_OF_SERVICE):
        return True
    return bool(user.has_role(Role.TEAM_MANAGER) and worker_team_manager_id == user.pk)


def supervision_record_for(*, pk: int) -> SupervisionRecord:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        SupervisionRecord.objects.select_related(
            "worker__team", "supervisor", "team", "review__graded_by"
        ),
        pk=pk,
    )


def supervision_list_for(*, user: Any) -> QuerySet[SupervisionRecord]:
    return (
        supervision_records_visible_to(user=user)
        .select_related("worker", "supervisor", "team", "review")
        .annotate(
            young_people_count=Count("young_people", distinct=True),
            actions_open=Count("actions", filter=Q(actions__done_on__isnull=True), distinct=True),
        )
        .order_by("-held_on", "-pk")
    )


def discussed_young_people(*, record: SupervisionRecord, user: Any) -> tuple[list[Any], int]:
    """The young people discussed whom this user may see, and how many more they may not (a
    restricted record's name is not shown to anyone not named on it)."""
    discussed = record.young_people.all()
    visible = list(
        discussed.filter(pk__in=young_people_visible_to(user=user).values("pk")).order_by(
            "last_name", "first_name"
        )
    )
    return visible, discussed.count() - len(visible)


def actions_for(*, record: SupervisionRecord) -> QuerySet[Any]:
    return record.actions.select_related("young_person", "done_by").order_by("due_on", "pk")


# Supervision: who can be supervised by whom ------------------------------------------------------


def workers_supervised_by(*, user: Any) -> QuerySet[User]:
    """Workers this user may record a supervision for: every worker for the head of service; the
    workers of the teams they manage for a team manager."""
    if not user.is_authenticated:
        return User.objects.none()
    if user.has_role(Role.HEAD_OF_SERVICE):
        workers = caseworkers()
    elif user.has_role(Role.TEAM_MANAGER):
        workers = caseworkers().filter(team__manager=user)
    else:
        return User.objects.none()
    return workers.exclude(pk=user.pk).order_by("team__name", "last_name", "first_name")


def caseload_young_people(*, worker: Any, on: datetime.date) -> QuerySet[Any]:
    """The young people allocated to the worker on `on`."""
    from careleavers.people.models import YoungPerson

    allocated = Allocation.objects.filter(worker=worker, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )
    return (
        YoungPerson.objects.live()
        .filter(pk__in=allocated.values("young_person_id"))
        .order_by("last_name", "first_name", "pk")
    )


# Supervision: frequency --------------------------------------------------------------------------


def intervals_for(policy: SupervisionPolicy, *, is_personal_adviser: bool) -> Intervals:
    return Intervals(
        standard_days=(
            policy.personal_adviser_interval_days
            if is_personal_adviser
            else policy.social_worker_interval_days
        ),
        new_starter_days=policy.new_starter_interval_days,
        new_starter_months=policy.new_starter_months,
    )


@dataclass(frozen=True)
class WorkerFrequency:
    worker: User
    team_id: int | None
    team_name: str
    role: str
    started_on: datetime.date | None
    last_held: datetime.date | None
    next_due: datetime.date | None
    in_time: bool
    new_starter: bool


def supervision_frequency(
    *, workers: QuerySet[User], on: datetime.date, policy: SupervisionPolicy | None = None
) -> list[WorkerFrequency]:
    """Each worker's last supervision on or before `on`, when the next is due, and whether they
    are in time. One query whatever the number of workers (plus the policy)."""
    policy = policy or SupervisionPolicy.current()
    last_held = (
        SupervisionRecord.objects.filter(worker=OuterRef("pk"), held_on__lte=on)
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    first_start = (
        Employment.objects.filter(staff=OuterRef("pk")).order_by("start").values("start")[:1]
    )
    annotated = workers.annotate(
        last_held=Subquery(last_held),
        started_on=Subquery(first_start),
        is_personal_adviser=has_role_expression(str(Role.PERSONAL_ADVISER)),
    ).order_by("team__name", "last_name", "first_name", "pk")
    rows = []
    for worker in annotated:
        intervals = intervals_for(policy, is_personal_adviser=worker.is_personal_adviser)
        due = next_due(
            last_held=worker.last_held, started_on=worker.started_on, intervals=intervals
        )
        rows.append(
            WorkerFrequency(
                worker=worker,
                team_id=worker.team_id,
                team_name=worker.team.name if worker.team else "No team",
                role="Personal adviser" if worker.is_personal_adviser else "Social worker",
                started_on=worker.started_on,
                last_held=worker.last_held,
                next_due=due,
                in_time=supervised_in_time(due, on),
                new_starter=worker.started_on is not None
                and on < add_months(worker.started_on, policy.new_starter_months),
            )
        )
    return rows


@dataclass(frozen=True)
class TeamFrequency:
    team: str
    workers: int
    in_time: int

    @property
    def in_time_rate(self) -> float | None:
        return figures.rate(self.in_time, self.workers)


def frequency_by_team(rows: Iterable[WorkerFrequency]) -> list[TeamFrequency]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        counts[row.team_name][0] += 1
        counts[row.team_name][1] += int(row.in_time)
    return [
        TeamFrequency(team=team, workers=workers, in_time=in_time)
        for team, (workers, in_time) in sorted(counts.items())
    ]


# Supervision: sampling and quality ---------------------------------------------------------------


def sample_candidates(*, today: datetime.date, policy: SupervisionPolicy) -> QuerySet[Any]:
    """Recent records not yet sampled: held in the policy's recent window, with no review."""
    since = today - datetime.timedelta(days=policy.sample_recent_days)
    return (
        SupervisionRecord.objects.filter(
            held_on__gte=since, held_on__lte=today, review__isnull=True
        )
        .select_related("worker", "supervisor", "team")
        .order_by("-held_on", "-pk")
    )


def reviews_awaiting_grade() -> QuerySet[SupervisionReview]:
    return (
        SupervisionReview.objects.filter(grade="")
        .select_related("record__worker", "record__supervisor", "record__team")
        .order_by("record__held_on", "pk")
    )


def graded_reviews(
    *, team_ids: frozenset[int] | None, since: datetime.date, until: datetime.date
) -> QuerySet[SupervisionReview]:
    reviews = SupervisionReview.objects.exclude(grade="").filter(
        record__held_on__gte=since, record__held_on__lte=until
    )
    return _in_teams(reviews, team_ids, "record__team_id")


def supervision_quality(
    *, team_ids: frozenset[int] | None, today: datetime.date, months: int = 12
) -> figures.QualitySummary:
    """Grades of the sampled records held in the last `months` months (one query)."""
    month_list = months_up_to(today, months)
    rows = graded_reviews(team_ids=team_ids, since=month_list[0], until=today).values_list(
        "record__held_on",
        "record__team__name",
        "record__supervisor__first_name",
        "record__supervisor__last_name",
        "grade",
    )
    return figures.quality_summary(
        (
            figures.GradedRecord(
                held_on=held_on,
                team=team or "",
                supervisor=f"{first} {last}".strip(),
                grade=grade,
            )
            for held_on, team, first, last, grade in rows
        ),
        months=month_list,
    )


# Workforce: posts and people ---------------------------------------------------------------------


def post_facts(team_ids: frozenset[int] | None) -> list[figures.PostFacts]:
    posts = _in_teams(Post.objects.all(), team_ids, "team_id")
    return [
        figures.PostFacts(pk, team_id, fte, funded_from, funded_to)
        for pk, team_id, fte, funded_from, funded_to in posts.values_list(
            "pk", "team_id", "fte", "funded_from", "funded_to"
        )
    ]


def employment_facts(team_ids: frozenset[int] | None) -> list[figures.EmploymentFacts]:
    jobs = _in_teams(Employment.objects.all(), team_ids, "post__team_id")
    return [
        figures.EmploymentFacts(*values)
        for values in jobs.values_list(
            "pk", "post_id", "staff_id", "kind", "fte", "start", "end", "leaving_reason"
        )
    ]


def absence_facts(
    team_ids: frozenset[int] | None, since: datetime.date
) -> list[figures.AbsenceFacts]:
    absences = SicknessAbsence.objects.filter(Q(last_day__isnull=True) | Q(last_day__gte=since))
    absences = _in_teams(absences, team_ids, "staff__team_id")
    return [
        figures.AbsenceFacts(*values)
        for values in absences.values_list(
            "staff_id", "first_day", "last_day", "working_days_lost"
        )
    ]


def workforce_snapshot(*, team_ids: frozenset[int] | None, on: datetime.date) -> figures.Snapshot:
    return figures.snapshot(on, post_facts(team_ids), employment_facts(team_ids))


def workforce_trends(
    *, team_ids: frozenset[int] | None, today: datetime.date, months: int = 24
) -> list[figures.MonthFigures]:
    """Posts, vacancies, agency and sickness month by month (3 queries)."""
    since = months_up_to(today, months)[0]
    return figures.monthly_figures(
        today=today,
        months=months,
        posts=post_facts(team_ids),
        employments=employment_facts(team_ids),
        absences=absence_facts(team_ids, since),
    )


@dataclass(frozen=True)
class PostRow:
    post: Post
    holders: list[Employment]
    funded: bool

    @property
    def vacant(self) -> bool:
        return self.funded and not self.holders


def posts_for(*, team_ids: frozenset[int] | None, on: datetime.date) -> list[PostRow]:
    """Every post in the teams with its holders on `on` (2 queries)."""
    posts = list(
        _in_teams(Post.objects.select_related("team"), team_ids, "team_id").order_by(
            "team__name", "role", "reference", "pk"
        )
    )
    current = (
        Employment.objects.filter(post__in=[post.pk for post in posts], start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("staff")
        .order_by("start", "pk")
    )
    holders: dict[int, list[Employment]] = defaultdict(list)
    for job in current:
        holders[job.post_id].append(job)
    return [
        PostRow(post=post, holders=holders.get(post.pk, []), funded=post.is_funded_on(on))
        for post in posts
    ]


def post_for(*, pk: int) -> Post:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Post.objects.select_related("team"), pk=pk)


def post_history(*, post: Post) -> QuerySet[Employment]:
    return post.employments.select_related("staff").order_by("-start", "-pk")


def employment_for(*, pk: int) -> Employment:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Employment.objects.select_related("post__team", "staff"), pk=pk)


def staff_list(*, team_ids: frozenset[int] | None, on: datetime.date) -> QuerySet[User]:
    """Workforce staff with their current employment kind and sickness this year (1 query)."""
    current_kind = (
        Employment.objects.filter(staff=OuterRef("pk"), start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .order_by("-start")
        .values("kind")[:1]
    )
    year_ago = on - datetime.timedelta(days=365)
    return (
        workforce_staff(team_ids=team_ids)
        .annotate(
            is_team_manager=has_role_expression(str(Role.TEAM_MANAGER)),
            is_social_worker=has_role_expression(str(Role.SOCIAL_WORKER)),
            employment_kind=Subquery(current_kind),
            started_on=Min("employments__start"),
            absences_in_year=Count(
                "sickness_absences",
                filter=Q(sickness_absences__first_day__gte=year_ago),
                distinct=True,
            ),
        )
        .order_by("team__name", "last_name", "first_name", "pk")
    )


def staff_without_current_post() -> QuerySet[User]:
    """Workforce staff who hold no post now: those who can start in one."""
    current = Employment.objects.filter(staff=OuterRef("pk"), end__isnull=True)
    return workforce_staff().exclude(Exists(current)).order_by("last_name", "first_name")


def staff_member_for(*, pk: int) -> User:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        User.objects.filter(has_role_expression(*WORKFORCE_ROLES)).select_related("team"), pk=pk
    )


def employments_of(*, staff: Any) -> QuerySet[Employment]:
    return staff.employments.select_related("post__team").order_by("-start", "-pk")


def absences_of(*, staff: Any) -> QuerySet[SicknessAbsence]:
    return staff.sickness_absences.order_by("-first_day", "-pk")


# Workforce: training -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseStatus:
    course: Course
    last_completed: datetime.date | None
    due_on: datetime.date | None  # None: not mandatory and not due
    overdue: bool


def course_status(
    course: Course,
    *,
    last_completed: datetime.date | None,
    started_on: datetime.date | None,
    today: datetime.date,
) -> CourseStatus:
    """When a course is next due for one person: its renewal after the last completion; for a
    mandatory course never done, the course's number of days after starting. Only mandatory
    courses are ever overdue; one never done by someone whose start is not known is overdue."""
    due: datetime.date | None = None
    if last_completed is not None:
        if course.renewal_months:
            due = add_months(last_completed, course.renewal_months)
    elif course.mandatory and started_on is not None:
        due = started_on + datetime.timedelta(days=course.complete_within_days)
    never_done_unknown_start = last_completed is None and started_on is None
    overdue = course.mandatory and (never_done_unknown_start or (due is not None and due < today))
    return CourseStatus(course=course, last_completed=last_completed, due_on=due, overdue=overdue)


def training_for(*, staff: Any, today: datetime.date) -> list[CourseStatus]:
    """One person's record against every active course (3 queries)."""
    courses = list(Course.objects.filter(is_active=True))
    latest = dict(
        TrainingRecord.objects.filter(staff=staff)
        .values("course_id")
        .annotate(last=Max("completed_on"))
        .values_list("course_id", "last")
    )
    started = Employment.objects.filter(staff=staff).aggregate(first=Min("start"))["first"]
    return [
        course_status(
            course, last_completed=latest.get(course.pk), started_on=started, today=today
        )
        for course in courses
    ]


def training_records_of(*, staff: Any) -> QuerySet[TrainingRecord]:
    return staff.training_records.select_related("course").order_by("-completed_on", "-pk")


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
    def rate(self) -> float | None:
        return figures.rate(self.in_date, self.staff)


def training_overdue(
    *, team_ids: frozenset[int] | None, today: datetime.date
) -> tuple[list[CourseCompliance], list[TrainingOverdue]]:
    """For each mandatory course, how many staff are in date, and who is overdue (3 queries)."""
    courses = list(Course.objects.filter(is_active=True, mandatory=True))
    staff = list(
        workforce_staff(team_ids=team_ids)
        .annotate(started_on=Min("employments__start"))
        .order_by("team__name", "last_name", "first_name", "pk")
    )
    latest: dict[tuple[int, int], datetime.date] = {
        (staff_id, course_id): last
        for staff_id, course_id, last in TrainingRecord.objects.filter(
            staff__in=[person.pk for person in staff], course__in=[c.pk for c in courses]
        )
        .values("staff_id", "course_id")
        .annotate(last=Max("completed_on"))
        .values_list("staff_id", "course_id", "last")
    }
    compliance = []
    overdue = []
    for course in courses:
        in_date = 0
        for person in staff:
            status = course_status(
                course,
                last_completed=latest.get((person.pk, course.pk)),
                started_on=person.started_on,
                today=today,
            )
            if status.overdue:
                overdue.append(TrainingOverdue(staff=person, status=status))
            else:
                in_date += 1
        compliance.append(CourseCompliance(course=course, staff=len(staff), in_date=in_date))
    return compliance, overdue


# Workforce: caseloads ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerCaseload:
    worker: User
    team_name: str
    role: str
    caseload: int
    # Hours running groups in the last GROUP_HOURS_MONTHS months: time not spent one to one.
    group_hours: Decimal = Decimal(0)


# Group work is shown over a quarter, long enough to smooth out a month without sessions.
GROUP_HOURS_MONTHS = 3


def group_hours_since(since: datetime.date) -> Any:
    """Hours the worker (OuterRef "pk") spent running group sessions held since `since`."""
    from careleavers.offer.models import GroupSession

    hours = (
        GroupSession.objects.filter(run_by=OuterRef("pk"), held_on__gte=since)
        .order_by()
        .values("run_by")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    return Coalesce(
        Subquery(hours, output_field=DecimalField(max_digits=7, decimal_places=1)), Decimal(0)
    )


@dataclass(frozen=True)
class TeamCaseloads:
    team: str
    role: str
    spread: figures.Spread
    values: list[int]


def current_caseload_count(on: datetime.date | None = None) -> Any:
    """Current allocations of the worker (OuterRef "pk"), as casework counts them: every
    allocation not ended, restricted records included, because the number names nobody."""
    allocations = Allocation.objects.filter(worker=OuterRef("pk"))
    if on is None:
        allocations = allocations.filter(end__isnull=True)
    else:
        allocations = allocations.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gt=on))
    from django.db.models import IntegerField
    from django.db.models.functions import Coalesce

    counted = allocations.order_by().values("worker").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def caseload_distribution(
    *, team_ids: frozenset[int] | None
) -> tuple[list[WorkerCaseload], list[TeamCaseloads]]:
    """Each personal adviser's and social worker's current caseload, and per team and role the
    minimum, median and maximum (1 query)."""
    workers = (
        caseworkers(team_ids=team_ids)
        .annotate(
            caseload=current_caseload_count(),
            group_hours=group_hours_since(add_months(timezone.localdate(), -GROUP_HOURS_MONTHS)),
            is_personal_adviser=has_role_expression(str(Role.PERSONAL_ADVISER)),
        )
        .order_by("team__name", "last_name", "first_name", "pk")
    )
    rows = [
        WorkerCaseload(
            worker=worker,
            team_name=worker.team.name if worker.team else "No team",
            role=PostRole.PERSONAL_ADVISER.label
            if worker.is_personal_adviser
            else PostRole.SOCIAL_WORKER.label,
            caseload=worker.caseload,
            group_hours=worker.group_hours,
        )
        for worker in workers
    ]
    grouped: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        grouped[(row.role, row.team_name)].append(row.caseload)
    teams = [
        TeamCaseloads(team=team, role=role, spread=figures.Spread.of(values), values=values)
        for (role, team), values in sorted(grouped.items())
    ]
    return rows, teams


GRADES = dict(Grade.choices)
