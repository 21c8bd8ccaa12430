"""Reads about needs assessments, pathway plans and reviews.

Lists of young people go through `young_people_visible_to`. Due dates come from the pure rules
in rules_due.py, fed with a fixed number of queries for any number of young people.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet, Subquery, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.dates import birthday, format_date
from careleavers.core.once_a_day import once_a_day
from careleavers.people.category import Category
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to
from careleavers.plans import rules_due
from careleavers.plans.diff import PlanComparison, compare_plans
from careleavers.plans.models import (
    IN_FORCE_STATES,
    OPEN_STATES,
    STATE_CHANGE_VERBS,
    NeedsAssessment,
    PathwayPlan,
    PlanReview,
    PlanState,
    PlanStateChange,
    ReviewPolicy,
    ReviewReason,
)
from careleavers.plans.snapshots import PlanSnapshot, plan_snapshot

# Work that falls due within this many days shows as "due" before it is overdue.
DUE_SOON_DAYS = 28
# Categories with a statutory deadline for the needs assessment (rules_due.assessment_due).
ASSESSMENT_CATEGORIES = (Category.ELIGIBLE.value, Category.RELEVANT.value)
# Categories whose young people must have a pathway plan (docs/law/care-leaver-categories.md).
PLAN_CATEGORIES = (
    Category.ELIGIBLE.value,
    Category.RELEVANT.value,
    Category.FORMER_RELEVANT.value,
)


# One young person ------------------------------------------------------------------------


def plan_for_page(*, pk: int) -> PathwayPlan:
    """A plan with its young person; Http404 if there is none. Permission is checked next."""
    return get_object_or_404(
        PathwayPlan.objects.select_related(
            "young_person",
            "young_person__team",
            "submitted_by",
            "authorised_by",
            "returned_by",
            "shared_by",
        ),
        pk=pk,
        young_person__archived_at__isnull=True,
    )


def assessment_for_page(*, pk: int) -> NeedsAssessment:
    return get_object_or_404(
        NeedsAssessment.objects.select_related("young_person", "completed_by"),
        pk=pk,
        young_person__archived_at__isnull=True,
    )


def plans_for(*, young_person: YoungPerson) -> list[PathwayPlan]:
    """Every plan, newest first."""
    return list(
        PathwayPlan.objects.filter(young_person=young_person)
        .select_related("submitted_by", "authorised_by", "returned_by", "shared_by")
        .order_by("-number")
    )


def plan_in_force(*, young_person: YoungPerson) -> PathwayPlan | None:
    """The most recently authorised plan (authorised or shared)."""
    return (
        PathwayPlan.objects.filter(young_person=young_person, state__in=IN_FORCE_STATES)
        .select_related("authorised_by")
        .order_by("-number")
        .first()
    )


def open_plan(*, young_person: YoungPerson) -> PathwayPlan | None:
    """The plan being written or waiting for authorisation, if there is one."""
    return PathwayPlan.objects.filter(young_person=young_person, state__in=OPEN_STATES).first()


def assessments_for(*, young_person: YoungPerson) -> list[NeedsAssessment]:
    return list(
        NeedsAssessment.objects.filter(young_person=young_person).select_related("completed_by")
    )


def reviews_held_for(*, young_person: YoungPerson) -> list[PlanReview]:
    """Reviews held, newest first."""
    return list(
        PlanReview.objects.filter(young_person=young_person, held_on__isnull=False)
        .select_related("plan", "resulting_plan", "recorded_by")
        .order_by("-held_on", "-id")
    )


def open_review_requests(*, young_person: YoungPerson) -> list[PlanReview]:
    return list(
        PlanReview.objects.filter(
            young_person=young_person, held_on__isnull=True, met_by__isnull=True
        ).order_by("requested_on", "id")
    )


def state_changes_for(*, plan: PathwayPlan) -> list[PlanStateChange]:
    return list(PlanStateChange.objects.filter(plan=plan).select_related("by"))


# Due dates for many young people ---------------------------------------------------------


@dataclass(frozen=True)
class ReviewDues:
    """The next review of any kind, and the next one under reg 7(3) if the council provides
    their accommodation (the review a visit must come before, reg 8(2)(b))."""

    next: rules_due.Due
    accommodation: rules_due.Due | None
    last_review_on: datetime.date | None


def review_dues_for_many(
    *,
    young_person_ids: Collection[int],
    rules: rules_due.ReviewRules | None = None,
    today: datetime.date | None = None,
) -> dict[int, ReviewDues]:
    """The reviews due for each young person who has an authorised plan. Five queries, and the
    accommodation app's (through casework's contact_due registry) for the reg 7(3) reviews.

    Not for a former relevant young person who said they no longer want a personal adviser:
    the council's duty to keep their plan under review ends with that (CA 1989 s.23CZB(3)).
    """
    from careleavers.casework.contact_due import ACCOMMODATION, contact_due_inputs_for

    if not young_person_ids:
        return {}
    today = today or timezone.localdate()
    rules = rules or ReviewPolicy.current_rules()
    declined = set(
        YoungPerson.objects.filter(
            pk__any=young_person_ids, personal_adviser_declined_on__isnull=False
        ).values_list("pk", flat=True)
    )
    authorised = dict(
        PathwayPlan.objects.filter(
            young_person_id__any=young_person_ids, effective_from__isnull=False
        )
        .values("young_person_id")
        .annotate(last=Max("effective_from"))
        .values_list("young_person_id", "last")
    )
    reviewed = dict(
        PlanReview.objects.filter(young_person_id__any=young_person_ids, held_on__isnull=False)
        .values("young_person_id")
        .annotate(last=Max("held_on"))
        .values_list("young_person_id", "last")
    )
    requests: dict[int, dict[str, list[datetime.date]]] = {}
    for young_person_id, reason, requested_on in PlanReview.objects.filter(
        young_person_id__any=young_person_ids,
        held_on__isnull=True,
        met_by__isnull=True,
        requested_on__isnull=False,
    ).values_list("young_person_id", "reason", "requested_on"):
        if requested_on is not None:
            requests.setdefault(young_person_id, {}).setdefault(reason, []).append(requested_on)
    with_plans = [pk for pk in young_person_ids if pk in authorised and pk not in declined]
    accommodation = contact_due_inputs_for(
        young_person_ids=with_plans, today=today, only=ACCOMMODATION
    )
    result = {}
    for young_person_id in with_plans:
        asked = requests.get(young_person_id, {})
        since = accommodation.get(young_person_id, {}).get("council_accommodation_since")
        due = rules_due.review_due(
            last_authorised_on=authorised.get(young_person_id),
            last_review_on=reviewed.get(young_person_id),
            young_person_asked_on=asked.get(ReviewReason.YOUNG_PERSON_ASKED, []),
            worker_asked_on=asked.get(ReviewReason.WORKER_THOUGHT_NECESSARY, []),
            accommodation_changed_on=asked.get(ReviewReason.ACCOMMODATION_CHANGED, []),
            rules=rules,
            council_accommodation_since=since,
        )
        if due is not None:
            result[young_person_id] = ReviewDues(
                next=due,
                accommodation=rules_due.accommodation_review_due(
                    council_accommodation_since=since,
                    last_review_on=reviewed.get(young_person_id),
                ),
                last_review_on=reviewed.get(young_person_id),
            )
    return result


def review_due_for_many(
    *, young_person_ids: Collection[int], rules: rules_due.ReviewRules | None = None
) -> dict[int, rules_due.Due]:
    """The next review due for each young person who has an authorised plan."""
    return {
        young_person_id: dues.next
        for young_person_id, dues in review_dues_for_many(
            young_person_ids=young_person_ids, rules=rules
        ).items()
    }


def review_due_for(*, young_person: YoungPerson) -> rules_due.Due | None:
    return review_due_for_many(young_person_ids=[young_person.pk]).get(young_person.pk)


def _plan_in_force() -> Exists:
    return Exists(
        PathwayPlan.objects.filter(young_person=OuterRef("pk"), state__in=IN_FORCE_STATES)
    )


def _completed_assessment() -> Exists:
    return Exists(
        NeedsAssessment.objects.filter(young_person=OuterRef("pk"), completed_on__isnull=False)
    )


def _assessment_since_education_return() -> Exists:
    # Care Leavers (England) Regs 2010 reg 5(2)(b): an assessment completed before they told us
    # they want to go back to education or training does not meet it.
    return Exists(
        NeedsAssessment.objects.filter(
            young_person=OuterRef("pk"),
            completed_on__gte=OuterRef("education_return_informed_on"),
        )
    )


def with_plan_facts(young_people: QuerySet[YoungPerson]) -> QuerySet[YoungPerson]:
    """Annotate whether each young person has an authorised plan and a completed assessment
    (for a former relevant young person returning to education, one completed since)."""
    return young_people.annotate(
        has_plan_in_force=_plan_in_force(),
        has_completed_assessment=_completed_assessment(),
        has_assessment_since_education_return=_assessment_since_education_return(),
    )


def may_need_assessment(young_people: QuerySet[YoungPerson]) -> QuerySet[YoungPerson]:
    """Those with an assessment deadline and no assessment completed that meets it."""
    return young_people.filter(
        (Q(category__in=ASSESSMENT_CATEGORIES) & ~_completed_assessment())
        | (
            Q(
                category=Category.FORMER_RELEVANT.value,
                education_return_informed_on__isnull=False,
            )
            & ~_assessment_since_education_return()
        )
    )


def with_plan_in_force(young_people: QuerySet[YoungPerson]) -> QuerySet[YoungPerson]:
    return young_people.filter(_plan_in_force())


def _annotated_or_exists(young_person: Any, name: str, rows: QuerySet[Any]) -> bool:
    """The fact `with_plan_facts` annotated as `name`, or, on a young person not annotated,
    whether `rows` has any (one query)."""
    annotated = getattr(young_person, name, None)
    return bool(annotated) if annotated is not None else rows.exists()


def assessment_due_for(young_person: Any) -> rules_due.Due | None:
    """When the needs assessment is due, for a young person annotated by `with_plan_facts`
    (or any young person, at the cost of two queries). None when none is needed."""
    informed = young_person.education_return_informed_on
    if young_person.category == Category.FORMER_RELEVANT.value and informed is not None:
        if _annotated_or_exists(
            young_person,
            "has_assessment_since_education_return",
            NeedsAssessment.objects.filter(young_person=young_person, completed_on__gte=informed),
        ):
            return None
        return rules_due.assessment_due(
            date_of_birth=young_person.date_of_birth,
            category=young_person.category,
            category_since=young_person.category_since,
            has_pathway_plan=True,
            education_return_informed_on=informed,
        )
    if _annotated_or_exists(
        young_person,
        "has_completed_assessment",
        NeedsAssessment.objects.filter(young_person=young_person, completed_on__isnull=False),
    ):
        return None
    has_plan = _annotated_or_exists(
        young_person,
        "has_plan_in_force",
        PathwayPlan.objects.filter(young_person=young_person, state__in=IN_FORCE_STATES),
    )
    return rules_due.assessment_due(
        date_of_birth=young_person.date_of_birth,
        category=young_person.category,
        category_since=young_person.category_since,
        has_pathway_plan=has_plan,
    )


def first_plan_due_for(young_person: Any) -> rules_due.Due | None:
    """When a young person with no authorised plan should have had one, for a young person
    annotated by `with_plan_facts`. None when they have one or need none.

    The plan is prepared as soon as possible after the needs assessment (CPPCR 2010 reg 43),
    so the council expects it by the assessment's own deadline. A former relevant young person
    should have had one before their 18th birthday.
    """
    if young_person.has_plan_in_force or young_person.category not in PLAN_CATEGORIES:
        return None
    if young_person.category == Category.FORMER_RELEVANT.value:
        return rules_due.Due(
            birthday(young_person.date_of_birth, 18),
            "A former relevant young person must have a pathway plan; none is authorised on "
            "this record (Children Act 1989 s.23C).",
        )
    due = rules_due.assessment_due(
        date_of_birth=young_person.date_of_birth,
        category=young_person.category,
        category_since=young_person.category_since,
        has_pathway_plan=False,
    )
    if due is None:
        return None
    return rules_due.Due(
        due.due, f"The pathway plan should follow the needs assessment. {due.rule}"
    )


def first_plan_due_date(
    *, date_of_birth: datetime.date, category: str, category_since: datetime.date | None
) -> datetime.date | None:
    """`first_plan_due_for`'s date alone, for a young person with no plan in force, from plain
    values: for finding the overdue among thousands (the managers' page), whose rules are then
    written out for the rows shown. A test holds the two to the same dates."""
    if category not in PLAN_CATEGORIES:
        return None
    if category == Category.FORMER_RELEVANT.value:
        return birthday(date_of_birth, 18)
    return rules_due.assessment_due_date(
        date_of_birth=date_of_birth,
        category=category,
        category_since=category_since,
        has_pathway_plan=False,
    )


# History: versions and "what did the plan say on …?" -----------------------------------


@dataclass(frozen=True)
class PlanVersion:
    """A point in a plan's life that can be read back and compared."""

    token: str  # "c<state change id>" or "p<plan id>" for the plan as it reads now
    plan_id: int
    plan_number: int
    at: datetime.datetime | None
    label: str
    state: str  # the state the plan moved to then, or its state now for "as it is now"


_VERSION_STATES = (
    PlanState.SUBMITTED,
    PlanState.RETURNED,
    PlanState.AUTHORISED,
    PlanState.SHARED,
)


def plan_versions(*, young_person: YoungPerson) -> list[PlanVersion]:
    """Every submission, return, authorisation and sharing of every plan, newest first, and
    each plan as it reads now. Two queries."""
    plans = {plan.pk: plan for plan in PathwayPlan.objects.filter(young_person=young_person)}
    changes = (
        PlanStateChange.objects.filter(
            plan__young_person=young_person, to_state__in=_VERSION_STATES
        )
        .select_related("by")
        .order_by("-at", "-id")
    )
    versions = [
        PlanVersion(
            token=f"p{plan.pk}",
            plan_id=plan.pk,
            plan_number=plan.number,
            at=None,
            label=f"Plan {plan.number} as it is now ({plan.get_state_display().lower()})",
            state=plan.state,
        )
        for plan in sorted(plans.values(), key=lambda p: -p.number)
    ]
    for change in changes:
        plan = plans[change.plan_id]
        when = timezone.localtime(change.at)
        versions.append(
            PlanVersion(
                token=f"c{change.pk}",
                plan_id=plan.pk,
                plan_number=plan.number,
                at=change.at,
                label=(
                    f"Plan {plan.number}, {STATE_CHANGE_VERBS[PlanState(change.to_state)]} on "
                    f"{format_date(when.date())} at {when:%H:%M} by {change.by}"
                ),
                state=change.to_state,
            )
        )
    return versions


def version_snapshot(
    *, young_person: YoungPerson, token: str
) -> tuple[PlanVersion, PlanSnapshot] | None:
    """The version named by `token` and the plan as it read then; None if not theirs."""
    for version in plan_versions(young_person=young_person):
        if version.token == token:
            plan = PathwayPlan.objects.get(pk=version.plan_id)
            snapshot = plan_snapshot(plan=plan, at=version.at)
            return (version, snapshot) if snapshot is not None else None
    return None


def default_comparison(
    versions: list[PlanVersion], *, plan_id: int | None = None
) -> dict[str, str]:
    """The pair a comparison starts from: the plan (`plan_id` if theirs, else the newest) now
    against the last authorised version before it, so the two are never the same version.
    With no authorisation before it, its earliest recorded version. Empty if there is only
    one version."""
    now = [v for v in versions if v.at is None]  # each plan as it is now, newest first
    # A plan that is not theirs is ignored, as if none was named.
    newer = next((v for v in now if v.plan_id == plan_id), now[0] if now else None)
    if newer is None:
        return {}
    earlier = [v for v in versions if v.token != newer.token]
    # A plan authorised and unchanged since reads the same as its authorisation, so the
    # authorisation to compare with is that of an earlier plan.
    authorised = next(
        (
            v
            for v in earlier
            if v.state == PlanState.AUTHORISED
            and v.at is not None
            and v.plan_id != newer.plan_id
            and v.plan_number < newer.plan_number
        ),
        None,
    )
    own = [v for v in earlier if v.plan_id == newer.plan_id and v.at is not None]
    older = authorised or (own[-1] if own else None)
    if older is None:
        return {}
    return {"a": older.token, "b": newer.token}


@dataclass(frozen=True)
class ChangesSince:
    """What a plan waiting for a decision changed since an earlier version of it or of the plan
    before it, for the manager deciding (linked to the side-by-side comparison)."""

    since: str  # "the last authorised plan" or "it was returned"
    older: PlanVersion
    newer_token: str
    comparison: PlanComparison

    @property
    def changed_titles(self) -> list[str]:
        return self.comparison.changed_titles


def changes_for_decision(*, plan: PathwayPlan) -> list[ChangesSince]:
    """Since the last authorised plan (an earlier plan's authorisation) and since this plan
    was last returned to its worker: section by section, what changed. A fixed number of
    queries, however many versions and sections."""
    now = plan_snapshot(plan=plan)
    if now is None:
        return []
    found: list[ChangesSince] = []
    versions = plan_versions(young_person=plan.young_person)  # newest first
    wanted = (
        ("the last authorised plan", PlanState.AUTHORISED, lambda v: v.plan_id != plan.pk),
        ("it was returned", PlanState.RETURNED, lambda v: v.plan_id == plan.pk),
    )
    for since, state, belongs in wanted:
        version = next(
            (v for v in versions if v.at is not None and v.state == state and belongs(v)),
            None,
        )
        if version is None:
            continue
        older_plan = (
            plan if version.plan_id == plan.pk else PathwayPlan.objects.get(pk=version.plan_id)
        )
        then = plan_snapshot(plan=older_plan, at=version.at)
        if then is None:
            continue
        found.append(
            ChangesSince(
                since=since,
                older=version,
                newer_token=f"p{plan.pk}",
                comparison=compare_plans(then, now),
            )
        )
    return found


@dataclass(frozen=True)
class PlanOnDate:
    snapshot: PlanSnapshot
    in_force: bool  # False: no plan had been authorised by then, so this is the draft
    newer_draft_number: int | None  # a later plan being written at the time


def plan_on(*, young_person: YoungPerson, day: datetime.date) -> PlanOnDate | None:
    """What the plan said at the end of `day`: the plan in force then, as it read then, or,
    if none had been authorised yet, the plan being written."""
    end_of_day = timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))
    authorised_ids = (
        PlanStateChange.objects.filter(
            plan__young_person=young_person, to_state=PlanState.AUTHORISED, at__lte=end_of_day
        )
        .order_by("-at", "-id")
        .values_list("plan_id", flat=True)
    )
    existing = PathwayPlan.objects.filter(
        young_person=young_person, created_at__lte=end_of_day
    ).order_by("-number")
    latest = existing.first()
    if latest is None:
        return None
    in_force_id = authorised_ids.first()
    plan = latest if in_force_id is None else PathwayPlan.objects.get(pk=in_force_id)
    snapshot = plan_snapshot(plan=plan, at=end_of_day)
    if snapshot is None:
        return None
    newer = latest.number if in_force_id is not None and latest.pk != in_force_id else None
    return PlanOnDate(
        snapshot=snapshot, in_force=in_force_id is not None, newer_draft_number=newer
    )


