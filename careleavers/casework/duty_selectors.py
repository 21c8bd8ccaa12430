"""Reads about duty: who is on duty at a moment (the rota in office hours, the out-of-hours
service otherwise), the rota by week, and young people's urgent messages ("duty alerts")."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.models import (
    DutyAlert,
    DutyAlertMessage,
    DutyAlertRecipient,
    DutyPolicy,
    DutyRotaEntry,
)
from careleavers.casework.phones import clean_uk_mobile
from careleavers.casework.working_hours import add_working_days, bank_holidays, is_office_hours
from careleavers.people.selectors import young_people_visible_to

# Who may be put on the duty rota: the duty workers, and the caseworkers and managers who take
# a turn on duty in smaller teams.
ROTA_ROLES = (
    Role.DUTY_WORKER,
    Role.PERSONAL_ADVISER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HEAD_OF_SERVICE,
)


def duty_policy() -> DutyPolicy:
    return DutyPolicy.current()


def closed_days(policy: DutyPolicy) -> dict[datetime.date, str]:
    """Days the office is closed although they are office days, with the reason."""
    return dict(bank_holidays()) if policy.closed_on_bank_holidays else {}


def answer_due_on(asked_on: datetime.date, policy: DutyPolicy | None = None) -> datetime.date:
    """By when a young person can expect an answer to something asked on `asked_on`."""
    policy = policy or duty_policy()
    return add_working_days(
        asked_on,
        policy.answer_within_working_days,
        office_days=frozenset(policy.office_days),
        closed_days=closed_days(policy),
    )


def in_office_hours(*, moment: datetime.datetime, policy: DutyPolicy | None = None) -> bool:
    policy = policy or duty_policy()
    return is_office_hours(
        timezone.localtime(moment).replace(tzinfo=None),
        opens=policy.office_opens,
        closes=policy.office_closes,
        office_days=frozenset(policy.office_days),
        closed_days=closed_days(policy),
    )


@dataclass(frozen=True)
class OnDuty:
    """Who an urgent message goes to at one moment."""

    at: datetime.datetime
    in_office_hours: bool
    sent_to: str  # a DutyAlertRecipient: the duty worker or the out-of-hours service
    name: str
    mobile: str
    email: str
    worker: Any = None
    # Office hours, but nobody is on the rota now: the out-of-hours service covers.
    nobody_on_rota: bool = False
    entry: DutyRotaEntry | None = field(default=None, compare=False)

    @property
    def is_duty_worker(self) -> bool:
        return self.sent_to == DutyAlertRecipient.DUTY_WORKER


def on_duty_at(*, moment: datetime.datetime) -> OnDuty:
    """Who is on duty at `moment`: in office hours, the duty worker on the rota then; at any
    other time, or when nobody is on the rota, the out-of-hours service."""
    policy = duty_policy()
    local = timezone.localtime(moment)
    open_now = in_office_hours(moment=moment, policy=policy)
    if open_now:
        entry = (
            DutyRotaEntry.objects.select_related("worker")
            .filter(
                on=local.date(),
                starts__lte=local.time(),
                ends__gt=local.time(),
                worker__is_active=True,
            )
            .order_by("starts", "pk")
            .first()
        )
        if entry is not None:
            return OnDuty(
                at=moment,
                in_office_hours=True,
                sent_to=DutyAlertRecipient.DUTY_WORKER,
                name=entry.worker.get_full_name(),
                mobile=entry.mobile,
                email=entry.email,
                worker=entry.worker,
                entry=entry,
            )
    return OnDuty(
        at=moment,
        in_office_hours=open_now,
        sent_to=DutyAlertRecipient.OUT_OF_HOURS,
        name=policy.out_of_hours_name,
        # Typed in the admin, it may have spaces in it.
        mobile=clean_uk_mobile(policy.out_of_hours_mobile) or policy.out_of_hours_mobile,
        email=policy.out_of_hours_email,
        nobody_on_rota=open_now,
    )


# The rota -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RotaDay:
    on: datetime.date
    is_office_day: bool
    closed_because: str  # "" on an office day; "Weekend", or the bank holiday's name
    entries: list[DutyRotaEntry]


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of the week `day` is in."""
    return day - datetime.timedelta(days=day.weekday())


