"""Pages for subject access requests, the retention review and the data protection policy.

Views are thin: they check permission through `rules` directly (so the admin's superuser flag
never opens case data), parse the form, call one service or selector and render. Pages about
one young person (a subject access request, a retention decision) are declared with the people
app's `record_page`, which logs the view and any refusal and draws the record frame.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from careleavers.core.dates import format_date
from careleavers.core.form_page import form_page
from careleavers.core.forms.action_button import acted_then_redirect
from careleavers.core.forms.submit import saved_then_redirect, service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import require, rule_required
from careleavers.core.templatetags.govuk import govuk_tag
from careleavers.dataprotection import deadlines, forms, selectors, services
from careleavers.dataprotection.models import (
    DataProtectionPolicy,
    RetentionDecision,
    SubjectAccessRequest,
)
from careleavers.dataprotection.selectors import RetentionRow
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, record_page, subject

VIEW_SAR = "dataprotection.view_subject_access"
MANAGE_SAR = "dataprotection.manage_subject_access"
VIEW_RETENTION = "dataprotection.view_retention"
DECIDE_RETENTION = "dataprotection.decide_retention"
CHANGE_POLICY = "dataprotection.change_policy"

PAGE_SIZE = 50
STATUS_COLOURS: dict[str, str] = {
    SubjectAccessRequest.Status.RECEIVED: "blue",
    SubjectAccessRequest.Status.FILE_READY: "turquoise",
    SubjectAccessRequest.Status.SENT: "green",
    SubjectAccessRequest.Status.WITHDRAWN: "grey",
}


# Helpers -----------------------------------------------------------------------------------------


def _tabs(active: str) -> list[dict[str, Any]]:
    return [
        {"text": text, "href": reverse(name), "active": key == active}
        for key, text, name in (
            ("sar", "Subject access requests", "dataprotection:sar_list"),
            ("retention", "Retention review", "dataprotection:retention_report"),
        )
    ]


def _load_sar(sar_pk: int) -> SubjectAccessRequest:
    return selectors.subject_access_request(pk=sar_pk)


# A request's pages: `dataprotection.manage_subject_access` takes the young person.
SAR = subject("sar_pk", _load_sar, permission_on_young_person=True)


def _detail_url(sar: SubjectAccessRequest) -> str:
    return reverse("dataprotection:sar_detail", kwargs={"sar_pk": sar.pk})


def _stored_copy(sar: SubjectAccessRequest) -> str:
    if not sar.has_file or sar.file_generated_at is None:
        return "Removed. The checksum above shows exactly what the file held."
    days = DataProtectionPolicy.current().subject_access_file_keep_days
    removed_by = timezone.localtime(sar.file_generated_at).date() + datetime.timedelta(days=days)
    return f"Kept until the request is closed, and no later than {format_date(removed_by)}"


def _status_tag(sar: SubjectAccessRequest, today: Any) -> dict[str, str]:
    if sar.is_open and sar.due_on < today:
        return {"text": "Overdue", "colour": "red"}
    return {"text": sar.get_status_display(), "colour": STATUS_COLOURS.get(sar.status, "")}


# Subject access requests -------------------------------------------------------------------------


@rule_required(VIEW_SAR)
def index(request: SignedInRequest) -> HttpResponse:
    """The header's "Data protection" link, so it stays marked on every page of the section."""
    return redirect("dataprotection:sar_list")


