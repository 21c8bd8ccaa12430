"""The retention review list and the subject access request lists."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import ContactFactory
from careleavers.dataprotection import selectors
from careleavers.dataprotection.models import RetentionDecision, SubjectAccessRequest
from careleavers.dataprotection.retention import anniversary
from careleavers.dataprotection.tests.factories import (
    RetentionDecisionFactory,
    SubjectAccessRequestFactory,
)
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 11, 24)


@pytest.fixture
def council() -> dict[str, Any]:
    return {
        "passed": YoungPersonFactory(date_of_birth=D(1950, 5, 1), last_name="Passed"),
        "soon": YoungPersonFactory(date_of_birth=D(1952, 3, 1), last_name="Soon"),
        "later": YoungPersonFactory(date_of_birth=D(1952, 12, 1), last_name="Later"),
        "young": YoungPersonFactory(date_of_birth=D(2007, 1, 1), last_name="Young"),
        "restricted": YoungPersonFactory(date_of_birth=D(1949, 1, 1), is_restricted=True),
        "archived": YoungPersonFactory(
            date_of_birth=D(1949, 1, 1), archived_at=timezone.now(), archive_reason="Merged"
        ),
    }


def test_the_review_lists_records_whose_retention_date_has_passed_or_is_near(
    head: Any, council: dict[str, Any]
) -> None:
    report = selectors.retention_review(user=head, today=TODAY, window_months=12)
    listed = [person.last_name for person in report.young_people]
    assert listed == ["Passed", "Soon"]  # oldest first
    assert (report.due, report.passed, report.upcoming) == (2, 1, 1)
    assert report.restricted_not_shown == 1
    assert report.archived == 1
    assert report.horizon == D(2027, 11, 24)


def test_a_longer_window_lists_more(head: Any, council: dict[str, Any]) -> None:
    report = selectors.retention_review(user=head, today=TODAY, window_months=24)
    assert [p.last_name for p in report.young_people] == ["Passed", "Soon", "Later"]


def test_the_window_defaults_to_the_policy(head: Any, council: dict[str, Any]) -> None:
    report = selectors.retention_review(user=head, today=TODAY)
    assert report.window_months == 12


def test_a_keep_decision_counts_until_its_review_date(head: Any, council: dict[str, Any]) -> None:
    RetentionDecisionFactory(young_person=council["passed"], review_again_on=D(2027, 6, 1))
    RetentionDecisionFactory(young_person=council["soon"], review_again_on=D(2026, 1, 1))
    report = selectors.retention_review(user=head, today=TODAY, window_months=12)
    assert report.kept == 1
    assert report.needing_decision == 1
    rows = {row.young_person.last_name: row for row in report.rows(report.young_people)}
    assert rows["Passed"].decision == RetentionDecision.Decision.KEEP
    assert not rows["Passed"].needs_decision
    assert rows["Soon"].needs_decision  # its review date has passed
    assert rows["Passed"].retention_ends_on == anniversary(D(1950, 5, 1), 75)
    assert rows["Passed"].passed
    assert not rows["Soon"].passed


def test_the_command_line_review_includes_restricted_records(council: dict[str, Any]) -> None:
    report = selectors.retention_review(user=None, today=TODAY, window_months=12)
    assert report.due == 3
    assert report.restricted_not_shown == 0


def test_workers_see_only_their_teams_records(make_user: Any, council: dict[str, Any]) -> None:
    adviser = make_user(Role.PERSONAL_ADVISER, team=council["passed"].team)
    report = selectors.retention_review(user=adviser, today=TODAY, window_months=12)
    assert [p.last_name for p in report.young_people] == ["Passed"]


def test_the_review_costs_a_fixed_number_of_queries(
    head: Any, council: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    for _ in range(10):
        RetentionDecisionFactory(young_person=YoungPersonFactory(date_of_birth=D(1940, 1, 1)))
    # One more than the others for deaths before 18, whose retention date is worked out
    # in Python.
    with django_assert_max_num_queries(9):
        report = selectors.retention_review(user=head, today=TODAY, window_months=12)
        rows = report.rows(report.young_people)
        assert len(rows) == 12
        assert all(row.young_person.team.name for row in rows)


def test_open_requests_come_by_due_date_and_closed_ones_separately(head: Any) -> None:
    later = SubjectAccessRequestFactory(due_on=D(2026, 12, 20))
    sooner = SubjectAccessRequestFactory(due_on=D(2026, 12, 1))
    closed = SubjectAccessRequestFactory(status=SubjectAccessRequest.Status.SENT)
    assert list(selectors.subject_access_requests_for(user=head)) == [sooner, later]
    assert list(selectors.subject_access_requests_for(user=head, state=selectors.CLOSED)) == [
        closed
    ]


def test_requests_about_records_the_user_cannot_open_are_not_listed(head: Any) -> None:
    SubjectAccessRequestFactory(young_person=YoungPersonFactory(is_restricted=True))
    assert not selectors.subject_access_requests_for(user=head).exists()


def test_a_young_person_is_found_by_child_id_only_when_visible(head: Any) -> None:
    visible = YoungPersonFactory(child_id="C900001")
    YoungPersonFactory(child_id="C900002", is_restricted=True)
    assert selectors.young_person_by_child_id(user=head, child_id=" c900001 ") == visible
    assert selectors.young_person_by_child_id(user=head, child_id="C900002") is None


def test_record_counts_name_each_kind_held(head: Any) -> None:
    young_person = YoungPersonFactory()
    ContactFactory(young_person=young_person)
    ContactFactory(young_person=young_person)
    counts = dict(selectors.record_counts_for(young_person=young_person))
    assert counts["Casework: Contacts"] == 2
    assert all(count > 0 for count in counts.values())


def test_a_child_who_died_before_18_is_due_15_years_after_the_death(
    head: Any, council: dict[str, Any]
) -> None:
    # CPPCR 2010 reg 50 (reference notes 1.2): 15 years after a death before 18.
    died_young = YoungPersonFactory(
        date_of_birth=D(1995, 6, 1), died_on=D(2012, 3, 1), last_name="Died at 16"
    )
    YoungPersonFactory(date_of_birth=D(1995, 6, 1), died_on=D(2014, 3, 1), last_name="At 18")

    report = selectors.retention_review(user=head, today=TODAY, window_months=12)

    listed = [person.last_name for person in report.young_people]
    assert "Died at 16" in listed
    assert "At 18" not in listed  # died an adult: the 75th birthday applies
    (row,) = [row for row in report.rows(report.young_people) if row.young_person == died_young]
    assert row.retention_ends_on == D(2027, 3, 1)
    assert not row.passed
    assert report.due == 3
