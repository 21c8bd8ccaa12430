"""Pages for case audits, their actions and moderation, the audit programme, management
oversight and the young person's feedback.

Views are thin: they check permission through `rules` directly (casework.rules.can, so the
admin's superuser flag never opens a young person's record), parse the form, call one service
or selector and render. Every page about a young person (audit pages and action pages
included) logs the view against their record, and logs a refusal before the 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from careleavers.accounts.models import Team
from careleavers.casework.rules import managed_team_ids
from careleavers.core.audit import audit_record
from careleavers.core.charts import cached_chart
from careleavers.core.dates import month_start, months_up_to
from careleavers.core.forms.action_button import acted_then_redirect
from careleavers.core.forms.confirm import confirmed_then_redirect
from careleavers.core.forms.submit import saved_then_redirect, service_result, submitted
from careleavers.core.http import SignedInRequest
from careleavers.core.models import AuditEvent
from careleavers.core.permissions import can, require, rule_required
from careleavers.core.practice_framework import JUDGEMENT_AREAS
from careleavers.people.form_page import record_form_page
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page, subject
from careleavers.quality import charts, forms, presenters, selectors, services
from careleavers.quality.models import AuditAction, CaseAudit, QualityPolicy
from careleavers.quality.standards import rate_text
from careleavers.quality.team_pages import TeamOrderedPages

PAGE_SIZE = 50

View = Callable[..., HttpResponse]


# Helpers ---------------------------------------------------------------------------------------


def _load_audit(audit_pk: int) -> CaseAudit:
    return selectors.audit_for(pk=audit_pk)


def _load_action(action_pk: int) -> AuditAction:
    return selectors.action_for(pk=action_pk)


def _young_person_of_action(action: AuditAction) -> YoungPerson:
    return action.audit.young_person


# An audit of a young person's case, and each of its actions, are part of their record.
AUDIT = subject("audit_pk", _load_audit)
ACTION = subject("action_pk", _load_action, _young_person_of_action)


def _audit_url(audit: CaseAudit, name: str = "audit_detail", **kwargs: Any) -> str:
    return reverse(f"quality:{name}", kwargs={"audit_pk": audit.pk, **kwargs})


def _audit_form_page(
    request: SignedInRequest,
    audit: CaseAudit,
    form: Any,
    *,
    title: str,
    button: str = "Save and return to the audit",
    intro: str = "",
    template: str = "quality/audit_form.html",
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "audit": audit,
            "young_person": audit.young_person,
            "form": form,
            "title": title,
            "button_text": button,
            "back_href": _audit_url(audit),
            "intro": intro,
            **extra,
        },
    )


def _list_audit(request: SignedInRequest, page: str, detail: dict[str, Any]) -> None:
    audit_record(
        acting_user=request.user,
        action=AuditEvent.Action.VIEW,
        subject_type=f"quality.{page}",
        detail={key: str(value) for key, value in detail.items() if value},
    )


QA_PAGES = (
    ("programme", "Audit programme", "quality:programme", "quality.view_programme"),
    ("audits", "Case audits", "quality:audit_list", "quality.view_audits"),
    ("actions", "Actions", "quality:action_list", "quality.view_actions"),
    (
        "oversight",
        "Management oversight",
        "quality:oversight_report",
        "quality.view_oversight_report",
    ),
    (
        "anonymous",
        "Feedback without a name",
        "quality:anonymous_feedback_list",
        "quality.view_anonymous_feedback",
    ),
    ("you_said", "You said, we did", "quality:you_said_list", "quality.manage_you_said"),
)


def _qa_navigation(request: SignedInRequest, tab: str) -> list[dict[str, Any]]:
    """The quality assurance pages this user may open, as sub navigation."""
    return [
        {"text": text, "href": reverse(url_name), "active": key == tab}
        for key, text, url_name, permission in QA_PAGES
        if can(request.user, permission)
    ]


def _teams_for(user: Any) -> list[Team]:
    return list(Team.objects.order_by("name"))


# The audit programme -----------------------------------------------------------------------------


@rule_required("quality.view_programme")
@require_GET
def programme(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    teams = _teams_for(request.user)
    form = forms.ProgrammeFilterForm(request.GET or None, teams=teams)
    team_id, period = form.values()
    team_ids = frozenset({team_id}) if team_id else None
    this_month = month_start(today)
    by_team = selectors.completion_by_team(month=this_month)
    service_completed, service_target = selectors.audit_completion(month=this_month, team_ids=None)
    months = months_up_to(today, 12)
    by_month = selectors.completion_by_month(months=months, team_ids=team_ids)
    start = month_start(months_up_to(today, period)[0])
    grade_counts = selectors.audit_grade_counts(start=start, end=today, team_ids=team_ids)
    themes = selectors.audit_theme_rows(start=start, end=today, team_ids=team_ids)
    _list_audit(request, "programme", {"team": team_id, "period": period})
    chosen_team = next((team.name for team in teams if team.pk == team_id), "")
    chart_query = request.GET.urlencode()
    return render(
        request,
        "quality/programme.html",
        {
            "form": form,
            "today": today,
            "this_month": this_month,
            "service_completed": service_completed,
            "service_target": service_target,
            "service_rate": rate_text(service_completed, service_target),
            "team_table": presenters.team_completion_table(
                by_team, total=(service_completed, service_target)
            ),
            "month_table": presenters.month_completion_table(by_month),
            "chosen_team": chosen_team,
            "period_label": forms.PERIOD_PHRASES[str(period)],
            "grade_table": presenters.grade_table(
                grade_counts, start=start, end=today, team_id=team_id
            ),
            "theme_table": presenters.theme_table(themes, start=start, end=today, team_id=team_id),
            "chart_src": reverse("quality:completion_chart")
            + (f"?{chart_query}" if chart_query else ""),
            "can_set_targets": can(request.user, "quality.set_targets"),
            "qa_navigation": _qa_navigation(request, "programme"),
        },
    )


@rule_required("quality.view_programme")
@require_GET
def completion_chart(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    form = forms.ProgrammeFilterForm(request.GET or None, teams=_teams_for(request.user))
    team_id, _ = form.values()
    rows = selectors.completion_by_month(
        months=months_up_to(today, 12), team_ids=frozenset({team_id}) if team_id else None
    )
    return HttpResponse(cached_chart(charts.completion_svg)(rows), content_type="image/svg+xml")


@rule_required("quality.set_targets")
def targets(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    month_form = forms.MonthForm(
        request.GET or None, today=today, initial={"month": f"{today:%Y-%m}"}
    )
    month = month_form.chosen_month(month_start(today))
    user: Any = request.user
    if user.has_role("head_of_service"):
        teams = list(Team.objects.order_by("name"))
    else:
        teams = list(Team.objects.filter(pk__in=managed_team_ids(user)).order_by("name"))
    current = selectors.targets_for(month=month, teams=teams)
    form = forms.TargetsForm(request.POST or None, teams=teams, current=current)
    if request.method == "POST" and form.is_valid():
        saved = True
        for team, target in form.targets():
            if (
                service_result(
                    form,
                    services.audit_target_set,
                    acting_user=user,
                    team=team,
                    month=month,
                    target=target,
                )
                is None
            ):
                saved = False
        if saved:
            messages.success(request, f"Audit targets for {month:%B %Y} saved")
            return redirect(reverse("quality:targets") + f"?month={month:%Y-%m}")
    return render(
        request,
        "quality/targets.html",
        {
            "form": form,
            "month_form": month_form,
            "month": month,
            "teams": teams,
            "back_href": reverse("quality:programme"),
        },
    )


# Audit list -------------------------------------------------------------------------------------


@rule_required("quality.view_audits")
@require_GET
def audit_list(request: SignedInRequest) -> HttpResponse:
    teams = _teams_for(request.user)
    themes = list(selectors.all_themes())
    form = forms.AuditFilterForm(request.GET or None, teams=teams, themes=themes)
    filters = selectors.AuditFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.AuditFilters(
            status=data["status"],
            team_id=int(data["team"]) if data["team"] else None,
            theme=data["theme"],
            grade=data["grade"],
            start=data["start"],
            end=data["end"],
        )
    audits = selectors.audit_list_visible_to(user=request.user, filters=filters)
    page = Paginator(audits, PAGE_SIZE).get_page(request.GET.get("page"))
    _list_audit(request, "audit_list", filters.__dict__)
    return render(
        request,
        "quality/audit_list.html",
        {
            "form": form,
            "page": page,
            "table": presenters.audit_table(page.object_list),
            "total": page.paginator.count,
            "qa_navigation": _qa_navigation(request, "audits"),
        },
    )


# One audit ----------------------------------------------------------------------------------


@record_page("quality.audit_start", permission="quality.add_audit", methods=FORM)
def audit_start(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    in_progress = (
        selectors.audits_of(young_person=young_person).filter(status="in_progress").first()
    )
    if in_progress is not None:
        return redirect(_audit_url(in_progress))
    form = forms.forms.Form(request.POST if request.method == "POST" else None)
    return saved_then_redirect(
        request,
        form,
        services.audit_start,
        acting_user=request.user,
        young_person=young_person,
        message="Audit started",
        then=_audit_url,
        page=lambda: _audit_start_page(request, young_person, form),
    )


def _audit_start_page(
    request: SignedInRequest, young_person: YoungPerson, form: Any
) -> HttpResponse:
    """What starting an audit of `young_person` will look at, above the button that starts it."""
    worker, role = services.current_worker_for(young_person=young_person)
    team = young_person.team
    return render(
        request,
        "quality/audit_start.html",
        {
            "young_person": young_person,
            "form": form,
            "rows": [
                {"key": "Young person", "value": young_person.display_name},
                {"key": "Team", "value": team.name if team else "No team"},
                {
                    "key": "Worker audited",
                    "value": f"{worker.get_full_name()} ({presenters.role_label(role)})"
                    if worker
                    else "Nobody is allocated to them",
                },
                {
                    "key": "Their manager",
                    "value": team.manager.get_full_name() if team and team.manager else "None",
                },
                {
                    "key": "Questions",
                    "value": f"{selectors.active_question_count()} questions in "
                    f"{len(JUDGEMENT_AREAS)} areas",
                },
            ],
            "back_href": reverse("people:overview", kwargs={"pk": young_person.pk}),
        },
    )


@record_page("quality.audit_detail", permission="quality.view_audit", subject=AUDIT)
def audit_detail(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    can_change = can(request.user, "quality.change_audit", audit)
    context = presenters.audit_context(audit, can_change=can_change)
    context.update(
        {
            "audit": audit,
            "young_person": audit.young_person,
            "can_change": can_change,
            "can_moderate": can(request.user, "quality.moderate_audit", audit),
            "overview_href": reverse("people:overview", kwargs={"pk": audit.young_person_id}),
            "breadcrumbs": [
                {"text": "Quality assurance", "href": reverse("quality:programme")},
                {"text": "Case audits", "href": reverse("quality:audit_list")},
                {"text": audit.young_person.display_name},
            ],
        }
    )
    return render(request, "quality/audit_detail.html", context)


@record_page("quality.audit_area", permission="quality.change_audit", methods=FORM, subject=AUDIT)
def audit_area(request: SignedInRequest, audit: CaseAudit, area: str) -> HttpResponse:
    labels = dict(JUDGEMENT_AREAS)
    answers = selectors.answers_by_area(audit=audit).get(area)
    if area not in labels or not answers:
        raise Http404
    grade = selectors.area_grades_for(audit=audit).get(area)
    initial = {"grade": grade.grade, "comment": grade.comment} if grade else {}
    form = forms.AreaForm(request.POST or None, answers=answers, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = service_result(
            form,
            services.audit_area_save,
            acting_user=request.user,
            audit=audit,
            area=area,
            answers=form.answer_values(),
            grade=form.cleaned_data["grade"],
            comment=form.cleaned_data["comment"],
        )
        if saved is not None:
            messages.success(request, f"{labels[area]}: saved")
            return redirect(_audit_url(audit))
    return _audit_form_page(
        request,
        audit,
        form,
        title=labels[area],
        template="quality/audit_area.html",
        record_facts=_record_facts(audit, area),
    )


def _record_facts(audit: CaseAudit, area: str) -> list[str]:
    """What the record says that bears on an area's questions, shown beside them so the
    auditor checks the record rather than memory. For now: whether the local offer was
    explained and understood (the letter's area 3), under the young person's influence."""
    if area != "influence":
        return []
    from careleavers.offer.explained import explained_words
    from careleavers.offer.selectors import latest_offer_explained

    today = timezone.localdate()
    latest = latest_offer_explained(young_person=audit.young_person, on=today)
    return [f"Local offer: {explained_words(latest, today=today)}"]


@record_page(
    "quality.audit_feedback", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_feedback(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    today = timezone.localdate()
    recent = selectors.recent_feedback_for(young_person=audit.young_person, today=today)
    checks = selectors.recent_wellbeing_checks_for(young_person=audit.young_person, today=today)
    # One page, two forms: the hidden "which" field says which was sent.
    sent_wellbeing = request.method == "POST" and request.POST.get("which") == "wellbeing"
    form = forms.FeedbackChoiceForm(
        request.POST if request.method == "POST" and not sent_wellbeing else None,
        feedback=recent,
        initial={"feedback": audit.feedback_id},
    )
    wellbeing_form = forms.WellbeingChoiceForm(
        request.POST if sent_wellbeing else None,
        checks=checks,
        initial={"wellbeing_check": audit.wellbeing_check_id},
    )
    saved = None
    if sent_wellbeing and wellbeing_form.is_valid():
        saved = service_result(
            wellbeing_form,
            services.audit_wellbeing_attach,
            acting_user=request.user,
            audit=audit,
            check=wellbeing_form.cleaned_data["wellbeing_check"],
        )
    elif request.method == "POST" and not sent_wellbeing and form.is_valid():
        saved = service_result(
            form,
            services.audit_feedback_attach,
            acting_user=request.user,
            audit=audit,
            feedback=form.cleaned_data["feedback"],
        )
    if saved is not None:
        messages.success(request, "The young person’s voice is part of the audit")
        return redirect(_audit_url(audit))
    return render(
        request,
        "quality/audit_feedback.html",
        {
            "audit": audit,
            "young_person": audit.young_person,
            "form": form,
            "wellbeing_form": wellbeing_form,
            "has_recent": recent.exists(),
            "has_recent_checks": checks.exists(),
            "voice_rows": presenters.voice_rows_for(audit) if audit.has_voice else [],
            "recent_days": QualityPolicy.current().feedback_recent_days,
            "back_href": _audit_url(audit),
        },
    )


@record_page(
    "quality.audit_feedback_take", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_feedback_take(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.FeedbackForm(request.POST or None, initial={"given_on": timezone.localdate()})
    return saved_then_redirect(
        request,
        form,
        services.audit_feedback_take,
        acting_user=request.user,
        audit=audit,
        message="Their feedback is recorded and part of the audit",
        then=_audit_url(audit),
        page=lambda: _audit_form_page(
            request,
            audit,
            form,
            title="Record the young person’s feedback",
            button="Save feedback",
            intro="quality/intros/feedback_take.html",
        ),
    )


@record_page(
    "quality.audit_no_feedback", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_no_feedback(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.NoFeedbackForm(
        request.POST or None,
        initial={"reason": audit.no_feedback_reason, "explanation": audit.no_feedback_explanation},
    )
    return saved_then_redirect(
        request,
        form,
        services.audit_no_feedback_record,
        acting_user=request.user,
        audit=audit,
        message="The reason is recorded",
        then=_audit_url(audit),
        page=lambda: _audit_form_page(
            request,
            audit,
            form,
            title="Why their feedback could not be had",
            intro="quality/intros/no_feedback.html",
        ),
    )


@record_page(
    "quality.audit_themes", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_themes(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.ThemesForm(
        request.POST or None,
        themes=selectors.themes_for_choice(audit=audit),
        initial={"themes": list(audit.themes.all())},
    )
    return saved_then_redirect(
        request,
        form,
        services.audit_themes_set,
        acting_user=request.user,
        audit=audit,
        message="Learning themes saved",
        then=_audit_url(audit),
        page=lambda: _audit_form_page(request, audit, form, title="Learning themes"),
    )


@record_page(
    "quality.audit_actions", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_actions(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.ActionForm(request.POST or None, worker=audit.worker, manager=audit.manager)
    return saved_then_redirect(
        request,
        form,
        services.audit_action_add,
        acting_user=request.user,
        audit=audit,
        message="Action added",
        then=_audit_url(audit, "audit_actions"),
        page=lambda: _audit_form_page(
            request,
            audit,
            form,
            title="Actions for improvement",
            button="Add action",
            template="quality/audit_actions.html",
            actions=list(selectors.actions_for(audit=audit)),
        ),
    )


@record_page(
    "quality.audit_action_remove",
    permission="quality.change_audit",
    methods=FORM,
    subject=AUDIT,
)
def audit_action_remove(
    request: SignedInRequest, audit: CaseAudit, action_pk: int
) -> HttpResponse:
    """Asks first: a removed action cannot be brought back, only typed again."""
    action = selectors.actions_for(audit=audit).filter(pk=action_pk).first()
    if action is None:
        raise Http404
    back = _audit_url(audit, "audit_actions")
    return confirmed_then_redirect(
        request,
        lambda: services.audit_action_remove(acting_user=request.user, action=action),
        message="Action removed",
        then=back,
        page=lambda error: render(
            request,
            "quality/audit_action_remove.html",
            {
                "audit": audit,
                "summary": [
                    {"key": "What needs to be done", "value": action.description},
                    {
                        "key": "For",
                        "value": f"{action.assignee.get_full_name()} "
                        f"({action.get_assigned_as_display().lower()})",
                    },
                    {"key": "Due by", "value": action.due_on},
                ],
                "heading": "Remove this action?",
                "caption": f"Case audit of {audit.young_person.display_name}",
                "confirm_text": "Yes, remove this action",
                "cancel_text": "No, keep it",
                "back_href": back,
                "back_text": "Back to the actions",
                "error": error,
            },
        ),
    )


@record_page(
    "quality.audit_overall", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_overall(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.OverallForm(
        request.POST or None,
        initial={"overall_grade": audit.overall_grade or None, "summary": audit.summary},
    )
    return saved_then_redirect(
        request,
        form,
        services.audit_overall_save,
        acting_user=request.user,
        audit=audit,
        message="Overall grade and evaluation saved",
        then=_audit_url(audit),
        page=lambda: _audit_form_page(
            request,
            audit,
            form,
            title="Overall grade and evaluation",
            intro="quality/intros/overall.html",
            area_grades=presenters.area_grade_rows(audit),
        ),
    )


@record_page(
    "quality.audit_complete", permission="quality.change_audit", methods=FORM, subject=AUDIT
)
def audit_complete(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.forms.Form(request.POST if request.method == "POST" else None)
    return saved_then_redirect(
        request,
        form,
        services.audit_complete,
        acting_user=request.user,
        audit=audit,
        message="Audit completed",
        then=_audit_url,
        page=lambda: render(
            request,
            "quality/audit_complete.html",
            {
                **presenters.audit_context(audit, can_change=True),
                "audit": audit,
                "young_person": audit.young_person,
                "form": form,
                "back_href": _audit_url(audit),
            },
        ),
    )


@record_page(
    "quality.audit_moderate", permission="quality.moderate_audit", methods=FORM, subject=AUDIT
)
def audit_moderate(request: SignedInRequest, audit: CaseAudit) -> HttpResponse:
    form = forms.ModerationForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.audit_moderate,
        acting_user=request.user,
        audit=audit,
        message="Moderation recorded",
        then=_audit_url(audit),
        page=lambda: _audit_form_page(
            request,
            audit,
            form,
            title="Moderate the audit",
            button="Save moderation",
            intro="quality/intros/moderate.html",
            moderation_context_rows=[
                {"key": "Auditor", "value": audit.auditor.get_full_name()},
                {"key": "Completed", "value": audit.completed_on},
                {
                    "key": "Auditor’s overall grade",
                    "value": presenters.grade_tag(audit.overall_grade),
                },
                *presenters.area_grade_rows(audit),
            ],
        ),
    )


# Actions ------------------------------------------------------------------------------------


@rule_required("quality.view_actions")
@require_GET
def action_list(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    form = forms.ActionFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_bound and form.is_valid() else "open"
    actions = selectors.actions_visible_to(user=request.user, state=state or "open", today=today)
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    _list_audit(request, "action_list", {"state": state})
    return render(
        request,
        "quality/action_list.html",
        {
            "form": form,
            "page": page,
            "table": presenters.action_table(page.object_list, today=today, user=request.user),
            "total": page.paginator.count,
            "state": state or "open",
            "qa_navigation": _qa_navigation(request, "actions"),
        },
    )


@record_page(
    "quality.action_detail", permission="quality.view_action", methods=FORM, subject=ACTION
)
def action_detail(request: SignedInRequest, action: AuditAction) -> HttpResponse:
    today = timezone.localdate()
    can_complete = can(request.user, "quality.complete_action", action)
    if request.method == "POST" and not can_complete:
        raise PermissionDenied
    form = forms.ActionDoneForm(request.POST or None, initial={"done_on": today})
    done = (
        submitted(
            request, form, services.action_mark_done, acting_user=request.user, action=action
        )
        if can_complete
        else None
    )
    if done is not None:
        messages.success(request, "Action marked as done")
        return redirect(reverse("quality:action_detail", kwargs={"action_pk": action.pk}))
    audit = action.audit
    return render(
        request,
        "quality/action_detail.html",
        {
            "action": action,
            "audit": audit,
            "young_person": audit.young_person,
            "rows": presenters.action_rows(action, today=today),
            "overdue": presenters.is_action_overdue(action, today),
            "can_complete": can_complete,
            "form": form,
            "audit_href": _audit_url(audit)
            if can(request.user, "quality.view_audit", audit)
            else "",
            "back_href": reverse("quality:action_list"),
        },
    )


# The young person's feedback -----------------------------------------------------------------


@record_page("quality.feedback_list", permission="quality.view_feedback")
def feedback_list(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context: dict[str, Any] = {"young_person": young_person}
    context.update(
        {
            "feedback": list(selectors.feedback_list_for(young_person=young_person)),
            "wellbeing_checks": [
                {"check": check, "rows": presenters.wellbeing_rows(check)}
                for check in selectors.wellbeing_checks_for(young_person=young_person)
            ],
            "readers": selectors.voice_readers_for(young_person=young_person),
            "can_add": can(request.user, "quality.add_feedback", young_person),
        }
    )
    return render(request, "quality/feedback_list.html", context)


@record_page("quality.feedback_add", permission="quality.add_feedback", methods=FORM)
def feedback_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.FeedbackForm(request.POST or None, initial={"given_on": timezone.localdate()})
    back = reverse("quality:feedback_list", kwargs={"pk": young_person.pk})
    return saved_then_redirect(
        request,
        form,
        services.feedback_record,
        acting_user=request.user,
        young_person=young_person,
        message="Their feedback is recorded",
        then=back,
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Record their feedback",
            back=back,
            button="Save feedback",
            intro_template="quality/intros/feedback_take.html",
        ),
    )


# Management oversight ------------------------------------------------------------------------


@record_page("quality.oversight_list", permission="quality.view_oversight")
def oversight_list(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context: dict[str, Any] = {"young_person": young_person}
    can_review = can(request.user, "quality.add_oversight", young_person)
    context.update(
        {
            "entries": presenters.oversight_cards(
                selectors.oversight_for(young_person=young_person),
                can_review=can_review,
                today=timezone.localdate(),
            ),
            "can_add": can_review,
        }
    )
    return render(request, "quality/oversight_list.html", context)


@record_page("quality.oversight_add", permission="quality.add_oversight", methods=FORM)
def oversight_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.OversightForm(request.POST or None, initial={"recorded_on": timezone.localdate()})
    back = reverse("quality:oversight_list", kwargs={"pk": young_person.pk})
    return saved_then_redirect(
        request,
        form,
        services.oversight_record,
        acting_user=request.user,
        young_person=young_person,
        message="Management oversight recorded",
        then=back,
        page=lambda: record_form_page(
            request, young_person, form, title="Record management oversight", back=back
        ),
    )


@record_page("quality.oversight_review", permission="quality.add_oversight", methods=FORM)
def oversight_review(
    request: SignedInRequest, young_person: YoungPerson, entry_pk: int
) -> HttpResponse:
    entry = selectors.entry_for(young_person=young_person, pk=entry_pk)
    require(request.user, "quality.review_oversight", entry)
    back = reverse("quality:oversight_list", kwargs={"pk": young_person.pk})
    if entry.reviewed_on is not None:
        messages.success(request, "This oversight has already been reviewed")
        return redirect(back)
    form = forms.OversightReviewForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.oversight_review,
        acting_user=request.user,
        entry=entry,
        message="Oversight marked as reviewed",
        then=back,
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Review management oversight",
            back=back,
            button="Mark as reviewed",
            summary_rows=[
                {"key": "Date", "value": entry.recorded_on},
                {"key": "By", "value": entry.manager.get_full_name()},
                {"key": "Direction", "value": entry.direction},
                {"key": "Why", "value": entry.rationale},
                {"key": "Review by", "value": entry.review_by},
            ],
        ),
    )


@rule_required("quality.view_oversight_report")
@require_GET
def oversight_report(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    months = QualityPolicy.current().oversight_months
    form = forms.TeamFilterForm(request.GET or None, teams=_teams_for(request.user))
    team_id = form.team_id()
    teams = selectors.oversight_by_team_visible_to(
        user=request.user, on=today, months=months, team_id=team_id
    )
    without = selectors.without_oversight_visible_to(
        user=request.user, on=today, months=months, team_id=team_id
    )
    team_counts = [(row.team_id, row.without_oversight) for row in teams]
    page = Paginator(TeamOrderedPages(without, team_counts), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    _list_audit(request, "oversight_report", {"team": team_id})
    cases = sum(row.cases for row in teams)
    with_oversight = sum(row.with_oversight for row in teams)
    return render(
        request,
        "quality/oversight_report.html",
        {
            "form": form,
            "months": months,
            "today": today,
            "team_table": presenters.oversight_team_table(teams),
            "cases": cases,
            "with_oversight": with_oversight,
            "rate": rate_text(with_oversight, cases),
            "page": page,
            "table": presenters.without_oversight_table(page.object_list),
            "total_without": page.paginator.count,
            "qa_navigation": _qa_navigation(request, "oversight"),
        },
    )


# Feedback without a name -------------------------------------------------------------------------


@rule_required("quality.view_anonymous_feedback")
@require_GET
def anonymous_feedback_list(request: SignedInRequest) -> HttpResponse:
    feedback = selectors.anonymous_feedback_visible_to(user=request.user)
    page = Paginator(feedback, PAGE_SIZE).get_page(request.GET.get("page"))
    _list_audit(request, "anonymous_feedback_list", {})
    return render(
        request,
        "quality/anonymous_feedback_list.html",
        {
            "page": page,
            "table": presenters.anonymous_feedback_table(page.object_list),
            "total": page.paginator.count,
            "qa_navigation": _qa_navigation(request, "anonymous"),
        },
    )


@rule_required("quality.view_anonymous_feedback")
def anonymous_feedback_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    feedback = selectors.anonymous_feedback_for(pk=pk)
    require(request.user, "quality.read_anonymous_feedback", feedback)
    form = forms.AnonymousReadForm(request.POST or None)
    if feedback.read_on is None and (
        submitted(
            request,
            form,
            services.anonymous_feedback_mark_read,
            acting_user=request.user,
            feedback=feedback,
        )
        is not None
    ):
        messages.success(request, "Marked as read")
        return redirect(reverse("quality:anonymous_feedback_list"))
    if request.method != "POST":
        audit_record(
            acting_user=request.user,
            action=AuditEvent.Action.VIEW,
            subject=feedback,
            detail={"team": feedback.team_id},
        )
    return render(
        request,
        "quality/anonymous_feedback_detail.html",
        {
            "feedback": feedback,
            "rows": presenters.anonymous_feedback_rows(feedback),
            "form": form,
            "back_href": reverse("quality:anonymous_feedback_list"),
        },
    )


# You said, we did --------------------------------------------------------------------------------


@rule_required("quality.manage_you_said")
@require_GET
def you_said_list(request: SignedInRequest) -> HttpResponse:
    items = selectors.you_said_all()
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "quality/you_said_list.html",
        {
            "page": page,
            "cards": presenters.you_said_cards(page.object_list),
            "qa_navigation": _qa_navigation(request, "you_said"),
        },
    )


@rule_required("quality.manage_you_said")
def you_said_add(request: SignedInRequest) -> HttpResponse:
    form = forms.YouSaidForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.you_said_draft,
        acting_user=request.user,
        message="Saved as a draft. Young people will see it once you publish it",
        then=reverse("quality:you_said_list"),
        page=lambda: _you_said_form_page(request, form, title="Add a “you said, we did”"),
    )


@rule_required("quality.manage_you_said")
def you_said_change(request: SignedInRequest, pk: int) -> HttpResponse:
    item = selectors.you_said_for(pk=pk)
    if item.status == "published":
        messages.success(request, "Withdraw it before you change it")
        return redirect(reverse("quality:you_said_list"))
    form = forms.YouSaidForm(
        request.POST or None,
        initial={"you_said": item.you_said, "we_did": item.we_did, "done_on": item.done_on},
    )
    return saved_then_redirect(
        request,
        form,
        services.you_said_change,
        acting_user=request.user,
        item=item,
        message="Changes saved",
        then=reverse("quality:you_said_list"),
        page=lambda: _you_said_form_page(request, form, title="Change a “you said, we did”"),
    )


def _you_said_form_page(request: SignedInRequest, form: Any, *, title: str) -> HttpResponse:
    return render(
        request,
        "quality/you_said_form.html",
        {"form": form, "title": title, "back_href": reverse("quality:you_said_list")},
    )


@rule_required("quality.manage_you_said")
@require_POST
def you_said_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    return _you_said_status(request, pk, services.you_said_publish, "Published")


@rule_required("quality.manage_you_said")
@require_POST
def you_said_withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    return _you_said_status(request, pk, services.you_said_withdraw, "Withdrawn")


def _you_said_status(
    request: SignedInRequest, pk: int, service: Callable[..., Any], done: str
) -> HttpResponse:
    item = selectors.you_said_for(pk=pk)
    return acted_then_redirect(
        request,
        lambda: service(acting_user=request.user, item=item),
        message=lambda _: f"{done}: “{item.you_said[:60]}”",
        then=reverse("quality:you_said_list"),
    )
