from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import (
    NotificationFactory,
    allocated_to,
)
from careleavers.casework.work_tray import (
    MINE,
    TEAM,
    WorkItem,
    WorkTrayKind,
    WorkTrayScope,
    scopes_for,
    work_tray_for,
    work_tray_kinds,
)
from careleavers.core.tests.days import TODAY, days_from_today
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def fresh(user: Any) -> Any:
    return type(user).objects.get(pk=user.pk)


def test_most_urgent_first_then_longest_overdue_then_soonest_due(adviser, team):
    soon = allocated_to(adviser, team, next_contact_due=days_from_today(5))
    a_bit_late = allocated_to(adviser, team, next_contact_due=days_from_today(-2))
    very_late = allocated_to(adviser, team, next_contact_due=days_from_today(-30))
    allocated_to(adviser, team, next_contact_due=days_from_today(40))  # not yet in the tray
    urgent = NotificationFactory(recipient=adviser, urgent=True, message="Urgent: call back")
    message = NotificationFactory(recipient=adviser, message="A new allocation")

    items = work_tray_for(user=adviser, today=TODAY)

    assert [
        (item.title if item.kind == "notification" else item.young_person) for item in items
    ] == [
        urgent.message,
        very_late,
        a_bit_late,
        message.message,  # dated today
        soon,
    ]
    assert items[1].overdue
    assert items[1].days_overdue == 30


def test_the_work_tray_costs_the_same_for_1_or_15_items_each(
    adviser, team, django_assert_num_queries
):
    def add_items() -> None:
        allocated_to(adviser, team, next_contact_due=days_from_today(-1))
        allocated_to(adviser, team, category_needs_decision="Check the 13 weeks in care.")
        NotificationFactory(recipient=adviser)

    add_items()
    with CaptureQueriesContext(connection) as one:
        assert len(work_tray_for(user=fresh(adviser), today=TODAY)) == 3

    for _ in range(14):
        add_items()
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(work_tray_for(user=fresh(adviser), today=TODAY)) == 45


def test_a_worker_sees_only_their_own_work(adviser, team, make_user):
    mine = allocated_to(adviser, team, next_contact_due=days_from_today(1))
    colleague = make_user(Role.PERSONAL_ADVISER, team=team)
    allocated_to(colleague, team, next_contact_due=days_from_today(1))
    NotificationFactory(recipient=colleague)

    items = work_tray_for(user=adviser, today=TODAY)

    assert [item.young_person for item in items] == [mine]
    assert scopes_for(adviser) == [MINE]


def test_a_manager_switches_between_their_own_and_their_teams_work(manager, adviser, team):
    theirs = allocated_to(adviser, team, next_contact_due=days_from_today(-1))
    NotificationFactory(recipient=adviser, young_person=theirs, message="Duty call")
    unallocated = YoungPersonFactory(team=team)

    assert scopes_for(manager) == [MINE, TEAM]
    assert work_tray_for(user=manager, today=TODAY, scope=MINE) == []
    team_items = work_tray_for(user=manager, today=TODAY, scope=TEAM)

    kinds = {item.kind: item for item in team_items}
    assert kinds["contact_due"].young_person == theirs
    assert kinds["contact_due"].worker_name == adviser.get_full_name()
    # The manager can see the adviser's message but only the adviser can mark it read.
    assert kinds["notification"].notification_id is None
    assert kinds["no_personal_adviser"].young_person == unallocated


def test_a_worker_cannot_ask_for_the_team_view(adviser, team):
    allocated_to(adviser, team, next_contact_due=days_from_today(1))

    assert len(work_tray_for(user=adviser, today=TODAY, scope=TEAM)) == 1


def test_messages_about_records_the_viewer_cannot_open_are_left_out(manager, adviser, team):
    restricted = YoungPersonFactory(team=team, is_restricted=True, restricted_to=[adviser])
    NotificationFactory(recipient=adviser, young_person=restricted)

    assert len(work_tray_for(user=adviser, today=TODAY)) == 1
    assert [
        item
        for item in work_tray_for(user=manager, today=TODAY, scope=TEAM)
        if item.kind == "notification"
    ] == []


def test_read_messages_leave_the_tray(adviser):
    NotificationFactory(recipient=adviser, read_at=timezone.now())

    assert work_tray_for(user=adviser, today=TODAY) == []


def test_a_category_that_needs_a_decision_is_in_the_tray(adviser, team):
    allocated_to(
        adviser,
        team,
        category_needs_decision="Were they in custody on their 16th birthday?",
        category_next_check=days_from_today(-3),
    )

    (item,) = work_tray_for(user=adviser, today=TODAY)

    assert item.kind == "category_decision"
    assert item.overdue
    assert "custody" in item.detail
    assert item.url == reverse("people:care_history", kwargs={"pk": item.young_person.pk})


