"""The record's pages: what they show, what they save, what they audit, what they cost."""

from __future__ import annotations

import datetime

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.core.dates import birthday
from careleavers.core.models import AuditEvent
from careleavers.core.tests.pages import form_data
from careleavers.people import services
from careleavers.people.category import Category
from careleavers.people.contributions import EMPTY_PANELS
from careleavers.people.models import YoungPerson
from careleavers.people.overview import overview_panels
from careleavers.people.tests.factories import (
    AboutMeFactory,
    CareEpisodeFactory,
    PreviousNameFactory,
    YoungPersonFactory,
)

pytestmark = pytest.mark.django_db


def _date_fields(name, day):
    """A date as the GOV.UK date input posts it: day, month and year boxes."""
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.fixture
def pa(make_user, team):
    return make_user(Role.PERSONAL_ADVISER, team=team, first_name="Pat", last_name="Adviser")


@pytest.fixture
def client(client_for, pa):
    return client_for(user=pa)


@pytest.fixture
def young_person(team):
    return YoungPersonFactory(team=team, first_name="Amira", last_name="Khan")


def _queries(client, url):
    # The first request of a session checks the authenticator once; warm it up first.
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# Finding a young person ---------------------------------------------------------------------


def test_search_finds_by_name_and_links_to_the_overview(client, young_person, team):
    YoungPersonFactory(team=team, first_name="Peter", last_name="Brown")
    response = client.get(reverse("people:search"), {"name": "khan"})
    content = response.content.decode()
    assert "1 young person found" in content
    assert reverse("people:overview", kwargs={"pk": young_person.pk}) in content
    assert "Brown" not in content


def test_search_by_previous_name(client, young_person):
    PreviousNameFactory(young_person=young_person, first_name="Amy", last_name="Reynolds")
    response = client.get(reverse("people:search"), {"name": "reynolds"})
    assert "Khan, Amira" in response.content.decode()


def test_search_by_date_of_birth_uses_the_govuk_date_input(client, young_person, team):
    born = young_person.date_of_birth
    YoungPersonFactory(team=team, date_of_birth=born - datetime.timedelta(days=1))
    response = client.get(
        reverse("people:search"),
        {
            **_date_fields("date_of_birth", born),
        },
    )
    assert "1 young person found" in response.content.decode()


def test_a_bad_nhs_number_in_the_search_gets_a_message_and_no_results(client, young_person):
    response = client.get(reverse("people:search"), {"nhs_number": "1234567890"})
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter a real NHS number" in content
    assert "Khan, Amira" not in content


@pytest.mark.parametrize("params", [{}, {"name": "smith"}])
def test_the_search_page_costs_the_same_queries_for_1_or_20_young_people(client, team, params):
    YoungPersonFactory(team=team, last_name="Smith", preferred_name="Jo")
    one = _queries(client, reverse("people:search") + ("?name=smith" if params else ""))
    for _ in range(19):
        YoungPersonFactory(team=team, last_name="Smith", preferred_name="Jo")
    twenty = _queries(client, reverse("people:search") + ("?name=smith" if params else ""))
    assert one == twenty


def test_search_is_paginated(client, team):
    for _ in range(26):
        YoungPersonFactory(team=team)
    response = client.get(reverse("people:search"))
    content = response.content.decode()
    assert "govuk-pagination" in content
    assert "Young people you can see (26)" in content


def test_find_a_young_person_is_in_the_navigation_and_on_the_home_page(client):
    content = client.get(reverse("core:home")).content.decode()
    assert content.count("Find a young person") == 2


def test_administrators_cannot_search(client_for):
    response = client_for(Role.ADMINISTRATOR).get(reverse("people:search"))
    assert response.status_code == 403


