"""Pages for needs assessments, pathway plans, authorisation, sharing, history and reviews.

Views are thin: they parse the form, call one service or selector and render. Every page is
part of a young person's record (a plan or a needs assessment is found from its own id) and is
declared with the people app's `record_page`, which checks the permission, logs the view or any
refusal and draws the record frame.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from careleavers.core.forms.errors import add_service_errors
from careleavers.core.forms.submit import saved_then_redirect, service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import can, require
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page, subject
from careleavers.plans import forms, schedule, selectors, services
from careleavers.plans.diff import compare_plans, text_diff
from careleavers.plans.models import (
    Goal,
    NeedsAssessment,
    PathwayPlan,
    PlanAction,
    PlanReview,
    PlanSection,
    PlanState,
)
from careleavers.plans.pdf import Preparing
from careleavers.plans.record_check import plan_contradictions
from careleavers.plans.snapshots import plan_snapshot

VIEW = "plans.view_plans"
# Plans waiting for a manager, and those returned, are listed this many a page.
MANAGER_PAGE_SIZE = 50
CHANGE = "plans.change_plans"
AUTHORISE = "plans.authorise_plan"


def _load_plan(plan_pk: int) -> PathwayPlan:
    return selectors.plan_for_page(pk=plan_pk)


def _load_assessment(assessment_pk: int) -> NeedsAssessment:
    return selectors.assessment_for_page(pk=assessment_pk)


# Pages keyed by a plan or a needs assessment: part of the young person's record, under the
# Pathway plans tab.
PLAN = subject("plan_pk", _load_plan)
ASSESSMENT = subject("assessment_pk", _load_assessment)


def _posted(request: SignedInRequest) -> Any:
    """The submitted data on a POST (even an empty one), None on a GET: `request.POST or None`
    would treat a POST with no fields as a GET."""
    return request.POST if request.method == "POST" else None


def _refuse_stale(form_class: Any, request: SignedInRequest, error: services.StaleEdit, **kw: Any):
    """Rebuild the form with what the editor typed, the current version (so saving again is a
    deliberate choice after reading what changed) and the refusal at the top."""
    data = request.POST.copy()
    data["version"] = str(error.current_version)
    form = form_class(data, **kw)
    form.is_valid()
    who = error.changed_by or "Someone else"
    form.add_error(
        None,
        f"{who} saved {error.what} after you opened it, so nothing you entered was saved. "
        "Read what they changed below, then save again if your version should replace theirs.",
    )
    changes = [
        {"label": change.label, "diff": text_diff(change.before, change.after)}
        for change in error.changes
    ]
    return form, changes


def _plan_url(plan: PathwayPlan) -> str:
    return reverse("plans:plan_detail", kwargs={"plan_pk": plan.pk})


def _caption(young_person: YoungPerson) -> str:
    return young_person.display_name


# A young person's plans --------------------------------------------------------------------


@record_page("plans", permission=VIEW)
def young_person_plans(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    annotated = selectors.with_plan_facts(YoungPerson.objects.filter(pk=young_person.pk)).get()
    return render(
        request,
        "plans/young_person_plans.html",
        {
            "young_person": young_person,
            "plans": selectors.plans_for(young_person=young_person),
            "in_force": selectors.plan_in_force(young_person=young_person),
            "open_plan": selectors.open_plan(young_person=young_person),
            "review_due": selectors.review_due_for(young_person=young_person),
            "assessment_due": selectors.assessment_due_for(annotated),
            "assessments": selectors.assessments_for(young_person=young_person),
            "reviews": selectors.reviews_held_for(young_person=young_person),
            "open_requests": selectors.open_review_requests(young_person=young_person),
            "can_change": can(request.user, CHANGE, young_person),
            "today": timezone.localdate(),
        },
    )


# Needs assessment --------------------------------------------------------------------------


@record_page("start needs assessment", permission=CHANGE, methods=["POST"])
def assessment_start(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    try:
        assessment = services.assessment_start(acting_user=request.user, young_person=young_person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:young_person_plans", pk=young_person.pk)
    return redirect("plans:assessment_detail", assessment_pk=assessment.pk)


def _assessment_initial(assessment: NeedsAssessment) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(assessment, name) for name in services.ASSESSMENT_FIELDS
    }
    initial["version"] = assessment.version
    for section in assessment.sections.all():
        initial[f"matter_{section.matter}"] = section.findings
    return initial


@record_page("needs assessment", permission=VIEW, methods=FORM, subject=ASSESSMENT, tab="plans")
def assessment_detail(request: SignedInRequest, assessment: NeedsAssessment) -> HttpResponse:
    young_person = assessment.young_person
    can_change = can(request.user, CHANGE, assessment) and not assessment.is_complete
    changes: list[dict[str, Any]] = []
    if request.method == "POST":
        require(request.user, CHANGE, assessment)
        form = forms.AssessmentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.assessment_update(
                    acting_user=request.user,
                    assessment=assessment,
                    version=data.get("version"),
                    findings=form.findings(),
                    **{name: data[name] for name in services.ASSESSMENT_FIELDS},
                )
            except services.StaleEdit as error:
                form, changes = _refuse_stale(forms.AssessmentForm, request, error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Needs assessment saved.")
                return redirect("plans:assessment_detail", assessment_pk=assessment.pk)
    else:
        form = forms.AssessmentForm(initial=_assessment_initial(assessment))
    sections = [
        {"title": schedule.ASSESSMENT_MATTERS_BY_KEY[s.matter].title, "findings": s.findings}
        for s in sorted(
            assessment.sections.all(),
            key=lambda s: [m.key for m in schedule.ASSESSMENT_MATTERS].index(s.matter),
        )
    ]
    return render(
        request,
        "plans/assessment_detail.html",
        {
            "young_person": young_person,
            "assessment": assessment,
            "form": form,
            "can_change": can_change,
            "sections": sections,
            "changes": changes,
            "citation": schedule.ASSESSMENT_CITATION,
        },
    )


@record_page(
    "complete needs assessment",
    permission=CHANGE,
    methods=FORM,
    subject=ASSESSMENT,
    tab="plans",
)
def assessment_complete(request: SignedInRequest, assessment: NeedsAssessment) -> HttpResponse:
    form = forms.AssessmentCompleteForm(_posted(request))
    return saved_then_redirect(
        request,
        form,
        services.assessment_complete,
        acting_user=request.user,
        assessment=assessment,
        message="Needs assessment completed.",
        then=reverse("plans:young_person_plans", kwargs={"pk": assessment.young_person_id}),
        page=lambda: render(
            request,
            "plans/assessment_complete.html",
            {"young_person": assessment.young_person, "assessment": assessment, "form": form},
        ),
    )


# The plan ----------------------------------------------------------------------------------


@record_page("start pathway plan", permission=CHANGE, methods=["POST"])
def plan_start(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    try:
        plan = services.plan_create(acting_user=request.user, young_person=young_person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("plans:young_person_plans", pk=young_person.pk)
    return redirect(_plan_url(plan))


@record_page("pathway plan", permission=VIEW, subject=PLAN, tab="plans")
def plan_detail(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:
    sections = list(
        PlanSection.objects.filter(plan=plan)
        .select_related("personal_adviser")
        .prefetch_related("actions")
    )
    can_change = can(request.user, CHANGE, plan)
    missing = services.plan_missing_parts(plan) if plan.is_editable else []
    tasks = _section_tasks(plan, sections, missing) if can_change and plan.is_editable else []
    return render(
        request,
        "plans/plan_detail.html",
        {
            "young_person": plan.young_person,
            "plan": plan,
            "sections": sections,
            # While it is being written, each section says whether it is ready to submit.
            "tasks": tasks,
            "tasks_done": sum(1 for task in tasks if task["status"] == "completed"),
            "goals": list(Goal.objects.filter(plan=plan)),
            "state_changes": selectors.state_changes_for(plan=plan),
            "missing": [part.text for part in missing],
            "can_change": can_change,
            "can_authorise": can(request.user, AUTHORISE, plan),
        },
    )


def _section_tasks(
    plan: PathwayPlan, sections: list[PlanSection], missing: list[services.MissingPart]
) -> list[dict[str, str]]:
    """The plan's sections as a GOV.UK task list: each links to where it is written, says what
    it still needs before the plan can be submitted, and is completed when it needs nothing."""
    tasks = []
    for section in sections:
        needs = [part.what for part in missing if part.section_key == section.key]
        started = section.young_persons_words.strip() or section.assessment.strip()
        tasks.append(
            {
                "name": f"{section.number}. {section.definition.title}",
                "href": reverse(
                    "plans:section_edit", kwargs={"plan_pk": plan.pk, "key": section.key}
                ),
                "hint": "Still to write: " + " and ".join(needs) if needs else "",
                "status": "completed" if not needs else "incomplete" if started else "",
            }
        )
    return tasks


def _section(plan: PathwayPlan, key: str) -> PlanSection:
    if key not in schedule.SECTIONS_BY_KEY:
        raise Http404("No such section")
    return get_object_or_404(PlanSection, plan=plan, key=key)


def _not_editable(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:
    messages.error(
        request,
        f"This plan is {plan.get_state_display().lower()}, so it cannot be changed. "
        "Changes come through a review, which starts the next version of the plan.",
    )
    return redirect(_plan_url(plan))


@record_page(
    "edit pathway plan section", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans"
)
def section_edit(request: SignedInRequest, plan: PathwayPlan, key: str) -> HttpResponse:
    section = _section(plan, key)
    if not plan.is_editable:
        return _not_editable(request, plan)
    definition = section.definition
    changes: list[dict[str, Any]] = []
    if request.method == "POST":
        form = forms.SectionForm(request.POST, definition=definition)
        if form.is_valid():
            try:
                services.plan_update(
                    acting_user=request.user,
                    plan=plan,
                    section_key=key,
                    version=form.cleaned_data.get("version"),
                    young_persons_words=form.cleaned_data["young_persons_words"],
                    assessment=form.cleaned_data["assessment"],
                    planned=form.cleaned_data.get(definition.planned_field, services.KEEP_PLANNED),
                )
            except services.StaleEdit as error:
                form, changes = _refuse_stale(
                    forms.SectionForm, request, error, definition=definition
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{definition.title} saved.")
                return redirect(f"{_plan_url(plan)}#section-{key}")
    else:
        form = forms.SectionForm(
            initial={
                "version": section.version,
                "young_persons_words": section.young_persons_words,
                "assessment": section.assessment,
                **(
                    {definition.planned_field: getattr(section, definition.planned_field)}
                    if definition.planned_field
                    else {}
                ),
            },
            definition=definition,
        )
    return render(
        request,
        "plans/section_edit.html",
        {
            "young_person": plan.young_person,
            "plan": plan,
            "section": section,
            "definition": definition,
            "form": form,
            "changes": changes,
            "actions": list(section.actions.all()),
        },
    )


def _action_or_goal_page(
    request: SignedInRequest,
    *,
    plan: PathwayPlan,
    instance: Model | None,
    full_form: Any,
    progress_form: Any,
    save: Any,
    template: str,
    extra: dict[str, Any],
    done_message: str,
    anchor: str,
) -> HttpResponse:
    """Add or change an action or a goal. While the plan is being written every field can
    change; once it is authorised only progress can."""
    if instance is None and not plan.is_editable:
        return _not_editable(request, plan)
    if not plan.is_editable and not plan.is_in_force_state:
        return _not_editable(request, plan)
    form_class = full_form if plan.is_editable else progress_form
    changes: list[dict[str, Any]] = []
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version", None)
            try:
                save(acting_user=request.user, plan=plan, version=version, **data)
            except services.StaleEdit as error:
                form, changes = _refuse_stale(form_class, request, error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, done_message)
                return redirect(f"{_plan_url(plan)}#{anchor}")
    else:
        initial = {}
        if instance is not None:
            initial = {name: getattr(instance, name) for name in form_class.base_fields}
        form = form_class(initial=initial)
    return render(
        request,
        template,
        {
            "young_person": plan.young_person,
            "plan": plan,
            "form": form,
            "changes": changes,
            "instance": instance,
            **extra,
        },
    )


@record_page("add action", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans")
def action_add(request: SignedInRequest, plan: PathwayPlan, key: str) -> HttpResponse:
    section = _section(plan, key)

    def save(**kwargs: Any) -> Any:
        kwargs.pop("version", None)
        return services.plan_action_save(section_key=key, **kwargs)

    return _action_or_goal_page(
        request,
        plan=plan,
        instance=None,
        full_form=forms.ActionForm,
        progress_form=forms.ActionStatusForm,
        save=save,
        template="plans/action_form.html",
        extra={"section": section},
        done_message="Action added.",
        anchor=f"section-{key}",
    )


@record_page("change action", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans")
def action_edit(request: SignedInRequest, plan: PathwayPlan, action_pk: int) -> HttpResponse:
    action = get_object_or_404(
        PlanAction.objects.select_related("section"), pk=action_pk, plan=plan
    )

    def save(**kwargs: Any) -> Any:
        return services.plan_action_save(action=action, **kwargs)

    return _action_or_goal_page(
        request,
        plan=plan,
        instance=action,
        full_form=forms.ActionForm,
        progress_form=forms.ActionStatusForm,
        save=save,
        template="plans/action_form.html",
        extra={"section": action.section},
        done_message="Action saved.",
        anchor=f"section-{action.section.key}",
    )


@record_page("add goal", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans")
def goal_add(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:

    def save(**kwargs: Any) -> Any:
        kwargs.pop("version", None)
        return services.plan_goal_save(**kwargs)

    return _action_or_goal_page(
        request,
        plan=plan,
        instance=None,
        full_form=forms.GoalForm,
        progress_form=forms.GoalProgressForm,
        save=save,
        template="plans/goal_form.html",
        extra={},
        done_message="Goal added.",
        anchor="goals",
    )


@record_page("change goal", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans")
def goal_edit(request: SignedInRequest, plan: PathwayPlan, goal_pk: int) -> HttpResponse:
    goal = get_object_or_404(Goal, pk=goal_pk, plan=plan)

    def save(**kwargs: Any) -> Any:
        return services.plan_goal_save(goal=goal, **kwargs)

    return _action_or_goal_page(
        request,
        plan=plan,
        instance=goal,
        full_form=forms.GoalForm,
        progress_form=forms.GoalProgressForm,
        save=save,
        template="plans/goal_form.html",
        extra={},
        done_message="Goal saved.",
        anchor="goals",
    )


@record_page("submit pathway plan", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans")
def plan_submit(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:
    if not plan.is_editable:
        return _not_editable(request, plan)
    form = forms.ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        done = service_result(form, services.plan_submit, acting_user=request.user, plan=plan)
        if done is not None:
            messages.success(request, "Plan submitted. A manager will authorise it or return it.")
            return redirect(_plan_url(plan))
    # Each missing part links to the box on its section's page, so the worker can go and write it.
    missing = [
        {
            "text": part.text,
            "href": reverse(
                "plans:section_edit", kwargs={"plan_pk": plan.pk, "key": part.section_key}
            )
            + f"#id_{part.field}",
        }
        for part in services.plan_missing_parts(plan)
    ]
    return render(
        request,
        "plans/plan_submit.html",
        {"young_person": plan.young_person, "plan": plan, "missing": missing, "form": form},
    )


@record_page(
    "authorise pathway plan", permission=AUTHORISE, methods=FORM, subject=PLAN, tab="plans"
)
def plan_decide(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:
    if plan.state != PlanState.SUBMITTED:
        messages.error(request, "This plan is not waiting for authorisation.")
        return redirect(_plan_url(plan))
    form = forms.DecisionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
        service = services.plan_authorise if decision == form.AUTHORISE else services.plan_return
        done = service_result(form, service, acting_user=request.user, plan=plan, comment=comment)
        if done is not None:
            what = "authorised" if decision == form.AUTHORISE else "returned to the worker"
            messages.success(request, f"Plan {what}.")
            return redirect(_plan_url(plan))
    return render(
        request,
        "plans/plan_decide.html",
        {
            "young_person": plan.young_person,
            "plan": plan,
            "form": form,
            "snapshot": plan_snapshot(plan=plan),
            "goals": list(Goal.objects.filter(plan=plan)),
            "state_changes": selectors.state_changes_for(plan=plan),
            "changes": selectors.changes_for_decision(plan=plan),
            "contradictions": plan_contradictions(plan=plan, today=timezone.localdate()),
        },
    )


@record_page("share pathway plan", permission=CHANGE, methods=FORM, subject=PLAN, tab="plans")
def plan_share(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:
    if plan.state != PlanState.AUTHORISED:
        messages.error(request, "Only an authorised plan that has not been shared can be shared.")
        return redirect(_plan_url(plan))
    form = forms.ShareForm(_posted(request))
    # The form's fields are the service's arguments, named alike.
    return saved_then_redirect(
        request,
        form,
        services.plan_share,
        message="Recorded that the plan was shared with the young person.",
        then=_plan_url(plan),
        page=lambda: render(
            request,
            "plans/plan_share.html",
            {"young_person": plan.young_person, "plan": plan, "form": form},
        ),
        acting_user=request.user,
        plan=plan,
    )


# Often enough that a PDF laid out in a second is offered almost at once.
PDF_REFRESH_SECONDS = 2


@record_page("pathway plan PDF", permission=VIEW, subject=PLAN, tab="plans")
def plan_pdf(request: SignedInRequest, plan: PathwayPlan) -> HttpResponse:
    try:
        pdf = services.plan_print(
            acting_user=request.user, plan=plan, again="again" in request.GET
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_plan_url(plan))
    if isinstance(pdf, Preparing):
        # Laid out in the background: this page refreshes itself until it is ready.
        return render(
            request,
            "plans/plan_pdf_preparing.html",
            {
                "young_person": plan.young_person,
                "plan": plan,
                "preparing": pdf,
                "refresh_seconds": None if pdf.failed else PDF_REFRESH_SECONDS,
            },
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"pathway-plan-{plan.young_person.child_id}-{plan.number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# History -----------------------------------------------------------------------------------


@record_page("pathway plan history", permission=VIEW)
def plan_history(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """What the plan said on a date, and every version, to pick two to compare."""
    versions = selectors.plan_versions(young_person=young_person)
    as_of_form = forms.AsOfForm(request.GET if "on-year" in request.GET else None)
    on_date = None
    if as_of_form.is_bound and as_of_form.is_valid():
        day: datetime.date = as_of_form.cleaned_data["on"]
        on_date = {"day": day, "result": selectors.plan_on(young_person=young_person, day=day)}
    choices = [(v.token, v.label) for v in versions]
    compare_form = forms.CompareForm(
        initial=selectors.default_comparison(versions), versions=choices
    )
    return render(
        request,
        "plans/plan_history.html",
        {
            "young_person": young_person,
            "versions": versions,
            "form": as_of_form,
            "on_date": on_date,
            "compare_form": compare_form,
        },
    )


@record_page("pathway plan comparison", permission=VIEW)
def plan_compare(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    versions = selectors.plan_versions(young_person=young_person)
    choices = [(v.token, v.label) for v in versions]
    # Linked from a plan as ?plan=<id>: start from that plan against the last authorised one.
    plan_id = request.GET.get("plan", "")
    initial = selectors.default_comparison(
        versions, plan_id=int(plan_id) if plan_id.isascii() and plan_id.isdecimal() else None
    )
    chosen = "a" in request.GET or "b" in request.GET
    # With nothing chosen yet the page compares the default pair straight away.
    data = request.GET if chosen else (initial or None)
    form = forms.CompareForm(data, initial=initial, versions=choices)
    comparison = older = newer = None
    if form.is_bound and form.is_valid():
        first = selectors.version_snapshot(young_person=young_person, token=form.cleaned_data["a"])
        second = selectors.version_snapshot(
            young_person=young_person, token=form.cleaned_data["b"]
        )
        if first and second:
            older, newer = first, second
            comparison = compare_plans(older[1], newer[1])
    return render(
        request,
        "plans/plan_compare.html",
        {
            "young_person": young_person,
            "form": form,
            "comparison": comparison,
            "older": older,
            "newer": newer,
            "only_one_version": not chosen and not initial,
        },
    )


# Reviews -----------------------------------------------------------------------------------


@record_page("request review", permission=CHANGE, methods=FORM)
def review_request(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.ReviewRequestForm(_posted(request))
    return saved_then_redirect(
        request,
        form,
        services.review_request,
        acting_user=request.user,
        young_person=young_person,
        message="Review requested. The review due date has been updated.",
        then=reverse("plans:young_person_plans", kwargs={"pk": young_person.pk}),
        page=lambda: render(
            request, "plans/review_request.html", {"young_person": young_person, "form": form}
        ),
    )


@record_page("record review", permission=CHANGE, methods=FORM)
def review_record(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    open_requests = selectors.open_review_requests(young_person=young_person)
    first = open_requests[0] if open_requests else None
    form = forms.ReviewRecordForm(
        request.POST or None,
        initial={"reason": first.reason if first else "scheduled"},
    )
    # The form's fields are the service's arguments, named alike.
    return saved_then_redirect(
        request,
        form,
        services.review_record,
        message="Review recorded. The next version of the plan has been started from the "
        "current one: update it and submit it for authorisation.",
        then=_resulting_plan_url,
        page=lambda: render(
            request,
            "plans/review_record.html",
            {
                "young_person": young_person,
                "form": form,
                "open_requests": open_requests,
                "in_force": selectors.plan_in_force(young_person=young_person),
            },
        ),
        acting_user=request.user,
        young_person=young_person,
        request_review=first,
    )


def _resulting_plan_url(review: PlanReview) -> str:
    """Where a recorded review goes: the plan version it started."""
    assert review.resulting_plan is not None
    return _plan_url(review.resulting_plan)


# Managers ----------------------------------------------------------------------------------


@require_GET
def manager_view(request: SignedInRequest) -> HttpResponse:
    require(request.user, "plans.view_manager_view")
    view = selectors.manager_view(user=request.user, today=timezone.localdate())
    return render(
        request,
        "plans/manager_view.html",
        {
            "view": view,
            "awaiting": Paginator(view.awaiting, MANAGER_PAGE_SIZE).get_page(
                request.GET.get("awaiting_page")
            ),
            "returned": Paginator(view.returned, MANAGER_PAGE_SIZE).get_page(
                request.GET.get("returned_page")
            ),
            "today": timezone.localdate(),
        },
    )
