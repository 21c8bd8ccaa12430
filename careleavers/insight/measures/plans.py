"""Indicators over pathway plans: plans in date and reviews on time (docs/data/indicators.md P1,
and the Care Leavers (England) Regulations 2010 reg 7 review rules in plans/rules_due.py)."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q

from careleavers.core.dates import add_months
from careleavers.insight.measures.base import (
    OPEN_CATEGORIES,
    PeopleMeasure,
    open_care_leavers,
    people_indicator,
)
from careleavers.insight.periods import latest_birth_for_age, latest_start_reaching
from careleavers.plans.models import PathwayPlan, PlanReview, ReviewPolicy, ReviewReason
from careleavers.plans.rules_due import ASSESSMENT_MONTHS, REVIEW_MONTHS

# The first plan follows the needs assessment, due within 3 months of the 16th birthday
# (CPPCR 2010 reg 42(1)); until then no plan is due.
FIRST_PLAN_DUE_MONTHS = 16 * 12 + ASSESSMENT_MONTHS


def _needs_plan(on: datetime.date) -> Q:
    """Open care leavers past the deadline for their first plan, aged up to 24."""
    return Q(
        category__in=OPEN_CATEGORIES,
        date_of_birth__lte=latest_start_reaching(on, FIRST_PLAN_DUE_MONTHS),
        date_of_birth__gt=latest_birth_for_age(on, 25),
    )


def _started_or_reviewed_since(on: datetime.date) -> Q:
    """The latest plan began, or the plan was reviewed, within 6 calendar months before the
    day: on or after the same date 6 months earlier."""
    since = add_months(on, -REVIEW_MONTHS)
    plans = PathwayPlan.objects.filter(
        young_person=OuterRef("pk"), effective_from__gte=since, effective_from__lte=on
    )
    reviews = PlanReview.objects.filter(
        young_person=OuterRef("pk"), held_on__gte=since, held_on__lte=on
    )
    return Q(Exists(plans)) | Q(Exists(reviews))


PLANS_IN_DATE = people_indicator(
    PeopleMeasure(cohort=_needs_plan, hit=_started_or_reviewed_since),
    key="plans_in_date",
    title="Pathway plans in date",
    area="adulthood",
    numerator="Young people whose pathway plan was authorised, or last reviewed, within 6 "
    "calendar months before the day (on or after the same date 6 months earlier).",
    denominator="Eligible, relevant and former relevant young people aged 16 to 24 whose first "
    "plan is due (3 months after their 16th birthday), including those with no plan.",
    source="Pathway plans (date in force) and reviews held, from the plans records.",
    period="On the day.",
    benchmark_note="No national comparator; Annex A List 9 lists each young person's latest "
    "pathway plan.",
    order=50,
)


def _has_plan(on: datetime.date) -> Q:
    plans = PathwayPlan.objects.filter(young_person=OuterRef("pk"), effective_from__lte=on)
    return open_care_leavers(on) & Q(Exists(plans))


def _review_on_time(on: datetime.date) -> Q:
    rules = ReviewPolicy.current_rules()
    waits = {
        ReviewReason.YOUNG_PERSON_ASKED: rules.days_after_request,
        ReviewReason.WORKER_THOUGHT_NECESSARY: rules.days_after_request,
    }
    if rules.review_on_accommodation_change:
        waits[ReviewReason.ACCOMMODATION_CHANGED] = rules.days_after_accommodation_change
    late = Q(pk__in=[])
    for reason, days in waits.items():
        late |= Q(reason=reason, requested_on__lt=on - datetime.timedelta(days=days))
    # A request still open on the day: asked for by then, and not met by a review held by then.
    overdue_requests = PlanReview.objects.filter(
        Q(met_by__isnull=True) | Q(met_by__held_on__gt=on),
        late,
        young_person=OuterRef("pk"),
        held_on__isnull=True,
        requested_on__isnull=False,
    )
    return _started_or_reviewed_since(on) & ~Q(Exists(overdue_requests))


REVIEWS_IN_DATE = people_indicator(
    PeopleMeasure(cohort=_has_plan, hit=_review_on_time),
    key="reviews_in_date",
    title="Pathway plan reviews on time",
    area="adulthood",
    numerator="Young people with an authorised plan whose review is not overdue on the day: "
    "the plan was authorised or reviewed within 6 calendar months, and no review they or their "
    "worker asked for (or a move brought forward) is past its date (the review policy sets "
    "those days).",
    denominator="Eligible, relevant and former relevant young people aged 16 to 24 with a "
    "pathway plan authorised by the day.",
    source="Pathway plans, reviews held and review requests, from the plans records.",
    period="On the day.",
    benchmark_note="No national comparator.",
    order=55,
)


INDICATORS = (PLANS_IN_DATE, REVIEWS_IN_DATE)
