"""Reads for quality assurance: feedback, case audits and their actions, the audit programme's
figures, and management oversight.

Every list about young people starts from the people app's `young_people_visible_to`, and costs
a fixed number of queries however long it is. The figures the insight engineer calls
(`audit_completion`, `audit_grade_counts`, `audit_themes`, `oversight_counts`) take keyword
arguments only, aggregate in SQL and return plain data.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Concat, TruncMonth
from django.shortcuts import get_object_or_404

from careleavers.accounts.models import Team
from careleavers.casework.models import Allocation
from careleavers.core.dates import month_end, month_start
from careleavers.core.practice_framework import GRADES
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to
from careleavers.quality.models import (
    AnonymousFeedback,
    AuditAction,
    AuditAnswer,
    AuditAreaGrade,
    AuditQuestion,
    AuditStatus,
    AuditTarget,
    AuditTheme,
    CaseAudit,
    OversightEntry,
    QualityPolicy,
    WellbeingCheck,
    YoungPersonFeedback,
    YouSaidStatus,
    YouSaidWeDid,
)
from careleavers.quality.rules import reads_audits
from careleavers.quality.standards import oversight_since

# Feedback -------------------------------------------------------------------------------------


def feedback_for(*, young_person: YoungPerson) -> QuerySet[YoungPersonFeedback]:
    return YoungPersonFeedback.objects.filter(young_person=young_person)


def feedback_between(*, start: datetime.date, end: datetime.date) -> QuerySet[YoungPersonFeedback]:
    """Feedback given between two dates (inclusive), for reports and the self-assessment pack."""
    feedback = YoungPersonFeedback.objects.filter(given_on__gte=start, given_on__lte=end)
    return feedback.select_related("young_person")


def feedback_list_for(*, young_person: YoungPerson) -> QuerySet[YoungPersonFeedback]:
    """A young person's feedback, newest first, with who took it (one query)."""
    return feedback_for(young_person=young_person).select_related("created_by")


def recent_feedback_for(
    *, young_person: YoungPerson, today: datetime.date
) -> QuerySet[YoungPersonFeedback]:
    """Feedback recent enough for an audit to use (QualityPolicy.feedback_recent_days)."""
    days = QualityPolicy.current().feedback_recent_days
    return feedback_list_for(young_person=young_person).filter(
        given_on__gte=today - datetime.timedelta(days=days)
    )


# Who hears the young person's voice --------------------------------------------------------------

# Anonymous feedback about a personal adviser names the adviser only when they have at least
# this many young people: naming an adviser with two would all but name the young person.
ANONYMITY_CROWD = 5


@dataclass(frozen=True)
class VoiceReaders:
    """The people told when a young person gives feedback or a wellbeing check, and who read
    it (rules.hears_young_persons_voice): their allocated workers and their team's manager."""

    workers: tuple[tuple[str, Any], ...]  # (role code "pa"/"sw", worker), the adviser first
    manager: Any | None

    @property
    def adviser(self) -> Any | None:
        return next((worker for role, worker in self.workers if role == "pa"), None)

    @property
    def user_ids(self) -> list[int]:
        ids = [worker.pk for _, worker in self.workers]
        if self.manager is not None:
            ids.append(self.manager.pk)
        return sorted(set(ids))


def voice_readers_for(*, young_person: YoungPerson) -> VoiceReaders:
    """Two queries."""
    allocations = (
        Allocation.objects.filter(young_person=young_person, end__isnull=True)
        .select_related("worker")
        .order_by("role", "pk")
    )
    team = (
        Team.objects.select_related("manager").filter(pk=young_person.team_id).first()
        if young_person.team_id
        else None
    )
    return VoiceReaders(
        workers=tuple((allocation.role, allocation.worker) for allocation in allocations),
        manager=team.manager if team is not None else None,
    )


