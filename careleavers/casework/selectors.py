"""Casework reads. Every list of young people starts from `young_people_visible_to`, and every
list costs a fixed number of queries whatever its length: per-row facts come from annotations
(subqueries), never from a query per row."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.contact_due import contact_due_inputs_for
from careleavers.casework.models import (
    Alert,
    Allocation,
    Appointment,
    CaseNote,
    Contact,
    ContactAmendment,
    DutyLogEntry,
    KeepingInTouch,
    PlannedHandover,
    WorkerRole,
)
from careleavers.casework.rules import managed_team_ids
from careleavers.core.dates import add_months
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

# Allocation ----------------------------------------------------------------------------------


def worker_changes_cutoff(today: datetime.date) -> datetime.date:
    """Changes that started after this day are "in the last 12 months"."""
    return add_months(today, -12)


def current_allocations(*, young_person: YoungPerson) -> dict[str, Allocation]:
    """The current personal adviser and social worker, keyed by role ("pa", "sw")."""
    allocations = Allocation.objects.filter(
        young_person=young_person, end__isnull=True
    ).select_related("worker", "worker__team")
    return {allocation.role: allocation for allocation in allocations}


def allocated_young_person_ids(worker: Any) -> QuerySet[Any]:
    """The young people `worker` is allocated to now, restricted records left out, as a
    subquery (the people app's visibility rule, people/allocations.py)."""
    return (
        Allocation.objects.filter(
            worker=worker, end__isnull=True, young_person__is_restricted=False
        )
        .order_by()
        .values("young_person_id")
    )


def allocated_workers(young_person: YoungPerson) -> list[Any]:
    """The workers allocated to `young_person` now (people/allocations.py)."""
    return [
        allocation.worker
        for allocation in Allocation.objects.filter(
            young_person=young_person, end__isnull=True
        ).select_related("worker")
    ]


def allocation_history(*, young_person: YoungPerson) -> QuerySet[Allocation]:
    return Allocation.objects.filter(young_person=young_person).select_related(
        "worker", "created_by"
    )


def worker_change_count(*, young_person: YoungPerson, today: datetime.date) -> int:
    return Allocation.objects.filter(
        young_person=young_person, is_change=True, start__gt=worker_changes_cutoff(today)
    ).count()


def allocatable_workers(*, role: str) -> QuerySet[User]:
    """Active staff who can take the role, with their current caseload size, by team."""
    needed = Role.PERSONAL_ADVISER if role == WorkerRole.PERSONAL_ADVISER else Role.SOCIAL_WORKER
    return (
        User.objects.filter(is_active=True, groups__name=needed)
        .select_related("team")
        .annotate(
            caseload_size=Count(
                "allocations", filter=Q(allocations__end__isnull=True), distinct=True
            )
        )
        .order_by("team__name", "last_name", "first_name")
    )


def contact_workers() -> QuerySet[User]:
    """Staff who can have made a contact with a young person."""
    roles = (
        Role.PERSONAL_ADVISER,
        Role.SOCIAL_WORKER,
        Role.TEAM_MANAGER,
        Role.HEAD_OF_SERVICE,
        Role.DUTY_WORKER,
    )
    return (
        User.objects.filter(is_active=True)
        .filter(
            Exists(
                User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name__in=roles)
            )
        )
        .order_by("last_name", "first_name")
    )


# Caseloads -----------------------------------------------------------------------------------

NEXT_REVIEW = frozenset({"next_review_due"})


def _worker_column(role: WorkerRole, column: str) -> Subquery:
    current = Allocation.objects.filter(
        young_person=OuterRef("pk"), role=role, end__isnull=True
    ).order_by()
    if column == "name":
        current = current.annotate(
            worker_name=Concat(
                "worker__first_name", Value(" "), "worker__last_name", output_field=CharField()
            )
        )
        return Subquery(current.values("worker_name")[:1])
    return Subquery(current.values("worker_id")[:1])


