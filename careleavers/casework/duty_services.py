"""Writes about duty: the rota, the office hours and out-of-hours service, and the urgent
messages ("duty alerts") a young person sends when they do not feel safe.

Each service takes keyword arguments with the acting user first, runs in one transaction and
writes its AuditEvent in it. Casework records which texts and emails a duty alert needs and
whether each one left; the portal sends them through its Notify interface once the alert is
committed, and reports each result back through `duty_alert_message_record`.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.casework import duty_selectors
from careleavers.casework.models import (
    Alert,
    DutyAlert,
    DutyAlertMessage,
    DutyAlertRecipient,
    DutyPolicy,
    DutyRotaEntry,
)
from careleavers.casework.phones import clean_uk_mobile
from careleavers.core.audit import audit_record, save_audited
from careleavers.core.council_settings_change import change_council_settings
from careleavers.core.models import AuditEvent
from careleavers.core.refusals import raise_if
from careleavers.people.models import YoungPerson

MOBILE_EXAMPLE = "like 07700 900 982"


# Office hours and the out-of-hours service ----------------------------------------------------


def duty_policy_change(
    *,
    acting_user: User,
    office_opens: datetime.time,
    office_closes: datetime.time,
    office_days: Collection[int],
    closed_on_bank_holidays: bool,
    out_of_hours_name: str,
    out_of_hours_mobile: str,
    out_of_hours_email: str,
    answer_within_working_days: int | None = None,
) -> DutyPolicy:
    """Change when the office is open and where urgent messages go out of hours."""
    errors: dict[str, str] = {}
    if office_closes <= office_opens:
        errors["office_closes"] = "The office must close after it opens"
    days = sorted({int(day) for day in office_days})
    if not days:
        errors["office_days"] = "Select the days the office is open"
    elif not set(days) <= set(range(7)):
        errors["office_days"] = "Select days of the week"
    name = " ".join(out_of_hours_name.split())
    if not name:
        errors["out_of_hours_name"] = "Enter the name of the out-of-hours service"
    mobile = ""
    if out_of_hours_mobile.strip():
        mobile = clean_uk_mobile(out_of_hours_mobile) or ""
        if not mobile:
            errors["out_of_hours_mobile"] = f"Enter a UK mobile number, {MOBILE_EXAMPLE}"
    raise_if(errors)
    values = {
        "office_opens": office_opens,
        "office_closes": office_closes,
        "office_days": days,
        "closed_on_bank_holidays": closed_on_bank_holidays,
        "out_of_hours_name": name,
        "out_of_hours_mobile": mobile,
        "out_of_hours_email": out_of_hours_email.strip().lower(),
        "answer_within_working_days": answer_within_working_days,
    }
    return change_council_settings(
        DutyPolicy, acting_user=acting_user, settings=values.keys(), values=values
    )


# The rota -------------------------------------------------------------------------------------


def _clean_rota_values(
    *,
    on: datetime.date,
    starts: datetime.time,
    ends: datetime.time,
    worker: Any,
    mobile: str,
    email: str,
    excluding: int | None = None,
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if on < timezone.localdate():
        errors["on"] = "The date must be today or in the future: past days are kept as they were"
    if ends <= starts:
        errors["ends"] = "The end time must be after the start time"
    if worker is None or not duty_selectors.rota_workers().filter(pk=worker.pk).exists():
        errors["worker"] = "Select someone who can be on duty"
    typed = mobile.strip() or (worker.phone if worker is not None else "")
    clean_mobile = clean_uk_mobile(typed) or ""
    if worker is not None and not clean_mobile:
        errors["mobile"] = (
            f"Enter a UK mobile number for urgent texts, {MOBILE_EXAMPLE}"
            if mobile.strip() or not worker.phone
            else f"{worker.get_full_name()}'s phone number is not a mobile: enter a UK mobile "
            f"number for urgent texts, {MOBILE_EXAMPLE}"
        )
    if "ends" not in errors:
        clash = duty_selectors.overlapping_entry(
            on=on, starts=starts, ends=ends, excluding=excluding
        )
        if clash is not None:
            errors["starts"] = (
                f"{clash.worker.get_full_name()} is on duty from {clash.starts:%H:%M} to "
                f"{clash.ends:%H:%M} that day: one person is on duty at a time"
            )
    raise_if(errors)
    return {
        "on": on,
        "starts": starts,
        "ends": ends,
        "worker": worker,
        "mobile": clean_mobile,
        "email": (email.strip() or worker.email).lower(),
    }


def rota_entry_add(
    *,
    acting_user: User,
    on: datetime.date,
    starts: datetime.time,
    ends: datetime.time,
    worker: Any,
    mobile: str = "",
    email: str = "",
) -> DutyRotaEntry:
    """Put someone on the duty rota. Their mobile and email default to their account's."""
    with transaction.atomic():
        # One rota change at a time, so two managers cannot book overlapping turns at once.
        DutyPolicy.objects.select_for_update().get(pk=DutyPolicy.current().pk)
        values = _clean_rota_values(
            on=on, starts=starts, ends=ends, worker=worker, mobile=mobile, email=email
        )
        entry = DutyRotaEntry(**values)
        save_audited(
            entry, acting_user=acting_user, detail=_rota_detail(entry), young_person_id=None
        )
    return entry