def current_caseload_size(*, worker: Any) -> int:
    return (
        Allocation.objects.filter(worker=worker, end__isnull=True)
        .values("young_person_id")
        .distinct()
        .count()
    )


# Anonymous feedback ---------------------------------------------------------------------------


def anonymous_feedback_visible_to(*, user: Any) -> QuerySet[AnonymousFeedback]:
    """Heads of service read all of it; a team manager what was sent to the teams they manage;
    everyone else none. Newest first, unread first."""
    from careleavers.accounts.roles import Role
    from careleavers.casework.rules import managed_team_ids

    feedback = AnonymousFeedback.objects.select_related("team", "adviser", "read_by")
    if user.has_role(Role.HEAD_OF_SERVICE):
        found = feedback.all()
    elif user.has_role(Role.TEAM_MANAGER):
        found = feedback.filter(team_id__in=managed_team_ids(user))
    else:
        return feedback.none()
    return found.order_by(F("read_on").asc(nulls_first=True), "-given_on", "-pk")


def anonymous_feedback_for(*, pk: int) -> AnonymousFeedback:
    return get_object_or_404(
        AnonymousFeedback.objects.select_related("team", "adviser", "read_by"), pk=pk
    )


def unread_anonymous_feedback_for_teams(
    *, team_ids: Sequence[int] | None
) -> QuerySet[AnonymousFeedback]:
    """Unread anonymous feedback for these teams (None: every team)."""
    unread = AnonymousFeedback.objects.filter(read_on__isnull=True).select_related("team")
    if team_ids is not None:
        unread = unread.filter(team_id__in=team_ids)
    return unread.order_by("given_on", "pk")


# Wellbeing checks -----------------------------------------------------------------------------


def wellbeing_checks_for(*, young_person: YoungPerson) -> QuerySet[WellbeingCheck]:
    """Newest first."""
    return WellbeingCheck.objects.filter(young_person=young_person)


def recent_wellbeing_checks_for(
    *, young_person: YoungPerson, today: datetime.date
) -> QuerySet[WellbeingCheck]:
    """Wellbeing checks recent enough for an audit to use (the same policy as feedback)."""
    days = QualityPolicy.current().feedback_recent_days
    return wellbeing_checks_for(young_person=young_person).filter(
        given_on__gte=today - datetime.timedelta(days=days)
    )


def wellbeing_next_allowed_on(
    *, young_person: YoungPerson, today: datetime.date
) -> datetime.date | None:
    """The first day they may fill in another wellbeing check, or None if they never have.
    A date on or before today means now."""
    last = (
        WellbeingCheck.objects.filter(young_person=young_person)
        .order_by("-given_on")
        .values_list("given_on", flat=True)
        .first()
    )
    if last is None:
        return None
    return last + datetime.timedelta(days=QualityPolicy.current().wellbeing_interval_days)


# You said, we did -----------------------------------------------------------------------------


def you_said_published() -> QuerySet[YouSaidWeDid]:
    """What young people see on their "Your say" page, newest first."""
    return YouSaidWeDid.objects.filter(status=YouSaidStatus.PUBLISHED).order_by("-done_on", "-pk")


def you_said_all() -> QuerySet[YouSaidWeDid]:
    """Every one, for managers, newest first."""
    return YouSaidWeDid.objects.select_related("created_by").order_by("-done_on", "-pk")


def you_said_for(*, pk: int) -> YouSaidWeDid:
    return get_object_or_404(YouSaidWeDid, pk=pk)


# Case audits ----------------------------------------------------------------------------------


def _completed() -> QuerySet[CaseAudit]:
    return CaseAudit.objects.live().filter(status=AuditStatus.COMPLETED)


def audits_visible_to(*, user: Any) -> QuerySet[CaseAudit]:
    """The audits a user may read: audit readers (rules.reads_audits) see the audits of the
    young people they can see; everyone else sees none."""
    if not reads_audits(user):
        return CaseAudit.objects.none()
    return CaseAudit.objects.live().filter(
        young_person__in=young_people_visible_to(user=user).values("pk")
    )