# The manager's view ------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueRow:
    young_person: YoungPerson
    due: rules_due.Due
    days_overdue: int


@dataclass(frozen=True)
class AuthorisedRow:
    plan: PathwayPlan
    first_submitted_at: datetime.datetime
    days: float


RECENTLY_AUTHORISED_LISTED = 50


@dataclass(frozen=True)
class AuthorisationTimes:
    """How long authorisation took over the year, from first submission (time returned to the
    worker included)."""

    count: int
    median_days: float | None
    mean_days: float | None
    worked_out_at: datetime.datetime


# The managers' page lists this many of each overdue list, the most overdue first, and says how
# many there are in all.
OVERDUE_LISTED = 100


@dataclass(frozen=True)
class OverdueList:
    """The most overdue young people, as many as the page lists, and how many are overdue."""

    rows: list[OverdueRow]
    count: int


@dataclass
class ManagerView:
    # Unevaluated: the page shows them a page at a time (a head of service's run to thousands).
    awaiting: QuerySet[PathwayPlan]
    returned: QuerySet[PathwayPlan]
    times: AuthorisationTimes
    overdue_plans: OverdueList = field(default_factory=lambda: OverdueList([], 0))
    overdue_reviews: OverdueList = field(default_factory=lambda: OverdueList([], 0))
    # The newest plans authorised in the year, as many as the page lists.
    recently_authorised: list[AuthorisedRow] = field(default_factory=list)


