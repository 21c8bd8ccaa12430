"""Pages: recording, reading, commenting on and grading supervision; the reports; the chronology
entry; and that pages naming young people log the view."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory
from careleavers.casework import services as casework_services
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.core.tests.clients import signed_in
from careleavers.core.tests.days import date_fields, days_ago
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.workforce.models import Course, SupervisionRecord, SupervisionReview
from careleavers.workforce.registrations import supervision_entries
from careleavers.workforce.tests.factories import (
    CourseFactory,
    EmploymentFactory,
    PostFactory,
    SupervisionRecordFactory,
    SupervisionReviewFactory,
    TrainingRecordFactory,
)

pytestmark = pytest.mark.django_db


def test_a_team_manager_records_a_supervision_through_the_form(service: SimpleNamespace) -> None:
    today = timezone.localdate()
    response = signed_in(service.a.manager).post(
        reverse("workforce:supervision_add", kwargs={"worker_pk": service.w1.pk}),
        {
            **date_fields("held_on", today),
            "young_people": [service.w1_people[0].pk],
            "what_is_working": "Weekly visits.",
            "workers_wellbeing": "Tired; caseload is high.",
        },
    )
    record = SupervisionRecord.objects.get(held_on=today, worker=service.w1)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "workforce:supervision_detail", kwargs={"pk": record.pk}
    )
    assert list(record.young_people.all()) == [service.w1_people[0]]


def test_the_supervision_form_shows_reflective_hints_and_the_workers_caseload(
    service: SimpleNamespace,
) -> None:
    response = signed_in(service.a.manager).get(
        reverse("workforce:supervision_add", kwargs={"worker_pk": service.w1.pk})
    )
    page = response.content.decode()
    assert "Reflect on practice rather than tasks" in page
    assert escape(service.w1_people[0].display_name) in page


def test_a_young_person_reallocated_away_today_is_not_in_the_workers_caseload(
    service: SimpleNamespace,
) -> None:
    # The old allocation ends on the day the new one starts, and `end` is the first day it no
    # longer covers: from today the young person is the new worker's only.
    moved, staying = service.w1_people[0], service.w1_people[1]
    casework_services.allocation_change(
        acting_user=service.a.manager,
        young_person=moved,
        role="pa",
        worker=service.w2,
        reason="MANAGE",
    )
    page = (
        signed_in(service.a.manager)
        .get(reverse("workforce:supervision_add", kwargs={"worker_pk": service.w1.pk}))
        .content.decode()
    )
    assert escape(moved.display_name) not in page
    assert escape(staying.display_name) in page


def test_a_supervision_without_reflection_is_refused_with_a_message(
    service: SimpleNamespace,
) -> None:
    response = signed_in(service.a.manager).post(
        reverse("workforce:supervision_add", kwargs={"worker_pk": service.w1.pk}),
        date_fields("held_on", timezone.localdate()),
    )
    assert response.status_code == 200
    assert "Write about at least one of the reflective questions" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_reading_a_record_logs_a_view_of_each_young_person_discussed(
    service: SimpleNamespace,
) -> None:
    record = SupervisionRecordFactory(
        worker=service.w1, supervisor=service.a.manager, young_people=service.w1_people[:2]
    )
    response = signed_in(service.w1).get(
        reverse("workforce:supervision_detail", kwargs={"pk": record.pk})
    )
    assert response.status_code == 200
    viewed = set(
        AuditEvent.objects.filter(action="view", actor=service.w1).values_list(
            "young_person_id", flat=True
        )
    )
    assert viewed == {person.pk for person in service.w1_people[:2]}


def test_a_restricted_young_person_is_not_named_to_someone_not_named_on_their_record(
    service: SimpleNamespace,
) -> None:
    hidden = YoungPersonFactory(
        team=service.a, first_name="Secret", is_restricted=True, restricted_to=[service.w1]
    )
    AllocationFactory(young_person=hidden, worker=service.w1)
    record = SupervisionRecordFactory(
        worker=service.w1, supervisor=service.a.manager, young_people=[hidden]
    )
    page = (
        signed_in(service.head)
        .get(reverse("workforce:supervision_detail", kwargs={"pk": record.pk}))
        .content.decode()
    )
    assert "Secret" not in page
    assert "1 young person whose record you cannot open" in page
    assert not AuditEvent.objects.filter(young_person_id=hidden.pk, action="view").exists()


def test_the_worker_adds_their_comment(service: SimpleNamespace) -> None:
    record = service.records.w1_recent
    response = signed_in(service.w1).post(
        reverse("workforce:supervision_respond", kwargs={"pk": record.pk}),
        {"agrees": "no", "comment": "We also talked about my training."},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.worker_agrees is False


def test_the_head_of_service_grades_and_the_quality_report_shows_it(
    service: SimpleNamespace,
) -> None:
    record = service.records.w4_recent
    client = signed_in(service.head)
    response = client.post(
        reverse("workforce:supervision_grade", kwargs={"pk": record.pk}),
        {"grade": "reflective", "comment": "Explores the young person's view."},
    )
    assert response.status_code == 302
    assert SupervisionReview.objects.get(record=record).grade == "reflective"
    page = client.get(reverse("workforce:supervision_quality")).content.decode()
    assert "5 of 6 graded records reflective (83%)" in page
    assert "B team" in page


def test_drawing_a_sample_from_the_sampling_page(service: SimpleNamespace) -> None:
    SupervisionRecordFactory(worker=service.w1, supervisor=service.a.manager)
    client = signed_in(service.head)
    response = client.post(reverse("workforce:supervision_sample"))
    assert response.status_code == 302
    assert SupervisionReview.objects.filter(grade="", randomly_sampled=True).count() == 1


def test_analysts_see_supervision_figures_by_team_but_no_names(service: SimpleNamespace) -> None:
    client = signed_in(UserFactory(roles=[Role.PERFORMANCE_ANALYST]))
    frequency = client.get(reverse("workforce:supervision_frequency")).content.decode()
    caseloads = client.get(reverse("workforce:caseloads")).content.decode()
    for page in (frequency, caseloads):
        assert "A team" in page
        assert escape(service.w1.get_full_name()) not in page
    assert "40%" in frequency


def test_a_team_manager_sees_their_overdue_workers(service: SimpleNamespace) -> None:
    page = (
        signed_in(service.a.manager)
        .get(reverse("workforce:supervision_frequency"))
        .content.decode()
    )
    assert escape(service.w2.get_full_name()) in page  # overdue
    assert escape(service.w5.get_full_name()) not in page  # another team
    assert "67%" in page


def test_charts_are_svg_images(service: SimpleNamespace) -> None:
    client = signed_in(service.head)
    for url in (
        reverse("workforce:quality_chart"),
        reverse("workforce:caseload_chart"),
        *(
            reverse("workforce:trends_chart", kwargs={"chart": name})
            for name in ("rates", "posts", "turnover", "sickness")
        ),
    ):
        response = client.get(url)
        assert response["Content-Type"] == "image/svg+xml", url
        assert response.content.lstrip().startswith(b"<?xml"), url
    assert (
        client.get(reverse("workforce:trends_chart", kwargs={"chart": "nope"})).status_code == 404
    )


def test_trends_page_shows_24_months_beside_charts(service: SimpleNamespace) -> None:
    page = signed_in(service.head).get(reverse("workforce:trends")).content.decode()
    assert page.count('<img class="govuk-!-width-full"') == 4
    assert page.count('<th scope="row"') == 24


def test_a_worker_sees_their_own_records_and_training_only(service: SimpleNamespace) -> None:
    course = CourseFactory(name="Safeguarding refresher course")
    TrainingRecordFactory(staff=service.w2, course=course, completed_on=days_ago(3))
    TrainingRecordFactory(staff=service.w1, course=CourseFactory(name="Only for w1"))
    page = signed_in(service.w2).get(reverse("workforce:my_supervision")).content.decode()
    assert page.count("workforce/supervision/") == 1  # w2 has one record
    assert "Safeguarding refresher course" in page
    # Every course of the programme is listed, with w2's own status: w1's completion is not.
    assert "Only for w1" in page
    assert format_date(days_ago(10)) not in page  # when w1 did it


def test_the_chronology_entry_says_when_but_not_what(service: SimpleNamespace) -> None:
    person = service.w1_people[0]
    record = SupervisionRecordFactory(
        worker=service.w1, supervisor=service.a.manager, young_people=[person]
    )
    manager_entries = supervision_entries(young_person=person, user=service.a.manager)
    auditor_entries = supervision_entries(
        young_person=person, user=UserFactory(roles=[Role.AUDITOR])
    )
    assert [entry.title for entry in manager_entries] == ["Discussed in supervision"]
    assert manager_entries[0].when == record.held_on
    assert manager_entries[0].summary == ""
    assert manager_entries[0].url == reverse(
        "workforce:supervision_detail", kwargs={"pk": record.pk}
    )
    assert auditor_entries[0].url == ""
    page = (
        signed_in(service.head)
        .get(reverse("people:chronology", kwargs={"pk": person.pk}))
        .content.decode()
    )
    assert "Discussed in supervision" in page
    assert record.what_worries_us not in page


def test_a_team_manager_records_absence_through_the_form(service: SimpleNamespace) -> None:
    response = signed_in(service.a.manager).post(
        reverse("workforce:absence_add", kwargs={"pk": service.w1.pk}),
        {
            "first_day-day": "2",
            "first_day-month": "11",
            "first_day-year": "2026",
            "last_day-day": "4",
            "last_day-month": "11",
            "last_day-year": "2026",
            "reason": "musculoskeletal",
        },
    )
    assert response.status_code == 302
    page = (
        signed_in(service.a.manager)
        .get(reverse("workforce:staff_detail", kwargs={"pk": service.w1.pk}))
        .content.decode()
    )
    assert "Back, neck or other musculoskeletal" in page


def test_the_posts_page_counts_vacancies(service: SimpleNamespace) -> None:
    page = signed_in(service.head).get(reverse("workforce:posts")).content.decode()
    assert "2 of 6 funded posts are vacant (33%)" in page
    assert "2 of 4 holders are agency workers (50%)" in page


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_supervision_list_costs_the_same_queries_for_more_records(
    service: SimpleNamespace,
) -> None:
    client = signed_in(service.head)
    url = reverse("workforce:supervision_list")
    client.get(url)
    before = _queries(client, url)
    for _ in range(10):
        SupervisionRecordFactory(worker=service.w1, supervisor=service.a.manager)
    assert _queries(client, url) == before


@pytest.mark.parametrize(
    "url_name",
    [
        "workforce:index",
        "workforce:staff",
        "workforce:posts",
        "workforce:caseloads",
        "workforce:caseload_chart",
        "workforce:supervision_choose",
        "workforce:supervision_frequency",
        "workforce:training",
        "workforce:trends",
        "workforce:supervision_quality",
    ],
)
def test_lists_cost_the_same_queries_for_more_staff_and_young_people(
    service: SimpleNamespace, url_name: str
) -> None:
    client = signed_in(service.head)
    url = reverse(url_name)
    client.get(url)
    before = _queries(client, url)
    for _ in range(5):
        worker = UserFactory(roles=[Role.PERSONAL_ADVISER], team=TeamFactory())
        EmploymentFactory(post=PostFactory(team=worker.team), staff=worker)
        SupervisionRecordFactory(worker=worker, supervisor=service.a.manager)
        for _ in range(3):
            AllocationFactory(worker=worker, young_person=YoungPersonFactory(team=worker.team))
    # Once first: a chart drawn from new numbers is stored in the cache, which costs queries
    # of its own in tests.
    client.get(url)
    assert _queries(client, url) == before


@pytest.fixture
def pages_of_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists of 2 a page and team tables of 1, so the 5 workers of the service fill pages."""
    from careleavers.workforce import views

    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 2)
    monkeypatch.setattr(views, "TEAMS_PAGE_SIZE", 1)


