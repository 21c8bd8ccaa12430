"""Changes to EET records, the EET panel and PEPs.

Every service takes keyword arguments with `acting_user` first, runs in one transaction, locks
what it changes and writes its AuditEvent in that same transaction (DESIGN 4.2). Bad input is
refused with a `ValidationError` keyed by field, and nothing is saved. Records are archived,
never deleted (DESIGN 4.5). Views check permissions through `rules` before calling a service.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core.audit import (
    archive_audited,
    audit_record,
    create_audited,
    save_audited,
)
from careleavers.core.concurrency import refuse_if_stale
from careleavers.core.dates import format_date
from careleavers.core.dfe_codes import ACTIV_NEET, label_for
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import not_after_today, refuse_after_today
from careleavers.core.refusals import raise_if
from careleavers.learning import activ as activ_rules
from careleavers.learning import pep as pep_rules
from careleavers.learning import selectors
from careleavers.learning.models import (
    ActivityEpisode,
    LearningPolicy,
    NeetReason,
    NeetReasonRecord,
    PanelAction,
    PanelAttendee,
    PanelCase,
    PanelMeeting,
    PepTarget,
    PersonalEducationPlan,
)
from careleavers.people import services as people_services
from careleavers.people.models import YoungPerson

ONE_DAY = datetime.timedelta(days=1)


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _activity_label(activ: str) -> str:
    return label_for(activ_rules.RECORDABLE_ACTIV, activ)


def _describe(episode: ActivityEpisode) -> str:
    until = f" to {format_date(episode.end)}" if episode.end else ""
    return f"{_activity_label(episode.activ).lower()} from {format_date(episode.start)}{until}"


def _conflicts(first: str, second: str) -> bool:
    # Being NEET excludes any other activity; education, training and work can run together
    # (a part-time job beside a part-time course).
    return first in ACTIV_NEET or second in ACTIV_NEET


def _overlaps(episode: ActivityEpisode, start: datetime.date, end: datetime.date | None) -> bool:
    return episode.start <= (end or datetime.date.max) and start <= (
        episode.end or datetime.date.max
    )


# Keeping the young person's record in step -----------------------------------------------------


def education_flag_refresh(
    *, acting_user: User, young_person: YoungPerson, today: datetime.date | None = None
) -> bool:
    """Set the record's "in education or training" fact from the activity history.

    The care-leaver category reads that fact (qualifying care leavers get help to 25 while in
    education or training), so the change goes through the people service, which re-derives
    the category and audits the change. Returns the value now held.
    """
    today = _today(today)
    values = selectors.activity_values(selectors.activities_for(young_person=young_person))
    in_education = activ_rules.in_education_or_training_on(values, today)
    current = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
    if current.in_education_or_training != in_education:
        people_services.young_person_update(
            acting_user=acting_user,
            young_person=current,
            version=current.version,
            changes={"in_education_or_training": in_education},
            today=today,
        )
    return in_education


# Activity history ---------------------------------------------------------------------------


def _check_activity(
    *,
    activ: str,
    start: datetime.date,
    end: datetime.date | None,
    planned_end: datetime.date | None,
    hours_per_week: Decimal | None,
    is_training: bool,
    neet_reasons: Sequence[NeetReason],
    today: datetime.date,
) -> None:
    errors: dict[str, str] = {}
    if not any(code == activ for code, _ in activ_rules.RECORDABLE_ACTIV):
        errors["activ"] = "Select what they are doing"
    not_after_today(errors, "start", start, subject="Start date", today=today)
    if end is not None and end < start:
        errors["end"] = "End date must be the same as or after the start date"
    not_after_today(errors, "end", end, subject="End date", today=today)
    if planned_end is not None and planned_end < start:
        errors["planned_end"] = (
            "The date the course or contract is due to end must be after the start date"
        )
    if hours_per_week is not None and not Decimal(0) < hours_per_week <= Decimal(80):
        errors["hours_per_week"] = "Hours a week must be between 0.5 and 80"
    if is_training and activ not in activ_rules.TRAINING_OR_EMPLOYMENT:
        errors["is_training"] = "Only training or employment (F5 or P5) can be marked as training"
    if neet_reasons and activ not in ACTIV_NEET:
        errors["neet_reasons"] = (
            "Reasons for not being in education, employment or training go with a NEET activity"
        )
    inactive = [reason.label for reason in neet_reasons if not reason.is_active]
    if inactive:
        errors["neet_reasons"] = f"These reasons are no longer in use: {', '.join(inactive)}"
    raise_if(errors)


def activity_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    activ: str,
    start: datetime.date,
    end: datetime.date | None = None,
    planned_end: datetime.date | None = None,
    provider: str = "",
    course_or_role: str = "",
    hours_per_week: Decimal | None = None,
    is_training: bool = False,
    council_job_offer: bool = False,
    young_persons_view: str = "",
    notes: str = "",
    neet_reasons: Iterable[NeetReason] = (),
    today: datetime.date | None = None,
) -> ActivityEpisode:
    """Record what a young person is doing from `start` (and until `end`, for past history).

    A new NEET activity ends whatever they were doing before it, and a new activity ends an
    open NEET one, on the day before the new one starts. Anything else that would overlap a
    NEET period is refused with the clash named. NEET reasons given are recorded from `start`,
    with the young person's words (a reason already open is kept, not repeated).
    """
    today = _today(today)
    neet_reasons = list(neet_reasons)
    _check_activity(
        activ=activ,
        start=start,
        end=end,
        planned_end=planned_end,
        hours_per_week=hours_per_week,
        is_training=is_training,
        neet_reasons=neet_reasons,
        today=today,
    )
    with transaction.atomic():
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        existing = list(selectors.activities_for(young_person=young_person))
        to_end = []
        for episode in existing:
            if not _conflicts(activ, episode.activ) or not _overlaps(episode, start, end):
                continue
            if episode.end is None and episode.start < start:
                to_end.append(episode)
                continue
            raise ValidationError(
                {
                    "start": f"This overlaps {_describe(episode)}. Change the dates, or end or "
                    "correct that activity first"
                }
            )
        for episode in to_end:
            episode.end = start - ONE_DAY
            episode.end_reason = f"They started {_activity_label(activ).lower()}."
            save_audited(
                episode,
                acting_user=acting_user,
                young_person_id=young_person.pk,
                detail={"fields": ["end", "end_reason"], "ended_by_new_activity": True},
            )
        episode = create_audited(
            ActivityEpisode,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"activ": activ},
            young_person=young_person,
            activ=activ,
            start=start,
            end=end,
            planned_end=planned_end,
            provider=provider.strip(),
            course_or_role=course_or_role.strip(),
            hours_per_week=hours_per_week,
            is_training=is_training,
            council_job_offer=council_job_offer,
            young_persons_view=young_persons_view.strip(),
            notes=notes.strip(),
        )
        open_reasons = set(
            NeetReasonRecord.objects.live()
            .filter(young_person=young_person, resolved_on__isnull=True)
            .values_list("reason_id", flat=True)
        )
        for reason in neet_reasons:
            if reason.pk not in open_reasons:
                # What they said about being NEET is their view of each reason given with it.
                _neet_reason_create(
                    acting_user=acting_user,
                    young_person=young_person,
                    reason=reason,
                    identified_on=start,
                    young_persons_view=young_persons_view,
                )
        education_flag_refresh(acting_user=acting_user, young_person=young_person, today=today)
    return episode


def activity_end(
    *,
    acting_user: User,
    activity: ActivityEpisode,
    version: int,
    end: datetime.date,
    end_reason: str = "",
    today: datetime.date | None = None,
) -> ActivityEpisode:
    """Record the last day of an activity. Refused if someone changed it since `version`."""
    today = _today(today)
    with transaction.atomic():
        locked = ActivityEpisode.objects.select_for_update().get(pk=activity.pk)
        refuse_if_stale(
            locked, version=version, what="this activity", fields=("end", "end_reason")
        )
        if end < locked.start:
            raise ValidationError({"end": "End date must be the same as or after the start date"})
        refuse_after_today("end", end, subject="End date", today=today)
        locked.end = end
        locked.end_reason = end_reason.strip()
        save_audited(locked, acting_user=acting_user, detail={"fields": ["end", "end_reason"]})
        education_flag_refresh(
            acting_user=acting_user, young_person=locked.young_person, today=today
        )
    return locked


def activity_archive(
    *,
    acting_user: User,
    activity: ActivityEpisode,
    reason: str,
    today: datetime.date | None = None,
) -> ActivityEpisode:
    """Take an activity recorded in error out of the history. It is kept, with the reason."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why this activity was recorded in error"})
    with transaction.atomic():
        locked = ActivityEpisode.objects.select_for_update().get(pk=activity.pk)
        if locked.archived_at is None:
            archive_audited(
                locked,
                acting_user=acting_user,
                reason=reason.strip(),
                detail={"reason": reason.strip()},
            )
            education_flag_refresh(
                acting_user=acting_user, young_person=locked.young_person, today=today
            )
    return locked


