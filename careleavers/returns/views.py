"""The returns pages: downloads, the validator's report for a year, and the import upload.

Views are thin: they check the permission, call one selector or service, and render.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules import has_perm

from careleavers.core import file_job_views
from careleavers.core.forms.submit import saved_then_redirect
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import rule_required
from careleavers.people import services as people_services
from careleavers.people.form_page import record_form_page
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import CHANGE, FORM, record_page
from careleavers.returns import (
    annex_a,
    forms,
    importer,
    selectors,
    services,
    ssda903,
    validation,
)
from careleavers.returns.models import ValidationRun, ValidationStatus
from careleavers.returns.validator import SUPPORTED_YEARS, ValidatorReport

View = Callable[..., HttpResponseBase]


def latest_ended_year() -> int:
    """The most recent collection year that has ended (the one being returned)."""
    return ssda903.collection_year_of(timezone.localdate()) - 1


@require_GET
@rule_required("returns.view_returns")
def index(request: SignedInRequest) -> HttpResponse:
    latest = latest_ended_year()
    can_export = has_perm("returns.export_returns", request.user)
    # The selector shows the year the links below are for (the latest ended one at first).
    form = forms.YearForm(request.GET or None, latest=latest + 1, initial={"year": latest})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else latest
    return render(
        request,
        "returns/index.html",
        {
            "form": form,
            "year": year,
            "year_label": ssda903.collection_year_label(year),
            "last_run": selectors.latest_validation_run(year),
            "can_export": can_export,
            "can_validate": has_perm("returns.validate_returns", request.user),
            "can_import": has_perm("returns.import_ssda903", request.user),
            "validator_years": SUPPORTED_YEARS,
            "year_open": year >= ssda903.collection_year_of(timezone.localdate()),
            "annex_a_source": annex_a.TEMPLATE_SOURCE,
            "recent_files": selectors.recent_export_files() if can_export else [],
        },
    )


# Exports: asked for here, made in the background (tasks.py), followed on a progress page and
# downloaded from it. Anyone who may export the returns may see and download them.


@rule_required("returns.export_returns")
@require_POST
def ssda903_download(request: SignedInRequest, year: int) -> HttpResponse:
    job = services.ssda903_export_request(acting_user=request.user, year=year)
    return redirect("returns:export_progress", pk=job.pk)


@rule_required("returns.export_returns")
@require_POST
def annex_a_download(request: SignedInRequest) -> HttpResponse:
    file_format = "csv" if request.POST.get("format") == "csv" else "xlsx"
    job = services.annex_a_export_request(acting_user=request.user, file_format=file_format)
    return redirect("returns:export_progress", pk=job.pk)


@require_GET
@rule_required("returns.export_returns")
def export_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    job = file_job_views.job_of_kinds(pk, selectors.FILE_KINDS)
    return file_job_views.progress_page(
        request,
        job,
        caption="Returns",
        file_url=reverse("returns:export_file", kwargs={"pk": job.pk}),
        back_url=reverse("returns:index"),
        back_text="Returns",
    )


@require_GET
@rule_required("returns.export_returns")
def export_file(request: SignedInRequest, pk: int) -> HttpResponseBase:
    job = file_job_views.job_of_kinds(pk, selectors.FILE_KINDS)
    return file_job_views.file_response(
        request, job, progress_url=reverse("returns:export_progress", kwargs={"pk": job.pk})
    )


@require_http_methods(["GET", "POST"])
@rule_required("returns.validate_returns")
def ssda903_check(request: SignedInRequest, year: int) -> HttpResponse:
    """The validator's last report on this service's return for ``year``; POST asks for a new
    check, which runs in the background (its progress page follows it)."""
    if request.method == "POST":
        try:
            requested = validation.ssda903_validation_request(acting_user=request.user, year=year)
        except validation.CheckRefused as error:
            messages.error(request, str(error))
            return redirect("returns:ssda903_check", year=year)
        return redirect("returns:ssda903_check_progress", pk=requested.pk)
    run = selectors.latest_validation_run(year)
    report = ValidatorReport.from_json(run.report) if run else None
    return render(
        request,
        "returns/check.html",
        {
            "year": year,
            "year_label": ssda903.collection_year_label(year),
            "run": run,
            "running": selectors.validation_in_progress(year),
            "report": report,
            "by_rule": report.by_rule() if report else [],
            "by_child": report.by_child() if report else [],
            "faults_by_rule": report.faults_by_rule() if report else [],
            "care_leaver_issues": len(report.care_leaver_issues()) if report else 0,
            "supported": year in SUPPORTED_YEARS,
        },
    )


@require_GET
@rule_required("returns.validate_returns")
def ssda903_check_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    """Where a check is up to. The page refreshes itself every few seconds until it has
    finished (a meta refresh: no JavaScript needed), then goes to the report."""
    run = get_object_or_404(ValidationRun, pk=pk)
    if run.status == ValidationStatus.DONE:
        return redirect("returns:ssda903_check", year=run.collection_year)
    return render(
        request,
        "returns/check_progress.html",
        {
            "run": run,
            "year_label": ssda903.collection_year_label(run.collection_year),
            "steps": _steps(run),
            "refresh_seconds": None if run.is_finished else PROGRESS_REFRESH_SECONDS,
        },
    )


PROGRESS_REFRESH_SECONDS = 3
_STEP_ORDER = (
    ValidationStatus.QUEUED,
    ValidationStatus.PREPARING,
    ValidationStatus.EXPORTING,
    ValidationStatus.VALIDATING,
    ValidationStatus.DONE,
)


def _steps(run: ValidationRun) -> list[dict[str, Any]]:
    """Each step of a check with whether it is done, under way or still to come."""
    reached = _STEP_ORDER.index(ValidationStatus(run.status)) if run.status in _STEP_ORDER else -1
    return [
        {
            "label": status.label,
            "state": "done" if index < reached else "current" if index == reached else "to do",
        }
        for index, status in enumerate(_STEP_ORDER[:-1])
    ]


@require_http_methods(["GET", "POST"])
@rule_required("returns.import_ssda903")
def ssda903_import(request: SignedInRequest) -> HttpResponse:
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = importer.ssda903_import_uploaded(
            acting_user=request.user,
            files=[(file.name or "upload", file.read()) for file in form.cleaned_data["upload"]],
            collection_year=form.cleaned_data["year"],
        )
    return render(request, "returns/import.html", {"form": form, "report": report})


@record_page("check the care history", permission=CHANGE, methods=FORM, tab="care_history")
def care_history_check(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """A worker checks the care history behind a category a past return reported and the
    episodes held here do not show: the report stands, or it is set aside."""
    reports = selectors.reported_categories_for(young_person=young_person)
    back = reverse("people:care_history", kwargs={"pk": young_person.pk})
    if not any(report.needs_check for report in reports):
        messages.info(request, "There is no reported category waiting for a check")
        return redirect(back)
    form = forms.CareHistoryCheckForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        people_services.reported_category_check,
        acting_user=request.user,
        young_person=young_person,
        message="Care history check recorded",
        then=back,
        page=lambda: record_form_page(
            request,
            young_person,
            form,
            title="Check their care history",
            back=back,
            intro_template="returns/care_history_check_intro.html",
            reports=reports,
            episode_count=young_person.care_episodes.count(),
            care_history_url=back,
        ),
    )