def with_caseload_columns(
    young_people: QuerySet[YoungPerson], *, today: datetime.date
) -> QuerySet[YoungPerson]:
    """Add what caseload lists show on each row: the current PA and social worker, worker
    changes in the last 12 months, in the same query. The next pathway plan review is worked
    out in Python by the plans app, so a page of rows gets it from `with_review_dues`."""
    changes = (
        Allocation.objects.filter(
            young_person=OuterRef("pk"), is_change=True, start__gt=worker_changes_cutoff(today)
        )
        .order_by()
        .values("young_person")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return young_people.annotate(
        pa_id=_worker_column(WorkerRole.PERSONAL_ADVISER, "id"),
        pa_name=_worker_column(WorkerRole.PERSONAL_ADVISER, "name"),
        sw_id=_worker_column(WorkerRole.SOCIAL_WORKER, "id"),
        sw_name=_worker_column(WorkerRole.SOCIAL_WORKER, "name"),
        worker_changes=Coalesce(Subquery(changes, output_field=IntegerField()), 0),
    )


def with_review_dues(
    young_people: Iterable[YoungPerson], *, today: datetime.date
) -> list[YoungPerson]:
    """The rows with `review_due` set: the next pathway plan review (Care Leavers (England)
    Regs 2010 reg 7), or None where there is none (no authorised plan yet, or an adviser
    declined). The plans app supplies it through the contact standard's inputs, for the whole
    page at once, so a page costs the same number of queries whatever its length."""
    rows = list(young_people)
    inputs = contact_due_inputs_for(
        young_person_ids=[row.pk for row in rows], today=today, only=NEXT_REVIEW
    )
    for row in rows:
        row.review_due = inputs.get(row.pk, {}).get("next_review_due")  # type: ignore[attr-defined]
    return rows


def caseload_for_worker(*, user: Any, worker: Any, today: datetime.date) -> QuerySet[YoungPerson]:
    """The young people allocated to a worker now, as the viewing user may see them."""
    allocated = Allocation.objects.filter(
        young_person=OuterRef("pk"), worker=worker, end__isnull=True
    )
    young_people = young_people_visible_to(user=user).filter(Exists(allocated))
    return with_caseload_columns(young_people, today=today).order_by(
        F("next_contact_due").asc(nulls_last=True), "last_name", "first_name"
    )


def caseload_for_team(
    *,
    user: Any,
    team: Team,
    today: datetime.date,
    only_overdue: bool = False,
    only_without_pa: bool = False,
) -> QuerySet[YoungPerson]:
    young_people = young_people_visible_to(user=user).filter(team=team)
    if only_overdue:
        young_people = young_people.filter(next_contact_due__lt=today)
    if only_without_pa:
        young_people = young_people.exclude(
            Exists(
                Allocation.objects.filter(
                    young_person=OuterRef("pk"),
                    role=WorkerRole.PERSONAL_ADVISER,
                    end__isnull=True,
                )
            )
        )
    return with_caseload_columns(young_people, today=today).order_by(
        F("next_contact_due").asc(nulls_last=True), "last_name", "first_name"
    )


def _has_role(*roles: str) -> Exists:
    return Exists(
        User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name__in=roles)
    )


def team_workers(*, team: Team, today: datetime.date) -> QuerySet[User]:
    """The team's personal advisers and social workers with the size of their caseloads.

    Sizes count every current allocation, including restricted records the manager cannot
    open: the number is the worker's real workload and names nobody.
    """
    current = Q(allocations__end__isnull=True)
    return (
        User.objects.filter(team=team, is_active=True)
        .filter(_has_role(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER))
        .annotate(
            caseload_size=Count("allocations", filter=current),
            overdue_count=Count(
                "allocations",
                filter=current & Q(allocations__young_person__next_contact_due__lt=today),
            ),
            is_personal_adviser=_has_role(Role.PERSONAL_ADVISER),
        )
        .order_by("last_name", "first_name")
    )


