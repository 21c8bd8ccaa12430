"""Pages: each does what it says, shows errors the GOV.UK way and refuses the wrong people."""

from __future__ import annotations

import datetime

import lxml.html
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careleavers.accommodation.tests.factories import StayFactory
from careleavers.accounts.roles import Role
from careleavers.casework.tests.factories import AllocationFactory
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import date_fields
from careleavers.core.tests.query_counts import costs_the_same_with_more
from careleavers.learning.tests.factories import ActivityEpisodeFactory
from careleavers.people.tests.factories import YoungPersonFactory
from careleavers.plans import schedule, selectors, services
from careleavers.plans.models import PathwayPlan, PlanState
from careleavers.plans.tests.factories import make_plan, update_section, words_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(make_user, team):
    # A team manager in the team, not recorded as its manager (as the root conftest's is).
    return make_user(Role.TEAM_MANAGER, team=team)


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(team=team, faith="Christian")


@pytest.fixture
def as_adviser(client, adviser):
    client.force_login(adviser)
    return client


def test_starting_a_plan_opens_it(as_adviser, young_person):
    response = as_adviser.post(reverse("plans:plan_start", kwargs={"pk": young_person.pk}))
    plan = PathwayPlan.objects.get(young_person=young_person)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})
    page = as_adviser.get(response["Location"]).content.decode()
    for definition in schedule.PLAN_SECTIONS:
        assert definition.title in page
    assert "Faith: Christian." in page


def test_a_restricted_record_is_refused_and_the_attempt_logged(as_adviser, adviser, team):
    hidden = YoungPersonFactory(team=team, is_restricted=True)
    response = as_adviser.get(reverse("plans:young_person_plans", kwargs={"pk": hidden.pk}))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ACCESS_REFUSED, young_person_id=hidden.pk, actor=adviser
    ).exists()


def test_the_section_page_asks_for_their_words_first_with_help_beside(
    as_adviser, adviser, young_person
):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    url = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": "contingency"})
    page = as_adviser.get(url).content.decode()
    assert page.index('name="young_persons_words"') < page.index('name="assessment"')
    assert schedule.SECTIONS_BY_KEY["contingency"].help in page
    assert "The contingency plan" in page


