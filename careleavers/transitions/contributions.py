"""What the transitions app adds to other apps' registries.

- The young person's overview: a "health" panel and an "adult services" panel.
- The chronology: referrals, decisions, support, withdrawals, chases and escalations.
- The work tray: referrals waiting beyond their service's target, and young people who need a
  transition plan and have none.
- The navigation and home page: the managers' view of waits.

Each source and provider costs a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from rules import has_perm

from careleavers.core.dates import latest_birth_date_reaching
from careleavers.people.chronology import ChronologyEntry, written_by
from careleavers.transitions import presenters, selectors
from careleavers.transitions.models import Outcome, Referral, ReferralChase, TransitionPlan
from careleavers.transitions.needs import (
    LEAVING_CARE_SUPPORT_ENDS_AGE,
    TRANSITION_PLANNING_FROM_AGE,
    transition_planning_from,
)
from careleavers.transitions.waits import decision_due_on, format_days

HEALTH_PANEL = "health"
TRANSITIONS_PANEL = "transitions"


# Overview panels -----------------------------------------------------------------------------


def health_panel(*, young_person: Any, user: Any) -> dict[str, Any]:
    profile = selectors.health_profile_for(young_person=young_person)
    href = reverse("transitions:young_person", kwargs={"pk": young_person.pk})
    # The side column is narrow, so each fact is a heading with its value underneath rather
    # than a two-column summary list.
    facts = [
        {
            "key": row["key"],
            "lines": list(row["value"]) if isinstance(row["value"], list) else [row["value"]],
        }
        for row in presenters.health_rows(profile)
    ]
    return {"facts": facts, "href": href}


def transitions_panel(*, young_person: Any, user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    referrals = selectors.referrals_for(young_person=young_person, today=today)
    has_plan = TransitionPlan.objects.filter(young_person=young_person).exists()
    not_met = [
        row.referral.service.name
        for row in referrals
        if row.referral.outcome == Outcome.THRESHOLD_NOT_MET
    ]
    return {
        "open_rows": [
            {
                "service": row.referral.service.name,
                "url": presenters.referral_url(row.referral),
                "wait": presenters.wait_text(row),
                "over_target": row.over_target,
            }
            for row in referrals
            if row.is_open
        ],
        "not_met": (f"Did not meet the threshold of: {', '.join(not_met)}." if not_met else ""),
        "planning_status": presenters.planning_status(young_person, has_plan=has_plan, today=today)
        or "They have a transition plan.",
        "href": reverse("transitions:young_person", kwargs={"pk": young_person.pk}),
    }


# Chronology ----------------------------------------------------------------------------------


def referral_entries(*, young_person: Any, user: Any) -> list[ChronologyEntry]:
    """Two queries: the referrals, and their chases."""
    referrals = list(
        Referral.objects.live()
        .filter(young_person=young_person)
        .select_related("service", "referred_by", "modified_by")
    )
    by_pk = {referral.pk: referral for referral in referrals}
    entries: list[ChronologyEntry] = []

    def entry(
        referral: Referral, when: datetime.date, title: str, summary: str = "", by: str = ""
    ) -> None:
        entries.append(
            ChronologyEntry(
                when=when,
                kind="referral",
                kind_label="Adult services",
                title=f"{referral.service.name}: {title}",
                summary=summary,
                by=by,
                url=presenters.referral_url(referral),
            )
        )

    for referral in referrals:
        entry(
            referral,
            referral.referred_on,
            "referred",
            referral.reason,
            written_by(referral.referred_by),
        )
        if referral.acknowledged_on:
            entry(referral, referral.acknowledged_on, "acknowledged")
        if referral.assessed_on:
            entry(referral, referral.assessed_on, "assessed")
        if referral.decided_on:
            summary = referral.decision_notes
            if referral.outcome == Outcome.THRESHOLD_NOT_MET:
                summary = f"Support given instead: {referral.alternative_support}"
            entry(referral, referral.decided_on, referral.get_outcome_display().lower(), summary)
        if referral.support_started_on:
            entry(referral, referral.support_started_on, "support started")
        if referral.withdrawn_on:
            entry(referral, referral.withdrawn_on, "withdrawn", referral.withdrawn_reason)
    chases = ReferralChase.objects.filter(referral_id__in=list(by_pk)).select_related("by")
    for chase in chases:
        entry(
            by_pk[chase.referral_id],
            chase.on,
            f"{chase.get_kind_display().lower()} ({chase.contacted})",
            chase.notes,
            written_by(chase.by),
        )
    return entries


# Work tray -----------------------------------------------------------------------------------


def overdue_referral_items(scope: Any) -> list[Any]:
    """Open referrals waiting longer than their service's target, for young people allocated
    to the workers in scope. Three queries: services, young people, referrals."""
    from careleavers.casework.work_tray import WorkItem

    today = scope.today
    services = list(selectors.all_services())
    overdue = Q(pk__in=[])
    for service in services:
        # Over target means a wait longer than the target, so referred before today - target.
        overdue |= Q(
            service_id=service.pk,
            referred_on__lt=today - datetime.timedelta(days=service.target_wait_days),
        )
    open_overdue = (
        Referral.objects.live()
        .filter(decided_on__isnull=True, withdrawn_on__isnull=True)
        .filter(overdue)
    )
    young_people = {
        person.pk: person
        for person in scope.allocated_young_people().filter(
            Exists(open_overdue.filter(young_person=OuterRef("pk")))
        )
    }
    referrals = (
        open_overdue.filter(young_person_id__in=list(young_people))
        .select_related("service")
        .order_by("referred_on", "pk")
    )
    items = []
    for referral in referrals:
        due = decision_due_on(
            referred_on=referral.referred_on, target_days=referral.service.target_wait_days
        )
        days_over = (today - due).days
        person = young_people[referral.young_person_id]
        items.append(
            WorkItem(
                kind="referral_overdue",
                young_person=person,
                title=f"Referral to {referral.service.name} waiting beyond target",
                due=due,
                overdue=True,
                days_overdue=days_over,
                url=reverse(
                    "transitions:referral_detail",
                    kwargs={"pk": referral.young_person_id, "referral_pk": referral.pk},
                ),
                detail=(
                    f"Referred {format_days((today - referral.referred_on).days)} ago; the "
                    f"target is {format_days(referral.service.target_wait_days)}. Chase it, "
                    "and escalate if it is still not moving."
                ),
                worker_name=getattr(person, "worker_name", "") or "",
            )
        )
    return items


def transition_plan_items(scope: Any) -> list[Any]:
    """Young people allocated to the workers in scope who need a transition plan (16 to 24,
    EHC plan or learning needs) and have none. Due on their 16th birthday, or on the day the
    service took them on if that was later: someone who came to the service at 22 has a plan
    due now, not one "overdue by six years". One query."""
    from django.db.models.functions import Trim

    from careleavers.casework.work_tray import WorkItem

    today = scope.today
    young_people = (
        scope.allocated_young_people()
        .annotate(learning_needs_trimmed=Trim("learning_needs"))
        .filter(Q(has_ehc_plan=True) | ~Q(learning_needs_trimmed=""))
        .filter(
            date_of_birth__lte=latest_birth_date_reaching(TRANSITION_PLANNING_FROM_AGE, today),
            date_of_birth__gt=latest_birth_date_reaching(LEAVING_CARE_SUPPORT_ENDS_AGE, today),
        )
        .exclude(Exists(TransitionPlan.objects.filter(young_person=OuterRef("pk"))))
    )
    items = []
    for person in young_people:
        due = max(
            transition_planning_from(person.date_of_birth),
            timezone.localtime(person.created_at).date(),
        )
        items.append(
            WorkItem.due_on(
                due,
                today=today,
                kind="transition_plan_needed",
                young_person=person,
                title="Start a transition plan",
                url=reverse("transitions:plan_edit", kwargs={"pk": person.pk}),
                detail="They have an EHC plan or learning needs and are 16 or over.",
                worker_name=getattr(person, "worker_name", "") or "",
            )
        )
    return items


# Registration --------------------------------------------------------------------------------


def sees_waits(user: Any) -> bool:
    # rules.has_perm, not user.has_perm: the latter says yes to every superuser.
    return bool(user.is_authenticated and has_perm("transitions.view_waits", user))
