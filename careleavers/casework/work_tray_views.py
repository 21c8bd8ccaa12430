"""The work tray pages: the tray, narrowed and grouped (work_tray_triage.py), and the batch
action that does one thing to many of its items with one note (work_tray_batch.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from careleavers.casework import forms, presenters
from careleavers.casework.views import LIST_PAGE_SIZE, _safe_next
from careleavers.casework.work_tray import (
    MINE,
    TEAM,
    WorkTrayKind,
    scopes_for,
    work_tray_for,
    work_tray_kinds,
)
from careleavers.casework.work_tray_batch import (
    MOST_AT_ONCE,
    BatchAction,
    BatchRefused,
    batch_apply,
    batch_targets,
)
from careleavers.casework.work_tray_triage import counts, with_groups
from careleavers.core.audit import audit_record
from careleavers.core.forms.errors import add_service_errors
from careleavers.core.http import SignedInRequest
from careleavers.core.models import AuditEvent
from careleavers.core.permissions import can, rule_required


@require_safe
@rule_required("casework.view_work_tray")
def work_tray(request: SignedInRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    scopes = scopes_for(user)
    scope = request.GET.get("show", MINE)
    if scope not in scopes:
        scope = MINE
    everything = work_tray_for(user=user, today=today, scope=scope)
    kinds = {kind.kind: kind for kind in work_tray_kinds}
    labels = {key: kind.label for key, kind in kinds.items()}
    filters = forms.WorkTrayFilterForm(
        request.GET if {"kind", "worker", "due"} & set(request.GET) else None,
        labels=labels,
        team=scope == TEAM,
    )
    chosen = filters.tray_filter()
    tray_counts = counts(everything, chosen, today)
    filters.show_counts(tray_counts, chosen)
    items = chosen.chosen(everything, today)
    routine = {key for key, kind in kinds.items() if not kind.decision}
    rows = with_groups(items, grouping=not chosen.kind, routine=routine)
    page = Paginator(rows, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    batch = _batch_for(kinds.get(chosen.kind))
    on_page = [row for row in page.object_list if not presenters.is_group(row)]
    batch_ids = [item.batch_id for item in on_page if item.batch_id] if batch else []
    return render(
        request,
        "casework/work_tray.html",
        {
            "page": page,
            "rows": presenters.work_tray_rows(
                page.object_list,
                today=today,
                labels=labels,
                group_href=lambda kind: chosen.query(scope, kind=kind),
            ),
            "scope": scope,
            "can_switch": TEAM in scopes,
            "overdue_count": sum(1 for item in items if item.overdue),
            "urgent_count": sum(1 for item in items if item.urgent),
            # The actions column only when there is something to mark read: on a 320px phone
            # an empty column pushed the table off the screen.
            "has_actions": any(item.notification_id for item in on_page),
            "total": len(items),
            "everything": len(everything),
            "filters": filters,
            "is_filtering": bool(chosen),
            "kind_links": presenters.work_tray_kind_links(
                tray_counts.kinds,
                labels=labels,
                decisions=set(kinds) - routine,
                href=lambda kind: chosen.query(scope, kind=kind),
                current=chosen.kind,
            ),
            "batch": batch if batch_ids else None,
            "batch_kind": chosen.kind,
            "batch_ids": batch_ids,
            "next": request.get_full_path(),
        },
    )


def _batch_for(kind: WorkTrayKind | None) -> BatchAction | None:
    return kind.batch if kind is not None else None


def _chosen_ids(data: QueryDict) -> list[int]:
    """The items ticked; every item on the page when "all on this page" was ticked (which
    works without JavaScript: the page's ids travel with the form)."""
    values = data.getlist("on_page") if data.get("all_on_page") else data.getlist("item")
    return list(dict.fromkeys(int(value) for value in values if value.isdigit()))


@require_POST
@rule_required("casework.view_work_tray")
def work_tray_batch(request: SignedInRequest) -> HttpResponse:
    """Check what was chosen and ask for the one note; on confirming, do them all or none."""
    back = _safe_next(request, reverse("casework:work_tray"))
    key = request.POST.get("kind", "")
    kind = work_tray_kinds.get(key) if key in work_tray_kinds else None
    action = _batch_for(kind)
    if kind is None or action is None:
        messages.error(request, "Choose one kind of work in the tray before selecting items")
        return redirect(back)
    ids = _chosen_ids(request.POST)
    if not ids:
        messages.error(request, f"Select at least one item to {action.button.lower()}")
        return redirect(back)
    if len(ids) > MOST_AT_ONCE:
        messages.error(request, f"Select at most {MOST_AT_ONCE} items at a time")
        return redirect(back)
    confirming = "confirm" in request.POST
    form = forms.WorkTrayBatchForm(
        request.POST if confirming else None,
        label=action.note_label,
        hint=action.note_hint,
        missing=action.note_missing,
    )
    if confirming and form.is_valid():
        try:
            done = batch_apply(
                acting_user=request.user, action=action, ids=ids, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except BatchRefused as refused:
            form.add_error(
                None,
                f"Nothing was {action.done}, because {len(refused.failures)} of them "
                "could not be:",
            )
            for failure in refused.failures:
                form.add_error(None, str(failure))
        else:
            messages.success(request, f"{kind.label}: {_count(done, 'item')} {action.done}")
            return redirect(back)
    # Only what the user may do is listed; anything else is counted, and refused on confirming.
    targets = [
        target
        for target in batch_targets(action=action, ids=ids)
        if can(request.user, action.permission, target)
    ]
    _audit_batch_view(request, kind, targets)
    return render(
        request,
        "casework/work_tray_batch.html",
        {
            "form": form,
            "action": action,
            "kind": kind,
            "ids": ids,
            "targets": presenters.batch_targets(targets, summary=action.summary),
            "button": f"{action.button} ({len(ids)})",
            "not_listed": _not_listed(len(ids) - len(targets)),
            "back": back,
        },
    )


def _not_listed(count: int) -> str:
    if not count:
        return ""
    return (
        f"{_count(count, 'item')} you chose no longer need this or are not yours to do, so "
        "nothing can be done until you go back to the work tray and choose again."
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _audit_batch_view(request: SignedInRequest, kind: WorkTrayKind, targets: list[Any]) -> None:
    """The confirmation page lists several young people: one view event naming them all."""
    audit_record(
        acting_user=request.user,
        action=AuditEvent.Action.VIEW,
        subject_type="casework.work_tray_batch",
        detail={
            "kind": kind.kind,
            "young_people": [target.young_person.pk for target in targets],
        },
    )
