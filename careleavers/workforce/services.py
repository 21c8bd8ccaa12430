"""Changes to supervision records and workforce records.

Each service takes keyword-only arguments with the acting user first, checks the acting user's
permission (PermissionDenied), runs in one transaction and writes its audit event in it. Bad input
is a ValidationError with a dict of field name to message, and nothing changes.

Audit events about supervision never copy the notes: the detail names the record, not its words.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.services import notify_on_commit
from careleavers.core.audit import audit_record, create_audited, save_audited
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import refuse_after_today
from careleavers.core.permissions import require
from careleavers.workforce import figures, selectors
from careleavers.workforce.models import (
    AbsenceReason,
    Course,
    Employment,
    EmploymentKind,
    Grade,
    LeavingReason,
    Post,
    PostRole,
    SicknessAbsence,
    SupervisionAction,
    SupervisionPolicy,
    SupervisionRecord,
    SupervisionReview,
    TrainingRecord,
)

# How far back a supervision, absence or training can be recorded (late recording is allowed,
# history is not rewritten wholesale).
EARLIEST_DAYS_BACK = 366 * 3


def _not_too_old(day: datetime.date, *, field: str, label: str, today: datetime.date) -> None:
    if (today - day).days > EARLIEST_DAYS_BACK:
        raise ValidationError({field: f"{label} must be within the last 3 years"})


# Supervision -------------------------------------------------------------------------------------


def supervision_record(
    *,
    acting_user: User,
    worker: Any,
    held_on: datetime.date,
    young_people: Iterable[Any] = (),
    what_is_working: str = "",
    what_worries_us: str = "",
    young_persons_experience: str = "",
    workers_wellbeing: str = "",
) -> SupervisionRecord:
    """Record a supervision the acting user held with a worker in their team (or any worker, for
    the head of service). The young people discussed must be on the worker's caseload on the day.
    The worker is told in their work tray; the message carries no content."""
    require(acting_user, "workforce.supervise_worker", worker)
    today = timezone.localdate()
    refuse_after_today("held_on", held_on, subject="Date of supervision", today=today)
    _not_too_old(held_on, field="held_on", label="Date of supervision", today=today)
    reflective = [what_is_working, what_worries_us, young_persons_experience, workers_wellbeing]
    if not any(text.strip() for text in reflective):
        raise ValidationError(
            {
                "what_is_working": "Write about at least one of the reflective questions: "
                "what is working, what worries us, the young person's experience or the "
                "worker's wellbeing"
            }
        )
    chosen = list(young_people)
    allowed = set(
        selectors.caseload_young_people(worker=worker, on=held_on).values_list("pk", flat=True)
    )
    outside = [person for person in chosen if person.pk not in allowed]
    if outside:
        raise ValidationError(
            {
                "young_people": "Choose only young people allocated to the worker on the date "
                "of supervision"
            }
        )
    with transaction.atomic():
        record = create_audited(
            SupervisionRecord,
            acting_user=acting_user,
            detail={
                "worker": worker.pk,
                "held_on": held_on.isoformat(),
                "young_people": sorted(person.pk for person in chosen),
            },
            worker=worker,
            supervisor=acting_user,
            team_id=worker.team_id,
            held_on=held_on,
            what_is_working=what_is_working.strip(),
            what_worries_us=what_worries_us.strip(),
            young_persons_experience=young_persons_experience.strip(),
            workers_wellbeing=workers_wellbeing.strip(),
        )
        if chosen:
            record.young_people.set(chosen)
        notify_on_commit(
            recipient_ids=[worker.pk],
            young_person_id=None,
            kind="supervision_recorded",
            message=f"Your supervision on {format_date(held_on)} has been recorded. "
            "Read it and add your comment.",
            link=reverse("workforce:supervision_detail", kwargs={"pk": record.pk}),
        )
    return record


def supervision_action_add(
    *,
    acting_user: User,
    record: SupervisionRecord,
    text: str,
    due_on: datetime.date,
    young_person: Any = None,
) -> SupervisionAction:
    """Add a task agreed in supervision. The young person, if any, must be one discussed."""
    require(acting_user, "workforce.add_supervision_action", record)
    if not text.strip():
        raise ValidationError({"text": "Enter the action"})
    if due_on < record.held_on:
        raise ValidationError({"due_on": "Due date must be on or after the date of supervision"})
    if young_person is not None and not record.young_people.filter(pk=young_person.pk).exists():
        raise ValidationError(
            {"young_person": "Choose a young person who was discussed in this supervision"}
        )
    with transaction.atomic():
        action = create_audited(
            SupervisionAction,
            acting_user=acting_user,
            young_person_id=young_person.pk if young_person is not None else None,
            detail={"record": record.pk, "due_on": due_on.isoformat()},
            record=record,
            text=text.strip(),
            due_on=due_on,
            young_person=young_person,
        )
    return action


def supervision_action_complete(
    *, acting_user: User, action: SupervisionAction, done_on: datetime.date | None = None
) -> SupervisionAction:
    require(acting_user, "workforce.complete_supervision_action", action.record)
    today = timezone.localdate()
    done_on = done_on or today
    refuse_after_today("done_on", done_on, subject="Date done", today=today)
    with transaction.atomic():
        action = SupervisionAction.objects.select_for_update().get(pk=action.pk)
        if action.done_on is not None:
            raise ValidationError("This action is already done.")
        action.done_on = done_on
        action.done_by = acting_user
        save_audited(
            action,
            acting_user=acting_user,
            detail={"record": action.record_id, "done_on": done_on.isoformat()},
            young_person_id=None,
            changed=["done_on", "done_by"],
        )
    return action


def supervision_respond(
    *,
    acting_user: User,
    record: SupervisionRecord,
    agrees: bool,
    comment: str = "",
) -> SupervisionRecord:
    """The worker's own comment on the record, and whether they agree it is accurate. If they do
    not agree, they must say why. A worker responds once; the supervisor is told."""
    require(acting_user, "workforce.respond_supervision", record)
    comment = comment.strip()
    if not agrees and not comment:
        raise ValidationError({"comment": "Say what you do not agree with"})
    with transaction.atomic():
        record = SupervisionRecord.objects.select_for_update().get(pk=record.pk)
        if record.worker_responded_at is not None:
            raise ValidationError("You have already added your comment to this supervision.")
        record.worker_agrees = agrees
        record.worker_comment = comment
        record.worker_responded_at = timezone.now()
        save_audited(
            record,
            acting_user=acting_user,
            detail={"worker_agrees": agrees},
            young_person_id=None,
            changed=["worker_agrees", "worker_comment", "worker_responded_at"],
        )
        notify_on_commit(
            recipient_ids=[record.supervisor_id],
            young_person_id=None,
            kind="supervision_response",
            message=f"{acting_user.get_full_name()} has commented on their supervision of "
            f"{format_date(record.held_on)}.",
            link=reverse("workforce:supervision_detail", kwargs={"pk": record.pk}),
        )
    return record


def supervision_sample_draw(
    *,
    acting_user: User,
    today: datetime.date | None = None,
    rng: random.Random | None = None,
) -> list[SupervisionReview]:
    """Draw a random sample (the policy's percentage, at least one) of the recent records not
    yet sampled, for the head of service to grade."""
    require(acting_user, "workforce.sample_supervision")
    today = today or timezone.localdate()
    policy = SupervisionPolicy.current()
    with transaction.atomic():
        candidates = list(
            selectors.sample_candidates(today=today, policy=policy)
            .select_for_update(of=("self",))
            .values_list("pk", flat=True)
        )
        if not candidates:
            raise ValidationError("There are no recent records left to sample.")
        size = figures.sample_size(len(candidates), policy.sample_percent)
        chosen = (rng or random.SystemRandom()).sample(sorted(candidates), size)
        now = timezone.now()
        reviews = SupervisionReview.objects.bulk_create(
            [
                SupervisionReview(
                    record_id=pk, randomly_sampled=True, sampled_at=now, sampled_by=acting_user
                )
                for pk in sorted(chosen)
            ]
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject_type="workforce.SupervisionReview",
            detail={
                "sampled": sorted(chosen),
                "from": len(candidates),
                "percent": policy.sample_percent,
            },
        )
    return reviews


def supervision_grade(
    *,
    acting_user: User,
    record: SupervisionRecord,
    grade: str,
    comment: str = "",
) -> SupervisionReview:
    """Grade a record reflective or compliance-led, with a comment. A record not drawn in a
    sample can be picked and graded too; a grade can be changed by grading again."""
    require(acting_user, "workforce.grade_supervision", record)
    if grade not in Grade.values:
        raise ValidationError(
            {"grade": "Select whether the supervision was reflective or compliance-led"}
        )
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": "Enter a comment on the supervision"})
    now = timezone.now()
    with transaction.atomic():
        review, created = SupervisionReview.objects.select_for_update().get_or_create(
            record=record, defaults={"sampled_at": now, "sampled_by": acting_user}
        )
        before = review.grade
        review.grade = grade
        review.comment = comment
        review.graded_at = now
        review.graded_by = acting_user
        review.save()
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE if before else AuditEvent.Action.CREATE,
            subject=review,
            detail={"record": record.pk, "grade": grade, "before": before},
        )
    return review


# Posts and employment ----------------------------------------------------------------------------


def _check_fte(fte: Decimal, field: str = "fte") -> None:
    if fte is None or not Decimal("0.01") <= fte <= Decimal("1.00"):
        raise ValidationError({field: "Full-time equivalent must be between 0.01 and 1"})


def post_save(
    *,
    acting_user: User,
    post: Post | None = None,
    team: Any,
    role: str,
    fte: Decimal,
    funded_from: datetime.date,
    funded_to: datetime.date | None = None,
    reference: str = "",
) -> Post:
    """Add a funded post, or change one (for example, when its funding ends)."""
    require(acting_user, "workforce.change_posts")
    if role not in PostRole.values:
        raise ValidationError({"role": "Select the role of the post"})
    _check_fte(fte)
    if funded_to is not None and funded_to < funded_from:
        raise ValidationError({"funded_to": "Funded to must be on or after funded from"})
    with transaction.atomic():
        if post is not None:
            post = Post.objects.select_for_update().get(pk=post.pk)
            if post.employments.filter(start__lt=funded_from).exists():
                raise ValidationError({"funded_from": "Someone held the post before this date"})
            if (
                funded_to is not None
                and post.employments.filter(Q(end__isnull=True) | Q(end__gt=funded_to)).exists()
            ):
                raise ValidationError(
                    {
                        "funded_to": "Someone holds the post after this date. End their "
                        "employment first"
                    }
                )
        post = post or Post()
        post.team = team
        post.role = role
        post.fte = fte
        post.funded_from = funded_from
        post.funded_to = funded_to
        post.reference = reference.strip()
        save_audited(
            post,
            acting_user=acting_user,
            young_person_id=None,
            detail={
                "team": team.pk,
                "role": role,
                "fte": str(fte),
                "funded_from": funded_from.isoformat(),
                "funded_to": funded_to.isoformat() if funded_to else None,
            },
        )
    return post


def employment_start(
    *,
    acting_user: User,
    post: Post,
    staff: Any,
    kind: str,
    fte: Decimal,
    start: datetime.date,
) -> Employment:
    """Someone starts in a post. The post must be funded on their start date, and its holders'
    FTE together cannot exceed the post's."""
    require(acting_user, "workforce.change_posts")
    if kind not in EmploymentKind.values:
        raise ValidationError({"kind": "Select permanent or agency"})
    _check_fte(fte)
    if not staff.is_active or not staff.has_role(*selectors.WORKFORCE_ROLES):
        raise ValidationError(
            {"staff": "Choose a personal adviser, social worker or team manager"}
        )
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if not post.is_funded_on(start):
            raise ValidationError({"start": "The post is not funded on this start date"})
        overlapping = post.employments.filter(Q(end__isnull=True) | Q(end__gte=start))
        held = sum((job.fte for job in overlapping), Decimal(0))
        if held + fte > post.fte:
            raise ValidationError(
                {"fte": f"The post is {post.fte} FTE and {held} FTE is held from this date"}
            )
        if staff.employments.filter(end__isnull=True).exists():
            raise ValidationError(
                {"staff": "This person already holds a post. End that employment first"}
            )
        job = create_audited(
            Employment,
            acting_user=acting_user,
            detail={"post": post.pk, "staff": staff.pk, "kind": kind, "start": start.isoformat()},
            post=post,
            staff=staff,
            kind=kind,
            fte=fte,
            start=start,
        )
    return job


def employment_end(
    *,
    acting_user: User,
    employment: Employment,
    end: datetime.date,
    leaving_reason: str,
) -> Employment:
    """Someone leaves a post (or moves to another in the service) on their last day, `end`."""
    require(acting_user, "workforce.change_posts")
    if leaving_reason not in LeavingReason.values:
        raise ValidationError({"leaving_reason": "Select why they left the post"})
    with transaction.atomic():
        employment = Employment.objects.select_for_update().get(pk=employment.pk)
        if employment.end is not None:
            raise ValidationError("This employment has already ended.")
        if end < employment.start:
            raise ValidationError({"end": "Last day must be on or after their start date"})
        employment.end = end
        employment.leaving_reason = leaving_reason
        save_audited(
            employment,
            acting_user=acting_user,
            detail={"end": end.isoformat(), "leaving_reason": leaving_reason},
            young_person_id=None,
            changed=["end", "leaving_reason"],
        )
    return employment


# Absence and training ----------------------------------------------------------------------------


def absence_record(
    *,
    acting_user: User,
    staff: Any,
    first_day: datetime.date,
    last_day: datetime.date | None,
    reason: str,
    working_days_lost: Decimal | None = None,
) -> SicknessAbsence:
    """Record a sickness absence: dates, working days lost and a category, never medical
    detail. Working days lost default to the weekdays in the period (a part-time worker's
    manager enters the days they were due to work)."""
    require(acting_user, "workforce.record_absence", staff)
    today = timezone.localdate()
    refuse_after_today("first_day", first_day, subject="First day of absence", today=today)
    _not_too_old(first_day, field="first_day", label="First day of absence", today=today)
    if reason not in AbsenceReason.values:
        raise ValidationError({"reason": "Select the reason for absence"})
    if last_day is not None and last_day < first_day:
        raise ValidationError(
            {"last_day": "Last day of absence must be on or after the first day"}
        )
    span = figures.weekdays_between(first_day, last_day or today)
    if working_days_lost is None:
        if last_day is None:
            raise ValidationError({"working_days_lost": "Enter the working days lost so far"})
        working_days_lost = Decimal(span)
    if working_days_lost <= 0:
        raise ValidationError({"working_days_lost": "Working days lost must be more than 0"})
    if working_days_lost > max(span, 1):
        raise ValidationError(
            {
                "working_days_lost": f"Working days lost must be no more than the {span} "
                "weekdays in the period"
            }
        )
    overlapping = SicknessAbsence.objects.filter(staff=staff, first_day__lte=last_day or today)
    overlapping = overlapping.exclude(last_day__lt=first_day)
    with transaction.atomic():
        if overlapping.exists():
            raise ValidationError(
                {"first_day": "This overlaps a sickness absence already recorded"}
            )
        absence = create_audited(
            SicknessAbsence,
            acting_user=acting_user,
            detail={"staff": staff.pk, "first_day": first_day.isoformat()},
            staff=staff,
            first_day=first_day,
            last_day=last_day,
            working_days_lost=working_days_lost,
            reason=reason,
        )
    return absence


def absence_end(
    *,
    acting_user: User,
    absence: SicknessAbsence,
    last_day: datetime.date,
    working_days_lost: Decimal | None = None,
) -> SicknessAbsence:
    """Close an absence that was recorded while the person was still off."""
    require(acting_user, "workforce.record_absence", absence.staff)
    with transaction.atomic():
        absence = SicknessAbsence.objects.select_for_update().get(pk=absence.pk)
        if absence.last_day is not None:
            raise ValidationError("This absence has already ended.")
        if last_day < absence.first_day:
            raise ValidationError(
                {"last_day": "Last day of absence must be on or after the first day"}
            )
        span = figures.weekdays_between(absence.first_day, last_day)
        days = Decimal(span) if working_days_lost is None else working_days_lost
        if not Decimal(0) < days <= max(span, 1):
            raise ValidationError(
                {"working_days_lost": f"Working days lost must be from 0.5 to {span}"}
            )
        absence.last_day = last_day
        absence.working_days_lost = days
        save_audited(
            absence,
            acting_user=acting_user,
            detail={"last_day": last_day.isoformat()},
            young_person_id=None,
        )
    return absence


def training_record(
    *,
    acting_user: User,
    staff: Any,
    course: Course,
    completed_on: datetime.date,
) -> TrainingRecord:
    """Record that someone completed a course of the learning programme."""
    require(acting_user, "workforce.record_training", staff)
    today = timezone.localdate()
    refuse_after_today("completed_on", completed_on, subject="Date completed", today=today)
    _not_too_old(completed_on, field="completed_on", label="Date completed", today=today)
    if not course.is_active:
        raise ValidationError({"course": "This course is no longer offered"})
    with transaction.atomic():
        if TrainingRecord.objects.filter(
            staff=staff, course=course, completed_on=completed_on
        ).exists():
            raise ValidationError({"completed_on": "This completion is already recorded"})
        record = create_audited(
            TrainingRecord,
            acting_user=acting_user,
            detail={"staff": staff.pk, "course": course.pk},
            staff=staff,
            course=course,
            completed_on=completed_on,
        )
    return record


def staff_role_label(user: Any) -> str:
    for role in (Role.TEAM_MANAGER, Role.SOCIAL_WORKER, Role.PERSONAL_ADVISER):
        if user.has_role(role):
            return str(role.label)
    return ""