def rota_week(*, starting: datetime.date) -> list[RotaDay]:
    """The seven days from `starting` (a Monday), each with who is on the rota, in one query."""
    policy = duty_policy()
    closed = closed_days(policy)
    days = [starting + datetime.timedelta(days=offset) for offset in range(7)]
    entries: dict[datetime.date, list[DutyRotaEntry]] = {day: [] for day in days}
    for entry in DutyRotaEntry.objects.filter(on__range=(days[0], days[-1])).select_related(
        "worker"
    ):
        entries[entry.on].append(entry)
    result = []
    for day in days:
        if day.weekday() not in policy.office_days:
            because = "Not an office day"
        else:
            because = closed.get(day, "")
        result.append(
            RotaDay(
                on=day, is_office_day=not because, closed_because=because, entries=entries[day]
            )
        )
    return result


def rota_workers() -> QuerySet[User]:
    """Staff who may be put on the duty rota, by name."""
    today = timezone.localdate()
    return (
        User.objects.filter(is_active=True, groups__name__in=[role.value for role in ROTA_ROLES])
        .filter(Q(access_expires_on__isnull=True) | Q(access_expires_on__gte=today))
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


def rota_entry_for_page(*, pk: int) -> DutyRotaEntry:
    return get_object_or_404(DutyRotaEntry.objects.select_related("worker"), pk=pk)


def overlapping_entry(
    *,
    on: datetime.date,
    starts: datetime.time,
    ends: datetime.time,
    excluding: int | None = None,
) -> DutyRotaEntry | None:
    """Another entry on the day whose times overlap these: one duty worker at a time."""
    entries = DutyRotaEntry.objects.select_related("worker").filter(
        on=on, starts__lt=ends, ends__gt=starts
    )
    if excluding is not None:
        entries = entries.exclude(pk=excluding)
    return entries.order_by("starts").first()


# Duty alerts ----------------------------------------------------------------------------------


def duty_alert_for_page(*, pk: int) -> DutyAlert:
    """A duty alert by id, with its young person and messages; permission is checked next."""
    return get_object_or_404(
        DutyAlert.objects.select_related(
            "young_person", "alert", "duty_worker", "closed_by"
        ).prefetch_related("messages"),
        pk=pk,
        young_person__archived_at__isnull=True,
    )


def waiting_messages(*, duty_alert_id: int) -> list[DutyAlertMessage]:
    return list(
        DutyAlertMessage.objects.filter(
            duty_alert_id=duty_alert_id, status=DutyAlertMessage.Status.WAITING
        ).order_by("pk")
    )


def messages_to_retry(*, duty_alert_id: int) -> list[DutyAlertMessage]:
    """A duty alert's messages not yet sent: waiting, or failed and to be tried again."""
    return list(
        DutyAlertMessage.objects.filter(
            duty_alert_id=duty_alert_id,
            status__in=[DutyAlertMessage.Status.WAITING, DutyAlertMessage.Status.FAILED],
        ).order_by("pk")
    )


def open_duty_alerts(*, user: Any) -> QuerySet[DutyAlert]:
    """Duty alerts not yet dealt with, about young people the user can see, oldest first (for
    the duty log page), with `failed_count`: how many of their messages could not be sent."""
    from django.db.models import Count

    return (
        DutyAlert.objects.filter(
            closed_at__isnull=True,
            young_person__in=young_people_visible_to(user=user).order_by().values("pk"),
        )
        .select_related("young_person")
        .annotate(
            failed_count=Count(
                "messages", filter=Q(messages__status=DutyAlertMessage.Status.FAILED)
            )
        )
        .order_by("raised_at", "pk")
    )