def _plans_of(young_people: QuerySet[YoungPerson]) -> QuerySet[PathwayPlan]:
    return PathwayPlan.objects.filter(young_person__in=young_people.values("pk")).select_related(
        "young_person", "submitted_by", "returned_by", "authorised_by"
    )


_OVERDUE_FIELDS = ("pk", "first_name", "last_name", "preferred_name")


def _overdue_first_plans(
    without_plans: QuerySet[YoungPerson], today: datetime.date
) -> OverdueList:
    """Young people with no plan in force who should have one by now, most overdue first (in
    the list's own order among equals). Every young person's due date is worked out from four
    plain values (a head of service's run to thousands); only the rows listed are read as
    records, with their rules written out."""
    overdue = []
    for pk, born, category, since in without_plans.values_list(
        "pk", "date_of_birth", "category", "category_since"
    ):
        due = first_plan_due_date(date_of_birth=born, category=category, category_since=since)
        if due is not None and today > due:
            overdue.append(((today - due).days, pk))
    overdue.sort(key=lambda pair: -pair[0])
    listed = overdue[:OVERDUE_LISTED]
    people = (
        YoungPerson.objects.only(*_OVERDUE_FIELDS, "date_of_birth", "category", "category_since")
        .annotate(has_plan_in_force=Value(False))
        .in_bulk([pk for _, pk in listed])
    )
    rows = []
    for days_overdue, pk in listed:
        rule = first_plan_due_for(people[pk])
        assert rule is not None  # overdue above, from the same values
        rows.append(OverdueRow(people[pk], rule, days_overdue))
    return OverdueList(rows, len(overdue))


