"""What accommodation adds to other capabilities' registries (registered in registrations.py).

- The overview's "accommodation" panel (replacing the people app's empty state, same key).
- Chronology entries: moves, suitability, risk of homelessness, Staying Put and Close, housing
  applications and taster flat stays.
- Work tray items: accommodation to assess, Staying Close reviews, Staying Put ending.
- The contact standard's accommodation inputs (council-provided starts: the 7-day visit).

Each costs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from rules import has_perm

from careleavers.accommodation import selectors
from careleavers.accommodation.models import (
    AccommodationStay,
    HomelessnessRisk,
    HousingApplication,
    HousingOffer,
    OfferDecision,
    StayingClose,
    StayingCloseOutcome,
    StayingPut,
    SuitabilityAssessment,
    TasterFlatBooking,
)
from careleavers.accommodation.suitability import ALWAYS_UNSUITABLE
from careleavers.core.dates import format_date

OVERVIEW_PANEL = "accommodation"  # the people app's key for the accommodation panel
# A new home's suitability should be judged at the first visit, which is due within 7 days of
# council-provided accommodation starting (reg 8(2)(a)); local practice applies it to every move.
ASSESS_WITHIN_DAYS = 7
STAYING_CLOSE_HORIZON_DAYS = 14
STAYING_PUT_HORIZON_DAYS = 90


def _page(name: str, young_person: Any, **pks: int) -> str:
    """The address of one of the young person's accommodation pages (`pks` name what is on it)."""
    return reverse(f"accommodation:{name}", kwargs={"pk": young_person.pk, **pks})


# Overview panel ----------------------------------------------------------------------------------


def suitability_tag(stay: AccommodationStay | None) -> tuple[str, str]:
    """(text, colour) for a stay's suitability. The text carries the meaning, not the colour."""
    if stay is None:
        return ("Not recorded", "grey")
    if stay.suitable is True:
        return ("Suitable", "green")
    if stay.suitable is False:
        return ("Unsuitable", "red")
    return ("Suitability not assessed", "yellow")


