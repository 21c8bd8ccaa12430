"""Casework writes: allocations, contacts, case notes, alerts, the duty log and notifications.

Every service takes keyword arguments with the acting user first, runs in one transaction,
writes its AuditEvent in that transaction and creates in-app notifications only once the
transaction has committed, so nobody is told about something that was then rolled back.
Business rules refuse bad input with a `ValidationError` keyed by field, which views show next
to the field; permissions are checked by the views through `rules` before a service is called.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.accounts.roles import Role
from careleavers.casework.contact_due import contact_due_inputs_for
from careleavers.casework.contact_standard import ContactStandard, next_contact_due
from careleavers.casework.models import (
    ALLOCATION_REASONS,
    Alert,
    Allocation,
    CaseNote,
    Contact,
    ContactAmendment,
    ContactPolicy,
    DutyLogEntry,
    InTouchStatus,
    KeepingInTouch,
    Notification,
    WorkerRole,
)
from careleavers.core.audit import audit_record, create_audited, save_audited
from careleavers.core.concurrency import StaleEdit, refuse_if_stale
from careleavers.core.dates import birthday, format_date
from careleavers.core.models import AuditEvent
from careleavers.core.past_days import not_after_today, refuse_after_today
from careleavers.core.refusals import raise_if
from careleavers.core.submissions import create_once, created_by
from careleavers.people.models import YoungPerson
from careleavers.people.selectors import can_see_young_person

ROLE_NEEDED = {
    WorkerRole.PERSONAL_ADVISER: Role.PERSONAL_ADVISER,
    WorkerRole.SOCIAL_WORKER: Role.SOCIAL_WORKER,
}

# The fields of a contact that a correction or an amendment may change, in form order.
CONTACT_FIELDS = (
    "occurred_at",
    "worker",
    "method",
    "made_contact",
    "failed_reason",
    "seen",
    "seen_alone",
    "purpose",
    "young_persons_views",
    "notes",
    "written_to_young_person",
)
# Seeing someone needs to be in the same room: these methods cannot count as a visit.
REMOTE_METHODS = frozenset({"phone", "video", "message"})


class CorrectionNotAllowed(Exception):
    """Only the author may correct, and only within the correction window."""


def _now() -> datetime.datetime:
    return timezone.now()


def notify_on_commit(
    *,
    recipient_ids: Iterable[int],
    young_person_id: int | None,
    kind: str,
    message: str,
    link: str,
    urgent: bool = False,
) -> None:
    """Tell workers something in their work tray once the change that caused it is committed
    (a rolled-back change must not leave a message about something that never happened)."""
    recipients = sorted(set(recipient_ids))
    if not recipients:
        return

    def create() -> None:
        Notification.objects.bulk_create(
            [
                Notification(
                    recipient_id=recipient_id,
                    young_person_id=young_person_id,
                    kind=kind,
                    message=message[:500],
                    link=link[:300],
                    urgent=urgent,
                )
                for recipient_id in recipients
            ]
        )

    transaction.on_commit(create)


def young_person_url(young_person: YoungPerson) -> str:
    """The young person's overview (the people app's page)."""
    from django.urls import NoReverseMatch

    try:
        return reverse("people:overview", kwargs={"pk": young_person.pk})
    except NoReverseMatch:
        return reverse("casework:allocation_history", kwargs={"pk": young_person.pk})


def current_worker_ids(*, young_person_id: int) -> list[int]:
    return list(
        Allocation.objects.filter(young_person_id=young_person_id, end__isnull=True).values_list(
            "worker_id", flat=True
        )
    )


# Allocation -----------------------------------------------------------------------------------


def allocation_change(
    *,
    acting_user: User,
    young_person: YoungPerson,
    role: str,
    worker: Any,
    reason: str,
    reason_note: str = "",
    start: datetime.date | None = None,
    replacing: int | None = None,
) -> Allocation:
    """Allocate a personal adviser or social worker, ending whoever held that role.

    Every change keeps its reason (DfE SW_REASON or a local reason). A new allocation that
    replaces an earlier worker in the same role is a "worker change", which the record counts.

    `replacing` is the current allocation the manager saw when they opened the form (its id, or
    0 for nobody). If someone else has changed the worker since, nothing is saved and StaleEdit
    says who: two managers reallocating one young person at once make one change, not two.
    """
    role = WorkerRole(role)
    today = timezone.localdate()
    start = start or today
    label = role.label.lower()
    needed = ROLE_NEEDED[role]
    if not (worker.is_active and worker.has_role(needed)):
        raise ValidationError({"worker": f"{worker} is not a {label}. Choose a {label}."})
    if reason not in dict(ALLOCATION_REASONS):
        raise ValidationError({"reason": "Select the reason for this allocation"})
    refuse_after_today("start", start, subject="The start date", today=today)

    with transaction.atomic():
        # Lock the young person so two managers allocating at once cannot both end the same
        # allocation and leave two current workers in one role.
        locked = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
        current = (
            Allocation.objects.select_for_update(of=("self",))
            .select_related("worker", "created_by")
            .filter(young_person=locked, role=role, end__isnull=True)
            .first()
        )
        current_id = current.pk if current is not None else 0
        if replacing is not None and replacing != current_id:
            raise allocation_changed(current, label=label)
        if current is not None and current.worker_id == worker.pk:
            raise ValidationError({"worker": f"{worker} is already their {label}"})
        if current is not None and start < current.start:
            raise ValidationError(
                {
                    "start": "The start date must be the same as or after "
                    f"{format_date(current.start)}, when {current.worker} became their {label}"
                }
            )
        replaces_someone = current is not None or (
            Allocation.objects.filter(young_person=locked, role=role).exists()
        )
        if replaces_someone and reason == "FIRST":
            raise ValidationError(
                {"reason": f"This is not their first {label}. Select the reason for the change"}
            )
        if current is not None:
            current.end = start
            current.modified_by = acting_user
            current.save(update_fields=["end", "modified_by", "modified_at"])
        allocation = Allocation.objects.create(
            young_person=locked,
            worker=worker,
            role=role,
            start=start,
            reason=reason,
            reason_note=reason_note,
            is_change=replaces_someone,
            created_by=acting_user,
            modified_by=acting_user,
        )
        # A restricted record is open only to the staff named on it, so the new worker must be
        # named or they could not see the young person they now work with.
        if locked.is_restricted and not locked.restricted_to.filter(pk=worker.pk).exists():
            locked.restricted_to.add(worker)
            audit_record(
                acting_user=acting_user,
                action=AuditEvent.Action.ACCESS_CHANGE,
                subject=locked,
                young_person_id=locked.pk,
                detail={"named_on_restricted_record": worker.pk, "because": "allocated"},
            )
        audit_record(
            acting_user=acting_user,
            action=AuditEvent.Action.CREATE,
            subject=allocation,
            young_person_id=locked.pk,
            detail={
                "role": str(role),
                "worker": worker.pk,
                "previous_worker": current.worker_id if current else None,
                "reason": reason,
                "is_change": replaces_someone,
            },
        )
        if worker.pk != getattr(acting_user, "pk", None):
            notify_on_commit(
                recipient_ids=[worker.pk],
                young_person_id=locked.pk,
                kind="allocation",
                message=(
                    f"You are now {locked.display_name}'s {label}, from {format_date(start)}. "
                    "Read their \u201cabout me\u201d first."
                ),
                link=young_person_url(locked),
            )
    return allocation


def allocation_changed(current: Allocation | None, *, label: str) -> StaleEdit:
    """Someone changed (or ended) the allocation after this manager opened the form."""
    by = current.created_by if current is not None else None
    return StaleEdit(
        what=f"their {label} to {current.worker}" if current else f"their {label}",
        changed_by=(by.get_full_name() or by.email or "") if by is not None else "",
        changed_at=current.created_at if current is not None else None,
        current_version=current.pk if current is not None else 0,
    )


# Contacts -------------------------------------------------------------------------------------


def _validate_contact(values: Mapping[str, Any], young_person: YoungPerson) -> None:
    errors: dict[str, str] = {}
    occurred_at = values.get("occurred_at")
    if occurred_at is not None:
        if occurred_at > _now():
            errors["occurred_on"] = "The date and time of the contact must be in the past"
        elif timezone.localtime(occurred_at).date() < young_person.date_of_birth:
            errors["occurred_on"] = "The date of the contact must be after their date of birth"
    worker = values.get("worker")
    if worker is None or not worker.is_staff_member:
        errors["worker"] = "Select the worker who made the contact"
    if not values.get("made_contact"):
        if not (values.get("failed_reason") or "").strip():
            errors["failed_reason"] = "Enter why you could not make contact"
        if values.get("seen"):
            errors["seen"] = "You cannot have seen them if you did not make contact"
    elif values.get("seen") and values.get("method") in REMOTE_METHODS:
        errors["seen"] = (
            "Select \u2018No\u2019: seeing them means in person, which a call or message is not"
        )
    if values.get("seen_alone") and not values.get("seen"):
        errors["seen_alone"] = "You can only have seen them alone if you saw them in person"
    raise_if(errors)


def _contact_values(
    *,
    worker: Any,
    occurred_at: datetime.datetime,
    method: str,
    made_contact: bool,
    failed_reason: str,
    seen: bool,
    seen_alone: bool,
    purpose: str,
    young_persons_views: str,
    notes: str,
    written_to_young_person: bool,
) -> dict[str, Any]:
    return {
        "worker": worker,
        "occurred_at": occurred_at,
        "method": method,
        "made_contact": made_contact,
        # A failed attempt has no visit in it; a made contact has no failure reason.
        "failed_reason": "" if made_contact else failed_reason.strip(),
        "seen": seen if made_contact else False,
        "seen_alone": seen_alone if made_contact else False,
        "purpose": purpose.strip(),
        "young_persons_views": young_persons_views.strip(),
        "notes": notes.strip(),
        "written_to_young_person": written_to_young_person,
    }


def contact_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    worker: Any,
    occurred_at: datetime.datetime,
    method: str,
    made_contact: bool = True,
    failed_reason: str = "",
    seen: bool = False,
    seen_alone: bool = False,
    purpose: str = "",
    young_persons_views: str = "",
    notes: str = "",
    written_to_young_person: bool = False,
    today: datetime.date | None = None,
    submission_key: uuid.UUID | None = None,
) -> Contact:
    """Record a contact or failed attempt, then move the young person's next contact due.

    The same form sent twice (`submission_key`) records one contact."""
    values = _contact_values(
        worker=worker,
        occurred_at=occurred_at,
        method=method,
        made_contact=made_contact,
        failed_reason=failed_reason,
        seen=seen,
        seen_alone=seen_alone,
        purpose=purpose,
        young_persons_views=young_persons_views,
        notes=notes,
        written_to_young_person=written_to_young_person,
    )
    _validate_contact(values, young_person)

    def create() -> Contact:
        with transaction.atomic():
            contact = create_audited(
                Contact,
                acting_user=acting_user,
                young_person_id=young_person.pk,
                detail={"method": method, "made_contact": made_contact, "seen": values["seen"]},
                young_person=young_person,
                submission_key=submission_key,
                **values,
            )
            contact_due_refresh(young_person=young_person, today=today)
        return contact

    return create_once(
        Contact, key=submission_key, belongs=created_by(acting_user, young_person), create=create
    )


def correction_window_closes_at(*, contact: Contact, policy: ContactPolicy | None = None) -> Any:
    policy = policy or ContactPolicy.current()
    return contact.created_at + datetime.timedelta(minutes=policy.correction_window_minutes)


def can_still_correct(
    *,
    contact: Contact,
    user: Any,
    now: datetime.datetime | None = None,
    policy: ContactPolicy | None = None,
) -> bool:
    """Whether this user may still correct the contact in place (rather than amend it)."""
    if contact.created_by_id != getattr(user, "pk", None):
        return False
    return (now or _now()) <= correction_window_closes_at(contact=contact, policy=policy)


# How each field is named to people: on the record, in amendments and in stale-edit messages.
CONTACT_FIELD_LABELS = {
    "occurred_at": "Date and time",
    "worker": "Who made the contact",
    "method": "How",
    "made_contact": "Made contact",
    "failed_reason": "Why not",
    "seen": "Seen in person",
    "seen_alone": "Seen on their own",
    "purpose": "What the contact was for",
    "young_persons_views": "What they told us, in their words",
    "notes": "Notes",
    "written_to_young_person": "Written to the young person",
}


def _changed_fields(contact: Contact, changes: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    unknown = set(changes) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Contact fields that cannot be changed: {sorted(unknown)}")
    result = {}
    for name, new in changes.items():
        old = getattr(contact, name)
        old_key = getattr(old, "pk", old)
        new_key = getattr(new, "pk", new)
        if old_key != new_key:
            result[name] = (old, new)
    return result


def _apply_contact_changes(
    *, contact: Contact, changes: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    current = {name: getattr(contact, name) for name in CONTACT_FIELDS}
    values = _contact_values(**{**current, **changes})
    _validate_contact(values, contact.young_person)
    changed = _changed_fields(contact, values)
    for name, (_old, new) in changed.items():
        setattr(contact, name, new)
    return changed


def _refuse_if_stale(locked: Contact, expected_version: int) -> None:
    """Refuse a correction or amendment of a contact someone else has saved since."""
    refuse_if_stale(
        locked,
        version=expected_version,
        what="this contact record",
        fields=CONTACT_FIELDS,
        labels=CONTACT_FIELD_LABELS,
    )


def contact_correct(
    *,
    acting_user: User,
    contact: Contact,
    expected_version: int,
    changes: Mapping[str, Any],
    now: datetime.datetime | None = None,
    today: datetime.date | None = None,
) -> Contact:
    """Correct a contact in place: only its author, only within the correction window."""
    with transaction.atomic():
        locked = (
            Contact.objects.select_for_update().select_related("young_person").get(pk=contact.pk)
        )
        if not can_still_correct(contact=locked, user=acting_user, now=now):
            raise CorrectionNotAllowed(
                "The time for correcting this record has passed. Add an amendment instead."
            )
        _refuse_if_stale(locked, expected_version)
        changed = _apply_contact_changes(contact=locked, changes=changes)
        if not changed:
            return locked
        save_audited(locked, acting_user=acting_user, detail={"corrected": sorted(changed)})
        contact_due_refresh(young_person=locked.young_person, today=today)
    return locked


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def contact_amend(
    *,
    acting_user: User,
    contact: Contact,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str,
    today: datetime.date | None = None,
) -> ContactAmendment:
    """Amend a contact after the correction window. The amendment keeps the old values, so
    the original record stays readable, and says why it was changed."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you are amending this record"})
    with transaction.atomic():
        locked = (
            Contact.objects.select_for_update().select_related("young_person").get(pk=contact.pk)
        )
        _refuse_if_stale(locked, expected_version)
        changed = _apply_contact_changes(contact=locked, changes=changes)
        if not changed:
            raise ValidationError(
                {NON_FIELD_ERRORS: "You have not changed anything in the record"}
            )
        amendment = ContactAmendment.objects.create(
            contact=locked,
            reason=reason.strip(),
            changes={
                name: [_json_value(old), _json_value(new)] for name, (old, new) in changed.items()
            },
            created_by=acting_user,
            modified_by=acting_user,
        )
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"amended": sorted(changed), "amendment": amendment.pk},
        )
        contact_due_refresh(young_person=locked.young_person, today=today)
    return amendment


