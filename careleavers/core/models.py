"""Abstract bases every case record builds on, and the append-only audit log."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class TimeStampedModel(models.Model):
    """Who created and last changed a record, and when."""

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

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
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
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