def rota_entry_change(
    *,
    acting_user: User,
    entry: DutyRotaEntry,
    on: datetime.date,
    starts: datetime.time,
    ends: datetime.time,
    worker: Any,
    mobile: str = "",
    email: str = "",
) -> DutyRotaEntry:
    with transaction.atomic():
        DutyPolicy.objects.select_for_update().get(pk=DutyPolicy.current().pk)
        locked = DutyRotaEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.on < timezone.localdate():
            raise ValidationError({"on": "Past days on the rota are kept as they were"})
        values = _clean_rota_values(
            on=on,
            starts=starts,
            ends=ends,
            worker=worker,
            mobile=mobile,
            email=email,
            excluding=locked.pk,
        )
        before = _rota_detail(locked)
        for name, value in values.items():
            setattr(locked, name, value)
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"before": before, "after": _rota_detail(locked)},
            young_person_id=None,
        )
    return locked


def rota_entry_remove(*, acting_user: User, entry: DutyRotaEntry) -> None:
    """Take someone off the rota (today or later: past days are kept as they were)."""
    with transaction.atomic():
        locked = DutyRotaEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.on < timezone.localdate():
            raise ValidationError("Past days on the rota are kept as they were")
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE,
            subject=locked,
            detail={"removed": _rota_detail(locked)},
        )
        locked.delete()


def _rota_detail(entry: DutyRotaEntry) -> dict[str, Any]:
    return {
        "on": entry.on.isoformat(),
        "starts": f"{entry.starts:%H:%M}",
        "ends": f"{entry.ends:%H:%M}",
        "worker": entry.worker_id,
        "mobile": entry.mobile,
        "email": entry.email,
    }


# Duty alerts ----------------------------------------------------------------------------------


def _message(
    *, channel: str, recipient: str, name: str, to: str, missing: str
) -> DutyAlertMessage:
    """A message waiting to be sent; one with nowhere to go is failed at once, saying why."""
    if to:
        return DutyAlertMessage(channel=channel, recipient=recipient, recipient_name=name, to=to)
    return DutyAlertMessage(
        channel=channel,
        recipient=recipient,
        recipient_name=name,
        status=DutyAlertMessage.Status.FAILED,
        failure=missing,
        attempted_at=timezone.now(),
    )