def _overdue_reviews(needing_plans: QuerySet[YoungPerson], today: datetime.date) -> OverdueList:
    """Young people whose plan's review is overdue, most overdue first. Read from the work tray's
    stored review items when they are current (at national size working the review rules out
    for every plan took seconds; only a young person with a plan in force has one), else worked
    out here by the same rules."""
    from careleavers.casework.stored_work import most_overdue_of_kind

    stored = most_overdue_of_kind(needing_plans, kind="review", today=today, most=OVERDUE_LISTED)
    if stored is not None:
        items, count = stored
        return OverdueList(
            [
                OverdueRow(
                    item.young_person, rules_due.Due(item.due, item.detail), item.days_overdue
                )
                for item in items
                if item.young_person is not None and item.due is not None
            ],
            count,
        )
    ids = list(with_plan_in_force(needing_plans).order_by().values_list("pk", flat=True))
    dues = {
        pk: due
        for pk, due in review_due_for_many(young_person_ids=ids).items()
        if due.is_overdue(today)
    }
    people = YoungPerson.objects.only(*_OVERDUE_FIELDS).in_bulk(list(dues))
    rows = [OverdueRow(people[pk], due, due.days_overdue(today)) for pk, due in dues.items()]
    rows.sort(key=lambda row: (-row.days_overdue, row.young_person.pk))
    return OverdueList(rows[:OVERDUE_LISTED], len(rows))


