"""Writes: each service checks permission, refuses bad input with a message per field and
changes nothing, and writes its audit event."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import UserFactory
from careleavers.casework.models import Notification
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.workforce import services
from careleavers.workforce.models import (
    Employment,
    Post,
    SicknessAbsence,
    SupervisionAction,
    SupervisionRecord,
    SupervisionReview,
    TrainingRecord,
)
from careleavers.workforce.tests.factories import (
    CourseFactory,
    EmploymentFactory,
    PostFactory,
    SupervisionActionFactory,
    SupervisionRecordFactory,
)

pytestmark = pytest.mark.django_db

REFLECTION = {"what_is_working": "She trusts him now and calls when worried."}


# Supervision -------------------------------------------------------------------------------------


def test_a_team_manager_records_a_supervision_of_their_worker(
    service: SimpleNamespace, django_capture_on_commit_callbacks: object
) -> None:
    manager = service.a.manager
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        record = services.supervision_record(
            acting_user=manager,
            worker=service.w1,
            held_on=days_ago(1),
            young_people=service.w1_people[:2],
            **REFLECTION,
        )
    assert record.supervisor == manager
    assert record.team == service.a
    assert set(record.young_people.all()) == set(service.w1_people[:2])
    event = AuditEvent.objects.get(subject_type="workforce.SupervisionRecord")
    assert "trusts" not in str(event.detail)  # the notes never reach the audit log
    note = Notification.objects.get(recipient=service.w1, kind="supervision_recorded")
    assert "trusts" not in note.message


def test_a_team_manager_cannot_record_a_supervision_for_another_team(
    service: SimpleNamespace,
) -> None:
    with pytest.raises(PermissionDenied):
        services.supervision_record(
            acting_user=service.b.manager, worker=service.w1, held_on=days_ago(1), **REFLECTION
        )


@pytest.mark.parametrize(
    "role", [Role.PERSONAL_ADVISER, Role.AUDITOR, Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR]
)
def test_only_managers_record_supervision(service: SimpleNamespace, role: Role) -> None:
    with pytest.raises(PermissionDenied):
        services.supervision_record(
            acting_user=UserFactory(roles=[role], team=service.a),
            worker=service.w1,
            held_on=days_ago(1),
            **REFLECTION,
        )


def test_the_head_of_service_can_supervise_any_worker(service: SimpleNamespace) -> None:
    record = services.supervision_record(
        acting_user=service.head, worker=service.w4, held_on=days_ago(0), **REFLECTION
    )
    assert record.supervisor == service.head


def test_a_supervision_cannot_be_in_the_future(service: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as error:
        services.supervision_record(
            acting_user=service.a.manager, worker=service.w1, held_on=days_ago(-1), **REFLECTION
        )
    assert "held_on" in error.value.message_dict
    assert SupervisionRecord.objects.count() == 6


def test_a_supervision_needs_some_reflection(service: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as error:
        services.supervision_record(
            acting_user=service.a.manager, worker=service.w1, held_on=days_ago(1)
        )
    assert "what_is_working" in error.value.message_dict


def test_only_young_people_on_the_workers_caseload_can_be_discussed(
    service: SimpleNamespace,
) -> None:
    stranger = YoungPersonFactory(team=service.a)
    with pytest.raises(ValidationError) as error:
        services.supervision_record(
            acting_user=service.a.manager,
            worker=service.w1,
            held_on=days_ago(1),
            young_people=[stranger],
            **REFLECTION,
        )
    assert "young_people" in error.value.message_dict
    assert SupervisionRecord.objects.count() == 6


def test_the_worker_adds_their_comment_once(service: SimpleNamespace) -> None:
    record = service.records.w1_recent
    services.supervision_respond(
        acting_user=service.w1, record=record, agrees=True, comment="Helpful."
    )
    record.refresh_from_db()
    assert record.worker_agrees
    assert record.worker_comment == "Helpful."
    with pytest.raises(ValidationError):
        services.supervision_respond(acting_user=service.w1, record=record, agrees=True)


def test_a_worker_who_disagrees_must_say_why(service: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as error:
        services.supervision_respond(
            acting_user=service.w1, record=service.records.w1_recent, agrees=False
        )
    assert "comment" in error.value.message_dict


def test_nobody_else_comments_for_the_worker(service: SimpleNamespace) -> None:
    with pytest.raises(PermissionDenied):
        services.supervision_respond(
            acting_user=service.a.manager, record=service.records.w1_recent, agrees=True
        )


def test_an_action_is_for_a_young_person_discussed_and_due_after_the_supervision(
    service: SimpleNamespace,
) -> None:
    record = SupervisionRecordFactory(
        worker=service.w1, supervisor=service.a.manager, young_people=service.w1_people[:1]
    )
    with pytest.raises(ValidationError) as error:
        services.supervision_action_add(
            acting_user=service.a.manager,
            record=record,
            text="Review plan",
            due_on=record.held_on - datetime.timedelta(days=1),
        )
    assert "due_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.supervision_action_add(
            acting_user=service.a.manager,
            record=record,
            text="Review plan",
            due_on=days_ago(-7),
            young_person=service.w1_people[1],
        )
    assert "young_person" in error.value.message_dict
    action = services.supervision_action_add(
        acting_user=service.a.manager,
        record=record,
        text="Review plan",
        due_on=days_ago(-7),
        young_person=service.w1_people[0],
    )
    assert action.young_person == service.w1_people[0]


def test_the_worker_marks_an_action_done(service: SimpleNamespace) -> None:
    action = SupervisionActionFactory(record=service.records.w1_recent)
    services.supervision_action_complete(acting_user=service.w1, action=action)
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    assert action.done_by == service.w1
    with pytest.raises(PermissionDenied):
        services.supervision_action_complete(
            acting_user=service.w2, action=SupervisionActionFactory(record=action.record)
        )


def test_a_sample_draws_the_policy_percentage_of_unsampled_recent_records(
    service: SimpleNamespace,
) -> None:
    for _ in range(15):
        SupervisionRecordFactory(
            worker=service.w1, supervisor=service.a.manager, held_on=days_ago(5)
        )
    # 15 new records are unsampled and recent (the others already have a review): 10% is 2.
    drawn = services.supervision_sample_draw(acting_user=service.head, rng=random.Random(1))
    assert len(drawn) == 2
    assert all(review.randomly_sampled and review.grade == "" for review in drawn)
    assert SupervisionReview.objects.filter(grade="").count() == 3


def test_only_the_head_of_service_samples_and_grades(service: SimpleNamespace) -> None:
    with pytest.raises(PermissionDenied):
        services.supervision_sample_draw(acting_user=service.a.manager)
    with pytest.raises(PermissionDenied):
        services.supervision_grade(
            acting_user=service.a.manager,
            record=service.records.w4_recent,
            grade="reflective",
            comment="Good",
        )


def test_grading_a_sampled_record(service: SimpleNamespace) -> None:
    review = services.supervision_grade(
        acting_user=service.head,
        record=service.records.w4_recent,
        grade="compliance_led",
        comment="A list of deadlines; nothing on how the young people are.",
    )
    assert review.grade == "compliance_led"
    assert review.graded_by == service.head


def test_any_record_can_be_picked_and_graded(service: SimpleNamespace) -> None:
    record = SupervisionRecordFactory(worker=service.w1, supervisor=service.a.manager)
    review = services.supervision_grade(
        acting_user=service.head, record=record, grade="reflective", comment="Thoughtful."
    )
    assert not review.randomly_sampled


def test_a_grade_needs_a_grade_and_a_comment(service: SimpleNamespace) -> None:
    record = service.records.w4_recent
    with pytest.raises(ValidationError) as error:
        services.supervision_grade(
            acting_user=service.head, record=record, grade="good", comment="x"
        )
    assert "grade" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.supervision_grade(
            acting_user=service.head, record=record, grade="reflective", comment=" "
        )
    assert "comment" in error.value.message_dict


# Posts and employment ----------------------------------------------------------------------------


def _pa_post_in_team_a(
    service: SimpleNamespace, acting_user: Any, *, fte: str, funded_to: datetime.date | None = None
) -> Post:
    """A personal adviser's post in team A, funded from 10 days ago."""
    return services.post_save(
        acting_user=acting_user,
        team=service.a,
        role="pa",
        fte=Decimal(fte),
        funded_from=days_ago(10),
        funded_to=funded_to,
    )


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE])
def test_hr_administrators_add_posts(service: SimpleNamespace, role: Role) -> None:
    post = _pa_post_in_team_a(service, UserFactory(roles=[role]), fte="0.5")
    assert post.fte == Decimal("0.5")
    assert AuditEvent.objects.filter(subject_type="workforce.Post", action="create").exists()


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.PERFORMANCE_ANALYST])
def test_others_do_not_add_posts(service: SimpleNamespace, role: Role) -> None:
    with pytest.raises(PermissionDenied):
        _pa_post_in_team_a(service, UserFactory(roles=[role], team=service.a), fte="1")


