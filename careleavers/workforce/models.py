"""Supervision and the workforce.

Supervision: one record per supervision of a personal adviser or social worker, with the
reflective discussion kept apart from the task actions, the worker's own comment, and the head of
service's quality grade of a sample of records. How often workers must be supervised is the
council's policy (`SupervisionPolicy`), edited by administrators.

Workforce: funded posts in teams and who held them over time (so vacancies are funded posts with
no current holder), sickness absence (a category, never medical detail) and training against the
council's learning programme (`Course`, reference data).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from careleavers.accounts.models import Team
from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import TimeStampedModel
from careleavers.people.models import YoungPerson

VERIFY_LOCAL_POLICY = (
    "A council setting, not law: the default is common practice. Administrators change it in "
    "the admin site to match the council's supervision policy."
)


class SupervisionPolicy(CouncilSettings):
    """How often workers must be supervised, and how many records senior managers sample.

    One row, edited by administrators in the admin site. The defaults (every 4 weeks; every 2
    weeks in the first 6 months after starting) are common practice, not law, and every page that
    uses them says they are the council's settings.
    """

    personal_adviser_interval_days = models.PositiveSmallIntegerField(
        "days between supervisions for personal advisers",
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=VERIFY_LOCAL_POLICY,
    )
    social_worker_interval_days = models.PositiveSmallIntegerField(
        "days between supervisions for social workers",
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=VERIFY_LOCAL_POLICY,
    )
    new_starter_interval_days = models.PositiveSmallIntegerField(
        "days between supervisions for new starters",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=VERIFY_LOCAL_POLICY,
    )
    new_starter_months = models.PositiveSmallIntegerField(
        "months after starting that count as new",
        default=6,
        validators=[MaxValueValidator(36)],
        help_text=VERIFY_LOCAL_POLICY,
    )
    sample_percent = models.PositiveSmallIntegerField(
        "percentage of recent records to sample for grading",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="How many of the recent ungraded records a random sample draws.",
    )
    sample_recent_days = models.PositiveSmallIntegerField(
        "records held in the last this many days count as recent",
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "supervision policy"
        verbose_name_plural = "supervision policy"

    def __str__(self) -> str:
        return "Supervision policy"


class SupervisionRecord(TimeStampedModel):
    """One supervision of a worker. The supervisor records it (`created_by`); the worker reads
    it and adds their comment. Reflective discussion and task actions are kept apart so that a
    reader, and the head of service who grades a sample, can see which the supervision was."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions_received"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions_given"
    )
    # The worker's team when the supervision was held, so reports by team stay true after moves.
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    held_on = models.DateField("date of supervision")
    young_people = models.ManyToManyField(
        YoungPerson, blank=True, related_name="supervision_discussions"
    )
    what_is_working = models.TextField("what is working", blank=True)
    what_worries_us = models.TextField("what worries us", blank=True)
    young_persons_experience = models.TextField("the young person's experience", blank=True)
    workers_wellbeing = models.TextField("the worker's wellbeing", blank=True)
    worker_comment = models.TextField("the worker's comment", blank=True)
    worker_agrees = models.BooleanField(null=True, blank=True)
    worker_responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["worker", "held_on"]),
            models.Index(fields=["held_on"]),
        ]

    def __str__(self) -> str:
        return f"Supervision of {self.worker} on {self.held_on:%d/%m/%Y}"

    @property
    def reflective_fields(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, name)) for name, label in REFLECTIVE_FIELDS.items()]


# The reflective prompts, in the order they are asked, with the headings records show them under.
REFLECTIVE_FIELDS = {
    "what_is_working": "What is working",
    "what_worries_us": "What worries us",
    "young_persons_experience": "The young person's experience",
    "workers_wellbeing": "The worker's wellbeing",
}


class SupervisionAction(TimeStampedModel):
    """A task agreed in supervision: kept apart from the reflective discussion."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    record = models.ForeignKey(SupervisionRecord, on_delete=models.PROTECT, related_name="actions")
    text = models.TextField("action")
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("due date")
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Action due {self.due_on:%d/%m/%Y}"

    @property
    def done(self) -> bool:
        return self.done_on is not None


class Grade(models.TextChoices):
    REFLECTIVE = "reflective", "Reflective"
    COMPLIANCE_LED = "compliance_led", "Compliance-led"


class SupervisionReview(models.Model):
    """A senior manager's quality grade of one supervision record.

    A row is made when the record is drawn in a random sample (or picked to grade); the grade is
    empty until it is graded. Records with no review row are "unsampled".
    """

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    record = models.OneToOneField(
        SupervisionRecord, on_delete=models.PROTECT, related_name="review"
    )
    randomly_sampled = models.BooleanField(default=False)
    sampled_at = models.DateTimeField()
    sampled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    grade = models.CharField(max_length=20, choices=Grade.choices, blank=True)
    comment = models.TextField(blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-sampled_at", "-id"]

    def __str__(self) -> str:
        # Shown in indicator drill-downs: who, when and the grade, never the notes.
        grade = self.get_grade_display() if self.grade else "not graded yet"
        record = self.record
        return f"Supervision of {record.worker} on {record.held_on:%d/%m/%Y}: {grade}"


# Workforce ---------------------------------------------------------------------------------------


class PostRole(models.TextChoices):
    PERSONAL_ADVISER = "pa", "Personal adviser"
    SOCIAL_WORKER = "sw", "Social worker"
    TEAM_MANAGER = "tm", "Team manager"


def _fte_validators() -> list[Any]:
    return [MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.00"))]


class Post(TimeStampedModel):
    """A funded post in a team. It is vacant on a day when it is funded and nobody holds it."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="posts")
    role = models.CharField(max_length=2, choices=PostRole.choices)
    reference = models.CharField(
        max_length=40, blank=True, help_text="The council's post number, if it has one."
    )
    fte = models.DecimalField(
        "full-time equivalent", max_digits=3, decimal_places=2, validators=_fte_validators()
    )
    funded_from = models.DateField()
    funded_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["team__name", "role", "reference", "id"]

    def __str__(self) -> str:
        label = self.get_role_display()
        return f"{label} {self.reference}".strip() + f", {self.team}" if self.team_id else label

    def is_funded_on(self, day: datetime.date) -> bool:
        return self.funded_from <= day and (self.funded_to is None or self.funded_to >= day)