# NEET reasons -------------------------------------------------------------------------------


def _neet_reason_create(
    *,
    acting_user: User,
    young_person: YoungPerson,
    reason: NeetReason,
    identified_on: datetime.date,
    young_persons_view: str = "",
    details: str = "",
) -> NeetReasonRecord:
    return create_audited(
        NeetReasonRecord,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        detail={"reason": reason.code},
        young_person=young_person,
        reason=reason,
        identified_on=identified_on,
        young_persons_view=young_persons_view.strip(),
        details=details.strip(),
    )


def neet_reason_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    reason: NeetReason,
    identified_on: datetime.date,
    young_persons_view: str = "",
    details: str = "",
    today: datetime.date | None = None,
) -> NeetReasonRecord:
    """Record a reason they are not in EET, with their own view of it."""
    today = _today(today)
    refuse_after_today("identified_on", identified_on, subject="Date recorded", today=today)
    if not reason.is_active:
        raise ValidationError({"reason": "This reason is no longer in use: choose another"})
    with transaction.atomic():
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        if (
            NeetReasonRecord.objects.live()
            .filter(young_person=young_person, reason=reason, resolved_on__isnull=True)
            .exists()
        ):
            raise ValidationError(
                {"reason": f"“{reason.label}” is already recorded for them and not resolved"}
            )
        return _neet_reason_create(
            acting_user=acting_user,
            young_person=young_person,
            reason=reason,
            identified_on=identified_on,
            young_persons_view=young_persons_view,
            details=details,
        )


