"""Demo accommodation: histories with suitability, risks of homelessness, Staying Put and Staying
Close, housing applications with bids and offers, and taster flat stays.

Deterministic for a given `rng` and `today`. Rows are built as plain dicts and written with the
demo's bulk writer (rows.py), without the ORM's per-value work, so 100,000 young people take
well under a minute. It writes no audit rows or history (nobody did these things). The demo
builder calls `seed` after young people and staff exist.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from careleavers.accommodation.models import (
    AccommodationStay,
    BidResult,
    HomelessnessRisk,
    HousingApplication,
    HousingBid,
    HousingOffer,
    OfferDecision,
    PriorityBand,
    Provider,
    ProviderKind,
    RefusalReason,
    RiskReason,
    Skill,
    StayingClose,
    StayingCloseOutcome,
    StayingPut,
    SuitabilityAssessment,
    SupportArea,
    TasterFlat,
    TasterFlatBooking,
)
from careleavers.accommodation.suitability import (
    ALWAYS_UNSUITABLE,
    CHECK_KEYS,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    decide_suitability,
    staying_put_ends_by,
)
from careleavers.core.dates import age_on, birthday
from careleavers.demo.people import weighted
from careleavers.demo.rows import give_ids, write_rows
from careleavers.people.category import Category

Row = dict[str, Any]
TASTER_FLATS = [
    ("Willow flat", "Flat 1, 14 Hallfield Road\nBradford"),
    ("Oak flat", "Flat 2, 14 Hallfield Road\nBradford"),
    ("Cedar flat", "Flat 3, 31 Manningham Lane\nBradford"),
]
STREETS = [
    "Manningham Lane",
    "Leeds Road",
    "Great Horton Road",
    "Thornton Road",
    "Otley Road",
    "Allerton Road",
    "Little Horton Lane",
    "Killinghall Road",
    "Idle Road",
    "Wakefield Road",
    "Bolton Road",
    "Toller Lane",
    "Heaton Road",
    "Legrams Lane",
    "Harrogate Road",
]
TOWNS = ["Bradford", "Keighley", "Shipley", "Bingley", "Ilkley"]
# Accommodation before and after 18, with weights (DfE letters).
UNDER_18 = [("C", 30), ("D", 35), ("E", 15), ("B", 10), ("T", 10)]
FROM_18 = [
    ("U", 30),
    ("D", 20),
    ("B", 11),
    ("E", 8),
    ("T", 8),
    ("K", 5),
    ("Y", 3),
    ("W", 3),
    ("V", 3),
    ("S", 3),
    ("X", 2),
    ("R", 2),
    ("G", 1),
    ("C", 1),
]
COUNCIL_PROVIDED_TYPES = {"D", "E", "T", "C"}
NO_ADDRESS = {"S", "R", "G", "H", "X"}
PROVIDER_KINDS_FOR = {
    "U": [ProviderKind.COUNCIL, ProviderKind.HOUSING_ASSOCIATION, ProviderKind.PRIVATE],
    "D": [ProviderKind.SUPPORTED],
    "E": [ProviderKind.SUPPORTED],
    "T": [ProviderKind.SUPPORTED],
    "K": [ProviderKind.PRIVATE],
    "W": [ProviderKind.PRIVATE],
    "V": [ProviderKind.SUPPORTED],
}
DEMO_NOTES = {
    "facilities": "No working cooker.",
    "repair": "Damp and mould in the bedroom.",
    "safety": "The front door lock is broken.",
    "location": "Close to people who have exploited them.",
    "support": "The floating support has ended.",
    "tenancy": "Only a week-to-week licence.",
    "affordability": "The rent is more than their housing benefit.",
    "views": "They say they do not feel safe there.",
    "rights": "They do not understand their tenancy agreement yet.",
    "landlord": "The landlord has not done the repairs asked for.",
}


# The kind of address each kind of accommodation has (DfE letters): a family's house for living
# with family, supported lodgings and former foster carers; a named home for residential care; a
# room for lodgings, foyers, hostels and bed and breakfasts; a flat otherwise.
FAMILY_HOUSES = {"B", "E", "Z"}
ROOMS = {"K", "T", "V", "W"}
RESIDENTIAL_HOMES = ["Beech House", "Holme View", "Moorside", "Fernbank", "The Laurels"]


def _address(rng: random.Random, letter: str) -> str:
    # Always the same four draws, in the same order, whatever the kind, so that the rest of the
    # demo council (drawn after) stays as it was.
    number, street = rng.randint(1, 300), rng.choice(STREETS)
    unit, town = rng.randint(1, 40), rng.choice(TOWNS)
    if letter in FAMILY_HOUSES:
        return f"{number} {street}\n{town}"
    if letter == "C":
        return f"{RESIDENTIAL_HOMES[unit % len(RESIDENTIAL_HOMES)]}, {number} {street}\n{town}"
    if letter in ROOMS:
        return f"Room {unit}, {number} {street}\n{town}"
    return f"Flat {unit}, {number} {street}\n{town}"


def _stay(
    rng: random.Random,
    young_person: Any,
    start: datetime.date,
    end: datetime.date | None,
    today: datetime.date,
    by_kind: dict[str, list[int]],
    created_by_id: int | None,
) -> Row:
    born = young_person.date_of_birth
    adult = start >= birthday(born, 18)
    if adult and start < birthday(born, 21) and rng.random() < 0.1:
        letter = "Z"  # staying put with former foster carers
    else:
        letter = weighted(rng, FROM_18 if adult else UNDER_18)
    providers = [p for kind in PROVIDER_KINDS_FOR.get(letter, []) for p in by_kind.get(kind, [])]
    suitable: bool | None
    assessed_on: datetime.date | None = None
    if letter in ALWAYS_UNSUITABLE:
        suitable, reason = False, ALWAYS_UNSUITABLE[letter]
    elif (
        end is None
        and (today - start).days <= 10
        and rng.random() < 0.5
        and not _in_this_years_return(born, today)
    ):
        # A move in the last few days, not yet assessed (a check is due within a week, so a
        # few are days late at most). Only for 16-year-olds, whose first SSDA903 care leaver
        # row is next year's: the demo council's returns are complete.
        suitable, reason = None, ""
    else:
        suitable = rng.random() < (0.55 if letter in {"W", "V"} else 0.88)
        reason = "" if suitable else "Assessed as unsuitable."
        assessed_on = min(today, start + datetime.timedelta(days=rng.randint(3, 20)))
    return {
        "young_person_id": young_person.pk,
        "accom_type": letter,
        "address": "" if letter in NO_ADDRESS else _address(rng, letter),
        "postcode": "",
        "provider_id": rng.choice(providers) if providers else None,
        "landlord": "Former foster carers" if letter == "Z" else "",
        "council_provided": letter in COUNCIL_PROVIDED_TYPES
        and rng.random() < 0.75
        and _owed_accommodation(young_person, start),
        "start": start,
        "end": end,
        "end_reason": "Moved" if end else "",
        "suitable": suitable,
        "suitability_reason": reason,
        "suitability_assessed_on": assessed_on,
        "created_by_id": created_by_id,
        "modified_by_id": created_by_id,
    }


def _owed_accommodation(young_person: Any, start: datetime.date) -> bool:
    """Whether the council provides a stay starting that day under CA 1989 s.23B or s.24B: a
    relevant child's from when they became one, a former relevant young person's from their
    18th birthday. A looked after (eligible) child's home is a placement, and a qualifying
    young person's is their own arrangement, so neither is "provided by the council"."""
    if young_person.category == Category.RELEVANT.value:
        return start >= (young_person.category_since or birthday(young_person.date_of_birth, 16))
    if young_person.category == Category.FORMER_RELEVANT.value:
        return start >= birthday(young_person.date_of_birth, 18)
    return False


