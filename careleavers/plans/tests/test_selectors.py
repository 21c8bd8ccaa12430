"""Reads: due dates for many young people, versions, the plan on a date, the manager's view."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from careleavers.accounts.roles import Role
from careleavers.people.models import YoungPerson
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import selectors, services
from careleavers.plans.models import PlanState, ReviewReason
from careleavers.plans.tests.factories import make_plan, words_for

pytestmark = pytest.mark.django_db


def test_review_due_for_many_costs_three_queries_whatever_the_number(adviser, manager, team):
    people = [YoungPersonFactory(team=team) for _ in range(3)]
    for person in people:
        make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    services.review_request(
        acting_user=adviser,
        young_person=people[0],
        reason=ReviewReason.YOUNG_PERSON_ASKED,
        requested_on=timezone.localdate(),
    )
    with CaptureQueriesContext(connection) as three:
        dues = selectors.review_due_for_many(young_person_ids=[p.pk for p in people])
    assert len(dues) == 3
    with CaptureQueriesContext(connection) as one:
        selectors.review_due_for_many(young_person_ids=[people[1].pk])
    assert len(three.captured_queries) == len(one.captured_queries)
    assert dues[people[0].pk].due < dues[people[1].pk].due


def test_versions_list_every_submission_and_authorisation(adviser, manager, team):
    person = YoungPersonFactory(team=team)
    plan = make_plan(person, state=PlanState.RETURNED, writer=adviser, manager=manager)
    services.plan_submit(acting_user=adviser, plan=plan)
    services.plan_authorise(acting_user=manager, plan=plan)
    labels = [v.label for v in selectors.plan_versions(young_person=person)]
    assert labels[0].startswith("Plan 1 as it is now")
    assert sum("submitted for authorisation on" in label for label in labels) == 2
    assert sum("returned to the worker on" in label for label in labels) == 1
    assert sum("authorised on" in label for label in labels) == 1


def test_version_snapshot_refuses_another_young_persons_version(adviser, team):
    person, other = YoungPersonFactory(team=team), YoungPersonFactory(team=team)
    plan = make_plan(other, writer=adviser)
    assert selectors.version_snapshot(young_person=person, token=f"p{plan.pk}") is None


def test_plan_on_a_date_is_the_plan_in_force_as_it_read_then(adviser, manager, team):
    person = YoungPersonFactory(team=team)
    start = timezone.now() - datetime.timedelta(days=10)
    with time_machine.travel(start):
        make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    with time_machine.travel(start + datetime.timedelta(days=5)):
        draft = make_plan(person, writer=adviser, filled=False)
        health = draft.sections.get(key="health")
        services.plan_update(
            acting_user=adviser,
            plan=draft,
            section_key="health",
            version=health.version,
            young_persons_words="Something new.",
            assessment="",
        )
    day_after = (start + datetime.timedelta(days=1)).date()
    before = selectors.plan_on(young_person=person, day=day_after)
    assert before.in_force
    assert before.snapshot.number == 1
    assert before.newer_draft_number is None
    later = selectors.plan_on(young_person=person, day=timezone.localdate())
    assert later.snapshot.number == 1
    assert later.newer_draft_number == 2
    assert later.snapshot.section("health").young_persons_words == words_for("health")


def test_plan_on_a_date_before_any_plan_is_none(adviser, team):
    person = YoungPersonFactory(team=team)
    make_plan(person, writer=adviser)
    assert (
        selectors.plan_on(
            young_person=person, day=timezone.localdate() - datetime.timedelta(days=30)
        )
        is None
    )


def test_plan_on_a_date_before_authorisation_is_the_draft(adviser, team):
    person = YoungPersonFactory(team=team)
    make_plan(person, writer=adviser)
    found = selectors.plan_on(young_person=person, day=timezone.localdate())
    assert not found.in_force
    assert found.snapshot.state == PlanState.DRAFT


def test_manager_view_lists_waiting_returned_overdue_and_time_to_authorise(
    adviser, manager, team, make_user
):
    other_manager = make_user(Role.TEAM_MANAGER, team=team)
    waiting = make_plan(YoungPersonFactory(team=team), state=PlanState.SUBMITTED, writer=adviser)
    returned = make_plan(
        YoungPersonFactory(team=team),
        state=PlanState.RETURNED,
        writer=adviser,
        manager=other_manager,
    )
    overdue_person = YoungPersonFactory(
        team=team,
        category="eligible",
        date_of_birth=timezone.localdate() - datetime.timedelta(days=365 * 17),
        category_since=timezone.localdate() - datetime.timedelta(days=200),
    )
    reviewed_person = YoungPersonFactory(team=team, category="former_relevant")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=220)):
        make_plan(reviewed_person, state=PlanState.SUBMITTED, writer=adviser)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=200)):
        services.plan_authorise(
            acting_user=other_manager, plan=reviewed_person.pathway_plans.get()
        )
    elsewhere = make_plan(YoungPersonFactory(), state=PlanState.SUBMITTED)

    view = selectors.manager_view(user=manager, today=timezone.localdate())
    assert list(view.awaiting) == [waiting]
    assert list(view.returned) == [returned]
    assert elsewhere not in view.awaiting
    assert [row.young_person for row in view.overdue_plans.rows] == [overdue_person]
    assert view.overdue_plans.count == 1
    assert [row.young_person for row in view.overdue_reviews.rows] == [reviewed_person]
    assert view.overdue_reviews.rows[0].days_overdue > 0
    assert len(view.recently_authorised) == 1
    assert view.recently_authorised[0].days == pytest.approx(20, abs=0.1)
    assert view.times.median_days == pytest.approx(20, abs=0.1)


def _overdue_review_rows(view):
    return [
        (row.young_person, row.due.due, row.due.rule, row.days_overdue)
        for row in view.overdue_reviews.rows
    ]


def test_manager_view_reads_overdue_reviews_from_the_stored_items_once_they_are_current(
    adviser, manager, team, monkeypatch
):
    from careleavers.casework.stored_work import stored_work_items_refresh_everyone
    from careleavers.casework.tests.test_stored_work import mark_pending
    from careleavers.plans.models import PathwayPlan

    today = timezone.localdate()
    first, second = (
        _authorised_after(20, ago, adviser=adviser, manager=manager, team=team)
        for ago in (200, 250)
    )
    worked_out = selectors.manager_view(user=manager, today=today)
    assert [row[0] for row in _overdue_review_rows(worked_out)] == [
        second.young_person,
        first.young_person,
    ]

    stored_work_items_refresh_everyone(today)

    def not_worked_out_again(**_: object) -> None:
        raise AssertionError("the review rules were worked out again")

    monkeypatch.setattr(selectors, "review_due_for_many", not_worked_out_again)
    stored = selectors.manager_view(user=manager, today=today)
    assert _overdue_review_rows(stored) == _overdue_review_rows(worked_out)

    # The first plan is authorised again today, behind the stored items' back: until its young
    # person is marked pending, the stored item still says the review is overdue.
    PathwayPlan.objects.filter(pk=first.pk).update(effective_from=today)
    stale = selectors.manager_view(user=manager, today=today)
    assert first.young_person in [row[0] for row in _overdue_review_rows(stale)]
    monkeypatch.undo()
    mark_pending(first.young_person)
    pending = selectors.manager_view(user=manager, today=today)
    assert [row[0] for row in _overdue_review_rows(pending)] == [second.young_person]


def _authorised_after(days_waiting: int, days_ago: int, *, adviser, manager, team):
    """A plan submitted `days_waiting` days before a manager authorised it, `days_ago` days
    ago."""
    person = YoungPersonFactory(team=team, category="former_relevant")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago + days_waiting)):
        plan = make_plan(person, state=PlanState.SUBMITTED, writer=adviser)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        services.plan_authorise(acting_user=manager, plan=plan)
    return plan


def test_manager_view_lists_the_newest_authorised_plans_and_times_them_all(
    adviser, manager, team, monkeypatch
):
    monkeypatch.setattr(selectors, "RECENTLY_AUTHORISED_LISTED", 2)
    oldest, middle, newest = (
        _authorised_after(waiting, ago, adviser=adviser, manager=manager, team=team)
        for waiting, ago in ((2, 90), (4, 60), (9, 30))
    )
    view = selectors.manager_view(user=manager, today=timezone.localdate())
    assert [row.plan for row in view.recently_authorised] == [newest, middle]
    assert [row.days for row in view.recently_authorised] == [
        pytest.approx(9, abs=0.1),
        pytest.approx(4, abs=0.1),
    ]
    assert view.times.count == 3
    assert view.times.median_days == pytest.approx(4, abs=0.1)
    assert view.times.mean_days == pytest.approx(5, abs=0.1)
    assert oldest.pk not in {row.plan.pk for row in view.recently_authorised}


def test_the_years_authorisation_figures_are_worked_out_once_a_day(adviser, manager, team):
    """A head of service's year is over a hundred thousand plans at national size: the figures
    are worked out at the day's first view and said to be as at then; the list stays live."""
    cache.clear()
    today = timezone.localdate()
    _authorised_after(4, 60, adviser=adviser, manager=manager, team=team)
    first = selectors.manager_view(user=manager, today=today)
    newest = _authorised_after(10, 1, adviser=adviser, manager=manager, team=team)
    later = selectors.manager_view(user=manager, today=today)
    assert later.times == first.times
    assert later.times.count == 1
    assert later.recently_authorised[0].plan == newest
    tomorrow = selectors.manager_view(user=manager, today=today + datetime.timedelta(days=1))
    assert tomorrow.times.count == 2
    assert tomorrow.times.worked_out_at > first.times.worked_out_at