@rule_required(VIEW_SAR)
def sar_list(request: SignedInRequest) -> HttpResponse:
    state = selectors.CLOSED if request.GET.get("state") == selectors.CLOSED else selectors.OPEN
    today = timezone.localdate()
    found = selectors.subject_access_requests_for(user=request.user, state=state)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for sar in page.object_list:
        tag = _status_tag(sar, today)
        rows.append(
            [
                {"text": f"SAR-{sar.pk}", "href": _detail_url(sar)},
                f"{sar.young_person} ({sar.young_person.child_id})",
                sar.received_on,
                sar.due_on,
                govuk_tag(tag["text"], tag["colour"]),
                sar.handled_by.get_full_name(),
            ]
        )
    return render(
        request,
        "dataprotection/sar_list.html",
        {
            "tabs": _tabs("sar"),
            "state": state,
            "page": page,
            "head": ["Reference", "Young person", "Received", "Due", "Status", "Handled by"],
            "rows": rows,
            "open_href": reverse("dataprotection:sar_list"),
            "closed_href": reverse("dataprotection:sar_list") + "?state=closed",
            "create_href": reverse("dataprotection:sar_create"),
        },
    )


@rule_required(VIEW_SAR)
def sar_create(request: SignedInRequest) -> HttpResponse:
    form = forms.SubjectAccessRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        young_person = data["young_person"]
        require(request.user, MANAGE_SAR, young_person)
        sar = service_result(
            form,
            services.subject_access_request_create,
            acting_user=request.user,
            young_person=young_person,
            requester_kind=data["requester_kind"],
            requested_by=data["requested_by"],
            received_on=data["received_on"],
            notes=data["notes"],
        )
        if sar is not None:
            messages.success(
                request,
                f"Request logged as SAR-{sar.pk}. The reply is due by {format_date(sar.due_on)}.",
            )
            return redirect(_detail_url(sar))
    return form_page(
        request,
        form,
        title="Log a subject access request",
        caption="Data protection",
        back=reverse("dataprotection:sar_list"),
        button="Log the request",
        intro=(
            "A young person, or someone acting for them, has asked for a copy of the "
            "information we hold about them (UK GDPR Article 15). The reply is due one calendar "
            "month after the request was received, or the next working day."
        ),
    )


@record_page("subject_access_request", permission=MANAGE_SAR, subject=SAR)
def sar_detail(request: SignedInRequest, sar: SubjectAccessRequest) -> HttpResponse:
    today = timezone.localdate()
    rows: list[dict[str, Any]] = [
        {"key": "Young person", "value": f"{sar.young_person} ({sar.young_person.child_id})"},
        {
            "key": "Who asked",
            "value": f"{sar.requested_by} ({sar.get_requester_kind_display().lower()})",
        },
        {"key": "Received", "value": sar.received_on},
        {"key": "Reply due by", "value": sar.due_on},
        {"key": "Handled by", "value": sar.handled_by.get_full_name()},
    ]
    if sar.extension_months:
        rows.append(
            {
                "key": "Extended",
                "value": f"By {sar.extension_months} month"
                f"{'s' if sar.extension_months > 1 else ''}: {sar.extension_reason}",
            }
        )
    if sar.notes:
        rows.append({"key": "Notes", "value": sar.notes})
    file_rows: list[dict[str, Any]] = []
    if sar.file_sha256:
        file_rows = [
            {"key": "Made", "value": sar.file_generated_at},
            {
                "key": "Made by",
                "value": sar.file_generated_by.get_full_name()
                if sar.file_generated_by
                else "The information governance team (command line)",
            },
            {"key": "Size", "value": f"{(sar.file_size or 0) / 1024:,.0f} KB"},
            {"key": "SHA-256", "value": sar.file_sha256},
            {"key": "Stored copy", "value": _stored_copy(sar)},
        ]
    if not sar.is_open:
        rows.append(
            {
                "key": "Closed",
                "value": (
                    f"Sent on {format_date(sar.sent_on)}"
                    if sar.sent_on
                    else sar.get_status_display()
                ),
            }
        )
        if sar.closed_note:
            rows.append({"key": "Closing notes", "value": sar.closed_note})
    return render(
        request,
        "dataprotection/sar_detail.html",
        {
            "tabs": _tabs("sar"),
            "sar": sar,
            "tag": _status_tag(sar, today),
            "back_href": reverse("dataprotection:sar_list"),
            "download_href": reverse("dataprotection:sar_download", kwargs={"sar_pk": sar.pk}),
            "rows": rows,
            "file_rows": file_rows,
            "record_counts": selectors.record_counts_for(young_person=sar.young_person),
        },
    )


