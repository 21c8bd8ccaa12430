"""Writes for quality assurance. Every service is keyword-only, names its acting user, runs in
one transaction and writes its AuditEvent there."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.casework.rules import managed_team_ids
from careleavers.casework.services import notify_on_commit
from careleavers.core.audit import archive_audited, audit_record, create_audited, save_audited
from careleavers.core.dates import month_start
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import after_today_message, is_after_today, not_after_today
from careleavers.core.practice_framework import GRADES, JUDGEMENT_AREAS
from careleavers.core.refusals import raise_if
from careleavers.core.templatetags.govuk import govuk_date
from careleavers.people.models import YoungPerson
from careleavers.quality.models import (
    STAFF_FEEDBACK_METHODS,
    ActionFor,
    AnonymousFeedback,
    AnswerRating,
    AuditAction,
    AuditAnswer,
    AuditAreaGrade,
    AuditModeration,
    AuditQuestion,
    AuditStatus,
    AuditTarget,
    AuditTheme,
    CaseAudit,
    FeedbackAbout,
    FeedbackMethod,
    FeedbackRating,
    NoFeedbackReason,
    OversightEntry,
    QualityPolicy,
    WellbeingAnswer,
    WellbeingCheck,
    YoungPersonFeedback,
    YouSaidStatus,
    YouSaidWeDid,
)
from careleavers.quality.rules import is_manager, oversees_young_person
from careleavers.quality.selectors import (
    ANONYMITY_CROWD,
    current_caseload_size,
    voice_readers_for,
    wellbeing_next_allowed_on,
)
from careleavers.quality.standards import RATINGS_NEEDING_EVIDENCE, AuditFacts, completion_problems
from careleavers.quality.wellbeing import QUESTION_KEYS, says_not_safe

# A team of eight advisers might complete a handful of audits a month; anything above this is a
# typing mistake.
MAX_MONTHLY_TARGET = 500


def feedback_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    method: str,
    about: str,
    rating: str = "",
    what_is_good: str = "",
    what_could_be_better: str = "",
    given_on: datetime.date | None = None,
) -> YoungPersonFeedback:
    """Keep what a young person said about their PA or the service.

    The portal calls this with method "portal" and the young person as acting user; staff call it
    when they take feedback by phone or in person (for an audit, say).
    """
    given_on = given_on or timezone.localdate()
    errors = _feedback_errors(
        about=about,
        rating=rating,
        what_is_good=what_is_good,
        what_could_be_better=what_could_be_better,
    )
    if method not in FeedbackMethod.values:
        errors["method"] = "Select how the feedback was given"
    not_after_today(errors, "given_on", given_on)
    raise_if(errors)
    with transaction.atomic():
        feedback = create_audited(
            YoungPersonFeedback,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"method": method, "about": about},
            young_person=young_person,
            given_on=given_on,
            method=method,
            about=about,
            rating=rating,
            what_is_good=what_is_good.strip(),
            what_could_be_better=what_could_be_better.strip(),
        )
        if method == FeedbackMethod.PORTAL:
            # What the "Your say" page promises: the people it names are told.
            _tell_voice_readers(
                young_person,
                kind="young_person_feedback",
                message=f"{young_person.display_name} sent feedback about "
                f"{feedback.get_about_display().lower().replace('my ', 'their ')}",
            )
    return feedback


def _feedback_errors(
    *, about: str, rating: str, what_is_good: str, what_could_be_better: str
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if about not in FeedbackAbout.values:
        errors["about"] = _("Select what the feedback is about")
    if rating and rating not in FeedbackRating.values:
        errors["rating"] = _("Select one of the answers")
    if not (rating or what_is_good.strip() or what_could_be_better.strip()):
        errors["what_is_good"] = _("Choose an answer or write something")
    return errors


def _tell_voice_readers(
    young_person: YoungPerson, *, kind: str, message: str, urgent: bool = False
) -> None:
    """A work tray message to the workers allocated to the young person and their team's
    manager, linking to their feedback and wellbeing checks."""
    readers = voice_readers_for(young_person=young_person)
    notify_on_commit(
        recipient_ids=readers.user_ids,
        young_person_id=young_person.pk,
        kind=kind,
        message=message,
        link=reverse("quality:feedback_list", kwargs={"pk": young_person.pk}),
        urgent=urgent,
    )


# Anonymous feedback ---------------------------------------------------------------------------


# How many pieces of feedback a young person may send without their name in a day. Without a
# limit one person could fill their team manager's list, and its figures, with what looks like
# many voices; nothing stored could show it was one.
ANONYMOUS_FEEDBACK_PER_DAY = 3


def _anonymous_allowance_key(young_person: YoungPerson) -> str:
    """The cache key that counts today's anonymous feedback from this young person.

    Only the cache holds the count, under a keyed hash of the young person and the day, and it
    is gone by the next morning: nothing in the database links feedback to whoever sent it."""
    today = timezone.localdate()
    digest = salted_hmac(
        "quality.anonymous-feedback-allowance", f"{young_person.pk}:{today.isoformat()}"
    ).hexdigest()
    return f"quality:anonymous-feedback:{digest}"


def _count_against_allowance(key: str) -> None:
    now = timezone.localtime()
    tomorrow = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    # add() starts the day's count only where there is none; it expires after midnight.
    cache.add(key, 0, timeout=int((tomorrow - now).total_seconds()) + 60)
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr(): a new day's count
        cache.set(key, 1, timeout=24 * 60 * 60)


def anonymous_feedback_give(
    *,
    acting_user: User,
    young_person: YoungPerson,
    about: str,
    rating: str = "",
    what_is_good: str = "",
    what_could_be_better: str = "",
) -> AnonymousFeedback:
    """Keep what a young person said without their name, for the manager of their team.

    `acting_user` and `young_person` are used only to find the team (and the adviser); neither
    is stored, and no audit event is written now (see anonymous_feedback_log). The adviser is
    kept only when the feedback is about them and they have at least ANONYMITY_CROWD young
    people, so that naming them does not narrow it down to a few.
    """
    errors = _feedback_errors(
        about=about,
        rating=rating,
        what_is_good=what_is_good,
        what_could_be_better=what_could_be_better,
    )
    team = young_person.team
    if team is None:
        errors["about"] = _(
            "You are not in one of our teams yet, so we cannot send this without your name. "
            "You can send it with your name instead."
        )
    raise_if(errors)
    assert team is not None  # checked above
    allowance_key = _anonymous_allowance_key(young_person)
    if cache.get(allowance_key, 0) >= ANONYMOUS_FEEDBACK_PER_DAY:
        raise ValidationError(
            _(
                "You have sent %(count)s messages without your name today. You can send more "
                "tomorrow, or send this one with your name."
            )
            % {"count": ANONYMOUS_FEEDBACK_PER_DAY}
        )
    adviser = None
    if about == FeedbackAbout.PERSONAL_ADVISER:
        adviser, _role = current_worker_for(young_person=young_person)
        if adviser is not None and current_caseload_size(worker=adviser) < ANONYMITY_CROWD:
            adviser = None
    _count_against_allowance(allowance_key)
    # The exact time is not kept: the day is enough for the manager, and the time would line
    # the feedback up with the young person's own page views in the audit log.
    return AnonymousFeedback.objects.create(
        team=team,
        given_on=timezone.localdate(),
        about=about,
        adviser=adviser,
        rating=rating,
        what_is_good=what_is_good.strip(),
        what_could_be_better=what_could_be_better.strip(),
    )


def anonymous_feedback_log(today: datetime.date) -> str:
    """The nightly audit events for anonymous feedback sent before today: one each, by nobody,
    about no young person. Written in a batch away from the moment it was sent, so neither the
    events' times nor their order in the log point at whoever sent it. Safe to run twice."""
    with transaction.atomic():
        waiting = list(
            AnonymousFeedback.objects.select_for_update()
            .filter(logged=False, given_on__lt=today)
            .order_by("team_id", "pk")
        )
        for feedback in waiting:
            audit_record(
                acting_user=None,
                action=AuditEvent.Action.CREATE,
                subject=feedback,
                detail={
                    "team": feedback.team_id,
                    "given_on": feedback.given_on.isoformat(),
                    "about": feedback.about,
                },
            )
        AnonymousFeedback.objects.filter(pk__in=[feedback.pk for feedback in waiting]).update(
            logged=True
        )
    return f"{len(waiting)} anonymous feedback logged"


