"""The pages: thin views that call a service or selector, show refusals next to the fields or in
the error summary, check permission on the record and log what was seen."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.core.models import AuditEvent
from careleavers.core.tests.audit_log import view_logged
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.days import TODAY, date_fields, days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.quality.models import (
    AnswerRating,
    AuditStatus,
    AuditTarget,
    CaseAudit,
    OversightEntry,
    YoungPersonFeedback,
)
from careleavers.quality.standards import FEEDBACK_MISSING
from careleavers.quality.tests.factories import (
    AuditActionFactory,
    AuditTargetFactory,
    CaseAuditFactory,
    OversightEntryFactory,
    YoungPersonFeedbackFactory,
    allocated_young_person,
    auditor,
    completed_audit,
    ready_to_complete,
    start_audit,
)

pytestmark = pytest.mark.django_db


# Starting and answering ----------------------------------------------------------------------


def test_an_auditor_starts_an_audit_from_the_young_persons_record() -> None:
    person = allocated_young_person()
    user = auditor()
    url = reverse("quality:audit_start", kwargs={"pk": person.pk})
    page = signed_in(user).get(url)
    assert page.status_code == 200
    assert escape(person.allocations.get().worker.get_full_name()) in page.content.decode()
    assert view_logged(person, "quality.audit_start", by=user)
    response = signed_in(user).post(url)
    audit = CaseAudit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk})


def test_the_audit_page_is_a_task_list_for_its_auditor() -> None:
    audit = start_audit()
    page = signed_in(audit.auditor).get(
        reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk})
    )
    html = page.content.decode()
    assert 'class="govuk-task-list"' in html
    assert "The young person’s feedback" in html
    assert "Not yet started" in html
    assert view_logged(audit.young_person, "quality.audit_detail", by=audit.auditor)


def test_a_manager_reads_the_audit_without_the_task_list() -> None:
    audit = completed_audit()
    page = signed_in(audit.manager).get(
        reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk})
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "govuk-task-list" not in html
    assert "My PA is always there." in html


def test_a_worker_cannot_open_the_audit_and_the_refusal_is_logged() -> None:
    audit = completed_audit()
    page = signed_in(audit.worker).get(
        reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk})
    )
    assert page.status_code == 403
    assert AuditEvent.objects.filter(
        actor=audit.worker, action=AuditEvent.Action.ACCESS_REFUSED
    ).exists()


def test_answering_an_area_saves_the_answers_and_grade() -> None:
    audit = start_audit()
    answers = list(audit.answers.filter(area="health"))
    data: dict[str, str] = {"grade": "good", "comment": "Health needs are known."}
    for answer in answers:
        data[f"rating_{answer.pk}"] = AnswerRating.MET
        data[f"evidence_{answer.pk}"] = "Seen in the plan."
    url = reverse("quality:audit_area", kwargs={"audit_pk": audit.pk, "area": "health"})
    response = signed_in(audit.auditor).post(url, data)
    assert response.status_code == 302
    assert audit.answers.filter(area="health", rating=AnswerRating.MET).count() == len(answers)
    assert audit.area_grades.get(area="health").grade == "good"


def test_an_answer_without_evidence_is_shown_next_to_the_field() -> None:
    audit = start_audit()
    answer = audit.answers.filter(area="health").first()
    url = reverse("quality:audit_area", kwargs={"audit_pk": audit.pk, "area": "health"})
    page = signed_in(audit.auditor).post(url, {f"rating_{answer.pk}": AnswerRating.NOT_MET})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Give the evidence for this answer" in html
    assert f'href="#id_evidence_{answer.pk}"' in html


def test_an_unknown_area_is_not_found() -> None:
    audit = start_audit()
    url = reverse("quality:audit_area", kwargs={"audit_pk": audit.pk, "area": "nonsense"})
    assert signed_in(audit.auditor).get(url).status_code == 404


# Completing ------------------------------------------------------------------------------------


def test_completing_without_feedback_shows_why_and_changes_nothing() -> None:
    audit = ready_to_complete(start_audit(), voice=False)
    url = reverse("quality:audit_complete", kwargs={"audit_pk": audit.pk})
    page = signed_in(audit.auditor).post(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "govuk-error-summary" in html
    assert FEEDBACK_MISSING.replace("’", "&#x27;") in html or FEEDBACK_MISSING in html
    audit.refresh_from_db()
    assert audit.status == AuditStatus.IN_PROGRESS


def test_recording_feedback_for_the_audit_then_completing() -> None:
    audit = ready_to_complete(start_audit(), voice=False)
    client = signed_in(audit.auditor)
    response = client.post(
        reverse("quality:audit_feedback_take", kwargs={"audit_pk": audit.pk}),
        {
            "method": "phone",
            "about": "personal_adviser",
            "rating": "very_good",
            "what_is_good": "She helped me move.",
            **date_fields("given_on", TODAY),
        },
    )
    assert response.status_code == 302
    feedback = YoungPersonFeedback.objects.get()
    audit.refresh_from_db()
    assert audit.feedback == feedback
    response = client.post(reverse("quality:audit_complete", kwargs={"audit_pk": audit.pk}))
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.is_completed


def test_recent_portal_feedback_is_offered_and_used() -> None:
    audit = start_audit()
    feedback = YoungPersonFeedbackFactory(young_person=audit.young_person, given_on=days_ago(5))
    client = signed_in(audit.auditor)
    url = reverse("quality:audit_feedback", kwargs={"audit_pk": audit.pk})
    assert "Use this feedback" in client.get(url).content.decode()
    assert client.post(url, {"feedback": feedback.pk}).status_code == 302
    audit.refresh_from_db()
    assert audit.feedback == feedback


def test_recording_a_reason_instead_of_feedback() -> None:
    audit = start_audit()
    url = reverse("quality:audit_no_feedback", kwargs={"audit_pk": audit.pk})
    client = signed_in(audit.auditor)
    page = client.post(url, {"reason": "declined"})
    assert "Explain what was tried" in page.content.decode()
    client.post(url, {"reason": "declined", "explanation": "Said no twice."})
    audit.refresh_from_db()
    assert audit.no_feedback_reason == "declined"


def test_moderation_page_keeps_both_grades() -> None:
    audit = completed_audit(grade="good")
    moderator = auditor()
    url = reverse("quality:audit_moderate", kwargs={"audit_pk": audit.pk})
    response = signed_in(moderator).post(
        url, {"agrees": "no", "grade": "inadequate", "reason": "Risks missed."}
    )
    assert response.status_code == 302
    page = signed_in(moderator).get(reverse("quality:audit_detail", kwargs={"audit_pk": audit.pk}))
    html = page.content.decode()
    assert "Auditor’s grade" in html
    assert "Inadequate" in html
    assert "Good" in html


def test_the_auditor_cannot_open_moderation_of_their_own_audit() -> None:
    audit = completed_audit()
    url = reverse("quality:audit_moderate", kwargs={"audit_pk": audit.pk})
    assert signed_in(audit.auditor).get(url).status_code == 403


# Actions ------------------------------------------------------------------------------------


def test_the_assignee_marks_their_action_done() -> None:
    audit = completed_audit()
    action = audit.actions.get()
    client = signed_in(action.assignee)
    url = reverse("quality:action_detail", kwargs={"action_pk": action.pk})
    page = client.get(url)
    assert "Mark as done" in page.content.decode()
    assert "A good case." not in page.content.decode()  # the audit's evaluation stays hidden
    assert view_logged(audit.young_person, "quality.action_detail", by=action.assignee)
    response = client.post(url, {"note": "Plan updated", **date_fields("done_on", TODAY)})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_note == "Plan updated"


def test_a_reader_cannot_mark_someone_elses_action_done() -> None:
    audit = completed_audit()
    action = audit.actions.get()
    url = reverse("quality:action_detail", kwargs={"action_pk": action.pk})
    response = signed_in(audit.manager).post(
        url, {"note": "Done", **date_fields("done_on", TODAY)}
    )
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.done_on is None


def test_overdue_actions_stand_out_in_the_list() -> None:
    team = TeamFactory()
    worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=team)
    audit = CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    AuditActionFactory(audit=audit, assignee=worker, due_on=days_ago(3))
    page = signed_in(worker).get(reverse("quality:action_list"))
    html = page.content.decode()
    assert "Overdue" in html
    assert "govuk-tag--red" in html


def _costs_no_more_with_more(
    url: str, at_most: int, add_more: Callable[[], None], django_assert_max_num_queries: Any
) -> None:
    """The head of service's second get of `url` (the first settles the session) makes at most
    `at_most` queries, and after `add_more` a third get makes no more than the second."""
    client = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE]))
    client.get(url)
    with django_assert_max_num_queries(at_most) as few:
        client.get(url)
    add_more()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_action_list_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    for _ in range(3):
        AuditActionFactory()

    def six_more() -> None:
        for _ in range(6):
            AuditActionFactory()

    _costs_no_more_with_more(
        reverse("quality:action_list"), 12, six_more, django_assert_max_num_queries
    )


# The programme and targets ------------------------------------------------------------------


def test_the_programme_shows_completion_against_target() -> None:
    team = TeamFactory(name="North team")
    AuditTargetFactory(team=team, target=2)
    CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)
    page = signed_in(auditor()).get(reverse("quality:programme"))
    html = page.content.decode()
    assert "1 of 2 audits completed against target (50%)" in html
    assert "North team" in html


def test_the_programme_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    team = TeamFactory()
    AuditTargetFactory(team=team)
    CaseAuditFactory(young_person=YoungPersonFactory(team=team), completed_on=TODAY)

    def four_more_teams() -> None:
        for _ in range(4):
            other = TeamFactory()
            AuditTargetFactory(team=other)
            CaseAuditFactory(
                young_person=YoungPersonFactory(team=other),
                completed_on=TODAY,
                themes=("voice", "visits"),
            )

    _costs_no_more_with_more(
        reverse("quality:programme"), 20, four_more_teams, django_assert_max_num_queries
    )


def test_the_completion_chart_is_svg() -> None:
    response = signed_in(auditor()).get(reverse("quality:completion_chart"))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml")


def test_a_team_manager_sets_their_teams_targets() -> None:
    team = TeamFactory()
    manager = UserFactory(roles=[Role.TEAM_MANAGER], team=TeamFactory())
    team.manager = manager
    team.save()
    TeamFactory()  # not theirs: no box for it
    client = signed_in(manager)
    page = client.get(reverse("quality:targets"))
    assert f'name="team_{team.pk}"' in page.content.decode()
    month = TODAY.replace(day=1)
    response = client.post(
        reverse("quality:targets") + f"?month={month:%Y-%m}", {f"team_{team.pk}": "4"}
    )
    assert response.status_code == 302
    assert AuditTarget.objects.get(team=team).target == 4


# The audit list ------------------------------------------------------------------------------


def test_the_audit_list_filters_by_theme() -> None:
    head = UserFactory(roles=[Role.HEAD_OF_SERVICE])
    with_theme = CaseAuditFactory(completed_on=TODAY, themes=("contingency",))
    without = CaseAuditFactory(completed_on=TODAY, themes=("voice",))
    page = signed_in(head).get(reverse("quality:audit_list"), {"theme": "contingency"})
    html = page.content.decode()
    assert escape(with_theme.young_person.display_name) in html
    assert escape(without.young_person.display_name) not in html


# Feedback and oversight on the record ---------------------------------------------------------


def test_a_worker_records_feedback_taken_by_phone() -> None:
    person = allocated_young_person()
    worker = person.allocations.get().worker
    client = signed_in(worker)
    url = reverse("quality:feedback_add", kwargs={"pk": person.pk})
    response = client.post(
        url,
        {
            "method": "phone",
            "about": "service",
            "what_could_be_better": "Answer the phone",
            **date_fields("given_on", TODAY),
        },
    )
    assert response.status_code == 302
    feedback = YoungPersonFeedback.objects.get()
    assert feedback.method == "phone"
    page = client.get(reverse("quality:feedback_list", kwargs={"pk": person.pk}))
    assert "Answer the phone" in page.content.decode()
    assert view_logged(person, "quality.feedback_list", by=worker)


def test_a_team_manager_records_and_reviews_oversight() -> None:
    person = allocated_young_person()
    manager = person.team.manager
    client = signed_in(manager)
    response = client.post(
        reverse("quality:oversight_add", kwargs={"pk": person.pk}),
        {
            "direction": "Review the plan this month.",
            "rationale": "Tenancy at risk.",
            **date_fields("recorded_on", TODAY),
            **date_fields("review_by", TODAY + datetime.timedelta(days=28)),
        },
    )
    assert response.status_code == 302
    entry = OversightEntry.objects.get()
    response = client.post(
        reverse("quality:oversight_review", kwargs={"pk": person.pk, "entry_pk": entry.pk}),
        {"note": "Plan reviewed."},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.reviewed_by == manager
    page = client.get(reverse("quality:oversight_list", kwargs={"pk": person.pk}))
    assert "Plan reviewed." in page.content.decode()


def test_oversight_shows_in_the_chronology_and_on_the_overview() -> None:
    person = allocated_young_person()
    OversightEntryFactory(
        young_person=person, manager=person.team.manager, direction="Refer to the EET panel."
    )
    client = signed_in(person.team.manager)
    chronology = client.get(reverse("people:chronology", kwargs={"pk": person.pk}))
    assert "Refer to the EET panel." in chronology.content.decode()
    overview = client.get(reverse("people:overview", kwargs={"pk": person.pk}))
    assert "Quality assurance" in overview.content.decode()
    assert reverse("quality:oversight_list", kwargs={"pk": person.pk}) in overview.content.decode()


def test_the_oversight_report_lists_who_has_had_none() -> None:
    team = TeamFactory(name="East team")
    seen = YoungPersonFactory(team=team, last_name="Seen")
    unseen = YoungPersonFactory(team=team, last_name="Unseen")
    OversightEntryFactory(young_person=seen, recorded_on=days_ago(5))
    page = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE])).get(
        reverse("quality:oversight_report")
    )
    html = page.content.decode()
    assert escape(unseen.display_name) in html
    assert "own setting, not a national rule" in html
    assert "Never" in html


def test_the_oversight_report_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    client = signed_in(UserFactory(roles=[Role.HEAD_OF_SERVICE]))
    YoungPersonFactory()
    client.get(reverse("quality:oversight_report"))
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("quality:oversight_report"))
    for _ in range(5):
        OversightEntryFactory(young_person=YoungPersonFactory(team=TeamFactory()))
        YoungPersonFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("quality:oversight_report"))


def test_removing_an_action_asks_first_and_only_yes_removes_it() -> None:
    audit = start_audit()
    action = AuditActionFactory(
        audit=audit, assignee=audit.worker, description="Book a health check by March."
    )
    url = reverse(
        "quality:audit_action_remove", kwargs={"audit_pk": audit.pk, "action_pk": action.pk}
    )
    client = signed_in(audit.auditor)

    # The list links to the question; opening it removes nothing.
    actions_page = client.get(
        reverse("quality:audit_actions", kwargs={"audit_pk": audit.pk})
    ).content.decode()
    assert f'href="{url}"' in actions_page
    page = client.get(url).content.decode()
    assert "Remove this action?" in page
    assert "Book a health check by March." in page
    assert "Yes, remove this action" in page
    assert audit.actions.live().filter(pk=action.pk).exists()

    response = client.post(url)
    assert response.status_code == 302
    # Archived, not deleted: the audit's history keeps it.
    assert not audit.actions.live().filter(pk=action.pk).exists()
    assert audit.actions.filter(pk=action.pk).exists()
