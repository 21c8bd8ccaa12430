"""Accommodation reads. Lists of young people go through `young_people_visible_to`, and every
list costs a fixed number of queries whatever its length."""

from __future__ import annotations

import datetime
import functools
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from django.db.models import Count, Max, Model, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from careleavers.accommodation import figures
from careleavers.accommodation.models import (
    AccommodationStay,
    HomelessnessRisk,
    HousingApplication,
    HousingBid,
    HousingOffer,
    PriorityBand,
    ProtocolTarget,
    Provider,
    StayingClose,
    StayingCloseReview,
    StayingPut,
    SuitabilityAssessment,
    TasterFlat,
    TasterFlatBooking,
)
from careleavers.accommodation.suitability import CONCERN_TYPES
from careleavers.core.lookups import id_batches
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

# One young person --------------------------------------------------------------------------------


def stays_for(*, young_person: YoungPerson) -> list[AccommodationStay]:
    """Their accommodation history, newest first, with providers and assessments (3 queries)."""
    assessments = SuitabilityAssessment.objects.select_related("assessed_by").order_by(
        "-assessed_on", "-id"
    )
    return list(
        AccommodationStay.objects.live()
        .filter(young_person=young_person)
        .select_related("provider")
        .prefetch_related(Prefetch("assessments", queryset=assessments))
        .order_by("-start", "-id")
    )


RecordT = TypeVar("RecordT", bound=Model)


def _theirs(
    records: type[RecordT] | QuerySet[RecordT], young_person: YoungPerson, pk: int
) -> RecordT:
    """The young person's record `pk` among `records` (a model or a queryset), or 404 when it
    is not theirs or there is none."""
    return get_object_or_404(records, young_person=young_person, pk=pk)


def current_stay_for(*, young_person: YoungPerson) -> AccommodationStay | None:
    return (
        AccommodationStay.objects.live()
        .filter(young_person=young_person, end__isnull=True)
        .select_related("provider")
        .order_by("-start")
        .first()
    )


def stay_for_record(*, young_person: YoungPerson, pk: int) -> AccommodationStay:
    return _theirs(AccommodationStay.objects.live().select_related("provider"), young_person, pk)


def assessments_for(*, stay: AccommodationStay) -> QuerySet[SuitabilityAssessment]:
    return stay.assessments.select_related("assessed_by").order_by("-assessed_on", "-id")


def homelessness_risks_for(*, young_person: YoungPerson) -> list[HomelessnessRisk]:
    return list(HomelessnessRisk.objects.filter(young_person=young_person))


def risk_for_record(*, young_person: YoungPerson, pk: int) -> HomelessnessRisk:
    return _theirs(HomelessnessRisk, young_person, pk)


def staying_put_for(*, young_person: YoungPerson) -> list[StayingPut]:
    return list(StayingPut.objects.live().filter(young_person=young_person))


def staying_put_for_record(*, young_person: YoungPerson, pk: int) -> StayingPut:
    return _theirs(StayingPut.objects.live(), young_person, pk)


def staying_close_for(*, young_person: YoungPerson) -> list[StayingClose]:
    reviews = StayingCloseReview.objects.select_related("reviewed_by")
    return list(
        StayingClose.objects.live()
        .filter(young_person=young_person)
        .select_related("assessed_by")
        .prefetch_related(Prefetch("reviews", queryset=reviews))
    )


def staying_close_for_record(*, young_person: YoungPerson, pk: int) -> StayingClose:
    return _theirs(StayingClose.objects.live().select_related("young_person"), young_person, pk)


def housing_applications_for(*, young_person: YoungPerson) -> list[HousingApplication]:
    return list(
        HousingApplication.objects.live()
        .filter(young_person=young_person)
        .select_related("provider", "band")
        .prefetch_related("bids", "offers")
    )