def anonymous_feedback_mark_read(
    *, acting_user: User, feedback: AnonymousFeedback, note: str = ""
) -> AnonymousFeedback:
    """The team's manager has read it, and says what they did (optional)."""
    from careleavers.quality.rules import manages_feedback_team

    if not (is_manager(acting_user) and manages_feedback_team(acting_user, feedback)):
        raise ValidationError("Only the manager of the team it was sent to can mark it read")
    with transaction.atomic():
        locked = AnonymousFeedback.objects.select_for_update().get(pk=feedback.pk)
        if locked.read_on is not None:
            raise ValidationError("This feedback is already marked as read")
        locked.read_on = timezone.localdate()
        locked.read_by = acting_user
        locked.manager_note = note.strip()
        locked.save(update_fields=["read_on", "read_by", "manager_note"])
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE,
            subject=locked,
            detail={"read": True, "team": locked.team_id},
        )
    return locked


# Wellbeing checks -----------------------------------------------------------------------------


def wellbeing_check_give(
    *,
    acting_user: User,
    young_person: YoungPerson,
    anything_else: str = "",
    **answers: str,
) -> WellbeingCheck:
    """Keep a young person's wellbeing check, given on their own pages, and tell the people
    who read it. Refused when they filled one in too recently (QualityPolicy)."""
    today = timezone.localdate()
    errors: dict[str, str] = {}
    unknown = set(answers) - set(QUESTION_KEYS)
    if unknown:
        raise ValidationError(f"Not a wellbeing question: {', '.join(sorted(unknown))}")
    for key in QUESTION_KEYS:
        if answers.get(key, "") not in WellbeingAnswer.values:
            errors[key] = _("Choose an answer, or choose I’d rather not say")
    raise_if(errors)
    with transaction.atomic():
        # One at a time per young person, so a double press cannot make two.
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        allowed_on = wellbeing_next_allowed_on(young_person=young_person, today=today)
        if allowed_on is not None and allowed_on > today:
            raise ValidationError(
                _(
                    "You filled in a wellbeing check not long ago. You can fill in the next one "
                    "from %(day)s."
                )
                % {"day": govuk_date(allowed_on)}
            )
        scores: dict[str, Any] = {key: answers[key] for key in QUESTION_KEYS}
        check = create_audited(
            WellbeingCheck,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            young_person=young_person,
            given_on=today,
            anything_else=anything_else.strip(),
            **scores,
        )
        not_safe = says_not_safe(answers)
        _tell_voice_readers(
            young_person,
            kind="wellbeing_check",
            message=(
                f"{young_person.display_name} said in a wellbeing check that they do not "
                "always feel safe where they live"
                if not_safe
                else f"{young_person.display_name} filled in a wellbeing check"
            ),
            urgent=not_safe,
        )
    return check


