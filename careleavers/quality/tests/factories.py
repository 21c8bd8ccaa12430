"""Factories for quality assurance records, and helpers that take an audit through the services
to a given point. Audit questions and themes come from the data migration.
"""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.models import WorkerRole
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.practice_framework import JUDGEMENT_AREAS
from careleavers.people.tests.factories import YoungPersonFactory, YoungPersonRecordFactory
from careleavers.quality import services
from careleavers.quality.models import (
    ActionFor,
    AnonymousFeedback,
    AnswerRating,
    AuditAction,
    AuditStatus,
    AuditTarget,
    AuditTheme,
    CaseAudit,
    FeedbackAbout,
    FeedbackMethod,
    FeedbackRating,
    OversightEntry,
    WellbeingAnswer,
    WellbeingCheck,
    YoungPersonFeedback,
    YouSaidStatus,
    YouSaidWeDid,
)


class YoungPersonFeedbackFactory(YoungPersonRecordFactory):
    class Meta:
        model = YoungPersonFeedback

    given_on = factory.LazyFunction(timezone.localdate)
    method = FeedbackMethod.PORTAL
    about = FeedbackAbout.PERSONAL_ADVISER
    rating = FeedbackRating.GOOD
    what_is_good = "They listen to me."


class WellbeingCheckFactory(YoungPersonRecordFactory):
    class Meta:
        model = WellbeingCheck

    given_on = factory.LazyFunction(timezone.localdate)
    settled = WellbeingAnswer.MOSTLY
    safe = WellbeingAnswer.MOSTLY
    someone_to_turn_to = WellbeingAnswer.MOSTLY
    managing_money = WellbeingAnswer.SOMETIMES
    good_about_future = WellbeingAnswer.SOMETIMES


class AnonymousFeedbackFactory(DjangoModelFactory):
    class Meta:
        model = AnonymousFeedback

    team = factory.SubFactory(TeamFactory)
    given_on = factory.LazyFunction(timezone.localdate)
    about = FeedbackAbout.SERVICE
    rating = FeedbackRating.OK
    what_could_be_better = "Answer the phone on Fridays."


class YouSaidWeDidFactory(DjangoModelFactory):
    class Meta:
        model = YouSaidWeDid

    you_said = "The office is hard to get to."
    we_did = "We now meet you in town if you ask."
    done_on = factory.LazyFunction(timezone.localdate)
    status = YouSaidStatus.DRAFT


class AuditTargetFactory(DjangoModelFactory):
    class Meta:
        model = AuditTarget

    team = factory.SubFactory(TeamFactory)
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    target = 2


class OversightEntryFactory(YoungPersonRecordFactory):
    class Meta:
        model = OversightEntry

    manager = factory.SubFactory(UserFactory, roles=[Role.TEAM_MANAGER])
    recorded_on = factory.LazyFunction(timezone.localdate)
    direction = "Bring the pathway plan review forward."
    rationale = "Their tenancy is at risk."


def auditor(**fields: Any) -> Any:
    return UserFactory(roles=[Role.AUDITOR], **fields)


def allocated_young_person(team: Any = None, **fields: Any) -> Any:
    """A young person in a team with a manager, and a personal adviser allocated."""
    team = team or TeamFactory()
    if team.manager_id is None:
        team_manager_of(team)
    person = YoungPersonFactory(team=team, **fields)
    AllocationFactory(
        young_person=person,
        worker=UserFactory(roles=[Role.PERSONAL_ADVISER], team=team),
        role=WorkerRole.PERSONAL_ADVISER,
    )
    return person


def start_audit(young_person: Any = None, by: Any = None) -> CaseAudit:
    return services.audit_start(
        acting_user=by or auditor(), young_person=young_person or allocated_young_person()
    )