def test_saving_a_section(as_adviser, adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    url = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": "health"})
    response = as_adviser.post(
        url, {"version": "1", "young_persons_words": "I need a dentist.", "assessment": "Book."}
    )
    assert response.status_code == 302
    assert plan.sections.get(key="health").young_persons_words == "I need a dentist."


def test_a_stale_section_save_shows_what_changed_and_keeps_what_was_typed(
    as_adviser, adviser, make_user, team, young_person
):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    colleague = make_user(Role.SOCIAL_WORKER, team=team, first_name="Priya", last_name="Shah")
    services.plan_update(
        acting_user=colleague,
        plan=plan,
        section_key="health",
        version=1,
        young_persons_words="I am waiting for counselling.",
        assessment="",
    )
    url = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": "health"})
    response = as_adviser.post(
        url, {"version": "1", "young_persons_words": "I need a dentist.", "assessment": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Priya Shah saved the health and wellbeing section after you opened it" in page
    assert "<ins" in page
    assert "waiting for counselling" in page
    assert "I need a dentist." in page  # what they typed is still in the box
    assert 'name="version" value="2"' in page
    assert plan.sections.get(key="health").young_persons_words == "I am waiting for counselling."


def test_a_submitted_plan_cannot_be_edited_on_screen(as_adviser, adviser, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    url = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": "health"})
    response = as_adviser.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})


def test_submitting_an_incomplete_plan_lists_what_is_missing(as_adviser, adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    url = reverse("plans:plan_submit", kwargs={"plan_pk": plan.pk})
    page = as_adviser.get(url).content.decode()
    assert "cannot be submitted yet" in page
    assert "Contingency plan: the contingency plan" in page
    response = as_adviser.post(url)
    assert "govuk-error-summary" in response.content.decode()
    assert response.content.decode().count("<title>Error:") == 1


def test_each_missing_part_links_to_the_box_to_write_it_in(as_adviser, adviser, young_person):
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    page = as_adviser.get(reverse("plans:plan_submit", kwargs={"plan_pk": plan.pk})).content
    page = page.decode()
    for key, field, text in [
        ("health", "young_persons_words", "Health and wellbeing: what the young person says"),
        ("contingency", "assessment", "Contingency plan: the contingency plan"),
    ]:
        section_url = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": key})
        assert f'href="{section_url}#id_{field}">{text}</a>' in page
        assert f'id="id_{field}"' in as_adviser.get(section_url).content.decode()
    assert page.count('<li><a class="govuk-link" href="/') == len(
        services.plan_missing_before_submit(plan)
    )


def test_submitting_a_complete_plan(as_adviser, adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    response = as_adviser.post(reverse("plans:plan_submit", kwargs={"plan_pk": plan.pk}))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.state == PlanState.SUBMITTED


def test_returning_a_plan_needs_a_comment(client, manager, adviser, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    client.force_login(manager)
    url = reverse("plans:plan_decide", kwargs={"plan_pk": plan.pk})
    response = client.post(url, {"decision": "return", "comment": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Say what needs to change before you return the plan" in page
    assert 'href="#id_comment"' in page
    response = client.post(url, {"decision": "return", "comment": "More about college."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED
    assert plan.returned_comments == "More about college."


def test_authorising_a_plan(client, manager, adviser, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    client.force_login(manager)
    url = reverse("plans:plan_decide", kwargs={"plan_pk": plan.pk})
    page = client.get(url).content.decode()
    assert words_for("health") in page  # the manager reads the plan before deciding
    client.post(url, {"decision": "authorise", "comment": ""})
    plan.refresh_from_db()
    assert plan.state == PlanState.AUTHORISED


def _returned_then_resubmitted_with_new_finance_words(young_person, adviser, manager):
    """A plan returned to its worker, the young person's words on money changed, resubmitted."""
    plan = make_plan(young_person, state=PlanState.RETURNED, writer=adviser, manager=manager)
    update_section(
        plan, "finance", user=adviser, young_persons_words="I am saving ten pounds a week."
    )
    services.plan_submit(acting_user=adviser, plan=plan)
    return plan


def test_the_manager_deciding_sees_what_changed_since_it_was_returned(
    client, manager, adviser, young_person
):
    # Returned for more about money, changed, resubmitted: the decision page names the part
    # that changed and links to the two versions side by side.
    plan = _returned_then_resubmitted_with_new_finance_words(young_person, adviser, manager)
    returned = plan.state_changes.get(to_state=PlanState.RETURNED)
    client.force_login(manager)

    html = client.get(reverse("plans:plan_decide", kwargs={"plan_pk": plan.pk})).content.decode()

    assert "Since it was returned" in html
    assert "Financial support" in html.split("Since it was returned", 1)[1].split("</dd>", 1)[0]
    compare = reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    assert f"{compare}?a=c{returned.pk}&amp;b=p{plan.pk}" in html
    page = client.get(compare, {"a": f"c{returned.pk}", "b": f"p{plan.pk}"}).content.decode()
    assert "What changed: Financial support." in page


def test_the_first_plan_decided_says_there_is_nothing_to_compare(
    client, manager, adviser, young_person
):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    client.force_login(manager)
    html = client.get(reverse("plans:plan_decide", kwargs={"plan_pk": plan.pk})).content.decode()
    assert "This is their first plan: there is no authorised plan to compare it with." in html


def test_the_compare_page_starts_from_two_different_versions(
    as_adviser, adviser, manager, young_person
):
    make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    html = as_adviser.get(
        reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    ).content.decode()
    chosen = [
        part.split('value="', 1)[1].split('"', 1)[0]
        for part in html.split("<option")[1:]
        if "selected" in part.split(">", 1)[0]
    ]
    assert len(chosen) == 2
    assert chosen[0] != chosen[1]


def test_sharing_needs_the_copy_confirmed(as_adviser, adviser, manager, young_person):
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    url = reverse("plans:plan_share", kwargs={"plan_pk": plan.pk})
    data = {
        **date_fields("shared_on", timezone.localdate()),
        "method": "in_person",
        "agreement": "agrees",
        "young_persons_response": "Yes, that is my plan.",
    }
    response = as_adviser.post(url, data)
    assert "Confirm the young person was given a copy" in response.content.decode()
    response = as_adviser.post(url, {**data, "copy_given_and_explained": "on"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.state == PlanState.SHARED


def test_history_shows_what_the_plan_said_on_a_date(as_adviser, adviser, manager, young_person):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=5)):
        make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    url = reverse("plans:plan_history", kwargs={"pk": young_person.pk})
    day = timezone.localdate() - datetime.timedelta(days=4)
    page = as_adviser.get(url, date_fields("on", day)).content.decode()
    assert "Plan 1 was in force" in page
    assert words_for("finance") in page


def test_history_refuses_a_future_date(as_adviser, young_person):
    url = reverse("plans:plan_history", kwargs={"pk": young_person.pk})
    day = timezone.localdate() + datetime.timedelta(days=4)
    page = as_adviser.get(url, date_fields("on", day)).content.decode()
    assert "The date must be today or in the past" in page


def test_compare_marks_the_differences(as_adviser, adviser, manager, young_person):
    plan = _returned_then_resubmitted_with_new_finance_words(young_person, adviser, manager)
    changes = list(plan.state_changes.filter(to_state=PlanState.SUBMITTED))
    url = reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    page = as_adviser.get(url, {"a": f"c{changes[0].pk}", "b": f"c{changes[1].pk}"})
    html = page.content.decode()
    assert "What changed: Financial support." in html
    assert '<ins class="app-diff__added">' in html
    assert "ten pounds a week" in html
    assert '<del class="app-diff__removed">' in html


def test_compare_needs_two_different_versions(as_adviser, adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    url = reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    page = as_adviser.get(url, {"a": f"p{plan.pk}", "b": f"p{plan.pk}"}).content.decode()
    assert "Choose two different versions to compare" in page


def test_a_review_request_and_a_review(as_adviser, adviser, manager, young_person):
    make_plan(young_person, state=PlanState.SHARED, writer=adviser, manager=manager)
    today = timezone.localdate()
    response = as_adviser.post(
        reverse("plans:review_request", kwargs={"pk": young_person.pk}),
        {"reason": "young_person_asked", **date_fields("requested_on", today), "note": ""},
    )
    assert response.status_code == 302
    response = as_adviser.post(
        reverse("plans:review_record", kwargs={"pk": young_person.pk}),
        {
            **date_fields("held_on", today),
            "reason": "young_person_asked",
            "young_persons_views": "I want to move nearer college.",
            "what_changed": "Started an apprenticeship.",
        },
    )
    second = PathwayPlan.objects.get(young_person=young_person, number=2)
    assert response["Location"] == reverse("plans:plan_detail", kwargs={"plan_pk": second.pk})


def test_the_assessment_page_saves_and_completes(as_adviser, adviser, young_person):
    assessment = services.assessment_start(acting_user=adviser, young_person=young_person)
    url = reverse("plans:assessment_detail", kwargs={"assessment_pk": assessment.pk})
    data = {f"matter_{m.key}": f"About {m.title}" for m in schedule.ASSESSMENT_MATTERS}
    data.update(version="1", views_sought="Carer and college", outcome="Plan a move.")
    assert as_adviser.post(url, data).status_code == 302
    response = as_adviser.post(
        reverse("plans:assessment_complete", kwargs={"assessment_pk": assessment.pk}),
        date_fields("completed_on", timezone.localdate()),
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.is_complete


def test_the_managers_view_lists_plans_waiting(client, manager, adviser, young_person):
    make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    client.force_login(manager)
    page = client.get(reverse("plans:manager_view")).content.decode()
    assert "Waiting for authorisation (1)" in page
    assert escape(young_person.display_name) in page


def test_the_managers_view_shows_the_plans_waiting_a_page_at_a_time(
    client, manager, adviser, team, monkeypatch
):
    from careleavers.plans import views

    monkeypatch.setattr(views, "MANAGER_PAGE_SIZE", 2)
    people = [YoungPersonFactory(team=team) for _ in range(3)]
    for person in people:  # submitted in this order: the longest waiting come first
        make_plan(person, state=PlanState.SUBMITTED, writer=adviser)
    client.force_login(manager)
    url = reverse("plans:manager_view")
    first = client.get(url).content.decode()
    second = client.get(url + "?awaiting_page=2").content.decode()
    assert "Waiting for authorisation (3)" in first
    assert escape(people[0].display_name) in first
    assert escape(people[2].display_name) not in first
    assert escape(people[2].display_name) in second
    assert "?awaiting_page=2" in first


def test_the_managers_view_counts_every_plan_authorised_but_lists_the_newest(
    client, manager, adviser, team, monkeypatch
):
    monkeypatch.setattr(selectors, "RECENTLY_AUTHORISED_LISTED", 1)
    people = [YoungPersonFactory(team=team, category="former_relevant") for _ in range(2)]
    for person in people:
        make_plan(person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    client.force_login(manager)
    page = client.get(reverse("plans:manager_view")).content.decode()
    assert "In the last 12 months, 2 plans were authorised." in page
    listed = lxml.html.fromstring(page).xpath(
        '//h2[@id="time-to-authorise"]/following-sibling::table[1]/tbody/tr'
    )
    assert len(listed) == 1


def test_the_managers_view_costs_the_same_for_1_or_4_young_people_overdue_a_plan(
    client, manager, team, django_assert_num_queries
):
    def overdue() -> None:
        YoungPersonFactory(
            team=team,
            category="eligible",
            date_of_birth=timezone.localdate() - datetime.timedelta(days=365 * 17),
            category_since=timezone.localdate() - datetime.timedelta(days=200),
        )

    def three_more() -> None:
        for _ in range(3):
            overdue()

    overdue()
    client.force_login(manager)
    one, four = costs_the_same_with_more(
        client, reverse("plans:manager_view"), three_more, django_assert_num_queries
    )

    assert "Overdue plans (1)" in one.content.decode()
    assert "Overdue plans (4)" in four.content.decode()


def test_a_sharing_date_the_service_refuses_shows_beside_the_date(
    as_adviser, adviser, manager, young_person
):
    """The form cannot know the day the plan was authorised; the service can, and its refusal
    sits beside the date (with the summary linking to it), not in a list above the form."""
    plan = make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    assert plan.effective_from is not None
    response = as_adviser.post(
        reverse("plans:plan_share", kwargs={"plan_pk": plan.pk}),
        {
            **date_fields("shared_on", plan.effective_from - datetime.timedelta(days=1)),
            "method": "in_person",
            "agreement": "agrees",
            "copy_given_and_explained": "on",
            "young_persons_response": "Yes, that is my plan.",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors() == []
    [message] = form.errors["shared_on"]
    assert message.startswith("The date it was shared must be the same as or after")
    page = lxml.html.fromstring(response.content)
    beside = page.xpath("//p[contains(@class, 'govuk-error-message')]")
    assert [p.get("id") for p in beside if "The date it was shared" in p.text_content()] == [
        "id_shared_on-error"
    ]


# Authorising: what changed since the last authorised plan, and the record today ------------


def _second_plan(young_person, adviser, manager, *, finance_words="I am saving ten pounds."):
    """Plan 1 authorised; plan 2 written from it with new words on money, then submitted."""
    make_plan(young_person, state=PlanState.AUTHORISED, writer=adviser, manager=manager)
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    update_section(plan, "finance", user=adviser, young_persons_words=finance_words)
    services.plan_submit(acting_user=adviser, plan=plan)
    return plan


def _decide_page(client, plan):
    response = client.get(reverse("plans:plan_decide", kwargs={"plan_pk": plan.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_manager_deciding_sees_each_section_changed_since_the_last_authorised_plan(
    client, manager, adviser, young_person
):
    plan = _second_plan(young_person, adviser, manager)
    client.force_login(manager)

    page = lxml.html.fromstring(_decide_page(client, plan))

    since = page.xpath("//h3[normalize-space()='Since the last authorised plan']")[0]
    summary = since.getnext().getnext()
    rows = {
        row.xpath("normalize-space(dt)"): row.xpath("normalize-space(dd)")
        for row in summary.xpath(".//div[contains(@class, 'govuk-summary-list__row')]")
    }
    assert rows["Changed"] == "Financial support"
    assert "Health and wellbeing" in rows["Unchanged"]
    assert "Financial support" not in rows["Unchanged"]
    details = page.xpath("//details[contains(normalize-space(summary), 'Financial support')]")[0]
    assert "stay near my sister" in details.text_content()  # the old words
    assert "ten pounds" in details.text_content()  # and the new
    compare = reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    assert page.xpath(
        f"//a[starts-with(@href, '{compare}?a=c') and contains(@href, 'b=p{plan.pk}')]"
    )


def test_the_manager_deciding_sees_the_record_contradict_the_plan(
    client, manager, adviser, young_person
):
    plan = make_plan(young_person, state=PlanState.RETURNED, writer=adviser, manager=manager)
    for key, planned in (
        ("education_and_training", "F4"),
        ("accommodation", "B"),
        ("contact_and_support", adviser),
    ):
        update_section(plan, key, user=adviser, planned=planned)
    services.plan_submit(acting_user=adviser, plan=plan)
    ActivityEpisodeFactory(young_person=young_person, activ="F2", created_by=manager)
    StayFactory(young_person=young_person, accom_type="D", modified_by=adviser)
    allocation = AllocationFactory(young_person=young_person, created_by=manager)
    client.force_login(manager)

    html = _decide_page(client, plan)

    today = format_date(timezone.localdate())
    assert (
        escape(
            "The plan says “Full time in an apprenticeship”. Their record says “Full time in "
            f"education other than higher education” (recorded on {today} by {manager})."
        )
        in html
    )
    assert escape("The plan says “With parent(s) or relative(s)”") in html
    assert (
        escape(
            f"The plan says their personal adviser is {adviser}. Their record says "
            f"{allocation.worker} is allocated as their personal adviser"
        )
        in html
    )


def test_a_plan_that_agrees_with_the_record_shows_no_contradiction(
    client, manager, adviser, young_person
):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    ActivityEpisodeFactory(young_person=young_person, activ="F2")
    client.force_login(manager)

    html = _decide_page(client, plan)

    assert "Nothing on their record today contradicts" in html
    assert "The plan says" not in html


def test_an_adviser_cannot_open_the_authorise_page(as_adviser, adviser, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    response = as_adviser.get(reverse("plans:plan_decide", kwargs={"plan_pk": plan.pk}))
    assert response.status_code == 403


def _decide_queries(client, plan):
    with CaptureQueriesContext(connection) as queries:
        _decide_page(client, plan)
    return len(queries)


def test_the_authorise_page_costs_the_same_queries_however_many_versions(
    client, manager, adviser, team
):
    # Both plans were returned at least once, so the page compares twice for each: since the
    # last authorised plan and since it was returned.
    few = _second_plan(YoungPersonFactory(team=team), adviser, manager)
    services.plan_return(acting_user=manager, plan=few, comment="More please.")
    few.refresh_from_db()
    services.plan_submit(acting_user=adviser, plan=few)
    many = _second_plan(YoungPersonFactory(team=team), adviser, manager)
    for round_ in range(3):  # returned and resubmitted three times, with actions added
        services.plan_return(acting_user=manager, plan=many, comment="More please.")
        many.refresh_from_db()
        services.plan_action_save(
            acting_user=adviser,
            plan=many,
            section_key="health",
            what=f"Book a dentist, round {round_}",
            who="Young person",
            by_when=timezone.localdate(),
        )
        services.plan_submit(acting_user=adviser, plan=many)
        many.refresh_from_db()
    client.force_login(manager)
    _decide_page(client, few)  # warm the session and caches alike

    assert _decide_queries(client, many) == _decide_queries(client, few)


def test_the_plan_page_links_to_the_comparison_with_the_last_authorised_plan(
    as_adviser, adviser, manager, young_person
):
    plan = _second_plan(young_person, adviser, manager)
    first = PathwayPlan.objects.get(young_person=young_person, number=1)
    authorised = first.state_changes.get(to_state=PlanState.AUTHORISED)
    html = as_adviser.get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})).content
    compare = reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    assert f'href="{compare}?plan={plan.pk}"' in html.decode()

    page = as_adviser.get(compare, {"plan": plan.pk}).content.decode()

    chosen = [
        part.split('value="', 1)[1].split('"', 1)[0]
        for part in page.split("<option")[1:]
        if "selected" in part.split(">", 1)[0]
    ]
    assert chosen == [f"c{authorised.pk}", f"p{plan.pk}"]
    assert "What changed: Financial support." in page


@pytest.mark.parametrize("value", ["²", "-1", "abc", "99999999999999999999"])
def test_the_compare_page_starts_from_their_newest_plan_if_the_plan_named_is_not_theirs(
    as_adviser, adviser, manager, young_person, value
):
    _second_plan(young_person, adviser, manager)
    url = reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    response = as_adviser.get(url, {"plan": value})
    assert response.status_code == 200
    # The newest plan against the last authorised one, as if no plan was named.
    assert "What changed: Financial support." in response.content.decode()


def test_the_compare_page_says_when_there_is_only_one_version(as_adviser, adviser, young_person):
    make_plan(young_person, writer=adviser)
    page = as_adviser.get(
        reverse("plans:plan_compare", kwargs={"pk": young_person.pk})
    ).content.decode()
    assert "There is only one version" in page
    assert "<select" not in page


def test_a_section_records_its_structured_answer(as_adviser, adviser, young_person):
    plan = make_plan(young_person, writer=adviser)
    section = plan.sections.get(key="education_and_training")
    url = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": section.key})
    form = as_adviser.get(url).content.decode()
    assert "What they will mainly be doing" in form

    as_adviser.post(
        url,
        {
            "version": section.version,
            "young_persons_words": "I want to be an electrician.",
            "assessment": section.assessment,
            "planned_activity": "F4",
        },
    )

    section.refresh_from_db()
    assert section.planned_activity == "F4"
    detail = as_adviser.get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk}))
    assert "Full time in an apprenticeship" in detail.content.decode()


def test_while_it_is_written_each_section_says_what_it_still_needs(
    as_adviser, adviser, young_person
):
    # The review found the plan page had no per-section status: a worker learnt what was
    # missing only when submitting.
    plan = services.plan_create(acting_user=adviser, young_person=young_person)
    update_section(plan, "health", user=adviser, young_persons_words="I want to see a dentist.")
    page = as_adviser.get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})).content
    page = page.decode()

    tasks = page[page.index('<ul class="govuk-task-list">') :]
    tasks = tasks[: tasks.index("</ul>")]
    items = tasks.split('<li class="govuk-task-list__item')[1:]
    assert len(items) == len(schedule.PLAN_SECTIONS)
    by_key = {
        section.key: item for section, item in zip(schedule.PLAN_SECTIONS, items, strict=True)
    }
    health = reverse("plans:section_edit", kwargs={"plan_pk": plan.pk, "key": "health"})
    assert f'href="{health}"' in by_key["health"]
    assert "Completed" in by_key["health"]
    assert "Still to write" not in by_key["health"]
    # Identity starts with what their record says about them; their own words are still due.
    assert "Incomplete" in by_key["identity"]
    assert "Still to write: what the young person says" in by_key["identity"]
    untouched = next(key for key in by_key if key not in {"health", "identity", "contingency"})
    assert "Not yet started" in by_key[untouched]
    assert (
        "Still to write: what the young person says and the contingency plan"
        in by_key["contingency"]
    )
    assert "You have completed 1 of" in page


def test_a_plan_that_is_not_being_written_has_no_task_list(as_adviser, adviser, young_person):
    plan = make_plan(young_person, state=PlanState.SUBMITTED, writer=adviser)
    page = as_adviser.get(reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})).content
    assert b"govuk-task-list" not in page
    assert b'aria-label="Sections of the plan"' in page