def manager_view(*, user: Any, today: datetime.date, since_days: int = 365) -> ManagerView:
    """Plans waiting for authorisation and returned, overdue plans and reviews, and how long
    authorisation takes, for the young people this manager can see. A fixed number of
    queries, whatever the number of young people."""
    visible = young_people_visible_to(user=user)
    plans = _plans_of(visible)
    since = timezone.now() - datetime.timedelta(days=since_days)
    authorised = plans.filter(authorised_at__gte=since)
    needing_plans = visible.filter(category__in=PLAN_CATEGORIES)
    return ManagerView(
        awaiting=plans.filter(state=PlanState.SUBMITTED).order_by("submitted_at", "pk"),
        returned=plans.filter(state=PlanState.RETURNED).order_by("returned_at", "pk"),
        times=_authorisation_times(authorised, user=user, today=today, since_days=since_days),
        overdue_plans=_overdue_first_plans(needing_plans.exclude(_plan_in_force()), today),
        overdue_reviews=_overdue_reviews(needing_plans, today),
        recently_authorised=[
            AuthorisedRow(plan, plan.first_submitted_at, _days_between(plan))
            for plan in authorised.annotate(first_submitted_at=_first_submitted()).order_by(
                "-authorised_at", "-pk"
            )[:RECENTLY_AUTHORISED_LISTED]
            # Every authorised plan was submitted first; one imported without its history
            # is left out, as it is from the figures.
            if plan.first_submitted_at is not None
        ],
    )