def test_adding_a_young_person_starts_the_record(client, team):
    response = client.post(
        reverse("people:add"),
        {
            "first_name": "Tom",
            "last_name": "Lee",
            "date_of_birth-day": "2",
            "date_of_birth-month": "3",
            "date_of_birth-year": "2008",
            "sex": "M",
            "ethnicity": "WBRI",
            "child_id": "NEW1",
            "nhs_number": "943 476 5919",
            "team": team.pk,
        },
    )
    young_person = YoungPerson.objects.get(child_id="NEW1")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:overview", kwargs={"pk": young_person.pk})
    assert young_person.nhs_number == "9434765919"
    assert young_person.category_decided_on is not None


def test_adding_with_errors_changes_nothing(client, team):
    response = client.post(reverse("people:add"), {"first_name": "Tom", "team": team.pk})
    assert response.status_code == 200
    assert "Enter their last name" in response.content.decode()
    assert not YoungPerson.objects.exists()


# The overview -------------------------------------------------------------------------------


def test_the_overview_answers_who_is_this(client, young_person):
    young_person.preferred_name = "Mira"
    young_person.pronouns = "she/her"
    young_person.save()
    CareEpisodeFactory(young_person=young_person)
    services.category_refresh(young_person=young_person)

    content = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    content = content.decode()

    assert "Mira Khan" in content
    assert "she/her" in content
    assert f"{young_person.age} (born" in content
    assert "Former relevant" in content
    assert young_person.category_reason in content.replace("&#x27;", "'")
    assert young_person.team.name in content


def test_the_overview_says_accommodation_and_activity_are_not_recorded(client, young_person):
    # Only the people app's placeholders: the apps that record these replace them.
    with overview_panels.replaced(*EMPTY_PANELS):
        content = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    content = content.decode()
    assert "Where they live" in content
    assert "Education, training or work" in content
    assert content.count("Not recorded yet") >= 2


def test_the_overview_shows_about_me_first_and_says_when_it_is_not_agreed(client, young_person):
    AboutMeFactory(young_person=young_person, summary="Please text before you visit.")
    content = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    content = content.decode()
    assert content.index("Please text before you visit.") < content.index("Who they are")
    assert "Not yet agreed by the young person" in content


def test_the_overview_says_when_about_me_was_agreed(client, young_person):
    AboutMeFactory(young_person=young_person, agreed_by_young_person_on=datetime.date(2026, 1, 5))
    content = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    assert "They agreed it on 5 January 2026" in content.decode()


def test_the_overview_warns_when_the_category_needs_a_workers_decision(client, young_person):
    young_person.category_needs_decision = "A worker needs to decide about short breaks."
    young_person.save()
    content = client.get(reverse("people:overview", kwargs={"pk": young_person.pk})).content
    assert "A worker needs to decide about short breaks." in content.decode()


@pytest.mark.parametrize(
    "url_name",
    ["people:overview", "people:chronology", "people:details", "people:care_history"]
    + ["people:about_me"],
)
def test_every_record_page_writes_a_view_event(client, pa, young_person, url_name):
    response = client.get(reverse(url_name, kwargs={"pk": young_person.pk}))
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="view")
    assert (event.actor, event.young_person_id) == (pa, young_person.pk)


