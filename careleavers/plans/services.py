"""Changes to needs assessments, pathway plans and reviews.

Every service takes keyword arguments with `acting_user` first, runs in one transaction, locks
what it changes, and writes its AuditEvent in that same transaction (DESIGN 4.2). Every change
of a plan's state also writes a PlanStateChange. Edits carry the version the editor started from;
a stale one is refused and says what changed since (DESIGN 4.6).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, TypeVar

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.core.audit import (
    audit_record,
    create_audited,
    save_audited,
    save_consequence,
    save_naming_user,
)
from careleavers.core.concurrency import StaleEdit, refuse_if_stale
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import (
    after_today_message,
    is_after_today,
    not_after_today,
    refuse_after_today,
)
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson
from careleavers.plans import schedule
from careleavers.plans.models import (
    EDITABLE_STATES,
    IN_FORCE_STATES,
    OPEN_STATES,
    REQUEST_REASONS,
    ActionStatus,
    AssessmentSection,
    Goal,
    GoalProgress,
    NeedsAssessment,
    PathwayPlan,
    PlanAction,
    PlanReview,
    PlanSection,
    PlanState,
    PlanStateChange,
    ReviewPolicy,
    ReviewReason,
)
from careleavers.plans.pdf import Preparing

# A stale save is refused, saying what changed, by the same code as for the young person's
# record (people.services), so both read the same to staff.
__all__ = ["StaleEdit"]


# Helpers -------------------------------------------------------------------------------------


def _save(instance: Any, acting_user: User, **kwargs: Any) -> None:
    # Who made it and last changed it, on the record and in its history.
    if hasattr(instance, "modified_by_id"):
        instance.modified_by = acting_user
        if instance.pk is None:
            instance.created_by = acting_user
    save_naming_user(instance, acting_user, **kwargs)


def _locked_plan(plan: PathwayPlan) -> PathwayPlan:
    return PathwayPlan.objects.select_for_update().select_related("young_person").get(pk=plan.pk)


def _change_state(
    *,
    acting_user: User,
    plan: PathwayPlan,
    to_state: str,
    comment: str = "",
    detail: dict[str, Any] | None = None,
) -> PlanStateChange:
    """Record a change of state (the plan row is saved first, so its history is complete)."""
    from_state = plan.state
    plan.state = to_state
    save_audited(
        plan,
        acting_user=acting_user,
        detail={"state": to_state, "from": from_state, **(detail or {})},
    )
    return PlanStateChange.objects.create(
        plan=plan,
        at=timezone.now(),
        by=acting_user,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
    )


def _refresh_contact_due(young_person_id: int) -> None:
    """The contact standard asks for a visit before each review (Care Leavers Regs 2010
    reg 8(2)(b)); casework keeps the next contact date, so tell it the review date moved."""
    from careleavers.casework.services import contact_due_refresh

    contact_due_refresh(young_person=YoungPerson.objects.get(pk=young_person_id))


def _require_state(plan: PathwayPlan, allowed: Iterable[str], doing: str) -> None:
    if plan.state not in allowed:
        raise ValidationError(
            f"You cannot {doing} a plan that is {plan.get_state_display().lower()}."
        )


# Needs assessment ----------------------------------------------------------------------------


ASSESSMENT_FIELDS = ("views_sought", "information_obtained", "meeting_deliberations", "outcome")


@transaction.atomic
def assessment_start(
    *,
    acting_user: User,
    young_person: YoungPerson,
    started_on: datetime.date | None = None,
) -> NeedsAssessment:
    """Start a needs assessment with a section for each matter of CPPCR 2010 reg 42(2)."""
    from careleavers.plans.selectors import assessment_due_for

    YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
    if NeedsAssessment.objects.filter(
        young_person=young_person, completed_on__isnull=True
    ).exists():
        raise ValidationError("There is already a needs assessment in progress.")
    due = assessment_due_for(young_person)
    assessment = create_audited(
        NeedsAssessment,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        young_person=young_person,
        started_on=started_on or timezone.localdate(),
        due_on=due.due if due else None,
        due_rule=due.rule if due else "",
    )
    for matter in schedule.ASSESSMENT_MATTERS:
        _save(AssessmentSection(assessment=assessment, matter=matter.key), acting_user)
    return assessment


@transaction.atomic
def assessment_update(
    *,
    acting_user: User,
    assessment: NeedsAssessment,
    version: int | None,
    findings: dict[str, str],
    **fields: str,
) -> NeedsAssessment:
    """Save what the assessment found on each matter, and the reg 5(3) written record."""
    unknown = set(fields) - set(ASSESSMENT_FIELDS)
    if unknown:
        raise ValueError(f"These fields cannot be set here: {', '.join(sorted(unknown))}")
    current = NeedsAssessment.objects.select_for_update().get(pk=assessment.pk)
    if current.is_complete:
        raise ValidationError("This needs assessment is complete and can no longer be changed.")
    refuse_if_stale(
        current, version=version, what="this needs assessment", fields=ASSESSMENT_FIELDS
    )
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    for name, value in fields.items():
        setattr(current, name, value)
    for section in current.sections.all():
        new = findings.get(section.matter)
        if new is not None and new != section.findings:
            section.findings = new
            _save(section, acting_user)
            changed.append(section.matter)
    save_audited(current, acting_user=acting_user, detail={"changed": changed})
    return current


@transaction.atomic
def assessment_complete(
    *,
    acting_user: User,
    assessment: NeedsAssessment,
    completed_on: datetime.date,
) -> NeedsAssessment:
    """Mark the assessment complete. It needs a finding on every matter, whose views were
    sought and the results (Care Leavers Regs 2010 reg 5(3))."""
    current = NeedsAssessment.objects.select_for_update().get(pk=assessment.pk)
    if current.is_complete:
        raise ValidationError("This needs assessment is already complete.")
    missing = [
        schedule.ASSESSMENT_MATTERS_BY_KEY[section.matter].title
        for section in current.sections.all()
        if not section.findings.strip()
    ]
    if not current.views_sought.strip():
        missing.append("Whose views were sought")
    if not current.outcome.strip():
        missing.append("The results of the assessment")
    if missing:
        raise ValidationError(
            "Before you complete the assessment, write: " + "; ".join(missing) + "."
        )
    if completed_on < current.started_on or completed_on > timezone.localdate():
        raise ValidationError(
            {
                "completed_on": (
                    "The date it was completed must be between the day it started and today."
                )
            }
        )
    current.completed_on = completed_on
    current.completed_by = acting_user
    save_audited(
        current, acting_user=acting_user, detail={"completed_on": completed_on.isoformat()}
    )
    return current


# Pathway plan --------------------------------------------------------------------------------


def identity_from_record(young_person: YoungPerson) -> str:
    """The identity section's starting point: what the record says about faith, culture and
    language (Schedule 1 paragraph 10). The worker checks it with the young person."""
    lines = []
    if young_person.faith:
        lines.append(f"Faith: {young_person.faith}.")
    if young_person.culture:
        lines.append(f"Culture and heritage: {young_person.culture}")
    if young_person.first_language:
        interpreter = " They need an interpreter." if young_person.interpreter_needed else ""
        lines.append(f"First language: {young_person.first_language}.{interpreter}")
    if not lines:
        return ""
    return "From their record (check this with them):\n" + "\n".join(lines)


@transaction.atomic
def plan_create(
    *,
    acting_user: User,
    young_person: YoungPerson,
    from_review: PlanReview | None = None,
) -> PathwayPlan:
    """Start a draft plan with its ten sections.

    The first plan starts empty except the identity section, which starts from the record's
    faith, culture and language. A later plan starts from the plan in force, with actions not
    yet done and goals carried over, so a review changes the plan rather than rewriting it.
    """
    YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
    if PathwayPlan.objects.filter(young_person=young_person, state__in=OPEN_STATES).exists():
        raise ValidationError(
            "There is already a plan being written or waiting for authorisation."
        )
    previous = (
        PathwayPlan.objects.filter(young_person=young_person, state__in=IN_FORCE_STATES)
        .order_by("-number")
        .first()
    )
    latest_number = (
        PathwayPlan.objects.filter(young_person=young_person)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    plan = PathwayPlan(
        young_person=young_person,
        number=(latest_number or 0) + 1,
        previous_plan=previous,
        state=PlanState.DRAFT,
    )
    _save(plan, acting_user)

    carried = {s.key: s for s in previous.sections.all()} if previous else {}
    sections = {}
    for definition in schedule.PLAN_SECTIONS:
        old = carried.get(definition.key)
        section = PlanSection(
            plan=plan,
            key=definition.key,
            number=definition.number,
            young_persons_words=old.young_persons_words if old else "",
            assessment=old.assessment if old else "",
            planned_activity=old.planned_activity if old else "",
            planned_accommodation=old.planned_accommodation if old else "",
            personal_adviser_id=old.personal_adviser_id if old else None,
        )
        if old is None and definition.key == schedule.IDENTITY:
            section.assessment = identity_from_record(young_person)
        _save(section, acting_user)
        sections[definition.key] = section
    if previous is not None:
        for action in previous.actions.select_related("section").exclude(
            status__in=[ActionStatus.DONE, ActionStatus.NOT_NEEDED]
        ):
            _save(
                PlanAction(
                    plan=plan,
                    section=sections[action.section.key],
                    what=action.what,
                    who=action.who,
                    by_when=action.by_when,
                    status=action.status,
                ),
                acting_user,
            )
        for goal in previous.goals.exclude(progress=GoalProgress.CHANGED):
            _save(
                Goal(
                    plan=plan,
                    description=goal.description,
                    target_date=goal.target_date,
                    progress=goal.progress,
                    progress_note=goal.progress_note,
                ),
                acting_user,
            )
    comment = ""
    if from_review is not None and from_review.held_on is not None:
        comment = f"Started from the review held on {format_date(from_review.held_on)}."
    elif previous is not None:
        comment = f"Started from plan {previous.number}."
    PlanStateChange.objects.create(
        plan=plan,
        at=timezone.now(),
        by=acting_user,
        from_state="",
        to_state=PlanState.DRAFT,
        comment=comment,
    )
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CREATE,
        subject=plan,
        young_person_id=young_person.pk,
        detail={"number": plan.number, "state": PlanState.DRAFT},
    )
    return plan


SECTION_FIELDS = (
    "young_persons_words",
    "assessment",
    "planned_activity",
    "planned_accommodation",
    "personal_adviser",
)
# plan_update's default for `planned`: callers that do not edit the structured answer keep it.
KEEP_PLANNED = object()


@transaction.atomic
def plan_update(
    *,
    acting_user: User,
    plan: PathwayPlan,
    section_key: str,
    version: int | None,
    young_persons_words: str,
    assessment: str,
    planned: Any = KEEP_PLANNED,
) -> PlanSection:
    """Save one section. Refused if the plan is not being written, or if someone else saved
    the section after this editor opened it (then nothing is saved and StaleEdit says what
    they changed). `planned` is the section's structured answer (schedule.planned_field: a
    code, or a worker for the personal adviser); left out, it is kept as it is."""
    locked = _locked_plan(plan)
    _require_state(locked, EDITABLE_STATES, "change")
    section = PlanSection.objects.select_for_update().get(plan=locked, key=section_key)
    refuse_if_stale(
        section,
        version=version,
        what=f"the {section.definition.title.lower()} section",
        fields=SECTION_FIELDS,
    )
    values: dict[str, Any] = {
        "young_persons_words": young_persons_words,
        "assessment": assessment,
    }
    planned_field = section.definition.planned_field
    if planned_field and planned is not KEEP_PLANNED:
        # A cleared code is stored as "", a cleared adviser as None, as the model fields hold.
        if planned is None and planned_field != "personal_adviser":
            planned = ""
        values[planned_field] = planned
    changed = [name for name, value in values.items() if getattr(section, name) != value]
    if not changed:
        return section
    for name, value in values.items():
        setattr(section, name, value)
    save_audited(
        section,
        acting_user=acting_user,
        young_person_id=locked.young_person_id,
        detail={"plan": locked.pk, "section": section_key, "changed": changed},
    )
    return section


ACTION_FIELDS = ("what", "who", "by_when", "status")


@transaction.atomic
def plan_action_save(
    *,
    acting_user: User,
    plan: PathwayPlan,
    section_key: str | None = None,
    action: PlanAction | None = None,
    version: int | None = None,
    **fields: Any,
) -> PlanAction:
    """Add an action to a section, or change one.

    While the plan is being written every field can change. Once it is authorised only the
    status can, so the plan keeps saying what was agreed while progress is tracked.
    """
    locked = _locked_plan(plan)
    return _plan_part_save(
        locked,
        acting_user=acting_user,
        model=PlanAction,
        existing=action,
        new=lambda: PlanAction(
            plan=locked, section=PlanSection.objects.get(plan=locked, key=section_key), **fields
        ),
        version=version,
        fields=fields,
        known=ACTION_FIELDS,
        kept_changing={"status"},
        name="action",
        kept_changing_words="the status of an action",
    )


GOAL_FIELDS = ("description", "target_date", "progress", "progress_note")


@transaction.atomic
def plan_goal_save(
    *,
    acting_user: User,
    plan: PathwayPlan,
    goal: Goal | None = None,
    version: int | None = None,
    **fields: Any,
) -> Goal:
    """Add a goal or change one. Once the plan is authorised only progress can change."""
    locked = _locked_plan(plan)
    return _plan_part_save(
        locked,
        acting_user=acting_user,
        model=Goal,
        existing=goal,
        new=lambda: Goal(plan=locked, **fields),
        version=version,
        fields=fields,
        known=GOAL_FIELDS,
        kept_changing={"progress", "progress_note"},
        name="goal",
        kept_changing_words="the progress of a goal",
    )


_Part = TypeVar("_Part", PlanAction, Goal)


def _plan_part_save(
    locked: PathwayPlan,
    *,
    acting_user: User,
    model: type[_Part],
    existing: _Part | None,
    new: Callable[[], _Part],
    version: int | None,
    fields: dict[str, Any],
    known: tuple[str, ...],
    kept_changing: set[str],
    name: str,
    kept_changing_words: str,
) -> _Part:
    """The one rule for the parts of a plan that are tracked after it is agreed (actions and
    goals): anything may be added or changed while the plan is being written; once it is
    authorised nothing is added and only the `kept_changing` fields (their progress) change.
    `locked` is the plan, already locked by the caller's transaction."""
    unknown = set(fields) - set(known)
    if unknown:
        raise ValueError(f"These fields cannot be set here: {', '.join(sorted(unknown))}")
    if existing is None:
        _require_state(locked, EDITABLE_STATES, f"add {name}s to")
        current = new()
    else:
        current = model.objects.select_for_update().get(pk=existing.pk, plan=locked)
        if locked.state not in EDITABLE_STATES:
            _require_state(locked, IN_FORCE_STATES, f"change {name}s on")
            if set(fields) - kept_changing:
                raise ValidationError(
                    f"Only {kept_changing_words} can change once the plan is authorised."
                )
        refuse_if_stale(current, version=version, what=f"this {name}", fields=known)
        for field, value in fields.items():
            setattr(current, field, value)
    save_audited(
        current,
        acting_user=acting_user,
        young_person_id=locked.young_person_id,
        detail={"plan": locked.pk, "fields": sorted(fields)},
    )
    return current