def application_for_record(*, young_person: YoungPerson, pk: int) -> HousingApplication:
    return get_object_or_404(
        HousingApplication.objects.live()
        .select_related("provider", "band")
        .prefetch_related(
            Prefetch("bids", queryset=HousingBid.objects.order_by("-placed_on", "-id")),
            Prefetch("offers", queryset=HousingOffer.objects.order_by("-offered_on", "-id")),
        ),
        young_person=young_person,
        pk=pk,
    )


def offer_for_record(*, application: HousingApplication, pk: int) -> HousingOffer:
    return get_object_or_404(HousingOffer, application=application, pk=pk)


def taster_bookings_for(*, young_person: YoungPerson) -> list[TasterFlatBooking]:
    return list(
        TasterFlatBooking.objects.live().filter(young_person=young_person).select_related("flat")
    )


def booking_for_record(*, young_person: YoungPerson, pk: int) -> TasterFlatBooking:
    return _theirs(TasterFlatBooking.objects.live().select_related("flat"), young_person, pk)


# Reference data ----------------------------------------------------------------------------------


def providers_for_stays() -> QuerySet[Provider]:
    return Provider.objects.filter(is_active=True)


def providers_taking_applications() -> QuerySet[Provider]:
    return Provider.objects.filter(is_active=True, takes_housing_applications=True)


def bands_in_use() -> QuerySet[PriorityBand]:
    return PriorityBand.objects.filter(is_active=True)


def flats_in_use() -> QuerySet[TasterFlat]:
    return TasterFlat.objects.filter(is_active=True)


# Many young people (returns, the contact standard, lists) ----------------------------------------


@dataclass(frozen=True)
class StayFacts:
    """One stay as plain values. ``end`` is the day they moved out (None while they live
    there); the stay covers each day from ``start`` up to the day before ``end``."""

    start: datetime.date
    end: datetime.date | None
    accom_type: str
    suitable: bool | None  # None until suitability has been assessed


def stay_facts_for(
    *,
    young_person_ids: Collection[int],
    during: tuple[datetime.date, datetime.date] | None = None,
) -> dict[int, list[StayFacts]]:
    """Each young person's stays as plain values, oldest first, for the SSDA903 return (whose
    ACCOM rule is in returns/ssda903.py); with ``during`` (first and last day), only the stays
    covering some day of it. One query per 2,000 young people."""
    result: dict[int, list[StayFacts]] = defaultdict(list)
    stays = AccommodationStay.objects.live()
    if during is not None:
        first, last = during
        # A stay covers the days from its start up to the day before its end.
        stays = stays.filter(Q(end__isnull=True) | Q(end__gt=first), start__lte=last)
    for batch in id_batches(young_person_ids):
        rows = (
            stays.filter(young_person_id__any=batch)
            .order_by("young_person_id", "start", "id")
            .values_list("young_person_id", "start", "end", "accom_type", "suitable")
        )
        for young_person_id, start, end, accom_type, suitable in rows:
            result[young_person_id].append(StayFacts(start, end, accom_type, suitable))
    return dict(result)


def contact_due_inputs(
    *, young_person_ids: Collection[int], today: datetime.date
) -> dict[int, dict[str, Any]]:
    """The contact standard's accommodation inputs (registered with casework's contact_due).

    For each young person with any recorded stay: the days council-provided accommodation
    started (the 7-day visit, Care Leavers (England) Regs 2010 reg 8(2)(a)), whether they live
    in council-provided accommodation today (the two-monthly visit, reg 8(2)(c)), and the day
    the council first provided the accommodation they live in now, moves from one such place to
    the next making one unbroken period (the reg 7(3) reviews).
    """
    result: dict[int, dict[str, Any]] = {}
    for batch in id_batches(young_person_ids):
        rows = (
            AccommodationStay.objects.live()
            .filter(young_person_id__in=batch, start__lte=today)
            .order_by("young_person_id", "start", "id")
            .values_list("young_person_id", "start", "end", "council_provided")
        )
        spells: dict[int, list[list[Any]]] = defaultdict(list)
        for young_person_id, start, end, council_provided in rows:
            inputs = result.setdefault(
                young_person_id,
                {
                    "council_accommodation_starts": [],
                    "in_council_accommodation": False,
                    "council_accommodation_since": None,
                },
            )
            if council_provided:
                inputs["council_accommodation_starts"].append(start)
                if end is None or end > today:
                    inputs["in_council_accommodation"] = True
                own = spells[young_person_id]
                if own and (own[-1][1] is None or start <= own[-1][1]):
                    if own[-1][1] is not None:
                        own[-1][1] = None if end is None else max(own[-1][1], end)
                else:
                    own.append([start, end])
        for young_person_id, own in spells.items():
            for start, end in own:
                if start <= today and (end is None or end > today):
                    result[young_person_id]["council_accommodation_since"] = start
    return result


