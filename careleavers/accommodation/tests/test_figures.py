"""Waiting-time figures on a known dataset, and taster flat occupancy."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from careleavers.accommodation.figures import (
    ApplicationFacts,
    BookingFacts,
    month_days,
    occupancy,
    overlaps,
    waiting_by_band,
    waiting_list_figures,
)

D = datetime.date
ON = D(2026, 6, 1)
A = {"band": "Band A", "target_days": 56, "band_order": 10}
B = {"band": "Band B", "target_days": 112, "band_order": 20}
C = {"band": "Band C", "target_days": None, "band_order": 30}

DATASET = [
    ApplicationFacts(provider="Council", applied_on=D(2026, 5, 1), **A),  # waiting 31 days
    ApplicationFacts(provider="Council", applied_on=D(2026, 3, 1), **A),  # waiting 92, over
    ApplicationFacts(
        provider="Council", applied_on=D(2026, 1, 1), housed_on=D(2026, 2, 15), **A
    ),  # housed after 45 days, within target
    ApplicationFacts(provider="HA", applied_on=D(2025, 12, 1), **A),  # waiting 182, over
    ApplicationFacts(provider="Council", applied_on=D(2026, 4, 1), **B),  # waiting 61
    ApplicationFacts(
        provider="Council", applied_on=D(2025, 9, 1), housed_on=D(2026, 3, 1), **B
    ),  # housed after 181 days, over target
    ApplicationFacts(
        provider="Council", applied_on=D(2025, 10, 1), closed_on=D(2026, 1, 1), **B
    ),  # withdrawn: neither waiting nor housed
    ApplicationFacts(
        provider="Council", applied_on=D(2024, 1, 1), housed_on=D(2025, 1, 1), **B
    ),  # housed before the last year: not counted
    ApplicationFacts(provider="Council", applied_on=D(2026, 7, 1), **B),  # applies later
    ApplicationFacts(provider="HA", applied_on=D(2025, 6, 1), **C),  # waiting 365, no target
]


def _row(rows, band, provider):
    return next(row for row in rows if (row.band, row.provider) == (band, provider))


def test_waiting_figures_by_band_and_provider_on_a_known_dataset():
    rows = waiting_list_figures(DATASET, on=ON)
    assert [(row.band, row.provider) for row in rows] == [
        ("Band A", "Council"),
        ("Band A", "HA"),
        ("Band B", "Council"),
        ("Band C", "HA"),
        ("", ""),
    ]
    a_council = _row(rows, "Band A", "Council")
    assert (a_council.waiting, a_council.median_wait_days, a_council.longest_wait_days) == (
        2,
        31,
        92,
    )
    assert a_council.over_target == 1
    assert (a_council.housed, a_council.median_days_to_housed) == (1, 45)
    assert a_council.housed_within_target == 1
    assert a_council.target_days == 56

    a_ha = _row(rows, "Band A", "HA")
    assert (a_ha.waiting, a_ha.median_wait_days, a_ha.over_target, a_ha.housed) == (1, 182, 1, 0)
    assert a_ha.median_days_to_housed is None

    b_council = _row(rows, "Band B", "Council")
    assert (b_council.waiting, b_council.median_wait_days, b_council.over_target) == (1, 61, 0)
    assert (b_council.housed, b_council.median_days_to_housed) == (1, 181)
    assert b_council.housed_within_target == 0

    c_ha = _row(rows, "Band C", "HA")
    assert (c_ha.waiting, c_ha.longest_wait_days, c_ha.over_target) == (1, 365, 0)

    total = rows[-1]
    assert total.is_total
    assert (total.waiting, total.median_wait_days, total.longest_wait_days) == (5, 92, 365)
    assert total.over_target == 2
    assert (total.housed, total.median_days_to_housed, total.housed_within_target) == (2, 45, 1)


def test_waiting_by_band_for_the_chart():
    rows = waiting_list_figures(DATASET, on=ON)
    assert waiting_by_band(rows) == [("Band A", 1, 2), ("Band B", 1, 0), ("Band C", 1, 0)]


def test_being_housed_takes_someone_off_the_list_that_day():
    application = ApplicationFacts("Band A", "Council", D(2026, 1, 1), housed_on=ON)
    assert application.is_waiting(ON - datetime.timedelta(days=1))
    assert not application.is_waiting(ON)
    before = waiting_list_figures([application], on=ON - datetime.timedelta(days=1))[-1]
    after = waiting_list_figures([application], on=ON)[-1]
    assert (before.waiting, before.housed) == (1, 0)
    assert (after.waiting, after.housed) == (0, 1)


def test_an_empty_list_has_only_a_total_of_zero():
    rows = waiting_list_figures([], on=ON)
    assert len(rows) == 1
    assert rows[0].waiting == 0
    assert rows[0].median_wait_days is None


applications = st.lists(
    st.builds(
        lambda band, provider, applied, housed_after, closed_after, target: ApplicationFacts(
            band=band,
            provider=provider,
            applied_on=applied,
            housed_on=None if housed_after is None else applied + datetime.timedelta(housed_after),
            closed_on=None if closed_after is None else applied + datetime.timedelta(closed_after),
            target_days=target,
        ),
        st.sampled_from(["A", "B"]),
        st.sampled_from(["Council", "HA"]),
        st.dates(D(2024, 1, 1), D(2026, 12, 31)),
        st.none() | st.integers(0, 600),
        st.none() | st.integers(0, 600),
        st.none() | st.integers(1, 200),
    ),
    max_size=30,
)


@given(apps=applications, on=st.dates(D(2025, 1, 1), D(2027, 1, 1)))
def test_the_rows_add_up_to_the_total(apps, on):
    rows = waiting_list_figures(apps, on=on)
    total = rows[-1]
    parts = rows[:-1]
    assert total.waiting == sum(row.waiting for row in parts)
    assert total.waiting == sum(1 for app in apps if app.is_waiting(on))
    assert total.over_target == sum(row.over_target for row in parts)
    assert total.housed == sum(row.housed for row in parts)
    for row in rows:
        assert 0 <= row.over_target <= row.waiting
        assert 0 <= row.housed_within_target <= row.housed
        if row.waiting:
            assert row.median_wait_days is not None
            assert 0 <= row.median_wait_days <= row.longest_wait_days


def test_occupancy_counts_only_the_nights_in_the_month():
    june = month_days(2026, 6)
    bookings = [
        BookingFacts(1, D(2026, 5, 28), D(2026, 6, 3)),  # 1 and 2 June
        BookingFacts(1, D(2026, 6, 10), D(2026, 6, 17)),  # 7 nights
        BookingFacts(1, D(2026, 6, 28), D(2026, 7, 5)),  # 28, 29, 30 June
        BookingFacts(3, D(2026, 6, 1), D(2026, 6, 20)),  # a flat not asked about
    ]
    result = occupancy(bookings, flat_ids=[1, 2], first=june[0], last=june[-1])
    assert [
        (item.flat_id, item.nights_booked, item.nights_available, item.percent) for item in result
    ] == [(1, 12, 30, 40), (2, 0, 30, 0)]


def test_leaving_on_the_day_the_next_person_arrives_is_not_a_clash():
    assert not overlaps(D(2026, 6, 1), D(2026, 6, 5), D(2026, 6, 5), D(2026, 6, 8))
    assert overlaps(D(2026, 6, 1), D(2026, 6, 6), D(2026, 6, 5), D(2026, 6, 8))


@given(
    start=st.dates(D(2026, 1, 1), D(2026, 12, 1)),
    nights=st.integers(1, 60),
    month=st.integers(1, 12),
)
def test_nights_in_a_month_never_exceed_the_booking_or_the_month(start, nights, month):
    booking = BookingFacts(1, start, start + datetime.timedelta(days=nights))
    days = month_days(2026, month)
    counted = booking.nights_between(days[0], days[-1])
    assert 0 <= counted <= min(nights, len(days))
    assert counted == sum(1 for day in days if booking.has_night(day))
