"""EET pages: forms, the panel journey, charts, and what other apps' pages show from here."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation
from careleavers.core.tests.audit_log import view_logged
from careleavers.core.tests.days import TODAY, date_fields
from careleavers.learning import views
from careleavers.learning.models import (
    ActivityEpisode,
    NeetReasonRecord,
    PanelAction,
    PanelCase,
    PanelMeeting,
)
from careleavers.learning.tests.factories import (
    ActivityEpisodeFactory,
    NeetReasonRecordFactory,
    PanelActionFactory,
    PanelCaseFactory,
    PanelMeetingFactory,
    PepFactory,
    reason,
    young_person_needing_pep,
)
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pa(make_user, team):
    return make_user(Role.PERSONAL_ADVISER, team=team)


@pytest.fixture
def manager(make_user, team):
    return make_user(Role.TEAM_MANAGER, team=team)


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(team=team, category="former_relevant")


def test_a_pa_records_neet_with_two_reasons(client_for, pa, young_person) -> None:
    client = client_for(user=pa)
    url = reverse("learning:activity_add", kwargs={"pk": young_person.pk})
    response = client.post(
        url,
        {
            "activ": "G5",
            **date_fields("start", TODAY - datetime.timedelta(days=2)),
            "neet_reasons": [reason("mental-health").pk, reason("unstable-housing").pk],
            "young_persons_view": "I want to sort my flat out first.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:record", kwargs={"pk": young_person.pk})
    assert NeetReasonRecord.objects.filter(young_person=young_person).count() == 2

    page = client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert "Not in education, employment or training: other circumstances (G5)" in content
    assert "Unstable housing" in content
    assert view_logged(young_person, "eet")


def test_a_mistake_is_shown_next_to_the_field_and_nothing_is_saved(
    client_for, pa, young_person
) -> None:
    url = reverse("learning:activity_add", kwargs={"pk": young_person.pk})
    response = client_for(user=pa).post(
        url, {"activ": "F2", **date_fields("start", TODAY), "is_training": "on"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Only training or employment (F5 or P5) can be marked as training" in content
    assert not ActivityEpisode.objects.exists()


def test_the_overview_shows_the_current_activity(client_for, pa, young_person) -> None:
    ActivityEpisodeFactory(
        young_person=young_person, activ="F4", provider="Bradford Council", council_job_offer=True
    )
    response = client_for(user=pa).get(reverse("people:overview", kwargs={"pk": young_person.pk}))
    content = response.content.decode()
    assert "Full time in an apprenticeship (F4)" in content
    assert "Offered by the council" in content


def test_the_chronology_includes_eet_entries(client_for, pa, young_person) -> None:
    ActivityEpisodeFactory(young_person=young_person, activ="G6")
    NeetReasonRecordFactory(young_person=young_person, reason=reason("pregnancy-parenting"))
    response = client_for(user=pa).get(
        reverse("people:chronology", kwargs={"pk": young_person.pk})
    )
    content = response.content.decode()
    assert "Started: Not in education, employment or training due to pregnancy" in content
    assert "Pregnancy or parenting" in content


def test_a_pep_due_soon_is_in_the_allocated_workers_tray(client_for, pa, team) -> None:
    young_person = young_person_needing_pep(team=team)
    Allocation.objects.create(young_person=young_person, worker=pa, role="pa", reason="FIRST")
    pep = PepFactory(young_person=young_person, due_on=TODAY - datetime.timedelta(days=3))
    response = client_for(user=pa).get(reverse("casework:work_tray"))
    content = response.content.decode()
    assert "PEP overdue by 3 days" in content
    assert (
        reverse("learning:pep_detail", kwargs={"pk": young_person.pk, "pep_pk": pep.pk}) in content
    )


def test_the_panel_journey(client_for, manager, young_person) -> None:
    ActivityEpisodeFactory(young_person=young_person, activ="G5")
    NeetReasonRecordFactory(young_person=young_person, reason=reason("confidence"))
    client = client_for(user=manager)
    held_on = TODAY + datetime.timedelta(days=7)
    response = client.post(
        reverse("learning:panel_create"),
        {**date_fields("held_on", held_on), "chair": manager.get_full_name()},
    )
    meeting = PanelMeeting.objects.get(held_on=held_on)
    assert meeting.chair == manager
    assert response["Location"] == reverse(
        "learning:panel_detail", kwargs={"meeting_pk": meeting.pk}
    )

    client.post(reverse("learning:panel_agenda_build", kwargs={"meeting_pk": meeting.pk}))
    case = PanelCase.objects.get(meeting=meeting)
    page = client.get(reverse("learning:panel_detail", kwargs={"meeting_pk": meeting.pk}))
    assert escape(young_person.display_name) in page.content.decode()

    case_url = reverse(
        "learning:panel_case", kwargs={"meeting_pk": meeting.pk, "case_pk": case.pk}
    )
    client.post(case_url, {"version": 1, "discussion": "Wants to try a taster day."})
    response = client.post(
        reverse(
            "learning:panel_action_add", kwargs={"meeting_pk": meeting.pk, "case_pk": case.pk}
        ),
        {
            "kind": "confidence",
            "description": "Book a taster day",
            "owner": manager.email.upper(),  # any case
            **date_fields("due_on", TODAY + datetime.timedelta(days=14)),
        },
    )
    assert response.status_code == 302
    action = PanelAction.objects.get(case=case)
    assert action.owner == manager

    # A save from the version before that one is refused, saying who changed what, and the
    # form moves on to the current version so saving again is a choice made after reading it.
    stale = client.post(case_url, {"version": 1, "discussion": "Something else"})
    html = stale.content.decode()
    assert f"{escape(manager.get_full_name())} changed the notes of this discussion" in html
    assert "Nothing you entered was saved" in html
    assert stale.context["form"].data["version"] == "2"
    case.refresh_from_db()
    assert case.discussion == "Wants to try a taster day."


def test_a_case_page_view_is_logged_against_the_young_person(client_for, manager, young_person):
    case = PanelCaseFactory(young_person=young_person)
    client_for(user=manager).get(
        reverse("learning:panel_case", kwargs={"meeting_pk": case.meeting_id, "case_pk": case.pk})
    )
    assert view_logged(young_person, "eet_panel_case")


def test_charts_are_svg_images_with_their_own_content_security_policy(client_for, manager):
    client = client_for(user=manager)
    response = client.get(reverse("learning:chart", kwargs={"chart": "eet-rates"}))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml")
    policy = response["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in policy
    assert "script-src 'none'" in policy
    # The pages keep the strict policy and show each chart as an image with a text alternative.
    page = client.get(reverse("learning:eet_rates"))
    assert "unsafe-inline" not in page["Content-Security-Policy"]
    assert '<img class="govuk-!-width-full" src="/eet/charts/eet-rates.svg" alt="' in (
        page.content.decode()
    )


@pytest.mark.parametrize(
    "chart",
    ["reasons-by-month", "actions-by-month", "neet-duration", "pep-completion", "eet-rates"],
)
def test_every_chart_draws_the_numbers_it_is_about(client_for, manager, team, chart) -> None:
    client = client_for(user=manager)
    url = reverse("learning:chart", kwargs={"chart": chart})
    empty = client.get(url).content
    case = PanelCaseFactory(
        meeting=PanelMeetingFactory(held_on=TODAY),
        young_person=YoungPersonFactory(team=team, category="former_relevant"),
    )
    case.reasons.add(reason("confidence"))
    PanelActionFactory(case=case)
    ActivityEpisodeFactory(young_person=case.young_person, activ="G5")
    NeetReasonRecordFactory(young_person=case.young_person, reason=reason("confidence"))
    PepFactory(young_person=case.young_person, due_on=TODAY)
    cache.clear()  # the NEET durations are kept for the day: as the next day would
    response = client.get(url)
    assert response.status_code == 200
    assert response.content != empty


def test_an_unknown_chart_is_not_found(client_for, manager) -> None:
    response = client_for(user=manager).get(reverse("learning:chart", kwargs={"chart": "nope"}))
    assert response.status_code == 404


def test_the_same_numbers_draw_the_same_chart(client_for, manager) -> None:
    client = client_for(user=manager)
    url = reverse("learning:chart", kwargs={"chart": "pep-completion"})
    assert client.get(url).content == client.get(url).content


# Pages that stay quick at a national council's size -----------------------------------------


def _queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _agenda(meeting, people: int, team) -> None:
    for _ in range(people):
        case = PanelCaseFactory(meeting=meeting, young_person=YoungPersonFactory(team=team))
        case.reasons.add(reason("confidence"))
        PanelActionFactory(case=case)


def test_the_agenda_is_paged_and_costs_the_same_queries_however_long(
    client_for, manager, team, monkeypatch
) -> None:
    monkeypatch.setattr(views, "AGENDA_PAGE_SIZE", 3)
    client = client_for(user=manager)
    short, long = PanelMeetingFactory(), PanelMeetingFactory()
    _agenda(short, 1, team)
    _agenda(long, 7, team)
    PanelCaseFactory(meeting=long)  # someone in another team
    url = reverse("learning:panel_detail", kwargs={"meeting_pk": long.pk})
    short_url = reverse("learning:panel_detail", kwargs={"meeting_pk": short.pk})
    client.get(short_url)  # the session and the user's roles, as on any later page

    assert _queries_for(client, short_url) == _queries_for(client, url)
    first, last = client.get(url), client.get(url, {"page": 3})
    assert len(first.context["agenda_rows"]) == 3
    assert len(last.context["agenda_rows"]) == 1
    assert "Showing 1 to 3 of 7 young people you can see on the agenda." in first.content.decode()
    assert "1 other young person is on the agenda" in last.content.decode()


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("learning:panel_create", lambda case: {}),
        ("learning:panel_attendee_add", lambda case: {"meeting_pk": case.meeting_id}),
        (
            "learning:panel_action_add",
            lambda case: {"meeting_pk": case.meeting_id, "case_pk": case.pk},
        ),
    ],
)
def test_choosing_a_member_of_staff_does_not_list_every_one(
    client_for, make_user, manager, team, name, kwargs
) -> None:
    case = PanelCaseFactory(young_person=YoungPersonFactory(team=team))
    client = client_for(user=manager)
    url = reverse(name, kwargs=kwargs(case))
    client.get(url)
    few = _queries_for(client, url)
    for _ in range(12):
        make_user(Role.PERSONAL_ADVISER, team=team)
    assert _queries_for(client, url) == few
    html = client.get(url).content.decode()
    assert "<select" not in html
    assert "<option" not in html


def test_an_attendee_is_found_by_name_and_a_shared_name_asks_for_the_email(
    client_for, make_user, manager, team
) -> None:
    meeting = PanelMeetingFactory()
    url = reverse("learning:panel_attendee_add", kwargs={"meeting_pk": meeting.pk})
    alex = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Alex", last_name="Kerr")
    client = client_for(user=manager)

    response = client.post(url, {"user": "  alex   KERR ", "attendance": "attended"})

    assert response.status_code == 302
    assert meeting.attendees.get().user == alex
    make_user(Role.SOCIAL_WORKER, team=team, first_name="Alex", last_name="Kerr")
    refused = client.post(url, {"user": "Alex Kerr", "attendance": "attended"})
    assert "More than one member of staff is called Alex Kerr" in refused.content.decode()
    assert meeting.attendees.count() == 1