def _in_this_years_return(born: datetime.date, today: datetime.date) -> bool:
    """Whether a young person reaches 17 by the end of the SSDA903 collection year that holds
    ``today`` (1 April to 31 March): from then on the return reports their accommodation."""
    year_end = datetime.date(today.year + (today.month >= 4), 3, 31)
    return birthday(born, 17) <= year_end


def _assessment(rng: random.Random, stay: Row, assessed_by_id: int) -> Row:
    """The Schedule 2 checks behind a current stay; the stay takes the reason they give."""
    answers = dict.fromkeys(CHECK_KEYS, MET)
    notes: dict[str, str] = {}
    if stay["accom_type"] == "B":
        answers["tenancy"] = answers["landlord"] = NOT_APPLICABLE
    if stay["suitable"] is False:
        for key in rng.sample(CHECK_KEYS, rng.randint(1, 2)):
            answers[key] = NOT_MET
            notes[key] = DEMO_NOTES[key]
    decision = decide_suitability(accom_type=stay["accom_type"], answers=answers, notes=notes)
    stay["suitable"], stay["suitability_reason"] = decision.suitable, decision.reason
    row: Row = {
        "assessed_on": stay["suitability_assessed_on"],
        "assessed_by_id": assessed_by_id,
        "young_persons_views": "",
        "suitable": decision.suitable,
        "reason": decision.reason,
        "created_by_id": assessed_by_id,
        "modified_by_id": assessed_by_id,
    }
    for key in CHECK_KEYS:
        row[key] = answers[key]
        row[f"{key}_note"] = notes.get(key, "")
    return row