def neet_reason_resolve(
    *,
    acting_user: User,
    record: NeetReasonRecord,
    resolved_on: datetime.date,
    today: datetime.date | None = None,
) -> NeetReasonRecord:
    """Record the day a reason stopped being a barrier."""
    today = _today(today)
    with transaction.atomic():
        locked = NeetReasonRecord.objects.select_for_update().get(pk=record.pk)
        if locked.resolved_on is not None:
            raise ValidationError({"resolved_on": "This reason is already resolved"})
        if resolved_on < locked.identified_on:
            raise ValidationError(
                {"resolved_on": "The date must be the same as or after the date it was recorded"}
            )
        refuse_after_today("resolved_on", resolved_on, today=today)
        locked.resolved_on = resolved_on
        save_audited(locked, acting_user=acting_user, detail={"fields": ["resolved_on"]})
    return locked


# The EET panel ------------------------------------------------------------------------------


def panel_meeting_create(
    *,
    acting_user: User,
    held_on: datetime.date,
    location: str = "",
    chair: Any = None,
) -> PanelMeeting:
    with transaction.atomic():
        if PanelMeeting.objects.filter(held_on=held_on).exists():
            raise ValidationError({"held_on": "There is already a panel meeting on this date"})
        meeting = create_audited(
            PanelMeeting,
            acting_user=acting_user,
            held_on=held_on,
            location=location.strip(),
            chair=chair,
        )
    return meeting


def panel_agenda_build(
    *,
    acting_user: User | None,
    meeting: PanelMeeting,
    today: datetime.date | None = None,
) -> int:
    """Add to the agenda everyone the panel should discuss; returns how many were added.

    The young people not in EET today, and those whose course or contract ends between today
    and the policy's number of days after the meeting (selectors.agenda_candidates). People
    already on the agenda stay as they are, so rebuilding is safe and keeps any discussion.
    """
    today = _today(today)
    policy = LearningPolicy.current()
    days = policy.course_ending_within_days
    course_ending_by = max(today, meeting.held_on) + datetime.timedelta(days=days)
    with transaction.atomic():
        locked = PanelMeeting.objects.select_for_update().get(pk=meeting.pk)
        listed = set(
            PanelCase.objects.filter(meeting=locked).values_list("young_person_id", flat=True)
        )
        candidates = [
            candidate
            for candidate in selectors.agenda_candidates(
                on=today, course_ending_by=course_ending_by
            )
            if candidate.young_person_id not in listed
        ]
        cases = PanelCase.objects.bulk_create(
            [
                PanelCase(
                    meeting=locked,
                    young_person_id=candidate.young_person_id,
                    listed_because=candidate.listed_because,
                    activ_when_listed=candidate.activ,
                    neet_since=candidate.neet_since,
                    course_ends_on=candidate.course_ends_on,
                    created_by=acting_user,
                    modified_by=acting_user,
                )
                for candidate in candidates
            ],
            batch_size=1000,
        )
        # SQLite (3.35+) and PostgreSQL return the new ids from a bulk insert.
        through = PanelCase.reasons.through
        through.objects.bulk_create(
            [
                through(panelcase_id=case.pk, neetreason_id=reason_id)
                for case, candidate in zip(cases, candidates, strict=True)
                for reason_id in candidate.reason_ids
            ],
            batch_size=1000,
        )
        locked.agenda_built_on = today
        locked.course_ending_within_days = days
        locked.modified_by = acting_user
        locked.save(
            update_fields=[
                "agenda_built_on",
                "course_ending_within_days",
                "modified_by",
                "modified_at",
            ]
        )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE,
            subject=locked,
            detail={"agenda_added": len(cases), "on": today.isoformat()},
        )
    return len(cases)