# Contact due ----------------------------------------------------------------------------------

NO_STANDARD_UNDER_16 = "The contact standard starts at 16."
NO_STANDARD_FROM_25 = "The contact standard ends at 25."


def _declined_rule(declined_on: datetime.date) -> str:
    return (
        f"No visits are due: on {format_date(declined_on)} they said they no longer want a "
        "personal adviser (Children Act 1989 s.23CZB(3)(b)). They can ask again until they "
        "are 25."
    )


@dataclass(frozen=True)
class _DueFields:
    last_contact_on: datetime.date | None
    last_visit_on: datetime.date | None
    next_contact_due: datetime.date | None
    next_contact_rule: str


def _latest_contact(*, seen: bool) -> Subquery:
    contacts = Contact.objects.filter(young_person=OuterRef("pk"), made_contact=True)
    if seen:
        contacts = contacts.filter(seen=True)
    return Subquery(contacts.order_by("-occurred_at").values("occurred_at")[:1])


def _local_date(value: datetime.datetime | None) -> datetime.date | None:
    return None if value is None else timezone.localtime(value).date()


def _due_fields(
    young_person: Any,
    *,
    today: datetime.date,
    standard: ContactStandard,
    inputs: Mapping[str, Any],
) -> _DueFields:
    last_contact = _local_date(young_person.latest_contact_at)
    last_visit = _local_date(young_person.latest_visit_at)
    born = young_person.date_of_birth
    if today < birthday(born, 16):
        return _DueFields(last_contact, last_visit, None, NO_STANDARD_UNDER_16)
    if today >= birthday(born, 25):
        return _DueFields(last_contact, last_visit, None, NO_STANDARD_FROM_25)
    declined_on = young_person.personal_adviser_declined_on
    if declined_on is not None and today >= birthday(born, 21):
        return _DueFields(last_contact, last_visit, None, _declined_rule(declined_on))
    # With no visit ever, the engine says "due now". Anchor "now" to the day the service
    # took the young person on (their 16th birthday, or when they were added), so the date
    # stays put and becomes overdue rather than moving forward every day.
    on = today
    if last_visit is None:
        on = min(
            today, max(birthday(born, 16), timezone.localtime(young_person.created_at).date())
        )
    due = next_contact_due(
        date_of_birth=born,
        on=on,
        last_visit=last_visit,
        standard=standard,
        chose_less_contact=young_person.chose_less_contact,
        **inputs,
    )
    return _DueFields(last_contact, last_visit, due.due, due.rule[:255])


