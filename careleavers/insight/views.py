"""Insight's pages: dashboards for the service, a team and a worker's caseload; each figure's
trend and benchmarks; the rows behind every number; definitions, targets and benchmarks; the
self-assessment pack; and their spreadsheet, chart and PDF downloads.

Views are thin: they check permission through `rules` directly (so the admin's superuser flag
never opens anything), call one selector or service and render. A scope named in the address
("service", "team-3", "worker-7") is checked by `selectors.scope_for`, which refuses a scope
the viewer may not see. Drill-down lists name young people the viewer may see and nobody else;
viewing a list logs nothing per person (each record page logs its own view), and downloading
one logs one export.
"""

from __future__ import annotations

import datetime
from typing import Any, cast
from urllib.parse import urlencode

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from rules import has_perm

from careleavers.accounts.models import Team, User
from careleavers.core import file_job_views
from careleavers.core.charts import cached_chart
from careleavers.core.forms.errors import add_service_errors
from careleavers.core.forms.submit import saved_then_redirect
from careleavers.core.http import SignedInRequest
from careleavers.core.models import FileJob
from careleavers.core.permissions import rule_required
from careleavers.core.templatetags.govuk import govuk_date, govuk_datetime
from careleavers.insight import (
    charts,
    drilldown,
    exports,
    forms,
    member_files,
    member_lists,
    pack,
    presenters,
    selectors,
    services,
)
from careleavers.insight.indicators import PERCENT, Indicator, all_indicators
from careleavers.insight.models import BenchmarkKind
from careleavers.insight.periods import month_label, short_month_label

PAGE_SIZE = 50
TREND_MONTHS = (12, 24)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _today() -> datetime.date:
    return timezone.localdate()


def _scope(request: SignedInRequest, on: datetime.date | None = None) -> selectors.ScopeView:
    return selectors.scope_for(
        user=request.user, key=request.GET.get("scope", "service"), on=on or _today()
    )


def _crumbs(*items: tuple[str, str]) -> list[dict[str, str]]:
    crumbs = [{"text": "Home", "href": reverse("core:home")}]
    crumbs.append({"text": "Performance", "href": reverse("insight:index")})
    crumbs += [{"text": text, "href": href} for text, href in items]
    return crumbs


def _dashboard_url(view: selectors.ScopeView) -> str:
    if view.team is not None:
        return reverse("insight:team", kwargs={"pk": view.team.pk})
    if view.worker is not None:
        return reverse("insight:worker", kwargs={"pk": view.worker.pk})
    return reverse("insight:service")


def _with_scope(url_name: str, view: selectors.ScopeView, **kwargs: Any) -> str:
    return f"{reverse(url_name, kwargs=kwargs)}?scope={view.key}"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# The index and the dashboards ---------------------------------------------------------------


# The index's links: (the permission that shows it, or None for everyone; title; URL name;
# what it is), in the order shown. First the dashboards, then the rest.
DASHBOARD_LINKS = (
    (
        "insight.view_service",
        "The whole service",
        "insight:service",
        "Every indicator for the young people the service works with.",
    ),
    ("insight.choose_team", "A team", "insight:teams", "Choose one of your teams."),
    (
        "insight.view_own_caseload",
        "Your caseload",
        "insight:my_caseload",
        "The indicators for the young people allocated to you.",
    ),
)
OTHER_LINKS = (
    (
        None,
        "Indicator definitions",
        "insight:indicator_list",
        "What each figure counts, where it comes from and which way is better.",
    ),
    ("insight.view_targets", "Targets", "insight:targets", "The council's targets, by date."),
    (
        "insight.view_benchmarks",
        "Benchmarks",
        "insight:benchmarks",
        "England, regional and statistical neighbour figures from the DfE.",
    ),
    (
        "insight.view_pack",
        "Self-assessment pack",
        "insight:pack",
        "The figures, audits and feedback by Ofsted's judgement areas.",
    ),
)


def _links_for(
    user: Any, links: tuple[tuple[str | None, str, str, str], ...]
) -> list[tuple[str, str, str]]:
    """(title, URL, what it is) of each of `links` that `user` may follow."""
    return [
        (title, reverse(url_name), about)
        for permission, title, url_name, about in links
        if permission is None or has_perm(permission, user)
    ]