def test_someone_who_no_longer_wants_an_adviser_is_not_listed_as_needing_one(manager, team):
    # CA 1989 s.23CZB(3)(b): a former relevant young person aged 21 to 25 may say no.
    YoungPersonFactory(team=team, personal_adviser_declined_on=days_from_today(-10))

    items = work_tray_for(user=manager, today=TODAY, scope=TEAM)

    assert [item for item in items if item.kind == "no_personal_adviser"] == []


def _due_today(scope: Any, kind: str, young_person: Any, title: str) -> WorkItem:
    """An item of a kind a later capability adds, due today and not yet overdue."""
    return WorkItem(
        kind=kind, young_person=young_person, title=title, due=scope.today, overdue=False, url="/"
    )


def test_later_capabilities_add_kinds(adviser, team):
    young_person = allocated_to(adviser, team)

    def reviews(scope: Any) -> list[WorkItem]:
        return [
            _due_today(scope, "test_review", person, "Pathway plan review due")
            for person in scope.allocated_young_people()
        ]

    with work_tray_kinds.added(
        WorkTrayKind(kind="test_review", label="Reviews", provider=reviews)
    ):
        items = work_tray_for(user=adviser, today=TODAY)

    assert [(item.kind, item.young_person) for item in items] == [("test_review", young_person)]


def test_the_young_people_in_scope_are_found_once_for_every_kind(adviser, team):
    mine = allocated_to(adviser, team)
    YoungPersonFactory(team=team)  # in the team, not allocated to the adviser
    adviser = fresh(adviser)
    adviser.role_names  # noqa: B018 - loaded once per request
    scope = WorkTrayScope(user=adviser, today=timezone.localdate())
    with CaptureQueriesContext(connection) as first:
        assert scope.allocated_ids == [mine.pk]
    with CaptureQueriesContext(connection) as again:
        list(scope.allocated_young_people())
        list(scope.allocated_young_people())
    assert len(first) == 1
    assert len(again) == 2  # each list is one query; the ids are not looked up again


def test_who_a_manager_may_see_is_worked_out_once_for_every_kind(manager, adviser, team):
    # Building the visibility query reads a team manager's teams: once per tray, not per kind.
    mine = allocated_to(adviser, team)
    manager = fresh(manager)
    manager.role_names  # noqa: B018 - loaded once per request
    scope = WorkTrayScope(user=manager, today=TODAY, scope=TEAM, team_ids=frozenset({team.pk}))
    with CaptureQueriesContext(connection) as first:
        assert list(scope.visible_young_people()) == [mine]
    with CaptureQueriesContext(connection) as again:
        assert list(scope.visible_young_people().filter(pk=mine.pk)) == [mine]
    assert len(first) == 2  # the manager's teams, then the list
    assert len(again) == 1


def test_a_managers_team_tray_costs_the_same_for_1_or_5_young_people_of_each_kind(
    manager, adviser, team, django_assert_num_queries
):
    def add_items() -> None:
        allocated_to(adviser, team, next_contact_due=days_from_today(-1))
        allocated_to(adviser, team, category_needs_decision="Check the 13 weeks in care.")
        YoungPersonFactory(team=team)  # no worker yet: the team's to allocate

    add_items()
    with CaptureQueriesContext(connection) as one:
        assert len(work_tray_for(user=fresh(manager), today=TODAY, scope=TEAM)) == 3

    for _ in range(4):
        add_items()
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(work_tray_for(user=fresh(manager), today=TODAY, scope=TEAM)) == 15


def test_with_no_one_allocated_the_kinds_ask_the_database_nothing_more(manager, team):
    YoungPersonFactory(team=team)  # in the team, allocated to no one
    manager = fresh(manager)
    manager.role_names  # noqa: B018 - loaded once per request
    scope = WorkTrayScope(user=manager, today=TODAY)
    assert scope.allocated_ids == []
    with CaptureQueriesContext(connection) as asked:
        assert list(scope.allocated_young_people()) == []
        assert list(scope.allocated_young_people().filter(next_contact_due__lte=TODAY)) == []
    assert len(asked) == 0


def test_decisions_waiting_for_the_viewer_come_straight_after_urgent_items(adviser, team):
    very_late = allocated_to(adviser, team, next_contact_due=days_from_today(-300))
    urgent = NotificationFactory(recipient=adviser, urgent=True, message="Urgent: call back")
    to_decide = allocated_to(adviser, team)

    def plans_to_authorise(scope: Any) -> list[WorkItem]:
        return [_due_today(scope, "test_plan", to_decide, "Authorise the pathway plan")]

    with work_tray_kinds.added(
        WorkTrayKind(
            kind="test_plan",
            label="Plans to authorise",
            provider=plans_to_authorise,
            decision=True,
        )
    ):
        items = work_tray_for(user=adviser, today=TODAY)

    assert [item.kind for item in items] == ["notification", "test_plan", "contact_due"]
    assert items[0].title == urgent.message
    assert items[2].young_person == very_late
