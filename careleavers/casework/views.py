"""Casework pages: marking a tray message read (the tray is in work_tray_views.py),
caseloads, allocation, contacts, case notes, alerts and duty.

Views are thin: they check permission (rules), parse the form, call one service or selector and
render. Pages about one young person (or one of their contacts or alerts) are declared with the
people app's `record_page`, which checks the permission on that record, logs the view or the
refusal and draws the record frame, as on every other page of the record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careleavers.accounts.models import Team, User
from careleavers.casework import (
    duty_presenters,
    duty_selectors,
    forms,
    handover_services,
    presenters,
    selectors,
    services,
)
from careleavers.casework.models import (
    Alert,
    Contact,
    KeepingInTouch,
    Notification,
    PlannedHandover,
    WorkerRole,
)
from careleavers.core.concurrency import StaleEdit, show_stale_edit
from careleavers.core.dates import format_date
from careleavers.core.forms.errors import add_service_errors
from careleavers.core.forms.submit import saved_then_redirect, service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.kept_words import form_for, keeps_words, kept_words
from careleavers.core.permissions import can, require, rule_required
from careleavers.people import services as people_services
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page, subject

LIST_PAGE_SIZE = 50


def _record_context(young_person: YoungPerson, **extra: Any) -> dict[str, Any]:
    return {
        "young_person": young_person,
        "record_url": services.young_person_url(young_person),
        **extra,
    }


def _simple_form_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    form: Any,
    *,
    title: str,
    button: str,
    back: str,
    intro: str = "",
) -> HttpResponse:
    """A question about a young person's casework (casework/simple_form.html): their record's
    caption and way back, the heading, an optional inset text and the form."""
    return render(
        request,
        "casework/simple_form.html",
        _record_context(
            young_person, form=form, title=title, intro=intro, button=button, back_url=back
        ),
    )


def _safe_next(request: SignedInRequest, default: str) -> str:
    """Where to go back to: a path on this site, or the default. Only paths starting with one
    slash are taken, so the answer is never another site and never read as a URL name."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if (
        candidate.startswith("/")
        and not candidate.startswith("//")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return default


# Work tray -----------------------------------------------------------------------------------