def current_stays_for(*, young_person_ids: Collection[int]) -> dict[int, AccommodationStay]:
    """Each young person's current stay, for lists (one query per 2,000)."""
    result: dict[int, AccommodationStay] = {}
    for batch in id_batches(young_person_ids):
        stays = (
            AccommodationStay.objects.live()
            .filter(young_person_id__in=batch, end__isnull=True)
            .select_related("provider")
            .order_by("young_person_id", "start")
        )
        for stay in stays:
            result[stay.young_person_id] = stay  # the latest start wins
    return result


# The managers' list ------------------------------------------------------------------------------


class ConcernFacts(NamedTuple):
    """One young person's concerns as plain values: enough to count, filter and order the whole
    list without loading anyone's records (at national size the list runs to thousands, so a
    light tuple rather than a dataclass)."""

    young_person_id: int
    stay_id: int | None
    risk_id: int | None
    concerns: tuple[str, ...]
    severity: int  # 0 no fixed abode, 1 B&B or emergency, 2 unsuitable, 3 at risk only
    since: datetime.date | None


@dataclass(frozen=True)
class ConcernRow:
    """One line of the managers' list, with the records it shows."""

    young_person: YoungPerson
    stay: AccommodationStay | None
    risk: HomelessnessRisk | None
    concerns: tuple[str, ...]
    since: datetime.date | None
    worker_name: str = ""


CONCERN_FILTERS = {
    "homeless": "No fixed abode",
    "b_and_b": "Bed and breakfast",
    "emergency": "Emergency accommodation",
    "unsuitable": "Unsuitable accommodation",
    "at_risk": "At risk of homelessness",
}


def _concern_labels(
    accom_type: str | None, suitable: bool | None, at_risk: bool
) -> tuple[str, ...]:
    labels = {
        "S": (CONCERN_FILTERS["homeless"],),
        "W": (CONCERN_FILTERS["b_and_b"],),
        "V": (CONCERN_FILTERS["emergency"],),
    }.get(accom_type or "", ())
    if suitable is False:
        labels = (*labels, CONCERN_FILTERS["unsuitable"])
    if at_risk:
        labels = (*labels, CONCERN_FILTERS["at_risk"])
    return labels


def _severity(accom_type: str | None, suitable: bool | None) -> int:
    if accom_type == "S":
        return 0
    if accom_type in CONCERN_TYPES:
        return 1
    return 2 if suitable is False else 3


@functools.cache  # a handful of combinations, asked once for each of thousands of young people
def _concerns_and_severity(
    accom_type: str | None, suitable: bool | None, at_risk: bool
) -> tuple[tuple[str, ...], int]:
    return _concern_labels(accom_type, suitable, at_risk), _severity(accom_type, suitable)


