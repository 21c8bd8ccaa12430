"""What plans add elsewhere: the work tray, the overview panel, the chronology, the contact
standard, the caseload's review column and the accommodation move listener."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careleavers.casework import presenters
from careleavers.casework import selectors as casework_selectors
from careleavers.casework.contact_due import contact_due_inputs_for
from careleavers.casework.contact_standard import add_months
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.casework.work_tray import TEAM, work_tray_for
from careleavers.core.templatetags.govuk import govuk_date
from careleavers.core.tests.query_counts import costs_the_same_with_more
from careleavers.people.chronology import chronology_for
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import contributions, selectors, services
from careleavers.plans.models import PlanReview, PlanState, ReviewReason
from careleavers.plans.tests.factories import make_plan, review_held_today

pytestmark = pytest.mark.django_db


def _allocated(adviser, team, **fields):
    person = YoungPersonFactory(team=team, **fields)
    AllocationFactory(young_person=person, worker=adviser, role="pa")
    return person


def _kinds(items, young_person=None):
    return [
        item.kind for item in items if young_person is None or item.young_person == young_person
    ]


def test_an_overdue_review_is_in_the_advisers_work_tray(adviser, manager, team):
    person = _allocated(adviser, team)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=200)):
        make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    items = [i for i in work_tray_for(user=adviser) if i.kind == "review"]
    assert len(items) == 1
    assert items[0].overdue
    assert items[0].title == "Pathway plan review overdue"
    assert "regulation 7" in items[0].detail


def test_a_review_far_off_is_not_in_the_work_tray(adviser, manager, team):
    person = _allocated(adviser, team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    assert "review" not in _kinds(work_tray_for(user=adviser), person)


def test_an_assessment_due_is_in_the_work_tray(adviser, team):
    today = timezone.localdate()
    person = _allocated(
        adviser,
        team,
        category="eligible",
        date_of_birth=today - datetime.timedelta(days=365 * 16 + 80),
        category_since=today - datetime.timedelta(days=75),
    )
    items = [i for i in work_tray_for(user=adviser) if i.young_person == person]
    assert [i.kind for i in items if i.kind == "assessment"] == ["assessment"]
    assert not items[[i.kind for i in items].index("assessment")].overdue
    services.assessment_start(acting_user=adviser, young_person=person)
    # Still due until it is completed.
    assert "assessment" in _kinds(work_tray_for(user=adviser), person)


def test_a_returned_plan_goes_back_to_the_worker(adviser, manager, team):
    person = _allocated(adviser, team)
    make_plan(person, state=PlanState.RETURNED, writer=adviser, manager=manager)
    items = [i for i in work_tray_for(user=adviser) if i.kind == "plan_returned"]
    assert len(items) == 1
    assert "Add more on money." in items[0].detail


def test_a_submitted_plan_waits_in_the_managers_tray(adviser, manager, team):
    person = _allocated(adviser, team)
    plan = make_plan(person, state=PlanState.SUBMITTED, writer=adviser)
    items = [i for i in work_tray_for(user=manager) if i.kind == "plan_awaiting_authorisation"]
    assert [i.url for i in items] == [f"/plans/{plan.pk}/decision/"]
    assert "plan_awaiting_authorisation" not in _kinds(work_tray_for(user=adviser))


def test_plan_work_costs_the_same_queries_however_many_young_people(adviser, manager, team):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            for provider in (
                contributions.assessments_due,
                contributions.reviews_due,
                contributions.plans_returned,
                contributions.plans_awaiting,
            ):
                from careleavers.casework.work_tray import WorkTrayScope

                provider(
                    WorkTrayScope(
                        user=manager,
                        today=timezone.localdate(),
                        scope=TEAM,
                        team_ids=frozenset({team.pk}),
                    )
                )
        return len(queries.captured_queries)

    make_plan(
        _allocated(adviser, team), state=PlanState.AUTHORISED, writer=adviser, manager=manager
    )
    few = count()
    for _ in range(3):
        make_plan(
            _allocated(adviser, team, category="eligible"),
            state=PlanState.AUTHORISED,
            writer=adviser,
            manager=manager,
        )
        make_plan(
            _allocated(adviser, team), state=PlanState.RETURNED, writer=adviser, manager=manager
        )
    assert count() == few


def test_the_overview_panel_shows_the_plan_and_the_next_review(adviser, manager, team):
    person = _allocated(adviser, team)
    plan = make_plan(person, state=PlanState.SHARED, writer=adviser, manager=manager)
    context = contributions.plan_panel(young_person=person, user=adviser)
    assert context["in_force"] == plan
    assert context["review_due"] == selectors.review_due_for(young_person=person)
    assert context["plans_url"] == f"/young-people/{person.pk}/plans/"


def test_state_changes_and_reviews_are_on_the_chronology(adviser, manager, team):
    person = _allocated(adviser, team)
    make_plan(person, state=PlanState.SHARED, writer=adviser, manager=manager)
    review_held_today(
        person, user=adviser, what_changed="New college course.", young_persons_views="I am happy."
    )
    titles = [
        entry.title
        for entry in chronology_for(
            young_person=person, user=adviser, kinds={"pathway_plan", "plan_review"}
        )
    ]
    assert "Pathway plan 1 authorised" in titles
    assert "Pathway plan 1 shared with the young person" in titles
    assert "Pathway plan 2 started" in titles
    assert "Pathway plan review held" in titles


def test_the_next_review_feeds_the_contact_standard(adviser, manager, team):
    person = _allocated(adviser, team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    inputs = contact_due_inputs_for(young_person_ids=[person.pk], today=timezone.localdate())
    assert (
        inputs[person.pk]["next_review_due"] == selectors.review_due_for(young_person=person).due
    )


def test_a_move_brings_the_review_forward_through_the_listener(adviser, manager, team):
    from careleavers.accommodation.hooks import AccommodationMove

    person = _allocated(adviser, team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    move = AccommodationMove(
        young_person_id=person.pk,
        stay_id=1,
        moved_on=timezone.localdate(),
        accom_type="H",
        council_provided=True,
        previous_stay_id=None,
    )
    said = contributions.review_on_move(acting_user=adviser, young_person=person, move=move)
    assert said is not None
    assert "review is now due by" in said
    assert PlanReview.objects.get(young_person=person).reason == (
        ReviewReason.ACCOMMODATION_CHANGED
    )


# The caseload's "Review due" column ---------------------------------------------------------


def _caseload(adviser):
    return casework_selectors.with_review_dues(
        casework_selectors.caseload_for_worker(
            user=adviser, worker=adviser, today=timezone.localdate()
        ),
        today=timezone.localdate(),
    )


def test_the_caseload_review_column_is_six_months_after_the_plan_was_authorised(
    adviser, manager, team
):
    person = _allocated(adviser, team)
    make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)

    (row,) = _caseload(adviser)

    # Care Leavers (England) Regs 2010 reg 7: reviewed at intervals of not more than 6 months.
    assert row.review_due == add_months(timezone.localdate(), 6)
    assert presenters.review_due_cell(row, timezone.localdate())["text"] == govuk_date(
        row.review_due
    )


def test_a_young_person_whose_plan_is_not_authorised_has_no_review_due(adviser, manager, team):
    waiting = _allocated(adviser, team)
    make_plan(waiting, state=PlanState.SUBMITTED, writer=adviser, manager=manager)
    _allocated(adviser, team)  # no plan at all

    rows = _caseload(adviser)

    assert [row.review_due for row in rows] == [None, None]
    assert {presenters.review_due_cell(row, timezone.localdate())["text"] for row in rows} == {
        "No plan authorised yet"
    }


def test_the_caseload_page_shows_each_review_date_at_the_same_cost_for_1_or_4(
    client_for, adviser, manager, team, django_assert_num_queries
):
    url = reverse("casework:worker_caseload", kwargs={"pk": adviser.pk})

    def add_young_person_with_a_plan() -> None:
        make_plan(
            _allocated(adviser, team), state=PlanState.AUTHORISED, writer=adviser, manager=manager
        )

    def add_three() -> None:
        for _ in range(3):
            add_young_person_with_a_plan()

    add_young_person_with_a_plan()
    _, response = costs_the_same_with_more(
        client_for(user=adviser), url, add_three, django_assert_num_queries
    )

    page = response.content.decode()
    assert page.count(govuk_date(add_months(timezone.localdate(), 6))) == 4
    assert "No plan authorised yet" not in page
