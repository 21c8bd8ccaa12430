"""Reads for referrals, waits, transition plans and health.

Every list of young people (or of their referrals) goes through `young_people_visible_to`, and
costs a fixed number of queries however long it is. Wait figures come from the pure functions
in transitions/waits.py, fed with plain values read here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import (
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
from django.db.models.functions import Coalesce, Trim
from django.shortcuts import get_object_or_404

from careleavers.core.dates import age_on, latest_birth_date_reaching, months_up_to
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to
from careleavers.transitions import wait_figures, waits
from careleavers.transitions.models import (
    ChaseKind,
    HealthProfile,
    Milestone,
    Outcome,
    Referral,
    ReferralChase,
    Service,
    TransitionPlan,
)
from careleavers.transitions.needs import (
    LEAVING_CARE_SUPPORT_ENDS_AGE,
    TRANSITION_PLANNING_FROM_AGE,
)

MONTHS_SHOWN = 12


# Services ------------------------------------------------------------------------------------


def services_taking_referrals() -> QuerySet[Service]:
    return Service.objects.filter(is_active=True)


def all_services() -> QuerySet[Service]:
    return Service.objects.all()


# One young person ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralWait:
    """A referral with its wait worked out for today."""

    referral: Referral
    wait: int
    due_on: datetime.date
    over_target: bool

    @property
    def is_open(self) -> bool:
        return self.referral.is_open

    @property
    def days_over(self) -> int:
        return max(0, self.wait - self.referral.service.target_wait_days)


def with_wait(referral: Referral, *, today: datetime.date) -> ReferralWait:
    target = referral.service.target_wait_days
    wait = waits.wait_days(
        referred_on=referral.referred_on, ended_on=referral.ended_on, today=today
    )
    return ReferralWait(
        referral=referral,
        wait=wait,
        due_on=waits.decision_due_on(referred_on=referral.referred_on, target_days=target),
        over_target=waits.is_over_target(wait=wait, target_days=target),
    )


def referrals_for(*, young_person: YoungPerson, today: datetime.date) -> list[ReferralWait]:
    """The young person's referrals, open ones first, newest first; one query."""
    referrals = (
        Referral.objects.live()
        .filter(young_person=young_person)
        .select_related("service")
        .annotate(
            chase_count=Count("chases", filter=Q(chases__kind=ChaseKind.CHASE)),
            escalation_count=Count("chases", filter=Q(chases__kind=ChaseKind.ESCALATION)),
        )
        .order_by("-referred_on", "-pk")
    )
    rows = [with_wait(referral, today=today) for referral in referrals]
    return sorted(rows, key=lambda row: not row.is_open)


def referral_for(*, young_person: YoungPerson, pk: int) -> Referral:
    """One of the young person's referrals; Http404 for anyone else's."""
    return get_object_or_404(
        Referral.objects.live().select_related("service", "referred_by", "young_person"),
        pk=pk,
        young_person=young_person,
    )


def chases_for(*, referral: Referral) -> QuerySet[ReferralChase]:
    return (
        ReferralChase.objects.filter(referral=referral).select_related("by").order_by("on", "pk")
    )


def health_profile_for(*, young_person: YoungPerson) -> HealthProfile | None:
    return HealthProfile.objects.filter(young_person=young_person).first()


