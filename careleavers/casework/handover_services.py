"""Handovers planned ahead: a new worker takes over on a day to come, after an introduction.

Young people told inspectors that changes of worker came without warning. A manager can now
agree the day ahead (up to `FURTHEST_AHEAD`), book a visit for the new worker to meet them, and
cancel the plan if it changes. On the day the nightly job makes the change with
`services.allocation_change`, so a planned change is counted, audited and told exactly as one
made on the day. Until then the current worker keeps the young person.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.casework import appointment_services, services
from careleavers.casework.models import (
    ALLOCATION_REASONS,
    Allocation,
    AppointmentKind,
    PlannedHandover,
    WorkerRole,
)
from careleavers.core.audit import audit_record, create_audited
from careleavers.core.concurrency import StaleEdit
from careleavers.core.dates import format_date
from careleavers.core.models import AuditEvent
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import young_people_visible_to

logger = logging.getLogger(__name__)

# How far ahead a handover may be planned: a quarter is enough to cover a notice period.
FURTHEST_AHEAD = datetime.timedelta(days=90)


def handover_plan(
    *,
    acting_user: User,
    young_person: YoungPerson,
    role: str,
    worker: User,
    reason: str,
    starts_on: datetime.date,
    reason_note: str = "",
    replacing: int | None = None,
    introduction_at: datetime.datetime | None = None,
    introduction_place: str = "",
) -> PlannedHandover:
    """Plan for `worker` to take over on `starts_on`, with an introduction visit if given."""
    role = WorkerRole(role)
    label = role.label.lower()
    today = timezone.localdate()
    if starts_on <= today:
        raise ValidationError({"start": "A planned handover starts after today"})
    if starts_on > today + FURTHEST_AHEAD:
        raise ValidationError(
            {"start": "A handover can be planned up to 90 days ahead. Choose an earlier day"}
        )
    if not (worker.is_active and worker.has_role(services.ROLE_NEEDED[role])):
        raise ValidationError({"worker": f"{worker} is not a {label}. Choose a {label}."})
    if reason not in dict(ALLOCATION_REASONS):
        raise ValidationError({"reason": "Select the reason for this allocation"})
    if introduction_at is not None and timezone.localtime(introduction_at).date() > starts_on:
        raise ValidationError(
            {"introduction_on": "The introduction must be on or before the day they take over"}
        )
    with transaction.atomic():
        locked = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        current = Allocation.objects.filter(
            young_person=locked, role=role, end__isnull=True
        ).first()
        if replacing is not None and replacing != (current.pk if current else 0):
            raise services.allocation_changed(current, label=label)
        if current is not None and current.worker_id == worker.pk:
            raise ValidationError({"worker": f"{worker} is already their {label}"})
        if current is not None and reason == "FIRST":
            raise ValidationError(
                {"reason": f"This is not their first {label}. Select the reason for the change"}
            )
        planned = PlannedHandover.objects.filter(
            young_person=locked, role=role, allocation__isnull=True, cancelled_at__isnull=True
        ).first()
        if planned is not None:
            raise ValidationError(
                f"{planned.to_worker} is already planned to take over on "
                f"{format_date(planned.starts_on)}. Cancel that plan first."
            )
        introduction = None
        if introduction_at is not None:
            introduction = appointment_services.appointment_book(
                acting_user=acting_user,
                young_person=locked,
                worker=worker,
                kind=AppointmentKind.MEETING,
                starts_at=introduction_at,
                place=introduction_place,
                note=f"To meet {worker.first_name}, your {label} from {format_date(starts_on)}.",
            )
        handover = create_audited(
            PlannedHandover,
            acting_user=acting_user,
            young_person_id=locked.pk,
            detail={
                "role": str(role),
                "worker": worker.pk,
                "starts_on": starts_on.isoformat(),
                "current_worker": current.worker_id if current else None,
                "introduction": introduction.pk if introduction else None,
            },
            young_person=locked,
            role=role,
            to_worker=worker,
            starts_on=starts_on,
            reason=reason,
            reason_note=reason_note,
            introduction=introduction,
        )
        url = services.young_person_url(locked)
        services.notify_on_commit(
            recipient_ids=[worker.pk],
            young_person_id=locked.pk,
            kind="allocation",
            message=(
                f"You will be {locked.display_name}'s {label} from {format_date(starts_on)}. "
                "Read their \u201cabout me\u201d first."
            ),
            link=url,
        )
        if current is not None and current.worker_id != acting_user.pk:
            services.notify_on_commit(
                recipient_ids=[current.worker_id],
                young_person_id=locked.pk,
                kind="allocation",
                message=(
                    f"{worker.get_full_name()} takes over as {locked.display_name}'s {label} "
                    f"on {format_date(starts_on)}."
                ),
                link=url,
            )
    return handover


def handover_cancel(
    *, acting_user: User, handover: PlannedHandover, reason: str
) -> PlannedHandover:
    """Cancel a planned handover (and its introduction visit, if still to come)."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the handover is cancelled"})
    with transaction.atomic():
        locked = PlannedHandover.objects.select_for_update().get(pk=handover.pk)
        if not locked.is_open:
            raise ValidationError("This handover has already been made or cancelled.")
        locked.cancelled_at = timezone.now()
        locked.cancelled_reason = reason.strip()
        locked.modified_by = acting_user
        locked.save()
        introduction = locked.introduction
        if (
            introduction is not None
            and not introduction.is_cancelled
            and introduction.starts_at > timezone.now()
        ):
            appointment_services.appointment_cancel(
                acting_user=acting_user,
                appointment=introduction,
                reason="The change of worker was cancelled",
            )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CHANGE,
            subject=locked,
            young_person_id=locked.young_person_id,
            detail={"event": "cancelled", "reason": locked.cancelled_reason},
        )
    return locked


