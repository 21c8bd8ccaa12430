"""Views of the shell: home, health check, audit log, accessibility statement, error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from careleavers.accounts.roles import Role
from careleavers.core import selectors
from careleavers.core.audit_changes import settings_changes
from careleavers.core.forms.audit_log import AuditLogFilterForm
from careleavers.core.home import descriptions as home_descriptions
from careleavers.core.home import home_panels_for, home_sections_for
from careleavers.core.navigation import SECTIONS, section_entries


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.has_role(Role.YOUNG_PERSON):  # type: ignore[union-attr]
        # A young person's home is their own pages; the staff home would only show them
        # "Role: Young person, Team: Not in a team".
        return redirect("portal:home")
    return render(
        request,
        "core/home.html",
        {
            "panels": home_panels_for(user=user),
            "sections": home_sections_for(user=user),
            "is_staff_member": user.is_staff_member,  # type: ignore[union-attr]
        },
    )


@require_GET
def nav_section(request: HttpRequest, key: str) -> HttpResponse:
    """One section of the navigation: the pages in it the user may open, with what each is for."""
    section = SECTIONS.get(key)
    if section is None:
        raise Http404("No such section")
    if request.user.has_role(Role.YOUNG_PERSON):  # type: ignore[union-attr]
        raise PermissionDenied  # a young person's pages have their own menu
    said = home_descriptions()
    links = [
        {**link, "description": said.get(link["url_name"], "")}
        for link in section_entries(user=request.user, section=key)
    ]
    return render(request, "core/nav_section.html", {"section": section, "links": links})


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception as error:  # noqa: BLE001 - any failure means the database is unavailable
        database = f"unavailable: {type(error).__name__}"
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database},
        status=200 if healthy else 503,
    )


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@permission_required("core.view_audit_log", raise_exception=True)
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    events = selectors.audit_events_filtered(
        young_person_id=filters.get("young_person_id"),
        actor_id=filters["actor"].pk if filters.get("actor") else None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        action=filters.get("action", ""),
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    rows = [(event, settings_changes(event)) for event in page.object_list]
    return render(request, "core/audit_log.html", {"form": form, "page": page, "rows": rows})


def _render_error(request: HttpRequest, template: str, status: int) -> HttpResponse:
    # The error pages must render even when the request failed half way, so they take only
    # what they need rather than relying on every context processor having worked.
    context = {"branding": settings.BRANDING, "request": request, "nav_items": []}
    return HttpResponse(loader.render_to_string(template, context), status=status)


@login_not_required
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render_error(request, "403.html", 403)


@login_not_required
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render_error(request, "404.html", 404)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    return _render_error(request, "500.html", 500)
