"""Data protection: subject access requests, retention review decisions and the council's
data protection policy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import ArchivableModel, ArchiveInsteadOfDelete
from careleavers.dataprotection import deadlines, retention


class DataProtectionPolicy(CouncilSettings):
    """The council's settings for retention and subject access. One row, edited by
    administrators. The retention numbers come from a regulation whose English wording was not
    confirmed (CPPCR 2010 reg 50; docs/law/records-and-retention.md), so they are kept here rather
    than in code."""

    retention_age_years = models.PositiveSmallIntegerField(
        "keep records until this birthday", default=retention.RETENTION_AGE
    )
    after_death_years = models.PositiveSmallIntegerField(
        "years to keep records after a death before 18", default=retention.AFTER_DEATH_YEARS
    )
    review_window_months = models.PositiveSmallIntegerField(
        "months ahead the retention review looks", default=retention.REVIEW_WINDOW_MONTHS
    )
    subject_access_file_keep_days = models.PositiveSmallIntegerField(
        "days a subject access file is kept before it is removed", default=30
    )
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "data protection policy"
        verbose_name_plural = "data protection policy"

    def __str__(self) -> str:
        return "Data protection policy"


class RequesterKind(models.TextChoices):
    DATA_SUBJECT = "data_subject", "The young person"
    REPRESENTATIVE = "representative", "Someone acting for them"


class SubjectAccessRequest(ArchivableModel):
    """A request by a young person (or someone acting for them) for a copy of everything the
    service holds about them (UK GDPR Art. 15), and how it was answered."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        FILE_READY = "file_ready", "File ready to check"
        SENT = "sent", "Sent"
        WITHDRAWN = "withdrawn", "Withdrawn"

    OPEN_STATUSES = (Status.RECEIVED, Status.FILE_READY)

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="subject_access_requests"
    )
    requester_kind = models.CharField(
        "who asked",
        max_length=20,
        choices=RequesterKind.choices,
        default=RequesterKind.DATA_SUBJECT,
    )
    requested_by = models.CharField(
        "name of the person who asked",
        max_length=200,
        help_text="The young person, or their representative and how they act for them.",
    )
    received_on = models.DateField()
    extension_months = models.PositiveSmallIntegerField(default=0)
    extension_reason = models.TextField(blank=True)
    due_on = models.DateField(db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    notes = models.TextField(blank=True)

    # The last file made for the request. The file itself is kept in the configured storage
    # only until the request is closed (or the policy's days pass); the hash stays, as proof
    # of exactly what was sent.
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    file_sha256 = models.CharField("SHA-256 of the file", max_length=64, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    file_generated_at = models.DateTimeField(null=True, blank=True)
    file_generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    file_removed_at = models.DateTimeField(null=True, blank=True)

    sent_on = models.DateField(null=True, blank=True)
    closed_note = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"Subject access request {self.pk} received {self.received_on}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def has_file(self) -> bool:
        return bool(self.file_name) and self.file_removed_at is None

    @property
    def can_extend(self) -> bool:
        return self.is_open and self.extension_months < deadlines.MAX_EXTENSION_MONTHS


class RetentionDecision(models.Model):
    """The head of service's decision at a retention review: keep the records for longer (with
    a date to look again), or pass them to records management for destruction outside the
    application. The application never deletes: a destroy decision archives the record."""

    class Decision(models.TextChoices):
        KEEP = "keep", "Keep for longer"
        DESTROY = "destroy", "Pass to records management for destruction"

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="retention_decisions"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField()
    review_again_on = models.DateField(null=True, blank=True)
    retention_ends_on = models.DateField(
        help_text="The retention date the decision was made against."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "-decided_at"])]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.decided_at:%Y-%m-%d})"

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        # Decisions are the record of why records were kept or passed on: never removed.
        raise ArchiveInsteadOfDelete(type(self))