def transition_plan_for(*, young_person: YoungPerson) -> TransitionPlan | None:
    return (
        TransitionPlan.objects.filter(young_person=young_person)
        .prefetch_related(
            Prefetch("adult_services", queryset=Service.objects.order_by("display_order")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
        )
        .first()
    )


def milestone_for(*, plan: TransitionPlan, pk: int) -> Milestone:
    return get_object_or_404(Milestone, pk=pk, plan=plan)


# The managers' view --------------------------------------------------------------------------


def _visible_referrals(*, user: Any) -> QuerySet[Referral]:
    return Referral.objects.live().filter(young_person__in=young_people_visible_to(user=user))


def _open(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return referrals.filter(decided_on__isnull=True, withdrawn_on__isnull=True)


def waiting_list_visible_to(
    *, user: Any, service_id: int | None = None, age_group: str = ""
) -> QuerySet[Referral]:
    """Everyone still waiting whom the user can see, longest wait first (the earliest
    referred), for a paginator: the database counts them all and reads the page shown, with
    each referral's service and young person, when it was last chased and how often escalated
    (a query to count and one for the page, whatever their number)."""
    referrals = _open(_visible_referrals(user=user))
    if service_id:
        referrals = referrals.filter(service_id=service_id)
    chases = ReferralChase.objects.filter(referral=OuterRef("pk")).order_by()
    escalations = (
        chases.filter(kind=ChaseKind.ESCALATION).values("referral").annotate(n=Count("pk"))
    )
    return (
        wait_figures.in_age_group(referrals, age_group)
        .select_related("service", "young_person")
        .annotate(
            last_chased_on=Subquery(chases.order_by("-on").values("on")[:1]),
            escalation_count=Coalesce(
                Subquery(escalations.values("n"), output_field=IntegerField()), Value(0)
            ),
        )
        .order_by("referred_on", "pk")
    )


@dataclass(frozen=True)
class WaitingRow:
    """A line of the waiting list as the page shows it: the referral, with how long it has
    waited and how old the young person was when referred."""

    referral: Referral
    wait: int
    target_days: int
    over_target: bool
    age_when_referred: int


def waiting_rows(referrals: Iterable[Referral], *, today: datetime.date) -> list[WaitingRow]:
    """The page of the waiting list shown, with each wait worked out for today (no queries:
    `waiting_list_visible_to` reads what they need)."""
    rows = []
    for referral in referrals:
        row = with_wait(referral, today=today)
        rows.append(
            WaitingRow(
                referral=referral,
                wait=row.wait,
                target_days=referral.service.target_wait_days,
                over_target=row.over_target,
                age_when_referred=age_on(
                    referral.young_person.date_of_birth, referral.referred_on
                ),
            )
        )
    return rows


@dataclass(frozen=True)
class ServiceWaitingRow:
    service: Service
    figures: waits.ServiceWaiting


def waiting_by_service_visible_to(
    *, user: Any, today: datetime.date, service_id: int | None = None, age_group: str = ""
) -> list[ServiceWaitingRow]:
    """Per service: how many are waiting, how many beyond target, median and longest wait
    (two queries: the services, and the figures)."""
    services = list(all_services())
    if service_id:
        services = [service for service in services if service.pk == service_id]
    referrals = _open(_visible_referrals(user=user))
    if service_id:
        referrals = referrals.filter(service_id=service_id)
    figures = wait_figures.waiting_by_service(
        wait_figures.in_age_group(referrals, age_group),
        targets={service.pk: service.target_wait_days for service in services},
        today=today,
    )
    # Inactive services with nobody waiting are left out: they no longer take referrals.
    by_pk = {service.pk: service for service in services}
    return [
        ServiceWaitingRow(service=by_pk[row.service], figures=row)
        for row in figures
        if row.service in by_pk and (by_pk[row.service].is_active or row.waiting)
    ]


def monthly_waits_visible_to(
    *,
    user: Any,
    today: datetime.date,
    months: int = MONTHS_SHOWN,
    service_id: int | None = None,
    age_group: str = "",
) -> list[waits.MonthWaits]:
    """Median and 90th percentile waits, completed and still waiting, for each of the last
    `months` months; one query."""
    shown = months_up_to(today, months)
    start = shown[0]
    referrals = (
        _visible_referrals(user=user)
        .filter(referred_on__lte=today)
        .filter(
            Q(decided_on__isnull=True, withdrawn_on__isnull=True)
            | Q(decided_on__gte=start)
            | Q(withdrawn_on__gte=start)
        )
    )
    if service_id:
        referrals = referrals.filter(service_id=service_id)
    referrals = wait_figures.in_age_group(referrals, age_group)
    return wait_figures.monthly_waits(referrals, months=shown, today=today)


def young_people_with_complex_needs(queryset: QuerySet[Any], prefix: str = "") -> QuerySet[Any]:
    """The database form of `needs.has_complex_needs`, for a queryset of young people (or of
    rows related to one through `prefix`, such as "young_person__")."""
    return queryset.alias(
        learning_needs_trimmed=Trim(f"{prefix}learning_needs"),
        disability_trimmed=Trim(f"{prefix}disability"),
    ).filter(
        Q(**{f"{prefix}has_ehc_plan": True})
        | ~Q(learning_needs_trimmed="")
        | ~Q(disability_trimmed="")
        | Q(**{f"{prefix}health_profile__mental_health_needs": True})
    )


def complex_needs_not_met_visible_to(*, user: Any) -> QuerySet[Referral]:
    """Referrals whose threshold was not met, for young people with complex needs whom the
    user can see, most recent decision first. The needs are checked on each referral's young
    person, not by listing everyone with complex needs first (which read every young person
    and health record: about 250 ms at 100,000 young people)."""
    referrals = Referral.objects.live().filter(
        outcome=Outcome.THRESHOLD_NOT_MET, young_person__in=young_people_visible_to(user=user)
    )
    return (
        young_people_with_complex_needs(referrals, prefix="young_person__")
        .select_related("service", "young_person", "young_person__health_profile")
        .order_by("-decided_on", "-pk")
    )


def transition_planning_visible_to(*, user: Any, today: datetime.date) -> QuerySet[YoungPerson]:
    """Young people aged 16 to 24 with an EHC plan or learning needs (who need transition
    planning), those without a plan first, for a paginator: the database counts and orders
    them by the few columns that decide the order, and `planning_rows` reads the page shown.
    (Sorting every whole record with its plan and milestones took about 400 ms at 100,000.)"""
    reached_16 = latest_birth_date_reaching(TRANSITION_PLANNING_FROM_AGE, today)
    reached_25 = latest_birth_date_reaching(LEAVING_CARE_SUPPORT_ENDS_AGE, today)
    return (
        young_people_visible_to(user=user)
        .alias(learning_needs_trimmed=Trim("learning_needs"))
        .filter(Q(has_ehc_plan=True) | ~Q(learning_needs_trimmed=""))
        .filter(date_of_birth__lte=reached_16, date_of_birth__gt=reached_25)
        .alias(has_plan=Exists(TransitionPlan.objects.filter(young_person=OuterRef("pk"))))
        .order_by("has_plan", "date_of_birth", "pk")
    )


def planning_rows(pks: Sequence[int], *, today: datetime.date) -> list[YoungPerson]:
    """The young people of a page of the planning list, in its order, with their team, their
    plan's dates and how many of its milestones are overdue (one query). Anyone archived
    between the two reads is left out."""
    overdue = (
        Milestone.objects.filter(
            plan__young_person=OuterRef("pk"), done_on__isnull=True, due_on__lt=today
        )
        .order_by()
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    people = (
        YoungPerson.objects.live()
        .annotate(
            plan_started_on=F("transition_plan__started_on"),
            plan_next_review_on=F("transition_plan__next_review_on"),
            overdue_milestones=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)),
        )
        .select_related("team")
        .in_bulk(list(pks))
    )
    return [people[pk] for pk in pks if pk in people]