class MissingPart(NamedTuple):
    """One thing to write before submitting: the section and its field, so a page can link to
    the box to fill in, and the words that name it."""

    section_key: str
    field: str
    title: str  # the section's
    what: str  # what to write in it

    @property
    def text(self) -> str:
        return f"{self.title}: {self.what}"


def plan_missing_parts(plan: PathwayPlan) -> list[MissingPart]:
    """What must be written before a plan can be submitted; empty when ready.

    The young person's voice is central (Care Leavers Regs reg 4;
    docs/law/pathway-plans-reviews-visits.md): every section needs their words. The contingency
    plan is required (Schedule 1 paragraph 4).
    """
    missing = []
    sections = {section.key: section for section in plan.sections.all()}
    for definition in schedule.PLAN_SECTIONS:
        section = sections.get(definition.key)
        if section is None or not section.young_persons_words.strip():
            missing.append(
                MissingPart(
                    definition.key,
                    "young_persons_words",
                    definition.title,
                    "what the young person says",
                )
            )
        if definition.key == schedule.CONTINGENCY and (
            section is None or not section.assessment.strip()
        ):
            missing.append(
                MissingPart(definition.key, "assessment", definition.title, "the contingency plan")
            )
    return missing


def plan_missing_before_submit(plan: PathwayPlan) -> list[str]:
    """What must be written before a plan can be submitted, in plain words; empty when ready."""
    return [part.text for part in plan_missing_parts(plan)]