def duty_alert_raise(
    *,
    acting_user: User,
    young_person: YoungPerson,
    alert: Alert,
    raised_at: datetime.datetime,
    their_words: str = "",
    call_on: str = "",
    where: str = "",
    reply_link: str = "",
    adviser: Any = None,
) -> DutyAlert:
    """Record that a young person does not feel safe, and the texts and emails that must go:
    to the duty worker on the rota now (office hours) or the out-of-hours service (any other
    time, or when nobody is on the rota), and by email to their personal adviser when the
    office is open. The caller sends them once this is committed."""
    on_duty = duty_selectors.on_duty_at(moment=raised_at)
    service = "the out-of-hours service" if not on_duty.is_duty_worker else on_duty.name
    with transaction.atomic():
        duty_alert = DutyAlert.objects.create(
            young_person=young_person,
            alert=alert,
            raised_at=raised_at,
            their_words=their_words,
            call_on=call_on,
            where=where,
            in_office_hours=on_duty.in_office_hours,
            sent_to=on_duty.sent_to,
            sent_to_name=on_duty.name,
            duty_worker=on_duty.worker,
            nobody_on_rota=on_duty.nobody_on_rota,
            reply_link=reply_link[:300],
            created_by=acting_user,
            modified_by=acting_user,
        )
        messages = [
            _message(
                channel=DutyAlertMessage.Channel.SMS,
                recipient=on_duty.sent_to,
                name=on_duty.name,
                to=on_duty.mobile,
                missing=f"No mobile number is set for {service}",
            ),
            _message(
                channel=DutyAlertMessage.Channel.EMAIL,
                recipient=on_duty.sent_to,
                name=on_duty.name,
                to=on_duty.email,
                missing=f"No email address is set for {service}",
            ),
        ]
        if on_duty.in_office_hours and adviser is not None and adviser != on_duty.worker:
            messages.append(
                _message(
                    channel=DutyAlertMessage.Channel.EMAIL,
                    recipient=DutyAlertRecipient.ADVISER,
                    name=adviser.get_full_name(),
                    to=adviser.email,
                    missing="Their personal adviser has no email address",
                )
            )
        for message in messages:
            message.duty_alert = duty_alert
        DutyAlertMessage.objects.bulk_create(messages)
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=duty_alert,
            young_person_id=young_person.pk,
            detail={
                "event": "duty_alert_raised",
                "in_office_hours": on_duty.in_office_hours,
                "sent_to": on_duty.sent_to,
                "sent_to_name": on_duty.name,
                "duty_worker": on_duty.worker.pk if on_duty.worker else None,
                "nobody_on_rota": on_duty.nobody_on_rota,
                "messages": [
                    {
                        "channel": message.channel,
                        "recipient": message.recipient,
                        "to": message.to,
                        "status": message.status,
                        "failure": message.failure,
                    }
                    for message in messages
                ],
            },
        )
    return duty_alert


def duty_alert_message_record(
    *, acting_user: User | None, message: DutyAlertMessage, notify_id: str = "", failure: str = ""
) -> DutyAlertMessage:
    """Record whether a text or email left: sent, with Notify's id, or failed, with why."""
    with transaction.atomic():
        locked = (
            DutyAlertMessage.objects.select_for_update()
            .select_related("duty_alert")
            .get(pk=message.pk)
        )
        locked.status = DutyAlertMessage.Status.FAILED if failure else DutyAlertMessage.Status.SENT
        locked.notify_id = notify_id[:100]
        locked.failure = failure[:300]
        locked.attempted_at = timezone.now()
        locked.save(update_fields=["status", "notify_id", "failure", "attempted_at"])
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE,
            subject=locked.duty_alert,
            young_person_id=locked.duty_alert.young_person_id,
            detail={
                "event": f"duty_alert_message_{locked.status}",
                "message": locked.pk,
                "channel": locked.channel,
                "recipient": locked.recipient,
                "to": locked.to,
                "notify_id": locked.notify_id,
                "failure": locked.failure,
            },
        )
    return locked


def duty_alert_close(*, acting_user: User, duty_alert: DutyAlert) -> DutyAlert:
    """Someone has replied to the young person and marked it done: it leaves the trays."""
    with transaction.atomic():
        locked = DutyAlert.objects.select_for_update().get(pk=duty_alert.pk)
        if locked.closed_at is not None:
            return locked
        locked.closed_at = timezone.now()
        locked.closed_by = acting_user
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"event": "duty_alert_closed"},
            changed=["closed_at", "closed_by"],
        )
    return locked