def _refresh(
    young_people: QuerySet[YoungPerson], *, today: datetime.date, batch_size: int = 2000
) -> int:
    policy = ContactPolicy.current()
    standard = ContactStandard(
        weeks_to_21=policy.weeks_to_21,
        weeks_21_to_25=policy.weeks_21_to_25,
        reduced_from_21_weeks=policy.reduced_from_21_weeks,
    )
    annotated = (
        young_people.annotate(
            latest_contact_at=_latest_contact(seen=False),
            latest_visit_at=_latest_contact(seen=True),
        )
        .only(
            "pk",
            "date_of_birth",
            "created_at",
            "chose_less_contact",
            "personal_adviser_declined_on",
            "last_contact_on",
            "last_visit_on",
            "next_contact_due",
            "next_contact_rule",
        )
        .order_by("pk")
    )
    changed_total = 0
    last_pk = 0
    while True:
        batch = list(annotated.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            break
        last_pk = batch[-1].pk
        inputs = contact_due_inputs_for(young_person_ids=[yp.pk for yp in batch], today=today)
        changed = []
        for young_person in batch:
            fields = _due_fields(
                young_person,
                today=today,
                standard=standard,
                inputs=inputs.get(young_person.pk, {}),
            )
            if (
                young_person.last_contact_on,
                young_person.last_visit_on,
                young_person.next_contact_due,
                young_person.next_contact_rule,
            ) != (
                fields.last_contact_on,
                fields.last_visit_on,
                fields.next_contact_due,
                fields.next_contact_rule,
            ):
                young_person.last_contact_on = fields.last_contact_on
                young_person.last_visit_on = fields.last_visit_on
                young_person.next_contact_due = fields.next_contact_due
                young_person.next_contact_rule = fields.next_contact_rule
                changed.append(young_person)
        # bulk_update writes only these denormalised columns: it does not touch the record's
        # version or history, because nobody edited the record.
        YoungPerson.objects.bulk_update(
            changed,
            ["last_contact_on", "last_visit_on", "next_contact_due", "next_contact_rule"],
        )
        changed_total += len(changed)
    return changed_total


def contact_due_refresh(
    *, young_person: YoungPerson, today: datetime.date | None = None
) -> YoungPerson:
    """Recompute the young person's last contact, last visit and next contact due.

    Called after every contact change and, for everyone, by the daily job (a birthday can move
    a young person into another band of the contact standard). Returns the young person with
    the new values set on it.
    """
    today = today or timezone.localdate()
    _refresh(YoungPerson.objects.filter(pk=young_person.pk), today=today)
    fresh = YoungPerson.objects.only(
        "last_contact_on", "last_visit_on", "next_contact_due", "next_contact_rule"
    ).get(pk=young_person.pk)
    for name in ("last_contact_on", "last_visit_on", "next_contact_due", "next_contact_rule"):
        setattr(young_person, name, getattr(fresh, name))
    return young_person


def contact_due_refresh_all(*, today: datetime.date, batch_size: int = 2000) -> int:
    """The daily job: refresh everyone whose record is open. Returns how many changed.

    Safe to run twice on a day (the second run changes nothing) and catches up after a missed
    day, because it recomputes from the facts rather than from yesterday's answer.
    """
    return _refresh(YoungPerson.objects.live(), today=today, batch_size=batch_size)


# Notifications --------------------------------------------------------------------------------


def notification_mark_read(*, acting_user: User, notification: Notification) -> Notification:
    if notification.recipient_id != acting_user.pk:
        raise ValidationError("Only the person a notification is for can mark it as read")
    with transaction.atomic():
        updated = Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=_now()
        )
        if updated:
            audit_record(
                acting_user=acting_user,
                action=AuditEvent.Action.CHANGE,
                subject=notification,
                young_person_id=notification.young_person_id,
                detail={"read": True},
            )
    notification.refresh_from_db(fields=["read_at"])
    return notification