class EmploymentKind(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    AGENCY = "agency", "Agency"


class LeavingReason(models.TextChoices):
    RESIGNED = "resigned", "Resigned"
    RETIRED = "retired", "Retired"
    CONTRACT_ENDED = "contract_ended", "Agency assignment or fixed-term contract ended"
    DISMISSED = "dismissed", "Dismissed"
    MOVED_WITHIN_SERVICE = "moved", "Moved to another post in the service"
    OTHER = "other", "Other"


# A move between posts in the service is neither a leaver nor a starter.
INTERNAL_MOVE = LeavingReason.MOVED_WITHIN_SERVICE


class Employment(TimeStampedModel):
    """Someone holding a post for a period: the post's history is its holders."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="employments")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="employments"
    )
    kind = models.CharField(max_length=10, choices=EmploymentKind.choices)
    fte = models.DecimalField(
        "full-time equivalent", max_digits=3, decimal_places=2, validators=_fte_validators()
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Their last day in the post.")
    leaving_reason = models.CharField(max_length=20, choices=LeavingReason.choices, blank=True)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["staff", "end"]), models.Index(fields=["post", "end"])]

    def __str__(self) -> str:
        return f"{self.staff} in {self.post}"

    def is_current_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


class AbsenceReason(models.TextChoices):
    """Broad categories only (as councils report sickness): never medical detail."""

    MENTAL_HEALTH = "mental_health", "Stress, depression, anxiety or other mental health"
    MUSCULOSKELETAL = "musculoskeletal", "Back, neck or other musculoskeletal"
    INFECTION = "infection", "Cold, flu, COVID-19 or other infection"
    STOMACH = "stomach", "Stomach, liver or digestion"
    INJURY = "injury", "Injury or accident"
    OPERATION = "operation", "Operation or recovery from an operation"
    PREGNANCY = "pregnancy", "Pregnancy related"
    OTHER = "other", "Other"


class SicknessAbsence(TimeStampedModel):
    """A period of sickness absence. The reason is a category; no medical detail is kept."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sickness_absences"
    )
    first_day = models.DateField()
    last_day = models.DateField(null=True, blank=True, help_text="Empty while still off.")
    working_days_lost = models.DecimalField(max_digits=5, decimal_places=1)
    reason = models.CharField(max_length=20, choices=AbsenceReason.choices)

    class Meta:
        ordering = ["-first_day", "-id"]
        indexes = [models.Index(fields=["staff", "first_day"])]

    def __str__(self) -> str:
        return f"Sickness absence of {self.staff} from {self.first_day:%d/%m/%Y}"


class Course(models.Model):
    """A course of the council's learning and development programme (reference data, edited in
    the admin site). Mandatory courses are expected of every personal adviser, social worker and
    team manager; those with a renewal interval must be done again after it."""

    name = models.CharField(max_length=150, unique=True)
    description = models.CharField(max_length=300, blank=True)
    mandatory = models.BooleanField(default=False)
    renewal_months = models.PositiveSmallIntegerField(
        "renew after this many months",
        null=True,
        blank=True,
        help_text="Leave empty for a course done once. A council setting, not law.",
    )
    complete_within_days = models.PositiveSmallIntegerField(
        "new starters complete it within this many days",
        default=90,
        help_text="How long a new starter has to complete this course. A council setting, not "
        "law.",
    )
    is_active = models.BooleanField(default=True)
    display_order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name


class TrainingRecord(TimeStampedModel):
    """A course someone completed, and when."""

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_records"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="records")
    completed_on = models.DateField()

    class Meta:
        ordering = ["-completed_on", "-id"]
        indexes = [models.Index(fields=["staff", "course", "completed_on"])]

    def __str__(self) -> str:
        return f"{self.course} completed by {self.staff} on {self.completed_on:%d/%m/%Y}"
