"""The demo council tells one story (careleavers/demo/story.py): its work trays hold a minority
of recent overdue work and nothing years late, old work was done, and every plan says what the
young person's record said when it was authorised."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.db.models import F

from careleavers.accommodation.models import AccommodationStay
from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation, WorkerRole
from careleavers.casework.work_tray import MINE, TEAM, work_tray_for
from careleavers.demo.builder import DemoSize, build_demo
from careleavers.demo.story import OVERDUE_LIMIT_DAYS
from careleavers.learning.models import ActivityEpisode, PersonalEducationPlan
from careleavers.people.models import YoungPerson
from careleavers.plans import selectors
from careleavers.plans.models import IN_FORCE_STATES, PathwayPlan, PlanSection, PlanState
from careleavers.quality.models import AuditAction, AuditStatus, OversightEntry
from careleavers.transitions.models import HealthProfile, Registration

pytestmark = pytest.mark.django_db

# December, as the demo is shown: the autumn term's PEPs are due and the year's work is in.
TODAY = datetime.date(2026, 12, 4)
SIZE = DemoSize(young_people=200)
LONG_AGO = TODAY - datetime.timedelta(days=OVERDUE_LIMIT_DAYS)


@pytest.fixture
def council() -> None:
    build_demo(seed=2022, size=SIZE, today=TODAY)


def _trays() -> list[tuple[User, str, list]]:
    staff = User.objects.filter(
        groups__name__in=[Role.TEAM_MANAGER, Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER]
    ).distinct()
    trays = []
    for user in staff.order_by("pk"):
        scope = TEAM if user.has_role(Role.TEAM_MANAGER) else MINE
        trays.append((user, scope, work_tray_for(user=user, today=TODAY, scope=scope)))
    return trays


def test_no_work_tray_item_is_overdue_by_more_than_the_story_allows(council: None) -> None:
    counts: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for user, scope, items in _trays():
        for item in items:
            counts[item.kind] += 1
            if not item.overdue:
                continue
            overdue[item.kind] += 1
            assert item.due is not None
            late = (TODAY - item.due).days
            assert 0 < late <= OVERDUE_LIMIT_DAYS, (user.email, scope, item.kind, item.title)
    # Some work is late, as in any council, but only a minority of any kind a worker has due.
    assert sum(overdue.values()) > 0
    for kind in ("contact_due", "review", "audit_action", "oversight_review"):
        assert counts[kind] >= 10, kind
        assert overdue[kind] < counts[kind] / 3, (kind, overdue[kind], counts[kind])


def test_few_young_people_are_behind_with_visits_or_reviews(council: None) -> None:
    people = YoungPerson.objects.count()
    visits_overdue = YoungPerson.objects.filter(next_contact_due__lt=TODAY).count()
    assert 0 < visits_overdue < people * 0.08

    with_plan = list(
        PathwayPlan.objects.filter(state__in=IN_FORCE_STATES)
        .values_list("young_person_id", flat=True)
        .distinct()
    )
    due = selectors.review_due_for_many(young_person_ids=with_plan)
    reviews_overdue = [pk for pk, review in due.items() if review.is_overdue(TODAY)]
    assert 0 < len(reviews_overdue) < len(with_plan) * 0.08


def test_old_work_was_done_late_work_is_recent(council: None) -> None:
    # Past terms' PEPs were all completed; only this term's may wait.
    peps = PersonalEducationPlan.objects.filter(not_required_on=None)
    assert peps.filter(due_on__lt=LONG_AGO).exists()
    assert not peps.filter(due_on__lt=LONG_AGO, completed_on=None).exists()
    assert peps.filter(due_on__lt=LONG_AGO, completed_on__gt=F("due_on")).exists()

    oversight = OversightEntry.objects.exclude(review_by=None)
    assert oversight.filter(review_by__lt=LONG_AGO).exists()
    assert not oversight.filter(review_by__lt=LONG_AGO, reviewed_on=None).exists()

    actions = AuditAction.objects.filter(audit__status=AuditStatus.COMPLETED)
    assert actions.filter(due_on__lt=LONG_AGO).exists()
    assert not actions.filter(due_on__lt=LONG_AGO, done_on=None).exists()


def _on(rows: list[tuple[datetime.date, datetime.date | None, str]], day: datetime.date) -> str:
    """The value of the row covering `day` ("" if none), ends inclusive as the record reads."""
    found = ""
    for start, end, value in rows:
        if start <= day and (end is None or day <= end):
            found = value
    return found


def test_every_plan_says_what_the_record_said_when_it_was_authorised(council: None) -> None:
    activities: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
    for pk, start, end, activ in ActivityEpisode.objects.order_by("start", "pk").values_list(
        "young_person_id", "start", "end", "activ"
    ):
        activities.setdefault(pk, []).append((start, end, activ))
    stays: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
    for pk, start, end, accom_type in AccommodationStay.objects.order_by(
        "start", "pk"
    ).values_list("young_person_id", "start", "end", "accom_type"):
        # A stay ends the day they move out: the next one covers that day.
        last = end - datetime.timedelta(days=1) if end else None
        stays.setdefault(pk, []).append((start, last, accom_type))
    advisers: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
    for pk, start, end, worker_id in (
        Allocation.objects.filter(role=WorkerRole.PERSONAL_ADVISER)
        .order_by("start", "pk")
        .values_list("young_person_id", "start", "end", "worker_id")
    ):
        last = end - datetime.timedelta(days=1) if end else None
        advisers.setdefault(pk, []).append((start, last, str(worker_id)))

    plans = PathwayPlan.objects.exclude(authorised_at=None)
    checked = Counter()
    for plan in plans:
        day = plan.effective_from
        sections = {s.key: s for s in PlanSection.objects.filter(plan=plan)}
        activity = _on(activities.get(plan.young_person_id, []), day)
        if activity:
            assert sections["education_and_training"].planned_activity == activity, plan.pk
            checked["activity"] += 1
        accommodation = _on(stays.get(plan.young_person_id, []), day)
        if accommodation:
            assert sections["accommodation"].planned_accommodation == accommodation, plan.pk
            checked["accommodation"] += 1
        adviser = _on(advisers.get(plan.young_person_id, []), day)
        if adviser:
            assert str(sections["contact_and_support"].personal_adviser_id) == adviser, plan.pk
            checked["adviser"] += 1
    # Nearly every plan has every answer filled in.
    assert min(checked.values()) > 0.9 * plans.count()


def test_what_a_plan_says_in_words_fits_the_record(council: None) -> None:
    health = {
        pk: (mental_health, gp == dentist == Registration.REGISTERED)
        for pk, mental_health, gp, dentist in HealthProfile.objects.values_list(
            "young_person_id", "mental_health_needs", "gp_registration", "dentist_registration"
        )
    }
    sections = PlanSection.objects.filter(
        plan__state__in=[*IN_FORCE_STATES, PlanState.SUBMITTED]
    ).select_related("plan")
    checked = 0
    for section in sections:
        words = section.young_persons_words
        if section.key == "education_and_training" and section.planned_activity:
            checked += 1
            if "apprenticeship" in words and "I want" not in words:
                assert section.planned_activity in ("F4", "P4"), words
            if "at uni" in words or "year at uni" in words:
                assert section.planned_activity in ("F1", "P1"), words
            if section.planned_activity in ("G4", "G5", "G6"):
                assert "I'm doing" not in words, words
                assert "I'm at uni" not in words, words
        if section.key == "health":
            mental_health, registered = health[section.plan.young_person_id]
            if "feeling low" in words or "leaving CAMHS" in words:
                assert mental_health, words
            if "I don't really go to the doctor" in words:
                assert registered, words
                assert not mental_health, words
    assert checked > 100