@rule_required("insight.view_index")
def index(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "insight/index.html",
        {
            "crumbs": _crumbs()[:1],
            "dashboards": _links_for(request.user, DASHBOARD_LINKS),
            "others": _links_for(request.user, OTHER_LINKS),
        },
    )


def _benchmark_text(item: Indicator, comparison: Any, which: str) -> str:
    if not item.benchmark_measure:
        return "No comparator"
    value = getattr(comparison, which, None) if comparison else None
    return "Not published" if value is None else presenters.value_text(item, value)


def _dashboard_context(request: SignedInRequest, view: selectors.ScopeView) -> dict[str, Any]:
    rows = selectors.dashboard(view=view)
    areas: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        item = row.indicator
        now = presenters.figure_value(item, row.figure)
        before = presenters.figure_value(item, row.previous)
        status, colour = presenters.target_status(
            item, now, selectors.target_for(item, row.target), on=row.on
        )
        trend = presenters.direction(item, now, before, on=row.on)
        comparison = row.comparison
        areas.setdefault(item.area, []).append(
            {
                "indicator": item,
                "figure_text": presenters.figure_text(item, row.figure),
                "detail": presenters.figure_detail(item, row.figure),
                "members_label": presenters.members_label(item, row.figure),
                "members_url": _with_scope("insight:members", view, key=item.key),
                "figure_url": _with_scope("insight:figure", view, key=item.key),
                "target_text": status,
                "target_colour": colour,
                "trend": trend,
                "england": _benchmark_text(item, comparison, "england"),
                "neighbours": _benchmark_text(item, comparison, "neighbours"),
                "comparison": comparison,
                "failed": row.figure is None,
            }
        )
    ordered = [
        {"key": key, "title": presenters.area_title(key), "rows": areas[key]}
        for key in presenters.in_area_order(areas)
    ]
    return {
        "view": view,
        "on": view.scope.on,
        "counted_text": _counted_text(rows, view.scope.on),
        "areas": ordered,
        "xlsx_url": f"{reverse('insight:dashboard_xlsx')}?scope={view.key}",
        "last_month": month_label(view.scope.on.replace(day=1) - datetime.timedelta(days=1)),
    }


def _counted_text(rows: list[selectors.DashboardRow], on: datetime.date) -> str:
    """When the figures were counted, in words: overnight (daily.py) or just now."""
    counted = [row.counted for row in rows if row.counted is not None]
    if not counted:
        return f"Counted just now, on {govuk_date(on)}."
    oldest = min(counted, key=lambda item: item.computed_at)
    text = (
        f"Counted overnight as at {govuk_date(oldest.as_at)} (finished "
        f"{govuk_datetime(oldest.computed_at)}), across every young person in the scope: "
        "restricted records are counted but never named. The lists behind the figures are as "
        "they stand now and show only the young people you may see, so they can differ from "
        "the figure."
    )
    if len(counted) < len(rows):
        text += " Figures the overnight count did not include were counted just now."
    return text


def _render_dashboard(
    request: SignedInRequest,
    view: selectors.ScopeView,
    *,
    title: str,
    crumbs: list[Any],
    intro: str,
) -> HttpResponse:
    context = _dashboard_context(request, view)
    context.update({"title": title, "crumbs": crumbs, "intro": intro})
    return render(request, "insight/dashboard.html", context)


@rule_required("insight.view_service")
def service(request: SignedInRequest) -> HttpResponse:
    view = selectors.service_scope(user=request.user, on=_today())
    return _render_dashboard(
        request,
        view,
        title="Service performance",
        crumbs=_crumbs(("The whole service", "")),
        intro="Every young person the service works with.",
    )


