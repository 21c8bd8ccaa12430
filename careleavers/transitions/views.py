"""Pages for referrals to adult services, transition plans, health, and the managers' view.

Views are thin: they read the request, call one selector or service, and render. Pages about a
young person are declared with the people app's `record_page`, checking `people.view_youngperson`
or `people.change_youngperson` on the record (which agree with the visibility selector); it logs
the view or the refusal and draws the record frame. The
managers' pages check `transitions.view_waits` and list only young people the user can see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from rules import has_perm

from careleavers.core.audit import audit_record
from careleavers.core.charts import cached_chart
from careleavers.core.forms.submit import saved_then_redirect, service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.models import AuditEvent
from careleavers.core.permissions import rule_required
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page
from careleavers.transitions import charts, forms, presenters, selectors, services
from careleavers.transitions.models import Outcome

VIEW = "people.view_youngperson"
CHANGE = "people.change_youngperson"
WAITS = "transitions.view_waits"
PLANNING = "transitions.view_planning"

PAGE_SIZE = 50


def overview_url(young_person: YoungPerson) -> str:
    try:
        return reverse("people:overview", kwargs={"pk": young_person.pk})
    except NoReverseMatch:  # pragma: no cover - the people app provides it
        return home_url(young_person)


def home_url(young_person: YoungPerson) -> str:
    return reverse("transitions:young_person", kwargs={"pk": young_person.pk})


def _form_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    form: Any,
    *,
    title: str,
    back: str,
    button: str = "Save",
    caption: str = "",
    summary_rows: list[dict[str, Any]] | None = None,
    intro: str = "",
) -> HttpResponse:
    return render(
        request,
        "transitions/form_page.html",
        {
            "young_person": young_person,
            "form": form,
            "title": title,
            "caption": caption or young_person.display_name,
            "back_href": back,
            "button_text": button,
            "summary_rows": summary_rows or [],
            "intro": intro,
        },
    )


# One young person ----------------------------------------------------------------------------


@record_page("transitions.young_person")
def young_person(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    today = timezone.localdate()
    can_change = has_perm(CHANGE, request.user, young_person)
    profile = selectors.health_profile_for(young_person=young_person)
    plan = selectors.transition_plan_for(young_person=young_person)
    referrals = selectors.referrals_for(young_person=young_person, today=today)
    health_href = (
        reverse("transitions:health_edit", kwargs={"pk": young_person.pk}) if can_change else ""
    )
    return render(
        request,
        "transitions/young_person.html",
        {
            "young_person": young_person,
            "overview_href": overview_url(young_person),
            "can_change": can_change,
            "health_rows": presenters.health_rows(profile),
            "health_href": health_href,
            "referral_table": presenters.referrals_table(referrals),
            "plan": plan,
            "milestones": list(plan.milestones.all()) if plan else [],
            "planning_status": presenters.planning_status(
                young_person, has_plan=plan is not None, today=today
            ),
            "today": today,
        },
    )


@record_page("transitions.health_edit", permission=CHANGE, methods=FORM)
def health_edit(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    profile = selectors.health_profile_for(young_person=young_person)
    initial: dict[str, Any] = {"version": profile.version if profile else None}
    if profile is not None:
        for name in services.HEALTH_FIELDS:
            value = getattr(profile, name)
            initial[name] = ("yes" if value else "no") if isinstance(value, bool) else value
            if name == "number_of_children" and not value:
                initial[name] = None
    form = forms.HealthForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.HEALTH_FIELDS}
        saved = service_result(
            form,
            services.health_profile_update,
            acting_user=request.user,
            young_person=young_person,
            version=form.cleaned_data["version"],
            **fields,
        )
        if saved is not None:
            messages.success(request, "Health details saved")
            return redirect(home_url(young_person))
    return _form_page(request, young_person, form, title="Health", back=home_url(young_person))


@record_page("transitions.referral_create", permission=CHANGE, methods=FORM)
def referral_create(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.ReferralForm(request.POST or None, initial={"referred_on": timezone.localdate()})
    return saved_then_redirect(
        request,
        form,
        services.referral_create,
        acting_user=request.user,
        young_person=young_person,
        message=lambda referral: f"Referral to {referral.service.name} recorded",
        then=presenters.referral_url,
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Refer to a service",
            back=home_url(young_person),
            button="Record referral",
        ),
    )


@record_page("transitions.referral_detail")
def referral_detail(
    request: SignedInRequest, young_person: YoungPerson, referral_pk: int
) -> HttpResponse:
    referral = selectors.referral_for(young_person=young_person, pk=referral_pk)
    row = selectors.with_wait(referral, today=timezone.localdate())
    can_change = has_perm(CHANGE, request.user, young_person)
    chases = selectors.chases_for(referral=referral)
    return render(
        request,
        "transitions/referral_detail.html",
        {
            "young_person": young_person,
            "referral": referral,
            "row": row,
            "status": presenters.status_tag(referral, over_target=row.over_target),
            "rows": presenters.referral_rows(row, can_change=can_change),
            "can_change": can_change and referral.withdrawn_on is None,
            "timeline": [
                {
                    "title": f"{chase.get_kind_display()}: {chase.contacted}",
                    "by": chase.by.get_full_name(),
                    "datetime": chase.on,
                    "description": chase.notes,
                }
                for chase in chases
            ],
            "back_href": home_url(young_person),
            "urls": {
                name: presenters.referral_url(referral, name)
                for name in (
                    "referral_progress",
                    "referral_decision",
                    "referral_support",
                    "referral_withdraw",
                    "chase_add",
                )
            },
            "is_met": referral.outcome == Outcome.THRESHOLD_MET,
        },
    )


def _referral_form_view(
    request: SignedInRequest,
    young_person: YoungPerson,
    referral_pk: int,
    *,
    form_class: type[forms.forms.Form],
    initial: Callable[[Any], dict[str, Any]],
    service: Callable[..., Any],
    title: str,
    button: str,
    done: str,
) -> HttpResponse:
    referral = selectors.referral_for(young_person=young_person, pk=referral_pk)
    form = form_class(
        request.POST or None, initial={"version": referral.version, **initial(referral)}
    )
    return saved_then_redirect(
        request,
        form,
        service,
        acting_user=request.user,
        referral=referral,
        message=done,
        then=presenters.referral_url(referral),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title=title,
            back=presenters.referral_url(referral),
            button=button,
            caption=f"{young_person.display_name}: {referral.service.name}",
        ),
    )


@record_page("transitions.referral_progress", permission=CHANGE, methods=FORM)
def referral_progress(
    request: SignedInRequest, young_person: YoungPerson, referral_pk: int
) -> HttpResponse:
    return _referral_form_view(
        request,
        young_person,
        referral_pk,
        form_class=forms.ProgressForm,
        initial=lambda r: {"acknowledged_on": r.acknowledged_on, "assessed_on": r.assessed_on},
        service=services.referral_progress_record,
        title="Acknowledgement and assessment",
        button="Save dates",
        done="Dates saved",
    )


@record_page("transitions.referral_decision", permission=CHANGE, methods=FORM)
def referral_decision(
    request: SignedInRequest, young_person: YoungPerson, referral_pk: int
) -> HttpResponse:
    return _referral_form_view(
        request,
        young_person,
        referral_pk,
        form_class=forms.DecisionForm,
        initial=lambda r: {
            "decided_on": r.decided_on,
            "outcome": r.outcome or None,
            "alternative_support": r.alternative_support,
            "decision_notes": r.decision_notes,
        },
        service=services.referral_decide,
        title="Record the service’s decision",
        button="Record decision",
        done="Decision recorded",
    )


@record_page("transitions.referral_support", permission=CHANGE, methods=FORM)
def referral_support(
    request: SignedInRequest, young_person: YoungPerson, referral_pk: int
) -> HttpResponse:
    return _referral_form_view(
        request,
        young_person,
        referral_pk,
        form_class=forms.SupportForm,
        initial=lambda r: {"support_started_on": r.support_started_on},
        service=services.referral_support_start,
        title="When did support start?",
        button="Save",
        done="Support start date saved",
    )


@record_page("transitions.referral_withdraw", permission=CHANGE, methods=FORM)
def referral_withdraw(
    request: SignedInRequest, young_person: YoungPerson, referral_pk: int
) -> HttpResponse:
    return _referral_form_view(
        request,
        young_person,
        referral_pk,
        form_class=forms.WithdrawForm,
        initial=lambda r: {},
        service=services.referral_withdraw,
        title="Withdraw the referral",
        button="Withdraw referral",
        done="Referral withdrawn",
    )


@record_page("transitions.chase_add", permission=CHANGE, methods=FORM)
def chase_add(
    request: SignedInRequest, young_person: YoungPerson, referral_pk: int
) -> HttpResponse:
    referral = selectors.referral_for(young_person=young_person, pk=referral_pk)
    form = forms.ChaseForm(request.POST or None, initial={"on": timezone.localdate()})
    return saved_then_redirect(
        request,
        form,
        services.referral_chase_record,
        acting_user=request.user,
        referral=referral,
        message=lambda chase: f"{chase.get_kind_display()} recorded",
        then=presenters.referral_url(referral),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Record a chase or escalation",
            back=presenters.referral_url(referral),
            button="Save",
            caption=f"{young_person.display_name}: {referral.service.name}",
            summary_rows=[
                {"key": "Referred", "value": referral.referred_on},
                {
                    "key": "Wait",
                    "value": presenters.wait_text(
                        selectors.with_wait(referral, today=timezone.localdate())
                    ),
                },
            ],
        ),
    )


@record_page("transitions.plan_edit", permission=CHANGE, methods=FORM)
def plan_edit(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    plan = selectors.transition_plan_for(young_person=young_person)
    initial: dict[str, Any] = {"started_on": timezone.localdate()}
    if plan is not None:
        initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
        initial["version"] = plan.version
        initial["adult_services"] = list(plan.adult_services.all())
    form = forms.PlanForm(request.POST or None, initial=initial)
    return saved_then_redirect(
        request,
        form,
        services.transition_plan_save,
        acting_user=request.user,
        young_person=young_person,
        message="Transition plan saved",
        then=home_url(young_person) + "#transition-plan",
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Transition plan" if plan else "Start a transition plan",
            back=home_url(young_person),
            intro="transitions/intros/plan.html",
        ),
    )


@record_page("transitions.milestone_add", permission=CHANGE, methods=FORM)
def milestone_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    plan = selectors.transition_plan_for(young_person=young_person)
    if plan is None:
        return redirect("transitions:plan_edit", pk=young_person.pk)
    form = forms.MilestoneForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.milestone_add,
        acting_user=request.user,
        plan=plan,
        message="Milestone added",
        then=home_url(young_person) + "#transition-plan",
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Add a milestone",
            back=home_url(young_person),
            button="Add milestone",
        ),
    )


@record_page("transitions.milestone_edit", permission=CHANGE, methods=FORM)
def milestone_edit(
    request: SignedInRequest, young_person: YoungPerson, milestone_pk: int
) -> HttpResponse:
    plan = selectors.transition_plan_for(young_person=young_person)
    if plan is None:
        return redirect("transitions:plan_edit", pk=young_person.pk)
    milestone = selectors.milestone_for(plan=plan, pk=milestone_pk)
    initial = {name: getattr(milestone, name) for name in services.MILESTONE_FIELDS}
    initial["version"] = milestone.version
    form = forms.MilestoneEditForm(request.POST or None, initial=initial)
    return saved_then_redirect(
        request,
        form,
        services.milestone_update,
        acting_user=request.user,
        milestone=milestone,
        message="Milestone saved",
        then=home_url(young_person) + "#transition-plan",
        page=lambda: _form_page(
            request, young_person, form, title="Change a milestone", back=home_url(young_person)
        ),
    )


# The managers' view --------------------------------------------------------------------------


def _filters(request: SignedInRequest) -> tuple[forms.WaitsFilterForm, dict[str, Any]]:
    form = forms.WaitsFilterForm(request.GET if request.GET else None)
    return form, form.filters()


def _audit_list(request: SignedInRequest, page: str, detail: dict[str, Any]) -> None:
    audit_record(
        acting_user=request.user,
        action=AuditEvent.Action.VIEW,
        subject_type=f"transitions.{page}",
        detail=detail,
    )


@rule_required(WAITS)
@require_GET
def waits(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    form, filters = _filters(request)
    by_service = selectors.waiting_by_service_visible_to(user=request.user, today=today, **filters)
    monthly = selectors.monthly_waits_visible_to(user=request.user, today=today, **filters)
    waiting = selectors.waiting_list_visible_to(user=request.user, **filters)
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    _audit_list(request, "waits", {k: v for k, v in filters.items() if v})
    query = request.GET.copy()
    query.pop("page", None)
    chart_query = ("?" + query.urlencode()) if query else ""
    return render(
        request,
        "transitions/waits.html",
        {
            "form": form,
            "today": today,
            "filters": filters,
            "total_waiting": page.paginator.count,
            "total_over": sum(row.figures.over_target for row in by_service),
            "service_table": presenters.service_waiting_table(by_service),
            "monthly_table": presenters.monthly_table(monthly),
            "page": page,
            "waiting_table": presenters.waiting_table(
                selectors.waiting_rows(page.object_list, today=today)
            ),
            "waiting_chart_src": reverse("transitions:waiting_chart") + chart_query,
            "monthly_chart_src": reverse("transitions:monthly_chart") + chart_query,
        },
    )


def _svg_response(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="image/svg+xml")


@rule_required(WAITS)
@require_GET
def waiting_chart(request: SignedInRequest) -> HttpResponse:
    _, filters = _filters(request)
    rows = selectors.waiting_by_service_visible_to(
        user=request.user, today=timezone.localdate(), **filters
    )
    return _svg_response(
        cached_chart(charts.waiting_by_service_svg)(
            [
                (row.service.name, row.figures.within_target, row.figures.over_target)
                for row in rows
            ]
        )
    )


@rule_required(WAITS)
@require_GET
def monthly_chart(request: SignedInRequest) -> HttpResponse:
    _, filters = _filters(request)
    months = selectors.monthly_waits_visible_to(
        user=request.user, today=timezone.localdate(), **filters
    )
    return _svg_response(cached_chart(charts.monthly_waits_svg)(months))


@rule_required(WAITS)
@require_GET
def not_met(request: SignedInRequest) -> HttpResponse:
    referrals = selectors.complex_needs_not_met_visible_to(user=request.user)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    _audit_list(request, "not_met", {})
    return render(
        request,
        "transitions/not_met.html",
        {
            "page": page,
            "table": presenters.not_met_table(page.object_list),
        },
    )


@rule_required(PLANNING)
@require_GET
def planning(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    young_people = selectors.transition_planning_visible_to(user=request.user, today=today)
    page = Paginator(young_people.values_list("pk", flat=True), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    _audit_list(request, "planning", {})
    return render(
        request,
        "transitions/planning.html",
        {
            "page": page,
            "table": presenters.planning_table(
                selectors.planning_rows(list(page.object_list), today=today), today=today
            ),
        },
    )