# You said, we did -----------------------------------------------------------------------------


def _you_said_errors(*, you_said: str, we_did: str, done_on: datetime.date | None) -> None:
    errors: dict[str, str] = {}
    if not you_said.strip():
        errors["you_said"] = "Enter what young people said"
    if not we_did.strip():
        errors["we_did"] = "Enter what the service did"
    if done_on is None:
        errors["done_on"] = "Enter the date"
    not_after_today(errors, "done_on", done_on)
    raise_if(errors)


def _check_you_said_manager(acting_user: User) -> None:
    if not is_manager(acting_user):
        raise ValidationError("Only a team manager or head of service can do this")


def you_said_draft(
    *, acting_user: User, you_said: str, we_did: str, done_on: datetime.date | None
) -> YouSaidWeDid:
    """A manager writes a "you said, we did" as a draft: young people do not see it yet."""
    _check_you_said_manager(acting_user)
    _you_said_errors(you_said=you_said, we_did=we_did, done_on=done_on)
    assert done_on is not None  # checked above
    with transaction.atomic():
        item = create_audited(
            YouSaidWeDid,
            acting_user=acting_user,
            you_said=you_said.strip(),
            we_did=we_did.strip(),
            done_on=done_on,
        )
    return item


def you_said_change(
    *,
    acting_user: User,
    item: YouSaidWeDid,
    you_said: str,
    we_did: str,
    done_on: datetime.date | None,
) -> YouSaidWeDid:
    """Change a draft. A published one is withdrawn first, so young people never see words
    change under them without a manager choosing to publish again."""
    _check_you_said_manager(acting_user)
    _you_said_errors(you_said=you_said, we_did=we_did, done_on=done_on)
    assert done_on is not None  # checked above
    with transaction.atomic():
        locked = YouSaidWeDid.objects.select_for_update().get(pk=item.pk)
        if locked.status == YouSaidStatus.PUBLISHED:
            raise ValidationError("Withdraw it before you change it")
        locked.you_said = you_said.strip()
        locked.we_did = we_did.strip()
        locked.done_on = done_on
        save_audited(locked, acting_user=acting_user, young_person_id=None)
    return locked