def handovers_make(today: datetime.date) -> str:
    """The nightly job: make each planned handover whose day has come. One that cannot be made
    (say the new worker has left) stays planned with why, and is tried again the next night."""
    due = PlannedHandover.objects.filter(
        starts_on__lte=today, allocation__isnull=True, cancelled_at__isnull=True
    ).select_related("young_person", "to_worker", "created_by")
    made = failed = 0
    for handover in due:
        # The change is made on behalf of the manager who planned it, and audited as theirs.
        planner = handover.created_by
        try:
            if planner is None:
                raise ValidationError("Nobody is recorded as planning it")
            with transaction.atomic():
                allocation = services.allocation_change(
                    acting_user=planner,
                    young_person=handover.young_person,
                    role=handover.role,
                    worker=handover.to_worker,
                    reason=handover.reason,
                    reason_note=handover.reason_note,
                    start=handover.starts_on,
                )
                handover.allocation = allocation
                handover.failed_reason = ""
                handover.save(update_fields=["allocation", "failed_reason", "modified_at"])
            made += 1
        except ValidationError as error:
            with transaction.atomic():
                handover.failed_reason = " ".join(error.messages)[:500]
                handover.save(update_fields=["failed_reason", "modified_at"])
                if planner is not None:
                    services.notify_on_commit(
                        recipient_ids=[planner.pk],
                        young_person_id=handover.young_person_id,
                        kind="allocation",
                        message=(
                            f"{handover.to_worker.get_full_name()} could not take over from "
                            f"{format_date(handover.starts_on)} as planned: "
                            f"{handover.failed_reason} Change or cancel the plan."
                        ),
                        link=services.young_person_url(handover.young_person),
                        urgent=True,
                    )
            failed += 1
            logger.warning("Planned handover %s could not be made: %s", handover.pk, error)
    return f"{made} planned handover{'' if made == 1 else 's'} made, {failed} could not be"


@dataclass(frozen=True)
class CaseloadMove:
    moved: list[Allocation | PlannedHandover]
    left: int  # young people on the caseload the manager cannot open (restricted records)


def caseload_reallocate(
    *,
    acting_user: User,
    from_worker: Any,
    to_worker: Any,
    role: str,
    reason: str,
    reason_note: str = "",
    start: datetime.date | None = None,
) -> CaseloadMove:
    """Move a worker's whole caseload in one role to another worker: today, or planned for a day
    to come (a planned handover for each young person).

    Each young person is reallocated by `allocation_change` (or `handover_plan`), so each gets
    their own allocation, audit event and notice, exactly as if done one by one. It is all or
    nothing: if any one cannot be moved (say the new worker already works with them), nothing is
    moved and the error names them. Records the manager cannot open are left, and counted, for
    a manager named on them.
    """
    if from_worker.pk == to_worker.pk:
        raise ValidationError({"worker": "Choose a different worker from the one leaving"})
    current = list(
        Allocation.objects.filter(worker=from_worker, role=role, end__isnull=True)
        .select_related("young_person")
        .order_by("young_person__last_name", "young_person__first_name", "pk")
    )
    can_open = set(
        young_people_visible_to(user=acting_user)
        .filter(pk__in=[a.young_person_id for a in current])
        .values_list("pk", flat=True)
    )
    visible = [a for a in current if a.young_person_id in can_open]
    if not visible:
        raise ValidationError(
            {"worker": f"{from_worker} has nobody allocated as {WorkerRole(role).label.lower()}"}
        )
    moved = []
    with transaction.atomic():
        for allocation in visible:
            try:
                moved.append(
                    _change_or_plan(
                        acting_user=acting_user,
                        young_person=allocation.young_person,
                        role=role,
                        worker=to_worker,
                        reason=reason,
                        reason_note=reason_note,
                        start=start,
                        replacing=allocation.pk,
                    )
                )
            except (ValidationError, StaleEdit) as error:
                name = allocation.young_person.display_name
                why = (
                    " ".join(error.messages)
                    if isinstance(error, ValidationError)
                    else ("Someone changed their worker while you were moving the caseload.")
                )
                raise ValidationError(f"Nobody was moved: {name} could not be. {why}") from error
    return CaseloadMove(moved=moved, left=len(current) - len(visible))


def _change_or_plan(*, start: datetime.date | None, **change: Any) -> Allocation | PlannedHandover:
    """A change today (or on a day gone), or a handover planned for a day to come."""
    if start is not None and start > timezone.localdate():
        return handover_plan(**change, starts_on=start)
    return services.allocation_change(**change, start=start)