@record_page("subject_access_generate", permission=MANAGE_SAR, methods=["POST"], subject=SAR)
def sar_generate(request: SignedInRequest, sar: SubjectAccessRequest) -> HttpResponse:
    return acted_then_redirect(
        request,
        lambda: services.subject_access_file_generate(acting_user=request.user, sar=sar),
        message="The file is ready. Download it, check every value on its redaction "
        "checklist, and record when the reply is sent.",
        then=_detail_url(sar),
    )


@record_page("subject_access_download", permission=MANAGE_SAR, subject=SAR)
def sar_download(request: SignedInRequest, sar: SubjectAccessRequest) -> HttpResponse:
    try:
        handle = services.subject_access_file_open(acting_user=request.user, sar=sar)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_detail_url(sar))
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"subject-access-{sar.young_person.child_id}-SAR-{sar.pk}.zip",
        content_type="application/zip",
    )
    return response  # type: ignore[return-value]


@record_page("subject_access_extend", permission=MANAGE_SAR, methods=FORM, subject=SAR)
def sar_extend(request: SignedInRequest, sar: SubjectAccessRequest) -> HttpResponse:
    if not sar.can_extend:
        messages.error(request, "This request cannot be given more time.")
        return redirect(_detail_url(sar))
    months_left = deadlines.MAX_EXTENSION_MONTHS - sar.extension_months
    form = forms.ExtendForm(request.POST or None, months_left=months_left)
    return saved_then_redirect(
        request,
        form,
        services.subject_access_request_extend,
        acting_user=request.user,
        sar=sar,
        message=lambda extended: f"The reply is now due by {format_date(extended.due_on)}.",
        then=_detail_url(sar),
        page=lambda: form_page(
            request,
            form,
            title="Give more time to reply",
            caption=f"SAR-{sar.pk}",
            back=_detail_url(sar),
            button="Extend",
        ),
    )


@record_page("subject_access_close", permission=MANAGE_SAR, methods=FORM, subject=SAR)
def sar_close(request: SignedInRequest, sar: SubjectAccessRequest) -> HttpResponse:
    if not sar.is_open:
        messages.error(request, "This request is already closed.")
        return redirect(_detail_url(sar))
    form = forms.CloseForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.subject_access_request_close,
        acting_user=request.user,
        sar=sar,
        message="Request closed. The stored file has been removed; its checksum is kept.",
        then=_detail_url(sar),
        page=lambda: form_page(
            request,
            form,
            title="Close the request",
            caption=f"SAR-{sar.pk}",
            back=_detail_url(sar),
            button="Close the request",
        ),
    )


# Retention ---------------------------------------------------------------------------------------