def test_manager_view_query_count_does_not_grow_with_young_people(adviser, manager, team):
    def count() -> int:
        cache.clear()  # the year's figures are worked out again, as at a day's first view
        with CaptureQueriesContext(connection) as queries:
            view = selectors.manager_view(user=manager, today=timezone.localdate())
            list(view.awaiting)
            list(view.returned)
        return len(queries.captured_queries)

    make_plan(
        YoungPersonFactory(team=team, category="former_relevant"),
        state=PlanState.AUTHORISED,
        writer=adviser,
        manager=manager,
    )
    few = count()
    for _ in range(3):
        make_plan(
            YoungPersonFactory(team=team, category="former_relevant"),
            state=PlanState.AUTHORISED,
            writer=adviser,
            manager=manager,
        )
        make_plan(YoungPersonFactory(team=team), state=PlanState.SUBMITTED, writer=adviser)
    assert count() == few


def test_plans_awaiting_authorisation_leave_out_the_managers_own(manager, team, adviser):
    mine = make_plan(YoungPersonFactory(team=team), state=PlanState.SUBMITTED, writer=manager)
    theirs = make_plan(YoungPersonFactory(team=team), state=PlanState.SUBMITTED, writer=adviser)
    found = selectors.plans_awaiting_authorisation_for(user=manager)
    assert theirs in found
    assert mine not in found
    assert selectors.plans_awaiting_authorisation_for(user=adviser) == []


