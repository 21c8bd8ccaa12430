"""Services: the plan's workflow, the concurrent-edit refusal, reviews and assessments."""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.core.models import AuditEvent
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import schedule, services
from careleavers.plans.models import (
    ActionStatus,
    GoalProgress,
    PathwayPlan,
    PlanAction,
    PlanReview,
    PlanState,
    PlanStateChange,
    ReviewPolicy,
    ReviewReason,
)
from careleavers.plans.tests.factories import (
    fill_sections,
    make_plan,
    review_held_today,
    update_section,
    words_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(
        team=team,
        faith="Muslim",
        culture="Somali heritage; close to the local mosque community",
        first_language="Somali",
        interpreter_needed=True,
        category="eligible",
    )


@pytest.fixture
def manager(make_user, team):
    # A team manager in the team, not recorded as its manager (as the root conftest's is).
    return make_user(Role.TEAM_MANAGER, team=team)


def _events(plan, action=AuditEvent.Action.CHANGE):
    return AuditEvent.objects.filter(
        subject_type="plans.PathwayPlan", subject_id=str(plan.pk), action=action
    )


# The action _action_added makes unless told otherwise.
REGISTER_WITH_A_GP = {
    "section_key": "health",
    "what": "Register with a GP",
    "who": "Young person",
    "by_when": datetime.date(2030, 1, 1),
}


def _action_added(adviser: Any, plan: PathwayPlan, **fields: Any) -> PlanAction:
    return services.plan_action_save(
        acting_user=adviser, plan=plan, **{**REGISTER_WITH_A_GP, **fields}
    )


def _health_saved(user: Any, plan: PathwayPlan, version: int | None, **answers: str) -> Any:
    """The health section saved from the form opened at this version."""
    return services.plan_update(
        acting_user=user, plan=plan, section_key="health", version=version, **answers
    )


def _review_asked_for_today(adviser: Any, young_person: Any, reason: str) -> PlanReview:
    return services.review_request(
        acting_user=adviser,
        young_person=young_person,
        reason=reason,
        requested_on=timezone.localdate(),
    )


# Creating a plan -----------------------------------------------------------------------------


def test_plan_create_makes_the_ten_schedule_1_sections_in_order(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    assert [s.key for s in plan.sections.order_by("number")] == [
        d.key for d in schedule.PLAN_SECTIONS
    ]
    assert plan.state == PlanState.DRAFT
    assert plan.number == 1


def test_plan_create_starts_identity_from_the_record(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    identity = plan.sections.get(key=schedule.IDENTITY)
    assert "Faith: Muslim." in identity.assessment
    assert "Somali heritage" in identity.assessment
    assert "First language: Somali. They need an interpreter." in identity.assessment
    # The young person's words are theirs to give, never pre-filled.
    assert identity.young_persons_words == ""


def test_plan_create_records_a_state_change_and_an_audit_event(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    change = PlanStateChange.objects.get(plan=plan)
    assert (change.from_state, change.to_state, change.by) == ("", PlanState.DRAFT, adviser)
    assert _events(plan, AuditEvent.Action.CREATE).count() == 1


def test_only_one_plan_can_be_open_at_a_time(adviser, young_person):
    services.plan_create(acting_user=adviser, young_person=young_person)
    with pytest.raises(ValidationError, match="already a plan being written"):
        services.plan_create(acting_user=adviser, young_person=young_person)


def test_the_next_plan_starts_from_the_plan_in_force(adviser, manager, young_person):
    first = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    second = services.plan_create(acting_user=adviser, young_person=young_person)
    assert second.number == 2
    assert second.previous_plan == first
    health = second.sections.get(key="health")
    assert health.young_persons_words == words_for("health")


def test_the_next_plan_carries_over_unfinished_actions_and_live_goals(
    adviser, manager, young_person
):
    plan = make_plan(young_person, writer=adviser)
    _action_added(adviser, plan, status=ActionStatus.NOT_STARTED)
    _action_added(
        adviser,
        plan,
        section_key="finance",
        what="Open a bank account",
        who="Personal adviser",
        status=ActionStatus.DONE,
    )
    services.plan_goal_save(acting_user=adviser, plan=plan, description="Learn to drive")
    services.plan_goal_save(
        acting_user=adviser,
        plan=plan,
        description="Join the army",
        progress=GoalProgress.CHANGED,
    )
    services.plan_submit(acting_user=adviser, plan=plan)
    services.plan_authorise(acting_user=manager, plan=plan)
    second = services.plan_create(acting_user=adviser, young_person=young_person)
    assert [a.what for a in second.actions.all()] == ["Register with a GP"]
    assert second.actions.get().section.key == "health"
    assert [g.description for g in second.goals.all()] == ["Learn to drive"]


def test_the_next_plan_carries_over_the_structured_answers(adviser, manager, young_person):
    plan = make_plan(young_person, writer=adviser)
    update_section(plan, "education_and_training", user=adviser, planned="F4")
    update_section(plan, "accommodation", user=adviser, planned="B")
    update_section(plan, "contact_and_support", user=adviser, planned=adviser)
    services.plan_submit(acting_user=adviser, plan=plan)
    services.plan_authorise(acting_user=manager, plan=plan)

    second = services.plan_create(acting_user=adviser, young_person=young_person)

    assert second.sections.get(key="education_and_training").planned_activity == "F4"
    assert second.sections.get(key="accommodation").planned_accommodation == "B"
    assert second.sections.get(key="contact_and_support").personal_adviser == adviser


# Editing and the concurrent-edit refusal ----------------------------------------------------


def test_a_section_keeps_its_structured_answer_when_the_editor_does_not_send_one(
    adviser, young_person
):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    update_section(plan, "accommodation", user=adviser, planned="B")
    update_section(plan, "accommodation", user=adviser, young_persons_words="I like it here.")
    assert plan.sections.get(key="accommodation").planned_accommodation == "B"
    update_section(plan, "accommodation", user=adviser, planned=None)  # cleared on the form
    assert plan.sections.get(key="accommodation").planned_accommodation == ""


def test_a_structured_answer_is_only_kept_by_the_section_that_has_one(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    update_section(plan, "health", user=adviser, planned="F4")
    health = plan.sections.get(key="health")
    assert (health.planned_activity, health.planned_accommodation) == ("", "")


def test_plan_update_saves_a_section_and_moves_its_version_on(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    section = _health_saved(
        adviser,
        plan,
        1,
        young_persons_words="I want to see a counsellor.",
        assessment="Refer to CAMHS.",
    )
    assert section.version == 2
    assert section.history.first().history_user == adviser
    assert AuditEvent.objects.filter(subject_type="plans.PlanSection").count() == 1


def test_a_stale_save_is_refused_and_says_what_changed(adviser, make_user, team, young_person):
    other = make_user(Role.SOCIAL_WORKER, team=team, first_name="Priya", last_name="Shah")
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    # Both open the health section at version 1; Priya saves first.
    _health_saved(
        other,
        plan,
        1,
        young_persons_words="I am on a waiting list for counselling.",
        assessment="",
    )
    with pytest.raises(services.StaleEdit) as refused:
        _health_saved(
            adviser, plan, 1, young_persons_words="I want to see a counsellor.", assessment=""
        )
    error = refused.value
    assert error.changed_by == "Priya Shah"
    assert error.current_version == 2
    assert [(c.field, c.before, c.after) for c in error.changes] == [
        ("young_persons_words", "", "I am on a waiting list for counselling.")
    ]
    # Nothing the later editor typed was saved.
    section = plan.sections.get(key="health")
    assert section.young_persons_words == "I am on a waiting list for counselling."
    # Saving again from the current version is a deliberate choice, and works.
    _health_saved(
        adviser,
        plan,
        error.current_version,
        young_persons_words="I want to see a counsellor.",
        assessment="",
    )
    assert plan.sections.get(key="health").young_persons_words == "I want to see a counsellor."


def test_a_submitted_plan_cannot_be_edited(adviser, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    with pytest.raises(ValidationError, match="waiting for authorisation"):
        _health_saved(adviser, plan, None, young_persons_words="x", assessment="y")


def test_once_authorised_only_an_actions_status_can_change(adviser, manager, young_person):
    plan = make_plan(young_person, writer=adviser)
    action = _action_added(adviser, plan, status=ActionStatus.NOT_STARTED)
    services.plan_submit(acting_user=adviser, plan=plan)
    services.plan_authorise(acting_user=manager, plan=plan)
    with pytest.raises(ValidationError, match="Only the status"):
        services.plan_action_save(
            acting_user=adviser, plan=plan, action=action, version=1, what="Something else"
        )
    updated = services.plan_action_save(
        acting_user=adviser, plan=plan, action=action, version=1, status=ActionStatus.DONE
    )
    assert updated.status == ActionStatus.DONE
    with pytest.raises(ValidationError, match="add actions"):
        _action_added(adviser, plan, what="x", who="y")


def test_a_stale_action_save_is_refused(adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    action = _action_added(adviser, plan)
    services.plan_action_save(acting_user=adviser, plan=plan, action=action, version=1, who="PA")
    with pytest.raises(services.StaleEdit):
        services.plan_action_save(
            acting_user=adviser, plan=plan, action=action, version=1, who="Young person"
        )


# Submitting -------------------------------------------------------------------------------


def test_submit_needs_the_young_persons_words_in_every_section(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    with pytest.raises(ValidationError) as refused:
        services.plan_submit(acting_user=adviser, plan=plan)
    message = refused.value.messages[0]
    for definition in schedule.PLAN_SECTIONS:
        assert f"{definition.title}: what the young person says" in message
    assert PathwayPlan.objects.get(pk=plan.pk).state == PlanState.DRAFT


def test_submit_needs_the_contingency_plan(adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    update_section(
        plan,
        schedule.CONTINGENCY,
        user=adviser,
        young_persons_words="I would go to my nan's.",
        assessment="",
    )
    with pytest.raises(ValidationError, match="Contingency plan: the contingency plan"):
        services.plan_submit(acting_user=adviser, plan=plan)


def test_submit_records_who_and_when(adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    services.plan_submit(acting_user=adviser, plan=plan)
    plan.refresh_from_db()
    assert plan.state == PlanState.SUBMITTED
    assert plan.submitted_by == adviser
    assert plan.submitted_at is not None
    change = plan.state_changes.last()
    assert (change.from_state, change.to_state, change.by) == (
        PlanState.DRAFT,
        PlanState.SUBMITTED,
        adviser,
    )
    assert _events(plan).filter(detail__state=PlanState.SUBMITTED).count() == 1


def test_a_state_change_and_its_audit_event_are_one_transaction(adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    with (
        mock.patch("careleavers.core.audit.audit_record", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        services.plan_submit(acting_user=adviser, plan=plan)
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT
    assert not plan.state_changes.filter(to_state=PlanState.SUBMITTED).exists()


# Authorising and returning -------------------------------------------------------------------


def test_only_a_manager_can_authorise(adviser, make_user, team, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    other_adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    with pytest.raises(PermissionDenied):
        services.plan_authorise(acting_user=other_adviser, plan=plan)
    with pytest.raises(PermissionDenied):
        services.plan_return(acting_user=other_adviser, plan=plan, comment="No")


def test_a_manager_cannot_authorise_a_plan_they_submitted(manager, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=manager)
    with pytest.raises(ValidationError, match="another manager"):
        services.plan_authorise(acting_user=manager, plan=plan)


def test_head_of_service_can_authorise(adviser, make_user, young_person):
    head = make_user(Role.HEAD_OF_SERVICE)
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    services.plan_authorise(acting_user=head, plan=plan, comment="A strong plan.")
    plan.refresh_from_db()
    assert plan.state == PlanState.AUTHORISED
    assert plan.authorised_by == head
    assert plan.state_changes.last().comment == "A strong plan."


def test_authorising_puts_the_plan_in_force_and_ends_the_previous_one(
    adviser, manager, young_person
):
    first = make_plan(young_person, state=PlanState.SHARED, writer=adviser, manager=manager)
    second = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    services.plan_authorise(acting_user=manager, plan=second)
    first.refresh_from_db()
    second.refresh_from_db()
    today = timezone.localdate()
    assert second.effective_from == today
    assert second.effective_to is None
    assert first.effective_to == today


def test_return_needs_a_comment_and_reopens_the_plan(adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    with pytest.raises(ValidationError, match="what needs to change"):
        services.plan_return(acting_user=manager, plan=plan, comment="  ")
    services.plan_return(acting_user=manager, plan=plan, comment="Say more about money.")
    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED
    assert plan.is_editable
    assert plan.returned_comments == "Say more about money."
    # The worker amends and resubmits.
    update_section(
        plan,
        "finance",
        user=adviser,
        young_persons_words="I get Universal Credit and I am saving £10 a week.",
    )
    services.plan_submit(acting_user=adviser, plan=plan)
    assert list(plan.state_changes.values_list("to_state", flat=True)) == [
        PlanState.DRAFT,
        PlanState.SUBMITTED,
        PlanState.RETURNED,
        PlanState.SUBMITTED,
    ]


def test_a_plan_can_only_be_authorised_once(adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    with pytest.raises(ValidationError, match="cannot authorise"):
        services.plan_authorise(acting_user=manager, plan=plan)


# Sharing ------------------------------------------------------------------------------------


def _share(adviser, plan, **overrides):
    values = {
        "shared_on": timezone.localdate(),
        "method": "in_person",
        "copy_given_and_explained": True,
        "agreement": "agrees_in_part",
        "young_persons_response": "I agree, but I want to stay in Bradford.",
    }
    values.update(overrides)
    return services.plan_share(acting_user=adviser, plan=plan, **values)


def test_sharing_records_the_young_persons_words_and_how(adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    _share(adviser, plan)
    plan.refresh_from_db()
    assert plan.state == PlanState.SHARED
    assert plan.copy_given_and_explained
    assert plan.shared_method == "in_person"
    assert plan.young_persons_response == "I agree, but I want to stay in Bradford."
    assert plan.state_changes.last().to_state == PlanState.SHARED


def test_sharing_needs_a_copy_given_and_explained_and_their_words(adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    with pytest.raises(ValidationError) as refused:
        _share(adviser, plan, copy_given_and_explained=False, young_persons_response="")
    assert len(refused.value.messages) == 2


def test_a_plan_cannot_be_shared_before_it_was_authorised(adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    with pytest.raises(ValidationError, match="same as or after the day it was authorised"):
        _share(adviser, plan, shared_on=timezone.localdate() - datetime.timedelta(days=1))


def test_a_draft_cannot_be_shared(adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    with pytest.raises(ValidationError):
        _share(adviser, plan)


# Printing -----------------------------------------------------------------------------------


def test_printing_is_audited(adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    pdf = services.plan_print(acting_user=adviser, plan=plan)
    assert pdf.startswith(b"%PDF")
    assert _events(plan, AuditEvent.Action.PRINT).count() == 1


def test_a_draft_cannot_be_printed_for_the_young_person(adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    with pytest.raises(ValidationError, match="Only an authorised plan"):
        services.plan_print(acting_user=adviser, plan=plan)
    assert not _events(plan, AuditEvent.Action.PRINT).exists()


# Reviews ------------------------------------------------------------------------------------


def test_a_review_request_brings_the_review_and_the_visit_before_it_forward(
    adviser, manager, young_person
):
    from careleavers.plans.selectors import review_due_for

    make_plan(young_person, state=PlanState.SHARED, writer=adviser, manager=manager)
    today = timezone.localdate()
    assert review_due_for(young_person=young_person).due > today + datetime.timedelta(days=150)
    _review_asked_for_today(adviser, young_person, ReviewReason.YOUNG_PERSON_ASKED)
    due = review_due_for(young_person=young_person)
    assert due.due == today + datetime.timedelta(days=28)
    young_person.refresh_from_db()
    # Casework's contact standard now asks for a visit before that review.
    assert young_person.next_contact_due is not None
    assert young_person.next_contact_due <= due.due


def test_a_review_cannot_be_requested_without_a_plan_in_force(adviser, young_person):
    with pytest.raises(ValidationError, match="no authorised plan"):
        _review_asked_for_today(adviser, young_person, ReviewReason.WORKER_THOUGHT_NECESSARY)


def test_a_scheduled_review_is_not_something_to_request(adviser, manager, young_person):
    make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    with pytest.raises(ValidationError, match="why a review"):
        _review_asked_for_today(adviser, young_person, ReviewReason.SCHEDULED)


def test_recording_a_review_meets_requests_and_starts_the_next_plan(
    adviser, manager, young_person
):
    from careleavers.plans.selectors import review_due_for

    plan = make_plan(young_person, state=PlanState.SHARED, writer=adviser, manager=manager)
    today = timezone.localdate()
    asked = _review_asked_for_today(adviser, young_person, ReviewReason.YOUNG_PERSON_ASKED)
    moved = _review_asked_for_today(adviser, young_person, ReviewReason.ACCOMMODATION_CHANGED)
    review = review_held_today(
        young_person,
        user=adviser,
        reason=ReviewReason.YOUNG_PERSON_ASKED,
        what_changed="Moved to a new flat.",
        young_persons_views="I like my new flat.",
        request_review=asked,
    )
    assert review.pk == asked.pk
    assert review.held_on == today
    moved.refresh_from_db()
    assert moved.met_by == review
    assert review.resulting_plan.number == 2
    assert review.resulting_plan.previous_plan == plan
    assert review.resulting_plan.state == PlanState.DRAFT
    assert "review held on" in review.resulting_plan.state_changes.first().comment
    # No requests are open, and the next review is 6 months after this one.
    assert not PlanReview.objects.filter(
        young_person=young_person, held_on__isnull=True, met_by__isnull=True
    ).exists()
    due = review_due_for(young_person=young_person)
    assert "last review" in due.rule


def test_a_review_needs_what_changed_and_the_young_persons_views(adviser, manager, young_person):
    make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    with pytest.raises(ValidationError) as refused:
        review_held_today(young_person, user=adviser, what_changed="", young_persons_views="")
    assert len(refused.value.messages) == 2


def test_a_move_asks_for_a_review_when_the_local_rule_says_so(adviser, manager, young_person):
    make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    moved_on = timezone.localdate()
    review = services.accommodation_changed(
        acting_user=adviser, young_person=young_person, moved_on=moved_on
    )
    assert review is not None
    assert review.reason == ReviewReason.ACCOMMODATION_CHANGED
    # The same move twice asks once.
    again = services.accommodation_changed(
        acting_user=adviser, young_person=young_person, moved_on=moved_on
    )
    assert again.pk == review.pk


def test_a_move_changes_nothing_when_the_local_rule_is_off(adviser, manager, young_person):
    ReviewPolicy.objects.create(pk=1, review_on_accommodation_change=False)
    make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    assert (
        services.accommodation_changed(
            acting_user=adviser, young_person=young_person, moved_on=timezone.localdate()
        )
        is None
    )


# Needs assessment ----------------------------------------------------------------------------


def test_an_assessment_starts_with_its_deadline_and_every_matter(adviser, young_person):
    young_person.category_since = timezone.localdate() - datetime.timedelta(days=10)
    young_person.save()
    assessment = services.assessment_start(acting_user=adviser, young_person=young_person)
    assert assessment.due_on is not None
    assert "regulation 42(1)" in assessment.due_rule
    assert {s.matter for s in assessment.sections.all()} == {
        m.key for m in schedule.ASSESSMENT_MATTERS
    }


def test_an_assessment_is_completed_only_when_every_matter_is_written(adviser, young_person):
    assessment = services.assessment_start(acting_user=adviser, young_person=young_person)
    with pytest.raises(ValidationError, match="Health and development"):
        services.assessment_complete(
            acting_user=adviser, assessment=assessment, completed_on=timezone.localdate()
        )
    services.assessment_update(
        acting_user=adviser,
        assessment=assessment,
        version=assessment.version,
        findings={m.key: f"Findings on {m.title}" for m in schedule.ASSESSMENT_MATTERS},
        views_sought="The young person, their foster carer and the college.",
        outcome="Needs help with money and a move to semi-independence.",
    )
    done = services.assessment_complete(
        acting_user=adviser, assessment=assessment, completed_on=timezone.localdate()
    )
    assert done.is_complete
    assert done.completed_by == adviser
    with pytest.raises(ValidationError, match="complete"):
        services.assessment_update(
            acting_user=adviser, assessment=done, version=done.version, findings={}
        )


def test_a_stale_assessment_save_is_refused(adviser, young_person):
    assessment = services.assessment_start(acting_user=adviser, young_person=young_person)

    def saved_from_version_1(views_sought: str) -> Any:
        return services.assessment_update(
            acting_user=adviser,
            assessment=assessment,
            version=1,
            findings={},
            views_sought=views_sought,
        )

    saved_from_version_1("Carer")
    with pytest.raises(services.StaleEdit) as refused:
        saved_from_version_1("College")
    assert refused.value.changes[0].after == "Carer"


def test_only_one_assessment_in_progress(adviser, young_person):
    services.assessment_start(acting_user=adviser, young_person=young_person)
    with pytest.raises(ValidationError, match="already a needs assessment"):
        services.assessment_start(acting_user=adviser, young_person=young_person)


# History ------------------------------------------------------------------------------------


def test_the_plan_as_it_read_when_submitted_is_kept(adviser, manager, young_person):
    from careleavers.plans.snapshots import plan_snapshot

    with time_machine.travel(timezone.now() - datetime.timedelta(days=3)):
        plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
        services.plan_return(acting_user=manager, plan=plan, comment="More on money, please.")
        submitted_at = plan.state_changes.get(to_state=PlanState.SUBMITTED).at
    update_section(plan, "finance", user=adviser, young_persons_words="I am saving £10 a week.")
    plan.refresh_from_db()
    then = plan_snapshot(plan=plan, at=submitted_at)
    now = plan_snapshot(plan=plan)
    assert then.section("finance").young_persons_words == words_for("finance")
    assert now.section("finance").young_persons_words == "I am saving £10 a week."
    assert then.state == PlanState.SUBMITTED
    assert now.state == PlanState.RETURNED


def test_fill_sections_helper_makes_a_plan_ready_to_submit(adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    fill_sections(plan, user=adviser)
    assert services.plan_missing_before_submit(plan) == []