@dataclass(frozen=True)
class AuditFilters:
    status: str = ""  # "in_progress", "completed", "to_moderate", "moderated" or ""
    team_id: int | None = None
    theme: str = ""  # an AuditTheme key
    start: datetime.date | None = None  # completed on or after
    end: datetime.date | None = None  # completed on or before
    grade: str = ""  # final grade
    auditor_id: int | None = None
    young_person_id: int | None = None


def audit_list_visible_to(
    *, user: Any, filters: AuditFilters | None = None
) -> QuerySet[CaseAudit]:
    """Audits the user may read, newest first, filtered; one query for a page of them."""
    filters = filters or AuditFilters()
    audits = audits_visible_to(user=user)
    if filters.status in AuditStatus.values:
        audits = audits.filter(status=filters.status)
    elif filters.status == "to_moderate":
        audits = audits.filter(status=AuditStatus.COMPLETED, moderation__isnull=True)
    elif filters.status == "moderated":
        audits = audits.filter(moderation__isnull=False)
    # Each of the other filters, when given, narrows the list by one field.
    lookups = {
        "team_id": filters.team_id,
        "themes__key": filters.theme,
        "completed_on__gte": filters.start,
        "completed_on__lte": filters.end,
        "final_grade": filters.grade,
        "auditor_id": filters.auditor_id,
        "young_person_id": filters.young_person_id,
    }
    audits = audits.filter(**{lookup: value for lookup, value in lookups.items() if value})
    return audits.select_related(
        "young_person", "team", "worker", "auditor", "moderation"
    ).order_by("-completed_on", "-started_on", "-pk")


def audit_for(*, pk: int) -> CaseAudit:
    """A live audit with the people it names; Http404 if there is none. No permission check:
    views check `quality.view_audit` next."""
    return get_object_or_404(
        CaseAudit.objects.live().select_related(
            "young_person__team",
            "team",
            "worker",
            "manager",
            "auditor",
            "feedback__created_by",
            "wellbeing_check",
            "moderation__moderator",
        ),
        pk=pk,
    )


def answers_by_area(*, audit: CaseAudit) -> dict[str, list[AuditAnswer]]:
    """The audit's answers grouped by judgement area, in question order (one query)."""
    grouped: dict[str, list[AuditAnswer]] = {}
    for answer in audit.answers.order_by("display_order", "pk"):
        grouped.setdefault(answer.area, []).append(answer)
    return grouped


def area_grades_for(*, audit: CaseAudit) -> dict[str, AuditAreaGrade]:
    return {grade.area: grade for grade in audit.area_grades.all()}


def actions_for(*, audit: CaseAudit) -> QuerySet[AuditAction]:
    return audit.actions.live().select_related("assignee", "done_by").order_by("due_on", "pk")


def themes_for_choice(*, audit: CaseAudit | None = None) -> QuerySet[AuditTheme]:
    """Themes an auditor can choose: those in use, and any already on the audit."""
    condition = Q(is_active=True)
    if audit is not None:
        condition |= Q(audits=audit)
    return AuditTheme.objects.filter(condition).distinct().order_by("display_order", "label")


def all_themes() -> QuerySet[AuditTheme]:
    return AuditTheme.objects.order_by("display_order", "label")


def active_question_count() -> int:
    return AuditQuestion.objects.filter(is_active=True).count()


def audits_of(*, young_person: YoungPerson) -> QuerySet[CaseAudit]:
    return (
        CaseAudit.objects.live()
        .filter(young_person=young_person)
        .select_related("auditor", "moderation")
        .order_by("-started_on", "-pk")
    )


# Actions --------------------------------------------------------------------------------------

OPEN = "open"
DONE = "done"
OVERDUE = "overdue"