def concern_facts_for(*, user: Any) -> list[ConcernFacts]:
    """Young people the user can see who are homeless, in B&B or emergency accommodation, in
    unsuitable accommodation, or at risk of homelessness: most serious first, then longest.
    Two queries, whatever the number of young people."""
    visible = young_people_visible_to(user=user)
    current_risks = HomelessnessRisk.objects.filter(ended_on__isnull=True)
    risks = current_risks.filter(young_person__in=visible)
    flagged = AccommodationStay.objects.live().filter(
        # Whose risk is current needs no second check of who is visible: the stay's own does.
        Q(suitable=False)
        | Q(accom_type__in=CONCERN_TYPES)
        | Q(young_person__in=current_risks.values("young_person")),
        end__isnull=True,
        young_person__in=visible,
    )
    stays = {  # a young person's latest current stay wins
        young_person_id: (pk, start, accom_type, suitable)
        for pk, young_person_id, start, accom_type, suitable in flagged.order_by(
            "young_person_id", "start", "pk"
        ).values_list("pk", "young_person_id", "start", "accom_type", "suitable")
    }
    risk_of = {  # and their latest current risk
        young_person_id: (pk, identified_on)
        for pk, young_person_id, identified_on in risks.order_by("pk").values_list(
            "pk", "young_person_id", "identified_on"
        )
    }
    facts = []
    for young_person_id in stays.keys() | risk_of.keys():
        stay_id, start, accom_type, suitable = stays.get(young_person_id, (None, None, None, None))
        risk_id, identified_on = risk_of.get(young_person_id, (None, None))
        labels, severity = _concerns_and_severity(accom_type, suitable, risk_id is not None)
        if not labels:
            continue  # a current stay read only for a risk that turned out to be its own row
        since = start if stay_id is not None and severity < 3 else identified_on
        facts.append(ConcernFacts(young_person_id, stay_id, risk_id, labels, severity, since))
    return sorted(
        facts,
        key=lambda fact: (fact.severity, fact.since or datetime.date.max, fact.young_person_id),
    )


def concern_rows(facts: Sequence[ConcernFacts]) -> list[ConcernRow]:
    """The records behind part of the list, for the page that shows them: at most four
    queries, whatever the number of rows."""
    from careleavers.casework.models import Allocation, WorkerRole

    people = YoungPerson.objects.select_related("team").in_bulk(
        [fact.young_person_id for fact in facts]
    )
    stays = AccommodationStay.objects.select_related("provider").in_bulk(
        [fact.stay_id for fact in facts if fact.stay_id is not None]
    )
    risks = HomelessnessRisk.objects.in_bulk(
        [fact.risk_id for fact in facts if fact.risk_id is not None]
    )
    advisers = Allocation.objects.filter(
        young_person_id__in=list(people), end__isnull=True, role=WorkerRole.PERSONAL_ADVISER
    ).select_related("worker")
    names = {allocation.young_person_id: str(allocation.worker) for allocation in advisers}
    return [
        ConcernRow(
            young_person=people[fact.young_person_id],
            stay=stays.get(fact.stay_id) if fact.stay_id is not None else None,
            risk=risks.get(fact.risk_id) if fact.risk_id is not None else None,
            concerns=fact.concerns,
            since=fact.since,
            worker_name=names.get(fact.young_person_id, ""),
        )
        for fact in facts
        # One archived between the two reads is left out rather than failing the page.
        if fact.young_person_id in people
    ]


def concern_counts(facts: Sequence[ConcernFacts]) -> list[tuple[str, str, int]]:
    """(filter key, label, how many) for each kind of concern, for the summary table."""
    counts = Counter(label for fact in facts for label in fact.concerns)  # one pass
    return [(key, label, counts[label]) for key, label in CONCERN_FILTERS.items()]


# The waiting list --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaitingEntry:
    """Someone waiting, for the page of the list that shows them."""

    application_id: int
    days_waited: int
    target_days: int | None

    @property
    def over_target(self) -> bool:
        return self.target_days is not None and self.days_waited > self.target_days


@dataclass(frozen=True)
class WaitingApplication:
    application: HousingApplication
    entry: WaitingEntry