def you_said_publish(*, acting_user: User, item: YouSaidWeDid) -> YouSaidWeDid:
    """Show it to every young person on their "Your say" page (a withdrawn one may be published
    again)."""
    return _you_said_status(acting_user, item, YouSaidStatus.PUBLISHED)


def you_said_withdraw(*, acting_user: User, item: YouSaidWeDid) -> YouSaidWeDid:
    """Take it off young people's pages. It is kept, and can be changed and published again."""
    return _you_said_status(acting_user, item, YouSaidStatus.WITHDRAWN)


def _you_said_status(acting_user: User, item: YouSaidWeDid, status: str) -> YouSaidWeDid:
    _check_you_said_manager(acting_user)
    with transaction.atomic():
        locked = YouSaidWeDid.objects.select_for_update().get(pk=item.pk)
        if locked.status == status:
            raise ValidationError(
                "It is already published"
                if status == YouSaidStatus.PUBLISHED
                else "It is already withdrawn"
            )
        if status == YouSaidStatus.WITHDRAWN and locked.status != YouSaidStatus.PUBLISHED:
            raise ValidationError("Only a published one can be withdrawn")
        before = locked.status
        locked.status = status
        if status == YouSaidStatus.PUBLISHED:
            locked.published_on = timezone.localdate()
            locked.withdrawn_on = None
        else:
            locked.withdrawn_on = timezone.localdate()
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"from": before, "to": status},
            young_person_id=None,
        )
    return locked


# Shared ---------------------------------------------------------------------------------------


def _locked_audit(audit: CaseAudit) -> CaseAudit:
    """The audit's current row, locked for the rest of the transaction, so two saves of the
    same audit happen one after the other."""
    return CaseAudit.objects.select_for_update().get(pk=audit.pk)


def _check_auditor_of(acting_user: User, audit: CaseAudit) -> None:
    if audit.is_completed:
        raise ValidationError("This audit is completed and can no longer be changed")
    if audit.auditor_id != acting_user.pk:
        raise ValidationError("Only the auditor who started this audit can change it")


def _audit_event(acting_user: User, subject: Any, young_person_id: int, **detail: Any) -> None:
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CHANGE,
        subject=subject,
        young_person_id=young_person_id,
        detail=detail,
    )


# Case audits ----------------------------------------------------------------------------------


def current_worker_for(*, young_person: YoungPerson) -> tuple[Any, str]:
    """The worker an audit of this young person looks at: their personal adviser, or their
    social worker if they have no adviser (casework allocations). (None, "") for nobody."""
    allocation = (
        Allocation.objects.filter(young_person=young_person, end__isnull=True)
        .select_related("worker")
        .order_by("role")  # "pa" before "sw"
        .first()
    )
    if allocation is None:
        return None, ""
    return allocation.worker, allocation.role


def answer_to(question: AuditQuestion, **answer: Any) -> AuditAnswer:
    """An unsaved answer to `question` (with `answer`'s fields, such as its audit), keeping the
    question's words as they were asked, so that a later edit to the question leaves the audits
    that asked it as they were. The demo's audits are made the same way."""
    return AuditAnswer(
        question=question,
        area=question.area,
        question_text=question.text,
        hint=question.hint,
        principles=list(question.principles),
        display_order=question.display_order,
        **answer,
    )


def audit_start(*, acting_user: User, young_person: YoungPerson) -> CaseAudit:
    """Start an audit of a young person's case, with today's active questions.

    The worker audited, their manager and the team are taken now and kept with the audit.
    """
    if not acting_user.has_role(Role.AUDITOR):
        raise ValidationError("Only a quality assurance officer can start a case audit")
    with transaction.atomic():
        # Lock the young person so two auditors cannot both start an audit of them at once.
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        if (
            CaseAudit.objects.live()
            .filter(young_person=young_person, status=AuditStatus.IN_PROGRESS)
            .exists()
        ):
            raise ValidationError(
                f"{young_person.display_name} already has a case audit in progress"
            )
        questions = list(AuditQuestion.objects.filter(is_active=True))
        if not questions:
            raise ValidationError(
                "There are no audit questions in use. Ask an administrator to add them."
            )
        worker, worker_role = current_worker_for(young_person=young_person)
        team = young_person.team
        audit = CaseAudit.objects.create(
            young_person=young_person,
            team=team,
            worker=worker,
            worker_role=worker_role,
            manager=team.manager if team is not None else None,
            auditor=acting_user,
            started_on=timezone.localdate(),
            created_by=acting_user,
            modified_by=acting_user,
        )
        AuditAnswer.objects.bulk_create(answer_to(question, audit=audit) for question in questions)
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=audit,
            young_person_id=young_person.pk,
            detail={"questions": len(questions), "worker_id": worker.pk if worker else None},
        )
    return audit