# Duty log -------------------------------------------------------------------------------------


def duty_entry_record(
    *,
    acting_user: User,
    occurred_at: datetime.datetime,
    caller: str,
    method: str,
    need: str,
    action_taken: str,
    young_person: YoungPerson | None = None,
    passed_to: Any = None,
    urgent: bool = False,
) -> DutyLogEntry:
    """Log a call or visit the duty worker dealt with, and tell the young person's allocated
    workers (and anyone it was passed to) in the app."""
    errors = {}
    if occurred_at > _now():
        errors["occurred_on"] = "The date and time must be in the past"
    for name, value, message in (
        ("caller", caller, "Enter who called or came in"),
        ("need", need, "Enter what they needed"),
        ("action_taken", action_taken, "Enter what was done"),
    ):
        if not value.strip():
            errors[name] = message
    if passed_to is not None and not (passed_to.is_active and passed_to.is_staff_member):
        errors["passed_to"] = "Select a member of staff"
    elif (
        passed_to is not None
        and young_person is not None
        and not can_see_young_person(user=passed_to, young_person=young_person)
    ):
        errors["passed_to"] = (
            f"{passed_to} cannot open this young person's record. Pass it to someone who can, "
            "such as their allocated worker"
        )
    raise_if(errors)

    with transaction.atomic():
        entry = create_audited(
            DutyLogEntry,
            acting_user=acting_user,
            young_person_id=young_person.pk if young_person else None,
            detail={"passed_to": passed_to.pk if passed_to else None, "urgent": urgent},
            occurred_at=occurred_at,
            duty_worker=acting_user,
            young_person=young_person,
            caller=caller.strip(),
            method=method,
            need=need.strip(),
            action_taken=action_taken.strip(),
            passed_to=passed_to,
            urgent=urgent,
        )
        recipients = (
            set(current_worker_ids(young_person_id=young_person.pk)) if young_person else set()
        )
        if passed_to is not None:
            recipients.add(passed_to.pk)
        recipients.discard(acting_user.pk)
        if young_person is not None and young_person.is_restricted:
            # The message names the young person and what they needed: only those named on a
            # restricted record may read it.
            recipients &= set(young_person.restricted_to.values_list("pk", flat=True))
        about = f" about {young_person.display_name}" if young_person else ""
        when = timezone.localtime(occurred_at)
        passed = " and passed it to you" if passed_to is not None else ""
        notify_on_commit(
            recipient_ids=recipients,
            young_person_id=young_person.pk if young_person else None,
            kind="duty",
            message=(
                f"Duty: {entry.get_method_display().lower()} from {entry.caller}{about} on "
                f"{format_date(when.date())} at {when:%H:%M}{passed}. They needed: "
                f"{_shorten(entry.need, 200)}"
            ),
            link=reverse("casework:duty_detail", kwargs={"pk": entry.pk}),
            urgent=urgent,
        )
    return entry


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# Case notes and alerts ------------------------------------------------------------------------


