"""Referrals, chasing, decisions, health and transition plans: the writes and their rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from careleavers.accounts.roles import Role
from careleavers.core.concurrency import StaleEdit
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.transitions import services
from careleavers.transitions.models import (
    ChaseKind,
    HealthProfile,
    Outcome,
    Referral,
    ServiceKind,
)
from careleavers.transitions.tests.factories import (
    HealthProfileFactory,
    MilestoneFactory,
    ReferralFactory,
    ServiceFactory,
    TransitionPlanFactory,
    service_of,
)

pytestmark = pytest.mark.django_db


def _events(subject: Any, action: str) -> int:
    return AuditEvent.objects.filter(
        subject_type=subject._meta.label, subject_id=str(subject.pk), action=action
    ).count()


# Referrals -----------------------------------------------------------------------------------


def _refer(pa: Any, person: Any, service: Any, on: Any, reason: str, **more: Any) -> Any:
    return services.referral_create(
        acting_user=pa, young_person=person, service=service, referred_on=on, reason=reason, **more
    )


def test_a_referral_is_recorded_with_an_audit_event_naming_the_young_person(pa: Any) -> None:
    person = YoungPersonFactory()
    referral = _refer(pa, person, service_of(), days_ago(3), "Low mood")
    assert referral.is_open
    assert referral.referred_by == pa
    event = AuditEvent.objects.get(subject_id=str(referral.pk), action="create")
    assert event.young_person_id == person.pk
    assert event.actor == pa


def test_the_data_migration_seeds_the_common_services_with_targets() -> None:
    for kind in (
        ServiceKind.ADULT_SOCIAL_CARE,
        ServiceKind.ADULT_MENTAL_HEALTH,
        ServiceKind.CAMHS,
        ServiceKind.LEARNING_DISABILITY,
        ServiceKind.SUBSTANCE_MISUSE,
    ):
        service = service_of(kind)
        assert service is not None
        assert service.target_wait_days > 0


def test_a_second_open_referral_to_the_same_service_is_refused(pa: Any) -> None:
    existing = ReferralFactory()
    with pytest.raises(ValidationError) as error:
        _refer(pa, existing.young_person, existing.service, days_ago(0), "Again")
    assert "already has an open referral" in error.value.message_dict["service"][0]


def test_a_new_referral_is_allowed_once_the_last_was_decided(pa: Any) -> None:
    existing = ReferralFactory(
        decided_on=days_ago(1), outcome=Outcome.THRESHOLD_NOT_MET, alternative_support="Mentoring"
    )
    _refer(pa, existing.young_person, existing.service, days_ago(0), "Needs have grown")
    assert Referral.objects.filter(young_person=existing.young_person).count() == 2


def test_section_117_aftercare_is_only_for_mental_health_services(pa: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _refer(
            pa,
            YoungPersonFactory(),
            service_of(ServiceKind.SUBSTANCE_MISUSE),
            days_ago(0),
            "x",
            section_117_aftercare=True,
        )
    assert set(error.value.message_dict) == {"section_117_aftercare"}


def test_a_referral_dated_in_the_future_or_to_an_inactive_service_is_refused(pa: Any) -> None:
    closed = ServiceFactory(is_active=False)
    with pytest.raises(ValidationError) as error:
        _refer(pa, YoungPersonFactory(), closed, days_ago(-1), "x")
    assert set(error.value.message_dict) == {"service", "referred_on"}
    assert not Referral.objects.exists()


def _progress(pa: Any, referral: Any, version: Any, **dates: Any) -> Any:
    return services.referral_progress_record(
        acting_user=pa, referral=referral, version=version, **dates
    )


def test_progress_dates_are_saved_and_the_version_moves_on(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(20))
    saved = _progress(pa, referral, 1, acknowledged_on=days_ago(18), assessed_on=days_ago(5))
    assert (saved.acknowledged_on, saved.assessed_on, saved.version) == (
        days_ago(18),
        days_ago(5),
        2,
    )
    assert _events(referral, "change") == 1


def test_a_stale_edit_is_refused_and_changes_nothing(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(20))
    _progress(pa, referral, 1, acknowledged_on=days_ago(18), assessed_on=None)
    with pytest.raises(StaleEdit) as stale:
        _progress(pa, referral, 1, acknowledged_on=days_ago(17), assessed_on=None)
    assert stale.value.current_version == 2
    referral.refresh_from_db()
    assert referral.acknowledged_on == days_ago(18)


def test_an_assessment_before_the_acknowledgement_is_refused(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(20))
    with pytest.raises(ValidationError) as error:
        _progress(pa, referral, None, acknowledged_on=days_ago(10), assessed_on=days_ago(12))
    assert set(error.value.message_dict) == {"assessed_on"}


def _decide(pa: Any, referral: Any, version: Any, on: Any, outcome: Any, **more: Any) -> Any:
    return services.referral_decide(
        acting_user=pa, referral=referral, version=version, decided_on=on, outcome=outcome, **more
    )


def test_threshold_not_met_without_the_support_given_instead_is_refused(pa: Any) -> None:
    referral = ReferralFactory()
    with pytest.raises(ValidationError) as error:
        _decide(pa, referral, 1, days_ago(0), Outcome.THRESHOLD_NOT_MET, alternative_support="")
    assert set(error.value.message_dict) == {"alternative_support"}
    referral.refresh_from_db()
    assert referral.is_open


def test_a_decision_stops_the_wait_and_keeps_the_support_given_instead(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(40))
    decided = _decide(
        pa,
        referral,
        1,
        days_ago(2),
        Outcome.THRESHOLD_NOT_MET,
        alternative_support="Weekly mentoring",
    )
    assert not decided.is_open
    assert (decided.outcome, decided.alternative_support) == ("not_met", "Weekly mentoring")


def test_support_can_start_only_after_a_decision_of_threshold_met(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(40))
    with pytest.raises(ValidationError):
        services.referral_support_start(
            acting_user=pa, referral=referral, version=None, support_started_on=days_ago(1)
        )
    _decide(pa, referral, None, days_ago(10), Outcome.THRESHOLD_MET)
    started = services.referral_support_start(
        acting_user=pa, referral=referral, version=None, support_started_on=days_ago(1)
    )
    assert started.support_started_on == days_ago(1)


def _chase(pa: Any, referral: Any, kind: Any, on: Any, contacted: str, **more: Any) -> Any:
    return services.referral_chase_record(
        acting_user=pa, referral=referral, kind=kind, on=on, contacted=contacted, **more
    )


def test_a_withdrawn_referral_cannot_be_changed_or_chased(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(40))
    services.referral_withdraw(
        acting_user=pa,
        referral=referral,
        version=1,
        withdrawn_on=days_ago(1),
        reason="Moved to Leeds",
    )
    with pytest.raises(ValidationError):
        _decide(pa, referral, None, days_ago(0), Outcome.THRESHOLD_MET)
    with pytest.raises(ValidationError):
        _chase(pa, referral, ChaseKind.CHASE, days_ago(0), "Duty")


def test_chases_and_escalations_are_logged_with_audit_events(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(40))
    chase = _chase(pa, referral, ChaseKind.CHASE, days_ago(10), "Duty manager")
    escalation = _chase(
        pa,
        referral,
        ChaseKind.ESCALATION,
        days_ago(1),
        "Head of service",
        notes="Agreed to allocate this week",
    )
    assert list(referral.chases.values_list("kind", flat=True)) == ["chase", "escalation"]
    assert _events(chase, "create") == 1
    assert _events(escalation, "create") == 1


def test_a_chase_before_the_referral_is_refused(pa: Any) -> None:
    referral = ReferralFactory(referred_on=days_ago(5))
    with pytest.raises(ValidationError) as error:
        _chase(pa, referral, ChaseKind.CHASE, days_ago(6), "Duty")
    assert set(error.value.message_dict) == {"on"}


# Health --------------------------------------------------------------------------------------


def _health(pa: Any, person: Any, version: Any, **fields: Any) -> Any:
    return services.health_profile_update(
        acting_user=pa, young_person=person, version=version, **fields
    )


def test_health_is_created_then_changed_with_versions_and_audit(pa: Any) -> None:
    person = YoungPersonFactory()
    profile = _health(
        pa,
        person,
        None,
        gp_registration="yes",
        gp_practice="Westgate Surgery",
        mental_health_needs=True,
    )
    assert profile.version == 1
    changed = _health(pa, person, 1, health_history_given_on=days_ago(3))
    assert changed.version == 2
    assert changed.gp_practice == "Westgate Surgery"
    assert _events(profile, "create") == 1
    assert _events(profile, "change") == 1


def test_a_parent_needs_a_number_of_children(pa: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _health(pa, YoungPersonFactory(), None, is_parent=True, number_of_children=0)
    assert set(error.value.message_dict) == {"number_of_children"}
    assert not HealthProfile.objects.exists()


def test_the_first_childs_birth_is_kept_for_the_ssda903(pa: Any) -> None:
    profile = _health(
        pa,
        YoungPersonFactory(),
        None,
        is_parent=True,
        number_of_children=1,
        first_child_born_on=days_ago(400),
    )
    assert profile.first_child_born_on == days_ago(400)


def test_a_first_childs_birth_needs_them_to_be_a_parent(pa: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _health(pa, YoungPersonFactory(), None, first_child_born_on=days_ago(10))
    assert set(error.value.message_dict) == {"first_child_born_on"}


def test_a_stale_health_edit_is_refused(pa: Any) -> None:
    profile = HealthProfileFactory(version=3)
    with pytest.raises(StaleEdit):
        _health(pa, profile.young_person, 2, gp_practice="New")


# Transition plans ----------------------------------------------------------------------------


def test_a_plan_is_started_with_the_adult_services_involved(pa: Any) -> None:
    person = YoungPersonFactory(has_ehc_plan=True)
    social_care = service_of(ServiceKind.ADULT_SOCIAL_CARE)
    plan = services.transition_plan_save(
        acting_user=pa,
        young_person=person,
        version=None,
        adult_services=[social_care],
        started_on=days_ago(1),
        young_persons_wishes="My own flat",
        summary="",
        other_professionals="",
        next_review_on=None,
    )
    assert list(plan.adult_services.all()) == [social_care]
    assert _events(plan, "create") == 1


def _plan(pa: Any, person: Any, version: Any, involved: Any, **fields: Any) -> Any:
    """Save their transition plan with the adult services `involved`."""
    return services.transition_plan_save(
        acting_user=pa, young_person=person, version=version, adult_services=involved, **fields
    )


def test_a_plan_needs_the_young_persons_wishes(pa: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _plan(pa, YoungPersonFactory(), None, [], started_on=days_ago(1), young_persons_wishes=" ")
    assert set(error.value.message_dict) == {"young_persons_wishes"}


def test_changing_the_adult_services_is_a_change_to_the_plan(pa: Any) -> None:
    plan = TransitionPlanFactory()
    saved = _plan(pa, plan.young_person, 1, [service_of(ServiceKind.LEARNING_DISABILITY)])
    assert saved.version == 2
    assert _events(plan, "change") == 1


def _milestone_change(pa: Any, milestone: Any, version: Any, **fields: Any) -> Any:
    return services.milestone_update(
        acting_user=pa, milestone=milestone, version=version, **fields
    )


def test_milestones_are_added_and_marked_done(pa: Any) -> None:
    plan = TransitionPlanFactory()
    milestone = services.milestone_add(
        acting_user=pa,
        plan=plan,
        title="Visit supported living",
        owner="PA",
        due_on=days_ago(-10),
    )
    done = _milestone_change(pa, milestone, 1, done_on=days_ago(0))
    assert (done.done_on, done.version) == (days_ago(0), 2)
    with pytest.raises(ValidationError):
        _milestone_change(pa, MilestoneFactory(), 1, owner="")


def test_a_stale_milestone_edit_is_refused_naming_who_changed_it(pa: Any, make_user: Any) -> None:
    milestone = MilestoneFactory(owner="PA")
    colleague = make_user(Role.TEAM_MANAGER, first_name="Tia", last_name="Manager")
    services.milestone_update(acting_user=colleague, milestone=milestone, version=1, owner="TM")

    with pytest.raises(StaleEdit) as stale:
        _milestone_change(pa, milestone, 1, owner="PA 2")

    assert stale.value.current_version == 2
    assert "Tia Manager changed this milestone" in stale.value.message
    milestone.refresh_from_db()
    assert (milestone.owner, milestone.version) == ("TM", 2)