def audit_area_save(
    *,
    acting_user: User,
    audit: CaseAudit,
    area: str,
    answers: Mapping[int, tuple[str, str]],
    grade: str = "",
    comment: str = "",
) -> CaseAudit:
    """Save the answers to one area's questions ({answer id: (rating, evidence)}) and the
    area's grade. Unanswered questions may be left for later; an answer that says something
    was or was not done needs its evidence."""
    if area not in dict(JUDGEMENT_AREAS):
        raise ValidationError({"area": "Choose one of the judgement areas"})
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        rows = {answer.pk: answer for answer in audit.answers.filter(area=area)}
        errors: dict[str, str] = {}
        for answer_id, (rating, evidence) in answers.items():
            if answer_id not in rows:
                raise ValidationError("That question is not part of this area of the audit")
            if rating and rating not in AnswerRating.values:
                errors[f"rating_{answer_id}"] = "Select one of the answers"
            elif rating in RATINGS_NEEDING_EVIDENCE and not evidence.strip():
                errors[f"evidence_{answer_id}"] = "Give the evidence for this answer"
        if grade and grade not in dict(GRADES):
            errors["grade"] = "Select a grade"
        raise_if(errors)
        changed = []
        for answer_id, (rating, evidence) in answers.items():
            answer = rows[answer_id]
            answer.rating = rating
            answer.evidence = evidence.strip()
            changed.append(answer)
        AuditAnswer.objects.bulk_update(changed, ["rating", "evidence"])
        if grade:
            AuditAreaGrade.objects.update_or_create(
                audit=audit, area=area, defaults={"grade": grade, "comment": comment.strip()}
            )
        audit.modified_by = acting_user
        audit.save(update_fields=["modified_by", "modified_at"])
        _audit_event(acting_user, audit, audit.young_person_id, section=area, grade=grade)
    return audit


def _check_recent(voice: YoungPersonFeedback | WellbeingCheck, audit: CaseAudit) -> None:
    """The feedback or wellbeing check is this young person's, and recent enough to use
    (QualityPolicy.feedback_recent_days, for both)."""
    field, words = (
        ("feedback", "feedback")
        if isinstance(voice, YoungPersonFeedback)
        else ("wellbeing_check", "a wellbeing check")
    )
    if voice.young_person_id != audit.young_person_id:
        raise ValidationError({field: f"Choose {words} from this young person"})
    days = QualityPolicy.current().feedback_recent_days
    oldest = timezone.localdate() - datetime.timedelta(days=days)
    if voice.given_on < oldest:
        raise ValidationError(
            {field: f"Choose {words} given in the last {days} days, or ask them again"}
        )


def audit_feedback_attach(
    *, acting_user: User, audit: CaseAudit, feedback: YoungPersonFeedback
) -> CaseAudit:
    """Use feedback the young person gave recently (in the portal, a survey, or to a worker) as
    their voice in the audit. Replaces any reason recorded for not having it."""
    return _attach_voice(acting_user, audit, "feedback", feedback)


def audit_wellbeing_attach(
    *, acting_user: User, audit: CaseAudit, check: WellbeingCheck
) -> CaseAudit:
    """Use a wellbeing check the young person filled in recently as their voice in the audit,
    alongside any feedback. Replaces any reason recorded for not having their voice."""
    return _attach_voice(acting_user, audit, "wellbeing_check", check)


def _attach_voice(
    acting_user: User, audit: CaseAudit, field: str, voice: YoungPersonFeedback | WellbeingCheck
) -> CaseAudit:
    """Set the audit's `field` (feedback or wellbeing_check) to the young person's recent
    words, clearing any reason recorded for not having their voice."""
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        _check_recent(voice, audit)
        setattr(audit, field, voice)
        audit.no_feedback_reason = ""
        audit.no_feedback_explanation = ""
        save_audited(
            audit, acting_user=acting_user, detail={"section": "feedback", field: voice.pk}
        )
    return audit