def _first_submitted() -> Subquery:
    return Subquery(
        PlanStateChange.objects.filter(plan=OuterRef("pk"), to_state=PlanState.SUBMITTED)
        .order_by("at")
        .values("at")[:1]
    )


def _days_between(plan: Any) -> float:
    return round((plan.authorised_at - plan.first_submitted_at).total_seconds() / 86400, 1)


def _authorisation_times(
    authorised: QuerySet[PathwayPlan], *, user: Any, today: datetime.date, since_days: int
) -> AuthorisationTimes:
    """Worked out at most once a day for each manager: a head of service's year is over a
    hundred thousand plans at national size, a second's work, and a figure over a year hardly
    moves within a day. The page says when it was worked out."""

    def work_out() -> tuple[int, float | None, float | None]:
        durations = [
            round((authorised_at - submitted).total_seconds() / 86400, 1)
            for authorised_at, submitted in authorised.annotate(
                first_submitted_at=Min(
                    "state_changes__at", filter=Q(state_changes__to_state=PlanState.SUBMITTED)
                )
            )
            .order_by()
            .values_list("authorised_at", "first_submitted_at")
            if submitted is not None and authorised_at is not None
        ]
        return (
            len(durations),
            round(statistics.median(durations), 1) if durations else None,
            round(statistics.fmean(durations), 1) if durations else None,
        )

    kept = once_a_day(
        f"plans:authorisation-times:{user.pk}:{since_days}", today=today, work_out=work_out
    )
    count, median_days, mean_days = kept.value
    return AuthorisationTimes(count, median_days, mean_days, worked_out_at=kept.at)


