from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.casework import presenters, selectors
from careleavers.casework.models import Allocation, WorkerRole
from careleavers.casework.tests.factories import (
    AllocationFactory,
    DutyLogEntryFactory,
    allocated_to,
)
from careleavers.core.tests.days import TODAY
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def allocated(adviser: Any, team: Any, count: int, **fields: Any) -> list[Any]:
    people = []
    for _ in range(count):
        young_person = allocated_to(adviser, team, **fields)
        AllocationFactory(young_person=young_person, role="sw")
        people.append(young_person)
    return people


def queries_for(evaluate: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        evaluate()
    return len(captured.captured_queries)


@pytest.fixture
def read_15_in_the_queries_of_1(adviser, team, django_assert_num_queries) -> Any:
    """Reads a caseload (a function of who views it) with 15 young people allocated to the
    adviser, in no more queries than it took with one. The viewer is read afresh each time, with
    no roles cached."""

    def read(viewer: Any, caseload: Any) -> list[Any]:
        allocated(adviser, team, 1)
        fresh = type(viewer).objects.get(pk=viewer.pk)
        one = queries_for(lambda: list(caseload(fresh)))

        allocated(adviser, team, 14)
        fresh = type(viewer).objects.get(pk=viewer.pk)
        with django_assert_num_queries(one):
            return list(caseload(fresh))

    return read


def test_a_worker_caseload_costs_the_same_for_1_or_15_young_people(
    adviser, read_15_in_the_queries_of_1
):
    rows = read_15_in_the_queries_of_1(
        adviser,
        lambda worker: selectors.caseload_for_worker(user=worker, worker=worker, today=TODAY),
    )

    assert len(rows) == 15
    assert {row.pa_name for row in rows} == {adviser.get_full_name()}
    assert all(row.sw_name for row in rows)


def test_a_team_caseload_costs_the_same_for_1_or_15_young_people(
    manager, team, read_15_in_the_queries_of_1
):
    rows = read_15_in_the_queries_of_1(
        manager, lambda viewer: selectors.caseload_for_team(user=viewer, team=team, today=TODAY)
    )

    assert len(rows) == 15


def test_caseloads_leave_out_restricted_records_the_viewer_is_not_named_on(manager, adviser, team):
    allocated(adviser, team, 1)
    allocated(adviser, team, 1, is_restricted=True, restricted_to=[adviser])

    assert len(selectors.caseload_for_worker(user=adviser, worker=adviser, today=TODAY)) == 2
    assert len(selectors.caseload_for_worker(user=manager, worker=adviser, today=TODAY)) == 1


def test_caseload_rows_count_worker_changes_in_the_last_year(adviser, team):
    (young_person,) = allocated(adviser, team, 1)
    AllocationFactory(
        young_person=young_person,
        start=TODAY - datetime.timedelta(days=200),
        end=TODAY - datetime.timedelta(days=100),
        is_change=True,
    )

    (row,) = selectors.caseload_for_worker(user=adviser, worker=adviser, today=TODAY)

    assert row.worker_changes == 1


def test_with_no_review_date_supplied_the_worker_is_told_why(adviser, team):
    # Casework alone: no plans provider is registered, as for a young person with no plan.
    no_plan, declined = allocated(adviser, team, 2)
    declined.personal_adviser_declined_on = TODAY
    declined.save()

    rows = selectors.with_review_dues(
        selectors.caseload_for_worker(user=adviser, worker=adviser, today=TODAY), today=TODAY
    )

    cells = {row.pk: presenters.review_due_cell(row, TODAY)["text"] for row in rows}
    assert cells == {
        no_plan.pk: "No plan authorised yet",
        declined.pk: "Not needed: declined an adviser",
    }


def test_team_filters_overdue_and_without_a_personal_adviser(manager, adviser, team):
    (overdue,) = allocated(adviser, team, 1, next_contact_due=TODAY - datetime.timedelta(days=3))
    allocated(adviser, team, 1, next_contact_due=TODAY + datetime.timedelta(days=30))
    nobody = YoungPersonFactory(team=team)

    assert list(
        selectors.caseload_for_team(user=manager, team=team, today=TODAY, only_overdue=True)
    ) == [overdue]
    assert list(
        selectors.caseload_for_team(user=manager, team=team, today=TODAY, only_without_pa=True)
    ) == [nobody]


def test_team_workers_show_caseload_size_and_overdue(adviser, team, make_user):
    allocated(adviser, team, 2, next_contact_due=TODAY - datetime.timedelta(days=1))
    allocated(adviser, team, 1, next_contact_due=TODAY + datetime.timedelta(days=10))
    make_user(Role.DUTY_WORKER, team=team)  # not a caseworker

    (worker,) = selectors.team_workers(team=team, today=TODAY)

    assert worker == adviser
    assert worker.caseload_size == 3
    assert worker.overdue_count == 2
    assert worker.is_personal_adviser


def test_team_summaries_count_for_managers(manager, adviser, team):
    allocated(adviser, team, 2, next_contact_due=TODAY - datetime.timedelta(days=1))
    changed = YoungPersonFactory(team=team)
    AllocationFactory(
        young_person=changed, start=TODAY - datetime.timedelta(days=5), is_change=True
    )
    YoungPersonFactory(team=team)

    (summary,) = selectors.team_summaries(user=manager, today=TODAY)

    assert summary.young_people_count == 4
    assert summary.overdue_count == 2
    assert summary.without_pa_count == 1
    assert summary.worker_changes == 1


def summaries_one_team_at_a_time(teams: Any, today: datetime.date) -> dict[Any, tuple]:
    """The figures as the page defined them before they were grouped by team: per young person,
    "without a personal adviser" is no current PA allocation (NOT EXISTS), and changes are the
    allocations marked as a change that started after the 12-month cutoff."""
    figures = {}
    for team in teams:
        live = YoungPerson.objects.live().filter(team=team)
        current_pa = Allocation.objects.filter(
            young_person=OuterRef("pk"), role=WorkerRole.PERSONAL_ADVISER, end__isnull=True
        )
        figures[team.pk] = (
            live.count(),
            live.filter(next_contact_due__lt=today).count(),
            live.exclude(Exists(current_pa)).count(),
            Allocation.objects.filter(
                young_person__in=live,
                is_change=True,
                start__gt=selectors.worker_changes_cutoff(today),
            ).count(),
        )
    return figures


def test_team_summaries_match_counting_each_team_in_turn_at_the_edges(make_user, team):
    # Every case that could make a grouped count differ from a count per young person.
    cutoff = selectors.worker_changes_cutoff(TODAY)
    quiet_team = TeamFactory(name="Alpha")
    other_team = TeamFactory(name="Bravo")
    day = datetime.timedelta(days=1)
    due_yesterday = YoungPersonFactory(team=team, next_contact_due=TODAY - day)
    AllocationFactory(young_person=due_yesterday)  # a current PA
    YoungPersonFactory(team=team, next_contact_due=TODAY)  # due today: not overdue, no PA
    YoungPersonFactory(team=team, next_contact_due=None)  # no date: not overdue
    ended_pa = YoungPersonFactory(team=team)
    AllocationFactory(young_person=ended_pa, end=TODAY - day)  # an ended PA is no PA
    AllocationFactory(young_person=YoungPersonFactory(team=team), role="sw")  # a SW is no PA
    # A current PA who replaced another this year: has a PA, and one change.
    changed = YoungPersonFactory(team=team)
    AllocationFactory(young_person=changed, start=TODAY - 10 * day, end=TODAY - 5 * day)
    AllocationFactory(young_person=changed, start=TODAY - 5 * day, is_change=True)
    # Two changes of social worker for one young person, one on the cutoff day (not counted).
    AllocationFactory(young_person=changed, role="sw", start=cutoff, is_change=True, end=TODAY)
    AllocationFactory(
        young_person=changed, role="sw", start=cutoff + day, is_change=True, end=TODAY - day
    )
    AllocationFactory(young_person=changed, role="sw", start=TODAY - day, is_change=True)
    # Archived young people count nowhere, nor do their allocations and changes.
    archived = YoungPersonFactory(
        team=team, next_contact_due=TODAY - day, archived_at=timezone.now()
    )
    AllocationFactory(young_person=archived, start=TODAY - day, is_change=True)
    YoungPersonFactory(team=other_team, next_contact_due=TODAY - day)
    head = make_user(Role.HEAD_OF_SERVICE)

    summaries = selectors.team_summaries(user=head, today=TODAY)

    assert [summary.team for summary in summaries] == [quiet_team, other_team, team]
    figures = {
        summary.pk: (
            summary.young_people_count,
            summary.overdue_count,
            summary.without_pa_count,
            summary.worker_changes,
        )
        for summary in summaries
    }
    assert figures == summaries_one_team_at_a_time([quiet_team, other_team, team], TODAY)
    assert figures == {
        quiet_team.pk: (0, 0, 0, 0),
        other_team.pk: (1, 1, 1, 0),
        team.pk: (6, 1, 4, 3),
    }


def test_team_summaries_cost_the_same_for_1_or_3_teams_of_any_size(
    make_user, team, adviser, django_assert_num_queries
):
    allocated(adviser, team, 1)
    head = make_user(Role.HEAD_OF_SERVICE)
    one = queries_for(lambda: selectors.team_summaries(user=head, today=TODAY))

    for name in ("North", "South"):
        other = TeamFactory(name=name)
        allocated(adviser, other, 3, next_contact_due=TODAY - datetime.timedelta(days=1))
        changed = YoungPersonFactory(team=other)
        AllocationFactory(young_person=changed, start=TODAY, is_change=True)
    with django_assert_num_queries(one):
        summaries = selectors.team_summaries(user=head, today=TODAY)

    assert [(s.name, s.young_people_count, s.worker_changes) for s in summaries][:2] == [
        ("North", 4, 1),
        ("South", 4, 1),
    ]


def test_a_head_of_service_oversees_every_team(make_user, team):
    other = type(team).objects.create(name="Another team")
    head = make_user(Role.HEAD_OF_SERVICE)

    assert set(selectors.teams_overseen_by(user=head)) == {team, other}


def test_finding_a_young_person_by_name_or_child_id_respects_visibility(adviser, team):
    mine = YoungPersonFactory(team=team, first_name="Jordan", last_name="Abbott", child_id="A1")
    YoungPersonFactory(first_name="Jordan", last_name="Abbott", child_id="B1")  # another team

    assert selectors.young_people_matching(user=adviser, query="jordan abb") == [mine]
    assert selectors.young_people_matching(user=adviser, query="a1") == [mine]
    assert selectors.young_person_by_child_id(user=adviser, child_id="B1") is None


def test_the_duty_log_hides_who_a_restricted_entry_is_about(make_user):
    duty = make_user(Role.DUTY_WORKER)
    restricted = YoungPersonFactory(is_restricted=True)
    DutyLogEntryFactory(young_person=restricted)
    DutyLogEntryFactory()

    visible = sorted(entry.young_person_visible for entry in selectors.duty_log_entries(user=duty))

    assert visible == [False, True]