def actions_visible_to(
    *, user: Any, state: str = OPEN, today: datetime.date, mine: bool = False
) -> QuerySet[AuditAction]:
    """Actions from completed audits that the user may see: their own, and (for audit readers)
    every action on the audits they can read. Always of young people they can see."""
    actions = AuditAction.objects.live().filter(
        audit__status=AuditStatus.COMPLETED,
        audit__archived_at__isnull=True,
        audit__young_person__in=young_people_visible_to(user=user).values("pk"),
    )
    if mine or not reads_audits(user):
        actions = actions.filter(assignee=user)
    if state == OPEN:
        actions = actions.filter(done_on__isnull=True)
    elif state == OVERDUE:
        actions = actions.filter(done_on__isnull=True, due_on__lt=today)
    elif state == DONE:
        actions = actions.filter(done_on__isnull=False)
    return actions.select_related("audit__young_person", "audit__auditor", "assignee").order_by(
        "due_on", "pk"
    )


def action_for(*, pk: int) -> AuditAction:
    return get_object_or_404(
        AuditAction.objects.live().select_related(
            "audit__young_person__team", "audit__auditor", "assignee", "done_by"
        ),
        pk=pk,
    )


# The audit programme: the figures insight calls -------------------------------------------------


def _in_teams(queryset: QuerySet[Any], team_ids: frozenset[int] | None) -> QuerySet[Any]:
    return queryset if team_ids is None else queryset.filter(team_id__in=team_ids)


def audit_completion(*, month: datetime.date, team_ids: frozenset[int] | None) -> tuple[int, int]:
    """(audits completed in `month`'s calendar month, the summed target for that month), for
    the given teams or, with team_ids None, the whole service. An audit counts for the team the
    young person was in when it started. Two queries."""
    first = month_start(month)
    completed = _in_teams(
        _completed().filter(completed_on__gte=first, completed_on__lte=month_end(first)),
        team_ids,
    ).count()
    target = _in_teams(AuditTarget.objects.filter(month=first), team_ids).aggregate(
        total=Coalesce(Sum("target"), 0)
    )["total"]
    return completed, int(target)