def _housing(
    rng: random.Random,
    young_person: Any,
    today: datetime.date,
    provider_ids: list[int],
    bands: list[PriorityBand],
) -> tuple[Row, list[Row], list[Row]]:
    """An application with its bids and offers (which take the application's id later)."""
    applied = today - datetime.timedelta(days=rng.randint(5, 500))
    weights = ([1, 3, 2] + [1] * len(bands))[: len(bands)]
    band = rng.choices(bands, weights)[0]
    housed_on = applied + datetime.timedelta(days=rng.randint(30, 400))
    housed = housed_on <= today and rng.random() < 0.6
    closed = not housed and rng.random() < 0.06
    waited = max(1, (today - applied).days)
    application: Row = {
        "young_person_id": young_person.pk,
        "provider_id": rng.choice(provider_ids),
        "band_id": band.pk,
        "reference": f"HR{young_person.pk:07d}",
        "applied_on": applied,
        "housed_on": housed_on if housed else None,
        "housed_address": _address(rng, "U") if housed else "",
        "closed_on": applied + datetime.timedelta(days=rng.randint(1, waited)) if closed else None,
        "closed_reason": "Withdrawn at their request." if closed else "",
        "notes": "",
    }
    last_day = housed_on if housed else today
    bids = [
        {
            "placed_on": min(last_day, applied + datetime.timedelta(days=rng.randint(1, waited))),
            "property_reference": "",
            "property_description": f"1 bedroom flat, {rng.choice(STREETS)}",
            "result": rng.choice(
                [BidResult.UNSUCCESSFUL, BidResult.UNSUCCESSFUL, BidResult.PENDING]
            ),
        }
        for _ in range(rng.randint(0, 3))
    ]
    offers: list[Row] = []
    if rng.random() < 0.25 and (last_day - applied).days > 20:
        offered = applied + datetime.timedelta(days=rng.randint(10, (last_day - applied).days - 5))
        offers.append(
            {
                "offered_on": offered,
                "property_address": _address(rng, "U"),
                "decision": OfferDecision.REFUSED,
                "decided_on": offered + datetime.timedelta(days=3),
                "refusal_reason": rng.choice(RefusalReason.values[:-1]),
                "refusal_details": "",
            }
        )
    if housed:
        offers.append(
            {
                "offered_on": housed_on - datetime.timedelta(days=14),
                "property_address": application["housed_address"],
                "decision": OfferDecision.ACCEPTED,
                "decided_on": housed_on - datetime.timedelta(days=10),
                "refusal_reason": "",
                "refusal_details": "",
            }
        )
    return application, bids, offers