def test_a_restricted_record_is_refused_and_the_attempt_logged(client_for, make_user, team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    restricted = YoungPersonFactory(team=team, is_restricted=True, restricted_to=[])

    response = client_for(user=manager).get(
        reverse("people:overview", kwargs={"pk": restricted.pk})
    )

    assert response.status_code == 403
    refusal = AuditEvent.objects.get(action="access_refused")
    assert (refusal.actor, refusal.young_person_id) == (manager, restricted.pk)
    assert refusal.detail["restricted"] is True
    assert not AuditEvent.objects.filter(action="view").exists()


def test_named_staff_open_a_restricted_record(client, pa, team):
    restricted = YoungPersonFactory(team=team, is_restricted=True, restricted_to=[pa])
    response = client.get(reverse("people:overview", kwargs={"pk": restricted.pk}))
    assert response.status_code == 200
    assert "Restricted record" in response.content.decode()


def test_read_only_roles_cannot_edit_and_are_logged(client_for, young_person):
    inspector = client_for(Role.INSPECTOR)
    url = reverse("people:edit_details", kwargs={"pk": young_person.pk, "section": "identity"})
    assert inspector.get(url).status_code == 403
    assert AuditEvent.objects.filter(action="access_refused").count() == 1


def test_an_unknown_section_is_not_found(client, young_person):
    url = reverse("people:edit_details", kwargs={"pk": young_person.pk, "section": "nonsense"})
    assert client.get(url).status_code == 404


# The chronology -----------------------------------------------------------------------------


def test_the_chronology_lists_entries_newest_first(client, pa, young_person):
    dob = young_person.date_of_birth
    CareEpisodeFactory(
        young_person=young_person,
        reason_ended="X1",
        start=birthday(dob, 15),
        end=birthday(dob, 16),
    )
    services.about_me_write(acting_user=pa, young_person=young_person, summary="Hello")

    content = client.get(reverse("people:chronology", kwargs={"pk": young_person.pk})).content
    content = content.decode()

    assert content.index("About me: Written") < content.index("Care episode: Episode ceased")
    assert content.index("Care episode: Episode ceased") < content.index(
        "Care episode: Episode started"
    )


def test_the_chronology_filters_by_kind_without_javascript(client, pa, young_person):
    CareEpisodeFactory(young_person=young_person)
    services.about_me_write(acting_user=pa, young_person=young_person, summary="Hello")
    url = reverse("people:chronology", kwargs={"pk": young_person.pk})

    content = client.get(url, {"kind": "about_me"}).content.decode()

    assert "About me: Written" in content
    assert "Care episode:" not in content
    assert 'value="about_me" checked' in content


def test_category_changes_appear_in_the_chronology(client, young_person):
    CareEpisodeFactory(young_person=young_person)
    services.category_refresh(young_person=young_person)
    url = reverse("people:chronology", kwargs={"pk": young_person.pk})
    content = client.get(url, {"kind": "category"}).content.decode()
    assert "Category is now former relevant" in content


# Editing ------------------------------------------------------------------------------------


def _contact_post(version: int, **data):
    return {"version": version, "email": "", "phone": "", "address": "", "postcode": "", **data}


def test_editing_contact_details_saves_them(client, young_person):
    url = reverse("people:edit_details", kwargs={"pk": young_person.pk, "section": "contact"})
    response = client.post(url, _contact_post(1, phone="07700900123", postcode="bd1 1hy"))
    assert response.status_code == 302
    young_person.refresh_from_db()
    assert (young_person.phone, young_person.postcode) == ("07700 900123", "BD1 1HY")


def test_a_bad_postcode_is_shown_next_to_the_field_and_nothing_saves(client, young_person):
    url = reverse("people:edit_details", kwargs={"pk": young_person.pk, "section": "contact"})
    response = client.post(url, _contact_post(1, postcode="nonsense", phone="07700900123"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_postcode-error"' in content
    young_person.refresh_from_db()
    assert young_person.phone == ""


def test_a_stale_edit_is_refused_with_what_changed(client, make_user, young_person):
    colleague = make_user(Role.SOCIAL_WORKER, first_name="Sam", last_name="Jones")
    services.young_person_update(
        acting_user=colleague,
        young_person=young_person,
        version=1,
        changes={"phone": "07700 900456"},
    )
    url = reverse("people:edit_details", kwargs={"pk": young_person.pk, "section": "contact"})

    response = client.post(url, _contact_post(1, email="amira@example.com"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Sam Jones changed this young person" in content
    assert "07700 900456" in content
    assert 'name="version" value="2"' in content
    young_person.refresh_from_db()
    assert young_person.email == ""


def _episode_added(client, young_person, start, reason_new_episode, ended=None):
    """Post a new care episode in foster care (with the reason it ceased when it `ended`)."""
    fields = {
        **_date_fields("start", start),
        "reason_new_episode": reason_new_episode,
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U1",
        "placement_provider": "PR1",
    }
    if ended is not None:
        fields |= {**_date_fields("end", ended), "reason_ended": "E17"}
    return client.post(reverse("people:episode_add", kwargs={"pk": young_person.pk}), fields)


def test_adding_a_care_episode_rederives_the_category(client, young_person):
    start = birthday(young_person.date_of_birth, 15)
    end = birthday(young_person.date_of_birth, 18)
    response = _episode_added(client, young_person, start, "S", ended=end)
    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.category == Category.FORMER_RELEVANT.value


def test_an_overlapping_episode_is_refused_next_to_the_start_date(client, young_person):
    episode = CareEpisodeFactory(young_person=young_person)
    start = episode.start + datetime.timedelta(days=7)
    response = _episode_added(client, young_person, start, "P")
    assert response.status_code == 200
    assert "overlaps another episode" in response.content.decode()
    assert young_person.care_episodes.count() == 1


def test_writing_and_agreeing_about_me(client, young_person):
    client.post(
        reverse("people:about_me_edit", kwargs={"pk": young_person.pk}),
        {"summary": "I am training to be a chef.", "please_do_not_ask": ""},
    )
    today = datetime.date.today()
    response = client.post(
        reverse("people:about_me_agree", kwargs={"pk": young_person.pk}),
        {
            **_date_fields("agreed_on", today),
            "confirm": "on",
            "version": 1,
        },
    )
    assert response.status_code == 302
    assert young_person.about_me.agreed_by_young_person_on == today


def test_a_manager_restricts_a_record_to_named_staff(client_for, make_user, team, young_person):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    duty = make_user(Role.DUTY_WORKER)
    response = client_for(user=manager).post(
        reverse("people:restriction", kwargs={"pk": young_person.pk}),
        {"restricted": "True", "reason": "Related to a member of staff", "named_staff": [duty.pk]},
    )
    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.is_restricted
    assert set(young_person.restricted_to.all()) == {manager, duty}
    assert AuditEvent.objects.filter(action="access_change").exists()


def test_restricting_without_a_reason_shows_the_error(client_for, make_user, team, young_person):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    response = client_for(user=manager).post(
        reverse("people:restriction", kwargs={"pk": young_person.pk}),
        {"restricted": "True", "reason": ""},
    )
    assert "Enter why this record is restricted" in response.content.decode()
    young_person.refresh_from_db()
    assert not young_person.is_restricted


def _named_staff_offered(response):
    document = lxml.html.fromstring(response.content.decode())
    boxes = document.xpath('//input[@name="named_staff"]')
    return {
        document.xpath(f'//label[@for="{box.get("id")}"]')[0].text_content().strip(): (
            box.get("checked") is not None
        )
        for box in boxes
    }


def test_the_restriction_page_offers_named_staff_and_both_teams_not_everyone(
    client_for, make_user, team, young_person, pa
):
    manager = make_user(Role.TEAM_MANAGER, team=team, first_name="Mo", last_name="Manager")
    named_elsewhere = make_user(Role.DUTY_WORKER, first_name="Dee", last_name="Duty")
    services.record_restrict(
        acting_user=manager,
        young_person=young_person,
        reason="Related to a member of staff",
        named_staff=[named_elsewhere],
    )
    make_user(Role.PERSONAL_ADVISER, team=TeamFactory(), first_name="Far", last_name="Away")

    response = client_for(user=manager).get(
        reverse("people:restriction", kwargs={"pk": young_person.pk})
    )

    assert _named_staff_offered(response) == {
        f"Pat Adviser, {team.name}": False,
        "Dee Duty": True,
        f"Mo Manager, {team.name}": True,
    }


def test_a_manager_names_someone_found_by_name_keeping_those_named(
    client_for, make_user, team, young_person
):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    far = make_user(Role.SOCIAL_WORKER, team=TeamFactory(), first_name="Far", last_name="Away")
    client = client_for(user=manager)
    url = reverse("people:restriction", kwargs={"pk": young_person.pk})
    typed = form_data(
        client.get(url),
        restricted="True",
        reason="Related to a member of staff",
        named_staff_search="far aw",
    )

    found = client.post(url, typed)

    young_person.refresh_from_db()
    assert not young_person.is_restricted
    assert "Related to a member of staff" in found.content.decode()
    assert _named_staff_offered(found)[f"Far Away, {far.team.name}"] is True

    saved = client.post(url, form_data(found))

    assert saved.status_code == 302
    assert set(young_person.restricted_to.all()) == {manager, far}


def test_naming_someone_who_may_not_be_named_is_refused_beside_the_field(
    client_for, make_user, team, young_person
):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    response = client_for(user=manager).post(
        reverse("people:restriction", kwargs={"pk": young_person.pk}),
        {
            "restricted": "True",
            "reason": "Related to a member of staff",
            "named_staff": [make_user(Role.ADMINISTRATOR).pk],
        },
    )

    page = response.content.decode()
    assert 'href="#id_named_staff_0"' in page
    assert "Select staff from the list: only staff who work with young people" in page
    young_person.refresh_from_db()
    assert not young_person.is_restricted


def test_the_restriction_page_costs_the_same_queries_however_many_staff(
    client_for, make_user, team, young_person
):
    client = client_for(user=make_user(Role.TEAM_MANAGER, team=team))
    url = reverse("people:restriction", kwargs={"pk": young_person.pk})

    few = _queries(client, url)
    for _ in range(12):
        other = TeamFactory()
        make_user(Role.PERSONAL_ADVISER, team=other)
        make_user(Role.SOCIAL_WORKER, Role.DUTY_WORKER, team=other)

    assert _queries(client, url) == few
    assert client.get(url).content.decode().count('name="named_staff"') == 1  # the manager


# Questions of law a worker decides ----------------------------------------------------------


def _ended_on_16th_birthday(young_person):
    CareEpisodeFactory(young_person=young_person, end=birthday(young_person.date_of_birth, 16))
    services.category_refresh(young_person=young_person)


def test_the_care_history_shows_an_open_question_with_both_readings(client, young_person):
    _ended_on_16th_birthday(young_person)

    content = client.get(reverse("people:care_history", kwargs={"pk": young_person.pk})).content

    page = content.decode()
    assert "Their care ended on their 16th birthday." in page
    assert "They reached 16 at the start of their birthday" in page
    assert "No day of their care fell after they were 16" in page
    assert (
        reverse(
            "people:category_question",
            kwargs={"pk": young_person.pk, "question": "care_ended_on_16th_birthday"},
        )
        in page
    )


def test_a_worker_records_a_decision_and_the_category_follows_it(client, pa, young_person):
    _ended_on_16th_birthday(young_person)
    url = reverse(
        "people:category_question",
        kwargs={"pk": young_person.pk, "question": "care_ended_on_16th_birthday"},
    )

    response = client.post(
        url, {"reading": "before_16", "reason": "She left at midnight the night before."}
    )

    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.category == Category.NONE.value
    assert young_person.category_needs_decision == ""
    decision = young_person.category_question_decisions.get()
    assert (decision.decided_by, decision.reading) == (pa, "before_16")
    page = client.get(reverse("people:care_history", kwargs={"pk": young_person.pk})).content
    assert "She left at midnight the night before." in page.decode()


def test_a_decision_without_a_reason_is_refused_next_to_the_field(client, young_person):
    _ended_on_16th_birthday(young_person)
    url = reverse(
        "people:category_question",
        kwargs={"pk": young_person.pk, "question": "care_ended_on_16th_birthday"},
    )

    response = client.post(url, {"reading": "before_16", "reason": ""})

    assert response.status_code == 200
    assert "Enter why you chose this reading" in response.content.decode()
    assert not young_person.category_question_decisions.exists()


def test_a_question_that_is_not_asked_is_not_found(client, young_person):
    url = reverse(
        "people:category_question",
        kwargs={"pk": young_person.pk, "question": "leap_day_birthday"},
    )

    assert client.get(url).status_code == 404


def test_recording_a_private_fostering_after_16_makes_them_qualifying(client, young_person):
    start = birthday(young_person.date_of_birth, 16) + datetime.timedelta(days=10)
    end = start + datetime.timedelta(days=200)

    response = client.post(
        reverse("people:accommodated_period_add", kwargs={"pk": young_person.pk}),
        {
            "kind": "privately_fostered",
            **_date_fields("start", start),
            **_date_fields("end", end),
            "provider": "A family friend",
        },
    )

    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.category == Category.QUALIFYING.value


def _decline_recorded(client, young_person, told):
    """Post that they told us on `told` they no longer want a personal adviser."""
    return client.post(
        reverse("people:support_choice_add", kwargs={"pk": young_person.pk}),
        {"kind": "declined", **_date_fields("told_on", told)},
    )


def test_recording_a_decline_at_22_for_a_former_relevant_young_person(client, young_person):
    young_person.date_of_birth = birthday(datetime.date.today(), -22)
    young_person.save()
    CareEpisodeFactory(young_person=young_person)
    services.category_refresh(young_person=young_person)
    told = datetime.date.today() - datetime.timedelta(days=3)

    response = _decline_recorded(client, young_person, told)

    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.personal_adviser_declined_on == told
    assert young_person.next_contact_due is None
    assert "no longer want a personal adviser" in young_person.next_contact_rule


def test_a_decline_for_a_qualifying_care_leaver_is_refused_and_changes_nothing(
    client, young_person
):
    young_person.date_of_birth = birthday(datetime.date.today(), -22)
    young_person.save()

    response = _decline_recorded(client, young_person, datetime.date.today())

    assert response.status_code == 200
    assert "Only a former relevant young person" in response.content.decode()
    assert not young_person.support_choices.exists()


def test_the_detained_date_is_needed_when_they_were_detained_at_16(client, young_person):
    url = reverse(
        "people:edit_details", kwargs={"pk": young_person.pk, "section": "category-facts"}
    )

    response = client.post(
        url,
        {
            "version": young_person.version,
            "detained_or_in_hospital_on_16th_birthday": "True",
            "subject_to_care_order_on_16th_birthday": "False",
            "special_guardianship_after_care": "False",
            "in_education_or_training": "False",
        },
    )

    assert response.status_code == 200
    assert "Enter the day they were detained or went into hospital" in response.content.decode()


def test_the_overview_asks_once_whether_the_viewer_may_see_the_record(
    client, young_person, pa, monkeypatch
):
    """Every panel and tab checks the record's permission; the page asked the database each
    time (nine queries at the last count). The navigation is likewise worked out once, though
    each panel is a template of its own."""
    from careleavers.casework.tests.factories import AllocationFactory
    from careleavers.core import context_processors

    AllocationFactory(young_person=young_person, worker=pa)
    worked_out: list[int] = []
    navigation_for = context_processors.navigation_for

    def navigation(**kwargs):
        worked_out.append(1)
        return navigation_for(**kwargs)

    monkeypatch.setattr(context_processors, "navigation_for", navigation)
    url = reverse("people:overview", kwargs={"pk": young_person.pk})
    client.get(url)
    worked_out.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "Amira" in response.content.decode()
    visibility_checks = [
        query
        for query in captured
        if query["sql"].startswith('SELECT 1 AS "a" FROM "people_youngperson"')
    ]
    assert len(visibility_checks) == 1
    assert worked_out == [1]
    # And the next page asks again.
    client.get(url)
    assert worked_out == [1, 1]