def audit_feedback_take(
    *,
    acting_user: User,
    audit: CaseAudit,
    method: str,
    about: str,
    rating: str = "",
    what_is_good: str = "",
    what_could_be_better: str = "",
    given_on: datetime.date | None = None,
) -> YoungPersonFeedback:
    """Record feedback the auditor took from the young person by phone or in person, and use
    it in the audit. Both happen, or neither."""
    if method not in STAFF_FEEDBACK_METHODS:
        raise ValidationError({"method": "Select by phone or in person"})
    with transaction.atomic():
        _check_auditor_of(acting_user, _locked_audit(audit))
        feedback = feedback_record(
            acting_user=acting_user,
            young_person=audit.young_person,
            method=method,
            about=about,
            rating=rating,
            what_is_good=what_is_good,
            what_could_be_better=what_could_be_better,
            given_on=given_on,
        )
        audit_feedback_attach(acting_user=acting_user, audit=audit, feedback=feedback)
    return feedback


def audit_no_feedback_record(
    *, acting_user: User, audit: CaseAudit, reason: str, explanation: str
) -> CaseAudit:
    """Record why the young person's feedback could not be had for this audit."""
    errors: dict[str, str] = {}
    if reason not in NoFeedbackReason.values:
        errors["reason"] = "Select why their feedback could not be had"
    if not explanation.strip():
        errors["explanation"] = "Explain what was tried and why it did not work"
    raise_if(errors)
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        audit.feedback = None
        audit.wellbeing_check = None
        audit.no_feedback_reason = reason
        audit.no_feedback_explanation = explanation.strip()
        save_audited(
            audit, acting_user=acting_user, detail={"section": "feedback", "reason": reason}
        )
    return audit


def audit_themes_set(
    *, acting_user: User, audit: CaseAudit, themes: Iterable[AuditTheme]
) -> CaseAudit:
    """Record the audit's learning themes (replacing those chosen before)."""
    themes = list(themes)
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        already = set(audit.themes.values_list("pk", flat=True))
        if any(not theme.is_active and theme.pk not in already for theme in themes):
            raise ValidationError({"themes": "That theme is no longer in use"})
        audit.themes.set(themes)
        audit.modified_by = acting_user
        audit.save(update_fields=["modified_by", "modified_at"])
        _audit_event(
            acting_user,
            audit,
            audit.young_person_id,
            section="themes",
            themes=sorted(theme.key for theme in themes),
        )
    return audit


def audit_action_add(
    *,
    acting_user: User,
    audit: CaseAudit,
    assigned_as: str,
    description: str,
    due_on: datetime.date | None,
) -> AuditAction:
    """Give direction for improvement: an action for the worker audited or their manager."""
    errors: dict[str, str] = {}
    assignee_id = None
    if assigned_as == ActionFor.WORKER:
        assignee_id = audit.worker_id
        if assignee_id is None:
            errors["assigned_as"] = "Nobody was allocated to them when the audit started"
    elif assigned_as == ActionFor.MANAGER:
        assignee_id = audit.manager_id
        if assignee_id is None:
            errors["assigned_as"] = "Their team had no manager when the audit started"
    else:
        errors["assigned_as"] = "Select who the action is for"
    if not description.strip():
        errors["description"] = "Enter what needs to be done"
    if due_on is None:
        errors["due_on"] = "Enter the date it is due by"
    elif due_on < timezone.localdate():
        errors["due_on"] = "The date it is due by must be today or in the future"
    raise_if(errors)
    # Both were checked above.
    assert assignee_id is not None
    assert due_on is not None
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        action = create_audited(
            AuditAction,
            acting_user=acting_user,
            young_person_id=audit.young_person_id,
            detail={"audit": audit.pk, "assigned_as": assigned_as},
            audit=audit,
            assignee_id=assignee_id,
            assigned_as=assigned_as,
            description=description.strip(),
            due_on=due_on,
        )
    return action


def audit_action_remove(*, acting_user: User, action: AuditAction) -> AuditAction:
    """Take an action off an audit that is still in progress (archived, not deleted)."""
    with transaction.atomic():
        audit = _locked_audit(action.audit)
        _check_auditor_of(acting_user, audit)
        action = AuditAction.objects.select_for_update().get(pk=action.pk)
        if action.archived_at is not None:
            return action
        archive_audited(
            action,
            acting_user=acting_user,
            reason="Removed by the auditor before the audit was completed",
            young_person_id=audit.young_person_id,
            detail={"audit": audit.pk},
        )
    return action


