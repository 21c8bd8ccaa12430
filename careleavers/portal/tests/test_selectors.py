"""Reads: the young person comes from the account, ids are looked up within their own records,
and requests reach the right worker's tray in a fixed number of queries."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careleavers.casework.tests.factories import AllocationFactory, allocated_to
from careleavers.casework.work_tray import MINE, TEAM, WorkTrayScope
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans.models import PlanState
from careleavers.plans.tests.factories import make_plan
from careleavers.portal import selectors
from careleavers.portal.tests.factories import PortalAccountFactory, YoungPersonRequestFactory

pytestmark = pytest.mark.django_db


def test_the_account_gives_the_young_person(people: Any) -> None:
    assert selectors.account_for_user(people.user).young_person == people.young_person
    assert selectors.account_for_user(people.adviser) is None


def test_an_archived_record_or_a_turned_off_account_gives_nothing(people: Any) -> None:
    people.user.is_active = False
    assert selectors.account_for_user(people.user) is None
    people.user.is_active = True
    people.young_person.archived_at = timezone.now()
    people.young_person.save()
    assert selectors.account_for_user(people.user) is None


def test_contacts_name_the_adviser_and_the_team_duty_number(people: Any, settings: Any) -> None:
    contacts = selectors.contacts_for(young_person=people.young_person)
    assert contacts.adviser_name == people.adviser.get_full_name()
    assert contacts.adviser_phone == "07700 900 123"
    assert contacts.duty_phone == "01274 111 222"
    assert contacts.out_of_hours_phone == settings.BRANDING["out_of_hours_phone"]
    people.team.duty_phone = ""
    people.team.save()
    people.young_person.refresh_from_db()
    assert (
        selectors.contacts_for(young_person=people.young_person).duty_phone
        == settings.BRANDING["duty_phone"]
    )


def test_another_young_persons_request_is_not_found(people: Any) -> None:
    mine = YoungPersonRequestFactory(young_person=people.young_person)
    theirs = YoungPersonRequestFactory()
    assert selectors.own_request(young_person=people.young_person, pk=mine.pk) == mine
    with pytest.raises(Http404):
        selectors.own_request(young_person=people.young_person, pk=theirs.pk)


def test_only_their_own_shared_plans_are_found(people: Any) -> None:
    shared = make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)
    other = make_plan(YoungPersonFactory(), state=PlanState.SHARED)
    assert selectors.shared_plan_for(young_person=people.young_person) == shared
    assert selectors.own_shared_plan(young_person=people.young_person, pk=shared.pk) == shared
    with pytest.raises(Http404):
        selectors.own_shared_plan(young_person=people.young_person, pk=other.pk)


def test_a_plan_not_yet_shared_is_not_shown(people: Any) -> None:
    authorised = make_plan(people.young_person, state=PlanState.AUTHORISED, writer=people.adviser)
    assert selectors.shared_plan_for(young_person=people.young_person) is None
    with pytest.raises(Http404):
        selectors.own_shared_plan(young_person=people.young_person, pk=authorised.pk)


def _scope(user: Any, scope: str = MINE) -> WorkTrayScope:
    from careleavers.casework.work_tray import _team_ids

    return WorkTrayScope(
        user=user,
        today=timezone.localdate(),
        scope=scope,
        team_ids=_team_ids(user) if scope == TEAM else frozenset(),
    )


def test_requests_go_to_the_adviser_and_without_one_to_the_manager(people: Any) -> None:
    with_adviser = YoungPersonRequestFactory(young_person=people.young_person)
    no_adviser_person = YoungPersonFactory(team=people.team)
    no_adviser = YoungPersonRequestFactory(young_person=no_adviser_person)
    YoungPersonRequestFactory(young_person=YoungPersonFactory())  # another team
    assert list(selectors.requests_in_tray(_scope(people.adviser))) == [with_adviser]
    assert list(selectors.requests_in_tray(_scope(people.manager))) == [no_adviser]
    assert set(selectors.requests_in_tray(_scope(people.manager, TEAM))) == {
        with_adviser,
        no_adviser,
    }
    assert not list(selectors.requests_in_tray(_scope(people.duty)))


def test_done_requests_leave_the_tray(people: Any) -> None:
    YoungPersonRequestFactory(young_person=people.young_person, status="done")
    assert not list(selectors.requests_in_tray(_scope(people.adviser)))


def test_the_tray_costs_the_same_queries_however_many_requests(people: Any) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            list(selectors.requests_in_tray(_scope(people.manager, TEAM)))
        return len(queries)

    YoungPersonRequestFactory(young_person=people.young_person)
    few = count()
    for _ in range(5):
        person = allocated_to(people.adviser, people.team)
        YoungPersonRequestFactory(young_person=person)
    assert count() == few


def test_a_former_relevant_young_person_of_21_to_24_can_ask_for_support_again(db: None) -> None:
    young_person = PortalAccountFactory().young_person
    young_person.category = "former_relevant"
    today = timezone.localdate()
    for age, allowed in ((20, False), (21, True), (24, True), (25, False)):
        young_person.date_of_birth = today.replace(year=today.year - age) - datetime.timedelta(
            days=1
        )
        assert selectors.can_ask_for_support_again(young_person, today) is allowed


def test_only_former_relevant_young_people_without_an_adviser_can_ask_again(db: None) -> None:
    # CA 1989 s.23CZB: the right to ask is a former relevant young person's, from 21 to 25.
    today = timezone.localdate()
    young_person = PortalAccountFactory().young_person
    young_person.date_of_birth = today.replace(year=today.year - 22)
    young_person.category = "qualifying"
    assert selectors.can_ask_for_support_again(young_person, today) is False

    young_person.category = "former_relevant"
    AllocationFactory(young_person=young_person)
    assert selectors.can_ask_for_support_again(young_person, today) is False

    young_person.personal_adviser_declined_on = today - datetime.timedelta(days=30)
    assert selectors.can_ask_for_support_again(young_person, today) is True
