"""EET pages: a young person's activity, NEET reasons and PEPs; the EET panel; the themes, EET
rates and PEP completion reports, with their SVG charts.

Views are thin: they check permission through `rules` directly (so the Django admin's superuser
flag never opens a young person's record), parse the form, call one service or selector and
render. Pages about one young person (an EET panel's case included) are declared with the
people app's `record_page`, which checks the permission, logs the view or any refusal and
draws the record frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from rules import has_perm

from careleavers.core.charts import cached_chart
from careleavers.core.dates import format_date
from careleavers.core.forms.submit import saved_then_redirect, submitted
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import require, rule_required
from careleavers.core.return_preview import previews_for
from careleavers.learning import charts, forms, presenters, selectors, services
from careleavers.learning import pep as pep_rules
from careleavers.learning.models import (
    ActivityEpisode,
    LearningPolicy,
    NeetReasonRecord,
    PanelAction,
    PanelCase,
    PanelMeeting,
    PersonalEducationPlan,
)
from careleavers.people.form_page import record_form_page
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page, subject

VIEW = "people.view_youngperson"
CHANGE = "people.change_youngperson"
PANEL_PAGE_SIZE = 24
# A national council's meeting can list thousands of young people: the agenda is paged.
AGENDA_PAGE_SIZE = 50


def _record_context(request: SignedInRequest, young_person: YoungPerson) -> dict[str, Any]:
    return {
        "young_person": young_person,
        "can_change": has_perm(CHANGE, request.user, young_person),
    }


def _record_url(young_person: YoungPerson) -> str:
    return reverse("learning:record", kwargs={"pk": young_person.pk})


# A young person's EET record ------------------------------------------------------------------


@record_page("eet")
def record(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    today = timezone.localdate()
    context = _record_context(request, young_person)
    can_change = context["can_change"]
    episodes = list(selectors.activities_for(young_person=young_person))
    current = selectors.current_activity(episodes, on=today)
    peps = list(selectors.peps_for(young_person=young_person))
    he_started_on = selectors.higher_education_started_on(young_person=young_person)
    context.update(
        {
            "current": current,
            "current_tag": presenters.activity_tag(current.activ) if current else "",
            "current_rows": presenters.current_activity_rows(current) if current else [],
            "activity_head": presenters.ACTIVITY_HEAD,
            "reason_head": presenters.REASON_HEAD,
            "pep_head": presenters.PEP_HEAD,
            "activity_rows": presenters.activity_rows(
                episodes, young_person_id=young_person.pk, can_change=can_change
            ),
            "reason_rows": presenters.neet_reason_rows(
                selectors.neet_reasons_for(young_person=young_person),
                young_person_id=young_person.pk,
                can_change=can_change,
            ),
            "pep_rows": presenters.pep_rows(peps, young_person_id=young_person.pk, today=today),
            "panel_cases": selectors.panel_cases_for(young_person=young_person),
            "he_text": (
                f"Started higher education on {format_date(he_started_on)}."
                if he_started_on
                else ""
            ),
            # What the SSDA903 return will say, decided by the return's own rule.
            "return_previews": previews_for(young_person.pk, today=today),
        }
    )
    return render(request, "learning/record.html", context)


@record_page("eet_activity_add", permission=CHANGE, methods=FORM)
def activity_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.ActivityForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.activity_record,
        acting_user=request.user,
        young_person=young_person,
        message=lambda episode: f"Recorded: {presenters.activity_label(episode.activ)}",
        then=_record_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Record what they are doing",
            back=_record_url(young_person),
            intro_template="learning/intros/activity.html",
        ),
    )


def _activity(young_person: YoungPerson, activity_pk: int) -> ActivityEpisode:
    return get_object_or_404(
        ActivityEpisode.objects.live(), pk=activity_pk, young_person=young_person
    )


@record_page("eet_activity_end", permission=CHANGE, methods=FORM)
def activity_end(
    request: SignedInRequest, young_person: YoungPerson, activity_pk: int
) -> HttpResponse:
    activity = _activity(young_person, activity_pk)
    form = forms.ActivityEndForm(request.POST or None, initial={"version": activity.version})
    return saved_then_redirect(
        request,
        form,
        services.activity_end,
        acting_user=request.user,
        activity=activity,
        message="Activity ended",
        then=_record_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title=f"When did it end? {presenters.activity_label(activity.activ)}",
            back=_record_url(young_person),
        ),
    )


@record_page("eet_activity_archive", permission=CHANGE, methods=FORM)
def activity_archive(
    request: SignedInRequest, young_person: YoungPerson, activity_pk: int
) -> HttpResponse:
    activity = _activity(young_person, activity_pk)
    form = forms.ArchiveForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.activity_archive,
        acting_user=request.user,
        activity=activity,
        message="Activity taken out of the history",
        then=_record_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title=f"Recorded in error: {presenters.activity_label(activity.activ)}",
            back=_record_url(young_person),
            button="Take it out of the history",
        ),
    )


@record_page("eet_neet_reason_add", permission=CHANGE, methods=FORM)
def neet_reason_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.NeetReasonForm(
        request.POST or None, initial={"identified_on": timezone.localdate()}
    )
    return saved_then_redirect(
        request,
        form,
        services.neet_reason_add,
        acting_user=request.user,
        young_person=young_person,
        message="Reason recorded",
        then=_record_url(young_person),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Why are they not in education, employment or training?",
            back=_record_url(young_person),
        ),
    )


@record_page("eet_neet_reason_resolve", permission=CHANGE, methods=FORM)
def neet_reason_resolve(
    request: SignedInRequest, young_person: YoungPerson, reason_pk: int
) -> HttpResponse:
    record_ = get_object_or_404(
        NeetReasonRecord.objects.live().select_related("reason"),
        pk=reason_pk,
        young_person=young_person,
        resolved_on__isnull=True,
    )
    form = forms.ResolveForm(request.POST or None, initial={"resolved_on": timezone.localdate()})
    # The reason was read with the record, and resolving it changes neither.
    resolved = f"Resolved: {record_.reason.label}"
    return saved_then_redirect(
        request,
        form,
        services.neet_reason_resolve,
        acting_user=request.user,
        record=record_,
        message=resolved,
        then=_record_url(young_person),
        page=lambda: record_form_page(
            request, young_person, form, title=resolved, back=_record_url(young_person)
        ),
    )


# PEPs for one young person ------------------------------------------------------------------


def _pep(
    request: SignedInRequest, young_person: YoungPerson, pep_pk: int, permission: str
) -> PersonalEducationPlan:
    pep = selectors.pep_for_record(young_person=young_person, pk=pep_pk)
    require(request.user, permission, pep)
    return pep


@record_page("eet_pep")
def pep_detail(request: SignedInRequest, young_person: YoungPerson, pep_pk: int) -> HttpResponse:
    pep = _pep(request, young_person, pep_pk, "learning.view_pep")
    today = timezone.localdate()
    context = _record_context(request, young_person)
    status = pep.status_on(today)
    context.update(
        {
            "pep": pep,
            "status_tag": presenters.govuk_tag(status, presenters.STATUS_COLOURS[status]),
            "targets": list(pep.targets.all()),
            "can_change_pep": has_perm("learning.change_pep", request.user, pep),
            "can_review": has_perm("learning.review_pep", request.user, pep),
        }
    )
    return render(request, "learning/pep_detail.html", context)


def _pep_url(pep: PersonalEducationPlan) -> str:
    return reverse("learning:pep_detail", kwargs={"pk": pep.young_person_id, "pep_pk": pep.pk})


@record_page("eet_pep_complete", permission=CHANGE, methods=FORM)
def pep_complete(request: SignedInRequest, young_person: YoungPerson, pep_pk: int) -> HttpResponse:
    pep = _pep(request, young_person, pep_pk, "learning.change_pep")
    form = forms.PepCompleteForm(
        request.POST or None, initial={"completed_on": timezone.localdate()}
    )
    return saved_then_redirect(
        request,
        form,
        services.pep_complete,
        acting_user=request.user,
        pep=pep,
        message="PEP recorded as completed",
        then=_pep_url(pep),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title=f"Complete the PEP: {pep.term_label}",
            back=_pep_url(pep),
        ),
    )


@record_page("eet_pep_review", methods=FORM)
def pep_review(request: SignedInRequest, young_person: YoungPerson, pep_pk: int) -> HttpResponse:
    pep = _pep(request, young_person, pep_pk, "learning.review_pep")
    form = forms.PepReviewForm(
        request.POST or None,
        initial={"quality_grade": pep.quality_grade, "reviewer_feedback": pep.reviewer_feedback},
    )
    return saved_then_redirect(
        request,
        form,
        services.pep_review,
        acting_user=request.user,
        pep=pep,
        message="Review saved",
        then=_pep_url(pep),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title=f"Review the quality of the PEP: {pep.term_label}",
            back=_pep_url(pep),
        ),
    )


@record_page("eet_pep_target_add", permission=CHANGE, methods=FORM)
def pep_target_add(
    request: SignedInRequest, young_person: YoungPerson, pep_pk: int
) -> HttpResponse:
    pep = _pep(request, young_person, pep_pk, "learning.change_pep")
    form = forms.PepTargetForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.pep_target_add,
        acting_user=request.user,
        pep=pep,
        message="Target added",
        then=_pep_url(pep),
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title=f"Add a target to the PEP: {pep.term_label}",
            back=_pep_url(pep),
        ),
    )


# The service's EET pages --------------------------------------------------------------------


def _crumbs(*items: tuple[str, str]) -> list[dict[str, str]]:
    """Breadcrumbs from the EET landing page; the last item is the current page (no link)."""
    crumbs = [{"text": "Education and work", "href": reverse("learning:index")}]
    crumbs += [{"text": text, "href": href} for text, href in items]
    return crumbs


def _can_see_eet(user: Any) -> bool:
    return has_perm("learning.view_eet_panel", user) or has_perm("learning.view_eet_reports", user)


def index(request: SignedInRequest) -> HttpResponse:
    if not _can_see_eet(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    return render(
        request,
        "learning/index.html",
        {
            "next_meeting": selectors.next_panel_meeting(today=today),
            "can_see_panel": has_perm("learning.view_eet_panel", request.user),
            "can_see_reports": has_perm("learning.view_eet_reports", request.user),
        },
    )


@rule_required("learning.view_eet_panel")
def panel_list(request: SignedInRequest) -> HttpResponse:
    page = Paginator(selectors.panel_meetings(), PANEL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "learning/panel_list.html",
        {
            "crumbs": _crumbs(("EET panel", "")),
            "head": presenters.MEETING_HEAD,
            "page": page,
            "rows": [
                [
                    {
                        "text": meeting.held_on,
                        "href": reverse(
                            "learning:panel_detail", kwargs={"meeting_pk": meeting.pk}
                        ),
                    },
                    meeting.location or "Not recorded",
                    str(meeting.chair or "Not recorded"),
                    {"text": meeting.case_count, "format": "numeric"},
                ]
                for meeting in page.object_list
            ],
            "can_manage": has_perm("learning.manage_eet_panel", request.user),
        },
    )


@rule_required("learning.manage_eet_panel")
def panel_create(request: SignedInRequest) -> HttpResponse:
    form = forms.PanelMeetingForm(request.POST or None, initial={"chair": request.user})
    return saved_then_redirect(
        request,
        form,
        services.panel_meeting_create,
        acting_user=request.user,
        message="Meeting added. Build its agenda when you are ready.",
        then=lambda meeting: reverse("learning:panel_detail", kwargs={"meeting_pk": meeting.pk}),
        page=lambda: render(
            request,
            "learning/panel_form.html",
            {
                "form": form,
                "title": "Add an EET panel meeting",
                "back_href": reverse("learning:panel_list"),
            },
        ),
    )


def _meeting(meeting_pk: int) -> PanelMeeting:
    return get_object_or_404(PanelMeeting.objects.select_related("chair"), pk=meeting_pk)


@rule_required("learning.view_eet_panel")
def panel_detail(request: SignedInRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(meeting_pk)
    agenda = selectors.panel_agenda_for(
        user=request.user,
        meeting=meeting,
        page=request.GET.get("page"),
        per_page=AGENDA_PAGE_SIZE,
    )
    return render(
        request,
        "learning/panel_detail.html",
        {
            "crumbs": _crumbs(
                ("EET panel", reverse("learning:panel_list")),
                (format_date(meeting.held_on), ""),
            ),
            "meeting": meeting,
            "agenda_head": presenters.AGENDA_HEAD,
            "agenda_rows": presenters.panel_case_rows(agenda.cases),
            "agenda_page": agenda.page,
            "hidden": agenda.hidden,
            "attendees": list(meeting.attendees.select_related("user")),
            "can_manage": has_perm("learning.manage_eet_panel", request.user),
            "policy": LearningPolicy.current(),
        },
    )


@require_POST
@rule_required("learning.manage_eet_panel")
def panel_agenda_build(request: SignedInRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(meeting_pk)
    added = services.panel_agenda_build(acting_user=request.user, meeting=meeting)
    messages.success(
        request,
        f"Agenda brought up to date: {added} young {'person' if added == 1 else 'people'} added",
    )
    return redirect("learning:panel_detail", meeting_pk=meeting.pk)


@rule_required("learning.manage_eet_panel")
def panel_attendee_add(request: SignedInRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(meeting_pk)
    form = forms.AttendeeForm(request.POST or None)
    back = reverse("learning:panel_detail", kwargs={"meeting_pk": meeting.pk})
    return saved_then_redirect(
        request,
        form,
        services.panel_attendee_add,
        acting_user=request.user,
        meeting=meeting,
        message="Attendance recorded",
        then=back,
        page=lambda: render(
            request,
            "learning/panel_form.html",
            {"form": form, "title": "Record who came", "back_href": back, "meeting": meeting},
        ),
    )


def _load_case(case_pk: int, meeting_pk: int) -> PanelCase:
    return selectors.panel_case_for(meeting=_meeting(meeting_pk), pk=case_pk)


# A case at a panel meeting is part of the young person's record.
PANEL_CASE = subject("case_pk", _load_case, also=("meeting_pk",))


@record_page(
    "eet_panel_case", permission="learning.view_panelcase", methods=FORM, subject=PANEL_CASE
)
def panel_case(request: SignedInRequest, case: PanelCase, meeting_pk: int) -> HttpResponse:
    can_change = has_perm("learning.change_panelcase", request.user, case)
    form = forms.DiscussionForm(
        request.POST or None,
        initial={"version": case.version, "discussion": case.discussion},
    )
    if request.method == "POST":
        require(request.user, "learning.change_panelcase", case)
        if submitted(
            request, form, services.panel_case_discuss, acting_user=request.user, case=case
        ):
            messages.success(request, "Discussion saved")
            return redirect("learning:panel_case", meeting_pk=meeting_pk, case_pk=case.pk)
    today = timezone.localdate()
    current_reasons = [
        record
        for record in selectors.neet_reasons_for(young_person=case.young_person)
        if record.is_open
    ]
    actions = list(case.actions.all())
    can_complete = bool(actions) and has_perm(
        "learning.complete_panelaction", request.user, actions[0]
    )
    return render(
        request,
        "learning/panel_case.html",
        {
            "crumbs": _crumbs(
                ("EET panel", reverse("learning:panel_list")),
                (
                    format_date(case.meeting.held_on),
                    reverse("learning:panel_detail", kwargs={"meeting_pk": meeting_pk}),
                ),
                (case.young_person.display_name, ""),
            ),
            "case": case,
            "meeting": case.meeting,
            "form": form if can_change else None,
            "can_change": can_change,
            "listed_reasons": [reason.label for reason in case.reasons.all()],
            "current_reasons": current_reasons,
            # Who may mark an action done depends on the young person, not the action.
            "actions": [
                {"action": action, "can_complete": can_complete and action.completed_on is None}
                for action in actions
            ],
            "today": today,
            "can_see_record": has_perm(VIEW, request.user, case.young_person),
        },
    )


@record_page(
    "eet_panel_action", permission="learning.change_panelcase", methods=FORM, subject=PANEL_CASE
)
def panel_action_add(request: SignedInRequest, case: PanelCase, meeting_pk: int) -> HttpResponse:
    form = forms.ActionForm(request.POST or None)
    back = reverse("learning:panel_case", kwargs={"meeting_pk": meeting_pk, "case_pk": case.pk})
    return saved_then_redirect(
        request,
        form,
        services.panel_action_add,
        acting_user=request.user,
        case=case,
        message="Action recorded",
        then=back,
        page=lambda: render(
            request,
            "learning/panel_form.html",
            {
                "form": form,
                "title": f"Add an action for {case.young_person.display_name}",
                "back_href": back,
                "meeting": case.meeting,
            },
        ),
    )


def _load_panel_action(action_pk: int) -> PanelAction:
    return get_object_or_404(
        PanelAction.objects.select_related("case__young_person__team", "case__meeting"),
        pk=action_pk,
        completed_on__isnull=True,
    )


def _young_person_of_action(action: PanelAction) -> YoungPerson:
    return action.case.young_person


@record_page(
    "eet_panel_action",
    permission="learning.complete_panelaction",
    methods=FORM,
    subject=subject("action_pk", _load_panel_action, _young_person_of_action),
)
def panel_action_complete(request: SignedInRequest, action: PanelAction) -> HttpResponse:
    young_person = action.case.young_person
    form = forms.ActionCompleteForm(
        request.POST or None, initial={"completed_on": timezone.localdate()}
    )
    back = reverse(
        "learning:panel_case",
        kwargs={"meeting_pk": action.case.meeting_id, "case_pk": action.case_id},
    )
    if submitted(
        request,
        form,
        services.panel_action_complete,
        acting_user=request.user,
        action=action,
    ):
        messages.success(request, "Action marked as done")
        if has_perm("learning.view_panelcase", request.user, action.case):
            return redirect(back)
        return redirect(_record_url(young_person))
    return render(
        request,
        "learning/panel_form.html",
        {
            "form": form,
            "title": f"Mark the action as done for {young_person.display_name}",
            "intro": action.description,
            "back_href": _record_url(young_person),
        },
    )


# Reports and their charts -------------------------------------------------------------------


@rule_required("learning.view_eet_reports")
def themes(request: SignedInRequest) -> HttpResponse:
    summary = selectors.theme_summary(today=timezone.localdate())
    reason_head, reason_rows = presenters.month_table(
        "Reason", summary.month_labels, summary.reasons
    )
    action_head, action_rows = presenters.month_table(
        "Type of action", summary.month_labels, summary.actions
    )
    return render(
        request,
        "learning/themes.html",
        {
            "crumbs": _crumbs(("Panel themes", "")),
            "summary": summary,
            "people_head": [
                "Measure",
                *[{"text": m, "format": "numeric"} for m in summary.month_labels],
            ],
            "people_rows": [["Young people", *summary.young_people]],
            "reason_head": reason_head,
            "reason_rows": reason_rows,
            "action_head": action_head,
            "action_rows": action_rows,
            "duration_head": presenters.DURATION_HEAD,
            "duration_rows": presenters.duration_rows(summary.durations),
        },
    )


@rule_required("learning.view_eet_reports")
def eet_rates(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    bands = selectors.eet_rates_on(on=today)
    return render(
        request,
        "learning/eet_rates.html",
        {
            "crumbs": _crumbs(("EET rates by age", "")),
            "bands": bands,
            "head": presenters.RATES_HEAD,
            "rows": presenters.rates_rows(bands),
            "today": today,
        },
    )


@rule_required("learning.view_eet_reports")
def pep_report(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    policy = LearningPolicy.current()
    months = selectors.pep_completion(today=today)
    outstanding = list(
        selectors.peps_outstanding_visible_to(
            user=request.user, today=today, within_days=policy.pep_work_tray_days_ahead
        )[:200]
    )
    awaiting = list(selectors.peps_awaiting_review_visible_to(user=request.user)[:200])
    overall = pep_rules.overall_completion(months)
    target = policy.pep_completion_target_percent
    return render(
        request,
        "learning/pep_report.html",
        {
            "crumbs": _crumbs(("Personal education plans", "")),
            "overall": overall,
            "overall_rate": presenters.percent(overall.rate) if overall else "",
            "target": target,
            "month_head": presenters.PEP_MONTH_HEAD,
            "month_rows": presenters.pep_month_rows(months, target=target),
            "outstanding_head": presenters.PEP_LIST_HEAD,
            "outstanding_rows": presenters.pep_list_rows(outstanding, today=today),
            "awaiting_head": presenters.PEP_REVIEW_HEAD,
            "awaiting_rows": presenters.pep_review_rows(awaiting),
            "days_ahead": policy.pep_work_tray_days_ahead,
        },
    )


# Each chart asks only for the numbers it draws: drawing is cached, but the numbers are the key.
def _chart_reasons(today: Any) -> bytes:
    month_labels, rows = selectors.reason_themes(today=today)
    return cached_chart(charts.stacked_bars)(
        month_labels,
        [(row.label, row.counts) for row in rows],
        ylabel="Young people discussed",
        empty_message="No reasons recorded at panels yet",
    )


def _chart_actions(today: Any) -> bytes:
    month_labels, rows = selectors.action_themes(today=today)
    return cached_chart(charts.stacked_bars)(
        month_labels,
        [(row.label, row.counts) for row in rows],
        ylabel="Actions agreed",
        empty_message="No actions agreed at panels yet",
    )


def _chart_durations(today: Any) -> bytes:
    durations = selectors.duration_rows(selectors.theme_reason_labels(), today=today).rows
    return cached_chart(charts.horizontal_bars)(
        [row.label for row in durations],
        [row.row.median_days for row in durations],
        xlabel="Median days not in education, employment or training",
        empty_message="No NEET periods with reasons recorded yet",
    )


def _chart_pep(today: Any) -> bytes:
    months = selectors.pep_completion(today=today)
    return cached_chart(charts.rates_against_target)(
        [month.short_label for month in months],
        [month.rate for month in months],
        target=LearningPolicy.current().pep_completion_target_percent,
        ylabel="PEPs completed on time (%)",
        empty_message="No PEPs have fallen due yet",
    )


def _chart_rates(today: Any) -> bytes:
    bands = selectors.eet_rates_on(on=today)
    return cached_chart(charts.grouped_bars)(
        [band.rate.band.label for band in bands],
        [
            ("Our young people now", [band.rate.eet_rate for band in bands]),
            ("Our target", [float(band.target) for band in bands]),
            ("England", [band.national.percent if band.national else None for band in bands]),
        ],
        ylabel="In education, employment or training (%)",
    )


CHARTS: dict[str, Callable[[Any], bytes]] = {
    "reasons-by-month": _chart_reasons,
    "actions-by-month": _chart_actions,
    "neet-duration": _chart_durations,
    "pep-completion": _chart_pep,
    "eet-rates": _chart_rates,
}


# The SVG is an image: it may use its own inline styles (matplotlib writes them), and nothing
# else; the page showing it keeps the strict policy.
@csp_replace(
    {"default-src": [NONE], "style-src": [UNSAFE_INLINE], "script-src": [NONE], "img-src": [NONE]}
)
@rule_required("learning.view_eet_reports")
def chart(request: SignedInRequest, chart: str) -> HttpResponse:
    draw = CHARTS.get(chart)
    if draw is None:
        raise Http404("No such chart")
    response = HttpResponse(draw(timezone.localdate()), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response
