"""Duty in words, for staff pages: when a duty alert was raised, who it went to, office hours."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from careleavers.casework.duty_selectors import OnDuty, RotaDay
from careleavers.casework.models import DutyAlert, DutyAlertMessage, DutyPolicy, DutyRotaEntry
from careleavers.casework.phones import mobile_words
from careleavers.casework.working_hours import DAY_NAMES, bank_holidays_known_until
from careleavers.core.dates import format_date


def clock(value: datetime.time) -> str:
    return f"{value:%H:%M}"


def moment_words(value: datetime.datetime) -> str:
    """ "03:21 on Saturday 12 December 2026"."""
    local = timezone.localtime(value)
    return f"{local:%H:%M} on {local:%A} {format_date(local.date())}"


def day_words(day: datetime.date) -> str:
    return f"{day:%A} {format_date(day)}"


def office_days_words(days: list[int]) -> str:
    """ "Monday to Friday" for a run of days, or the days listed."""
    days = sorted(days)
    if not days:
        return "No days"
    # Translated (Django's own catalogue has the day names) where a young person's page shows
    # them; staff pages are in English.
    names = [gettext(DAY_NAMES[day]) for day in days]
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return gettext("%(first)s to %(last)s") % {"first": names[0], "last": names[-1]}
    if len(names) == 1:
        return names[0]
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def office_hours_words(policy: DutyPolicy) -> str:
    """ "Monday to Friday, 09:00 to 17:00, except bank holidays"."""
    words = gettext("%(days)s, %(opens)s to %(closes)s") % {
        "days": office_days_words(policy.office_days),
        "opens": clock(policy.office_opens),
        "closes": clock(policy.office_closes),
    }
    return words + (gettext(", except bank holidays") if policy.closed_on_bank_holidays else "")


def sent_to_words(duty_alert: DutyAlert) -> str:
    """Who it went to, for staff: "Sam Patel (duty worker)" or "Out-of-hours team (out of
    hours)", saying so when nobody was on the rota in office hours."""
    if duty_alert.duty_worker_id:
        return f"{duty_alert.sent_to_name} (duty worker)"
    if duty_alert.nobody_on_rota:
        return f"{duty_alert.sent_to_name}: nobody was on the duty rota at the time"
    return f"{duty_alert.sent_to_name} (out of hours)"


def call_words(duty_alert: DutyAlert) -> str:
    """The number to ring, on the one tray item: the one they gave, else the one on their
    record (callers select the young person with the alert)."""
    if duty_alert.call_on:
        return f"call them on {duty_alert.call_on}"
    if duty_alert.young_person.phone:
        return f"call them on {duty_alert.young_person.phone} (the number on their record)"
    return "contact them now"


def tray_title(duty_alert: DutyAlert) -> str:
    return f"Says they do not feel safe: {call_words(duty_alert)}"


def tray_detail(duty_alert: Any) -> str:
    parts = [f"Pressed at {moment_words(duty_alert.raised_at)}."]
    if duty_alert.where:
        where = " ".join(duty_alert.where.split())
        parts.append(f"Where they are: {where[:150]}.")
    parts.append(f"Sent to {sent_to_words(duty_alert)}.")
    if getattr(duty_alert, "failed_count", 0):
        parts.append("A message could not be sent.")
    return " ".join(parts)


def message_rows(messages: list[DutyAlertMessage]) -> list[dict[str, Any]]:
    """The texts and emails about a duty alert and whether each left, as summary list rows
    (a table runs off a phone's screen)."""
    rows = []
    for message in messages:
        who = f"{message.get_channel_display()} to {message.recipient_name}"
        to = f" to {mobile_words(message.to)}" if message.to else ""
        when = f" at {moment_words(message.attempted_at)}" if message.attempted_at else ""
        if message.status == DutyAlertMessage.Status.SENT:
            value = f"Sent{to}{when}"
        elif message.status == DutyAlertMessage.Status.FAILED:
            value = f"Not sent{when}: {message.failure}"
        else:
            value = f"Waiting to be sent{to}"
        rows.append({"key": who, "value": value})
    return rows


def out_of_hours_phone() -> str:
    """The number young people and staff call out of hours (OUT_OF_HOURS_PHONE), as shown on
    every page."""
    return str(settings.BRANDING["out_of_hours_phone"])