# The panel's agenda is refreshed each day for meetings in the coming month.
AGENDA_REFRESH_DAYS = 31


def panel_agendas_refresh(today: datetime.date) -> str:
    """The daily job: bring the agendas of coming meetings up to date. Safe to run twice."""
    meetings = PanelMeeting.objects.filter(
        held_on__gte=today, held_on__lte=today + datetime.timedelta(days=AGENDA_REFRESH_DAYS)
    ).order_by("held_on")
    added = 0
    count = 0
    for meeting in meetings:
        added += panel_agenda_build(acting_user=None, meeting=meeting, today=today)
        count += 1
    return f"refreshed {count} panel agendas, {added} young people added"


def panel_attendee_add(
    *,
    acting_user: User,
    meeting: PanelMeeting,
    attendance: str,
    user: Any = None,
    name: str = "",
    organisation: str = "",
) -> PanelAttendee:
    """Record who came to a meeting: a member of staff, or a partner by name."""
    name = name.strip() or (user.get_full_name() if user is not None else "")
    if not name:
        raise ValidationError({"name": "Choose a member of staff or enter the person's name"})
    with transaction.atomic():
        attendee = create_audited(
            PanelAttendee,
            acting_user=acting_user,
            detail={"meeting": meeting.pk, "attendance": attendance},
            meeting=meeting,
            user=user,
            name=name,
            organisation=organisation.strip(),
            attendance=attendance,
        )
    return attendee


def panel_case_discuss(
    *,
    acting_user: User,
    case: PanelCase,
    version: int,
    discussion: str,
) -> PanelCase:
    """Record what the panel said about a young person. Refused if someone saved first."""
    if not discussion.strip():
        raise ValidationError({"discussion": "Enter what the panel discussed"})
    with transaction.atomic():
        locked = PanelCase.objects.select_for_update().get(pk=case.pk)
        refuse_if_stale(
            locked, version=version, what="the notes of this discussion", fields=("discussion",)
        )
        locked.discussion = discussion.strip()
        locked.discussed_at = timezone.now()
        save_audited(locked, acting_user=acting_user, detail={"fields": ["discussion"]})
    return locked


def panel_action_add(
    *,
    acting_user: User,
    case: PanelCase,
    kind: str,
    description: str,
    due_on: datetime.date,
    owner: Any = None,
    owner_name: str = "",
) -> PanelAction:
    """Record something the panel agreed: what, who will do it and by when."""
    errors = {}
    if not description.strip():
        errors["description"] = "Enter what will be done"
    if owner is None and not owner_name.strip():
        errors["owner"] = "Choose who will do it, or enter the name of someone outside the service"
    raise_if(errors)
    with transaction.atomic():
        action = create_audited(
            PanelAction,
            acting_user=acting_user,
            young_person_id=case.young_person_id,
            detail={"kind": kind},
            case=case,
            kind=kind,
            description=description.strip(),
            owner=owner,
            owner_name="" if owner is not None else owner_name.strip(),
            due_on=due_on,
        )
    return action


def panel_action_complete(
    *,
    acting_user: User,
    action: PanelAction,
    completed_on: datetime.date,
    outcome: str = "",
    today: datetime.date | None = None,
) -> PanelAction:
    today = _today(today)
    refuse_after_today("completed_on", completed_on, subject="Date done", today=today)
    with transaction.atomic():
        locked = PanelAction.objects.select_for_update().select_related("case").get(pk=action.pk)
        if locked.completed_on is not None:
            raise ValidationError({"completed_on": "This action is already done"})
        locked.completed_on = completed_on
        locked.outcome = outcome.strip()
        save_audited(
            locked,
            acting_user=acting_user,
            young_person_id=locked.case.young_person_id,
            detail={"fields": ["completed_on", "outcome"]},
        )
    return locked


# PEPs ---------------------------------------------------------------------------------------