@transaction.atomic
def plan_submit(*, acting_user: User, plan: PathwayPlan) -> PathwayPlan:
    """Send the plan to a manager for authorisation."""
    locked = _locked_plan(plan)
    _require_state(locked, EDITABLE_STATES, "submit")
    missing = plan_missing_before_submit(locked)
    if missing:
        raise ValidationError("Before you submit the plan, write: " + "; ".join(missing) + ".")
    locked.submitted_at = timezone.now()
    locked.submitted_by = acting_user
    _change_state(acting_user=acting_user, plan=locked, to_state=PlanState.SUBMITTED)
    return locked


def _check_authoriser(acting_user: User, plan: PathwayPlan) -> None:
    if not acting_user.has_role(Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE):
        raise PermissionDenied("Only a team manager or the head of service can do this.")
    if plan.submitted_by_id == acting_user.pk:
        # Authorisation is a quality check by someone other than the plan's author.
        raise ValidationError("You submitted this plan, so another manager must authorise it.")


@transaction.atomic
def plan_authorise(*, acting_user: User, plan: PathwayPlan, comment: str = "") -> PathwayPlan:
    """Authorise a submitted plan. It comes into force today and replaces the previous one."""
    locked = _locked_plan(plan)
    _check_authoriser(acting_user, locked)
    _require_state(locked, [PlanState.SUBMITTED], "authorise")
    today = timezone.localdate()
    for previous in (
        PathwayPlan.objects.select_for_update()
        .filter(
            young_person_id=locked.young_person_id,
            state__in=IN_FORCE_STATES,
            effective_to__isnull=True,
        )
        .exclude(pk=locked.pk)
    ):
        previous.effective_to = today
        save_consequence(previous, acting_user=acting_user, changed=["effective_to"])
    locked.authorised_at = timezone.now()
    locked.authorised_by = acting_user
    locked.authorisation_comments = comment
    locked.effective_from = today
    _change_state(
        acting_user=acting_user,
        plan=locked,
        to_state=PlanState.AUTHORISED,
        comment=comment,
    )
    _refresh_contact_due(locked.young_person_id)
    # The young person's copy is usually printed straight after authorisation: a background
    # task lays it out once the plan is saved, so the print is served from the cache (pdf.py).
    transaction.on_commit(lambda: _prepare_pdf(locked.pk), robust=True)
    return locked


