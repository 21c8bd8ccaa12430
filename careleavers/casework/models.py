"""Allocations, contacts, case notes, alerts, the duty log and in-app notifications."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from careleavers.core import dfe_codes
from careleavers.core.models import ArchivableModel, TimeStampedModel
from careleavers.people.models import YoungPerson


class WorkerRole(models.TextChoices):
    PERSONAL_ADVISER = "pa", "Personal adviser"
    SOCIAL_WORKER = "sw", "Social worker"


# DfE SW_REASON codes (903 sw_episodes, data-standards.md 1.5) plus the council's own reasons
# for a change of personal adviser, which the DfE list does not cover.
LOCAL_ALLOCATION_REASONS = (
    ("FIRST", "First allocation"),
    ("PAINTRO", "Personal adviser introduced at 16"),
    ("YPREQ", "The young person asked for a different worker"),
    ("CASELOAD", "Caseload balancing"),
    ("TEAMMOVE", "Moved to another team"),
    ("ABSENCE", "Worker's long-term absence"),
)
ALLOCATION_REASONS = tuple(dfe_codes.SW_REASON) + LOCAL_ALLOCATION_REASONS


class Allocation(TimeStampedModel):
    """A worker allocated to a young person, for a period, with the reason for the change."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="allocations"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    role = models.CharField(max_length=2, choices=WorkerRole.choices)
    start = models.DateField(default=timezone.localdate)
    end = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=8, choices=ALLOCATION_REASONS)
    reason_note = models.TextField(blank=True)
    # True when this allocation replaced another worker in the same role: the "worker change"
    # that young people told inspectors they disliked.
    is_change = models.BooleanField(default=False)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["worker", "end"]),
            models.Index(fields=["young_person", "role", "end"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "role"],
                condition=models.Q(end__isnull=True),
                name="one_current_worker_per_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.worker} for {self.young_person}"


class ContactMethod(models.TextChoices):
    HOME_VISIT = "home_visit", "Home visit"
    OFFICE = "office", "Office visit"
    PHONE = "phone", "Phone call"
    VIDEO = "video", "Video call"
    MESSAGE = "message", "Text or message"
    OTHER = "other", "Other"


VISIT_METHODS = frozenset({ContactMethod.HOME_VISIT, ContactMethod.OFFICE})


class Contact(TimeStampedModel):
    """A contact with a young person, or a failed attempt at one."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="contacts"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts_made"
    )
    occurred_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=ContactMethod.choices)
    made_contact = models.BooleanField(
        default=True, help_text="No means a failed attempt: record why in the reason."
    )
    failed_reason = models.TextField(blank=True)
    seen = models.BooleanField(default=False)
    seen_alone = models.BooleanField(default=False)
    purpose = models.CharField(max_length=255, blank=True)
    young_persons_views = models.TextField("the young person's views, in their words", blank=True)
    notes = models.TextField(blank=True)
    written_to_young_person = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["young_person", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.get_method_display()} on {self.occurred_at:%d/%m/%Y}"

    @property
    def is_visit(self) -> bool:
        return self.made_contact and self.seen


class ContactAmendment(TimeStampedModel):
    """A change to a contact after the correction window: the original stays readable."""

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="amendments")
    reason = models.TextField()
    changes = models.JSONField(help_text="Field name to [old, new] values.")

    class Meta:
        ordering = ["created_at"]


class CaseNote(TimeStampedModel):
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="case_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_on = models.DateField(default=timezone.localdate)
    title = models.CharField(max_length=200)
    body = models.TextField()
    written_to_young_person = models.BooleanField(default=False)
    # Marked so a subject access request can redact it (reference 1.2, DESIGN 1).
    contains_third_party_information = models.BooleanField(default=False)
    third_party_description = models.CharField(max_length=255, blank=True)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-written_on", "-id"]


class AlertKind(models.TextChoices):
    SAFEGUARDING = "safeguarding", "Safeguarding concern"
    RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
    HEALTH = "health", "Health"
    OTHER = "other", "Other"


class Alert(ArchivableModel):
    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="alerts")
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    description = models.TextField()
    raised_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_on"]
        indexes = [models.Index(fields=["young_person", "ended_on"])]


class InTouchStatus(models.TextChoices):
    """Why the council is not in touch, in the SSDA903's words (IN_TOUCH REFU and NREQ)."""

    REFUSES = "REFU", "Refuses contact"
    NOT_REQUIRED = "NREQ", "No longer needs support from the service"


class KeepingInTouch(TimeStampedModel):
    """A young person refuses contact, or no longer needs support, from a day until (perhaps)
    a day. The SSDA903 return reports these as IN_TOUCH REFU and NREQ (data-standards.md 1.4);
    the worker still offers contact, and records each attempt as a contact."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="keeping_in_touch"
    )
    status = models.CharField(max_length=4, choices=InTouchStatus.choices)
    start = models.DateField("from")
    end = models.DateField("until", null=True, blank=True, help_text="The last day it applied.")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-start", "-id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} from {self.start:%d/%m/%Y}"


class DutyLogEntry(TimeStampedModel):
    """A call or visit the duty worker dealt with."""

    occurred_at = models.DateTimeField(default=timezone.now)
    duty_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="duty_entries"
    )
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, null=True, blank=True, related_name="duty_entries"
    )
    caller = models.CharField("who called or came in", max_length=200)
    method = models.CharField(max_length=20, choices=ContactMethod.choices)
    need = models.TextField("what they needed")
    action_taken = models.TextField("what was done")
    passed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duty_entries_passed",
    )
    urgent = models.BooleanField(default=False)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name_plural = "duty log entries"


class Notification(models.Model):
    """An in-app message to a worker: it shows in their work tray until they mark it read."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notifications"
    )
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=40)
    message = models.CharField(max_length=500)
    link = models.CharField(max_length=300, blank=True)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.message


class ContactPolicy(models.Model):
    """The council's local contact standard (the statutory floor is fixed in code).

    One row, edited by administrators. Defaults follow common practice (reference 1.3).
    """

    weeks_to_21 = models.PositiveSmallIntegerField(default=8)
    weeks_21_to_25 = models.PositiveSmallIntegerField(default=8)
    reduced_from_21_weeks = models.PositiveSmallIntegerField(
        default=12, help_text="For young people aged 21 to 25 who chose less frequent contact."
    )
    correction_window_minutes = models.PositiveSmallIntegerField(
        default=60,
        help_text="How long the author may correct a contact record before changes become "
        "amendments.",
    )

    class Meta:
        verbose_name_plural = "contact policy"

    def __str__(self) -> str:
        return "Contact standard"

    @classmethod
    def current(cls) -> ContactPolicy:
        policy, _ = cls.objects.get_or_create(pk=1)
        return policy
