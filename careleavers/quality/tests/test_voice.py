"""The young person's voice on the staff side: feedback without a name for the team manager,
"you said, we did" for managers, wellbeing checks in case audits and on the dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of
from careleavers.casework.models import Notification
from careleavers.casework.work_tray import work_tray_for
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.insight.indicators import Scope, indicator
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.portal.tests.conftest import signed_in
from careleavers.quality import services
from careleavers.quality.models import (
    AnonymousFeedback,
    QualityPolicy,
    YouSaidStatus,
    YouSaidWeDid,
)
from careleavers.quality.tests.factories import (
    AnonymousFeedbackFactory,
    WellbeingCheckFactory,
    YouSaidWeDidFactory,
    allocated_young_person,
    ready_to_complete,
    start_audit,
)

pytestmark = pytest.mark.django_db


# Feedback without a name -------------------------------------------------------------------------


def test_the_team_manager_reads_it_marks_it_read_and_it_leaves_their_tray() -> None:
    team = TeamFactory()
    manager = team_manager_of(team)
    feedback = AnonymousFeedbackFactory(team=team, what_could_be_better="More evening visits")
    client = signed_in(manager)
    listing = client.get(reverse("quality:anonymous_feedback_list")).content.decode()
    assert "Not read yet" in listing
    url = reverse("quality:anonymous_feedback_detail", args=[feedback.pk])
    assert "More evening visits" in client.get(url).content.decode()
    response = client.post(url, {"note": "Raised at the team meeting"})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.read_on, feedback.read_by, feedback.manager_note) == (
        TODAY,
        manager,
        "Raised at the team meeting",
    )
    assert not [item for item in work_tray_for(user=manager) if item.kind == "anonymous_feedback"]
    event = AuditEvent.objects.get(subject_type="quality.AnonymousFeedback", action="change")
    assert (event.actor, event.young_person_id) == (manager, None)
    with pytest.raises(ValidationError, match="already marked as read"):
        services.anonymous_feedback_mark_read(acting_user=manager, feedback=feedback)


def test_another_teams_manager_can_neither_read_it_nor_mark_it() -> None:
    feedback = AnonymousFeedbackFactory(team=TeamFactory())
    other = team_manager_of(TeamFactory())
    url = reverse("quality:anonymous_feedback_detail", args=[feedback.pk])
    assert signed_in(other).get(url).status_code == 403
    assert signed_in(other).post(url, {"note": "x"}).status_code == 403
    with pytest.raises(ValidationError):
        services.anonymous_feedback_mark_read(acting_user=other, feedback=feedback)
    feedback.refresh_from_db()
    assert feedback.read_on is None
    assert feedback.pk not in [
        item.pk
        for item in signed_in(other)
        .get(reverse("quality:anonymous_feedback_list"))
        .context["page"]
    ]


def test_a_head_of_service_gets_what_was_sent_to_a_team_with_no_manager() -> None:
    unmanaged = TeamFactory()
    managed = TeamFactory()
    team_manager_of(managed)
    AnonymousFeedbackFactory(team=unmanaged)
    AnonymousFeedbackFactory(team=managed)
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    items = [item for item in work_tray_for(user=head) if item.kind == "anonymous_feedback"]
    assert [item.detail for item in items] == [f"Sent to {unmanaged.name}"]


def test_a_young_person_in_no_team_is_asked_to_send_it_with_their_name() -> None:
    person = YoungPersonFactory(team=None)
    with pytest.raises(ValidationError, match="send it with your name"):
        services.anonymous_feedback_give(
            acting_user=UserFactory(roles=[Role.YOUNG_PERSON]),
            young_person=person,
            about="service",
            rating="ok",
        )
    assert not AnonymousFeedback.objects.exists()


# Named feedback ----------------------------------------------------------------------------------


def test_feedback_a_worker_takes_by_phone_tells_nobody(
    django_capture_on_commit_callbacks: Any,
) -> None:
    person = allocated_young_person()
    worker = UserFactory(roles=[Role.AUDITOR])
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_record(
            acting_user=worker, young_person=person, method="phone", about="service", rating="ok"
        )
    assert not Notification.objects.exists()


# You said, we did --------------------------------------------------------------------------------


def test_a_manager_drafts_publishes_and_withdraws_and_each_step_is_logged() -> None:
    manager = team_manager_of(TeamFactory())
    client = signed_in(manager)
    response = client.post(
        reverse("quality:you_said_add"),
        {
            "you_said": "The office is hard to get to",
            "we_did": "We meet you in town",
            "done_on-day": TODAY.day,
            "done_on-month": TODAY.month,
            "done_on-year": TODAY.year,
        },
    )
    assert response.status_code == 302
    item = YouSaidWeDid.objects.get()
    assert item.status == YouSaidStatus.DRAFT
    client.post(reverse("quality:you_said_publish", args=[item.pk]))
    item.refresh_from_db()
    assert (item.status, item.published_on) == (YouSaidStatus.PUBLISHED, TODAY)
    # A published one cannot be changed until it is withdrawn.
    with pytest.raises(ValidationError, match="Withdraw it"):
        services.you_said_change(
            acting_user=manager, item=item, you_said="x", we_did="y", done_on=TODAY
        )
    client.post(reverse("quality:you_said_withdraw", args=[item.pk]))
    item.refresh_from_db()
    assert (item.status, item.withdrawn_on) == (YouSaidStatus.WITHDRAWN, TODAY)
    changes = AuditEvent.objects.filter(subject_type="quality.YouSaidWeDid").order_by("pk")
    assert [event.action for event in changes] == ["create", "change", "change"]
    assert [event.detail.get("to") for event in changes][1:] == ["published", "withdrawn"]


def test_bad_input_is_refused_with_a_message_and_nothing_kept() -> None:
    manager = team_manager_of(TeamFactory())
    response = signed_in(manager).post(
        reverse("quality:you_said_add"),
        {
            "you_said": "",
            "we_did": "We did",
            "done_on-day": "1",
            "done_on-month": "1",
            "done_on-year": str(TODAY.year + 1),
        },
    )
    page = response.content.decode()
    assert "Enter what young people said" in page
    assert "must be today or in the past" in page
    assert not YouSaidWeDid.objects.exists()


def test_only_managers_may_write_or_publish() -> None:
    adviser = UserFactory(roles=[Role.PERSONAL_ADVISER])
    with pytest.raises(ValidationError):
        services.you_said_draft(acting_user=adviser, you_said="a", we_did="b", done_on=TODAY)
    item = YouSaidWeDidFactory()
    with pytest.raises(ValidationError):
        services.you_said_publish(acting_user=adviser, item=item)
    assert (
        signed_in(adviser).post(reverse("quality:you_said_publish", args=[item.pk])).status_code
        == 403
    )
    item.refresh_from_db()
    assert item.status == YouSaidStatus.DRAFT


# Wellbeing checks in case audits -----------------------------------------------------------------


def test_an_auditor_uses_a_recent_wellbeing_check_as_the_young_persons_voice() -> None:
    audit = ready_to_complete(start_audit(), voice=False)
    check = WellbeingCheckFactory(young_person=audit.young_person, given_on=days_ago(10))
    client = signed_in(audit.auditor)
    url = reverse("quality:audit_feedback", args=[audit.pk])
    page = client.get(url).content.decode()
    assert "Use a wellbeing check they filled in recently" in page
    response = client.post(url, {"which": "wellbeing", "wellbeing_check": check.pk})
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.wellbeing_check == check
    again = client.get(url).content.decode()
    assert "Recorded for this audit" in again
    assert "Feels settled where they live" in again
    completed = services.audit_complete(acting_user=audit.auditor, audit=audit)
    assert completed.is_completed


def test_an_old_wellbeing_check_or_someone_elses_is_refused() -> None:
    audit = start_audit()
    days = QualityPolicy.current().feedback_recent_days
    old = WellbeingCheckFactory(young_person=audit.young_person, given_on=days_ago(days + 1))
    with pytest.raises(ValidationError, match="in the last"):
        services.audit_wellbeing_attach(acting_user=audit.auditor, audit=audit, check=old)
    theirs = WellbeingCheckFactory()
    with pytest.raises(ValidationError, match="from this young person"):
        services.audit_wellbeing_attach(acting_user=audit.auditor, audit=audit, check=theirs)
    audit.refresh_from_db()
    assert audit.wellbeing_check is None


def test_recording_why_their_voice_could_not_be_had_replaces_the_wellbeing_check() -> None:
    audit = start_audit()
    check = WellbeingCheckFactory(young_person=audit.young_person)
    services.audit_wellbeing_attach(acting_user=audit.auditor, audit=audit, check=check)
    services.audit_no_feedback_record(
        acting_user=audit.auditor, audit=audit, reason="declined", explanation="Said no twice"
    )
    audit.refresh_from_db()
    assert audit.wellbeing_check is None
    assert audit.has_voice


# The dashboard figure ----------------------------------------------------------------------------


def _scope() -> Scope:
    return Scope(
        on=TODAY, young_people=YoungPerson.objects.live(), staff=User.objects.all(), team_ids=None
    )


def test_the_settled_figure_counts_each_young_persons_latest_answer_in_the_last_year() -> None:
    ann, ben, cat, dan, eve = (YoungPersonFactory(first_name=name) for name in "ABCDE")
    WellbeingCheckFactory(young_person=ann, settled="mostly")
    # Ben said "mostly" last year but "hardly ever" since: his latest answer counts.
    WellbeingCheckFactory(young_person=ben, settled="mostly", given_on=days_ago(200))
    WellbeingCheckFactory(young_person=ben, settled="hardly_ever", given_on=days_ago(20))
    WellbeingCheckFactory(young_person=cat, settled="rather_not_say")  # left out
    WellbeingCheckFactory(young_person=dan, settled="mostly", given_on=days_ago(400))  # too old
    del eve  # never filled one in
    figure = indicator("wellbeing_settled").compute(_scope())
    assert (figure.numerator, figure.denominator) == (1, 2)
    members = list(indicator("wellbeing_settled").members(_scope()))
    assert members == [ann]
