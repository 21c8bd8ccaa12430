"""Reads for subject access requests and the retention review.

Every list of young people starts from `young_people_visible_to`, and costs a fixed number of
queries however long it is. Retention dates come from the pure functions in retention.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from careleavers.dataprotection import retention
from careleavers.dataprotection.discovery import record_kinds
from careleavers.dataprotection.models import (
    DataProtectionPolicy,
    RetentionDecision,
    SubjectAccessRequest,
)
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

OPEN = "open"
CLOSED = "closed"


# Subject access ------------------------------------------------------------------------------


def subject_access_requests_for(*, user: Any, state: str = OPEN) -> QuerySet[SubjectAccessRequest]:
    """Requests about young people the user can see: open ones by due date, closed ones most
    recent first."""
    found = (
        SubjectAccessRequest.objects.live()
        .filter(young_person__in=young_people_visible_to(user=user))
        .select_related("young_person", "handled_by")
    )
    if state == CLOSED:
        return found.exclude(status__in=SubjectAccessRequest.OPEN_STATUSES).order_by(
            "-received_on", "-pk"
        )
    return found.filter(status__in=SubjectAccessRequest.OPEN_STATUSES).order_by("due_on", "pk")


def subject_access_request(*, pk: int) -> SubjectAccessRequest:
    """A request by id, with its young person; Http404 if there is none. Views check
    permission on the young person next."""
    return get_object_or_404(
        SubjectAccessRequest.objects.live().select_related(
            "young_person", "young_person__team", "handled_by", "file_generated_by"
        ),
        pk=pk,
    )


def young_person_by_child_id(*, user: Any, child_id: str) -> YoungPerson | None:
    """The young person with this council child ID, if the user can see them."""
    child_id = child_id.strip()
    if not child_id:
        return None
    return young_people_visible_to(user=user).filter(child_id__iexact=child_id).first()


def subject_access_due_within(
    *, user: Any, today: datetime.date, days: int
) -> QuerySet[SubjectAccessRequest]:
    """Open requests the user handles that are due within `days` (or overdue)."""
    return subject_access_requests_for(user=user).filter(
        handled_by=user, due_on__lte=today + datetime.timedelta(days=days)
    )


def record_counts_for(*, young_person: YoungPerson) -> list[tuple[str, int]]:
    """How many records of each kind the service holds about the young person (one query per
    kind; for one record's page, never a list)."""
    counts = [(kind.title, kind.rows(young_person.pk).count()) for kind in record_kinds()]
    return [(title, count) for title, count in counts if count]


# Retention -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRow:
    young_person: YoungPerson
    retention_ends_on: datetime.date
    passed: bool
    decision: str  # "", "keep" or "destroy"
    review_again_on: datetime.date | None

    @property
    def needs_decision(self) -> bool:
        return self.decision != RetentionDecision.Decision.KEEP


@dataclass(frozen=True)
class RetentionReport:
    today: datetime.date
    window_months: int
    retention_age: int
    horizon: datetime.date
    born_on_or_before: datetime.date
    young_people: QuerySet[YoungPerson]  # annotated; turn into rows with `rows`
    after_death_years: int
    due: int
    passed: int
    upcoming: int
    kept: int
    restricted_not_shown: int
    archived: int
    passed_to_records_management: int

    @property
    def needing_decision(self) -> int:
        return self.due - self.kept

    def rows(self, young_people: Any) -> list[RetentionRow]:
        return [
            retention_row(
                person,
                today=self.today,
                retention_age=self.retention_age,
                after_death_years=self.after_death_years,
            )
            for person in young_people
        ]


def retention_row(
    person: Any,
    *,
    today: datetime.date,
    retention_age: int,
    after_death_years: int = retention.AFTER_DEATH_YEARS,
) -> RetentionRow:
    ends = retention.retention_ends_on(
        date_of_birth=person.date_of_birth,
        died_on=person.died_on,
        retention_age=retention_age,
        after_death_years=after_death_years,
    )
    review_again_on = getattr(person, "review_again_on", None)
    decision = getattr(person, "latest_decision", None) or ""
    # A keep decision lasts until its review date; then the record needs a new decision.
    if decision == RetentionDecision.Decision.KEEP and (
        review_again_on is None or review_again_on <= today
    ):
        decision = ""
    return RetentionRow(
        young_person=person,
        retention_ends_on=ends,
        passed=ends <= today,
        decision=decision,
        review_again_on=review_again_on,
    )


def retention_review(
    *, user: Any | None, today: datetime.date, window_months: int | None = None
) -> RetentionReport:
    """Young people whose records reach their retention date by the end of the window (or
    already have), oldest first, with the latest decision about each, and the counts."""
    policy = DataProtectionPolicy.current()
    months = policy.review_window_months if window_months is None else window_months
    horizon = retention.review_horizon(today=today, window_months=months)
    born_by = retention.latest_birth_date_due(
        horizon=horizon, retention_age=policy.retention_age_years
    )
    passed_by = retention.latest_birth_date_due(
        horizon=today, retention_age=policy.retention_age_years
    )
    # A child who died before 18: 15 years after the death, which is always before the 75th
    # birthday. Deaths are few, so each is worked out in Python from the pure rule.
    died_due, died_passed = _died_before_18_due(policy=policy, by=(horizon, today))
    latest = RetentionDecision.objects.filter(young_person=OuterRef("pk")).order_by(
        "-decided_at", "-pk"
    )
    # The management command (user None) is the information governance team on the server:
    # it lists every live record, restricted ones included.
    visible = (
        young_people_visible_to(user=user) if user is not None else YoungPerson.objects.live()
    )
    due = (
        visible.filter(Q(date_of_birth__lte=born_by) | Q(pk__in=died_due))
        .annotate(
            latest_decision=Subquery(latest.values("decision")[:1]),
            review_again_on=Subquery(latest.values("review_again_on")[:1]),
        )
        .select_related("team")
        .order_by("date_of_birth", "pk")
    )
    kept = Q(latest_decision=RetentionDecision.Decision.KEEP, review_again_on__gt=today)
    everyone_due = YoungPerson.objects.filter(Q(date_of_birth__lte=born_by) | Q(pk__in=died_due))
    visible_ids = visible.values("pk")
    counts = due.aggregate(
        total=_count(),
        passed=_count(Q(date_of_birth__lte=passed_by) | Q(pk__in=died_passed)),
        kept=_count(kept),
    )
    destroyed = RetentionDecision.objects.filter(
        decision=RetentionDecision.Decision.DESTROY, young_person__archived_at__isnull=False
    ).values("young_person")
    return RetentionReport(
        today=today,
        window_months=months,
        retention_age=policy.retention_age_years,
        horizon=horizon,
        born_on_or_before=born_by,
        young_people=due,
        after_death_years=policy.after_death_years,
        due=counts["total"],
        passed=counts["passed"],
        upcoming=counts["total"] - counts["passed"],
        kept=counts["kept"],
        restricted_not_shown=everyone_due.filter(archived_at__isnull=True)
        .exclude(pk__in=visible_ids)
        .count(),
        archived=everyone_due.filter(archived_at__isnull=False).count(),
        passed_to_records_management=YoungPerson.objects.filter(pk__in=destroyed).count(),
    )


def _died_before_18_due(*, policy: Any, by: tuple[datetime.date, ...]) -> list[list[int]]:
    """For each day in ``by``: the young people who died before 18 and whose records reach
    their retention date by that day (one query)."""
    earliest_death = retention.anniversary(max(by), -policy.after_death_years)
    rows = YoungPerson.objects.filter(died_on__lte=earliest_death).values_list(
        "pk", "date_of_birth", "died_on"
    )
    ends = {
        pk: retention.retention_ends_on(
            date_of_birth=born,
            died_on=died,
            retention_age=policy.retention_age_years,
            after_death_years=policy.after_death_years,
        )
        for pk, born, died in rows
        if died < retention.anniversary(born, retention.DEATH_RULE_BEFORE_AGE)
    }
    return [[pk for pk, end in ends.items() if end <= day] for day in by]


def _count(condition: Q | None = None) -> Any:
    from django.db.models import Count

    return Count("pk", filter=condition) if condition is not None else Count("pk")


def retention_decisions_for(*, young_person: YoungPerson) -> QuerySet[RetentionDecision]:
    return RetentionDecision.objects.filter(young_person=young_person).select_related("decided_by")


def retention_row_for(*, young_person: YoungPerson, today: datetime.date) -> RetentionRow:
    latest = retention_decisions_for(young_person=young_person).first()
    young_person.latest_decision = latest.decision if latest else ""  # type: ignore[attr-defined]
    young_person.review_again_on = latest.review_again_on if latest else None  # type: ignore[attr-defined]
    policy = DataProtectionPolicy.current()
    return retention_row(
        young_person,
        today=today,
        retention_age=policy.retention_age_years,
        after_death_years=policy.after_death_years,
    )