@dataclass(frozen=True)
class CountedIds:
    """Ids the database orders and pages, with how many there are already known from the
    figures, so paging them costs no second count."""

    ids: QuerySet[Any, int]
    length: int

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice) -> list[int]:
        return list(self.ids[index])


@dataclass(frozen=True)
class WaitingList:
    rows: list[figures.WaitingRow]
    # Everyone waiting, longest first, as application ids: the database orders and pages them,
    # and only the page shown is read (`waiting_applications`).
    waiting: CountedIds
    on: datetime.date
    housed_since: datetime.date


def _applications_on_the_list(
    *,
    user: Any,
    on: datetime.date,
    housed_since: datetime.date,
    band_id: int | None,
    provider_id: int | None,
) -> QuerySet[HousingApplication]:
    """Applications the figures count: waiting on ``on``, or housed since ``housed_since``."""
    applications = (
        HousingApplication.objects.live()
        .filter(young_person__in=young_people_visible_to(user=user), applied_on__lte=on)
        .filter(
            Q(housed_on__isnull=True, closed_on__isnull=True)
            | Q(housed_on__gte=housed_since)
            | Q(closed_on__gt=on)
            | Q(housed_on__gt=on)
        )
    )
    if band_id:
        applications = applications.filter(band_id=band_id)
    if provider_id:
        applications = applications.filter(provider_id=provider_id)
    return applications


def _target_overrides() -> dict[tuple[int, int], int | None]:
    """The protocol's target in weeks for a band with a provider, where it differs from the
    band's own."""
    return {
        (band, provider): weeks
        for band, provider, weeks in ProtocolTarget.objects.values_list(
            "band_id", "provider_id", "target_weeks"
        )
    }


def _target_days(
    overrides: dict[tuple[int, int], int | None], band: int, provider: int, band_weeks: int | None
) -> int | None:
    # The protocol's target for this band with this provider, else the band's own.
    weeks = overrides.get((band, provider))
    if weeks is None:
        weeks = band_weeks
    return None if weeks is None else weeks * 7


def _application_facts(
    applications: QuerySet[HousingApplication], overrides: dict[tuple[int, int], int | None]
) -> list[figures.ApplicationFacts]:
    """The applications as one fact per distinct band, provider and dates, with how many share
    them: the figures need no more, and waiting applications share their dates often. Three
    queries: the groups, then the few bands' and providers' names (cheaper than grouping by
    them too)."""
    groups = list(
        applications.order_by()
        .values_list("band_id", "provider_id", "applied_on", "housed_on", "closed_on")
        .annotate(count=Count("pk"), last_pk=Max("pk"))
    )
    # In the order of the applications themselves (applied, then id), so where two groups of
    # the figures share names the latest application's target is shown, as it was.
    groups.sort(key=lambda group: (group[2], group[6]))
    bands = {
        pk: (name, order, weeks)
        for pk, name, order, weeks in PriorityBand.objects.values_list(
            "pk", "name", "order", "target_weeks"
        )
    }
    providers = dict(Provider.objects.values_list("pk", "name"))
    facts = []
    for band, provider, applied_on, housed_on, closed_on, count, _last_pk in groups:
        band_name, band_order, band_weeks = bands[band]
        facts.append(
            figures.ApplicationFacts(
                band=band_name,
                provider=providers[provider],
                applied_on=applied_on,
                housed_on=housed_on,
                closed_on=closed_on,
                target_days=_target_days(overrides, band, provider, band_weeks),
                band_order=band_order,
                count=count,
            )
        )
    return facts