def audit_overall_save(
    *, acting_user: User, audit: CaseAudit, overall_grade: str, summary: str
) -> CaseAudit:
    """The auditor's overall grade and evaluation."""
    errors: dict[str, str] = {}
    if overall_grade not in dict(GRADES):
        errors["overall_grade"] = "Select an overall grade"
    if not summary.strip():
        errors["summary"] = "Write the overall evaluation"
    raise_if(errors)
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        audit.overall_grade = overall_grade
        audit.summary = summary.strip()
        save_audited(
            audit, acting_user=acting_user, detail={"section": "overall", "grade": overall_grade}
        )
    return audit


def audit_facts(audit: CaseAudit) -> AuditFacts:
    """What the audit holds, as plain values (four queries)."""
    answers = list(audit.answers.values_list("area", "rating", "evidence"))
    return AuditFacts(
        answers=tuple((rating, evidence) for _, rating, evidence in answers),
        areas=frozenset(area for area, _, _ in answers),
        graded_areas=frozenset(audit.area_grades.values_list("area", flat=True)),
        overall_grade=audit.overall_grade,
        summary=audit.summary,
        themes=audit.themes.count(),
        actions=audit.actions.live().count(),
        # A wellbeing check is their voice as much as feedback is.
        has_feedback=audit.feedback_id is not None or audit.wellbeing_check_id is not None,
        no_feedback_reason=audit.no_feedback_reason,
        no_feedback_explanation=audit.no_feedback_explanation,
    )


def audit_complete(*, acting_user: User, audit: CaseAudit) -> CaseAudit:
    """Complete the audit. Refused, with what is missing, unless every question is answered
    with evidence, every area and the audit are graded, there are learning themes and direction
    for improvement, and the young person's feedback (or why it could not be had) is recorded.
    """
    with transaction.atomic():
        audit = _locked_audit(audit)
        _check_auditor_of(acting_user, audit)
        problems = completion_problems(audit_facts(audit))
        raise_if(problems)
        audit.status = AuditStatus.COMPLETED
        audit.completed_on = timezone.localdate()
        audit.final_grade = audit.overall_grade
        save_audited(
            audit,
            acting_user=acting_user,
            detail={"completed": True, "grade": audit.overall_grade},
        )
    return audit


def audit_moderate(
    *, acting_user: User, audit: CaseAudit, agrees: bool, grade: str = "", reason: str
) -> AuditModeration:
    """A second auditor agrees with a completed audit's grade or changes it, with a reason.
    Both grades are kept; the moderator's becomes the audit's final grade."""
    errors: dict[str, str] = {}
    if agrees:
        grade = audit.overall_grade
    elif grade not in dict(GRADES):
        errors["grade"] = "Select the grade you would give"
    elif grade == audit.overall_grade:
        errors["grade"] = "Select a different grade, or say you agree with the grade"
    if not reason.strip():
        errors["reason"] = "Enter the reason for your decision"
    raise_if(errors)
    with transaction.atomic():
        audit = _locked_audit(audit)
        if not acting_user.has_role(Role.AUDITOR):
            raise ValidationError("Only a quality assurance officer can moderate an audit")
        if audit.auditor_id == acting_user.pk:
            raise ValidationError("You completed this audit. A different auditor must moderate it")
        if not audit.is_completed:
            raise ValidationError("Only a completed audit can be moderated")
        if AuditModeration.objects.filter(audit=audit).exists():
            raise ValidationError("This audit has already been moderated")
        moderation = AuditModeration.objects.create(
            audit=audit,
            moderator=acting_user,
            moderated_on=timezone.localdate(),
            agrees=agrees,
            grade=grade,
            reason=reason.strip(),
            created_by=acting_user,
            modified_by=acting_user,
        )
        audit.final_grade = grade
        audit.modified_by = acting_user
        audit.save()
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=moderation,
            young_person_id=audit.young_person_id,
            detail={"audit": audit.pk, "agrees": agrees, "from": audit.overall_grade, "to": grade},
        )
    return moderation