def overview_context(*, young_person: Any, user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    stay = selectors.current_stay_for(young_person=young_person)
    staying_put = next(
        (
            item
            for item in selectors.staying_put_for(young_person=young_person)
            if item.end is None
        ),
        None,
    )
    staying_close = (
        StayingClose.objects.live()
        .filter(
            young_person=young_person,
            ended_on__isnull=True,
            outcome=StayingCloseOutcome.SUPPORT_NEEDED,
        )
        .order_by("-assessed_on")
        .first()
    )
    application = (
        HousingApplication.objects.live()
        .filter(young_person=young_person, housed_on__isnull=True, closed_on__isnull=True)
        .select_related("provider", "band")
        .order_by("applied_on")
        .first()
    )
    risk = HomelessnessRisk.objects.filter(
        young_person=young_person, ended_on__isnull=True
    ).first()
    text, colour = suitability_tag(stay)
    return {
        "stay": stay,
        "suitability_text": text,
        "suitability_colour": colour,
        "staying_put": staying_put,
        "staying_close": staying_close,
        "application": application,
        "days_waiting": application.days_waited(today) if application else None,
        "risk": risk,
        "history_href": reverse("accommodation:history", kwargs={"pk": young_person.pk}),
        "can_change": has_perm("accommodation.change_accommodation", user, young_person),
    }


# Chronology --------------------------------------------------------------------------------------


def chronology_entries(*, young_person: Any, user: Any) -> list[Any]:
    from careleavers.people.chronology import ChronologyEntry, written_by

    history = reverse("accommodation:history", kwargs={"pk": young_person.pk})
    entries: list[Any] = []

    def add(when: Any, title: str, summary: str = "", by: str = "", url: str = history) -> None:
        entries.append(
            ChronologyEntry(
                when=when,
                kind="accommodation",
                kind_label="Accommodation",
                title=title,
                summary=summary,
                by=by,
                url=url,
            )
        )

    stays = (
        AccommodationStay.objects.live()
        .filter(young_person=young_person)
        .select_related("created_by")
    )
    for stay in stays:
        url = _page("stay_detail", young_person, stay_pk=stay.pk)
        where = stay.address.splitlines()[0] if stay.address.strip() else ""
        council = " The council provides it." if stay.council_provided else ""
        add(
            stay.start,
            f"Moved in: {stay.get_accom_type_display()}",
            f"{where}{'.' if where else ''}{council}".strip(),
            written_by(stay.created_by),
            url,
        )
        if stay.end is not None:
            add(stay.end, "Moved out", stay.end_reason, written_by(stay.created_by), url)
    assessments = SuitabilityAssessment.objects.filter(
        stay__young_person=young_person, stay__archived_at__isnull=True
    ).select_related("assessed_by")
    for assessment in assessments:
        url = _page("stay_detail", young_person, stay_pk=assessment.stay_id)
        add(
            assessment.assessed_on,
            "Judged suitable" if assessment.suitable else "Judged unsuitable",
            assessment.reason,
            written_by(assessment.assessed_by),
            url,
        )
    for risk in HomelessnessRisk.objects.filter(young_person=young_person):
        add(risk.identified_on, "At risk of homelessness", risk.get_reason_display())
        if risk.ended_on:
            add(risk.ended_on, "Risk of homelessness ended", risk.outcome)
    for arrangement in StayingPut.objects.live().filter(young_person=young_person):
        add(arrangement.start, f"Staying Put with {arrangement.carers} began")
        if arrangement.end:
            add(arrangement.end, "Staying Put ended", arrangement.end_reason)
    for staying_close in StayingClose.objects.live().filter(young_person=young_person):
        add(
            staying_close.assessed_on,
            "Staying Close assessment",
            staying_close.get_outcome_display(),
        )
    applications = (
        HousingApplication.objects.live()
        .filter(young_person=young_person)
        .select_related("provider", "band")
    )
    for application in applications:
        url = _page("application_detail", young_person, application_pk=application.pk)
        add(
            application.applied_on,
            f"Applied for housing with {application.provider}",
            f"Priority band: {application.band}.",
            url=url,
        )
        if application.housed_on:
            add(
                application.housed_on,
                f"Housed by {application.provider}",
                application.housed_address,
                url=url,
            )
        if application.closed_on:
            add(
                application.closed_on,
                "Housing application closed",
                application.closed_reason,
                url=url,
            )
    refused = HousingOffer.objects.filter(
        application__young_person=young_person, decision=OfferDecision.REFUSED
    )
    for offer in refused:
        assert offer.decided_on is not None
        add(
            offer.decided_on,
            "Housing offer refused",
            f"{offer.get_refusal_reason_display()}. {offer.refusal_details}".strip(),
        )
    bookings = (
        TasterFlatBooking.objects.live()
        .filter(young_person=young_person, cancelled_on__isnull=True)
        .select_related("flat")
    )
    for booking in bookings:
        add(
            booking.starts_on,
            f"Taster flat stay at {booking.flat}",
            f"{booking.nights} nights"
            + (f". Outcome: {booking.get_outcome_display()}" if booking.outcome else ""),
        )
    return entries


# Work tray ---------------------------------------------------------------------------------------


def _allocated_having(scope: Any, records: Any, **first: str) -> Any:
    """The tray's young people who have any of `records` (filtered on OuterRef("pk")), each
    with, as named in `first`, fields of the first of their records in the records' order;
    reading only what a work item shows of them."""
    from careleavers.casework.work_tray import WORK_ITEM_PERSON_FIELDS

    return (
        scope.allocated_young_people()
        .filter(Exists(records))
        .annotate(**{name: Subquery(records.values(field)[:1]) for name, field in first.items()})
        .only(*WORK_ITEM_PERSON_FIELDS)
    )


def _work_item(
    scope: Any,
    young_person: Any,
    *,
    kind: str,
    title: str,
    due: datetime.date,
    url: str,
    detail: str = "",
) -> Any:
    """A work-tray item about the young person, due on `due` and overdue from the day after."""
    from careleavers.casework.work_tray import WorkItem

    return WorkItem.due_on(
        due,
        today=scope.today,
        kind=kind,
        young_person=young_person,
        title=title,
        url=url,
        detail=detail,
        worker_name=young_person.worker_name or "",
    )


def stays_to_assess(scope: Any) -> list[Any]:
    unassessed = (
        AccommodationStay.objects.live()
        .filter(young_person=OuterRef("pk"), end__isnull=True, suitable__isnull=True)
        .exclude(accom_type__in=list(ALWAYS_UNSUITABLE))
    )
    latest = unassessed.order_by("-start")
    young_people = _allocated_having(scope, latest, stay_start="start", stay_pk="pk")
    return [
        _work_item(
            scope,
            young_person,
            kind="accommodation_suitability",
            title="Check their accommodation is suitable",
            due=young_person.stay_start + datetime.timedelta(days=ASSESS_WITHIN_DAYS),
            url=_page("suitability_add", young_person, stay_pk=young_person.stay_pk),
            detail=f"They moved on {format_date(young_person.stay_start)}; no suitability "
            "check is recorded yet (Care Leavers (England) Regulations 2010, Schedule 2).",
        )
        for young_person in young_people
    ]


def staying_close_reviews(scope: Any) -> list[Any]:
    horizon = scope.today + datetime.timedelta(days=STAYING_CLOSE_HORIZON_DAYS)
    due_reviews = StayingClose.objects.live().filter(
        young_person=OuterRef("pk"), ended_on__isnull=True, next_review_on__lte=horizon
    )
    soonest = due_reviews.order_by("next_review_on")
    young_people = _allocated_having(
        scope, soonest, review_on="next_review_on", staying_close_pk="pk"
    )
    return [
        _work_item(
            scope,
            young_person,
            kind="staying_close_review",
            title="Review their Staying Close support",
            due=young_person.review_on,
            url=_page(
                "staying_close_review",
                young_person,
                staying_close_pk=young_person.staying_close_pk,
            ),
        )
        for young_person in young_people
    ]


def staying_put_ending(scope: Any) -> list[Any]:
    horizon = scope.today + datetime.timedelta(days=STAYING_PUT_HORIZON_DAYS)
    ending = StayingPut.objects.live().filter(
        young_person=OuterRef("pk"), end__isnull=True, planned_end__lte=horizon
    )
    young_people = _allocated_having(
        scope, ending.order_by("planned_end"), planned_end="planned_end"
    )
    return [
        _work_item(
            scope,
            young_person,
            kind="staying_put_ending",
            title=(
                f"Staying Put ends on {format_date(young_person.planned_end)}: "
                "plan their next home"
            ),
            due=young_person.planned_end,
            url=_page("history", young_person),
        )
        for young_person in young_people
    ]