def case_note_add(
    *,
    acting_user: User,
    young_person: YoungPerson,
    title: str,
    body: str,
    written_on: datetime.date | None = None,
    written_to_young_person: bool = False,
    contains_third_party_information: bool = False,
    third_party_description: str = "",
    submission_key: uuid.UUID | None = None,
) -> CaseNote:
    """Add a case note. The same form sent twice (`submission_key`) adds one note."""
    errors = {}
    if not title.strip():
        errors["title"] = "Enter a title"
    if not body.strip():
        errors["body"] = "Enter the case note"
    if contains_third_party_information and not third_party_description.strip():
        errors["third_party_description"] = (
            "Describe the information about other people, so it can be checked before the "
            "record is shared"
        )
    written_on = written_on or timezone.localdate()
    not_after_today(errors, "written_on", written_on)
    raise_if(errors)

    def create() -> CaseNote:
        with transaction.atomic():
            note = create_audited(
                CaseNote,
                acting_user=acting_user,
                young_person_id=young_person.pk,
                detail={"third_party": contains_third_party_information},
                young_person=young_person,
                author=acting_user,
                written_on=written_on,
                title=title.strip(),
                body=body.strip(),
                written_to_young_person=written_to_young_person,
                contains_third_party_information=contains_third_party_information,
                third_party_description=(
                    third_party_description.strip() if contains_third_party_information else ""
                ),
                submission_key=submission_key,
            )
        return note

    return create_once(
        CaseNote, key=submission_key, belongs=created_by(acting_user, young_person), create=create
    )