def test_a_post_needs_a_sensible_fte_and_dates(service: SimpleNamespace) -> None:
    before = Post.objects.count()
    with pytest.raises(ValidationError) as error:
        _pa_post_in_team_a(service, service.head, fte="1.5")
    assert "fte" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _pa_post_in_team_a(service, service.head, fte="1", funded_to=days_ago(20))
    assert "funded_to" in error.value.message_dict
    assert Post.objects.count() == before


def test_funding_cannot_end_while_someone_holds_the_post(service: SimpleNamespace) -> None:
    post = service.posts.p1
    with pytest.raises(ValidationError) as error:
        services.post_save(
            acting_user=service.head,
            post=post,
            team=post.team,
            role=post.role,
            fte=post.fte,
            funded_from=post.funded_from,
            funded_to=days_ago(1),
        )
    assert "funded_to" in error.value.message_dict


def _w5_starts_today(service: SimpleNamespace, post: Post, *, kind: str, fte: str) -> Employment:
    """Worker 5, who holds no post, is started in the post by the head of service."""
    return services.employment_start(
        acting_user=service.head,
        post=post,
        staff=service.w5,
        kind=kind,
        fte=Decimal(fte),
        start=days_ago(0),
    )


def test_someone_starts_in_a_vacant_post(service: SimpleNamespace) -> None:
    job = _w5_starts_today(service, service.posts.p7, kind="agency", fte="1")
    assert job.post == service.posts.p7


