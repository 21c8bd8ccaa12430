"""Write AuditEvent rows. Services call `audit_record` inside their own transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar, cast

from django.apps import apps as django_apps
from django.db import models
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.core import request_context
from careleavers.core.concurrency import keeps_version
from careleavers.core.models import ArchivableModel, AuditEvent
from careleavers.core.record_changes import record_changed

ModelT = TypeVar("ModelT", bound=models.Model)

# The actions that change a young person's records (a view, a print or an export changes none).
CHANGING = frozenset(
    {
        AuditEvent.Action.CREATE,
        AuditEvent.Action.CHANGE,
        AuditEvent.Action.ARCHIVE,
        AuditEvent.Action.IMPORT,
    }
)


def _address() -> str | None:
    # The middleware's context says where the request being handled came from, so no service
    # needs `request` passed down to it (None in a management command or a background task).
    context = request_context.current()
    return context.client_ip if context is not None else None


def audit_actor(acting_user: User | None) -> tuple[User | None, str]:
    """Who an event is by, and their name as it was then (kept if the account is later
    renamed or removed); nobody for the system (a command, a nightly job)."""
    if acting_user is None or not acting_user.is_authenticated:
        return None, ""
    return acting_user, acting_user.get_full_name() or acting_user.email or ""


def _may_change_records(subject_type: str) -> bool:
    """Whether a change naming no young person may still move what is worked out from young
    people's records (a council-wide setting, an import): yes, unless its model says it is no
    such thing (`CHANGES_NO_YOUNG_PERSON_RECORDS`, on requests for files, checks of a return,
    the duty rota and the workforce's own records). Such a change makes every work tray ask
    each kind of work until everyone's stored items are worked out again (a minute of the
    background worker at 100,000 young people), so an export asked for must not be one."""
    try:
        model = django_apps.get_model(subject_type)
    except (LookupError, ValueError):
        return True
    return not getattr(model, "CHANGES_NO_YOUNG_PERSON_RECORDS", False)


def audit_record(
    *,
    acting_user: User | None,
    action: str,
    subject: models.Model | None = None,
    subject_type: str = "",
    subject_id: str | int = "",
    young_person_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit log."""
    if subject is not None:
        subject_type = subject_type or subject._meta.label
        subject_id = subject_id or subject.pk
    actor, actor_label = audit_actor(acting_user)
    if action in CHANGING and (young_person_id is not None or _may_change_records(subject_type)):
        record_changed(young_person_id)
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=actor_label,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        young_person_id=young_person_id,
        detail=detail or {},
        ip_address=_address(),
    )


def create_audited(
    model: type[ModelT],
    /,
    *,
    acting_user: User,
    young_person_id: int | None = None,
    detail: Mapping[str, Any] | None = None,
    **fields: Any,
) -> ModelT:
    """Create a record made by `acting_user` (who also last changed it) and log its creation.

    `young_person_id` and `detail` are the audit event's; every other keyword is a field of the
    record. Call it inside the service's transaction, so the record and its event stand or fall
    together."""
    if any(field.name == "detail" for field in model._meta.get_fields()):
        # Its `detail` would be taken for the event's and the record's left empty.
        raise TypeError(f"{model.__name__} has a field named detail: create it directly")
    record = model(created_by=acting_user, modified_by=acting_user, **fields)
    _name_in_history(record, acting_user)
    record.save(force_insert=True)
    audit_record(
        acting_user=acting_user,
        action=AuditEvent.Action.CREATE,
        subject=record,
        young_person_id=young_person_id,
        detail=dict(detail or {}),
    )
    return record


def save_audited(
    record: models.Model,
    /,
    *,
    acting_user: User,
    detail: Mapping[str, Any] | None = None,
    young_person_id: int | None | Literal["of the record"] = "of the record",
    changed: Sequence[str] = (),
) -> None:
    """Save a change `acting_user` made to `record` and log it, with `detail` in the event.

    The event names the record's own young person unless `young_person_id` says otherwise
    (`None` for a change about nobody in particular). `changed` names the only fields changed,
    so that only they (and who changed it, and when) are written. A record that keeps a version
    (core.concurrency) moves on to the next one, so an edit opened before this change is refused
    as stale. A record not saved before is logged as created, by `acting_user`. Call it inside
    the service's transaction, with the record locked for update, so the change and its event
    stand or fall together."""
    _save_and_log(
        record,
        AuditEvent.Action.CREATE if record._state.adding else AuditEvent.Action.CHANGE,
        acting_user=acting_user,
        detail=detail,
        young_person_id=young_person_id,
        changed=changed,
    )


def archive_audited(
    record: ArchivableModel,
    /,
    *,
    acting_user: User,
    reason: str,
    detail: Mapping[str, Any] | None = None,
    young_person_id: int | None | Literal["of the record"] = "of the record",
) -> None:
    """Archive `record` with the reason, and log it: records about young people are never
    deleted (core.models.ArchivableModel), so "removing" one is this. A record that keeps a
    version (core.concurrency) counts it as a change, so an edit begun before it is refused as
    stale. Call it inside the service's transaction, with the record locked for update."""
    record.archived_at = timezone.now()
    record.archived_by = acting_user
    record.archive_reason = reason
    _save_and_log(
        record,
        AuditEvent.Action.ARCHIVE,
        acting_user=acting_user,
        detail=detail,
        young_person_id=young_person_id,
        changed=["archived_at", "archived_by", "archive_reason"],
    )


def save_consequence(
    record: models.Model, /, *, acting_user: User, changed: Sequence[str] = ()
) -> None:
    """Save a change that follows from another one the service logs (the stay a move ends, the
    plan a newly authorised one replaces). It is counted and attributed like any change (see
    save_audited) but has no event of its own: the event of what caused it says it."""
    _write(record, acting_user=acting_user, changed=changed)


def _save_and_log(
    record: models.Model,
    action: str,
    *,
    acting_user: User,
    detail: Mapping[str, Any] | None,
    young_person_id: int | None | Literal["of the record"],
    changed: Sequence[str],
) -> None:
    if young_person_id == "of the record":
        young_person_id = cast(int | None, record.young_person_id)  # type: ignore[attr-defined]
    _write(record, acting_user=acting_user, changed=changed)
    audit_record(
        acting_user=acting_user,
        action=action,
        subject=record,
        young_person_id=young_person_id,
        detail=dict(detail or {}),
    )


def _write(record: models.Model, *, acting_user: User, changed: Sequence[str]) -> None:
    if record._state.adding:
        if getattr(record, "created_by_id", "") is None:
            record.created_by = acting_user  # type: ignore[attr-defined]
    elif keeps_version(record):
        # Every change is one an edit opened before it has not seen: the one place the version
        # is moved on.
        record.version += 1  # type: ignore[attr-defined]
        changed = [*changed, "version"] if changed else changed
    record.modified_by = acting_user  # type: ignore[attr-defined]
    _name_in_history(record, acting_user)
    record.save(update_fields=[*changed, "modified_by", "modified_at"] if changed else None)


def _name_in_history(record: models.Model, acting_user: User | None) -> None:
    """Name the acting user in the record's django-simple-history row, where it keeps one: the
    history takes its user from the request otherwise, and outside a request (jobs, imports,
    tests) it would name nobody. A record without a history ignores it."""
    record._history_user = acting_user  # type: ignore[attr-defined]


def save_naming_user(record: models.Model, acting_user: User | None, **save_kwargs: Any) -> None:
    """Save `record`, naming `acting_user` in its history row (for a save whose audit event the
    service writes itself, or that needs none)."""
    _name_in_history(record, acting_user)
    record.save(**save_kwargs)