def _prepare_pdf(plan_pk: int) -> None:
    from careleavers.plans.tasks import plan_pdf_task

    plan_pdf_task.enqueue(plan_pk)


@transaction.atomic
def plan_return(*, acting_user: User, plan: PathwayPlan, comment: str) -> PathwayPlan:
    """Return a submitted plan to the worker, saying what needs to change."""
    if not comment.strip():
        raise ValidationError("Say what needs to change before you return the plan.")
    locked = _locked_plan(plan)
    _check_authoriser(acting_user, locked)
    _require_state(locked, [PlanState.SUBMITTED], "return")
    locked.returned_at = timezone.now()
    locked.returned_by = acting_user
    locked.returned_comments = comment
    _change_state(
        acting_user=acting_user,
        plan=locked,
        to_state=PlanState.RETURNED,
        comment=comment,
    )
    return locked


@transaction.atomic
def plan_share(
    *,
    acting_user: User,
    plan: PathwayPlan,
    shared_on: datetime.date,
    method: str,
    copy_given_and_explained: bool,
    agreement: str,
    young_persons_response: str,
) -> PathwayPlan:
    """Record that the young person was given a copy of the authorised plan and it was explained
    to them, and what they said about it in their words (Care Leavers Regs 2010 reg 4)."""
    locked = _locked_plan(plan)
    _require_state(locked, [PlanState.AUTHORISED], "record sharing of")
    # Keyed by the answer to fix, so the form shows each beside its question.
    problems: dict[str, str] = {}
    if not copy_given_and_explained:
        problems["copy_given_and_explained"] = (
            "Confirm the young person was given a copy and it was explained to them."
        )
    if not young_persons_response.strip():
        problems["young_persons_response"] = (
            "Write what the young person said about the plan, in their words."
        )
    if locked.effective_from and shared_on < locked.effective_from:
        problems["shared_on"] = (
            "The date it was shared must be the same as or after the day it was authorised, "
            f"{format_date(locked.effective_from)}."
        )
    else:
        not_after_today(problems, "shared_on", shared_on, subject="The date it was shared")
    raise_if(problems)
    locked.shared_on = shared_on
    locked.shared_method = method
    locked.copy_given_and_explained = True
    locked.shared_by = acting_user
    locked.young_person_agreement = agreement
    locked.young_persons_response = young_persons_response
    _change_state(
        acting_user=acting_user,
        plan=locked,
        to_state=PlanState.SHARED,
        detail={"shared_on": shared_on.isoformat(), "method": method},
    )
    return locked