def on_duty_words(on_duty: OnDuty) -> str:
    """Who an urgent message would go to now, for the rota page."""
    if on_duty.is_duty_worker:
        entry = on_duty.entry
        until = f" until {clock(entry.ends)}" if entry is not None else ""
        return f"{on_duty.name} is the duty worker now{until}."
    if on_duty.nobody_on_rota:
        return (
            "Nobody is on the duty rota now, although the office is open: urgent messages "
            f"from young people go to {on_duty.name}, the out-of-hours service."
        )
    return (
        f"The office is closed now: urgent messages from young people go to {on_duty.name}, "
        "the out-of-hours service."
    )


def _gaps(opens: datetime.time, closes: datetime.time, entries: list[DutyRotaEntry]) -> list[str]:
    """The parts of office hours with nobody on the rota."""
    gaps = []
    start = opens
    for entry in sorted(entries, key=lambda entry: entry.starts):
        if entry.starts > start:
            gaps.append(f"{clock(start)} to {clock(min(entry.starts, closes))}")
        start = max(start, entry.ends)
        if start >= closes:
            break
    if start < closes:
        gaps.append(f"{clock(start)} to {clock(closes)}")
    return gaps


def rota_days(
    days: list[RotaDay], *, policy: DutyPolicy, today: datetime.date, can_change: bool
) -> list[dict[str, Any]]:
    rows = []
    for day in days:
        may_change = can_change and day.on >= today
        rows.append(
            {
                "heading": day_words(day.on),
                "is_today": day.on == today,
                "closed_because": day.closed_because,
                "entries": [
                    {
                        "times": f"{clock(entry.starts)} to {clock(entry.ends)}",
                        "name": entry.worker.get_full_name(),
                        "mobile": mobile_words(entry.mobile),
                        "tel": entry.mobile,
                        "email": entry.email,
                        "change_href": (
                            reverse("casework:duty_rota_change", kwargs={"pk": entry.pk})
                            if may_change
                            else ""
                        ),
                        "remove_href": (
                            reverse("casework:duty_rota_remove", kwargs={"pk": entry.pk})
                            if may_change
                            else ""
                        ),
                    }
                    for entry in day.entries
                ],
                "gaps": (
                    _gaps(policy.office_opens, policy.office_closes, day.entries)
                    if day.is_office_day
                    else []
                ),
                "add_href": (
                    f"{reverse('casework:duty_rota_add')}?on={day.on.isoformat()}"
                    if may_change and day.is_office_day
                    else ""
                ),
            }
        )
    return rows


def policy_rows(policy: DutyPolicy, *, can_change: bool) -> list[dict[str, Any]]:
    href = reverse("casework:duty_settings") if can_change else ""
    rows = [
        {"key": "Office hours", "value": office_hours_words(policy)},
        {"key": "Out-of-hours service", "value": policy.out_of_hours_name},
        {"key": "Number young people call out of hours", "value": out_of_hours_phone()},
        {
            "key": "Urgent texts out of hours go to",
            "value": mobile_words(policy.out_of_hours_mobile) or "Nobody: no mobile number is set",
        },
        {
            "key": "Urgent emails out of hours go to",
            "value": policy.out_of_hours_email or "Nobody: no email address is set",
        },
    ]
    if href:
        for row in rows:
            if row["key"] != "Number young people call out of hours":
                row["href"] = href
    return rows


def policy_warnings(policy: DutyPolicy) -> list[str]:
    """What would stop an urgent message reaching the out-of-hours service, and when the
    shipped list of bank holidays runs out."""
    warnings = []
    if not policy.out_of_hours_mobile:
        warnings.append(
            "Urgent texts cannot reach the out-of-hours service: set its mobile number."
        )
    if not policy.out_of_hours_email:
        warnings.append(
            "Urgent emails cannot reach the out-of-hours service: set its email address."
        )
    known_until = bank_holidays_known_until()
    if policy.closed_on_bank_holidays and known_until < timezone.localdate() + datetime.timedelta(
        days=365
    ):
        warnings.append(
            f"Bank holidays are known until {format_date(known_until)}. After that, ask for the "
            "service to be updated, or the office counts as open on bank holidays."
        )
    return warnings


def open_alert_rows(duty_alerts: Any) -> list[dict[str, Any]]:
    """Young people who said they do not feel safe and have not been replied to yet, for the
    duty log page, saying when a message could not be sent."""
    return [
        {
            "name": duty_alert.young_person.display_name,
            "call": call_words(duty_alert),
            "detail": tray_detail(duty_alert),
            "href": reverse("casework:duty_alert", kwargs={"pk": duty_alert.pk}),
            "failed": bool(duty_alert.failed_count),
        }
        for duty_alert in duty_alerts
    ]