def teams_overseen_by(*, user: Any) -> QuerySet[Team]:
    if user.has_role(Role.HEAD_OF_SERVICE):
        return Team.objects.all()
    return Team.objects.filter(pk__in=managed_team_ids(user))


@dataclass(frozen=True)
class TeamSummary:
    team: Team
    young_people_count: int
    overdue_count: int
    without_pa_count: int
    worker_changes: int

    @property
    def pk(self) -> int:
        return self.team.pk

    @property
    def name(self) -> str:
        return self.team.name


def team_summaries(*, user: Any, today: datetime.date) -> list[TeamSummary]:
    """For managers: each team they oversee with its size, overdue contacts, young people
    without a personal adviser, and worker changes in the last 12 months. Two queries grouped
    by team, whatever the number of teams (a head of service oversees hundreds)."""
    # Only the name and link are shown: no manager, no other columns.
    teams = list(teams_overseen_by(user=user).only("pk", "name").order_by("name"))
    team_ids = [team.pk for team in teams]
    sizes = _live_and_overdue_by_team(team_ids=team_ids, today=today)
    allocations = _current_advisers_and_changes_by_team(team_ids=team_ids, today=today)
    summaries = []
    for team in teams:
        size, overdue = sizes.get(team.pk, (0, 0))
        with_pa, changes = allocations.get(team.pk, (0, 0))
        summaries.append(TeamSummary(team, size, overdue, size - with_pa, worker_changes=changes))
    return summaries


def _live_and_overdue_by_team(
    *, team_ids: list[int], today: datetime.date
) -> dict[int, tuple[int, int]]:
    """Each team's live young people and those whose next contact was due before today: one
    pass over the young people alone (no join, so the cheapest scan there is)."""
    return {
        team: (size, overdue)
        for team, size, overdue in YoungPerson.objects.live()
        .filter(team__in=team_ids)
        .order_by()
        .values("team")
        .annotate(size=Count("pk"), overdue=Count("pk", filter=Q(next_contact_due__lt=today)))
        .values_list("team", "size", "overdue")
    }


def _current_advisers_and_changes_by_team(
    *, team_ids: list[int], today: datetime.date
) -> dict[int, tuple[int, int]]:
    """Each team's live young people with a current personal adviser, and its changes of
    worker in the last 12 months: one join of the allocations that are either, instead of a
    NOT EXISTS probe for each of 100,000 young people plus a second join for the changes.
    A young person has at most one current personal adviser (the one_current_worker_per_role
    constraint), so counting those allocations counts young people."""
    current_pa = Q(role=WorkerRole.PERSONAL_ADVISER, end__isnull=True)
    recent_change = Q(is_change=True, start__gt=worker_changes_cutoff(today))
    return {
        team: (with_pa, changes)
        for team, with_pa, changes in Allocation.objects.filter(
            current_pa | recent_change,
            young_person__team__in=team_ids,
            young_person__archived_at__isnull=True,
        )
        .order_by()
        .values("young_person__team")
        .annotate(
            with_pa=Count("pk", filter=current_pa), changes=Count("pk", filter=recent_change)
        )
        .values_list("young_person__team", "with_pa", "changes")
    }


# Finding a young person ----------------------------------------------------------------------


def young_people_matching(*, user: Any, query: str, limit: int = 20) -> list[YoungPerson]:
    """Young people this user can see whose name, preferred name or child ID matches."""
    query = " ".join(query.split())
    if not query:
        return []
    matches = Q(child_id__iexact=query)
    words = query.split(" ")
    name_match = Q()
    for word in words:
        name_match &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return list(
        young_people_visible_to(user=user)
        .filter(matches | name_match)
        .only("pk", "child_id", "first_name", "last_name", "preferred_name", "date_of_birth")
        .order_by("last_name", "first_name")[:limit]
    )