# Work tray ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanWork:
    """One piece of plan work for a worker or manager."""

    kind: str  # assessment, review, plan_returned, plan_awaiting
    young_person: YoungPerson
    due: datetime.date | None
    overdue: bool
    title: str
    detail: str
    url_name: str
    url_kwargs: dict[str, int]


def assessment_and_review_work(
    *, young_people: Iterable[YoungPerson], today: datetime.date, kinds: Collection[str]
) -> list[PlanWork]:
    """Needs assessments ("assessment") and reviews ("review") due within DUE_SOON_DAYS or
    overdue, for young people annotated by `with_plan_facts`. One query for the young people
    and three for the reviews, whatever their number."""
    people = list(young_people)
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    dues: list[tuple[str, YoungPerson, rules_due.Due]] = []
    if "assessment" in kinds:
        for person in people:
            due = assessment_due_for(person)
            if due is not None:
                dues.append(("assessment", person, due))
    if "review" in kinds:
        reviews = review_due_for_many(
            young_person_ids=[
                person.pk for person in people if getattr(person, "has_plan_in_force", False)
            ]
        )
        dues.extend(
            ("review", person, reviews[person.pk]) for person in people if person.pk in reviews
        )
    titles = {
        "assessment": ("Needs assessment due", "Needs assessment overdue"),
        "review": ("Pathway plan review due", "Pathway plan review overdue"),
    }
    return [
        PlanWork(
            kind=kind,
            young_person=person,
            due=due.due,
            overdue=due.is_overdue(today),
            title=titles[kind][due.is_overdue(today)],
            detail=due.rule,
            url_name="plans:young_person_plans",
            url_kwargs={"pk": person.pk},
        )
        for kind, person, due in dues
        if due.due <= horizon
    ]