def test_a_full_post_cannot_take_another_holder(service: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as error:
        _w5_starts_today(service, service.posts.p1, kind="permanent", fte="0.5")
    assert "fte" in error.value.message_dict


def test_a_post_cannot_be_filled_before_it_is_funded(service: SimpleNamespace) -> None:
    post = PostFactory(team=service.b, funded_from=days_ago(-30))
    with pytest.raises(ValidationError) as error:
        _w5_starts_today(service, post, kind="permanent", fte="1")
    assert "start" in error.value.message_dict


def test_someone_leaves_a_post_with_a_reason(service: SimpleNamespace) -> None:
    job = Employment.objects.get(staff=service.w2)
    services.employment_end(
        acting_user=service.head, employment=job, end=days_ago(0), leaving_reason="contract_ended"
    )
    job.refresh_from_db()
    assert job.end == timezone.localdate()
    assert job.leaving_reason == "contract_ended"
    with pytest.raises(ValidationError):
        services.employment_end(
            acting_user=service.head, employment=job, end=days_ago(0), leaving_reason="resigned"
        )


def test_an_employment_cannot_end_before_it_started(service: SimpleNamespace) -> None:
    job = EmploymentFactory(post=service.posts.p3, staff=service.w5, start=days_ago(5))
    with pytest.raises(ValidationError) as error:
        services.employment_end(
            acting_user=service.head, employment=job, end=days_ago(6), leaving_reason="resigned"
        )
    assert "end" in error.value.message_dict


# Absence and training ----------------------------------------------------------------------------


def _absent_in_november(
    acting_user: Any,
    staff: Any,
    first: int,
    last: int | None,
    *,
    reason: str,
    days_lost: str | None = None,
) -> SicknessAbsence:
    """A sickness absence from one day of November 2026 to another, or still open."""
    return services.absence_record(
        acting_user=acting_user,
        staff=staff,
        first_day=datetime.date(2026, 11, first),
        last_day=None if last is None else datetime.date(2026, 11, last),
        reason=reason,
        working_days_lost=None if days_lost is None else Decimal(days_lost),
    )


def test_a_team_manager_records_absence_for_their_team_only(service: SimpleNamespace) -> None:
    absence = _absent_in_november(service.a.manager, service.w1, 2, 6, reason="infection")
    assert absence.working_days_lost == 5  # every weekday, by default
    with pytest.raises(PermissionDenied):
        _absent_in_november(service.a.manager, service.w5, 2, 3, reason="infection")


@pytest.mark.parametrize(
    "role", [Role.PERFORMANCE_ANALYST, Role.AUDITOR, Role.INSPECTOR, Role.PERSONAL_ADVISER]
)
def test_analysts_auditors_inspectors_and_workers_never_record_absence(
    service: SimpleNamespace, role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        _absent_in_november(
            UserFactory(roles=[role], team=service.a), service.w1, 2, 3, reason="infection"
        )


def test_absence_days_cannot_exceed_the_weekdays_in_the_period(service: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as error:
        _absent_in_november(service.head, service.w1, 2, 3, reason="infection", days_lost="3")
    assert "working_days_lost" in error.value.message_dict
    assert not SicknessAbsence.objects.exists()


def test_absences_cannot_overlap(service: SimpleNamespace) -> None:
    _absent_in_november(service.head, service.w1, 2, None, reason="mental_health", days_lost="3")
    with pytest.raises(ValidationError) as error:
        _absent_in_november(service.head, service.w1, 10, 11, reason="infection")
    assert "first_day" in error.value.message_dict


def test_an_open_absence_is_closed_with_its_last_day(service: SimpleNamespace) -> None:
    absence = _absent_in_november(
        service.head, service.w1, 2, None, reason="injury", days_lost="2"
    )
    services.absence_end(
        acting_user=service.head, absence=absence, last_day=datetime.date(2026, 11, 13)
    )
    absence.refresh_from_db()
    assert absence.working_days_lost == 10


def test_a_team_manager_records_training_for_their_team(service: SimpleNamespace) -> None:
    course = CourseFactory()
    record = services.training_record(
        acting_user=service.a.manager, staff=service.w1, course=course, completed_on=days_ago(3)
    )
    assert record.course == course
    with pytest.raises(ValidationError) as error:
        services.training_record(
            acting_user=service.a.manager,
            staff=service.w1,
            course=course,
            completed_on=days_ago(-1),
        )
    assert "completed_on" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.training_record(
            acting_user=service.b.manager,
            staff=service.w1,
            course=course,
            completed_on=days_ago(3),
        )
    assert TrainingRecord.objects.count() == 1


def test_supervision_actions_are_kept_apart_from_reflection(service: SimpleNamespace) -> None:
    record = service.records.w1_recent
    services.supervision_action_add(
        acting_user=service.a.manager,
        record=record,
        text="Chase the housing application",
        due_on=days_ago(-3),
    )
    record.refresh_from_db()
    assert "housing" not in record.what_is_working + record.what_worries_us
    assert SupervisionAction.objects.filter(record=record).count() == 1