def waiting_list_for(
    *, user: Any, on: datetime.date, band_id: int | None = None, provider_id: int | None = None
) -> WaitingList:
    """The housing waiting list of the young people the user can see: figures by band and
    provider against the protocol targets, and everyone waiting, longest first (not yet read).
    Four queries, whatever the number of applications."""
    housed_since = on - datetime.timedelta(days=figures.HOUSED_LOOKBACK_DAYS)
    applications = _applications_on_the_list(
        user=user, on=on, housed_since=housed_since, band_id=band_id, provider_id=provider_id
    )
    rows = figures.waiting_list_figures(
        _application_facts(applications, _target_overrides()), on=on, housed_since=housed_since
    )
    # Waiting as figures.ApplicationFacts.is_waiting has it; the longest wait applied first.
    waiting = (
        applications.filter(Q(housed_on__isnull=True) | Q(housed_on__gt=on))
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on))
        .order_by("applied_on", "pk")
        .values_list("pk", flat=True)
    )
    total = rows[-1]  # the figures always end with the total, which counts everyone waiting
    return WaitingList(
        rows=rows, waiting=CountedIds(waiting, total.waiting), on=on, housed_since=housed_since
    )


def waiting_applications(
    application_ids: Sequence[int], *, on: datetime.date
) -> list[WaitingApplication]:
    """The applications behind part of the waiting list, for the page that shows them (two
    queries)."""
    applications = HousingApplication.objects.select_related(
        "young_person", "band", "provider"
    ).in_bulk(list(application_ids))
    overrides = _target_overrides()
    result = []
    for application_id in application_ids:
        application = applications.get(application_id)
        if application is None:
            continue  # one removed between the two reads is left out rather than failing
        target = _target_days(
            overrides, application.band_id, application.provider_id, application.band.target_weeks
        )
        days_waited = max(0, (on - application.applied_on).days)
        result.append(
            WaitingApplication(application, WaitingEntry(application_id, days_waited, target))
        )
    return result


# Taster flats ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarCell:
    booking: TasterFlatBooking | None
    show_name: bool
    arrives: bool


@dataclass(frozen=True)
class TasterMonth:
    flats: list[TasterFlat]
    days: list[tuple[datetime.date, list[CalendarCell]]]
    occupancy: list[tuple[TasterFlat, figures.Occupancy]]
    bookings: list[TasterFlatBooking]
    visible_ids: frozenset[int]


def taster_month_for(*, user: Any, year: int, month: int) -> TasterMonth:
    """Each night of the month for each flat in use, who is booked (their name only if the user
    may see their record), and each flat's occupancy (3 queries)."""
    days = figures.month_days(year, month)
    first, last = days[0], days[-1]
    flats = list(flats_in_use())
    bookings = list(
        TasterFlatBooking.objects.live()
        .filter(
            cancelled_on__isnull=True,
            flat__in=flats,
            starts_on__lte=last,
            ends_on__gt=first,
        )
        .select_related("young_person", "flat")
        .order_by("starts_on", "pk")
    )
    visible = (
        frozenset(
            young_people_visible_to(user=user)
            .filter(pk__in={booking.young_person_id for booking in bookings})
            .values_list("pk", flat=True)
        )
        if bookings
        else frozenset()
    )
    by_flat: dict[int, list[TasterFlatBooking]] = defaultdict(list)
    for booking in bookings:
        by_flat[booking.flat_id].append(booking)
    grid = []
    for day in days:
        cells = []
        for flat in flats:
            booking = next((b for b in by_flat[flat.pk] if b.starts_on <= day < b.ends_on), None)
            cells.append(
                CalendarCell(
                    booking=booking,
                    show_name=booking is not None and booking.young_person_id in visible,
                    arrives=booking is not None and booking.starts_on == day,
                )
            )
        grid.append((day, cells))
    occupancy = figures.occupancy(
        [figures.BookingFacts(b.flat_id, b.starts_on, b.ends_on) for b in bookings],
        flat_ids=[flat.pk for flat in flats],
        first=first,
        last=last,
    )
    flats_by_id = {flat.pk: flat for flat in flats}
    return TasterMonth(
        flats=flats,
        days=grid,
        occupancy=[(flats_by_id[item.flat_id], item) for item in occupancy],
        bookings=bookings,
        visible_ids=visible,
    )