def audit_grade_counts(
    *, start: datetime.date, end: datetime.date, team_ids: frozenset[int] | None = None
) -> dict[str, int]:
    """Final grade code -> audits completed between `start` and `end` (inclusive). Every grade
    of Ofsted's scale is a key, best first, with 0 where none. One query."""
    rows = (
        _in_teams(_completed().filter(completed_on__gte=start, completed_on__lte=end), team_ids)
        .values("final_grade")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {row["final_grade"]: row["count"] for row in rows}
    return {code: counts.get(code, 0) for code, _ in GRADES}


def audit_themes(
    *, start: datetime.date, end: datetime.date, team_ids: frozenset[int] | None = None
) -> list[tuple[str, int]]:
    """(theme label, audits completed between `start` and `end` that recorded it), most
    frequent first (then by label); themes no audit recorded are left out. One query."""
    return [
        (label, count)
        for _, label, count in audit_theme_rows(start=start, end=end, team_ids=team_ids)
    ]


def audit_theme_rows(
    *, start: datetime.date, end: datetime.date, team_ids: frozenset[int] | None = None
) -> list[tuple[str, str, int]]:
    """As `audit_themes`, with each theme's key first (for links to the audits behind it)."""
    audits = _in_teams(
        _completed().filter(completed_on__gte=start, completed_on__lte=end), team_ids
    )
    rows = (
        AuditTheme.objects.filter(audits__in=audits.values("pk"))
        .values("key", "label")
        .annotate(count=Count("audits"))
        .order_by("-count", "label")
    )
    return [(row["key"], row["label"], row["count"]) for row in rows]


@dataclass(frozen=True)
class Completion:
    label: str
    completed: int
    target: int
    team_id: int | None = None
    month: datetime.date | None = None


def completion_by_team(*, month: datetime.date) -> list[Completion]:
    """Every team's completed audits and target for a month, by team name. One query."""
    first = month_start(month)
    completed = (
        _completed()
        .filter(team=OuterRef("pk"), completed_on__gte=first, completed_on__lte=month_end(first))
        .order_by()
        .values("team")
        .annotate(count=Count("pk"))
        .values("count")
    )
    target = AuditTarget.objects.filter(team=OuterRef("pk"), month=first).values("target")[:1]
    teams = Team.objects.annotate(
        completed=Coalesce(Subquery(completed), 0), target=Coalesce(Subquery(target), 0)
    ).order_by("name")
    return [
        Completion(label=team.name, completed=team.completed, target=team.target, team_id=team.pk)
        for team in teams
    ]


def completion_by_month(
    *, months: Sequence[datetime.date], team_ids: frozenset[int] | None = None
) -> list[Completion]:
    """Completed audits and targets for each month given (first days), oldest first. Two
    queries whatever the number of months."""
    firsts = [month_start(month) for month in months]
    if not firsts:
        return []
    start, end = min(firsts), month_end(max(firsts))
    completed_rows = (
        _in_teams(_completed().filter(completed_on__gte=start, completed_on__lte=end), team_ids)
        .annotate(month=TruncMonth("completed_on"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    completed = {_as_date(row["month"]): row["count"] for row in completed_rows}
    target_rows = (
        _in_teams(AuditTarget.objects.filter(month__in=firsts), team_ids)
        .values("month")
        .annotate(total=Sum("target"))
        .order_by()
    )
    targets = {row["month"]: int(row["total"] or 0) for row in target_rows}
    return [
        Completion(
            label=f"{first:%B %Y}",
            completed=completed.get(first, 0),
            target=targets.get(first, 0),
            month=first,
        )
        for first in sorted(firsts)
    ]


def targets_for(*, month: datetime.date, teams: Sequence[Team]) -> dict[int, int]:
    """Team id -> its audit target for the month, for the teams given that have one."""
    rows = AuditTarget.objects.filter(month=month_start(month), team__in=list(teams))
    return dict(rows.values_list("team_id", "target"))


def _as_date(value: Any) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


# Management oversight -------------------------------------------------------------------------


def oversight_for(*, young_person: YoungPerson) -> QuerySet[OversightEntry]:
    return (
        OversightEntry.objects.live()
        .filter(young_person=young_person)
        .select_related("manager", "reviewed_by")
        .order_by("-recorded_on", "-pk")
    )


def entry_for(*, young_person: YoungPerson, pk: int) -> OversightEntry:
    return get_object_or_404(
        OversightEntry.objects.live().select_related("young_person__team", "manager"),
        young_person=young_person,
        pk=pk,
    )


def _recent_oversight(since: datetime.date) -> QuerySet[OversightEntry]:
    return OversightEntry.objects.live().filter(
        young_person=OuterRef("pk"), recorded_on__gte=since
    )


def _last_oversight() -> Subquery:
    return Subquery(
        OversightEntry.objects.live()
        .filter(young_person=OuterRef("pk"))
        .order_by("-recorded_on")
        .values("recorded_on")[:1]
    )


def oversight_counts(
    *,
    on: datetime.date,
    months: int | None = None,
    team_ids: frozenset[int] | None = None,
) -> dict[int | None, tuple[int, int]]:
    """For each team (None for young people in no team): (young people with management
    oversight recorded in the `months` months up to `on`, young people). Over every live young
    person in the given teams, or the whole service when team_ids is None; months defaults to
    the local policy (QualityPolicy.oversight_months). Teams with no young people are left out.
    One query (two when the policy is read).

    A dashboard wanting the service figure sums the values; a rate is with / all.
    """
    months = months if months is not None else QualityPolicy.current().oversight_months
    since = oversight_since(on, months)
    young_people = YoungPerson.objects.live()
    if team_ids is not None:
        young_people = young_people.filter(team_id__in=team_ids)
    rows = (
        young_people.annotate(has_recent=Exists(_recent_oversight(since)))
        .values("team_id")
        .annotate(cases=Count("pk"), with_oversight=Count("pk", filter=Q(has_recent=True)))
        .order_by()
    )
    return {row["team_id"]: (row["with_oversight"], row["cases"]) for row in rows}


@dataclass(frozen=True)
class TeamOversight:
    team_id: int | None
    team_name: str
    cases: int
    with_oversight: int

    @property
    def without_oversight(self) -> int:
        return self.cases - self.with_oversight


def oversight_by_team_visible_to(
    *, user: Any, on: datetime.date, months: int, team_id: int | None = None
) -> list[TeamOversight]:
    """For each team whose young people the user can see: how many have had oversight in the
    last `months` months. In the order of the teams' names as the database sorts them (as
    `without_oversight_visible_to` does), young people in no team last. Two queries.

    Grouped by the team's id alone, then named from a second, small query: grouping by the
    name as well made PostgreSQL sort every young person (to disk) before counting."""
    since = oversight_since(on, months)
    young_people = young_people_visible_to(user=user)
    if team_id:
        young_people = young_people.filter(team_id=team_id)
    # `IN` a list PostgreSQL hashes once: EXISTS for each young person was costed so high
    # (100,000 index probes) that PostgreSQL spent half a second compiling the query (JIT).
    recent = OversightEntry.objects.live().filter(recorded_on__gte=since).values("young_person_id")
    rows = (
        young_people.values("team_id")
        .annotate(cases=Count("pk"), with_oversight=Count("pk", filter=Q(pk__in=recent)))
        .order_by()
    )
    counts = {row["team_id"]: (row["cases"], row["with_oversight"]) for row in rows}
    names = Team.objects.filter(pk__in=[pk for pk in counts if pk is not None]).order_by("name")
    ordered = [*names.values_list("pk", "name"), *([(None, "No team")] if None in counts else [])]
    return [
        TeamOversight(
            team_id=pk,
            team_name=name,
            cases=counts[pk][0],
            with_oversight=counts[pk][1],
        )
        for pk, name in ordered
    ]


def without_oversight_visible_to(
    *, user: Any, on: datetime.date, months: int, team_id: int | None = None
) -> QuerySet[YoungPerson]:
    """Young people the user can see with no management oversight in the last `months` months,
    longest without first, with `last_oversight_on` and `worker_name`. One query a page."""
    since = oversight_since(on, months)
    young_people = young_people_visible_to(user=user)
    if team_id:
        young_people = young_people.filter(team_id=team_id)
    worker_names = (
        Allocation.objects.filter(young_person=OuterRef("pk"), end__isnull=True)
        .order_by("role")
        .annotate(
            name=Concat(
                "worker__first_name", Value(" "), "worker__last_name", output_field=CharField()
            )
        )
        .values("name")[:1]
    )
    return (
        young_people.exclude(Exists(_recent_oversight(since)))
        .annotate(last_oversight_on=_last_oversight(), worker_name=Subquery(worker_names))
        .select_related("team")
        .order_by(
            F("team__name").asc(nulls_last=True),
            F("last_oversight_on").asc(nulls_first=True),
            "last_name",
            "first_name",
            "pk",
        )
    )


def oversight_due_reviews(
    *, manager_ids: QuerySet[Any], visible: QuerySet[YoungPerson], until: datetime.date
) -> QuerySet[OversightEntry]:
    """Unreviewed oversight by these managers with a review date on or before `until`."""
    return (
        OversightEntry.objects.live()
        .filter(
            manager_id__in=manager_ids,
            reviewed_on__isnull=True,
            review_by__isnull=False,
            review_by__lte=until,
            young_person__in=visible.values("pk"),
        )
        .select_related("young_person", "manager")
        .order_by("review_by", "pk")
    )