def alert_raise(
    *,
    acting_user: User,
    young_person: YoungPerson,
    kind: str,
    description: str,
    raised_on: datetime.date | None = None,
    tell_workers: bool = True,
) -> Alert:
    """Add an alert (safeguarding, risk to staff...) and tell the allocated workers, unless
    the caller tells them itself (`tell_workers=False`: one message for one event)."""
    raised_on = raised_on or timezone.localdate()
    errors = {}
    if not description.strip():
        errors["description"] = "Describe the concern and what staff need to do"
    not_after_today(errors, "raised_on", raised_on)
    raise_if(errors)
    with transaction.atomic():
        alert = create_audited(
            Alert,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"kind": kind},
            young_person=young_person,
            kind=kind,
            description=description.strip(),
            raised_on=raised_on,
        )
        recipients = set(current_worker_ids(young_person_id=young_person.pk))
        recipients.discard(acting_user.pk)
        if not tell_workers:
            recipients.clear()
        notify_on_commit(
            recipient_ids=recipients,
            young_person_id=young_person.pk,
            kind="alert",
            message=f"New alert for {young_person.display_name}: {alert.get_kind_display()}.",
            link=reverse("casework:alert_list", kwargs={"pk": young_person.pk}),
            urgent=kind in ("safeguarding", "risk_to_staff"),
        )
    return alert