def peps_schedule(today: datetime.date) -> str:
    """The daily job: make sure everyone who needs a PEP this term has one, due on time.

    Creates the term's PEP for each 16 or 17 year old in care and in education or training who
    has none yet, and marks as not needed the term's open PEPs, not yet due, of those who no
    longer need one (they turned 18, left care or left education). Safe to run twice; a missed
    day is caught up because it works from the state on `today`.
    """
    term = pep_rules.term_on(today)
    if term is None:
        return "no school term today"
    policy = LearningPolicy.current()
    needing = set(selectors.young_people_needing_pep(on=today).values_list("pk", flat=True))
    term_peps = PersonalEducationPlan.objects.filter(
        academic_year=term.academic_year, term=term.term.value
    )
    have = set(term_peps.values_list("young_person_id", flat=True))
    # Someone found at the start of term gets the usual date; someone found later (they turned
    # 16 or started a course mid-term) gets time to have one (pep.pep_due_on).
    due_on = pep_rules.pep_due_on(
        term, weeks_into_term=policy.pep_due_weeks_into_term, found_on=today
    )
    created = ended = 0
    with transaction.atomic():
        new = [
            PersonalEducationPlan(
                young_person_id=young_person_id,
                academic_year=term.academic_year,
                term=term.term.value,
                due_on=due_on,
            )
            for young_person_id in sorted(needing - have)
        ]
        PersonalEducationPlan.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
        created = len(new)
        no_longer = term_peps.filter(
            completed_on__isnull=True, not_required_on__isnull=True, due_on__gte=today
        ).exclude(young_person_id__in=selectors.young_people_needing_pep(on=today).values("pk"))
        ended = no_longer.update(
            not_required_on=today,
            not_required_reason="No longer 16 or 17, in care and in education or training.",
        )
        if created or ended:
            audit_record(
                acting_user=None,
                action=AuditEvent.Action.CHANGE,
                subject_type="learning.pep_schedule",
                subject_id=term.label,
                detail={"created": created, "not_needed": ended, "on": today.isoformat()},
            )
    return f"{term.label}: {created} PEPs scheduled, {ended} no longer needed"


def pep_complete(
    *,
    acting_user: User,
    pep: PersonalEducationPlan,
    completed_on: datetime.date,
    education_setting: str = "",
    summary: str = "",
    today: datetime.date | None = None,
) -> PersonalEducationPlan:
    """Record that the term's PEP meeting was held and the plan written."""
    today = _today(today)
    refuse_after_today("completed_on", completed_on, subject="Date completed", today=today)
    with transaction.atomic():
        locked = PersonalEducationPlan.objects.select_for_update().get(pk=pep.pk)
        if locked.completed_on is not None:
            raise ValidationError({"completed_on": "This PEP is already completed"})
        locked.completed_on = completed_on
        locked.education_setting = education_setting.strip()
        locked.summary = summary.strip()
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"fields": ["completed_on", "education_setting", "summary"]},
        )
    return locked


def pep_review(
    *,
    acting_user: User,
    pep: PersonalEducationPlan,
    quality_grade: str,
    reviewer_feedback: str,
    reviewed_on: datetime.date | None = None,
) -> PersonalEducationPlan:
    """Quality assure a completed PEP: a grade and feedback for the worker."""
    reviewed_on = _today(reviewed_on)
    errors = {}
    if not reviewer_feedback.strip():
        errors["reviewer_feedback"] = "Enter your feedback for the worker"
    raise_if(errors)
    with transaction.atomic():
        locked = PersonalEducationPlan.objects.select_for_update().get(pk=pep.pk)
        if locked.completed_on is None:
            raise ValidationError(
                {"quality_grade": "A PEP can be reviewed only once it is completed"}
            )
        locked.quality_grade = quality_grade
        locked.reviewer_feedback = reviewer_feedback.strip()
        locked.reviewer = acting_user
        locked.reviewed_on = reviewed_on
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"fields": ["quality_grade", "reviewer_feedback"], "grade": quality_grade},
        )
    return locked


def pep_target_add(
    *,
    acting_user: User,
    pep: PersonalEducationPlan,
    description: str,
    by_when: datetime.date | None = None,
    status: str = "not_started",
) -> PepTarget:
    if not description.strip():
        raise ValidationError({"description": "Enter the target"})
    with transaction.atomic():
        target = create_audited(
            PepTarget,
            acting_user=acting_user,
            young_person_id=pep.young_person_id,
            pep=pep,
            description=description.strip(),
            by_when=by_when,
            status=status,
        )
    return target
