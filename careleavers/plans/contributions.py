"""What pathway planning adds to other apps: the young person's overview and chronology, the
work tray, the contact standard (a visit before each review), and the navigation.

Registered in registrations.py. Every provider costs a fixed number of queries whatever the
number of entries.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.rules import has_role
from careleavers.casework.work_tray import WORK_ITEM_PERSON_FIELDS, WorkItem, WorkTrayScope
from careleavers.core.dates import format_date
from careleavers.core.urls_for_many import url_for_each
from careleavers.people.chronology import ChronologyEntry, written_by
from careleavers.plans import selectors
from careleavers.plans.models import STATE_CHANGE_VERBS, PlanReview, PlanState, PlanStateChange

# Overview panel ------------------------------------------------------------------------------


def plan_panel(*, young_person: Any, user: Any, **_: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "in_force": selectors.plan_in_force(young_person=young_person),
        "open_plan": selectors.open_plan(young_person=young_person),
        "review_due": selectors.review_due_for(young_person=young_person),
        "today": today,
        "plans_url": reverse("plans:young_person_plans", kwargs={"pk": young_person.pk}),
    }


# Chronology ----------------------------------------------------------------------------------


def plan_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    changes = PlanStateChange.objects.filter(plan__young_person=young_person).select_related(
        "plan", "by"
    )
    return [
        ChronologyEntry(
            when=change.at,
            kind="pathway_plan",
            kind_label="Pathway plan",
            title=(
                f"Pathway plan {change.plan.number} "
                f"{STATE_CHANGE_VERBS[PlanState(change.to_state)]}"
            ),
            summary=change.comment,
            by=written_by(change.by),
            url=reverse("plans:plan_detail", kwargs={"plan_pk": change.plan_id}),
        )
        for change in changes
    ]


def review_entries(*, young_person: Any, user: Any, **_: Any) -> list[ChronologyEntry]:
    url = reverse("plans:young_person_plans", kwargs={"pk": young_person.pk})
    entries = []
    for review in PlanReview.objects.filter(young_person=young_person).select_related(
        "requested_by", "recorded_by"
    ):
        if review.requested_on is not None:
            entries.append(
                ChronologyEntry(
                    when=review.requested_on,
                    kind="plan_review",
                    kind_label="Plan review",
                    title=f"Review asked for: {review.get_reason_display().lower()}",
                    summary=review.request_note,
                    by=written_by(review.requested_by),
                    url=url,
                )
            )
        if review.held_on is not None:
            entries.append(
                ChronologyEntry(
                    when=review.held_on,
                    kind="plan_review",
                    kind_label="Plan review",
                    title="Pathway plan review held",
                    summary=review.what_changed,
                    by=written_by(review.recorded_by),
                    url=url,
                )
            )
    return entries


# Work tray -----------------------------------------------------------------------------------


def _item(work: selectors.PlanWork, today: datetime.date, worker_name: str = "") -> WorkItem:
    days_overdue = max(0, (today - work.due).days) if work.due else 0
    return WorkItem(
        kind=work.kind,
        young_person=work.young_person,
        title=work.title,
        due=work.due,
        overdue=work.overdue,
        days_overdue=days_overdue,
        url=reverse(work.url_name, kwargs=work.url_kwargs),
        detail=work.detail,
        worker_name=worker_name,
    )


def _assessment_and_review_items(scope: WorkTrayScope, kind: str) -> list[WorkItem]:
    young_people = scope.allocated_young_people()
    if kind == "assessment":
        young_people = selectors.may_need_assessment(young_people)
    else:
        young_people = selectors.with_plan_in_force(young_people)
    young_people = selectors.with_plan_facts(young_people).only(
        *WORK_ITEM_PERSON_FIELDS,
        "date_of_birth",
        "category",
        "category_since",
        "education_return_informed_on",
    )
    work = selectors.assessment_and_review_work(
        young_people=young_people, today=scope.today, kinds={kind}
    )
    return [
        _item(item, scope.today, getattr(item.young_person, "worker_name", None) or "")
        for item in work
    ]


def assessments_due(scope: WorkTrayScope) -> list[WorkItem]:
    return _assessment_and_review_items(scope, "assessment")


def reviews_due(scope: WorkTrayScope) -> list[WorkItem]:
    return _assessment_and_review_items(scope, "review")


def plans_returned(scope: WorkTrayScope) -> list[WorkItem]:
    """Plans a manager returned: for whoever submitted them and the young person's workers."""
    plans = selectors.plans_returned_to(
        worker_ids=scope.worker_id_list,
        allocated_ids=scope.allocated_ids,
        visible=scope.visible_young_people(),
    )
    return [
        WorkItem(
            kind="plan_returned",
            young_person=plan.young_person,
            title=f"Pathway plan {plan.number} returned: change it and submit it again",
            due=timezone.localtime(plan.returned_at).date() if plan.returned_at else None,
            overdue=False,
            url=reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk}),
            detail=f"{plan.returned_by}: {plan.returned_comments}"[:300],
            worker_name=str(plan.submitted_by or ""),
        )
        for plan in plans
    ]


def plans_awaiting(scope: WorkTrayScope) -> list[WorkItem]:
    """For team managers and the head of service: plans waiting for them to authorise."""
    decide = url_for_each("plans:plan_decide", "plan_pk")
    return [
        WorkItem(
            kind="plan_awaiting_authorisation",
            young_person=plan.young_person,
            title=f"Authorise or return pathway plan {plan.number}",
            due=timezone.localtime(plan.submitted_at).date() if plan.submitted_at else None,
            overdue=False,
            url=decide(plan.pk),
            detail=f"Submitted by {plan.submitted_by}.",
            worker_name=str(plan.submitted_by or ""),
        )
        for plan in selectors.plans_awaiting_authorisation_for(user=scope.user)
    ]


# The contact standard: a visit before each reg 7(3) review (Care Leavers Regs 2010 reg 8(2)(b))


def review_dates_for_contact_standard(
    *, young_person_ids: Any, today: datetime.date
) -> dict[int, dict[str, Any]]:
    result: dict[int, dict[str, Any]] = {}
    for young_person_id, dues in selectors.review_dues_for_many(
        young_person_ids=list(young_person_ids), today=today
    ).items():
        result[young_person_id] = {"next_review_due": dues.next.due}
        if dues.last_review_on is not None:
            result[young_person_id]["last_review_on"] = dues.last_review_on
        if dues.accommodation is not None:
            result[young_person_id]["next_accommodation_review_due"] = dues.accommodation.due
    return result


# Accommodation: a move brings the review forward (a local rule;
# docs/law/pathway-plans-reviews-visits.md) ------------------------------------------------------


def review_on_move(*, acting_user: User, young_person: Any, move: Any) -> str | None:
    from careleavers.plans.services import accommodation_changed

    review = accommodation_changed(
        acting_user=acting_user, young_person=young_person, moved_on=move.moved_on
    )
    if review is None:
        return None
    due = selectors.review_due_for(young_person=young_person)
    if due is None:
        return None
    return f"The pathway plan review is now due by {format_date(due.due)}."


# Who sees the managers' plans page ------------------------------------------------------------

is_manager = has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE)