def alert_end(*, acting_user: User, alert: Alert, ended_on: datetime.date | None = None) -> Alert:
    ended_on = ended_on or timezone.localdate()
    refuse_after_today("ended_on", ended_on)
    if ended_on < alert.raised_on:
        raise ValidationError(
            {
                "ended_on": "The date must be the same as or after "
                f"{format_date(alert.raised_on)}, when the alert was raised"
            }
        )
    with transaction.atomic():
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if locked.ended_on is not None:
            raise ValidationError({"ended_on": "This alert has already ended"})
        locked.ended_on = ended_on
        save_audited(
            locked,
            acting_user=acting_user,
            detail={"ended_on": ended_on.isoformat()},
            changed=["ended_on"],
        )
    return locked


# Keeping in touch ----------------------------------------------------------------------------


def keeping_in_touch_record(
    *,
    acting_user: User,
    young_person: YoungPerson,
    status: str,
    start: datetime.date,
    notes: str = "",
) -> KeepingInTouch:
    """Record that a young person refuses contact or no longer needs support (IN_TOUCH REFU
    or NREQ in the SSDA903). One at a time: an open one must be ended first."""
    errors = {}
    if status not in InTouchStatus.values:
        errors["status"] = "Select why the service is not in touch"
    not_after_today(errors, "start", start)
    if start < young_person.date_of_birth:
        errors["start"] = "The date must be after their date of birth"
    raise_if(errors)
    with transaction.atomic():
        YoungPerson.objects.select_for_update().filter(pk=young_person.pk).first()
        open_one = KeepingInTouch.objects.filter(young_person=young_person, end__isnull=True)
        if open_one.exists():
            raise ValidationError(
                {
                    "status": "End the current status (on the contacts page) before recording "
                    "another"
                }
            )
        if KeepingInTouch.objects.filter(young_person=young_person, end__gte=start).exists():
            raise ValidationError(
                {"start": "The date must be after the last day of the previous status"}
            )
        record = create_audited(
            KeepingInTouch,
            acting_user=acting_user,
            young_person_id=young_person.pk,
            detail={"status": status, "start": start.isoformat()},
            young_person=young_person,
            status=status,
            start=start,
            notes=notes.strip(),
        )
    return record


def keeping_in_touch_end(
    *, acting_user: User, record: KeepingInTouch, end: datetime.date
) -> KeepingInTouch:
    """End a refusal of contact or "no longer needs support" on its last day."""
    refuse_after_today("end", end)
    if end < record.start:
        raise ValidationError(
            {"end": f"The date must be the same as or after {format_date(record.start)}"}
        )
    with transaction.atomic():
        locked = KeepingInTouch.objects.select_for_update().get(pk=record.pk)
        if locked.end is not None:
            raise ValidationError({"end": "This has already ended"})
        locked.end = end
        save_audited(
            locked, acting_user=acting_user, detail={"end": end.isoformat()}, changed=["end"]
        )
    return locked
