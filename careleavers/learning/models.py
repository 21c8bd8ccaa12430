"""Education, employment and training: activity history, NEET reasons, the EET panel and PEPs."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import ArchivableModel, TimeStampedModel
from careleavers.learning.activ import APPRENTICESHIP, HIGHER_EDUCATION, RECORDABLE_ACTIV
from careleavers.learning.pep import TERM_CHOICES, Term, school_term
from careleavers.people.models import YoungPerson


class LearningPolicy(CouncilSettings):
    """The council's own settings for EET work: targets and time limits.

    One row, edited by administrators in the admin. Targets are local choices; the national
    figures the targets are compared with ship in data/national_eet.csv.
    """

    course_ending_within_days = models.PositiveSmallIntegerField(
        default=42,
        help_text="Young people whose course or contract ends within this many days of the "
        "panel are listed as at risk.",
    )
    pep_completion_target_percent = models.PositiveSmallIntegerField(
        "PEP completion target (%)", default=90
    )
    pep_due_weeks_into_term = models.PositiveSmallIntegerField(
        "weeks into each term a PEP is due", default=6
    )
    pep_work_tray_days_ahead = models.PositiveSmallIntegerField(
        "days before its due date a PEP shows in the work tray", default=21
    )
    eet_target_17_18_percent = models.PositiveSmallIntegerField(
        "EET target for 17 and 18 year olds (%)", default=65
    )
    eet_target_19_21_percent = models.PositiveSmallIntegerField(
        "EET target for 19 to 21 year olds (%)", default=60
    )
    eet_target_22_25_percent = models.PositiveSmallIntegerField(
        "EET target for 22 to 25 year olds (%)", default=50
    )

    class Meta:
        verbose_name = "EET policy"
        verbose_name_plural = "EET policy"

    def __str__(self) -> str:
        return "EET targets and time limits"

    def eet_target_for(self, band: str) -> int:
        return {
            "17-18": self.eet_target_17_18_percent,
            "19-21": self.eet_target_19_21_percent,
            "22-25": self.eet_target_22_25_percent,
        }[band]


# The plugin cannot resolve reverse managers to models with the archivable manager.
class NeetReason(models.Model):  # type: ignore[django-manager-missing]
    """A reason a young person is not in education, employment or training.

    A fixed list (seeded by migration 0002) that the council can extend in the admin. Reasons
    are retired rather than deleted, because past records and panel themes refer to them.
    """

    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=120, unique=True)
    hint = models.CharField(max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField(
        "in use", default=True, help_text="Untick to stop offering this reason for new records."
    )

    class Meta:
        ordering = ["order", "label"]

    def __str__(self) -> str:
        return self.label


class ActivityEpisode(ArchivableModel):
    """What a young person is doing: one DfE ACTIV code for a period (docs/data/ssda903.md §3).

    `end` is the last day of the activity. `planned_end` is when a course or contract is due to
    end, which puts the young person on the EET panel's agenda as at risk. For higher education
    (F1 or P1) `start` is the day they started higher education, which the local offer reads.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="activities"
    )
    activ = models.CharField("activity", max_length=2, choices=RECORDABLE_ACTIV)
    provider = models.CharField(
        "college, university, employer or training provider", max_length=200, blank=True
    )
    course_or_role = models.CharField("course, apprenticeship or job", max_length=200, blank=True)
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    start = models.DateField("start date")
    end = models.DateField("end date", null=True, blank=True)
    end_reason = models.TextField("why it ended", blank=True)
    planned_end = models.DateField(
        "date the course or contract is due to end", null=True, blank=True
    )
    is_training = models.BooleanField(
        "training rather than a job",
        default=False,
        help_text="For F5 and P5 only: a training course or traineeship counts as training for "
        "help up to 25.",
    )
    council_job_offer = models.BooleanField(
        "offered by the council as a corporate parent",
        default=False,
        help_text="A job or apprenticeship the council offered because the young person is a "
        "care leaver.",
    )
    young_persons_view = models.TextField("what the young person says", blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-start", "-pk"]
        indexes = [
            models.Index(fields=["young_person", "start"]),
            models.Index(fields=["activ", "end"]),
            models.Index(fields=["planned_end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="activity_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activ} from {self.start}"

    @property
    def is_apprenticeship(self) -> bool:
        return self.activ in APPRENTICESHIP

    @property
    def is_higher_education(self) -> bool:
        return self.activ in HIGHER_EDUCATION


class NeetReasonRecord(ArchivableModel):
    """One reason a young person is not in EET, with their own view of it."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="neet_reasons"
    )
    reason = models.ForeignKey(NeetReason, on_delete=models.PROTECT, related_name="records")
    identified_on = models.DateField("date recorded")
    resolved_on = models.DateField("date it stopped being a barrier", null=True, blank=True)
    young_persons_view = models.TextField("what the young person says about it", blank=True)
    details = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-identified_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "reason"],
                condition=models.Q(resolved_on__isnull=True, archived_at__isnull=True),
                name="one_open_record_per_neet_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_on__isnull=True)
                | models.Q(resolved_on__gte=models.F("identified_on")),
                name="neet_reason_resolved_after_identified",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reason} from {self.identified_on}"

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None


class PanelMeeting(TimeStampedModel):
    """A monthly EET panel meeting."""

    held_on = models.DateField("meeting date", unique=True)
    location = models.CharField(max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(blank=True)
    agenda_built_on = models.DateField(null=True, blank=True)
    # The window used for "course ending soon" when the agenda was last built, kept so the
    # agenda can say why people are on it even after the policy changes.
    course_ending_within_days = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"EET panel {self.held_on}"


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Did not attend"


class PanelAttendee(TimeStampedModel):
    """Someone invited to a meeting: a member of staff, or a partner (college, DWP, careers)."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.PROTECT, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    attendance = models.CharField(max_length=10, choices=Attendance.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ListedBecause(models.TextChoices):
    NEET = "neet", "Not in education, employment or training"
    COURSE_ENDING = "course_ending", "Course or contract ending soon"


class PanelCase(TimeStampedModel):
    """A young person on a meeting's agenda, with the discussion about them.

    The NEET reasons and activity they had when listed are kept, so the themes of past meetings
    do not change when records are later updated.
    """

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.PROTECT, related_name="cases")
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="panel_cases"
    )
    listed_because = models.CharField(max_length=20, choices=ListedBecause.choices)
    activ_when_listed = models.CharField(max_length=2, blank=True)
    neet_since = models.DateField(null=True, blank=True)
    course_ends_on = models.DateField(null=True, blank=True)
    reasons = models.ManyToManyField(NeetReason, blank=True, related_name="panel_cases")
    discussion = models.TextField(blank=True)
    discussed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["listed_because", "neet_since", "course_ends_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "young_person"], name="one_case_per_young_person_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.young_person} at {self.meeting}"


class ActionKind(models.TextChoices):
    COURSE = "course", "Course or training referral"
    JOB = "job", "Job or apprenticeship application"
    CAREERS = "careers", "Careers advice and guidance"
    HEALTH = "health", "Health or wellbeing referral"
    MONEY = "money", "Benefits, bursary or money"
    HOUSING = "housing", "Housing"
    CHILDCARE = "childcare", "Childcare"
    CONFIDENCE = "confidence", "Confidence or skills building"
    OTHER = "other", "Other"


class PanelAction(TimeStampedModel):
    """Something the panel agreed to do for a young person: what, who, by when."""

    case = models.ForeignKey(PanelCase, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField("type of action", max_length=20, choices=ActionKind.choices)
    description = models.TextField("what will be done")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eet_panel_actions",
    )
    owner_name = models.CharField(
        "owner outside the service",
        max_length=200,
        blank=True,
        help_text="For a partner, for example a college or Jobcentre work coach.",
    )
    due_on = models.DateField("due date")
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "completed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | ~models.Q(owner_name=""),
                name="panel_action_has_an_owner",
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def owner_label(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_name


class QualityGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class PersonalEducationPlan(TimeStampedModel):
    """The PEP for one school term, for a 16 or 17 year old in care and in education.

    Created by the daily job when a term starts (services.peps_schedule); completed by the
    worker; quality assured by a reviewer with a grade and feedback.
    """

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="peps")
    academic_year = models.PositiveSmallIntegerField(help_text="The year the school year starts.")
    term = models.CharField(max_length=6, choices=TERM_CHOICES)
    due_on = models.DateField("due date")
    completed_on = models.DateField(null=True, blank=True)
    education_setting = models.CharField(max_length=200, blank=True)
    summary = models.TextField("what the plan says", blank=True)
    not_required_on = models.DateField(null=True, blank=True)
    not_required_reason = models.CharField(max_length=255, blank=True)
    quality_grade = models.CharField(max_length=20, choices=QualityGrade.choices, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_on = models.DateField(null=True, blank=True)
    reviewer_feedback = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-due_on"]
        indexes = [models.Index(fields=["due_on", "completed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "academic_year", "term"], name="one_pep_per_term"
            )
        ]

    def __str__(self) -> str:
        return f"PEP {self.get_term_display()} {self.academic_year} for {self.young_person}"

    @property
    def term_label(self) -> str:
        return school_term(self.academic_year, Term(self.term)).label

    def status_on(self, today: datetime.date) -> str:
        if self.completed_on is not None:
            return "Completed"
        if self.not_required_on is not None:
            return "Not needed"
        return "Overdue" if self.due_on < today else "Due"


class PepTargetStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    ACHIEVED = "achieved", "Achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"


class PepTarget(TimeStampedModel):
    """An education target set in a PEP."""

    pep = models.ForeignKey(
        PersonalEducationPlan, on_delete=models.PROTECT, related_name="targets"
    )
    description = models.TextField("target")
    by_when = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=PepTargetStatus.choices, default=PepTargetStatus.NOT_STARTED
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description[:60]