@transaction.atomic
def plan_print(*, acting_user: User, plan: PathwayPlan, again: bool = False) -> bytes | Preparing:
    """The young person's copy of an authorised plan as a PDF; printing it is audited. While
    the PDF is still being laid out in the background, what is known about that instead (the
    page waits for it); `again` asks for the layout again."""
    from careleavers.plans.pdf import plan_pdf_or_preparing

    if plan.state not in IN_FORCE_STATES:
        raise ValidationError("Only an authorised plan can be printed for the young person.")
    pdf = plan_pdf_or_preparing(plan=plan, again=again)
    if isinstance(pdf, Preparing):
        return pdf
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.PRINT,
        subject=plan,
        young_person_id=plan.young_person_id,
        detail={"number": plan.number, "format": "pdf"},
    )
    return pdf


# Reviews -------------------------------------------------------------------------------------


def _plan_in_force_locked(young_person: YoungPerson) -> PathwayPlan | None:
    YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
    return (
        PathwayPlan.objects.filter(young_person=young_person, state__in=IN_FORCE_STATES)
        .order_by("-number")
        .first()
    )


def _review_request_create(
    *,
    acting_user: User,
    young_person: YoungPerson,
    plan: PathwayPlan,
    reason: str,
    requested_on: datetime.date,
    note: str,
) -> PlanReview:
    review = create_audited(
        PlanReview,
        acting_user=acting_user,
        young_person_id=young_person.pk,
        detail={"reason": reason, "requested_on": requested_on.isoformat()},
        young_person=young_person,
        plan=plan,
        reason=reason,
        requested_on=requested_on,
        requested_by=acting_user,
        request_note=note,
    )
    _refresh_contact_due(young_person.pk)
    return review