def action_mark_done(
    *, acting_user: User, action: AuditAction, note: str, done_on: datetime.date | None = None
) -> AuditAction:
    """The person an action is assigned to says it is done, and what they did."""
    done_on = done_on or timezone.localdate()
    errors: dict[str, str] = {}
    if not note.strip():
        errors["note"] = "Enter what was done"
    not_after_today(errors, "done_on", done_on, subject="The date it was done")
    raise_if(errors)
    with transaction.atomic():
        action = AuditAction.objects.select_for_update().select_related("audit").get(pk=action.pk)
        if action.assignee_id != acting_user.pk:
            raise ValidationError("Only the person the action is for can mark it done")
        if action.archived_at is not None or not action.audit.is_completed:
            raise ValidationError("This action is not open")
        if action.done_on is not None:
            raise ValidationError("This action is already done")
        action.done_on = done_on
        action.done_by = acting_user
        action.done_note = note.strip()
        save_audited(
            action,
            acting_user=acting_user,
            detail={"done": True},
            young_person_id=action.audit.young_person_id,
        )
    return action


# The audit programme --------------------------------------------------------------------------


def audit_target_set(
    *, acting_user: User, team: Team, month: datetime.date, target: int
) -> AuditTarget:
    """Set how many audits a team should complete in a month. Heads of service set any team's
    target; team managers their own teams'."""
    if target < 0 or target > MAX_MONTHLY_TARGET:
        raise ValidationError({"target": f"Enter a number from 0 to {MAX_MONTHLY_TARGET}"})
    if not (
        acting_user.has_role(Role.HEAD_OF_SERVICE)
        or (acting_user.has_role(Role.TEAM_MANAGER) and team.pk in managed_team_ids(acting_user))
    ):
        raise ValidationError("Only a head of service or the team’s manager can set its target")
    month = month_start(month)
    with transaction.atomic():
        row, created = AuditTarget.objects.select_for_update().get_or_create(
            team=team,
            month=month,
            defaults={"target": target, "created_by": acting_user, "modified_by": acting_user},
        )
        before = None if created else row.target
        if not created and row.target != target:
            row.target = target
            row.modified_by = acting_user
            row.save()
        if created or before != target:
            audit_record(
                acting_user=acting_user,
                action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE,
                subject=row,
                detail={"team": team.pk, "month": month.isoformat(), "from": before, "to": target},
            )
    return row


# Management oversight -------------------------------------------------------------------------


def oversight_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    direction: str,
    rationale: str,
    review_by: datetime.date | None = None,
    recorded_on: datetime.date | None = None,
) -> OversightEntry:
    """A manager's oversight on a case: the direction, why, and when to look again."""
    today = timezone.localdate()
    recorded_on = recorded_on or today
    if not oversees_young_person(acting_user, young_person):
        raise ValidationError(
            "Only a head of service or the manager of their team can record oversight"
        )
    errors: dict[str, str] = {}
    if not direction.strip():
        errors["direction"] = "Enter the direction you are giving"
    if not rationale.strip():
        errors["rationale"] = "Enter the reasons for the direction"
    not_after_today(
        errors, "recorded_on", recorded_on, subject="The date of the oversight", today=today
    )
    if review_by is not None and review_by < recorded_on:
        errors["review_by"] = "The review date must be on or after the date of the oversight"
    raise_if(errors)
    with transaction.atomic():
        entry = create_audited(
            OversightEntry,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            young_person=young_person,
            manager=acting_user,
            recorded_on=recorded_on,
            direction=direction.strip(),
            rationale=rationale.strip(),
            review_by=review_by,
        )
    return entry


def oversight_review(
    *,
    acting_user: User,
    entry: OversightEntry,
    note: str,
    reviewed_on: datetime.date | None = None,
) -> OversightEntry:
    """Mark an oversight entry reviewed, with what the review found."""
    reviewed_on = reviewed_on or timezone.localdate()
    errors: dict[str, str] = {}
    if not note.strip():
        errors["note"] = "Enter what the review found"
    if is_after_today(reviewed_on):
        errors["reviewed_on"] = after_today_message("The date of the review")
    elif reviewed_on < entry.recorded_on:
        errors["reviewed_on"] = "The date of the review must be on or after the oversight"
    raise_if(errors)
    if not oversees_young_person(acting_user, entry.young_person):
        raise ValidationError(
            "Only a head of service or the manager of their team can review oversight"
        )
    with transaction.atomic():
        entry = OversightEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.reviewed_on is not None:
            raise ValidationError("This oversight has already been reviewed")
        entry.reviewed_on = reviewed_on
        entry.reviewed_by = acting_user
        entry.review_note = note.strip()
        save_audited(entry, acting_user=acting_user, detail={"reviewed": True})
    return entry