def _team_row(team: str) -> str:
    return f'<th scope="row" class="govuk-table__header">{team}</th>'


def _get(client: Client, url_name: str, **query: Any) -> str:
    response = client.get(reverse(url_name), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_posts_page_lists_posts_a_page_at_a_time_and_counts_them_all(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    client = signed_in(service.head)
    pages = [_get(client, "workforce:posts", page=number) for number in (1, 2, 3, 4)]
    for page in pages:
        assert "2 of 6 funded posts are vacant (33%)" in page
        assert "Posts (7)" in page
    assert escape(service.w1.get_full_name()) in pages[0]
    assert 'aria-label="Posts: pages"' in pages[0]
    for post in vars(service.posts).values():
        link = f'href="{reverse("workforce:post_detail", kwargs={"pk": post.pk})}"'
        assert sum(link in page for page in pages) == 1


def test_supervision_frequency_pages_its_lists_and_counts_everyone(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    client = signed_in(service.head)
    first = _get(client, "workforce:supervision_frequency")
    second = _get(client, "workforce:supervision_frequency", overdue_page=2, teams_page=2)
    # The team table shows one team a page, and the total of both on each.
    assert _team_row("A team") in first
    assert _team_row("B team") not in first
    assert _team_row("B team") in second
    for page in (first, second):
        assert "Overdue or never supervised (3)" in page
        assert "Every worker (5)" in page
        assert "40%" in page  # all teams: 2 of 5 in time
    # Overdue, by team and name: Two (A), then Five and Four (B); the second page has Four.
    overdue_second = second[second.index("Overdue or never supervised (3)") :]
    overdue_second = overdue_second[: overdue_second.index("Every worker (5)")]
    assert escape(service.w4.get_full_name()) in overdue_second
    assert escape(service.w5.get_full_name()) not in overdue_second
    assert 'aria-label="Overdue or never supervised: pages"' in first


def test_caseloads_page_its_lists_and_keep_every_team(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    client = signed_in(service.head)
    first = _get(client, "workforce:caseloads")
    second = _get(client, "workforce:caseloads", teams_page=2)
    third = _get(client, "workforce:caseloads", page=3, teams_page=3)
    assert "Each worker's caseload (5)" in first
    # By role and team: A advisers, B advisers, A social workers, B social workers.
    assert _team_row("A team") in first
    assert _team_row("B team") in second
    assert _team_row("A team") in third
    assert escape(service.w1.get_full_name()) not in third
    assert escape(service.w5.get_full_name()) not in first


def test_the_head_of_service_finds_a_worker_to_supervise_by_name(
    service: SimpleNamespace,
) -> None:
    client = signed_in(service.head)
    page = _get(client, "workforce:supervision_choose", name="wyn tw")
    assert "1 worker named ‘wyn tw’" in page
    assert escape(service.w2.get_full_name()) in page
    assert escape(service.w1.get_full_name()) not in page
    assert reverse("workforce:supervision_add", kwargs={"worker_pk": service.w2.pk}) in page
    nobody = _get(client, "workforce:supervision_choose", name="nobody")
    assert "No worker you supervise has that name." in nobody


def test_the_choice_of_worker_to_supervise_comes_a_page_at_a_time(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    client = signed_in(service.head)
    pages = [_get(client, "workforce:supervision_choose", page=n) for n in (1, 2, 3)]
    workers = (service.w1, service.w2, service.w3, service.w4, service.w5)
    for worker in workers:
        link = reverse("workforce:supervision_add", kwargs={"worker_pk": worker.pk})
        assert sum(link in page for page in pages) == 1
    assert "5 workers" in pages[0]


def test_the_staff_list_comes_a_page_at_a_time_and_counts_everyone(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    client = signed_in(service.head)
    # Workers and both team managers: 7, on 4 pages.
    pages = [_get(client, "workforce:staff", page=number) for number in (1, 2, 3, 4)]
    people = (service.w1, service.w2, service.w3, service.w4, service.w5)
    for person in (*people, service.a.manager, service.b.manager):
        link = f'href="{reverse("workforce:staff_detail", kwargs={"pk": person.pk})}"'
        assert sum(link in page for page in pages) == 1
    assert all("Staff (7)" in page for page in pages)


def test_training_lists_those_overdue_a_page_at_a_time_and_counts_everyone(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    Course.objects.all().delete()
    CourseFactory(name="Safeguarding", mandatory=True, renewal_months=12, complete_within_days=30)
    client = signed_in(service.head)
    # Nobody has done it: whoever started more than 30 days ago (the earliest start is 60 days
    # ago) or has no start recorded is overdue, so all 7 staff.
    pages = [_get(client, "workforce:training", page=number) for number in (1, 2, 3, 4)]
    for page in pages:
        assert "Overdue (7)" in page
    people = (service.w1, service.w2, service.w3, service.w4, service.w5)
    for person in (*people, service.a.manager, service.b.manager):
        link = f'href="{reverse("workforce:staff_detail", kwargs={"pk": person.pk})}"'
        assert sum(link in page for page in pages) == 1


def test_the_sampling_page_lists_records_a_page_at_a_time_and_counts_them_all(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    # 5 recent records not sampled (3 pages); 3 sampled and waiting for a grade (2 pages), the
    # one of the service's with 2 more.
    recent = [
        SupervisionRecordFactory(worker=service.w1, supervisor=service.a.manager, held_on=ago)
        for ago in (days_ago(days) for days in (1, 2, 3, 4, 5))
    ]
    for days in (6, 7):
        SupervisionReviewFactory(
            record=SupervisionRecordFactory(
                worker=service.w2, supervisor=service.a.manager, held_on=days_ago(days)
            ),
            sampled_by=service.head,
        )
    client = signed_in(service.head)
    pages = [
        _get(client, "workforce:supervision_sample", page=number, awaiting_page=number)
        for number in (1, 2, 3)
    ]
    for page in pages:
        assert "5 records held in the last 90 days have not been sampled" in page
        assert "Recent records not yet sampled (5)" in page
        assert "Sampled, waiting for your grade (3)" in page
    for record in recent:
        link = reverse("workforce:supervision_grade", kwargs={"pk": record.pk})
        assert sum(link in page for page in pages) == 1
    # The latest first: the first page has the records of 1 and 2 days ago.
    first = reverse("workforce:supervision_grade", kwargs={"pk": recent[0].pk})
    assert first in pages[0]
    assert 'aria-label="Recent records not yet sampled: pages"' in pages[0]
    assert 'aria-label="Sampled, waiting for your grade: pages"' in pages[0]
    url = reverse("workforce:supervision_sample")
    before = _queries(client, url)
    for days in (8, 9, 10):
        SupervisionRecordFactory(worker=service.w3, held_on=days_ago(days))
        SupervisionReviewFactory(sampled_by=service.head)
    assert _queries(client, url) == before


def test_supervision_quality_pages_its_team_and_supervisor_tables(
    service: SimpleNamespace, pages_of_two: None
) -> None:
    SupervisionReviewFactory(
        record=SupervisionRecordFactory(worker=service.w4, held_on=days_ago(3)),
        sampled_by=service.head,
        grade="compliance_led",
        graded_by=service.head,
    )
    client = signed_in(service.head)
    first = _get(client, "workforce:supervision_quality")
    second = _get(client, "workforce:supervision_quality", teams_page=2, supervisors_page=2)
    for page in (first, second):
        assert "4 of 6 graded records reflective (67%)" in page
    assert _team_row("A team") in first
    assert _team_row("B team") not in first
    assert _team_row("B team") in second
    managers = sorted((service.a.manager.get_full_name(), service.b.manager.get_full_name()))
    assert _team_row(escape(managers[0])) in first
    assert _team_row(escape(managers[1])) in second
    assert 'aria-label="Grades by team: pages"' in first
    assert 'aria-label="Grades by supervisor: pages"' in first