def plans_returned_to(
    *, worker_ids: list[int], allocated_ids: list[int], visible: QuerySet[YoungPerson]
) -> list[PathwayPlan]:
    """Returned plans of the young people allocated to these workers (`allocated_ids`, found
    through the visibility selector), and those the workers submitted themselves (a manager may
    have written it, or the worker may since have changed) of young people in `visible`. Both
    lists go to the database as arrays, so it can look each side up in an index."""
    return list(
        PathwayPlan.objects.filter(state=PlanState.RETURNED)
        .filter(
            Q(young_person_id__any=allocated_ids)
            | Q(submitted_by_id__any=worker_ids, young_person__in=visible.values("pk"))
        )
        .select_related("young_person", "returned_by", "submitted_by")
        .order_by("returned_at")
    )


def plans_awaiting_authorisation_for(*, user: Any) -> list[PathwayPlan]:
    """Plans waiting for this manager to authorise, in their work tray: a team manager's teams'
    plans; for the head of service, the plans no team manager can authorise (see
    `_no_team_manager_can_authorise`). Never plans they submitted themselves (someone else
    must authorise those). Every plan waiting is on the manager view's list for both."""
    if not user.has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE):
        return []
    from careleavers.casework.rules import managed_team_ids

    # Only what a work item shows.
    plans = (
        PathwayPlan.objects.filter(
            young_person__in=young_people_visible_to(user=user).values("pk"),
            state=PlanState.SUBMITTED,
        )
        .select_related("young_person", "submitted_by")
        .only(
            "number",
            "submitted_at",
            "young_person__first_name",
            "young_person__last_name",
            "young_person__preferred_name",
            "young_person__child_id",
            "submitted_by__first_name",
            "submitted_by__last_name",
            "submitted_by__email",
            "submitted_by__phone",
        )
    )
    theirs = Q(young_person__team_id__in=managed_team_ids(user))
    if user.has_role(Role.HEAD_OF_SERVICE):
        theirs |= _no_team_manager_can_authorise()
    return list(plans.filter(theirs).exclude(submitted_by=user).order_by("submitted_at"))


def _no_team_manager_can_authorise() -> Q:
    """Plans that wait for the head of service: the young person has no team, or no active
    team manager other than the plan's writer oversees their team (as its manager, or as a
    member of it: casework.rules.managed_team_ids). Team managers authorise their teams' plans
    from their own work trays, as is usual practice; at national size every team's plans in
    the head of service's tray were thousands of items that were someone else's to decide."""
    from careleavers.accounts.models import User

    team_managers = User.objects.filter(
        Q(team_id=OuterRef("young_person__team_id"))
        | Q(pk=OuterRef("young_person__team__manager_id")),
        is_active=True,
        groups__name=Role.TEAM_MANAGER,
    ).exclude(pk=OuterRef("submitted_by_id"))
    # A young person with no team matches no team manager, so waits for the head of service.
    return Q(~Exists(team_managers))
