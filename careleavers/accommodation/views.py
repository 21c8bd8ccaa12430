"""Accommodation pages: a young person's accommodation, and the housing pages across young people.

Views are thin: they read the request, call one selector or service, and render. Record pages
are declared with the people app's `record_page`, which checks the accommodation permission on
the young person (rules built on the people app's, which agree with the visibility selector),
logs the view or the refusal and draws the record frame.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from rules import has_perm

from careleavers.accommodation import charts, forms, selectors
from careleavers.accommodation.contributions import suitability_tag
from careleavers.accommodation.figures import waiting_by_band
from careleavers.accommodation.models import (
    AccommodationPolicy,
    HousingOffer,
    OfferDecision,
    StayingCloseOutcome,
)
from careleavers.accommodation.services import homelessness as homelessness_services
from careleavers.accommodation.services import housing_applications as housing_services
from careleavers.accommodation.services import staying_close as staying_close_services
from careleavers.accommodation.services import staying_put as staying_put_services
from careleavers.accommodation.services import stays as stay_services
from careleavers.accommodation.services import taster_flats as taster_flat_services
from careleavers.accommodation.suitability import CHECKS, CONCERN_TYPES
from careleavers.core.charts import cached_chart
from careleavers.core.dates import format_date
from careleavers.core.forms.submit import saved_then_redirect, service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import rule_required
from careleavers.core.return_preview import previews_for
from careleavers.people.form_page import record_form_page
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page

VIEW = "accommodation.view_accommodation"
CHANGE = "accommodation.change_accommodation"
# The lists across young people show this many rows a page.
LIST_PAGE_SIZE = 50


def _history_href(young_person: YoungPerson) -> str:
    return reverse("accommodation:history", kwargs={"pk": young_person.pk})


def _form_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    form: Any,
    *,
    title: str,
    back: str = "",
    button: str = "Save",
    intro: str = "",
    **extra: Any,
) -> HttpResponse:
    """The record's question page, its way back their accommodation history unless `back`
    names another."""
    return record_form_page(
        request,
        young_person,
        form,
        title=title,
        back=back or _history_href(young_person),
        button=button,
        intro_template=intro,
        **extra,
    )


# A young person's accommodation ------------------------------------------------------------------


@record_page("accommodation", permission=VIEW)
def history(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    stays = selectors.stays_for(young_person=young_person)
    current = next((stay for stay in stays if stay.end is None), None)
    text, colour = suitability_tag(current)
    policy = AccommodationPolicy.current()
    return render(
        request,
        "accommodation/history.html",
        {
            "young_person": young_person,
            "can_change": has_perm(CHANGE, request.user, young_person),
            "current": current,
            "current_is_concern": current is not None and current.accom_type in CONCERN_TYPES,
            "suitability_text": text,
            "suitability_colour": colour,
            "stays": stays,
            "risks": selectors.homelessness_risks_for(young_person=young_person),
            "staying_put": selectors.staying_put_for(young_person=young_person),
            "staying_close": selectors.staying_close_for(young_person=young_person),
            "staying_close_in_force": policy.staying_close_in_force,
            "applications": selectors.housing_applications_for(young_person=young_person),
            "bookings": selectors.taster_bookings_for(young_person=young_person),
            "today": timezone.localdate(),
            # What the SSDA903 return will say, decided by the return's own rule.
            "return_previews": previews_for(young_person.pk, today=timezone.localdate()),
        },
    )


@record_page("accommodation stay", permission=VIEW)
def stay_detail(request: SignedInRequest, young_person: YoungPerson, stay_pk: int) -> HttpResponse:
    stay = selectors.stay_for_record(young_person=young_person, pk=stay_pk)
    assessments = list(selectors.assessments_for(stay=stay))
    checks = [
        {
            "assessment": assessment,
            "rows": [
                {"key": check.question, "value": _answer_text(assessment, check.key)}
                for check in CHECKS
            ],
        }
        for assessment in assessments
    ]
    text, colour = suitability_tag(stay)
    return render(
        request,
        "accommodation/stay_detail.html",
        {
            "young_person": young_person,
            "stay": stay,
            "assessments": checks,
            "suitability_text": text,
            "suitability_colour": colour,
            "can_change": has_perm(CHANGE, request.user, young_person),
            "back_href": _history_href(young_person),
        },
    )


def _answer_text(assessment: Any, key: str) -> str:
    answer = getattr(assessment, f"get_{key}_display")()
    note = getattr(assessment, f"{key}_note")
    return f"{answer}: {note}" if note else answer


@record_page("record accommodation", permission=CHANGE, methods=FORM)
def stay_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.StayForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        stay_services.stay_record,
        acting_user=request.user,
        young_person=young_person,
        message=lambda result: _stay_recorded_message(young_person, result),
        then=lambda result: _after_stay_recorded(young_person, result),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Record where they live",
            intro="accommodation/intros/stay.html",
        ),
    )


def _after_stay_recorded(young_person: YoungPerson, result: stay_services.StayRecorded) -> str:
    """A move to a home nobody has checked goes on to its suitability check."""
    if result.is_move and result.stay.suitable is None:
        return reverse(
            "accommodation:suitability_add",
            kwargs={"pk": young_person.pk, "stay_pk": result.stay.pk},
        )
    return _history_href(young_person)


def _stay_recorded_message(young_person: YoungPerson, result: stay_services.StayRecorded) -> str:
    if not result.is_move:
        return "Past accommodation added to their history."
    parts = [
        f"Move recorded: {young_person.display_name} moved on {format_date(result.stay.start)}."
    ]
    if young_person.next_contact_due:
        parts.append(
            f"Next visit due by {format_date(young_person.next_contact_due)}. "
            f"{young_person.next_contact_rule}"
        )
    parts.extend(result.said)
    if result.manager_alerted:
        parts.append("Their team manager has been told.")
    return " ".join(parts)


@record_page("end accommodation", permission=CHANGE, methods=FORM)
def stay_end(request: SignedInRequest, young_person: YoungPerson, stay_pk: int) -> HttpResponse:
    stay = selectors.stay_for_record(young_person=young_person, pk=stay_pk)
    if stay.end is not None:
        messages.info(request, "They have already left this accommodation.")
        return redirect(_history_href(young_person))
    form = forms.StayEndForm(request.POST or None, initial={"version": stay.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = service_result(
            form,
            lambda: stay_services.stay_end(
                acting_user=request.user,
                stay=stay,
                end=data["end"],
                end_reason=data["end_reason"],
                expected_version=data["version"],
            ),
        )
        if done is not None:
            messages.success(
                request, "Recorded that they have left. Record where they live now when you know."
            )
            return redirect(_history_href(young_person))
    return _form_page(
        request, young_person, form, title="Record that they have left", caption_extra=str(stay)
    )


@record_page("check suitability", permission=CHANGE, methods=FORM)
def suitability_add(
    request: SignedInRequest, young_person: YoungPerson, stay_pk: int
) -> HttpResponse:
    stay = selectors.stay_for_record(young_person=young_person, pk=stay_pk)
    form = forms.SuitabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assessment = service_result(
            form,
            lambda: stay_services.suitability_assess(
                acting_user=request.user,
                stay=stay,
                assessed_on=data["assessed_on"],
                answers=form.answers(),
                notes=form.notes(),
                young_persons_views=data["young_persons_views"],
            ),
        )
        if assessment is not None:
            verdict = "suitable" if assessment.suitable else "unsuitable"
            messages.success(request, f"The accommodation is {verdict}. {assessment.reason}")
            return redirect(_history_href(young_person))
    return _form_page(
        request,
        young_person,
        form,
        title="Check the accommodation is suitable",
        intro="accommodation/intros/suitability.html",
        stay=stay,
    )


@record_page("record homelessness risk", permission=CHANGE, methods=FORM)
def risk_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.RiskForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        homelessness_services.homelessness_risk_record,
        acting_user=request.user,
        young_person=young_person,
        message="Risk of homelessness recorded. Their team manager has been told.",
        then=_history_href(young_person),
        page=lambda: _form_page(
            request, young_person, form, title="Record a risk of homelessness"
        ),
    )


@record_page("end homelessness risk", permission=CHANGE, methods=FORM)
def risk_end(request: SignedInRequest, young_person: YoungPerson, risk_pk: int) -> HttpResponse:
    risk = selectors.risk_for_record(young_person=young_person, pk=risk_pk)
    form = forms.RiskEndForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        homelessness_services.homelessness_risk_end,
        acting_user=request.user,
        risk=risk,
        message="The risk of homelessness has ended.",
        then=_history_href(young_person),
        page=lambda: _form_page(request, young_person, form, title="End the risk of homelessness"),
    )


@record_page("start staying put", permission=CHANGE, methods=FORM)
def staying_put_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.StayingPutForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        staying_put_services.staying_put_start,
        acting_user=request.user,
        young_person=young_person,
        message=lambda arrangement: (
            f"Staying Put recorded, planned until {format_date(arrangement.planned_end)}. "
            "Record their accommodation as Z (with former foster carers) too."
        ),
        then=_history_href(young_person),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Record a Staying Put arrangement",
            intro="accommodation/intros/staying_put.html",
        ),
    )


@record_page("end staying put", permission=CHANGE, methods=FORM)
def staying_put_end(
    request: SignedInRequest, young_person: YoungPerson, staying_put_pk: int
) -> HttpResponse:
    arrangement = selectors.staying_put_for_record(young_person=young_person, pk=staying_put_pk)
    form = forms.StayingPutEndForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        staying_put_services.staying_put_end,
        acting_user=request.user,
        arrangement=arrangement,
        message="Staying Put has ended.",
        then=_history_href(young_person),
        page=lambda: _form_page(
            request, young_person, form, title="End the Staying Put arrangement"
        ),
    )


@record_page("staying close assessment", permission=CHANGE, methods=FORM)
def staying_close_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.StayingCloseForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        staying_close_services.staying_close_assess,
        acting_user=request.user,
        young_person=young_person,
        message=lambda assessment: (
            f"Staying Close assessment recorded: {assessment.get_outcome_display().lower()}."
        ),
        then=_history_href(young_person),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Record a Staying Close assessment",
            intro="accommodation/intros/staying_close.html",
            staying_close_in_force=AccommodationPolicy.current().staying_close_in_force,
        ),
    )


@record_page("staying close review", permission=CHANGE, methods=FORM)
def staying_close_review(
    request: SignedInRequest, young_person: YoungPerson, staying_close_pk: int
) -> HttpResponse:
    staying_close = selectors.staying_close_for_record(
        young_person=young_person, pk=staying_close_pk
    )
    if staying_close.ended_on is not None or (
        staying_close.outcome != StayingCloseOutcome.SUPPORT_NEEDED
    ):
        messages.info(
            request, "This Staying Close support has ended, so there is nothing to review."
        )
        return redirect(_history_href(young_person))
    form = forms.StayingCloseReviewForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        staying_close_services.staying_close_review,
        acting_user=request.user,
        staying_close=staying_close,
        message="Staying Close review recorded.",
        then=_history_href(young_person),
        page=lambda: _form_page(request, young_person, form, title="Review Staying Close support"),
    )


# Housing applications ----------------------------------------------------------------------------


def _application_href(young_person: YoungPerson, application_pk: int) -> str:
    return reverse(
        "accommodation:application_detail",
        kwargs={"pk": young_person.pk, "application_pk": application_pk},
    )


@record_page("add housing application", permission=CHANGE, methods=FORM)
def application_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.ApplicationForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        housing_services.housing_application_add,
        acting_user=request.user,
        young_person=young_person,
        message="Housing application recorded. They are on the waiting list.",
        then=lambda application: _application_href(young_person, application.pk),
        page=lambda: _form_page(request, young_person, form, title="Record a housing application"),
    )


@record_page("housing application", permission=VIEW)
def application_detail(
    request: SignedInRequest, young_person: YoungPerson, application_pk: int
) -> HttpResponse:
    application = selectors.application_for_record(young_person=young_person, pk=application_pk)
    return render(
        request,
        "accommodation/application_detail.html",
        {
            "young_person": young_person,
            "application": application,
            "days_waited": application.days_waited(timezone.localdate()),
            "target_weeks": application.band.target_weeks,
            "can_change": has_perm(CHANGE, request.user, young_person),
            "back_href": _history_href(young_person),
            "pending": OfferDecision.PENDING,
        },
    )


def _application_form_view(
    request: SignedInRequest,
    young_person: YoungPerson,
    application_pk: int,
    *,
    form_class: type[forms.BaseForm],
    title: str,
    call: Callable[..., Any],
    done: str,
) -> HttpResponse:
    application = selectors.application_for_record(young_person=young_person, pk=application_pk)
    back = _application_href(young_person, application.pk)
    if not application.is_waiting:
        messages.info(request, f"This application is {application.status.lower()}.")
        return redirect(back)
    form = form_class(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        call,
        acting_user=request.user,
        application=application,
        message=done,
        then=back,
        page=lambda: _form_page(
            request, young_person, form, title=title, back=back, caption_extra=str(application)
        ),
    )


@record_page("add housing bid", permission=CHANGE, methods=FORM)
def bid_add(
    request: SignedInRequest, young_person: YoungPerson, application_pk: int
) -> HttpResponse:
    return _application_form_view(
        request,
        young_person,
        application_pk,
        form_class=forms.BidForm,
        title="Record a bid",
        call=housing_services.housing_bid_add,
        done="Bid recorded.",
    )


@record_page("add housing offer", permission=CHANGE, methods=FORM)
def offer_add(
    request: SignedInRequest, young_person: YoungPerson, application_pk: int
) -> HttpResponse:
    return _application_form_view(
        request,
        young_person,
        application_pk,
        form_class=forms.OfferForm,
        title="Record an offer of a home",
        call=housing_services.housing_offer_add,
        done="Offer recorded. Record their decision when they make it.",
    )


@record_page("housing offer decision", permission=CHANGE, methods=FORM)
def offer_decide(
    request: SignedInRequest, young_person: YoungPerson, application_pk: int, offer_pk: int
) -> HttpResponse:
    application = selectors.application_for_record(young_person=young_person, pk=application_pk)
    offer = selectors.offer_for_record(application=application, pk=offer_pk)
    back = _application_href(young_person, application.pk)
    if offer.decision != OfferDecision.PENDING:
        messages.info(request, "A decision on this offer is already recorded.")
        return redirect(back)
    form = forms.OfferDecisionForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        housing_services.housing_offer_decide,
        acting_user=request.user,
        offer=offer,
        message=_decision_recorded,
        then=back,
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Record the decision on the offer",
            back=back,
            caption_extra=offer.property_address.splitlines()[0],
        ),
    )


def _decision_recorded(offer: HousingOffer) -> str:
    """What saving a decision says: an accepted offer has two more things to record."""
    done = "Decision recorded."
    if offer.decision == OfferDecision.ACCEPTED:
        done += " When they move in, record them as housed and record their new home."
    return done


@record_page("housed", permission=CHANGE, methods=FORM)
def application_housed(
    request: SignedInRequest, young_person: YoungPerson, application_pk: int
) -> HttpResponse:
    return _application_form_view(
        request,
        young_person,
        application_pk,
        form_class=forms.HousedForm,
        title="Record that they have been housed",
        call=housing_services.housing_application_housed,
        done="Recorded as housed: they are off the waiting list. Record their new home in "
        "their accommodation history.",
    )


@record_page("close housing application", permission=CHANGE, methods=FORM)
def application_close(
    request: SignedInRequest, young_person: YoungPerson, application_pk: int
) -> HttpResponse:
    return _application_form_view(
        request,
        young_person,
        application_pk,
        form_class=forms.CloseApplicationForm,
        title="Close the application",
        call=housing_services.housing_application_close,
        done="Application closed.",
    )


# Taster flat bookings ----------------------------------------------------------------------------


@record_page("book taster flat", permission=CHANGE, methods=FORM)
def booking_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.BookingForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        taster_flat_services.taster_booking_add,
        acting_user=request.user,
        young_person=young_person,
        message=lambda booking: (
            f"{booking.flat} booked from {format_date(booking.starts_on)} to "
            f"{format_date(booking.ends_on)} ({booking.nights} nights)."
        ),
        then=_history_href(young_person),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Book a taster flat",
            intro="accommodation/intros/booking.html",
            max_nights=AccommodationPolicy.current().taster_flat_max_nights,
        ),
    )


@record_page("taster flat outcome", permission=CHANGE, methods=FORM)
def booking_outcome(
    request: SignedInRequest, young_person: YoungPerson, booking_pk: int
) -> HttpResponse:
    booking = selectors.booking_for_record(young_person=young_person, pk=booking_pk)
    if booking.is_cancelled:
        messages.info(request, "This booking was cancelled.")
        return redirect(_history_href(young_person))
    initial = {
        "skills_practised": booking.skills_practised,
        "outcome": booking.outcome,
        "outcome_notes": booking.outcome_notes,
        "young_persons_views": booking.young_persons_views,
    }
    form = forms.BookingOutcomeForm(request.POST or None, initial=initial)
    return saved_then_redirect(
        request,
        form,
        taster_flat_services.taster_booking_outcome,
        acting_user=request.user,
        booking=booking,
        message="Taster flat stay outcome recorded.",
        then=_history_href(young_person),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="How the taster flat stay went",
            caption_extra=str(booking),
        ),
    )


@record_page("cancel taster flat", permission=CHANGE, methods=FORM)
def booking_cancel(
    request: SignedInRequest, young_person: YoungPerson, booking_pk: int
) -> HttpResponse:
    booking = selectors.booking_for_record(young_person=young_person, pk=booking_pk)
    if booking.is_cancelled:
        messages.info(request, "This booking is already cancelled.")
        return redirect(_history_href(young_person))
    form = forms.BookingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = service_result(
            form,
            lambda: taster_flat_services.taster_booking_cancel(
                acting_user=request.user,
                booking=booking,
                reason=form.cleaned_data["cancelled_reason"],
            ),
        )
        if done is not None:
            messages.success(request, "Booking cancelled.")
            return redirect(_history_href(young_person))
    return _form_page(
        request,
        young_person,
        form,
        title="Cancel the taster flat booking",
        button="Cancel booking",
        caption_extra=str(booking),
    )


# Housing pages across young people ---------------------------------------------------------------


@rule_required("accommodation.view_taster_flats")
def housing(request: SignedInRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accommodation/housing.html",
        {
            "can_waiting_list": has_perm("accommodation.view_waiting_list", user),
            "can_concerns": has_perm("accommodation.view_concerns", user),
        },
    )


def _waiting_list(request: SignedInRequest) -> tuple[forms.WaitingListFilterForm, Any]:
    form = forms.WaitingListFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    result = selectors.waiting_list_for(
        user=request.user,
        on=timezone.localdate(),
        band_id=filters["band"].pk if filters.get("band") else None,
        provider_id=filters["provider"].pk if filters.get("provider") else None,
    )
    return form, result


@rule_required("accommodation.view_waiting_list")
def waiting_list(request: SignedInRequest) -> HttpResponse:
    form, result = _waiting_list(request)
    page = Paginator(result.waiting, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    # The chart shows the same filters, whichever page of names is open.
    chart_query = request.GET.copy()
    chart_query.pop("page", None)
    return render(
        request,
        "accommodation/waiting_list.html",
        {
            "form": form,
            "result": result,
            "page": page,
            "waiting": selectors.waiting_applications(list(page.object_list), on=result.on),
            "chart_query": chart_query.urlencode(),
        },
    )


def _svg_response(svg: str) -> HttpResponse:
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
@rule_required("accommodation.view_waiting_list")
def waiting_list_chart(request: SignedInRequest) -> HttpResponse:
    _form, result = _waiting_list(request)
    return _svg_response(cached_chart(charts.waiting_list_chart)(waiting_by_band(result.rows)))


@rule_required("accommodation.view_concerns")
def concerns(request: SignedInRequest) -> HttpResponse:
    concern = request.GET.get("concern", "")
    if concern not in selectors.CONCERN_FILTERS:
        concern = ""
    everyone = selectors.concern_facts_for(user=request.user)
    shown = [
        fact
        for fact in everyone
        if not concern or selectors.CONCERN_FILTERS[concern] in fact.concerns
    ]
    # Every row is counted and ordered, but only a page of them is read and drawn: at
    # national size the list runs to thousands.
    page = Paginator(shown, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accommodation/concerns.html",
        {
            "page": page,
            "rows": selectors.concern_rows(list(page.object_list)),
            "counts": selectors.concern_counts(everyone),
            "concern": concern,
            "concern_label": selectors.CONCERN_FILTERS.get(concern, ""),
            "today": timezone.localdate(),
        },
    )


def _month_links(year: int, month: int) -> dict[str, str]:
    previous = datetime.date(year, month, 1) - datetime.timedelta(days=1)
    following = datetime.date(year, month, 28) + datetime.timedelta(days=4)
    return {
        "previous": f"{previous:%Y-%m}",
        "previous_label": f"{previous:%B %Y}",
        "next": f"{following:%Y-%m}",
        "next_label": f"{following:%B %Y}",
    }


@rule_required("accommodation.view_taster_flats")
def taster_flats(request: SignedInRequest) -> HttpResponse:
    year, month = forms.parse_month(request.GET.get("month"))
    result = selectors.taster_month_for(user=request.user, year=year, month=month)
    return render(
        request,
        "accommodation/taster_flats.html",
        {
            "result": result,
            "month_label": f"{datetime.date(year, month, 1):%B %Y}",
            "month_value": f"{year:04d}-{month:02d}",
            "links": _month_links(year, month),
            "today": timezone.localdate(),
        },
    )


@require_GET
@rule_required("accommodation.view_taster_flats")
def occupancy_chart(request: SignedInRequest) -> HttpResponse:
    year, month = forms.parse_month(request.GET.get("month"))
    result = selectors.taster_month_for(user=request.user, year=year, month=month)
    return _svg_response(
        cached_chart(charts.occupancy_chart)(
            [(flat.name, item.percent) for flat, item in result.occupancy]
        )
    )
