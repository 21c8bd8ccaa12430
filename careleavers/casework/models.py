"""Allocations, contacts, case notes, alerts, the duty log and rota, urgent messages from young
people, and in-app notifications."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop
from simple_history.models import HistoricalRecords

from careleavers.casework.phones import clean_uk_mobile, validate_uk_mobile
from careleavers.casework.working_hours import DAY_NAMES
from careleavers.core import dfe_codes
from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import ArchivableModel, TimeStampedModel, staff_stamp_field
from careleavers.core.submissions import submission_key_field
from careleavers.people.models import YoungPerson


class WorkerRole(models.TextChoices):
    PERSONAL_ADVISER = "pa", "Personal adviser"
    SOCIAL_WORKER = "sw", "Social worker"


# DfE SW_REASON codes (903 sw_episodes, docs/data/ssda903.md) plus the council's own reasons
# for a change of personal adviser, which the DfE list does not cover.
LOCAL_ALLOCATION_REASONS = (
    ("FIRST", "First allocation"),
    ("PAINTRO", "Personal adviser introduced at 16"),
    ("YPREQ", "The young person asked for a different worker"),
    ("CASELOAD", "Caseload balancing"),
    ("TEAMMOVE", "Moved to another team"),
    ("ABSENCE", "Worker's long-term absence"),
)
# The reasons a manager chooses from today: the ones that fit a care leaver's change of worker,
# each said once. The DfE list is written for children's social workers ("Child requested
# change", "Parent/carer requested change") and overlaps the local one (absence, caseloads), so
# only one of each pair is offered; every code stays valid for changes already recorded.
CARE_LEAVER_ALLOCATION_REASONS = (
    ("FIRST", "First allocation"),
    ("PAINTRO", "Personal adviser introduced at 16"),
    ("YPREQ", "The young person asked for a different worker"),
    ("LEFTRL", "Previous worker left their role"),
    ("MANAGE", "Caseload balancing"),
    ("TEAMMOVE", "Moved to another team"),
    ("ORGRST", "Organisational restructure"),
    ("ABSENC", "Cover for the previous worker's absence, or their return"),
    ("SWDIED", "Previous worker died"),
    ("OTHERS", "Other reason"),
)
# Every code ever recorded stays valid; the care-leaver wording is shown wherever it exists.
ALLOCATION_REASONS = tuple(
    {
        **dict(dfe_codes.SW_REASON),
        **dict(LOCAL_ALLOCATION_REASONS),
        **dict(CARE_LEAVER_ALLOCATION_REASONS),
    }.items()
)


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


class PlannedHandover(TimeStampedModel):
    """A change of worker agreed ahead of the day: the new worker takes over on `starts_on`.

    Until then the current worker keeps the young person (their caseload, visits and tray); the
    nightly job makes the change on the day through the same service as a change made today, so
    it is counted, audited and told in the same way. An introduction visit, when booked, is an
    Appointment with the new worker."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="planned_handovers"
    )
    role = models.CharField(max_length=2, choices=WorkerRole.choices)
    to_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="handovers_to"
    )
    starts_on = models.DateField()
    reason = models.CharField(max_length=8, choices=ALLOCATION_REASONS)
    reason_note = models.TextField(blank=True)
    introduction = models.ForeignKey(
        "Appointment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # How it ended: made on the day (the allocation), or cancelled (with why), or could not be
    # made on the day (why, for the manager who planned it).
    allocation = models.ForeignKey(
        Allocation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.CharField(max_length=300, blank=True)
    failed_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["starts_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "role"],
                condition=models.Q(allocation__isnull=True, cancelled_at__isnull=True),
                name="one_open_handover_per_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.to_worker} for {self.young_person} from {self.starts_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.allocation_id is None and self.cancelled_at is None


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
    # The form that recorded it: sending that form again finds this contact (core/submissions).
    submission_key = submission_key_field()

    history = HistoricalRecords(excluded_fields=["modified_at", "submission_key"])

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
    # Marked so a subject access request can redact it (docs/law/records-and-retention.md, DESIGN
    # 1).
    contains_third_party_information = models.BooleanField(default=False)
    third_party_description = models.CharField(max_length=255, blank=True)
    # The form that wrote it: sending that form again finds this note (core/submissions).
    submission_key = submission_key_field()

    history = HistoricalRecords(excluded_fields=["modified_at", "submission_key"])

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


class AppointmentKind(models.TextChoices):
    VISIT = "visit", gettext_noop("Visit")
    REVIEW = "review", gettext_noop("Pathway plan review")
    MEETING = "meeting", gettext_noop("Meeting")
    CALL = "call", gettext_noop("Phone or video call")


class Appointment(TimeStampedModel):
    """A time a worker has booked to see or speak to a young person.

    The young person sees it on their "appointments" page and is sent a text (or an email) when
    it is booked, moved or cancelled, and the day before. A cancelled appointment is kept, with
    why, so the record shows what was offered."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="appointments"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    kind = models.CharField(max_length=10, choices=AppointmentKind.choices)
    starts_at = models.DateTimeField()
    place = models.CharField(max_length=200)
    note = models.CharField(max_length=300, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.CharField(max_length=300, blank=True)
    # When the young person was reminded, the day before: reminded once however often the
    # nightly job runs.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["young_person", "starts_at"]),
            models.Index(fields=["starts_at"], name="appointment_starts_at"),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at)
        return f"{self.get_kind_display()} with {self.young_person} at {when:%d/%m/%Y %H:%M}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


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


class ContactPolicy(CouncilSettings):
    """The council's local contact standard (the statutory floor is fixed in code).

    One row, edited by administrators. Defaults follow common practice
    (docs/law/pathway-plans-reviews-visits.md).
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


# The duty rota and urgent messages from young people -----------------------------------------


def _monday_to_friday() -> list[int]:
    return [0, 1, 2, 3, 4]


class DutyPolicy(CouncilSettings):
    """When the office is open, and the out-of-hours service that covers the rest of the time.

    One row, set by a team manager or the head of service on the duty rota page (or an
    administrator in the admin). An urgent message from a young person goes to the duty worker
    on the rota while the office is open, and to the out-of-hours service at every other time.
    The number young people call out of hours is OUT_OF_HOURS_PHONE, shown on every page; this
    row holds where the service's urgent texts and emails go.
    """

    office_opens = models.TimeField(default=datetime.time(9, 0))
    office_closes = models.TimeField(default=datetime.time(17, 0))
    # Weekday numbers, Monday 0 to Sunday 6.
    office_days = models.JSONField(default=_monday_to_friday)
    closed_on_bank_holidays = models.BooleanField(
        default=True, help_text="Bank holidays in England, from GOV.UK."
    )
    out_of_hours_name = models.CharField(
        "name of the out-of-hours service", max_length=120, default="Out-of-hours team"
    )
    out_of_hours_mobile = models.CharField(
        "mobile number for urgent texts",
        max_length=20,
        blank=True,
        validators=[validate_uk_mobile],
        help_text="The mobile the out-of-hours worker on call carries. Texts cannot go to a "
        "landline.",
    )
    out_of_hours_email = models.EmailField("email address for urgent messages", blank=True)
    answer_within_working_days = models.PositiveSmallIntegerField(
        "working days to answer a young person's request",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="A council setting, not law: young people are told by when to expect an "
        "answer to what they ask for on their pages, counting office days only.",
    )
    modified_at = models.DateTimeField(auto_now=True)
    modified_by = staff_stamp_field()

    class Meta:
        verbose_name = "office hours and out-of-hours service"
        verbose_name_plural = "office hours and out-of-hours service"

    def __str__(self) -> str:
        return "Office hours and out-of-hours service"

    @classmethod
    def first_values(cls) -> dict[str, Any]:
        # Texts go to OUT_OF_HOURS_PHONE until a manager sets a mobile, when it is one.
        return {
            "out_of_hours_mobile": clean_uk_mobile(str(settings.BRANDING["out_of_hours_phone"]))
            or ""
        }

    @classmethod
    def setting_words(cls, name: str, value: Any) -> str | None:
        # The office days are kept as weekday numbers, Monday 0.
        if name == "office_days" and isinstance(value, list):
            days = sorted(day for day in value if isinstance(day, int) and 0 <= day < 7)
            return ", ".join(DAY_NAMES[day] for day in days) or "no days"
        return None


class DutyRotaEntry(TimeStampedModel):
    """Who is the duty worker on a day, from one time to another, and where urgent texts and
    emails reach them."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    on = models.DateField()
    starts = models.TimeField()
    ends = models.TimeField()
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="duty_rota_entries"
    )
    mobile = models.CharField("mobile number for urgent texts", max_length=20)
    email = models.EmailField("email address for urgent messages")

    class Meta:
        ordering = ["on", "starts"]
        indexes = [models.Index(fields=["on", "starts"])]
        verbose_name_plural = "duty rota entries"

    def __str__(self) -> str:
        return f"{self.worker} on duty {self.on} {self.starts:%H:%M}-{self.ends:%H:%M}"


class DutyAlertRecipient(models.TextChoices):
    DUTY_WORKER = "duty_worker", "Duty worker"
    OUT_OF_HOURS = "out_of_hours", "Out-of-hours service"
    ADVISER = "adviser", "Personal adviser"


class DutyAlert(TimeStampedModel):
    """A young person said on their own pages that they do not feel safe: how to reach them,
    and who was sent it. It stays in the work tray of their workers (and of the duty worker it
    went to) until someone replies to the young person and marks it done."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="duty_alerts"
    )
    alert = models.OneToOneField(Alert, on_delete=models.PROTECT, related_name="duty_alert")
    raised_at = models.DateTimeField()
    their_words = models.TextField(blank=True)
    call_on = models.CharField("the number they said to call them on", max_length=20, blank=True)
    where = models.TextField("where they said they are", blank=True)
    in_office_hours = models.BooleanField()
    sent_to = models.CharField(max_length=20, choices=DutyAlertRecipient.choices)
    sent_to_name = models.CharField(max_length=200)
    duty_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duty_alerts_sent_to",
    )
    # In office hours with nobody on the rota at that moment: it went out of hours instead.
    nobody_on_rota = models.BooleanField(default=False)
    # Where staff reply to the young person and mark it done (the young person's request).
    reply_link = models.CharField(max_length=300, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-raised_at", "-pk"]
        indexes = [models.Index(fields=["closed_at", "raised_at"])]

    def __str__(self) -> str:
        return f"Not feeling safe, young person {self.young_person_id}, {self.raised_at}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class DutyAlertMessage(models.Model):
    """One text or email about a duty alert, and whether it left: the record that lets staff
    and the young person be told honestly when a message could not be sent."""

    class Channel(models.TextChoices):
        SMS = "sms", "Text message"
        EMAIL = "email", "Email"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent"

    duty_alert = models.ForeignKey(DutyAlert, on_delete=models.PROTECT, related_name="messages")
    channel = models.CharField(max_length=5, choices=Channel.choices)
    recipient = models.CharField(max_length=20, choices=DutyAlertRecipient.choices)
    recipient_name = models.CharField(max_length=200)
    to = models.CharField(max_length=254, blank=True)
    status = models.CharField(max_length=7, choices=Status.choices, default=Status.WAITING)
    notify_id = models.CharField(max_length=100, blank=True)
    failure = models.CharField(max_length=300, blank=True)
    attempted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return (
            f"{self.get_channel_display()} to {self.recipient_name}: {self.get_status_display()}"
        )


class StoredWorkItem(models.Model):
    """One item of a young person's work, as the work tray would show it, worked out ahead.

    Only the kinds that depend on nothing but the young person's record and the day are stored
    (`WorkTrayKind.stored`): a visit due, a plan review, a PEP. They are worked out again for a
    young person by a background task after any change to their record commits (until then the
    young person is marked pending, StoredWorkPending, and trays ask the kinds for them), and for
    everyone once a day (casework/stored_work.py); a tray then reads them with one indexed query
    instead of asking each kind. Whose tray an item is in is not stored: it follows the young
    person's allocation when the tray is read, so a reallocation moves the work at once.
    """

    kind = models.CharField(max_length=50)
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    due = models.DateField(null=True, blank=True)
    overdue = models.BooleanField(default=False)
    days_overdue = models.PositiveIntegerField(default=0)
    urgent = models.BooleanField(default=False)
    url = models.CharField(max_length=500)
    batch_id = models.BigIntegerField(null=True, blank=True)
    # The day the item was worked out for: "overdue by 3 days" is true on that day only.
    worked_out_for = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["young_person", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.young_person_id}: {self.title}"


class StoredWorkDay(models.Model):
    """The day for which every young person's stored work items were last worked out, and when.

    One row at most, made the first time everyone's items are stored. A tray reads the stored
    items only when this is today and they are not set aside; otherwise (the daily job has not
    run yet today, or a change that may move anyone's work, such as a council-wide setting, is
    being worked through) it works every kind out as it goes, which is slower but never wrong.
    """

    day = models.DateField()
    set_aside = models.BooleanField(default=False)
    finished_at = models.DateTimeField(default=timezone.now)
    young_people = models.PositiveIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)
    # Items that differed from what was stored, for the same day, when they were worked out
    # again for everyone: should be 0, as every change already refreshed its young person (those
    # still pending after a change are not counted).
    drift = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Stored work items for {self.day}"


class StoredWorkPending(models.Model):
    """A young person whose records changed since their stored work items were last worked out.

    Marked once a change naming them commits, and cleared by the background task that works
    their items out again (or by the daily job), but only when that task started after the mark:
    a change that commits while it runs keeps its mark until its own task has run. While a young
    person is marked, a tray asks their stored kinds directly instead of reading their stored
    items, so a save never waits for the refresh and a tray never shows work the change undid.
    """

    young_person = models.OneToOneField(YoungPerson, on_delete=models.CASCADE, related_name="+")
    # Set by the database's clock, as is the time the refresh starts, which it is compared with.
    marked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Stored work items of {self.young_person_id} pending since {self.marked_at}"