def young_person_by_child_id(*, user: Any, child_id: str) -> YoungPerson | None:
    return young_people_visible_to(user=user).filter(child_id__iexact=child_id.strip()).first()


# Contacts, case notes, alerts, duty ----------------------------------------------------------


def contacts_for(*, young_person: YoungPerson) -> QuerySet[Contact]:
    return (
        Contact.objects.filter(young_person=young_person)
        .select_related("worker", "created_by")
        .prefetch_related(
            Prefetch(
                "amendments",
                queryset=ContactAmendment.objects.select_related("created_by").order_by(
                    "created_at", "pk"
                ),
            )
        )
    )


def keeping_in_touch_for(*, young_person: YoungPerson) -> QuerySet[KeepingInTouch]:
    """Their refusals of contact and "no longer needs support", newest first."""
    return KeepingInTouch.objects.filter(young_person=young_person)


def contacts_for_all() -> QuerySet[Contact]:
    return Contact.objects.select_related("worker", "created_by", "young_person").prefetch_related(
        Prefetch(
            "amendments",
            queryset=ContactAmendment.objects.select_related("created_by").order_by(
                "created_at", "pk"
            ),
        )
    )


def contact_original_values(
    *, contact: Contact, amendments: Iterable[ContactAmendment]
) -> dict[str, Any]:
    """The contact as first recorded, rebuilt from the amendments' old values (as stored in
    ContactAmendment.changes: datetimes as ISO text and the worker as an id)."""
    from careleavers.casework.services import CONTACT_FIELDS, _json_value

    values = {name: _json_value(getattr(contact, name)) for name in CONTACT_FIELDS}
    for amendment in sorted(amendments, key=lambda a: (a.created_at, a.pk), reverse=True):
        for name, (old, _new) in amendment.changes.items():
            values[name] = old
    return values


def case_notes_for(*, young_person: YoungPerson) -> QuerySet[CaseNote]:
    return CaseNote.objects.filter(young_person=young_person).select_related("author")


def alerts_for(*, young_person: YoungPerson, current_only: bool = False) -> QuerySet[Alert]:
    alerts = Alert.objects.live().filter(young_person=young_person).select_related("created_by")
    if current_only:
        alerts = alerts.filter(ended_on__isnull=True)
    return alerts.order_by(F("ended_on").desc(nulls_first=True), "-raised_on", "-pk")


def duty_log_entries(*, user: Any) -> QuerySet[DutyLogEntry]:
    """The duty log, newest first. `young_person_visible` says whether this user may see who
    the entry is about; templates show "a restricted record" otherwise."""
    visible = young_people_visible_to(user=user).filter(pk=OuterRef("young_person_id"))
    return (
        DutyLogEntry.objects.select_related("duty_worker", "passed_to", "young_person")
        .annotate(young_person_visible=Exists(visible))
        .order_by("-occurred_at", "-pk")
    )


def duty_entries_for(*, young_person: YoungPerson) -> QuerySet[DutyLogEntry]:
    return DutyLogEntry.objects.filter(young_person=young_person).select_related(
        "duty_worker", "passed_to"
    )


def upcoming_appointments_for(*, young_person: YoungPerson) -> QuerySet[Appointment]:
    """Booked appointments still to come, soonest first."""
    return Appointment.objects.filter(
        young_person=young_person, starts_at__gte=timezone.now(), cancelled_at__isnull=True
    ).select_related("worker")


def next_appointment_for(*, young_person: YoungPerson) -> Appointment | None:
    return upcoming_appointments_for(young_person=young_person).first()


def planned_handovers_for(*, young_person: YoungPerson) -> QuerySet[PlannedHandover]:
    """Handovers planned for days to come and not yet made or cancelled, soonest first."""
    return PlannedHandover.objects.filter(
        young_person=young_person, allocation__isnull=True, cancelled_at__isnull=True
    ).select_related("to_worker", "introduction", "created_by")
