"""Abstract bases every case record builds on, and the append-only audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable

    from careleavers.accounts.models import User


def staff_stamp_field() -> models.ForeignKey[User | Combinable | None, User | None]:
    """The model field that keeps who created, changed or archived a record: set by the
    application, never on a form; kept if their account is closed (PROTECT); with no way back
    from the account to the records it touched."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )


class TimeStampedModel(models.Model):
    """Who created and last changed a record, and when."""

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = staff_stamp_field()
    modified_by = staff_stamp_field()

    class Meta:
        abstract = True


class ArchivableQuerySet(models.QuerySet):
    def live(self) -> ArchivableQuerySet:
        return self.filter(archived_at__isnull=True)

    def delete(self) -> Any:
        # Records about young people are kept to their 75th birthday
        # (docs/law/records-and-retention.md): the application archives them with a reason instead.
        raise ArchiveInsteadOfDelete(self.model)


class ArchiveInsteadOfDelete(Exception):
    def __init__(self, model: type[models.Model]) -> None:
        super().__init__(f"{model.__name__} records are archived, never deleted.")


ArchivableManager = models.Manager.from_queryset(ArchivableQuerySet)


class ArchivableModel(TimeStampedModel):
    """A record that is archived with a reason and never deleted by the application."""

    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_by = staff_stamp_field()
    archive_reason = models.TextField(blank=True, editable=False)

    objects = ArchivableManager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ArchiveInsteadOfDelete(type(self))


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AuditLogIsAppendOnly

    def delete(self) -> Any:
        raise AuditLogIsAppendOnly


class AuditLogIsAppendOnly(Exception):
    def __init__(self) -> None:
        super().__init__("The audit log can only be appended to.")


class AuditEvent(models.Model):
    """One thing someone did or saw: a view, change, export, print or access change.

    Rows are only ever inserted. The model refuses updates and deletes, and on PostgreSQL a
    trigger (migration 0002) refuses them too, so not even a bug or a shell can rewrite history.
    """

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        CHANGE = "change", "Changed"
        ARCHIVE = "archive", "Archived"
        EXPORT = "export", "Exported"
        PRINT = "print", "Printed"
        IMPORT = "import", "Imported"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_OUT = "sign_out", "Signed out"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        ACCESS_CHANGE = "access_change", "Access changed"
        ACCESS_REFUSED = "access_refused", "Access refused"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text too, so the row still reads correctly if the account is later renamed.
    actor_label = models.CharField(max_length=255, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    subject_type = models.CharField(max_length=100)
    subject_id = models.CharField(max_length=64, blank=True)
    # The young person the event concerns, when there is one, so the log can be filtered by
    # young person whatever the subject was. A plain id: core sits below the people app.
    young_person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects: ClassVar[Any] = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["actor", "at"]),
            models.Index(fields=["subject_type", "subject_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.subject_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditLogIsAppendOnly
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditLogIsAppendOnly


class FileJob(models.Model):
    """A file someone asked for that a background task makes: an export or a PDF pack.

    Asked for on a page and made by a django-tasks task (core/file_jobs.py), which records what
    it is doing and how many rows it has written; the person who asked follows it on a progress
    page and downloads the file, kept in the configured file storage, once it is made. Each app
    that offers such files checks who may see them (the permission to ask for them).
    """

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being made"
        DONE = "done", "Ready to download"
        FAILED = "failed", "Could not be made"

    # What is made, named by the app that makes it ("returns.ssda903"); its views show only
    # their own kinds.
    kind = models.CharField(max_length=60, db_index=True)
    title = models.CharField(max_length=200)
    parameters = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField(max_length=300, blank=True)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Moves on every progress report, so a job whose worker has stopped can be told apart.
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    download_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    file_sha256 = models.CharField("SHA-256 of the file", max_length=64, blank=True)
    file_removed_at = models.DateTimeField(null=True, blank=True)
    # The export event each download writes to the audit log: subject_type, subject_id, detail.
    export_audit = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["kind", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def has_file(self) -> bool:
        done = self.status == self.Status.DONE
        return done and bool(self.file_name) and self.file_removed_at is None

    @property
    def percent_done(self) -> int | None:
        if not self.rows_total:
            return None
        return min(100, self.rows_done * 100 // self.rows_total)