@transaction.atomic
def review_request(
    *,
    acting_user: User,
    young_person: YoungPerson,
    reason: str,
    requested_on: datetime.date,
    note: str = "",
) -> PlanReview:
    """Ask for a review sooner than the 6-month one: the young person asked, their
    accommodation changed, or the worker thinks it necessary (Care Leavers Regs 2010 reg 7)."""
    if reason not in REQUEST_REASONS:
        raise ValidationError({"reason": "Choose why a review is needed."})
    refuse_after_today("requested_on", requested_on, subject="The date of the request")
    in_force = _plan_in_force_locked(young_person)
    if in_force is None:
        raise ValidationError("There is no authorised plan to review yet.")
    return _review_request_create(
        acting_user=acting_user,
        young_person=young_person,
        plan=in_force,
        reason=reason,
        requested_on=requested_on,
        note=note,
    )


@transaction.atomic
def accommodation_changed(
    *, acting_user: User, young_person: YoungPerson, moved_on: datetime.date
) -> PlanReview | None:
    """For the accommodation app: a move brings the review forward when the council's local
    rule says so (docs/law/pathway-plans-reviews-visits.md). Does nothing with the rule off,
    without a plan in force, or when this move has already asked for a review. A move recorded in
    advance counts from the day of the move."""
    if not ReviewPolicy.current_rules().review_on_accommodation_change:
        return None
    in_force = _plan_in_force_locked(young_person)
    if in_force is None:
        return None
    already = PlanReview.objects.filter(
        young_person=young_person,
        reason=ReviewReason.ACCOMMODATION_CHANGED,
        requested_on=moved_on,
        held_on__isnull=True,
        met_by__isnull=True,
    ).first()
    if already is not None:
        return already
    return _review_request_create(
        acting_user=acting_user,
        young_person=young_person,
        plan=in_force,
        reason=ReviewReason.ACCOMMODATION_CHANGED,
        requested_on=moved_on,
        note="Asked for automatically: their accommodation changed.",
    )


