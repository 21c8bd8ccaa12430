"""Duty pages: the rota (who is on duty when), the office hours and out-of-hours service, and
the staff page for a young person's "I do not feel safe" (a duty alert).

Views are thin: they check permission (rules), parse the form, call one service or selector
and render.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from careleavers.casework import duty_forms, duty_presenters, duty_selectors, duty_services
from careleavers.casework.models import DutyRotaEntry
from careleavers.casework.services import young_person_url
from careleavers.core.forms.confirm import confirmed_then_redirect
from careleavers.core.forms.errors import add_service_errors
from careleavers.core.forms.submit import saved_then_redirect
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import can, rule_required
from careleavers.people.record_page import record_page, subject


def _week_href(day: datetime.date) -> str:
    return f"{reverse('casework:duty_rota')}?week={duty_selectors.week_start(day).isoformat()}"


def _week_from(request: SignedInRequest) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    return duty_selectors.week_start(day)


# The rota -------------------------------------------------------------------------------------


@rule_required("casework.view_duty_rota")
def duty_rota(request: SignedInRequest) -> HttpResponse:
    week = _week_from(request)
    policy = duty_selectors.duty_policy()
    can_change = can(request.user, "casework.change_duty_rota")
    return render(
        request,
        "casework/duty_rota.html",
        {
            "week": week,
            "days": duty_presenters.rota_days(
                duty_selectors.rota_week(starting=week),
                policy=policy,
                today=timezone.localdate(),
                can_change=can_change,
            ),
            "now": duty_presenters.on_duty_words(duty_selectors.on_duty_at(moment=timezone.now())),
            "policy_rows": duty_presenters.policy_rows(policy, can_change=can_change),
            "warnings": duty_presenters.policy_warnings(policy),
            "previous_href": _week_href(week - datetime.timedelta(days=7)),
            "next_href": _week_href(week + datetime.timedelta(days=7)),
            "this_week_href": _week_href(timezone.localdate()),
            "can_change": can_change,
        },
    )


def _rota_form_page(
    request: SignedInRequest, form: Any, *, title: str, entry: DutyRotaEntry | None = None
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            if entry is None:
                saved = duty_services.rota_entry_add(acting_user=request.user, **form.cleaned_data)
            else:
                saved = duty_services.rota_entry_change(
                    acting_user=request.user, entry=entry, **form.cleaned_data
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"{saved.worker.get_full_name()} is on duty on "
                f"{duty_presenters.day_words(saved.on)} from {saved.starts:%H:%M} to "
                f"{saved.ends:%H:%M}.",
            )
            return redirect(_week_href(saved.on))
    day = form.initial.get("on") or timezone.localdate()
    return render(
        request,
        "casework/duty_rota_form.html",
        {"form": form, "title": title, "back_href": _week_href(day)},
    )


@rule_required("casework.change_duty_rota")
def duty_rota_add(request: SignedInRequest) -> HttpResponse:
    policy = duty_selectors.duty_policy()
    try:
        on = datetime.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        on = timezone.localdate()
    form = duty_forms.RotaEntryForm(
        request.POST or None,
        initial={"on": on, "starts": policy.office_opens, "ends": policy.office_closes},
        user=request.user,
    )
    return _rota_form_page(request, form, title="Put someone on duty")


@rule_required("casework.change_duty_rota")
def duty_rota_change(request: SignedInRequest, pk: int) -> HttpResponse:
    entry = duty_selectors.rota_entry_for_page(pk=pk)
    form = duty_forms.RotaEntryForm(
        request.POST or None,
        initial=duty_forms.RotaEntryForm.initial_from(entry),
        user=request.user,
    )
    return _rota_form_page(request, form, title="Change who is on duty", entry=entry)


@rule_required("casework.change_duty_rota")
def duty_rota_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    entry = duty_selectors.rota_entry_for_page(pk=pk)
    back = _week_href(entry.on)
    return confirmed_then_redirect(
        request,
        lambda: duty_services.rota_entry_remove(acting_user=request.user, entry=entry),
        message=f"{entry.worker.get_full_name()} is no longer on duty on "
        f"{duty_presenters.day_words(entry.on)}.",
        then=back,
        page=lambda error: render(
            request,
            "casework/duty_rota_remove.html",
            {
                "entry": entry,
                "day": duty_presenters.day_words(entry.on),
                "heading": f"Take {entry.worker.get_full_name()} off the rota?",
                "caption": "Duty rota",
                "confirm_text": "Yes, take them off the rota",
                "cancel_text": "No, keep them on duty",
                "back_href": back,
                "back_text": "Back to the duty rota",
                "error": error,
            },
        ),
    )


@rule_required("casework.change_duty_rota")
def duty_settings(request: SignedInRequest) -> HttpResponse:
    policy = duty_selectors.duty_policy()
    form = duty_forms.DutyPolicyForm(
        request.POST or None, initial=duty_forms.DutyPolicyForm.initial_from(policy)
    )
    return saved_then_redirect(
        request,
        form,
        duty_services.duty_policy_change,
        acting_user=request.user,
        message="Office hours and the out-of-hours service saved.",
        then=reverse("casework:duty_rota"),
        page=lambda: render(
            request,
            "casework/duty_settings.html",
            {"form": form, "out_of_hours_phone": duty_presenters.out_of_hours_phone()},
        ),
    )


# A young person's "I do not feel safe" -------------------------------------------------------


@record_page(
    "duty alert",
    permission="casework.view_duty_alert",
    subject=subject("pk", lambda pk: duty_selectors.duty_alert_for_page(pk=pk)),
    tab="alerts",
)
def duty_alert(request: SignedInRequest, found: Any) -> HttpResponse:
    """The staff page for a duty alert: how to reach the young person and where they said
    they are, and who was sent it, with a banner when a message could not be sent."""
    young_person = found.young_person
    sent = list(found.messages.all())
    return render(
        request,
        "casework/duty_alert.html",
        {
            "duty_alert": found,
            "young_person": young_person,
            "record_url": young_person_url(young_person),
            "raised": duty_presenters.moment_words(found.raised_at),
            "sent_to": duty_presenters.sent_to_words(found),
            "failed": [message for message in sent if message.status == "failed"],
            "message_rows": duty_presenters.message_rows(sent),
            "recorded_phone": young_person.phone,
            "out_of_hours_phone": duty_presenters.out_of_hours_phone(),
            "can_view_log": can(request.user, "casework.view_duty_log"),
        },
    )