@rule_required("insight.choose_team")
def teams(request: SignedInRequest) -> HttpResponse:
    # The form's choices need only the names; the counts are read once, for the table.
    readable = selectors.readable_teams(user=request.user)
    if request.GET.get("team"):
        form = forms.TeamChoiceForm(request.GET, teams=readable)
        if form.is_valid():
            return redirect("insight:team", pk=form.cleaned_data["team"].pk)
    else:
        form = forms.TeamChoiceForm(teams=readable)
    page = Paginator(readable.select_related("manager"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    counts = selectors.young_people_in_teams([team.pk for team in page])
    rows = [
        [
            {"text": team.name, "href": reverse("insight:team", kwargs={"pk": team.pk})},
            str(team.manager) if team.manager_id else "No manager",
            counts.get(team.pk, 0),
        ]
        for team in page
    ]
    return render(
        request,
        "insight/teams.html",
        {
            "crumbs": _crumbs(("Teams", "")),
            "form": form,
            "head": ["Team", "Manager", {"text": "Young people", "format": "numeric"}],
            "rows": rows,
            "page": page,
        },
    )


def team(request: SignedInRequest, pk: int) -> HttpResponse:
    chosen = get_object_or_404(Team.objects.select_related("manager"), pk=pk)
    view = selectors.team_scope(user=request.user, team=chosen, on=_today())
    return _render_dashboard(
        request,
        view,
        title=f"{chosen.name}: performance",
        crumbs=_crumbs(("Teams", reverse("insight:teams")), (chosen.name, "")),
        intro="The young people in this team.",
    )


@rule_required("insight.view_own_caseload")
def my_caseload(request: SignedInRequest) -> HttpResponse:
    worker = cast(User, request.user)
    view = selectors.worker_scope(user=worker, worker=worker, on=_today())
    return _render_dashboard(
        request,
        view,
        title="Your caseload: performance",
        crumbs=_crumbs(("Your caseload", "")),
        intro="The young people allocated to you today.",
    )


def worker(request: SignedInRequest, pk: int) -> HttpResponse:
    chosen = get_object_or_404(selectors.staff_users().select_related("team"), pk=pk)
    view = selectors.worker_scope(user=request.user, worker=chosen, on=_today())
    return _render_dashboard(
        request,
        view,
        title=f"{chosen.get_full_name()}'s caseload: performance",
        crumbs=_crumbs((chosen.get_full_name(), "")),
        intro="The young people allocated to this worker today whom you may see.",
    )


def dashboard_xlsx(request: SignedInRequest) -> HttpResponse:
    view = _scope(request)
    rows = selectors.dashboard(view=view)
    content = exports.dashboard_xlsx(title=view.label, on=view.scope.on, rows=rows)
    services.export_recorded(
        acting_user=request.user,
        what="dashboard",
        scope_key=view.key,
        rows=len(rows),
    )
    return _download(content, XLSX, f"performance-{view.key}-{view.scope.on:%Y-%m-%d}.xlsx")


# One figure: trend, benchmarks and the rows behind it -----------------------------------------


def _trend(view: selectors.ScopeView, item: Indicator, months: int) -> list[dict[str, Any]]:
    return [
        {
            "month": month,
            "label": short_month_label(month),
            "value": presenters.figure_value(item, snapshot),
            "snapshot": snapshot,
        }
        for month, snapshot in selectors.trend(
            view=view, key=item.key, months=months, on=view.scope.on
        )
    ]


def _months(request: SignedInRequest) -> int:
    raw = request.GET.get("months", "24")
    return int(raw) if raw.isdigit() and int(raw) in TREND_MONTHS else 24


def figure(request: SignedInRequest, key: str) -> HttpResponse:
    item = selectors.indicator_or_404(key)
    view = _scope(request)
    months = _months(request)
    row = selectors.dashboard(view=view, indicators=[item])[0]
    now = presenters.figure_value(item, row.figure)
    trend = _trend(view, item, months)
    trend_rows = [
        [
            entry["label"],
            presenters.value_text(item, entry["value"]) if entry["snapshot"] else "No figure",
            presenters.figure_detail(item, entry["snapshot"]) if entry["snapshot"] else "",
        ]
        for entry in trend
    ]
    series = (
        selectors.benchmark_series(measure=item.benchmark_measure)
        if item.benchmark_measure
        else []
    )
    bench_rows = []
    for entry in series:
        comparison = entry["comparison"]
        if item.benchmark_complement:
            comparison = comparison.complement()

        def text(value: float | None) -> str:
            return presenters.value_text(item, value) if value is not None else "Not published"

        bench_rows.append(
            [
                entry["year"],
                text(comparison.own),
                text(comparison.england),
                text(comparison.region),
                f"{text(comparison.neighbours)} ({comparison.neighbours_counted} of 10)"
                if comparison.neighbours is not None
                else "Not published",
            ]
        )
    return render(
        request,
        "insight/figure.html",
        {
            "crumbs": _crumbs((view.label, _dashboard_url(view)), (item.title, "")),
            "item": item,
            "view": view,
            "row": row,
            "figure_text": presenters.figure_text(item, row.figure),
            "detail": presenters.figure_detail(item, row.figure),
            "members_label": presenters.members_label(item, row.figure),
            "target": presenters.target_status(
                item, now, selectors.target_for(item, row.target), on=row.on
            ),
            "trend_words": presenters.direction(
                item, now, presenters.figure_value(item, row.previous), on=row.on
            ),
            "months": months,
            "other_months": [m for m in TREND_MONTHS if m != months][0],
            "chart_url": f"{reverse('insight:chart', kwargs={'key': item.key})}"
            f"?scope={view.key}&months={months}",
            "trend_head": ["Month", "Figure", "Made of"],
            "trend_rows": trend_rows,
            "bench_head": [
                "Year to 31 March",
                "Our published figure",
                "England",
                "Region",
                "Statistical neighbours",
            ],
            "bench_rows": bench_rows,
            "comparison": row.comparison,
            "comparison_text": _comparison_sentence(item, row.comparison),
            "members_url": _with_scope("insight:members", view, key=item.key),
            "figure_url": _with_scope("insight:figure", view, key=item.key),
            "definition_url": reverse("insight:indicator_detail", kwargs={"key": item.key}),
            "dashboard_url": _dashboard_url(view),
        },
    )


def _comparison_sentence(item: Indicator, comparison: Any) -> str:
    if comparison is None:
        return ""

    def text(value: float | None) -> str:
        return "not published" if value is None else presenters.value_text(item, value)

    sentence = (
        f"DfE figures for the year to 31 March {comparison.year}: England "
        f"{text(comparison.england)}, {comparison.region_name or 'our region'} "
        f"{text(comparison.region)}, statistical neighbours {text(comparison.neighbours)} "
        f"(the average of {comparison.neighbours_counted} published)"
    )
    if comparison.own is not None:
        sentence += f"; our own published figure {text(comparison.own)}"
    return sentence + "."


# Charts are images: they may use matplotlib's inline styles, and nothing else; the page showing
# them keeps the strict policy.
@csp_replace(  # type: ignore[arg-type]
    {"default-src": [NONE], "style-src": [UNSAFE_INLINE], "script-src": [NONE], "img-src": [NONE]}
)
def chart(request: SignedInRequest, key: str) -> HttpResponse:
    item = selectors.indicator_or_404(key)
    view = _scope(request)
    trend = _trend(view, item, _months(request))
    target = selectors.targets_in_force(on=view.scope.on).get(item.key)
    comparison = selectors.comparison_for(
        item, selectors.comparisons([item.benchmark_measure] if item.benchmark_measure else [])
    )
    svg = cached_chart(charts.trend_svg)(
        [entry["label"] for entry in trend],
        [entry["value"] for entry in trend],
        ylabel={
            "percent": "Per cent",
            "average": item.value_unit.capitalize() or "Average",
            "money": "Pounds",
        }.get(item.unit, "Number"),
        target=selectors.target_for(item, target),
        england=comparison.england if comparison else None,
        percent=item.unit == PERCENT,
    )
    return HttpResponse(svg, content_type="image/svg+xml")


def members(request: SignedInRequest, key: str) -> HttpResponse:
    item = selectors.indicator_or_404(key)
    view = _scope(request)
    which = member_lists.which_list(request.GET)
    rows, arrangement = member_lists.arranged_rows(request.GET, item, view, which)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    list_query = f"scope={view.key}" + ("&list=not-counted" if which == "not-counted" else "")
    head, body = presenters.member_table(
        item, page.object_list, on=view.scope.on, arrangement=arrangement, base_query=list_query
    )
    base = _with_scope("insight:members", view, key=item.key)
    arranged_query = urlencode(arrangement.params()) if arrangement else ""
    everyone = member_lists.member_rows(item, view, which)
    return render(
        request,
        "insight/members.html",
        {
            "crumbs": _crumbs(
                (view.label, _dashboard_url(view)),
                (item.title, _with_scope("insight:figure", view, key=item.key)),
                ("Who is counted" if which == "counted" else "Who is not counted", ""),
            ),
            "item": item,
            "view": view,
            "which": which,
            "page": page,
            "head": head,
            "rows": body,
            "count": page.paginator.count,
            "counted_url": base,
            "not_counted_url": f"{base}&list=not-counted" if item.exceptions else "",
            "xlsx_url": reverse("insight:members_xlsx", kwargs={"key": item.key})
            + f"?{list_query}"
            + (f"&{arranged_query}" if arranged_query else ""),
            "definition_url": reverse("insight:indicator_detail", kwargs={"key": item.key}),
            "arrangement": arrangement,
            "sortable": bool(arrangement and arrangement.kind.sorts),
            # The filter form, and how many the whole list holds when it is narrowed (so "12
            # of 566" reconciles with the figure). A list about nobody (posts, say) has no
            # adviser to narrow by.
            "filters": forms.DrilldownFilterForm(
                initial={
                    "adviser_name": arrangement.adviser_name,
                    "no_adviser": arrangement.adviser == drilldown.NO_ADVISER,
                    "overdue": arrangement.overdue_only,
                },
                visits=arrangement.kind.visits,
            )
            if arrangement and arrangement.kind.person
            else None,
            "whole_count": everyone.count() if arrangement and arrangement.narrowed else None,
            "list_value": "not-counted" if which == "not-counted" else "",
            "clear_url": f"{reverse('insight:members', kwargs={'key': item.key})}?{list_query}",
        },
    )


@require_POST
def members_xlsx(request: SignedInRequest, key: str) -> HttpResponse:
    """Ask for the drill-down list as a spreadsheet: made in the background (at national size
    the service's list is 100,000 rows), then downloaded from its progress page."""
    job = services.members_file_request(acting_user=request.user, key=key, query=request.GET)
    return redirect("insight:members_progress", pk=job.pk)


def _members_job(request: SignedInRequest, pk: int) -> FileJob:
    """A drill-down spreadsheet: only for whoever asked for it, as it lists the young people
    they could see."""
    job = file_job_views.job_of_kinds(pk, [member_files.MEMBERS_FILE])
    if job.requested_by_id != request.user.pk:
        raise PermissionDenied
    # And only while they may still see that scope.
    selectors.scope_for(
        user=request.user, key=job.parameters.get("query", {}).get("scope", "service"), on=_today()
    )
    return job


@require_GET
def members_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    job = _members_job(request, pk)
    key = job.parameters.get("indicator", "")
    query = urlencode(job.parameters.get("query", {}))
    return file_job_views.progress_page(
        request,
        job,
        caption="Performance",
        file_url=reverse("insight:members_file", kwargs={"pk": job.pk}),
        back_url=reverse("insight:members", kwargs={"key": key}) + (f"?{query}" if query else ""),
        back_text="Back to the list",
    )


@require_GET
def members_file(request: SignedInRequest, pk: int) -> HttpResponseBase:
    job = _members_job(request, pk)
    return file_job_views.file_response(
        request, job, progress_url=reverse("insight:members_progress", kwargs={"pk": job.pk})
    )


# Definitions, targets and benchmarks -----------------------------------------------------------


@rule_required("insight.view_definitions")
def indicator_list(request: SignedInRequest) -> HttpResponse:
    areas: dict[str, list[Any]] = {}
    for item in all_indicators():
        areas.setdefault(item.area, []).append(
            [
                {
                    "text": item.title,
                    "href": reverse("insight:indicator_detail", kwargs={"key": item.key}),
                },
                presenters.unit_label(item),
                presenters.direction_of_travel_words(item),
            ]
        )
    ordered = [(presenters.area_title(key), areas[key]) for key in presenters.in_area_order(areas)]
    return render(
        request,
        "insight/indicator_list.html",
        {
            "crumbs": _crumbs(("Indicator definitions", "")),
            "areas": ordered,
            "head": ["Indicator", "Unit", "Which way is better"],
        },
    )


@rule_required("insight.view_definitions")
def indicator_detail(request: SignedInRequest, key: str) -> HttpResponse:
    item = selectors.indicator_or_404(key)
    comparison = selectors.comparison_for(
        item, selectors.comparisons([item.benchmark_measure] if item.benchmark_measure else [])
    )
    targets = (
        list(selectors.target_history(key=item.key))
        if has_perm("insight.view_targets", request.user)
        else []
    )
    rows = [
        {"key": "Judgement area", "value": presenters.area_title(item.area)},
        {"key": "Numerator", "value": item.numerator},
        {"key": "Denominator", "value": item.denominator},
        {"key": "Date basis", "value": item.period or "On the day"},
        {"key": "Source", "value": item.source},
        {"key": "Unit", "value": presenters.unit_label(item)},
        {"key": "Which way is better", "value": presenters.direction_of_travel_words(item)},
        {
            "key": "DfE benchmark measure",
            "value": item.benchmark_measure or "None (no national comparator)",
        },
    ]
    if item.benchmark_note:
        rows.append({"key": "How it compares", "value": item.benchmark_note})
    rows.append(
        {
            "key": "History",
            "value": "Rebuilt from records for past months"
            if item.as_at
            else "From the monthly snapshots only",
        }
    )
    return render(
        request,
        "insight/indicator_detail.html",
        {
            "crumbs": _crumbs(
                ("Indicator definitions", reverse("insight:indicator_list")), (item.title, "")
            ),
            "item": item,
            "rows": rows,
            "comparison_text": _comparison_sentence(item, comparison),
            "targets": targets,
            "can_set_target": has_perm("insight.set_targets", request.user),
            "can_see_service": has_perm("insight.view_service", request.user),
        },
    )


@rule_required("insight.view_targets")
def targets(request: SignedInRequest) -> HttpResponse:
    on = _today()
    in_force = selectors.targets_in_force(on=on)
    can_set = has_perm("insight.set_targets", request.user)
    rows = []
    for item in all_indicators():
        target = in_force.get(item.key)
        row: list[Any] = [
            {
                "text": item.title,
                "href": reverse("insight:indicator_detail", kwargs={"key": item.key}),
            },
            presenters.value_text(item, float(target.value)) if target else "No target set",
            target.effective_from if target else "",
            presenters.direction_of_travel_words(item),
        ]
        if can_set:
            row.append(
                {
                    "text": "Set target",
                    "href": reverse("insight:target_set", kwargs={"key": item.key}),
                }
            )
        rows.append(row)
    head: list[Any] = ["Indicator", "Target now", "In force from", "Which way is better"]
    if can_set:
        head.append({"text": "Change"})
    return render(
        request,
        "insight/targets.html",
        {"crumbs": _crumbs(("Targets", "")), "head": head, "rows": rows},
    )


@rule_required("insight.set_targets")
def target_set(request: SignedInRequest, key: str) -> HttpResponse:
    item = selectors.indicator_or_404(key)
    form = forms.TargetForm(request.POST or None, indicator=item)
    return saved_then_redirect(
        request,
        form,
        services.target_set,
        acting_user=request.user,
        indicator_key=item.key,
        message=f"Target set for {item.title}.",
        then=reverse("insight:indicator_detail", kwargs={"key": item.key}),
        page=lambda: render(
            request,
            "insight/target_form.html",
            {
                "crumbs": _crumbs(("Targets", reverse("insight:targets")), (item.title, "")),
                "item": item,
                "form": form,
                "history": list(selectors.target_history(key=item.key)),
            },
        ),
    )


@rule_required("insight.view_benchmarks")
def benchmarks(request: SignedInRequest) -> HttpResponse:
    found = selectors.comparisons(
        item.benchmark_measure for item in all_indicators() if item.benchmark_measure
    )
    rows = []
    for measure, comparison in sorted(found.items()):

        def text(value: float | None) -> str:
            return "Not published" if value is None else presenters.number(value)

        rows.append(
            [
                measure,
                comparison.year,
                text(comparison.own),
                text(comparison.england),
                text(comparison.region),
                f"{text(comparison.neighbours)} ({comparison.neighbours_counted} of 10)",
            ]
        )
    imports = [
        [
            entry.created_at,
            entry.get_kind_display(),
            entry.file_name,
            entry.rows,
            str(entry.created_by) if entry.created_by_id else "Shipped with the service",
        ]
        for entry in selectors.benchmark_imports()
    ]
    return render(
        request,
        "insight/benchmarks.html",
        {
            "crumbs": _crumbs(("Benchmarks", "")),
            "council": selectors.council_name(),
            "la_code": selectors.council_la_code(),
            "neighbours": selectors.neighbour_names(),
            "head": [
                "DfE measure",
                "Year",
                "Ours (published)",
                "England",
                "Region",
                "Statistical neighbours",
            ],
            "rows": rows,
            "import_head": ["Loaded", "What", "File", {"text": "Rows", "format": "numeric"}, "By"],
            "imports": imports,
            "can_upload": has_perm("insight.update_benchmarks", request.user),
        },
    )


@rule_required("insight.update_benchmarks")
def benchmark_upload(request: SignedInRequest) -> HttpResponse:
    form = forms.BenchmarkUploadForm(request.POST or None, request.FILES or None)
    row_errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imported = services.benchmarks_upload(
                acting_user=request.user,
                kind=form.cleaned_data["kind"],
                file_name=upload.name,
                content=upload.read(),
                source=form.cleaned_data["source"],
            )
        except services.UploadRefused as refused:
            row_errors = refused.row_errors
            form.add_error(
                "file",
                f"The file has {len(row_errors)} problem{'s' if len(row_errors) != 1 else ''}; "
                "nothing was changed. Each is listed below.",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            kind = BenchmarkKind(imported.kind).label
            messages.success(request, f"{kind} loaded: {imported.rows:,} rows.")
            return redirect("insight:benchmarks")
    return render(
        request,
        "insight/benchmark_upload.html",
        {
            "crumbs": _crumbs(("Benchmarks", reverse("insight:benchmarks")), ("Upload", "")),
            "form": form,
            "row_errors": row_errors[:500],
            "more_errors": max(0, len(row_errors) - 500),
        },
    )


# The self-assessment pack ----------------------------------------------------------------------


@rule_required("insight.view_pack")
def pack_page(request: SignedInRequest) -> HttpResponse:
    context = pack.pack_context(user=request.user, on=_today())
    context["crumbs"] = _crumbs(("Self-assessment pack", ""))
    return render(request, "insight/pack.html", context)


@rule_required("insight.view_pack")
@require_POST
def pack_pdf(request: SignedInRequest) -> HttpResponse:
    """Ask for the pack as a PDF: it is made in the background, and downloaded from its
    progress page by anyone who may read the pack."""
    job = services.pack_request(acting_user=request.user)
    return redirect("insight:pack_progress", pk=job.pk)


@rule_required("insight.view_pack")
@require_GET
def pack_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    job = file_job_views.job_of_kinds(pk, [pack.PACK_FILE])
    return file_job_views.progress_page(
        request,
        job,
        caption="Performance",
        file_url=reverse("insight:pack_file", kwargs={"pk": job.pk}),
        back_url=reverse("insight:pack"),
        back_text="Self-assessment pack",
    )


@rule_required("insight.view_pack")
@require_GET
def pack_file(request: SignedInRequest, pk: int) -> HttpResponseBase:
    job = file_job_views.job_of_kinds(pk, [pack.PACK_FILE])
    return file_job_views.file_response(
        request, job, progress_url=reverse("insight:pack_progress", kwargs={"pk": job.pk})
    )