def answer_everything(audit: CaseAudit, *, grade: str = "good") -> CaseAudit:
    """Answer every question (met, with evidence) and grade every area."""
    by_area: dict[str, dict[int, tuple[str, str]]] = {}
    for answer in audit.answers.all():
        by_area.setdefault(answer.area, {})[answer.pk] = (AnswerRating.MET, "Clear in the notes.")
    for area, _ in JUDGEMENT_AREAS:
        if area in by_area:
            services.audit_area_save(
                acting_user=audit.auditor,
                audit=audit,
                area=area,
                answers=by_area[area],
                grade=grade,
            )
    return audit


def ready_to_complete(
    audit: CaseAudit, *, grade: str = "good", voice: bool = True, action: bool = True
) -> CaseAudit:
    """Everything an audit needs to be completed, except the young person's voice when
    `voice` is False."""
    answer_everything(audit, grade=grade)
    services.audit_themes_set(
        acting_user=audit.auditor,
        audit=audit,
        themes=AuditTheme.objects.filter(key__in=["voice", "contingency"]),
    )
    if action:
        services.audit_action_add(
            acting_user=audit.auditor,
            audit=audit,
            assigned_as=ActionFor.WORKER,
            description="Update the contingency plan.",
            due_on=timezone.localdate() + datetime.timedelta(days=14),
        )
    services.audit_overall_save(
        acting_user=audit.auditor, audit=audit, overall_grade=grade, summary="A good case."
    )
    if voice:
        services.audit_feedback_take(
            acting_user=audit.auditor,
            audit=audit,
            method=FeedbackMethod.PHONE,
            about=FeedbackAbout.PERSONAL_ADVISER,
            rating=FeedbackRating.GOOD,
            what_is_good="My PA is always there.",
        )
    audit.refresh_from_db()
    return audit


def completed_audit(
    young_person: Any = None,
    *,
    by: Any = None,
    grade: str = "good",
    completed_on: datetime.date | None = None,
    themes: tuple[str, ...] | None = None,
) -> CaseAudit:
    """A completed audit; `completed_on` moves its completion date afterwards (for figures over
    past months), and `themes` replaces its learning themes."""
    audit = ready_to_complete(start_audit(young_person, by), grade=grade)
    audit = services.audit_complete(acting_user=audit.auditor, audit=audit)
    if themes is not None:
        audit.themes.set(AuditTheme.objects.filter(key__in=themes))
    if completed_on is not None:
        CaseAudit.objects.filter(pk=audit.pk).update(
            completed_on=completed_on, started_on=min(completed_on, audit.started_on)
        )
        audit.refresh_from_db()
    assert audit.status == AuditStatus.COMPLETED
    return audit


class CaseAuditFactory(YoungPersonRecordFactory):
    """An audit made directly, without questions or the services: for figures and lists.
    Pass completed_on (and a grade) for a completed one."""

    class Meta:
        model = CaseAudit
        skip_postgeneration_save = True

    class Params:
        grade = "good"

    team = factory.LazyAttribute(lambda o: o.young_person.team)
    auditor = factory.SubFactory(UserFactory, roles=[Role.AUDITOR])
    started_on = factory.LazyAttribute(
        lambda o: (o.completed_on or timezone.localdate()) - datetime.timedelta(days=5)
    )
    completed_on = None
    status = factory.LazyAttribute(
        lambda o: AuditStatus.COMPLETED if o.completed_on else AuditStatus.IN_PROGRESS
    )
    overall_grade = factory.LazyAttribute(lambda o: o.grade if o.completed_on else "")
    final_grade = factory.LazyAttribute(lambda o: o.grade if o.completed_on else "")
    summary = "Summary"

    @factory.post_generation
    def themes(self, create: bool, extracted: tuple[str, ...] | None, **kwargs: Any) -> None:
        if create and extracted:
            self.themes.set(AuditTheme.objects.filter(key__in=extracted))


class AuditActionFactory(DjangoModelFactory):
    class Meta:
        model = AuditAction

    audit = factory.SubFactory(
        CaseAuditFactory, completed_on=factory.LazyFunction(timezone.localdate)
    )
    assignee = factory.SubFactory(UserFactory, roles=[Role.PERSONAL_ADVISER])
    assigned_as = ActionFor.WORKER
    description = "Update the plan."
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