@require_POST
@rule_required("casework.view_work_tray")
def notification_read(request: SignedInRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    require(request.user, "casework.read_notification", notification)
    services.notification_mark_read(acting_user=request.user, notification=notification)
    messages.success(request, "Message marked as read")
    return HttpResponseRedirect(_safe_next(request, reverse("casework:work_tray")))


# Caseloads -----------------------------------------------------------------------------------


@rule_required("casework.view_caseloads")
def caseloads(request: SignedInRequest) -> HttpResponse:
    user: Any = request.user
    if not can(user, "casework.view_team_caseloads"):
        return redirect("casework:worker_caseload", pk=user.pk)
    today = timezone.localdate()
    teams = list(selectors.team_summaries(user=user, today=today))
    return render(
        request,
        "casework/caseloads.html",
        {
            "team_head": presenters.TEAM_HEAD,
            "team_rows": presenters.team_summary_rows(teams),
            "own_caseload": user.has_role("personal_adviser", "social_worker"),
        },
    )


@rule_required("casework.view_caseloads")
def team_caseload(request: SignedInRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(Team, pk=pk)
    require(request.user, "casework.view_team_caseload", team)
    today = timezone.localdate()
    form = forms.CaseloadFilterForm(request.GET or None)
    show = form.cleaned_data.get("show") if form.is_valid() else ""
    young_people = selectors.caseload_for_team(
        user=request.user,
        team=team,
        today=today,
        only_overdue=show == "overdue",
        only_without_pa=show == "no_pa",
    )
    page = Paginator(young_people, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    workers = list(selectors.team_workers(team=team, today=today))
    return render(
        request,
        "casework/team_caseload.html",
        {
            "team": team,
            "form": form,
            "page": page,
            "worker_head": presenters.WORKER_HEAD,
            "worker_rows": presenters.worker_rows(workers),
            "caseload_head": presenters.CASELOAD_HEAD_WITH_WORKERS,
            "caseload_rows": presenters.caseload_rows(
                selectors.with_review_dues(page.object_list, today=today),
                today=today,
                show_workers=True,
                can_reallocate=can(request.user, "casework.view_team_caseloads"),
                next_url=request.get_full_path(),
            ),
        },
    )


@rule_required("casework.view_caseloads")
def worker_caseload(request: SignedInRequest, pk: int) -> HttpResponse:
    worker = get_object_or_404(User.objects.select_related("team"), pk=pk)
    require(request.user, "casework.view_worker_caseload", worker)
    today = timezone.localdate()
    young_people = selectors.caseload_for_worker(user=request.user, worker=worker, today=today)
    page = Paginator(young_people, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    is_manager = can(request.user, "casework.view_team_caseloads")
    return render(
        request,
        "casework/worker_caseload.html",
        {
            "worker": worker,
            "is_own": worker.pk == request.user.pk,
            "can_move": worker.pk != request.user.pk
            and can(request.user, "casework.move_worker_caseload", worker),
            "page": page,
            "caseload_head": presenters.CASELOAD_HEAD_WITH_WORKERS
            if is_manager
            else presenters.CASELOAD_HEAD,
            "caseload_rows": presenters.caseload_rows(
                selectors.with_review_dues(page.object_list, today=today),
                today=today,
                show_workers=is_manager,
                can_reallocate=is_manager,
                next_url=request.get_full_path(),
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def worker_caseload_move(request: SignedInRequest, pk: int) -> HttpResponse:
    """A planned handover: every young person a departing worker has, in one role, moved to one
    new worker with one reason (one allocation and one audit event per young person)."""
    worker = get_object_or_404(User.objects.select_related("team"), pk=pk)
    require(request.user, "casework.move_worker_caseload", worker)
    role = request.POST.get("role") or request.GET.get("role") or WorkerRole.PERSONAL_ADVISER
    if role not in WorkerRole.values:
        raise Http404("No such role")
    today = timezone.localdate()
    moving = list(
        selectors.caseload_for_worker(user=request.user, worker=worker, today=today).filter(
            allocations__worker=worker, allocations__role=role, allocations__end__isnull=True
        )
    )
    form = forms.CaseloadMoveForm(
        request.POST or None,
        role=role,
        leaving=worker,
        user=request.user,
        initial={"start": today},
    )
    if request.method == "POST" and form.is_valid():
        try:
            move = handover_services.caseload_reallocate(
                acting_user=request.user,
                from_worker=worker,
                to_worker=form.cleaned_data["worker"],
                role=role,
                reason=form.cleaned_data["reason"],
                reason_note=form.cleaned_data["reason_note"],
                start=form.cleaned_data["start"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            start = form.cleaned_data["start"]
            people = f"{len(move.moved)} young {'person' if len(move.moved) == 1 else 'people'}"
            text = (
                f"{people} will move from {worker} to {form.cleaned_data['worker']} on "
                f"{format_date(start)}. Until then they stay with {worker}."
                if start > today
                else f"{people} moved from {worker} to {form.cleaned_data['worker']}."
            )
            if move.left:
                text += (
                    f" {move.left} restricted record{'s' if move.left != 1 else ''} you cannot "
                    "open stay with them for a manager named on the record to move."
                )
            messages.success(request, text)
            return redirect("casework:worker_caseload", pk=worker.pk)
    return render(
        request,
        "casework/worker_caseload_move.html",
        {
            "worker": worker,
            "form": form,
            "role": role,
            "role_label": WorkerRole(role).label.lower(),
            "moving": moving,
        },
    )


# Allocation ----------------------------------------------------------------------------------


@record_page("allocation history", permission="casework.view_allocations")
def allocation_history(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    today = timezone.localdate()
    history = list(selectors.allocation_history(young_person=young_person))
    current = {a.role: a for a in history if a.end is None}
    return render(
        request,
        "casework/allocation_history.html",
        _record_context(
            young_person,
            current=[
                (role, current.get(role))
                for role in (WorkerRole.PERSONAL_ADVISER, WorkerRole.SOCIAL_WORKER)
            ],
            history_head=presenters.HISTORY_HEAD,
            history_rows=presenters.allocation_rows(history),
            changes=selectors.worker_change_count(young_person=young_person, today=today),
            can_change=can(request.user, "casework.change_allocation", young_person),
            planned=list(selectors.planned_handovers_for(young_person=young_person)),
        ),
    )


def _load_handover(pk: int) -> PlannedHandover:
    return get_object_or_404(
        PlannedHandover.objects.select_related("young_person", "to_worker"), pk=pk
    )


@record_page(
    "cancel planned handover",
    permission="casework.change_allocation",
    methods=FORM,
    subject=subject("pk", _load_handover, permission_on_young_person=True),
    tab="workers",
)
def handover_cancel(request: SignedInRequest, handover: PlannedHandover) -> HttpResponse:
    young_person = handover.young_person
    back = reverse("casework:allocation_history", kwargs={"pk": young_person.pk})
    form = forms.HandoverCancelForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        handover_services.handover_cancel,
        acting_user=request.user,
        handover=handover,
        message=lambda _: (
            f"The handover to {handover.to_worker} is cancelled. They have been told."
        ),
        then=back,
        page=lambda: _simple_form_page(
            request,
            young_person,
            form,
            title="Cancel the planned handover",
            intro=(
                f"{handover.to_worker} was to take over on {format_date(handover.starts_on)}. "
                f"{young_person.display_name} stays with their current worker."
            ),
            button="Cancel the handover",
            back=back,
        ),
    )


@record_page("change allocation", permission="casework.change_allocation", methods=FORM)
def allocation_change(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    role = request.POST.get("role") or request.GET.get("role") or WorkerRole.PERSONAL_ADVISER
    if role not in WorkerRole.values:
        raise Http404("No such role")
    current = selectors.current_allocations(young_person=young_person).get(role)
    form = forms.AllocationForm(
        request.POST or None,
        role=role,
        user=request.user,
        team_id=young_person.team_id,
        team_label="Their team",
        initial={"start": timezone.localdate(), "replacing": current.pk if current else 0},
    )
    done = _safe_next(
        request, reverse("casework:allocation_history", kwargs={"pk": young_person.pk})
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change = {
            "acting_user": request.user,
            "young_person": young_person,
            "role": role,
            "worker": data["worker"],
            "reason": data["reason"],
            "reason_note": data["reason_note"],
            "replacing": data["replacing"],
        }
        try:
            if data["start"] > timezone.localdate():
                handover = handover_services.handover_plan(
                    **change,
                    starts_on=data["start"],
                    introduction_at=form.introduction_at(),
                    introduction_place=data["introduction_place"],
                )
                said = (
                    f"{handover.to_worker} will take over on {format_date(handover.starts_on)}. "
                    f"Until then {young_person.display_name} stays with their current worker."
                )
            else:
                allocation = services.allocation_change(**change, start=data["start"])
                said = (
                    f"{allocation.worker} is now {young_person.display_name}'s "
                    f"{allocation.get_role_display().lower()}"
                )
        except StaleEdit as error:
            show_stale_edit(form, error, field="replacing")
            current = selectors.current_allocations(young_person=young_person).get(role)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, said)
            return redirect(done)
    return render(
        request,
        "casework/allocation_change.html",
        _record_context(
            young_person,
            form=form,
            role=role,
            role_label=WorkerRole(role).label.lower(),
            current=current,
            next=done,
        ),
    )


# Contacts ------------------------------------------------------------------------------------


@record_page("contacts", permission="casework.view_contacts")
def contact_list(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    contacts = selectors.contacts_for(young_person=young_person)
    page = Paginator(contacts, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "casework/contact_list.html",
        _record_context(
            young_person,
            page=page,
            contact_head=presenters.CONTACT_HEAD,
            contact_rows=presenters.contact_rows(page.object_list),
            can_add=can(request.user, "casework.add_contact", young_person),
            keeping_in_touch=selectors.keeping_in_touch_for(young_person=young_person),
            next_appointment=selectors.next_appointment_for(young_person=young_person),
            can_record_keeping_in_touch=can(
                request.user, "casework.add_keepingintouch", young_person
            ),
        ),
    )


@record_page("record keeping in touch", permission="casework.add_keepingintouch", methods=FORM)
def keeping_in_touch_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.KeepingInTouchForm(request.POST or None, initial={"start": timezone.localdate()})
    back = reverse("casework:contact_list", kwargs={"pk": young_person.pk})
    return saved_then_redirect(
        request,
        form,
        services.keeping_in_touch_record,
        acting_user=request.user,
        young_person=young_person,
        message="Saved",
        then=back,
        page=lambda: _simple_form_page(
            request,
            young_person,
            form,
            title="Record that they refuse contact or no longer need support",
            intro="The DfE's SSDA903 return reports this as the service not being in touch "
            "(REFU or NREQ). Keep offering contact and record each attempt as a contact.",
            button="Save",
            back=back,
        ),
    )


def _load_keeping_in_touch(pk: int) -> KeepingInTouch:
    return get_object_or_404(KeepingInTouch.objects.select_related("young_person"), pk=pk)


@record_page(
    "end keeping in touch",
    permission="casework.end_keepingintouch",
    methods=FORM,
    subject=subject("pk", _load_keeping_in_touch),
    tab="contacts",
)
def keeping_in_touch_end(request: SignedInRequest, record: KeepingInTouch) -> HttpResponse:
    return _end_page(
        request,
        record.young_person,
        forms.KeepingInTouchEndForm,
        services.keeping_in_touch_end,
        record=record,
        ended=record.end is not None,
        already_ended="This has already ended",
        list_url="casework:contact_list",
        date_field="end",
        message="Saved",
        title=f"End: {record.get_status_display().lower()}",
        intro=record.notes,
        button="Save",
    )


def _end_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    form_class: type[Any],
    service: Callable[..., Any],
    /,
    *,
    ended: bool,
    already_ended: str,
    list_url: str,
    date_field: str,
    message: str,
    title: str,
    intro: str,
    button: str,
    **service_kwargs: Any,
) -> HttpResponse:
    """The page that ends a record that runs until it is ended (an alert, a spell of not being
    in touch): once ended, a note and back to its list; otherwise a form whose end date starts
    as today. `service_kwargs` name the record for `service`."""
    back = reverse(list_url, kwargs={"pk": young_person.pk})
    if ended:
        messages.info(request, already_ended)
        return redirect(back)
    form = form_class(request.POST or None, initial={date_field: timezone.localdate()})
    return saved_then_redirect(
        request,
        form,
        service,
        acting_user=request.user,
        message=message,
        then=back,
        page=lambda: _simple_form_page(
            request, young_person, form, title=title, intro=intro, button=button, back=back
        ),
        **service_kwargs,
    )


@keeps_words
@record_page("record a contact", permission="casework.add_contact", methods=FORM)
def contact_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    now = timezone.localtime()
    initial = {
        "occurred_on": now.date(),
        "occurred_time": now.time().replace(second=0, microsecond=0),
        "worker": request.user.pk,
    }
    form = form_for(
        request,
        forms.ContactAddForm,
        initial=initial,
        user=request.user,
        young_person=young_person,
    )
    if request.method == "POST" and form.is_valid():
        done = service_result(
            form,
            services.contact_record,
            acting_user=request.user,
            young_person=young_person,
            submission_key=form.cleaned_data["submission_key"],
            **form.contact_values(),
        )
        if done is not None:
            messages.success(request, _contact_saved_message(young_person, "Contact recorded"))
            return redirect(services.young_person_url(young_person))
    return render(
        request,
        "casework/contact_form.html",
        _record_context(
            young_person,
            form=form,
            title="Record a contact",
            button="Save contact",
            window=services.ContactPolicy.current().correction_window_minutes,
        ),
    )


def _contact_saved_message(young_person: YoungPerson, done: str) -> str:
    if young_person.next_contact_due is None:
        return f"{done}."
    return f"{done}. Next visit due by {format_date(young_person.next_contact_due)}."


def _load_contact(pk: int) -> Contact:
    return get_object_or_404(selectors.contacts_for_all(), pk=pk)


CONTACT = subject("pk", _load_contact)


@record_page("contact", permission="casework.view_contact", subject=CONTACT, tab="contacts")
def contact_detail(request: SignedInRequest, contact: Contact) -> HttpResponse:
    young_person = contact.young_person
    amendments = list(contact.amendments.all())
    can_correct = can(
        request.user, "casework.correct_contact", contact
    ) and services.can_still_correct(contact=contact, user=request.user)
    return render(
        request,
        "casework/contact_detail.html",
        _record_context(
            young_person,
            contact=contact,
            rows=presenters.contact_summary_rows(contact),
            amendments=presenters.amendment_items(amendments),
            original_rows=presenters.original_contact_rows(contact, amendments)
            if amendments
            else [],
            can_correct=can_correct,
            correct_until=services.correction_window_closes_at(contact=contact),
            can_amend=not can_correct and can(request.user, "casework.amend_contact", contact),
        ),
    )


def _contact_change_page(
    request: SignedInRequest,
    contact: Contact,
    form_class: type[forms.ContactForm],
    service: Callable[..., Any],
    *,
    done: str,
    title: str,
    button: str,
    fields: tuple[str, ...] = (),
    **context: Any,
) -> HttpResponse:
    """Correcting and amending a contact: the contact form filled in as it was recorded, the
    service given what changed (and the form's `fields` as they were typed), and the contact's
    page after, with when the next visit is due."""
    young_person = contact.young_person
    detail_url = reverse("casework:contact_detail", kwargs={"pk": contact.pk})
    form = form_class(
        request.POST or None,
        initial=forms.ContactForm.initial_for(contact),
        user=request.user,
        young_person=young_person,
    )
    if request.method == "POST" and form.is_valid():
        kept = service_result(
            form,
            service,
            acting_user=request.user,
            contact=contact,
            expected_version=form.cleaned_data["version"],
            changes=form.contact_values(),
            **{name: form.cleaned_data[name] for name in fields},
        )
        if kept is not None:
            young_person.refresh_from_db()
            messages.success(request, _contact_saved_message(young_person, done))
            return redirect(detail_url)
    return render(
        request,
        "casework/contact_form.html",
        _record_context(
            young_person, form=form, title=title, button=button, back_url=detail_url, **context
        ),
    )


@record_page(
    "correct contact",
    permission="casework.correct_contact",
    methods=FORM,
    subject=CONTACT,
    tab="contacts",
)
def contact_correct(request: SignedInRequest, contact: Contact) -> HttpResponse:
    if not services.can_still_correct(contact=contact, user=request.user):
        messages.info(request, "The time for correcting this record has passed. You can amend it.")
        return redirect("casework:contact_amend", pk=contact.pk)
    try:
        return _contact_change_page(
            request,
            contact,
            forms.ContactCorrectForm,
            services.contact_correct,
            done="Contact corrected",
            title="Correct a contact",
            button="Save correction",
            correct_until=services.correction_window_closes_at(contact=contact),
        )
    except services.CorrectionNotAllowed as error:
        # The service checks again: the window may close between the check above and saving.
        messages.info(request, str(error))
        return redirect("casework:contact_amend", pk=contact.pk)


@record_page(
    "amend contact",
    permission="casework.amend_contact",
    methods=FORM,
    subject=CONTACT,
    tab="contacts",
)
def contact_amend(request: SignedInRequest, contact: Contact) -> HttpResponse:
    return _contact_change_page(
        request,
        contact,
        forms.ContactAmendForm,
        services.contact_amend,
        done="Amendment saved",
        title="Amend a contact",
        button="Save amendment",
        fields=("reason",),
        amending=True,
    )


# Case notes ----------------------------------------------------------------------------------


@record_page("case notes", permission="casework.view_casenotes")
def case_note_list(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    notes = selectors.case_notes_for(young_person=young_person)
    page = Paginator(notes, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "casework/case_note_list.html",
        _record_context(
            young_person,
            page=page,
            can_add=can(request.user, "casework.add_casenote", young_person),
        ),
    )


@keeps_words
@record_page("add case note", permission="casework.add_casenote", methods=FORM)
def case_note_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = form_for(request, forms.CaseNoteForm, initial={"written_on": timezone.localdate()})
    back = reverse("casework:case_note_list", kwargs={"pk": young_person.pk})
    return saved_then_redirect(
        request,
        form,
        services.case_note_add,
        acting_user=request.user,
        young_person=young_person,
        message="Case note saved",
        then=back,
        page=lambda: _simple_form_page(
            request,
            young_person,
            form,
            title="Add a case note",
            button="Save case note",
            back=back,
        ),
    )


# Alerts --------------------------------------------------------------------------------------


@record_page("alerts", permission="casework.view_alerts")
def alert_list(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    alerts = list(selectors.alerts_for(young_person=young_person))
    return render(
        request,
        "casework/alert_list.html",
        _record_context(
            young_person,
            current=[alert for alert in alerts if alert.ended_on is None],
            ended=[alert for alert in alerts if alert.ended_on is not None],
            can_add=can(request.user, "casework.add_alert", young_person),
        ),
    )


@keeps_words
@record_page("add alert", permission="casework.add_alert", methods=FORM)
def alert_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = form_for(request, forms.AlertForm, initial={"raised_on": timezone.localdate()})
    back = reverse("casework:alert_list", kwargs={"pk": young_person.pk})
    return saved_then_redirect(
        request,
        form,
        services.alert_raise,
        acting_user=request.user,
        young_person=young_person,
        message="Alert added",
        then=back,
        page=lambda: _simple_form_page(
            request, young_person, form, title="Add an alert", button="Add alert", back=back
        ),
    )


def _load_alert(pk: int) -> Alert:
    return get_object_or_404(Alert.objects.live().select_related("young_person__team"), pk=pk)


@record_page(
    "end alert",
    permission="casework.end_alert",
    methods=FORM,
    subject=subject("pk", _load_alert),
    tab="alerts",
)
def alert_end(request: SignedInRequest, alert: Alert) -> HttpResponse:
    return _end_page(
        request,
        alert.young_person,
        forms.AlertEndForm,
        services.alert_end,
        alert=alert,
        ended=alert.ended_on is not None,
        already_ended="This alert has already ended",
        list_url="casework:alert_list",
        date_field="ended_on",
        message="Alert ended",
        title=f"End the alert: {alert.get_kind_display().lower()}",
        intro=alert.description,
        button="End alert",
    )


# Duty log ------------------------------------------------------------------------------------


@rule_required("casework.view_duty_log")
def duty_log(request: SignedInRequest) -> HttpResponse:
    entries = selectors.duty_log_entries(user=request.user)
    page = Paginator(entries, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "casework/duty_log.html",
        {
            "page": page,
            "duty_head": presenters.DUTY_HEAD,
            "rows": presenters.duty_rows(page.object_list),
            "can_add": can(request.user, "casework.add_dutylogentry"),
            "not_safe": duty_presenters.open_alert_rows(
                duty_selectors.open_duty_alerts(user=request.user)
            ),
        },
    )


@keeps_words
@rule_required("casework.add_dutylogentry")
def duty_add(request: SignedInRequest) -> HttpResponse:
    """One form for the whole call: searching for the young person and choosing them post the
    form back with everything typed so far, so no notes are lost and no JavaScript is needed."""
    user = request.user
    now = timezone.localtime()
    initial = {
        "occurred_on": now.date(),
        "occurred_time": now.time().replace(second=0, microsecond=0),
        "child_id": request.GET.get("child_id", ""),
    }
    data = request.POST.copy() if request.method == "POST" else None
    if data is None:
        initial.update(kept_words(request, forms.DutyEntryForm))
    if data is not None and data.get("choose"):
        data["child_id"] = str(data.get("choose", ""))
    still_typing = data is not None and ("search" in data or "choose" in data)
    search = forms.YoungPersonSearchForm(data if data is not None else request.GET or None)
    matches = None
    searched = data is None or "search" in data  # a GET link with ?q= searches too
    if searched and search.is_bound and search.is_valid() and search.cleaned_data["q"]:
        matches = selectors.young_people_matching(user=user, query=search.cleaned_data["q"])
    child_id = str(data.get("child_id", "") if data is not None else initial["child_id"]).strip()
    # Only a well-formed ID is looked up: what was posted may be anything (a NUL byte would
    # fail in PostgreSQL); council child IDs are letters and numbers.
    chosen = (
        selectors.young_person_by_child_id(user=user, child_id=child_id)
        if child_id.isalnum() and child_id.isascii()
        else None
    )
    form = forms.DutyEntryForm(data, user=user, young_person=chosen, initial=initial)
    if still_typing:
        form.show_as_typed()
    elif data is not None and form.is_valid():
        entry = service_result(
            form, services.duty_entry_record, acting_user=user, **form.entry_values()
        )
        if entry is not None:
            messages.success(
                request, "Duty log entry saved. The allocated workers have been told."
            )
            return redirect("casework:duty_detail", pk=entry.pk)
    return render(
        request,
        "casework/duty_add.html",
        {"form": form, "search": search, "matches": matches, "chosen": chosen},
    )


@require_safe
def duty_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(selectors.duty_log_entries(user=request.user), pk=pk)
    require(request.user, "casework.view_dutylogentry", entry)
    if entry.young_person is not None and getattr(entry, "young_person_visible", False):
        people_services.record_viewed(
            acting_user=request.user,
            young_person=entry.young_person,
            page="duty entry",
        )
    return render(
        request,
        "casework/duty_detail.html",
        {
            "entry": entry,
            "rows": presenters.duty_summary_rows(entry),
            "withheld": presenters.duty_entry_withheld(entry),
            "can_view_log": can(request.user, "casework.view_duty_log"),
        },
    )
