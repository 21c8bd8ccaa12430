from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.casework import services
from careleavers.casework.models import (
    Allocation,
    CaseNote,
    Contact,
    DutyLogEntry,
    Notification,
    PlannedHandover,
)
from careleavers.casework.tests.factories import (
    AllocationFactory,
    ContactFactory,
    NotificationFactory,
)
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY
from careleavers.core.tests.pages import form_data
from careleavers.core.tests.query_counts import costs_the_same_with_more
from careleavers.people.chronology import sources
from careleavers.people.overview import overview_panels
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db

ONE_DAY = datetime.timedelta(days=1)


def contact_form(worker: Any, when: datetime.datetime, **overrides: Any) -> dict[str, Any]:
    local = timezone.localtime(when)
    data = {
        "occurred_on-day": local.day,
        "occurred_on-month": local.month,
        "occurred_on-year": local.year,
        "occurred_time-hour": local.hour,
        "occurred_time-minute": local.minute,
        "worker": worker.pk,
        "method": "home_visit",
        "made_contact": "yes",
        "seen": "yes",
        "seen_alone": "yes",
        "purpose": "Statutory visit",
        "young_persons_views": "I want to start college in September.",
        "notes": "Flat is warm and tidy.",
        "written_to_young_person": "no",
        # A new form's key (core/submissions.py): each call is a separate form.
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


# Contacts -------------------------------------------------------------------------------------


def test_an_adviser_records_a_contact_after_correcting_a_mistake(
    client_for, adviser, young_person
):
    client = client_for(user=adviser)
    url = reverse("casework:contact_add", kwargs={"pk": young_person.pk})
    services.contact_due_refresh(young_person=young_person, today=TODAY)
    assert client.get(url).status_code == 200

    yesterday = timezone.now() - datetime.timedelta(days=1)
    mistaken = contact_form(
        adviser, yesterday, made_contact="no", seen="", seen_alone="", **{"occurred_time-hour": ""}
    )
    response = client.post(url, mistaken)

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter why you could not make contact" in page
    assert "Time of the contact must include an hour" in page
    assert page.count('class="govuk-error-message"') == 2
    assert not Contact.objects.exists()

    response = client.post(url, contact_form(adviser, yesterday))

    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.last_visit_on == timezone.localtime(yesterday).date()
    assert young_person.next_contact_due == young_person.last_visit_on + datetime.timedelta(
        weeks=8
    )


def test_no_contact_made_but_seen_alone_is_refused_beside_each_answer(
    client_for, adviser, young_person
):
    # "No contact" with "seen alone" used to be saved as a failed attempt with the second answer
    # dropped; the worker may have meant either, so both answers are questioned.
    client = client_for(user=adviser)
    url = reverse("casework:contact_add", kwargs={"pk": young_person.pk})
    yesterday = timezone.now() - datetime.timedelta(days=1)

    response = client.post(
        url,
        contact_form(adviser, yesterday, made_contact="no", failed_reason="Not in", seen="yes"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("You said you did not make contact, so select") == 4  # summary and field
    assert not Contact.objects.exists()


def test_a_contact_with_no_date_says_so_in_plain_words(client_for, adviser, young_person):
    client = client_for(user=adviser)
    url = reverse("casework:contact_add", kwargs={"pk": young_person.pk})
    data = contact_form(adviser, timezone.now() - datetime.timedelta(days=1))
    data.update({"occurred_on-day": "", "occurred_on-month": "", "occurred_on-year": ""})

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.content.decode().count("Enter the date of the contact") == 2
    assert not Contact.objects.exists()


def test_not_seen_in_person_but_seen_alone_is_refused(client_for, adviser, young_person):
    client = client_for(user=adviser)
    url = reverse("casework:contact_add", kwargs={"pk": young_person.pk})
    yesterday = timezone.now() - datetime.timedelta(days=1)

    response = client.post(url, contact_form(adviser, yesterday, method="phone", seen="no"))

    assert response.status_code == 200
    assert "You said you did not see them in person" in response.content.decode()
    assert not Contact.objects.exists()


def test_an_adviser_cannot_record_a_contact_for_someone_they_cannot_see(client_for, adviser):
    elsewhere = YoungPersonFactory()  # another team, not allocated to them
    client = client_for(user=adviser)
    url = reverse("casework:contact_add", kwargs={"pk": elsewhere.pk})

    assert client.get(url).status_code == 403
    response = client.post(url, contact_form(adviser, timezone.now()))

    assert response.status_code == 403
    assert not Contact.objects.exists()
    assert AuditEvent.objects.filter(
        action="access_refused", young_person_id=elsewhere.pk
    ).exists()


def test_a_restricted_record_is_refused_even_in_the_same_team(client_for, adviser, team):
    restricted = YoungPersonFactory(team=team, is_restricted=True)

    response = client_for(user=adviser).get(
        reverse("casework:contact_list", kwargs={"pk": restricted.pk})
    )

    assert response.status_code == 403


def test_an_administrator_cannot_open_case_pages(client_for, young_person):
    client = client_for(Role.ADMINISTRATOR)

    assert client.get(reverse("casework:work_tray")).status_code == 403
    assert (
        client.get(reverse("casework:contact_list", kwargs={"pk": young_person.pk})).status_code
        == 403
    )


def test_the_author_corrects_within_the_window_and_amends_after_it(
    client_for, adviser, young_person
):
    client = client_for(user=adviser)
    contact = ContactFactory(young_person=young_person, worker=adviser, notes="First notes")
    correct = reverse("casework:contact_correct", kwargs={"pk": contact.pk})
    amend = reverse("casework:contact_amend", kwargs={"pk": contact.pk})

    data = contact_form(adviser, contact.occurred_at, notes="Corrected notes", version=1)
    assert client.post(correct, data).status_code == 302
    contact.refresh_from_db()
    assert contact.notes == "Corrected notes"
    assert not contact.amendments.exists()

    Contact.objects.filter(pk=contact.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1)
    )
    response = client.get(correct)
    assert response.status_code == 302
    assert response["Location"] == amend

    data = contact_form(
        adviser, contact.occurred_at, notes="Amended notes", version=2, reason="Wrong flat"
    )
    assert client.post(amend, data).status_code == 302

    detail = client.get(reverse("casework:contact_detail", kwargs={"pk": contact.pk}))
    page = detail.content.decode()
    assert "The original record" in page
    assert "Corrected notes" in page  # the original, as it stood before the amendment
    assert "Amended notes" in page
    assert "Reason: Wrong flat" in page


def _manager_corrects_the_purpose(manager: Any, contact: Any) -> None:
    """A manager's amendment, which moves the contact on to version 2."""
    services.contact_amend(
        acting_user=manager,
        contact=contact,
        expected_version=1,
        changes={"purpose": "Review"},
        reason="Purpose missing",
    )


def test_a_stale_correction_is_refused_with_what_changed(
    client_for, adviser, young_person, manager
):
    contact = ContactFactory(young_person=young_person, worker=adviser, notes="Notes")
    _manager_corrects_the_purpose(manager, contact)

    response = client_for(user=adviser).post(
        reverse("casework:contact_correct", kwargs={"pk": contact.pk}),
        contact_form(adviser, contact.occurred_at, notes="Mine", version=1),
    )

    assert response.status_code == 200
    page = response.content.decode()
    # The history names the manager even though their amendment was made outside a request.
    assert f"{escape(manager.get_full_name())} changed this contact record" in page
    assert "What the contact was for" in page
    contact.refresh_from_db()
    assert contact.notes == "Notes"


def test_a_correction_the_service_refuses_as_it_saves_goes_to_amending(
    client_for, adviser, young_person, monkeypatch
):
    # The page's own check passes; the service's, as it saves, finds the window has closed.
    contact = ContactFactory(young_person=young_person, worker=adviser, notes="Notes")
    still_correct = services.can_still_correct
    checks: list[bool] = []

    def page_check_passes(**kwargs: Any) -> bool:
        checks.append(True)
        return len(checks) == 1 or still_correct(**kwargs)

    monkeypatch.setattr(services, "can_still_correct", page_check_passes)
    Contact.objects.filter(pk=contact.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1)
    )

    client = client_for(user=adviser)
    response = client.post(
        reverse("casework:contact_correct", kwargs={"pk": contact.pk}),
        contact_form(adviser, contact.occurred_at, notes="Mine", version=1),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:contact_amend", kwargs={"pk": contact.pk})
    assert len(checks) == 2
    assert "Add an amendment instead" in client.get(response["Location"]).content.decode()
    contact.refresh_from_db()
    assert contact.notes == "Notes"


# Allocation and caseloads ---------------------------------------------------------------------


def test_a_manager_reallocates_from_the_team_caseload_with_a_reason(
    client_for, manager, adviser, young_person, team, make_user
):
    new_adviser = make_user(Role.PERSONAL_ADVISER, team=team)
    client = client_for(user=manager)
    caseload = reverse("casework:team_caseload", kwargs={"pk": team.pk})
    page = client.get(caseload).content.decode()
    change = reverse("casework:allocation_change", kwargs={"pk": young_person.pk})
    assert f"{change}?role=pa" in page

    response = client.post(
        change,
        form_data(
            client.get(f"{change}?role=pa&next={caseload}"),
            worker=new_adviser.pk,
            reason="MANAGE",
            reason_note="Balancing caseloads after a new starter.",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == caseload
    current = Allocation.objects.get(young_person=young_person, role="pa", end__isnull=True)
    assert current.worker == new_adviser
    assert current.is_change
    history = client.get(reverse("casework:allocation_history", kwargs={"pk": young_person.pk}))
    assert "Caseload balancing" in history.content.decode()


def test_a_manager_plans_a_handover_with_an_introduction_and_can_cancel_it(
    client_for, manager, adviser, young_person, team, make_user, django_capture_on_commit_callbacks
):
    successor = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Sam", last_name="Ng")
    client = client_for(user=manager)
    change = reverse("casework:allocation_change", kwargs={"pk": young_person.pk}) + "?role=pa"
    takes_over = TODAY + datetime.timedelta(days=30)
    meets = TODAY + datetime.timedelta(days=14)
    typed = form_data(
        client.get(change),
        worker=successor.pk,
        reason="LEFTRL",
        **{
            "start-day": takes_over.day,
            "start-month": takes_over.month,
            "start-year": takes_over.year,
            "introduction_on-day": meets.day,
            "introduction_on-month": meets.month,
            "introduction_on-year": meets.year,
            "introduction_time-hour": "15",
            "introduction_time-minute": "00",
            "introduction_place": "",
        },
    )

    missing_place = client.post(change, typed)
    assert "Enter where the introduction visit is" in missing_place.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        planned = client.post(change, {**typed, "introduction_place": "at your flat"})

    assert planned.status_code == 302
    current = Allocation.objects.get(young_person=young_person, role="pa", end__isnull=True)
    assert current.worker == adviser  # until the day
    history_url = reverse("casework:allocation_history", kwargs={"pk": young_person.pk})
    history = client.get(history_url).content.decode()
    assert "Sam Ng takes over as personal adviser on" in history
    assert "at your flat" in history

    handover = PlannedHandover.objects.get()
    cancel = reverse("casework:handover_cancel", kwargs={"pk": handover.pk})
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(cancel, {"reason": "Priya is staying after all"})
    assert cancelled.status_code == 302
    assert "Planned handovers" not in client.get(history_url).content.decode()


def test_the_reasons_offered_are_for_care_leavers_each_said_once(client_for, manager):
    from careleavers.casework.forms import AllocationForm

    offered = [value for value, _ in AllocationForm.base_fields["reason"].choices if value]
    assert "CHCHAN" not in offered  # "Child requested change": the young person's own is YPREQ
    assert "PCCHAN" not in offered  # a parent or carer does not choose an adult's worker
    assert not {"CASELOAD", "ABSENCE"} & set(offered)  # the same as MANAGE and ABSENC
    assert {"YPREQ", "MANAGE", "ABSENC", "LEFTRL", "OTHERS"} <= set(offered)


def test_reallocation_without_a_reason_shows_the_error(client_for, manager, young_person, team):
    response = client_for(user=manager).post(
        reverse("casework:allocation_change", kwargs={"pk": young_person.pk}),
        {"role": "pa", "worker": "", "reason": ""},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Select the new personal adviser" in page
    assert "Select the reason for this allocation" in page


def test_an_adviser_cannot_reallocate(client_for, adviser, young_person):
    response = client_for(user=adviser).get(
        reverse("casework:allocation_change", kwargs={"pk": young_person.pk})
    )

    assert response.status_code == 403


def test_the_caseloads_page_costs_the_same_for_1_or_3_teams_of_any_size(
    client_for, make_user, team, django_assert_num_queries
):
    client = client_for(user=make_user(Role.HEAD_OF_SERVICE))
    YoungPersonFactory(team=team)

    def add_two_teams_of_five() -> None:
        for _ in range(2):
            other = TeamFactory()
            for _ in range(5):
                AllocationFactory(young_person=YoungPersonFactory(team=other), is_change=True)

    one, response = costs_the_same_with_more(
        client, reverse("casework:caseloads"), add_two_teams_of_five, django_assert_num_queries
    )

    assert one.status_code == 200
    page = response.content.decode()
    assert page.count("/caseloads/teams/") == 3
    assert page.count('<td class="govuk-table__cell govuk-table__cell--numeric">5</td>') == 4


def test_the_team_caseload_page_costs_the_same_for_1_or_15_young_people(
    client_for, manager, adviser, team, django_assert_num_queries
):
    url = reverse("casework:team_caseload", kwargs={"pk": team.pk})
    YoungPersonFactory(team=team)

    def add_fourteen() -> None:
        for _ in range(14):
            AllocationFactory(young_person=YoungPersonFactory(team=team), worker=adviser)

    one, response = costs_the_same_with_more(
        client_for(user=manager), url, add_fourteen, django_assert_num_queries
    )

    assert one.status_code == 200
    assert response.content.decode().count("/allocation/change/?role=pa") == 15


# Work tray and duty ---------------------------------------------------------------------------


def test_the_work_tray_page_costs_the_same_for_1_or_15_items(
    client_for, adviser, team, django_assert_num_queries
):
    def add_item() -> None:
        AllocationFactory(
            young_person=YoungPersonFactory(team=team, next_contact_due=TODAY), worker=adviser
        )

    def add_fourteen() -> None:
        for _ in range(14):
            add_item()

    add_item()
    _, response = costs_the_same_with_more(
        client_for(user=adviser),
        reverse("casework:work_tray"),
        add_fourteen,
        django_assert_num_queries,
    )

    assert response.content.decode().count("Visit due today") == 15


def test_a_tray_narrows_to_one_kind_of_work_or_what_is_overdue(client_for, adviser, team):
    # A visit overdue, a visit due today and a message: choosing a kind or "only overdue"
    # leaves just those, the choices say how many of each there are, and names open records.
    late = YoungPersonFactory(
        team=team, next_contact_due=TODAY - datetime.timedelta(days=3), last_name="Late"
    )
    AllocationFactory(young_person=late, worker=adviser)
    AllocationFactory(
        young_person=YoungPersonFactory(team=team, next_contact_due=TODAY), worker=adviser
    )
    NotificationFactory(recipient=adviser, message="Please call the college")
    client = client_for(user=adviser)
    url = reverse("casework:work_tray")

    everything = client.get(url).content.decode()
    assert "All kinds (3)" in everything
    assert f'href="{reverse("people:overview", kwargs={"pk": late.pk})}"' in everything

    visits = client.get(url, {"kind": "contact_due"}).content.decode()
    assert visits.count("Visit due today") == 1
    assert "Please call the college" not in visits
    assert "Show everything (3)" in visits

    overdue = client.get(url, {"due": "overdue"}).content.decode()
    assert "Visit due today" not in overdue
    assert "Please call the college" not in overdue
    assert escape(late.display_name) in overdue

    this_week = client.get(url, {"due": "week"}).content.decode()
    assert "Visit due today" in this_week
    assert escape(late.display_name) not in this_week


def test_the_tray_heading_and_its_tabs_use_the_same_words(client_for, manager):
    # The review of 5 December found "Your team's work tray" under a tab "My team's work".
    client = client_for(user=manager)
    url = reverse("casework:work_tray")

    team = client.get(url, {"show": "team"}).content.decode()
    mine = client.get(url, {"show": "mine"}).content.decode()

    assert "Your team's work tray</h1>" in team
    assert """aria-current="page">Your team's work</a>""" in team
    assert "Your work tray</h1>" in mine
    assert 'aria-current="page">Your work</a>' in mine
    assert "My work" not in team + mine
    assert "My team" not in team + mine


def test_a_team_tray_narrows_to_one_worker_and_its_pages_keep_the_filters(
    client_for, manager, adviser, team, make_user
):
    # 51 overdue visits for one adviser (more than a page) and one for a colleague. Names fixed:
    # a drawn name such as O'Brien is written differently in the page's text and its links.
    adviser.first_name, adviser.last_name = "Sam", "Okafor"
    adviser.save(update_fields=["first_name", "last_name"])
    colleague = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Jo", last_name="Bloggs")
    for _ in range(51):
        AllocationFactory(
            young_person=YoungPersonFactory(team=team, next_contact_due=TODAY - ONE_DAY),
            worker=adviser,
        )
    AllocationFactory(
        young_person=YoungPersonFactory(team=team, next_contact_due=TODAY - ONE_DAY),
        worker=colleague,
    )
    client = client_for(user=manager)
    url = reverse("casework:work_tray")

    everything = client.get(url, {"show": "team"}).content.decode()
    # So many visits show as one row that opens them, with the count.
    assert "Visits due (52)" in everything
    assert everything.count(">Visit overdue by 1 day</a>") == 0
    assert f"{escape(colleague.get_full_name())} (1)" in everything

    query = {"show": "team", "kind": "contact_due", "worker": adviser.get_full_name()}
    first = client.get(url, query).content.decode()
    assert first.count(">Visit overdue by 1 day</a>") == 50
    assert "Jo Bloggs</td>" not in first
    worker = escape(adviser.get_full_name()).replace(" ", "+")
    assert f"show=team&amp;kind=contact_due&amp;worker={worker}&amp;page=2" in first
    second = client.get(url, {**query, "page": "2"}).content.decode()
    assert second.count(">Visit overdue by 1 day</a>") == 1


def test_a_kind_that_is_not_in_the_list_is_refused_with_a_message(client_for, adviser):
    NotificationFactory(recipient=adviser, message="Please call the college")

    page = client_for(user=adviser).get(reverse("casework:work_tray"), {"kind": "nonsense"})

    assert "Choose a kind of work from the list" in page.content.decode()
    assert "Please call the college" in page.content.decode()  # narrowed by nothing


def _duty_post(child_id: str, **overrides: Any) -> dict[str, Any]:
    """A filled duty form about the young person with this council child ID."""
    now = timezone.localtime() - datetime.timedelta(minutes=5)
    return {
        "occurred_on-day": now.day,
        "occurred_on-month": now.month,
        "occurred_on-year": now.year,
        "occurred_time-hour": now.hour,
        "occurred_time-minute": now.minute,
        "caller": "Her aunt, Mrs Quartermaine",
        "method": "phone",
        "child_id": child_id,
        "need": "Worried about the new boyfriend at the flat.",
        "action_taken": "Rang the police non-emergency line.",
        **overrides,
    }


def test_a_duty_call_reaches_the_allocated_adviser_work_tray(
    client_for, make_user, adviser, young_person, django_capture_on_commit_callbacks
):
    duty = client_for(Role.DUTY_WORKER)
    with django_capture_on_commit_callbacks(execute=True):
        response = duty.post(
            reverse("casework:duty_add"),
            _duty_post(
                young_person.child_id,
                caller="Their college tutor",
                need="They have not been in for a week.",
                action_taken="Said their adviser will call back today.",
                urgent="on",
            ),
        )
    assert response.status_code == 302

    tray = client_for(user=adviser).get(reverse("casework:work_tray")).content.decode()

    assert "Their college tutor" in tray
    assert "Urgent" in tray


def test_an_unknown_child_id_is_an_error_next_to_the_field(client_for):
    response = client_for(Role.DUTY_WORKER).post(
        reverse("casework:duty_add"),
        _duty_post("NOBODY", caller="A neighbour", need="Noise", action_taken="Advice"),
    )

    assert response.status_code == 200
    assert "No young person you can see has that council child ID" in response.content.decode()


def test_searching_and_choosing_on_the_duty_form_keep_everything_typed(client_for, young_person):
    # The duty worker types the notes while on the phone, then looks the young person up:
    # searching and choosing post the one form back, so nothing typed is lost and nothing saved.
    client = client_for(Role.DUTY_WORKER)
    url = reverse("casework:duty_add")
    typed = {
        "caller": "Their landlord",
        "method": "phone",
        "need": "The boiler has broken and the flat is cold.",
        "action_taken": "",
        "occurred_time-hour": "3",
        "occurred_time-minute": "21",
    }

    found = client.post(url, {**typed, "q": young_person.last_name, "search": "1"})
    html = found.content.decode()
    assert f'name="choose" value="{young_person.child_id}"' in html
    assert "The boiler has broken and the flat is cold." in html
    assert 'value="Their landlord"' in html
    assert "There is a problem" not in html

    chosen = client.post(
        url, {**typed, "q": young_person.last_name, "choose": young_person.child_id}
    )
    html = chosen.content.decode()
    assert f'name="child_id" value="{young_person.child_id}"' in html
    assert f"About {escape(young_person.display_name)}" in html
    assert "The boiler has broken and the flat is cold." in html
    assert "There is a problem" not in html
    assert not DutyLogEntry.objects.exists()


def test_choosing_a_young_person_with_a_hostile_id_changes_nothing(client_for):
    response = client_for(Role.DUTY_WORKER).post(
        reverse("casework:duty_add"), {"choose": "\x00", "caller": "Someone"}
    )
    assert response.status_code == 200
    assert not DutyLogEntry.objects.exists()


def test_a_new_duty_form_starts_at_the_date_and_time_now(client_for):
    with time_machine.travel(
        timezone.make_aware(datetime.datetime(2026, 12, 5, 3, 21)), tick=False
    ):
        html = client_for(Role.DUTY_WORKER).get(reverse("casework:duty_add")).content.decode()
    assert 'name="occurred_on-day" value="5"' in html
    assert 'name="occurred_on-year" value="2026"' in html
    assert 'name="occurred_time-minute" value="21"' in html


def test_marking_a_message_read_takes_it_out_of_the_tray(client_for, adviser):
    notification = NotificationFactory(recipient=adviser, message="Please call the college")
    client = client_for(user=adviser)

    response = client.post(
        reverse("casework:notification_read", kwargs={"pk": notification.pk}),
        {"next": reverse("casework:work_tray")},
    )

    assert response.status_code == 302
    assert (
        "Please call the college" not in client.get(reverse("casework:work_tray")).content.decode()
    )
    assert Notification.objects.get(pk=notification.pk).read_at is not None


def test_someone_elses_message_cannot_be_marked_read(client_for, adviser, make_user):
    notification = NotificationFactory(recipient=adviser)

    response = client_for(Role.PERSONAL_ADVISER).post(
        reverse("casework:notification_read", kwargs={"pk": notification.pk})
    )

    assert response.status_code == 404


# The record: overview panels and chronology ---------------------------------------------------


def test_the_overview_shows_who_works_with_them_and_what_is_due(
    client_for, adviser, young_person, manager
):
    services.contact_record(
        acting_user=adviser,
        young_person=young_person,
        worker=adviser,
        occurred_at=timezone.now() - datetime.timedelta(days=70),
        method="home_visit",
        seen=True,
    )
    services.alert_raise(
        acting_user=manager,
        young_person=young_person,
        kind="risk_to_staff",
        description="Visit in pairs.",
    )

    # Casework's own panels, as the people app's overview renders them.
    page = "".join(
        render_to_string(
            panel.template,
            {
                **panel.context(young_person=young_person, user=adviser),
                "young_person": young_person,
            },
        )
        for panel in overview_panels
        if panel.key.startswith("casework.")
    )

    assert "Who works with me" in page
    assert escape(adviser.get_full_name()) in page
    assert "Overdue by" in page
    assert "Record a contact" in page
    assert "Visit in pairs." in page


def test_the_chronology_has_contacts_amendments_allocations_and_alerts(
    adviser, young_person, manager
):
    contact = ContactFactory(young_person=young_person, worker=adviser)
    _manager_corrects_the_purpose(manager, contact)
    services.alert_raise(
        acting_user=manager, young_person=young_person, kind="safeguarding", description="Risk"
    )

    kinds = [
        entry.title
        for source in sources()
        if source.kind in {"contact", "allocation", "alert", "case_note", "duty"}
        for entry in source.entries(young_person=young_person, user=adviser)
    ]

    assert "Contact record amended" in kinds
    assert any(title.startswith("Home visit") for title in kinds)
    assert any("became their personal adviser" in title for title in kinds)
    assert "Alert raised: safeguarding concern" in kinds


# Duty entries about a restricted record ------------------------------------------------------


@pytest.fixture
def restricted(make_user: Any, team: Any, adviser: Any) -> Any:
    named_duty = make_user(Role.DUTY_WORKER)
    young_person = YoungPersonFactory(
        team=team,
        # A surname no generated member of staff can have: the tests look for it on pages that
        # also show staff names (a duty worker called White once made one fail).
        last_name="Adeyemi-Lockhart",
        is_restricted=True,
        restriction_reason="A member of staff is related to her.",
        restricted_to=[adviser, named_duty],
    )
    AllocationFactory(young_person=young_person, worker=adviser)
    return young_person, named_duty


def test_what_a_duty_entry_says_about_a_restricted_record_is_shown_only_to_those_named(
    client_for, adviser, restricted
):
    young_person, named_duty = restricted
    saved = client_for(user=named_duty).post(
        reverse("casework:duty_add"), _duty_post(young_person.child_id)
    )
    assert saved.status_code == 302
    detail = saved["Location"]
    words = ("Quartermaine", "boyfriend", "police non-emergency", young_person.last_name)

    for role in (Role.DUTY_WORKER, Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER):
        client = client_for(role)
        log = client.get(reverse("casework:duty_log")).content.decode()
        page = client.get(detail)
        assert page.status_code == 200, role
        shown = page.content.decode()
        assert not [word for word in words if word in log or word in shown], role
        assert "A restricted record" in shown

    named = client_for(user=adviser).get(detail).content.decode()
    assert all(word in named for word in words[:3])


def test_a_duty_call_about_a_restricted_record_is_passed_only_to_someone_named_on_it(
    client_for, make_user, restricted, django_capture_on_commit_callbacks
):
    young_person, named_duty = restricted
    outsider = make_user(Role.PERSONAL_ADVISER)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user=named_duty).post(
            reverse("casework:duty_add"), _duty_post(young_person.child_id, passed_to=outsider.pk)
        )

    assert response.status_code == 200
    assert "cannot open this young person" in response.content.decode()
    assert not Notification.objects.filter(recipient=outsider).exists()


# Forms sent twice, and two managers at once ---------------------------------------------------


@pytest.mark.parametrize(
    ("url_name", "model", "fields"),
    [
        pytest.param(
            "casework:case_note_add",
            CaseNote,
            {
                "title": "Phone call",
                "body": "Talked about college.",
                "written_to_young_person": "no",
                "contains_third_party_information": "no",
            },
            id="case note",
        ),
        pytest.param(
            "casework:contact_add",
            Contact,
            {
                "method": "home_visit",
                "made_contact": "yes",
                "seen": "yes",
                "seen_alone": "yes",
                "written_to_young_person": "no",
            },
            id="contact",
        ),
    ],
)
def test_a_form_sent_twice_saves_one_record(
    client_for, adviser, young_person, url_name, model, fields
):
    client = client_for(user=adviser)
    url = reverse(url_name, kwargs={"pk": young_person.pk})
    filled = form_data(client.get(url), **fields)

    first = client.post(url, filled)
    again = client.post(url, filled)

    assert (first.status_code, again.status_code) == (302, 302)
    assert model.objects.filter(young_person=young_person).count() == 1
    assert AuditEvent.objects.filter(action="create", subject_type=model._meta.label).count() == 1


def test_two_managers_reallocating_at_once_make_one_change_and_the_second_is_told(
    client_for, make_user, team, adviser, young_person
):
    first_manager = client_for(user=make_user(Role.TEAM_MANAGER, team=team, first_name="Ann"))
    second_manager = client_for(Role.HEAD_OF_SERVICE)
    bea = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Bea", last_name="Two")
    cal = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Cal", last_name="Three")
    url = reverse("casework:allocation_change", kwargs={"pk": young_person.pk}) + "?role=pa"
    first_form, second_form = first_manager.get(url), second_manager.get(url)

    first = first_manager.post(url, form_data(first_form, worker=bea.pk, reason="MANAGE"))
    second = second_manager.post(url, form_data(second_form, worker=cal.pk, reason="MANAGE"))

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "changed their personal adviser to Bea Two" in page
    assert "Nothing you entered was saved" in page
    current = Allocation.objects.get(young_person=young_person, role="pa", end__isnull=True)
    assert current.worker == bea
    assert Allocation.objects.filter(young_person=young_person, is_change=True).count() == 1


def test_a_manager_moves_a_leaving_advisers_caseload_from_their_caseload_page(
    client_for, manager, adviser, team, make_user
):
    successor = make_user(Role.PERSONAL_ADVISER, team=team)
    people = [YoungPersonFactory(team=team) for _ in range(2)]
    for person in people:
        AllocationFactory(
            young_person=person, worker=adviser, start=TODAY - datetime.timedelta(30)
        )
    client = client_for(user=manager)
    caseload = client.get(reverse("casework:worker_caseload", kwargs={"pk": adviser.pk}))
    url = reverse("casework:worker_caseload_move", kwargs={"pk": adviser.pk})
    assert url in caseload.content.decode()
    page = client.get(url).content.decode()
    assert all(escape(person.display_name) in page for person in people)

    response = client.post(
        url,
        {
            "role": "pa",
            "worker": successor.pk,
            "reason": "LEFTRL",
            "reason_note": "",
            "start-day": TODAY.day,
            "start-month": TODAY.month,
            "start-year": TODAY.year,
        },
    )

    assert response.status_code == 302
    assert Allocation.objects.filter(worker=successor, end__isnull=True).count() == 2


def test_an_adviser_cannot_move_a_caseload(client_for, adviser):
    url = reverse("casework:worker_caseload_move", kwargs={"pk": adviser.pk})
    assert client_for(user=adviser).get(url).status_code == 403


# Ending an alert or a spell of not being in touch ----------------------------------------------


def _raise_alert(adviser: Any, young_person: Any) -> Any:
    return services.alert_raise(
        acting_user=adviser, young_person=young_person, kind="risk_to_staff", description="Pairs."
    )


def _stop_keeping_in_touch(adviser: Any, young_person: Any) -> Any:
    return services.keeping_in_touch_record(
        acting_user=adviser,
        young_person=young_person,
        status="REFU",
        start=TODAY - ONE_DAY,
        notes="Refuses contact for now.",
    )


@pytest.mark.parametrize(
    ("start", "url_name", "list_name", "heading", "saved", "already", "ended"),
    [
        (
            _raise_alert,
            "casework:alert_end",
            "casework:alert_list",
            "End the alert: risk to staff",
            "Alert ended",
            "This alert has already ended",
            lambda record: record.ended_on,
        ),
        (
            _stop_keeping_in_touch,
            "casework:keeping_in_touch_end",
            "casework:contact_list",
            "End: refuses contact",
            "Saved",
            "This has already ended",
            lambda record: record.end,
        ),
    ],
)
def test_ending_a_record_dates_it_today_and_a_second_end_goes_back_to_the_list(
    client_for,
    adviser,
    young_person,
    start,
    url_name,
    list_name,
    heading,
    saved,
    already,
    ended,
):
    record = start(adviser, young_person)
    client = client_for(user=adviser)
    url = reverse(url_name, kwargs={"pk": record.pk})
    back = reverse(list_name, kwargs={"pk": young_person.pk})

    page = client.get(url)
    assert heading in page.content.decode()
    response = client.post(url, form_data(page), follow=True)

    assert response.redirect_chain == [(back, 302)]
    assert saved in response.content.decode()
    record.refresh_from_db()
    assert ended(record) == TODAY

    response = client.get(url, follow=True)

    assert response.redirect_chain == [(back, 302)]
    assert already in response.content.decode()
