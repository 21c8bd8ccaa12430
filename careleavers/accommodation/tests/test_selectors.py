"""Accommodation reads: visibility, plain values for the returns, and constant query counts."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careleavers.accommodation import selectors
from careleavers.accommodation.selectors import StayFacts
from careleavers.accommodation.tests.factories import (
    HomelessnessRiskFactory,
    HousingApplicationFactory,
    PriorityBandFactory,
    ProviderFactory,
    StayFactory,
    TasterFlatBookingFactory,
    TasterFlatFactory,
)
from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory
from careleavers.casework.models import Allocation
from careleavers.core.tests.days import TODAY, days_ago
from careleavers.people.tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


# Plain values for the returns and the contact standard -------------------------------------------


def test_stay_facts_for_many_young_people_in_one_query():
    first, second, third = YoungPersonFactory(), YoungPersonFactory(), YoungPersonFactory()
    StayFactory(young_person=first, accom_type="D", start=days_ago(300), end=days_ago(100))
    StayFactory(young_person=first, accom_type="U", start=days_ago(100), suitable=True)
    StayFactory(young_person=second, accom_type="S", start=days_ago(10), suitable=False)
    archived = StayFactory(
        young_person=second, accom_type="W", start=days_ago(50), end=days_ago(10)
    )
    type(archived).objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    with CaptureQueriesContext(connection) as captured:
        facts = selectors.stay_facts_for(young_person_ids=[first.pk, second.pk, third.pk])
    assert len(captured) == 1
    assert facts == {
        first.pk: [
            StayFacts(days_ago(300), days_ago(100), "D", None),
            StayFacts(days_ago(100), None, "U", True),
        ],
        second.pk: [StayFacts(days_ago(10), None, "S", False)],
    }


def test_contact_due_inputs_give_council_starts_and_whether_they_live_there_now():
    moved, left, never = YoungPersonFactory(), YoungPersonFactory(), YoungPersonFactory()
    StayFactory(young_person=moved, start=days_ago(200), end=days_ago(3), council_provided=False)
    StayFactory(young_person=moved, start=days_ago(3), council_provided=True)
    StayFactory(young_person=left, start=days_ago(90), end=days_ago(5), council_provided=True)
    StayFactory(young_person=left, start=days_ago(5), council_provided=False, accom_type="U")
    inputs = selectors.contact_due_inputs(
        young_person_ids=[moved.pk, left.pk, never.pk], today=TODAY
    )
    assert inputs == {
        moved.pk: {
            "council_accommodation_starts": [days_ago(3)],
            "in_council_accommodation": True,
            "council_accommodation_since": days_ago(3),
        },
        left.pk: {
            "council_accommodation_starts": [days_ago(90)],
            "in_council_accommodation": False,
            "council_accommodation_since": None,
        },
    }


def test_a_move_between_places_the_council_provides_keeps_the_day_it_first_provided_one():
    # Care Leavers (England) Regs 2010 reg 7(3): the reviews count from when the council first
    # provided the accommodation; a move to another such place is the same unbroken period.
    young_person = YoungPersonFactory()
    StayFactory(young_person=young_person, start=days_ago(100), end=days_ago(40))
    StayFactory(young_person=young_person, start=days_ago(40), council_provided=True)
    StayFactory(
        young_person=young_person, start=days_ago(300), end=days_ago(100), council_provided=False
    )

    inputs = selectors.contact_due_inputs(young_person_ids=[young_person.pk], today=TODAY)

    assert inputs[young_person.pk]["council_accommodation_since"] == days_ago(100)
    assert inputs[young_person.pk]["council_accommodation_starts"] == [days_ago(100), days_ago(40)]


def test_current_stays_for_many_in_one_query():
    people = [YoungPersonFactory() for _ in range(3)]
    for young_person in people[:2]:
        StayFactory(young_person=young_person)
    with CaptureQueriesContext(connection) as captured:
        current = selectors.current_stays_for(young_person_ids=[yp.pk for yp in people])
    assert len(captured) == 1
    assert set(current) == {people[0].pk, people[1].pk}


# The managers' list ------------------------------------------------------------------------------


def _concern_people(team, count: int) -> None:
    for index in range(count):
        young_person = YoungPersonFactory(team=team)
        kind = index % 4
        if kind == 0:
            StayFactory(young_person=young_person, accom_type="W")
        elif kind == 1:
            StayFactory(young_person=young_person, suitable=False, suitability_reason="Damp")
        elif kind == 2:
            HomelessnessRiskFactory(young_person=young_person)
        else:
            StayFactory(young_person=young_person, accom_type="S", suitable=False)


def _concern_rows(user):
    return selectors.concern_rows(selectors.concern_facts_for(user=user))


def test_the_managers_list_costs_the_same_queries_for_4_or_16_young_people(manager, team):
    _concern_people(team, 4)  # one of each kind of concern
    four = _queries(lambda: _concern_rows(manager))
    _concern_people(team, 12)
    sixteen = _queries(lambda: _concern_rows(manager))
    assert len(_concern_rows(manager)) == 16
    assert four == sixteen


def test_the_managers_list_shows_only_concerns_and_only_visible_young_people(manager, team):
    fine = YoungPersonFactory(team=team)
    StayFactory(young_person=fine, suitable=True)
    homeless = YoungPersonFactory(team=team)
    StayFactory(young_person=homeless, accom_type="S", start=days_ago(5), suitable=False)
    b_and_b = YoungPersonFactory(team=team)
    StayFactory(young_person=b_and_b, accom_type="W", start=days_ago(40))
    unsuitable = YoungPersonFactory(team=team)
    StayFactory(young_person=unsuitable, suitable=False, start=days_ago(90))
    at_risk = YoungPersonFactory(team=team)
    StayFactory(young_person=at_risk, accom_type="U", suitable=True)
    HomelessnessRiskFactory(young_person=at_risk)
    elsewhere = YoungPersonFactory(team=TeamFactory())
    StayFactory(young_person=elsewhere, accom_type="V")
    restricted = YoungPersonFactory(team=team, is_restricted=True)
    StayFactory(young_person=restricted, accom_type="V")

    facts = selectors.concern_facts_for(user=manager)
    rows = selectors.concern_rows(facts)
    assert [row.young_person for row in rows] == [homeless, b_and_b, unsuitable, at_risk]
    assert rows[0].concerns == ("No fixed abode", "Unsuitable accommodation")
    assert rows[3].concerns == ("At risk of homelessness",)
    assert rows[3].stay is not None
    assert rows[3].stay.accom_type == "U"
    counts = {key: count for key, _label, count in selectors.concern_counts(facts)}
    assert counts == {"homeless": 1, "b_and_b": 1, "emergency": 0, "unsuitable": 2, "at_risk": 1}


def test_the_managers_list_names_the_personal_adviser(manager, team, make_user):
    young_person = YoungPersonFactory(team=team)
    StayFactory(young_person=young_person, accom_type="W")
    pa = make_user(Role.PERSONAL_ADVISER, team=team, first_name="Asha", last_name="Patel")
    Allocation.objects.create(young_person=young_person, worker=pa, role="pa", reason="FIRST")
    (row,) = _concern_rows(manager)
    assert row.worker_name == "Asha Patel"


def test_the_managers_list_reads_the_latest_current_stay_and_orders_ties_by_young_person(
    manager, team
):
    moved = YoungPersonFactory(team=team)
    StayFactory(young_person=moved, accom_type="W", start=days_ago(50))
    StayFactory(young_person=moved, accom_type="V", start=days_ago(20))  # the latest wins
    first, second = YoungPersonFactory(team=team), YoungPersonFactory(team=team)
    for young_person in (second, first):
        StayFactory(young_person=young_person, accom_type="W", start=days_ago(30))
    no_stay = YoungPersonFactory(team=team)
    HomelessnessRiskFactory(young_person=no_stay, identified_on=days_ago(7))

    facts = selectors.concern_facts_for(user=manager)

    assert [(f.young_person_id, f.concerns, f.since) for f in facts] == [
        (first.pk, ("Bed and breakfast",), days_ago(30)),
        (second.pk, ("Bed and breakfast",), days_ago(30)),
        (moved.pk, ("Emergency accommodation",), days_ago(20)),
        (no_stay.pk, ("At risk of homelessness",), days_ago(7)),
    ]
    assert facts[3].stay_id is None
    counts = {label: count for _key, label, count in selectors.concern_counts(facts)}
    assert counts == {
        label: sum(1 for fact in facts if label in fact.concerns)
        for label in selectors.CONCERN_FILTERS.values()
    }


# The waiting list --------------------------------------------------------------------------------


def _application_in(team, **fields):
    """A housing application by a new young person in `team`."""
    return HousingApplicationFactory(young_person=YoungPersonFactory(team=team), **fields)


def _applications(team, count: int, band, provider) -> None:
    for index in range(count):
        _application_in(team, band=band, provider=provider, applied_on=days_ago(10 + index))


def test_the_waiting_list_costs_the_same_queries_for_1_or_15(manager, team):
    band, provider = PriorityBandFactory(), ProviderFactory()
    _applications(team, 1, band, provider)
    one = _queries(lambda: selectors.waiting_list_for(user=manager, on=TODAY))
    _applications(team, 14, band, provider)
    fifteen = _queries(lambda: selectors.waiting_list_for(user=manager, on=TODAY))
    result = selectors.waiting_list_for(user=manager, on=TODAY)
    assert len(result.waiting) == 15
    assert one == fifteen
    page = _queries(lambda: selectors.waiting_applications(result.waiting[:1], on=TODAY))
    assert _queries(lambda: selectors.waiting_applications(result.waiting[:15], on=TODAY)) == page


def test_the_waiting_list_uses_the_providers_own_target_where_set(manager, team):
    from careleavers.accommodation.models import ProtocolTarget

    band = PriorityBandFactory(target_weeks=16)
    council, partner = ProviderFactory(name="Council"), ProviderFactory(name="Partner")
    ProtocolTarget.objects.create(band=band, provider=partner, target_weeks=4)
    _application_in(team, band=band, provider=council, applied_on=days_ago(50))
    _application_in(team, band=band, provider=partner, applied_on=days_ago(50))
    result = selectors.waiting_list_for(user=manager, on=TODAY)
    over = {
        item.application.provider.name: item.entry.over_target
        for item in selectors.waiting_applications(result.waiting[:2], on=TODAY)
    }
    assert over == {"Council": False, "Partner": True}


def test_the_waiting_list_shows_only_visible_young_people_and_filters(manager, team):
    band, other_band = PriorityBandFactory(), PriorityBandFactory()
    provider = ProviderFactory()
    mine = _application_in(team, band=band, provider=provider)
    _application_in(TeamFactory(), band=band, provider=provider)
    _application_in(team, band=other_band, provider=provider, housed_on=days_ago(1))
    result = selectors.waiting_list_for(user=manager, on=TODAY)
    assert result.waiting[:10] == [mine.pk]
    assert result.rows[-1].housed == 1
    filtered = selectors.waiting_list_for(user=manager, on=TODAY, band_id=other_band.pk)
    assert (len(filtered.waiting), filtered.waiting[:10]) == (0, [])


def _figures_one_application_at_a_time(applications, on):
    """The waiting list as it was worked out before the database grouped it: one set of facts
    for every application, and everyone waiting sorted in Python, longest first."""
    from careleavers.accommodation import figures
    from careleavers.accommodation.models import ProtocolTarget

    overrides = {(t.band_id, t.provider_id): t.target_weeks for t in ProtocolTarget.objects.all()}
    facts = []
    for app in sorted(applications, key=lambda app: (app.applied_on, app.pk)):
        weeks = overrides.get((app.band_id, app.provider_id))
        weeks = app.band.target_weeks if weeks is None else weeks
        fact = figures.ApplicationFacts(
            band=app.band.name,
            provider=app.provider.name,
            applied_on=app.applied_on,
            housed_on=app.housed_on,
            closed_on=app.closed_on,
            target_days=None if weeks is None else weeks * 7,
            band_order=app.band.order,
        )
        facts.append((app.pk, fact))
    housed_since = on - datetime.timedelta(days=figures.HOUSED_LOOKBACK_DAYS)
    rows = figures.waiting_list_figures([f for _, f in facts], on=on, housed_since=housed_since)
    waiting = sorted(
        ((pk, f.days_waited(on), f.target_days) for pk, f in facts if f.is_waiting(on)),
        key=lambda entry: (-entry[1], entry[0]),
    )
    return rows, waiting


@pytest.fixture
def varied_applications(team):
    """Applications at every edge of waiting and housed: shared dates, the last day of the
    housed year, housed or closed after today, no target, a provider's own target, and two
    bands of the same name and order."""
    from careleavers.accommodation.models import HousingApplication, ProtocolTarget

    urgent = PriorityBandFactory(name="Urgent", order=1, target_weeks=4)
    general = PriorityBandFactory(name="General", order=2, target_weeks=None)
    twin = PriorityBandFactory(name="Urgent", order=1, target_weeks=9)
    council, partner = ProviderFactory(name="Council"), ProviderFactory(name="Partner")
    ProtocolTarget.objects.create(band=urgent, provider=partner, target_weeks=2)
    year_ago = TODAY - datetime.timedelta(days=365)
    shapes = [
        (urgent, council, {"applied_on": days_ago(40)}),
        (urgent, council, {"applied_on": days_ago(40)}),  # the same dates as the one before
        (urgent, council, {"applied_on": days_ago(40)}),
        (urgent, partner, {"applied_on": days_ago(20)}),
        (urgent, partner, {"applied_on": days_ago(10)}),
        (urgent, council, {"applied_on": TODAY}),  # waited no days yet
        (urgent, council, {"applied_on": days_ago(-3)}),  # applies later: not counted
        (urgent, council, {"applied_on": days_ago(60), "housed_on": days_ago(5)}),
        (urgent, partner, {"applied_on": days_ago(400), "housed_on": year_ago}),  # just in
        (urgent, partner, {"applied_on": days_ago(400), "housed_on": days_ago(366)}),  # out
        (urgent, council, {"applied_on": days_ago(90), "housed_on": TODAY}),
        (urgent, council, {"applied_on": days_ago(30), "housed_on": days_ago(-2)}),  # waits
        (general, council, {"applied_on": days_ago(200), "closed_on": days_ago(-1)}),  # waits
        (general, council, {"applied_on": days_ago(200), "closed_on": TODAY}),  # closed
        (general, partner, {"applied_on": days_ago(500)}),
        (general, partner, {"applied_on": days_ago(500)}),
        (general, council, {"applied_on": days_ago(100), "housed_on": days_ago(50)}),
        (twin, council, {"applied_on": days_ago(40)}),  # ties with the first three
        (twin, council, {"applied_on": days_ago(70), "housed_on": days_ago(30)}),
    ]
    for band, provider, dates in shapes:
        _application_in(team, band=band, provider=provider, **dates)
    archived = _application_in(team, band=urgent, provider=council)
    HousingApplication.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    HousingApplicationFactory(  # someone the manager cannot see
        young_person=YoungPersonFactory(team=TeamFactory()), band=urgent, provider=council
    )
    return {"urgent": urgent, "general": general, "council": council, "partner": partner}


@pytest.mark.parametrize(
    ("band", "provider"),
    [(None, None), ("urgent", None), (None, "partner"), ("general", "council")],
)
def test_the_grouped_waiting_list_equals_the_figures_of_each_application(
    manager, varied_applications, band, provider
):
    from careleavers.accommodation.models import HousingApplication

    band_id = varied_applications[band].pk if band else None
    provider_id = varied_applications[provider].pk if provider else None
    result = selectors.waiting_list_for(
        user=manager, on=TODAY, band_id=band_id, provider_id=provider_id
    )
    applications = (
        HousingApplication.objects.live()
        .filter(young_person__team=manager.team)
        .select_related("band", "provider")
    )
    if band_id:
        applications = applications.filter(band_id=band_id)
    if provider_id:
        applications = applications.filter(provider_id=provider_id)
    rows, waiting = _figures_one_application_at_a_time(list(applications), TODAY)
    assert result.rows == rows
    assert result.rows[-1].waiting > 0
    assert len(result.waiting) == len(waiting)
    page = selectors.waiting_applications(result.waiting[: len(waiting)], on=TODAY)
    assert [
        (item.entry.application_id, item.entry.days_waited, item.entry.target_days)
        for item in page
    ] == waiting


def test_the_waiting_list_is_paged_by_the_database_longest_first(manager, varied_applications):
    result = selectors.waiting_list_for(user=manager, on=TODAY)
    everyone = result.waiting[: len(result.waiting)]
    assert result.waiting[2:5] == everyone[2:5]
    assert len(everyone) == result.rows[-1].waiting


# Taster flats ------------------------------------------------------------------------------------


def test_the_calendar_hides_names_the_user_may_not_see(manager, team):
    flat = TasterFlatFactory()
    first = TODAY.replace(day=1)
    mine = TasterFlatBookingFactory(
        flat=flat,
        young_person=YoungPersonFactory(team=team),
        starts_on=first,
        ends_on=first + datetime.timedelta(days=2),
    )
    TasterFlatBookingFactory(
        flat=flat,
        young_person=YoungPersonFactory(team=TeamFactory()),
        starts_on=first + datetime.timedelta(days=2),
        ends_on=first + datetime.timedelta(days=4),
    )
    month = selectors.taster_month_for(user=manager, year=first.year, month=first.month)
    cells = [cells[0] for _day, cells in month.days[:5]]
    assert [cell.booking is not None for cell in cells] == [True, True, True, True, False]
    assert [cell.show_name for cell in cells[:4]] == [True, True, False, False]
    assert cells[0].booking == mine
    assert cells[0].arrives
    assert not cells[1].arrives
    ((only_flat, occupancy),) = month.occupancy
    assert only_flat == flat
    assert occupancy.nights_booked == 4


def test_the_calendar_costs_the_same_queries_for_1_or_15_bookings(manager, team):
    flats = [TasterFlatFactory() for _ in range(3)]
    first = TODAY.replace(day=1)

    def book(index: int) -> None:
        TasterFlatBookingFactory(
            flat=flats[index % 3],
            young_person=YoungPersonFactory(team=team),
            starts_on=first + datetime.timedelta(days=2 * (index // 3)),
            ends_on=first + datetime.timedelta(days=2 * (index // 3) + 2),
        )

    book(0)
    one = _queries(
        lambda: selectors.taster_month_for(user=manager, year=first.year, month=first.month)
    )
    for index in range(1, 15):
        book(index)
    fifteen = _queries(
        lambda: selectors.taster_month_for(user=manager, year=first.year, month=first.month)
    )
    assert one == fifteen
