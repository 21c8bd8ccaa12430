"""Case audits, moderation, actions, targets, oversight and feedback: writes and their rules."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality import services
from careleavers.quality.models import (
    ActionFor,
    AnswerRating,
    AuditAction,
    AuditModeration,
    AuditQuestion,
    AuditStatus,
    AuditTarget,
    CaseAudit,
    FeedbackAbout,
    FeedbackMethod,
    NoFeedbackReason,
    OversightEntry,
    YoungPersonFeedback,
)
from careleavers.quality.standards import FEEDBACK_MISSING
from careleavers.quality.tests.factories import (
    OversightEntryFactory,
    YoungPersonFeedbackFactory,
    allocated_young_person,
    auditor,
    completed_audit,
    ready_to_complete,
    start_audit,
)

pytestmark = pytest.mark.django_db


def _no_feedback_recorded(audit: CaseAudit, reason: str, explanation: str) -> CaseAudit:
    """The auditor records why the audit has no feedback from the young person."""
    return services.audit_no_feedback_record(
        acting_user=audit.auditor, audit=audit, reason=reason, explanation=explanation
    )


def _action_added(
    audit: CaseAudit, assigned_as: str, description: str, *, due_on: datetime.date
) -> AuditAction:
    """The auditor adds an action to their audit."""
    return services.audit_action_add(
        acting_user=audit.auditor,
        audit=audit,
        assigned_as=assigned_as,
        description=description,
        due_on=due_on,
    )


def _events(subject: Any) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(subject_type=subject._meta.label, subject_id=str(subject.pk))
    )


# Starting ---------------------------------------------------------------------------------------


def test_an_audit_starts_with_the_active_questions_and_the_current_worker() -> None:
    person = allocated_young_person()
    retired = AuditQuestion.objects.order_by("pk").first()
    retired.is_active = False
    retired.save()
    audit = start_audit(person)
    assert audit.answers.count() == AuditQuestion.objects.filter(is_active=True).count()
    assert not audit.answers.filter(question=retired).exists()
    allocation = person.allocations.get()
    assert audit.worker_id == allocation.worker_id
    assert audit.worker_role == "pa"
    assert audit.manager_id == person.team.manager_id
    assert audit.team_id == person.team_id
    assert _events(audit)[0].action == AuditEvent.Action.CREATE


def test_the_personal_adviser_is_audited_rather_than_the_social_worker() -> None:
    person = allocated_young_person()
    AllocationFactory(young_person=person, role="sw")
    pa = person.allocations.get(role="pa").worker
    assert start_audit(person).worker == pa


def test_an_audit_keeps_its_wording_when_a_question_is_reworded() -> None:
    audit = start_audit()
    answer = audit.answers.order_by("pk").first()
    question = answer.question
    original = question.text
    question.text = "A new wording"
    question.save()
    answer.refresh_from_db()
    assert answer.question_text == original


def test_only_an_auditor_can_start_an_audit() -> None:
    manager = UserFactory(roles=[Role.TEAM_MANAGER])
    with pytest.raises(ValidationError):
        services.audit_start(acting_user=manager, young_person=allocated_young_person())
    assert not CaseAudit.objects.exists()


def test_a_second_audit_in_progress_of_the_same_young_person_is_refused() -> None:
    person = allocated_young_person()
    start_audit(person)
    with pytest.raises(ValidationError, match="already has a case audit in progress"):
        start_audit(person)
    assert CaseAudit.objects.count() == 1


# Answering -------------------------------------------------------------------------------------


def test_an_answer_that_says_something_was_done_needs_its_evidence() -> None:
    audit = start_audit()
    answer = audit.answers.filter(area="health").first()
    with pytest.raises(ValidationError) as refused:
        services.audit_area_save(
            acting_user=audit.auditor,
            audit=audit,
            area="health",
            answers={answer.pk: (AnswerRating.MET, "  ")},
        )
    assert f"evidence_{answer.pk}" in refused.value.error_dict
    answer.refresh_from_db()
    assert answer.rating == ""


def test_answers_can_be_saved_part_way_and_does_not_apply_needs_no_evidence() -> None:
    audit = start_audit()
    first, second = audit.answers.filter(area="health")[:2]
    services.audit_area_save(
        acting_user=audit.auditor,
        audit=audit,
        area="health",
        answers={first.pk: (AnswerRating.NOT_APPLICABLE, ""), second.pk: ("", "")},
    )
    first.refresh_from_db()
    assert first.rating == AnswerRating.NOT_APPLICABLE
    assert not audit.area_grades.exists()


def test_an_answer_from_another_area_is_refused() -> None:
    audit = start_audit()
    other = audit.answers.filter(area="influence").first()
    with pytest.raises(ValidationError):
        services.audit_area_save(
            acting_user=audit.auditor,
            audit=audit,
            area="health",
            answers={other.pk: (AnswerRating.MET, "Seen")},
        )


def test_only_the_auditor_who_started_an_audit_can_change_it() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError, match="Only the auditor who started"):
        services.audit_overall_save(
            acting_user=auditor(), audit=audit, overall_grade="good", summary="Fine"
        )


# Completing -------------------------------------------------------------------------------------


def test_completion_is_refused_without_the_young_persons_feedback_or_a_reason() -> None:
    audit = ready_to_complete(start_audit(), voice=False)
    with pytest.raises(ValidationError) as refused:
        services.audit_complete(acting_user=audit.auditor, audit=audit)
    assert refused.value.error_dict.keys() == {"feedback"}
    assert refused.value.message_dict["feedback"] == [FEEDBACK_MISSING]
    audit.refresh_from_db()
    assert audit.status == AuditStatus.IN_PROGRESS
    assert audit.completed_on is None


def test_completion_with_the_young_persons_feedback_completes_the_audit() -> None:
    audit = ready_to_complete(start_audit())
    completed = services.audit_complete(acting_user=audit.auditor, audit=audit)
    assert completed.status == AuditStatus.COMPLETED
    assert completed.completed_on == timezone.localdate()
    assert completed.final_grade == "good"
    assert completed.feedback.method == FeedbackMethod.PHONE
    assert completed.feedback.young_person_id == audit.young_person_id


def test_completion_with_a_recorded_reason_completes_the_audit() -> None:
    audit = ready_to_complete(start_audit(), voice=False)
    _no_feedback_recorded(audit, NoFeedbackReason.NO_RESPONSE, "Phoned twice and wrote; no reply.")
    completed = services.audit_complete(acting_user=audit.auditor, audit=audit)
    assert completed.status == AuditStatus.COMPLETED
    assert completed.feedback is None


def test_a_reason_needs_an_explanation() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError) as refused:
        _no_feedback_recorded(audit, NoFeedbackReason.DECLINED, "")
    assert "explanation" in refused.value.error_dict
    audit.refresh_from_db()
    assert audit.no_feedback_reason == ""


def test_feedback_replaces_a_reason_given_before() -> None:
    audit = start_audit()
    _no_feedback_recorded(audit, NoFeedbackReason.DECLINED, "Said no at first.")
    feedback = YoungPersonFeedbackFactory(young_person=audit.young_person)
    audit = services.audit_feedback_attach(
        acting_user=audit.auditor, audit=audit, feedback=feedback
    )
    assert audit.feedback == feedback
    assert audit.no_feedback_reason == ""


def test_recent_portal_feedback_can_be_used_but_old_feedback_cannot() -> None:
    audit = start_audit()
    recent = YoungPersonFeedbackFactory(young_person=audit.young_person, given_on=days_ago(30))
    old = YoungPersonFeedbackFactory(young_person=audit.young_person, given_on=days_ago(200))
    with pytest.raises(ValidationError) as refused:
        services.audit_feedback_attach(acting_user=audit.auditor, audit=audit, feedback=old)
    assert "feedback" in refused.value.error_dict
    audit = services.audit_feedback_attach(acting_user=audit.auditor, audit=audit, feedback=recent)
    assert audit.feedback == recent


def test_feedback_from_another_young_person_is_refused() -> None:
    audit = start_audit()
    other = YoungPersonFeedbackFactory()
    with pytest.raises(ValidationError):
        services.audit_feedback_attach(acting_user=audit.auditor, audit=audit, feedback=other)


def test_taking_feedback_for_an_audit_must_be_by_phone_or_in_person() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError) as refused:
        services.audit_feedback_take(
            acting_user=audit.auditor,
            audit=audit,
            method=FeedbackMethod.PORTAL,
            about=FeedbackAbout.SERVICE,
            what_is_good="Good",
        )
    assert "method" in refused.value.error_dict
    assert not YoungPersonFeedback.objects.exists()


def test_feedback_is_not_kept_when_it_cannot_be_used_in_the_audit() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError):
        services.audit_feedback_take(
            acting_user=auditor(),  # not the audit's auditor
            audit=audit,
            method=FeedbackMethod.PHONE,
            about=FeedbackAbout.SERVICE,
            what_is_good="Good",
        )
    assert not YoungPersonFeedback.objects.exists()


def test_completion_lists_everything_missing() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError) as refused:
        services.audit_complete(acting_user=audit.auditor, audit=audit)
    assert set(refused.value.error_dict) == {
        "answers",
        "area_grades",
        "overall_grade",
        "summary",
        "themes",
        "actions",
        "feedback",
    }


def test_an_outstanding_audit_may_be_completed_without_actions() -> None:
    audit = ready_to_complete(start_audit(), grade="outstanding", action=False)
    assert services.audit_complete(acting_user=audit.auditor, audit=audit).is_completed


def test_a_completed_audit_cannot_be_changed() -> None:
    audit = completed_audit()
    with pytest.raises(ValidationError, match="completed"):
        services.audit_overall_save(
            acting_user=audit.auditor, audit=audit, overall_grade="inadequate", summary="No"
        )


# Moderation -----------------------------------------------------------------------------------


def test_moderation_by_the_auditor_who_completed_it_is_refused() -> None:
    audit = completed_audit()
    with pytest.raises(ValidationError, match="different auditor"):
        services.audit_moderate(
            acting_user=audit.auditor, audit=audit, agrees=True, reason="Looks right"
        )
    assert not AuditModeration.objects.exists()


def test_a_second_auditor_changes_the_grade_and_both_grades_are_kept() -> None:
    audit = completed_audit(grade="good")
    moderator = auditor()
    moderation = services.audit_moderate(
        acting_user=moderator,
        audit=audit,
        agrees=False,
        grade="requires_improvement",
        reason="The plan is out of date.",
    )
    audit.refresh_from_db()
    assert audit.overall_grade == "good"
    assert moderation.grade == "requires_improvement"
    assert audit.final_grade == "requires_improvement"
    assert moderation.moderator == moderator


def test_agreeing_keeps_the_grade() -> None:
    audit = completed_audit(grade="good")
    services.audit_moderate(acting_user=auditor(), audit=audit, agrees=True, reason="Agreed")
    audit.refresh_from_db()
    assert audit.final_grade == "good"
    assert audit.moderation.agrees


def test_changing_the_grade_needs_a_different_grade_and_a_reason() -> None:
    audit = completed_audit(grade="good")
    with pytest.raises(ValidationError) as refused:
        services.audit_moderate(
            acting_user=auditor(), audit=audit, agrees=False, grade="good", reason=""
        )
    assert set(refused.value.error_dict) == {"grade", "reason"}


def test_an_audit_in_progress_cannot_be_moderated() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError, match="completed"):
        services.audit_moderate(acting_user=auditor(), audit=audit, agrees=True, reason="Yes")


def test_an_audit_is_moderated_once() -> None:
    audit = completed_audit()
    services.audit_moderate(acting_user=auditor(), audit=audit, agrees=True, reason="Yes")
    with pytest.raises(ValidationError, match="already"):
        services.audit_moderate(acting_user=auditor(), audit=audit, agrees=True, reason="Yes")


# Actions --------------------------------------------------------------------------------------


def test_an_action_is_assigned_to_the_worker_or_the_manager_taken_at_the_start() -> None:
    audit = start_audit()
    due = timezone.localdate() + datetime.timedelta(days=7)
    for_worker = _action_added(audit, ActionFor.WORKER, "Visit", due_on=due)
    for_manager = _action_added(audit, ActionFor.MANAGER, "Supervise", due_on=due)
    assert for_worker.assignee_id == audit.worker_id
    assert for_manager.assignee_id == audit.manager_id


def test_an_action_due_in_the_past_is_refused() -> None:
    audit = start_audit()
    with pytest.raises(ValidationError) as refused:
        _action_added(audit, ActionFor.WORKER, "Visit", due_on=days_ago(1))
    assert "due_on" in refused.value.error_dict


def test_an_action_for_the_worker_is_refused_when_nobody_was_allocated() -> None:
    audit = start_audit(YoungPersonFactory())
    with pytest.raises(ValidationError) as refused:
        _action_added(audit, ActionFor.WORKER, "Visit", due_on=timezone.localdate())
    assert "assigned_as" in refused.value.error_dict


def test_a_removed_action_is_archived_not_deleted() -> None:
    audit = start_audit()
    action = _action_added(audit, ActionFor.WORKER, "Visit", due_on=timezone.localdate())
    services.audit_action_remove(acting_user=audit.auditor, action=action)
    action.refresh_from_db()
    assert action.is_archived
    assert not audit.actions.live().exists()


def test_the_assignee_marks_an_action_done_with_a_note() -> None:
    audit = completed_audit()
    action = audit.actions.get()
    worker = action.assignee
    done = services.action_mark_done(acting_user=worker, action=action, note="Plan updated")
    assert done.done_on == timezone.localdate()
    assert done.done_by == worker
    assert done.done_note == "Plan updated"
    assert _events(done)[0].detail == {"done": True}  # newest first


def test_only_the_assignee_can_mark_an_action_done() -> None:
    audit = completed_audit()
    action = audit.actions.get()
    with pytest.raises(ValidationError, match="Only the person"):
        services.action_mark_done(acting_user=audit.manager, action=action, note="Done")
    action.refresh_from_db()
    assert action.done_on is None


def test_an_action_needs_a_note_to_be_marked_done() -> None:
    audit = completed_audit()
    action = audit.actions.get()
    with pytest.raises(ValidationError) as refused:
        services.action_mark_done(acting_user=action.assignee, action=action, note=" ")
    assert "note" in refused.value.error_dict


def test_an_action_of_an_audit_in_progress_cannot_be_marked_done() -> None:
    audit = ready_to_complete(start_audit())
    action = audit.actions.get()
    with pytest.raises(ValidationError, match="not open"):
        services.action_mark_done(acting_user=action.assignee, action=action, note="Done")


def test_an_action_is_marked_done_once() -> None:
    action = completed_audit().actions.get()
    services.action_mark_done(acting_user=action.assignee, action=action, note="Done")
    with pytest.raises(ValidationError, match="already"):
        services.action_mark_done(acting_user=action.assignee, action=action, note="Again")


# Targets -----------------------------------------------------------------------------------------


def test_a_team_manager_sets_their_own_teams_target_for_a_month() -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=team)
    row = services.audit_target_set(
        acting_user=manager, team=team, month=datetime.date(2026, 11, 17), target=4
    )
    assert row.month == datetime.date(2026, 11, 1)
    services.audit_target_set(
        acting_user=manager, team=team, month=datetime.date(2026, 11, 1), target=5
    )
    assert AuditTarget.objects.get().target == 5
    assert len(_events(row)) == 2


def test_a_team_manager_cannot_set_another_teams_target() -> None:
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=TeamFactory())
    with pytest.raises(ValidationError):
        services.audit_target_set(
            acting_user=manager, team=TeamFactory(), month=timezone.localdate(), target=3
        )
    assert not AuditTarget.objects.exists()


def test_a_head_of_service_sets_any_teams_target() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    services.audit_target_set(
        acting_user=head, team=TeamFactory(), month=timezone.localdate(), target=3
    )
    assert AuditTarget.objects.get().target == 3


def test_a_negative_target_is_refused() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    with pytest.raises(ValidationError):
        services.audit_target_set(
            acting_user=head, team=TeamFactory(), month=timezone.localdate(), target=-1
        )


# Management oversight -----------------------------------------------------------------------


def test_a_team_manager_records_oversight_on_their_teams_case() -> None:
    person = allocated_young_person()
    entry = services.oversight_record(
        acting_user=person.team.manager,
        young_person=person,
        direction="Review the plan",
        rationale="Tenancy at risk",
        review_by=timezone.localdate() + datetime.timedelta(days=28),
    )
    assert entry.manager == person.team.manager
    assert _events(entry)[0].young_person_id == person.pk


def test_a_team_manager_cannot_record_oversight_on_another_teams_case() -> None:
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=TeamFactory())
    with pytest.raises(ValidationError):
        services.oversight_record(
            acting_user=manager,
            young_person=allocated_young_person(),
            direction="Review",
            rationale="Why",
        )
    assert not OversightEntry.objects.exists()


def test_a_personal_adviser_cannot_record_oversight() -> None:
    person = allocated_young_person()
    with pytest.raises(ValidationError):
        services.oversight_record(
            acting_user=person.allocations.get().worker,
            young_person=person,
            direction="Review",
            rationale="Why",
        )


def test_oversight_needs_a_direction_and_reasons_and_a_review_date_after_it() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    with pytest.raises(ValidationError) as refused:
        services.oversight_record(
            acting_user=head,
            young_person=YoungPersonFactory(),
            direction="",
            rationale=" ",
            review_by=days_ago(3),
            recorded_on=days_ago(1),
        )
    assert set(refused.value.error_dict) == {"direction", "rationale", "review_by"}


def test_oversight_is_marked_reviewed_once() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    entry = OversightEntryFactory(manager=head, recorded_on=days_ago(10))
    reviewed = services.oversight_review(acting_user=head, entry=entry, note="Done")
    assert reviewed.reviewed_on == timezone.localdate()
    assert reviewed.reviewed_by == head
    with pytest.raises(ValidationError, match="already"):
        services.oversight_review(acting_user=head, entry=entry, note="Again")


# Feedback ---------------------------------------------------------------------------------------


def test_feedback_taken_by_a_worker_is_kept_with_who_took_it() -> None:
    person = allocated_young_person()
    worker = person.allocations.get().worker
    feedback = services.feedback_record(
        acting_user=worker,
        young_person=person,
        method=FeedbackMethod.IN_PERSON,
        about=FeedbackAbout.SERVICE,
        what_could_be_better="Answer the phone",
    )
    assert feedback.created_by == worker
    assert feedback.given_on == timezone.localdate()


def test_actions_are_kept_when_an_audit_is_completed() -> None:
    audit = completed_audit()
    assert AuditAction.objects.filter(audit=audit, done_on__isnull=True).count() == 1