@rule_required(VIEW_RETENTION)
def retention_report(request: SignedInRequest) -> HttpResponse:
    form = forms.RetentionFilterForm(request.GET or None)
    months = None
    if form.is_valid() and form.cleaned_data.get("months") is not None:
        months = form.cleaned_data["months"]
    today = timezone.localdate()
    report = selectors.retention_review(user=request.user, today=today, window_months=months)
    page = Paginator(report.young_people, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for row in report.rows(page.object_list):
        person = row.young_person
        if row.decision == "keep":
            status = (
                f"Keep, look again {format_date(row.review_again_on)}"
                if row.review_again_on
                else "Keep"
            )
        else:
            status = "Decision needed" if row.passed else "Due soon"
        rows.append(
            [
                {
                    "text": str(person),
                    "href": reverse("dataprotection:retention_decide", kwargs={"pk": person.pk}),
                },
                person.child_id,
                person.date_of_birth,
                row.retention_ends_on,
                status,
            ]
        )
    if form.is_bound and not form.is_valid() or not form.is_bound:
        form = forms.RetentionFilterForm(initial={"months": report.window_months})
    counts = [
        {"key": "Retention date passed", "value": report.passed},
        {
            "key": f"Retention date in the next {report.window_months} months",
            "value": report.upcoming,
        },
        {"key": "Kept after a review, not yet due again", "value": report.kept},
        {"key": "Needing a decision", "value": report.needing_decision},
        {
            "key": "Restricted records due that you cannot open",
            "value": report.restricted_not_shown,
        },
        {"key": "Archived records due (not listed)", "value": report.archived},
        {
            "key": "Passed to records management for destruction",
            "value": report.passed_to_records_management,
        },
    ]
    return render(
        request,
        "dataprotection/retention_report.html",
        {
            "tabs": _tabs("retention"),
            "form": form,
            "report": report,
            "counts": counts,
            "page": page,
            "head": ["Young person", "Child ID", "Date of birth", "Retention date", "Status"],
            "rows": rows,
        },
    )


@record_page("retention_review", permission=DECIDE_RETENTION, methods=FORM)
def retention_decide(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    today = timezone.localdate()
    row = selectors.retention_row_for(young_person=young_person, today=today)
    form = forms.RetentionDecisionForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.retention_decision_record,
        acting_user=request.user,
        young_person=young_person,
        message=lambda decision: _retention_decided(decision, young_person),
        then=reverse("dataprotection:retention_report"),
        page=lambda: _retention_decide_page(request, young_person, row, form),
    )


def _retention_decided(decision: RetentionDecision, young_person: YoungPerson) -> str:
    """What recording a decision says: a record to destroy has been archived and handed on."""
    if decision.decision == "destroy":
        return (
            f"Decision recorded. {young_person}'s record is archived and "
            "passed to records management."
        )
    return "Decision recorded. The records are kept."


def _retention_decide_page(
    request: SignedInRequest, young_person: YoungPerson, row: RetentionRow, form: Any
) -> HttpResponse:
    decisions = [
        {
            "title": decision.get_decision_display(),
            "by": decision.decided_by.get_full_name(),
            "datetime": decision.decided_at,
            "description": decision.reason
            + (
                f"\nLook again on {format_date(decision.review_again_on)}."
                if decision.review_again_on
                else ""
            ),
        }
        for decision in selectors.retention_decisions_for(young_person=young_person)
    ]
    return render(
        request,
        "dataprotection/retention_decide.html",
        {
            "tabs": _tabs("retention"),
            "young_person": young_person,
            "row": row,
            "summary": [
                {"key": "Council child ID", "value": young_person.child_id},
                {"key": "Date of birth", "value": young_person.date_of_birth},
                {
                    "key": "Retention date",
                    "value": format_date(row.retention_ends_on)
                    + ("" if row.passed else " (not reached yet)"),
                },
            ],
            "form": form,
            "decisions": decisions,
            "record_counts": selectors.record_counts_for(young_person=young_person),
        },
    )


# Policy ------------------------------------------------------------------------------------------


@rule_required(CHANGE_POLICY)
def policy(request: SignedInRequest) -> HttpResponse:
    current = DataProtectionPolicy.current()
    initial = {name: getattr(current, name) for name in services.POLICY_FIELDS}
    form = forms.PolicyForm(request.POST or None, initial=initial)
    return saved_then_redirect(
        request,
        form,
        services.policy_update,
        acting_user=request.user,
        message="Data protection policy saved.",
        then=reverse("dataprotection:policy"),
        page=lambda: form_page(
            request,
            form,
            title="Data protection policy",
            caption="Data protection",
            back=reverse("core:home"),
            intro=(
                "How long young people's records are kept, how far ahead the head of service's "
                "retention review looks, and how long a subject access file is kept. The "
                "retention rule comes from a regulation still marked to be verified, so it is "
                "set here."
            ),
        ),
    )
