"""The accommodation pages: what they show, the journeys through the forms, and the audit."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careleavers.accommodation.models import AccommodationStay, HousingApplication
from careleavers.accommodation.suitability import CHECK_KEYS
from careleavers.accommodation.tests.factories import (
    HousingApplicationFactory,
    PriorityBandFactory,
    ProviderFactory,
    StayFactory,
    SuitabilityAssessmentFactory,
    TasterFlatBookingFactory,
    TasterFlatFactory,
)
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation, Contact
from careleavers.core.models import AuditEvent
from careleavers.core.tests.days import TODAY, date_fields, days_ago
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def young_person(team, pa):
    young_person = YoungPersonFactory(team=team)
    Allocation.objects.create(young_person=young_person, worker=pa, role="pa", reason="FIRST")
    return young_person


def _url(name: str, young_person, **kwargs) -> str:
    return reverse(f"accommodation:{name}", kwargs={"pk": young_person.pk, **kwargs})


# A young person's accommodation ------------------------------------------------------------------


def test_the_accommodation_page_shows_where_they_live_and_logs_the_view(
    client_for, pa, young_person
):
    stay = StayFactory(young_person=young_person, address="Flat 9, Hope House")
    SuitabilityAssessmentFactory(stay=stay, assessed_by=pa)
    AccommodationStay.objects.filter(pk=stay.pk).update(suitable=True, suitability_reason="OK")
    response = client_for(user=pa).get(_url("history", young_person))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Flat 9, Hope House" in html
    assert "D1" in html
    assert "Record a move" in html
    assert "not in force yet" in html  # Staying Close help
    assert AuditEvent.objects.filter(action="view", young_person_id=young_person.pk).exists()


def test_a_restricted_record_is_refused_and_the_attempt_logged(client_for, pa, team):
    restricted = YoungPersonFactory(team=team, is_restricted=True)
    response = client_for(user=pa).get(_url("history", restricted))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(
        action="access_refused", young_person_id=restricted.pk
    ).exists()


def test_readers_see_no_change_links(client_for, young_person, make_user):
    inspector = make_user(Role.INSPECTOR)
    StayFactory(young_person=young_person)
    response = client_for(user=inspector).get(_url("history", young_person))
    assert response.status_code == 200
    assert "Record a move" not in response.content.decode()


def test_recording_a_move_after_a_mistake_then_checking_suitability(client_for, pa, young_person):
    Contact.objects.create(
        young_person=young_person,
        worker=pa,
        method="home_visit",
        seen=True,
        occurred_at=timezone.make_aware(
            datetime.datetime.combine(days_ago(30), datetime.time(10))
        ),
    )
    client = client_for(user=pa)
    data = {
        "accom_type": "D",
        "address": "",
        "postcode": "BD1 1AA",
        "provider": "",
        "landlord": "",
        "council_provided": "True",
        **date_fields("start", days_ago(1)),
        "end_reason": "",
    }
    response = client.post(_url("stay_add", young_person), data)
    assert response.status_code == 200
    assert "Enter the address" in response.content.decode()
    assert not AccommodationStay.objects.exists()

    data["address"] = "Flat 4, 12 Manor Row\nBradford"
    response = client.post(_url("stay_add", young_person), data, follow=True)
    stay = AccommodationStay.objects.get()
    assert response.redirect_chain[-1][0] == _url("suitability_add", young_person, stay_pk=stay.pk)
    page = response.content.decode()
    due = days_ago(1) + datetime.timedelta(days=7)
    assert f"Next visit due by {due.day} {due:%B %Y}" in page
    assert "within 7 days of moving into accommodation the council provides" in page

    answers = dict.fromkeys(CHECK_KEYS, "met")
    answers["safety"] = "not_met"
    form = {**date_fields("assessed_on", TODAY), **answers, "young_persons_views": "I like it"}
    response = client.post(_url("suitability_add", young_person, stay_pk=stay.pk), form)
    assert "Say what the problem is" in response.content.decode()
    form["safety_note"] = "No smoke alarm"
    response = client.post(
        _url("suitability_add", young_person, stay_pk=stay.pk), form, follow=True
    )
    assert "The accommodation is unsuitable" in response.content.decode()
    stay.refresh_from_db()
    assert stay.suitable is False
    assert "No smoke alarm" in stay.suitability_reason


def test_the_stay_page_lists_each_check_and_the_young_persons_words(client_for, pa, young_person):
    stay = StayFactory(young_person=young_person)
    SuitabilityAssessmentFactory(stay=stay, assessed_by=pa, young_persons_views="It's quiet")
    response = client_for(user=pa).get(_url("stay_detail", young_person, stay_pk=stay.pk))
    html = response.content.decode()
    assert "Is it safe?" in html
    assert "It&#x27;s quiet" in html


def test_a_stay_of_another_young_person_is_not_found(client_for, pa, young_person, team):
    other = StayFactory(young_person=YoungPersonFactory(team=team))
    response = client_for(user=pa).get(_url("stay_detail", young_person, stay_pk=other.pk))
    assert response.status_code == 404


def test_staying_close_help_says_when_it_is_in_force(client_for, pa, young_person):
    from careleavers.accommodation.models import AccommodationPolicy

    client = client_for(user=pa)
    page = client.get(_url("staying_close_add", young_person)).content.decode()
    assert "not in force yet" in page
    AccommodationPolicy.objects.update_or_create(pk=1, defaults={"staying_close_in_force": True})
    page = client.get(_url("staying_close_add", young_person)).content.decode()
    assert "not in force yet" not in page
    assert "section 23CZAA" in page


def test_booking_a_taster_flat_and_recording_the_outcome(client_for, pa, young_person):
    flat = TasterFlatFactory(name="Willow flat")
    client = client_for(user=pa)
    response = client.post(
        _url("booking_add", young_person),
        {
            "flat": flat.pk,
            **date_fields("starts_on", days_ago(7)),
            **date_fields("ends_on", days_ago(4)),
            "purpose": "Cooking for myself",
        },
        follow=True,
    )
    assert "Willow flat booked" in response.content.decode()
    booking = young_person.taster_flat_bookings.get()
    response = client.post(
        _url("booking_outcome", young_person, booking_pk=booking.pk),
        {
            "skills_practised": ["cooking", "laundry"],
            "outcome": "ready",
            "outcome_notes": "",
            "young_persons_views": "I can do it",
        },
        follow=True,
    )
    assert "Ready to live on their own" in response.content.decode()


# Housing applications ----------------------------------------------------------------------------


def test_housing_an_applicant_changes_the_waiting_list(client_for, pa, manager, young_person):
    band, provider = PriorityBandFactory(name="Band B"), ProviderFactory(name="Homes Trust")
    client = client_for(user=pa)
    response = client.post(
        _url("application_add", young_person),
        {
            "provider": provider.pk,
            "band": band.pk,
            **date_fields("applied_on", days_ago(30)),
            "reference": "HR123",
            "notes": "",
        },
        follow=True,
    )
    application = HousingApplication.objects.get()
    assert "They are on the waiting list" in response.content.decode()

    manager_client = client_for(user=manager)
    page = manager_client.get(reverse("accommodation:waiting_list")).content.decode()
    assert escape(young_person.display_name) in page
    assert "1 young person waiting" in page

    client.post(
        _url("application_housed", young_person, application_pk=application.pk),
        {**date_fields("housed_on", TODAY), "housed_address": "7 New Home Road"},
    )
    page = manager_client.get(reverse("accommodation:waiting_list")).content.decode()
    assert "0 young people waiting" in page
    assert "Nobody is waiting." in page


def test_refusing_an_offer_needs_a_reason(client_for, pa, young_person):
    from careleavers.accommodation.tests.factories import HousingOfferFactory

    offer = HousingOfferFactory(application=HousingApplicationFactory(young_person=young_person))
    url = _url(
        "offer_decide", young_person, application_pk=offer.application.pk, offer_pk=offer.pk
    )
    client = client_for(user=pa)
    response = client.post(url, {"decision": "refused", **date_fields("decided_on", TODAY)})
    assert "Select why the offer was refused" in response.content.decode()
    client.post(
        url,
        {"decision": "refused", **date_fields("decided_on", TODAY), "refusal_reason": "too_far"},
    )
    offer.refresh_from_db()
    assert offer.refusal_reason == "too_far"


def test_a_risk_of_homelessness_left_blank_is_refused_in_plain_words(client_for, pa, young_person):
    # As a browser sends the form with nothing filled in.
    blank = {"identified_on-day": "", "identified_on-month": "", "identified_on-year": ""}
    response = client_for(user=pa).post(_url("risk_add", young_person), blank)

    page = response.content.decode()
    assert response.status_code == 200
    # In the error summary and beside each field.
    assert page.count("Enter the date the risk was identified") == 2
    assert page.count("Select why they are at risk of homelessness") == 2
    assert not young_person.homelessness_risks.exists()


# Housing pages -----------------------------------------------------------------------------------


def test_the_waiting_list_chart_is_an_svg_beside_the_table(client_for, manager, young_person):
    HousingApplicationFactory(young_person=young_person)
    client = client_for(user=manager)
    page = client.get(reverse("accommodation:waiting_list")).content.decode()
    assert 'src="/housing/waiting-list/chart.svg"' in page
    assert 'alt="Bar chart of young people waiting' in page
    response = client.get(reverse("accommodation:waiting_list_chart"))
    assert response["Content-Type"] == "image/svg+xml"
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}
    assert response.content.startswith(b"<?xml")


@pytest.fixture
def pages_of_two(monkeypatch):
    """The lists across young people show two a page, so three people fill two pages."""
    from careleavers.accommodation import views

    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 2)


def _on_pages(people, first, second):
    """The first two people are named on the first page, the third on the second."""
    assert escape(people[0].display_name) in first
    assert escape(people[1].display_name) in first
    assert escape(people[2].display_name) not in first
    assert escape(people[2].display_name) in second


def test_the_waiting_list_names_a_page_of_people_and_counts_them_all(
    client_for, manager, team, pages_of_two
):
    people = [YoungPersonFactory(team=team) for _ in range(3)]
    for days, young_person in zip((90, 60, 30), people, strict=True):
        HousingApplicationFactory(
            young_person=young_person, applied_on=TODAY - datetime.timedelta(days)
        )
    client = client_for(user=manager)
    url = reverse("accommodation:waiting_list")
    first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()
    # Longest waiting first; the third is on the next page, and the figures count all three.
    _on_pages(people, first, second)
    for page in (first, second):
        assert "3 young people waiting" in page
        assert "Everyone waiting, longest first (3)" in page
    # The chart beside the second page draws the whole list, not its page.
    assert 'src="/housing/waiting-list/chart.svg"' in second


def test_administrators_are_refused_the_housing_pages(client_for, make_user):
    admin = make_user(Role.ADMINISTRATOR)
    client = client_for(user=admin)
    for name in ("waiting_list", "concerns", "taster_flats", "occupancy_chart"):
        assert client.get(reverse(f"accommodation:{name}")).status_code == 403


def test_the_managers_list_shows_young_people_in_b_and_b(client_for, pa, manager, young_person):
    StayFactory(young_person=young_person, accom_type="W", address="Station Hotel")
    page = client_for(user=manager).get(reverse("accommodation:concerns")).content.decode()
    assert escape(young_person.display_name) in page
    assert "Bed and breakfast" in page
    filtered = client_for(user=manager).get(reverse("accommodation:concerns") + "?concern=at_risk")
    assert escape(young_person.display_name) not in filtered.content.decode()
    assert client_for(user=pa).get(reverse("accommodation:concerns")).status_code == 403


def test_the_managers_list_counts_everyone_and_shows_a_page_at_a_time(
    client_for, manager, team, pages_of_two
):
    people = [YoungPersonFactory(team=team) for _ in range(3)]
    for days, young_person in zip((30, 20, 10), people, strict=True):
        StayFactory(
            young_person=young_person, accom_type="W", start=TODAY - datetime.timedelta(days)
        )
    client = client_for(user=manager)
    first = client.get(reverse("accommodation:concerns")).content.decode()
    second = client.get(reverse("accommodation:concerns") + "?page=2").content.decode()
    # The longest in bed and breakfast come first; the third is on the next page.
    _on_pages(people, first, second)
    for page in (first, second):
        assert "Every young person with a concern (3)" in page
        assert 'aria-label="Page 2"' in page


def test_the_taster_flat_calendar_is_a_table_of_nights(client_for, pa, young_person):
    flat = TasterFlatFactory(name="Oak flat")
    first = TODAY.replace(day=1)
    TasterFlatBookingFactory(
        flat=flat,
        young_person=young_person,
        starts_on=first,
        ends_on=first + datetime.timedelta(days=3),
    )
    client = client_for(user=pa)
    page = client.get(reverse("accommodation:taster_flats")).content.decode()
    assert '<th scope="col" class="govuk-table__header">Oak flat</th>' in page
    assert page.count(young_person.display_name) == 3
    assert "10%" in page or "9%" in page or "11%" in page
    other_month = client.get(reverse("accommodation:taster_flats") + "?month=2020-02")
    assert "February 2020" in other_month.content.decode()
    assert client.get(reverse("accommodation:taster_flats") + "?month=nonsense").status_code == 200
    chart = client.get(reverse("accommodation:occupancy_chart"))
    assert chart["Content-Type"] == "image/svg+xml"


# What accommodation adds elsewhere ---------------------------------------------------------------


def test_the_overview_shows_current_accommodation(client_for, pa, young_person):
    StayFactory(young_person=young_person, address="Flat 3, Cedar Court")
    page = (
        client_for(user=pa)
        .get(reverse("people:overview", kwargs={"pk": young_person.pk}))
        .content.decode()
    )
    assert "Where they live" in page
    assert "Flat 3, Cedar Court" in page
    assert "Suitability not assessed" in page


def test_the_chronology_includes_moves(client_for, pa, young_person):
    StayFactory(young_person=young_person, accom_type="T", start=days_ago(20))
    page = (
        client_for(user=pa)
        .get(reverse("people:chronology", kwargs={"pk": young_person.pk}))
        .content.decode()
    )
    assert "Moved in: Foyers" in page


def test_the_work_tray_asks_for_a_suitability_check_after_a_move(client_for, pa, young_person):
    from careleavers.casework.work_tray import work_tray_for

    StayFactory(young_person=young_person, start=days_ago(10))
    items = [item for item in work_tray_for(user=pa) if item.kind == "accommodation_suitability"]
    assert [item.young_person for item in items] == [young_person]
    assert items[0].overdue
    assert items[0].due == days_ago(3)


def test_a_postcode_in_the_wrong_form_is_refused_next_to_the_field(client_for, pa, young_person):
    data = {
        "accom_type": "U",
        "address": "1 Road",
        "postcode": "NOT A CODE",
        "provider": "",
        "landlord": "",
        "council_provided": "False",
        **date_fields("start", days_ago(1)),
        "end_reason": "",
    }
    response = client_for(user=pa).post(_url("stay_add", young_person), data)
    assert response.status_code == 200
    assert "id_postcode-error" in response.content.decode()
    assert not AccommodationStay.objects.exists()


def _page_queries(client, url: str) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # a chart drawn afresh each time, not once drawn and once read
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _housing_concerns_and_applications(team, count: int) -> None:
    for index in range(count):
        young_person = YoungPersonFactory(team=team)
        StayFactory(young_person=young_person, accom_type="W", start=days_ago(10 + index))
        HousingApplicationFactory(young_person=young_person, applied_on=days_ago(20 + index))


@pytest.mark.parametrize(
    "url",
    [
        "/housing/accommodation-concerns/",
        "/housing/accommodation-concerns/?concern=b_and_b&page=2",
        "/housing/waiting-list/",
        "/housing/waiting-list/?page=2",
        "/housing/waiting-list/chart.svg",
    ],
)
def test_the_housing_lists_cost_the_same_queries_for_3_or_9_young_people(
    client_for, manager, team, monkeypatch, url
):
    from careleavers.accommodation import views

    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 2)
    client = client_for(user=manager)
    _housing_concerns_and_applications(team, 3)
    _page_queries(client, url)  # the first request also signs in and starts the session
    three = _page_queries(client, url)
    _housing_concerns_and_applications(team, 6)
    assert _page_queries(client, url) == three