def seed(
    *,
    rng: random.Random,
    today: datetime.date,
    young_people: list[Any],
    workers: list[Any],
) -> dict[str, int]:
    """Add accommodation records for the demo council's young people. Returns row counts."""
    providers = list(Provider.objects.filter(is_active=True).order_by("pk"))
    housing_provider_ids = [p.pk for p in providers if p.takes_housing_applications]
    bands = list(PriorityBand.objects.filter(is_active=True).order_by("order", "pk"))
    flats = [
        TasterFlat.objects.get_or_create(name=name, defaults={"address": address})[0]
        for name, address in TASTER_FLATS
    ]
    by_kind: dict[str, list[int]] = {}
    for provider in providers:
        by_kind.setdefault(provider.kind, []).append(provider.pk)
    worker_ids = [worker.pk for worker in workers]

    def worker_id() -> int | None:
        return rng.choice(worker_ids) if worker_ids else None

    stays: list[Row] = []
    assessments: list[tuple[Row, Row]] = []  # (stay, assessment): the id comes after insert
    risks: list[Row] = []
    staying_put: list[Row] = []
    staying_close: list[Row] = []
    applications: list[Row] = []
    bids: list[tuple[Row, Row]] = []
    offers: list[tuple[Row, Row]] = []
    bookings: list[Row] = []
    flat_free_from = {flat.pk: today - datetime.timedelta(days=180) for flat in flats}

    for young_person in young_people:
        born = young_person.date_of_birth
        age = age_on(born, today)
        if age < 16 or age >= 26:
            continue
        # Their accommodation since 16 (at most the last three years), ending where they live.
        history_from = max(birthday(born, 16), today - datetime.timedelta(days=3 * 365))
        span = (today - history_from).days
        count = min(1 + rng.randint(0, 3), max(1, span // 60))
        cuts = sorted(rng.sample(range(1, span), count - 1)) if span > count else []
        starts = [history_from] + [history_from + datetime.timedelta(days=cut) for cut in cuts]
        current: Row = {}
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else None
            current = _stay(rng, young_person, start, end, today, by_kind, worker_id())
            stays.append(current)
        if current["suitability_assessed_on"] and worker_ids:
            assessments.append((current, _assessment(rng, current, rng.choice(worker_ids))))

        # Risk of homelessness: more likely in insecure accommodation.
        insecure = current["accom_type"] in {"K", "W", "V", "U"}
        if rng.random() < (0.08 if insecure else 0.02):
            risks.append(
                {
                    "young_person_id": young_person.pk,
                    "identified_on": today - datetime.timedelta(days=rng.randint(1, 60)),
                    "reason": rng.choice(RiskReason.values),
                    "details": "Demo: see case notes.",
                    "outcome": "",
                }
            )
        # Staying Put with former foster carers, from 18 to 21.
        if current["accom_type"] == "Z" and 18 <= age < 21:
            staying_put.append(
                {
                    "young_person_id": young_person.pk,
                    "carers": "Their former foster carers",
                    "fostering_service": "",
                    "start": current["start"],
                    "planned_end": staying_put_ends_by(born),
                    "end_reason": "",
                    "weekly_allowance": Decimal(rng.choice([200, 225, 250, 275, 300])),
                    "young_person_weekly_contribution": Decimal(rng.choice([0, 20, 40])),
                    "notes": "",
                }
            )
        # Staying Close assessments for some 18 to 24 year olds.
        if 18 <= age < 25 and worker_ids and rng.random() < 0.05:
            assessed = today - datetime.timedelta(days=rng.randint(10, 300))
            needed = rng.random() < 0.7
            review = max(today, assessed + datetime.timedelta(days=90))
            staying_close.append(
                {
                    "young_person_id": young_person.pk,
                    "assessed_on": assessed,
                    "assessed_by_id": rng.choice(worker_ids),
                    "needs": (
                        "Needs help to keep their home and to stay connected with people nearby."
                    ),
                    "young_persons_views": "",
                    "outcome": (
                        StayingCloseOutcome.SUPPORT_NEEDED
                        if needed
                        else StayingCloseOutcome.NOT_NEEDED
                    ),
                    "support_areas": rng.sample(SupportArea.values, 2) if needed else [],
                    "support": "Weekly visits from the Staying Close key worker."
                    if needed
                    else "",
                    "next_review_on": (
                        review + datetime.timedelta(days=rng.randint(0, 30)) if needed else None
                    ),
                    "ended_on": None if needed else assessed,
                    "end_reason": "",
                }
            )
        # Housing applications for some from 18.
        if age >= 18 and housing_provider_ids and bands and rng.random() < 0.25:
            application, its_bids, its_offers = _housing(
                rng, young_person, today, housing_provider_ids, bands
            )
            applications.append(application)
            bids.extend((application, bid) for bid in its_bids)
            offers.extend((application, offer) for offer in its_offers)
        # Taster flat stays for some 17 to 20 year olds, one after another in each flat.
        if flats and 17 <= age < 21 and rng.random() < 0.05:
            flat = rng.choice(flats)
            starts_on = flat_free_from[flat.pk] + datetime.timedelta(days=rng.randint(0, 3))
            if starts_on <= today + datetime.timedelta(days=30):
                ends_on = starts_on + datetime.timedelta(days=rng.randint(2, 7))
                flat_free_from[flat.pk] = ends_on
                finished = ends_on <= today
                bookings.append(
                    {
                        "flat_id": flat.pk,
                        "young_person_id": young_person.pk,
                        "starts_on": starts_on,
                        "ends_on": ends_on,
                        "purpose": "To see how living on their own feels.",
                        "cancelled_reason": "",
                        "skills_practised": rng.sample(Skill.values, 3) if finished else [],
                        "outcome": (
                            rng.choice(["ready", "more_support", "not_ready"]) if finished else ""
                        ),
                        "outcome_notes": "",
                        "young_persons_views": "",
                    }
                )

    # Stays and applications first, with their ids, so suitability, bids and offers point at them.
    give_ids(AccommodationStay, stays)
    counts = {"accommodationstay": write_rows(AccommodationStay, stays, with_ids=True)}
    for stay, assessment in assessments:
        assessment["stay_id"] = stay["id"]
    counts["suitabilityassessment"] = write_rows(
        SuitabilityAssessment, [assessment for _, assessment in assessments]
    )
    counts["homelessnessrisk"] = write_rows(HomelessnessRisk, risks)
    counts["stayingput"] = write_rows(StayingPut, staying_put)
    counts["stayingclose"] = write_rows(StayingClose, staying_close)
    give_ids(HousingApplication, applications)
    counts["housingapplication"] = write_rows(HousingApplication, applications, with_ids=True)
    for parent, child in [*bids, *offers]:
        child["application_id"] = parent["id"]
    counts["housingbid"] = write_rows(HousingBid, [bid for _, bid in bids])
    counts["housingoffer"] = write_rows(HousingOffer, [offer for _, offer in offers])
    counts["tasterflatbooking"] = write_rows(TasterFlatBooking, bookings)
    return counts