@transaction.atomic
def review_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    held_on: datetime.date,
    reason: str,
    what_changed: str,
    young_persons_views: str,
    request_review: PlanReview | None = None,
) -> PlanReview:
    """Record a review held: what changed and what the young person said. It meets every open
    request, and starts the next version of the plan from the one in force (unless a plan is
    already being written, which then carries the review's changes)."""
    in_force = _plan_in_force_locked(young_person)
    # Keyed by the answer to fix; having no plan to review belongs to no answer.
    problems: dict[str, list[str]] = {}
    if not what_changed.strip():
        problems.setdefault("what_changed", []).append("Write what changed at the review.")
    if not young_persons_views.strip():
        problems.setdefault("young_persons_views", []).append(
            "Write what the young person said, in their words."
        )
    if is_after_today(held_on):
        problems.setdefault("held_on", []).append(after_today_message("The date of the review"))
    if in_force is None:
        problems.setdefault(NON_FIELD_ERRORS, []).append(
            "There is no authorised plan to review yet."
        )
    elif in_force.effective_from and held_on < in_force.effective_from:
        problems.setdefault("held_on", []).append(
            "The date of the review must be the same as or after the day the plan was "
            f"authorised, {format_date(in_force.effective_from)}."
        )
    raise_if(problems)
    open_requests = list(
        PlanReview.objects.select_for_update().filter(
            young_person=young_person, held_on__isnull=True, met_by__isnull=True
        )
    )
    if request_review is not None:
        review = next((r for r in open_requests if r.pk == request_review.pk), None)
        if review is None:
            raise ValidationError("That review request has already been met.")
    else:
        review = PlanReview(young_person=young_person, reason=reason)
    review.plan = in_force
    review.reason = reason
    review.held_on = held_on
    review.what_changed = what_changed
    review.young_persons_views = young_persons_views
    review.recorded_by = acting_user
    _save(review, acting_user)
    for other in open_requests:
        if other.pk != review.pk:
            other.met_by = review
            _save(other, acting_user)
    existing = PathwayPlan.objects.filter(young_person=young_person, state__in=OPEN_STATES).first()
    review.resulting_plan = existing or plan_create(
        acting_user=acting_user, young_person=young_person, from_review=review
    )
    _save(review, acting_user)
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CHANGE if request_review else AuditEvent.Action.CREATE,
        subject=review,
        young_person_id=young_person.pk,
        detail={
            "held_on": held_on.isoformat(),
            "reason": reason,
            "resulting_plan": review.resulting_plan.pk,
            "requests_met": [r.pk for r in open_requests if r.pk != review.pk],
        },
    )
    _refresh_contact_due(young_person.pk)
    return review