# Reviews while the council provides the accommodation (Care Leavers Regs 2010 reg 7(3)) -------


def test_review_is_due_28_days_after_the_council_starts_providing_accommodation(
    adviser, manager, team
):
    from careleavers.accommodation.tests.factories import StayFactory

    person = YoungPersonFactory(team=team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    moved_in = timezone.localdate() - datetime.timedelta(days=10)
    StayFactory(young_person=person, start=moved_in, council_provided=True)

    dues = selectors.review_dues_for_many(young_person_ids=[person.pk])

    assert dues[person.pk].next.due == moved_in + datetime.timedelta(days=28)
    assert "regulation 7(3)" in dues[person.pk].next.rule
    assert dues[person.pk].accommodation == dues[person.pk].next


def test_a_six_monthly_review_in_their_own_tenancy_is_not_a_reg_7_3_review(adviser, manager, team):
    from careleavers.accommodation.tests.factories import StayFactory

    person = YoungPersonFactory(team=team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    StayFactory(young_person=person, accom_type="U", council_provided=False)

    dues = selectors.review_dues_for_many(young_person_ids=[person.pk])

    assert dues[person.pk].accommodation is None
    assert "regulation 7." in dues[person.pk].next.rule


def test_no_review_is_due_for_someone_who_no_longer_wants_an_adviser(adviser, manager, team):
    person = YoungPersonFactory(team=team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    person.personal_adviser_declined_on = timezone.localdate()
    person.save()

    assert selectors.review_due_for(young_person=person) is None


# A former relevant young person going back to education (Care Leavers Regs 2010 reg 5(2)(b)) --


def test_assessment_is_due_3_months_after_hearing_about_education_whatever_came_before(team):
    from careleavers.plans.models import NeedsAssessment

    told = datetime.date(2027, 3, 1)
    person = YoungPersonFactory(
        team=team, category="former_relevant", education_return_informed_on=told
    )
    NeedsAssessment.objects.create(
        young_person=person,
        started_on=datetime.date(2024, 6, 1),
        completed_on=datetime.date(2024, 8, 1),
    )
    annotated = selectors.with_plan_facts(
        selectors.may_need_assessment(YoungPerson.objects.filter(pk=person.pk))
    ).get()

    due = selectors.assessment_due_for(annotated)

    assert due is not None
    assert due.due == datetime.date(2027, 6, 1)
    assert "regulation 5(2)(b)" in due.rule

    NeedsAssessment.objects.create(young_person=person, started_on=told, completed_on=told)
    assert not selectors.may_need_assessment(YoungPerson.objects.filter(pk=person.pk)).exists()
    assert selectors.assessment_due_for(YoungPerson.objects.get(pk=person.pk)) is None


def test_the_head_of_service_is_given_the_plans_no_team_manager_can_authorise(
    make_user, manager, team, adviser
):
    """Team managers authorise their teams' plans; the head of service's tray holds the rest:
    a team with no team manager, a team whose only manager wrote the plan, a young person with
    no team, a team whose manager has left."""
    from careleavers.accounts.tests.factories import TeamFactory, team_manager_of

    head = make_user(Role.HEAD_OF_SERVICE)
    managed = make_plan(YoungPersonFactory(team=team), state=PlanState.SUBMITTED, writer=adviser)
    by_the_manager = make_plan(
        YoungPersonFactory(team=team), state=PlanState.SUBMITTED, writer=manager
    )
    unmanaged_team = TeamFactory()
    unmanaged = make_plan(
        YoungPersonFactory(team=unmanaged_team), state=PlanState.SUBMITTED, writer=adviser
    )
    no_team = make_plan(YoungPersonFactory(team=None), state=PlanState.SUBMITTED, writer=adviser)
    left_team = TeamFactory()
    team_manager_of(left_team, is_active=False)
    manager_left = make_plan(
        YoungPersonFactory(team=left_team), state=PlanState.SUBMITTED, writer=adviser
    )
    # A team whose manager manages it from another team (Team.manager), not as a member.
    managed_from_afar = TeamFactory(manager=manager)
    from_afar = make_plan(
        YoungPersonFactory(team=managed_from_afar), state=PlanState.SUBMITTED, writer=adviser
    )

    found = selectors.plans_awaiting_authorisation_for(user=head)

    assert set(found) == {by_the_manager, unmanaged, no_team, manager_left}
    assert managed not in found
    assert from_afar not in found
    # The team manager's own tray: their teams' plans, not the one they wrote.
    assert set(selectors.plans_awaiting_authorisation_for(user=manager)) == {managed, from_afar}


def test_a_head_of_service_who_also_manages_a_team_is_given_its_plans(make_user, adviser):
    from careleavers.accounts.tests.factories import TeamFactory

    own_team = TeamFactory()
    head = make_user(Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER, team=own_team)
    # Another manager of the team could authorise it too: it is still the head's team's plan.
    make_user(Role.TEAM_MANAGER, team=own_team)
    plan = make_plan(YoungPersonFactory(team=own_team), state=PlanState.SUBMITTED, writer=adviser)
    assert selectors.plans_awaiting_authorisation_for(user=head) == [plan]


# The managers' overdue lists: the most overdue listed, all counted ----------------------------


@given(
    date_of_birth=st.dates(
        min_value=datetime.date(1996, 1, 1), max_value=datetime.date(2012, 1, 1)
    ),
    category=st.sampled_from(
        ["eligible", "relevant", "former_relevant", "qualifying", "not_yet_eligible"]
    ),
    category_since=st.none()
    | st.dates(min_value=datetime.date(2005, 1, 1), max_value=datetime.date(2030, 1, 1)),
)
def test_a_first_plans_date_alone_is_the_date_of_the_whole_answer(
    date_of_birth, category, category_since
):
    person = SimpleNamespace(
        has_plan_in_force=False,
        date_of_birth=date_of_birth,
        category=category,
        category_since=category_since,
    )
    due = selectors.first_plan_due_for(person)
    assert selectors.first_plan_due_date(
        date_of_birth=date_of_birth, category=category, category_since=category_since
    ) == (due.due if due is not None else None)


def test_the_managers_page_lists_the_most_overdue_and_counts_them_all(
    adviser, manager, team, client_for, monkeypatch
):
    """A head of service's lists run to thousands: the page lists the most overdue and says how
    many there are. Former relevant young people with no plan are overdue from their 18th
    birthday, so the oldest are the most overdue."""
    monkeypatch.setattr(selectors, "OVERDUE_LISTED", 2)
    today = timezone.localdate()
    people = [
        YoungPersonFactory(
            team=team,
            category="former_relevant",
            first_name=name,
            date_of_birth=today.replace(year=today.year - age) - datetime.timedelta(days=10),
        )
        for name, age in (("Nineteen", 19), ("TwentyOne", 21), ("Twenty", 20))
    ]
    view = selectors.manager_view(user=manager, today=today)
    assert view.overdue_plans.count == 3
    assert [row.young_person.first_name for row in view.overdue_plans.rows] == [
        "TwentyOne",
        "Twenty",
    ]
    oldest = view.overdue_plans.rows[0]
    assert oldest.days_overdue == (today - oldest.due.due).days
    assert "Children Act 1989 s.23C" in oldest.due.rule
    assert people[0] not in [row.young_person for row in view.overdue_plans.rows]

    page = client_for(user=manager).get(reverse("plans:manager_view")).content.decode()
    assert "Overdue plans (3)" in page
    assert "Showing the 2 most overdue of 3." in page
    assert "Nineteen" not in page


def test_manager_view_lists_only_the_most_overdue_stored_reviews_with_the_count_of_all(
    adviser, manager, team, monkeypatch
):
    from careleavers.casework.stored_work import stored_work_items_refresh_everyone
    from careleavers.casework.tests.test_stored_work import mark_pending

    today = timezone.localdate()
    least, middle, most = (
        _authorised_after(20, ago, adviser=adviser, manager=manager, team=team)
        for ago in (200, 250, 300)
    )
    stored_work_items_refresh_everyone(today)
    monkeypatch.setattr(selectors, "OVERDUE_LISTED", 2)

    def not_worked_out_again(**_: object) -> None:
        raise AssertionError("the review rules were worked out again")

    monkeypatch.setattr(selectors, "review_due_for_many", not_worked_out_again)
    view = selectors.manager_view(user=manager, today=today)
    assert [row[0] for row in _overdue_review_rows(view)] == [
        most.young_person,
        middle.young_person,
    ]
    assert view.overdue_reviews.count == 3

    # The most overdue is pending after a change: its review is asked directly, and still
    # takes its place at the top of the list and in the count.
    monkeypatch.undo()
    monkeypatch.setattr(selectors, "OVERDUE_LISTED", 2)
    mark_pending(most.young_person)
    pending = selectors.manager_view(user=manager, today=today)
    assert [row[0] for row in _overdue_review_rows(pending)] == [
        most.young_person,
        middle.young_person,
    ]
    assert pending.overdue_reviews.count == 3
    assert least.young_person not in [row[0] for row in _overdue_review_rows(pending)]
