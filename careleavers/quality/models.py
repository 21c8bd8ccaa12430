"""Quality assurance records: the young person's feedback, case audits and their moderation,
the audit programme's monthly targets, and management oversight on case records.

The Ofsted letter (context/) found audit completion below target and audits without the young
person's feedback, so their lived experience was missing from the learning. An audit here cannot
be completed without that feedback, or a recorded reason it could not be had (services.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop

from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import ArchivableModel, TimeStampedModel
from careleavers.core.practice_framework import GRADES, JUDGEMENT_AREAS
from careleavers.people.models import YoungPerson

GRADE_CHOICES = list(GRADES)
AREA_CHOICES = list(JUDGEMENT_AREAS)
# Good or better on Ofsted's scale: the grades the "graded good or better" indicator counts.
GOOD_OR_BETTER = ("outstanding", "good")


class FeedbackMethod(models.TextChoices):
    PORTAL = "portal", "Through their pages online"
    PHONE = "phone", "By phone"
    IN_PERSON = "in_person", "In person"
    SURVEY = "survey", "In a survey"


# The ways staff take feedback themselves (the portal and surveys come in by other routes).
STAFF_FEEDBACK_METHODS = (FeedbackMethod.PHONE, FeedbackMethod.IN_PERSON)


# The young person reads these choices in their own language: marked here, translated where
# their form is made (portal/forms.py); staff pages show them in English.
class FeedbackAbout(models.TextChoices):
    PERSONAL_ADVISER = "personal_adviser", gettext_noop("My personal adviser")
    SERVICE = "service", gettext_noop("The leaving care service")


class FeedbackRating(models.TextChoices):
    # Plain words rather than numbers: young people told Bright Spots they want to be asked how
    # things are, not to score their worker.
    VERY_GOOD = "very_good", gettext_noop("Very good")
    GOOD = "good", gettext_noop("Good")
    OK = "ok", gettext_noop("OK")
    NOT_GOOD = "not_good", gettext_noop("Not good")


class YoungPersonFeedback(TimeStampedModel):
    """What a young person said about their PA or the service. Given in the portal or taken by a
    worker or auditor; an audit can draw on it as the young person's voice."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="feedback"
    )
    given_on = models.DateField(default=timezone.localdate)
    method = models.CharField(max_length=20, choices=FeedbackMethod.choices)
    about = models.CharField(max_length=20, choices=FeedbackAbout.choices)
    rating = models.CharField(max_length=20, choices=FeedbackRating.choices, blank=True)
    what_is_good = models.TextField(blank=True)
    what_could_be_better = models.TextField(blank=True)

    class Meta:
        ordering = ["-given_on", "-created_at"]
        indexes = [models.Index(fields=["young_person", "given_on"])]

    def __str__(self) -> str:
        return f"Feedback from {self.young_person} on {self.given_on}"


class AnonymousFeedback(models.Model):
    """What a young person said without their name. It reaches the manager of their team.

    Deliberately holds nothing that points back at the young person: no link to their record,
    no "created by", no time of day (only the day, which the team has many of), and the adviser
    only when the feedback is about them and they have enough young people that naming them
    does not narrow it down (services.anonymous_feedback_give). Its audit event is written later,
    in the nightly batch, so that the audit log's order and times do not line it up with the
    young person's own page views (services.anonymous_feedback_log).
    """

    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, related_name="anonymous_feedback"
    )
    given_on = models.DateField()
    about = models.CharField(max_length=20, choices=FeedbackAbout.choices)
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="personal adviser it is about",
    )
    rating = models.CharField(max_length=20, choices=FeedbackRating.choices, blank=True)
    what_is_good = models.TextField(blank=True)
    what_could_be_better = models.TextField(blank=True)
    read_on = models.DateField(null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    manager_note = models.TextField("what the manager did", blank=True)
    # Set when the nightly batch has written its audit event (services.anonymous_feedback_log).
    logged = models.BooleanField(default=False)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name_plural = "anonymous feedback"
        indexes = [
            models.Index(fields=["team", "read_on"]),
            models.Index(fields=["logged", "given_on"]),
        ]

    def __str__(self) -> str:
        return f"Anonymous feedback to {self.team} on {self.given_on}"


# Wellbeing checks ----------------------------------------------------------------------------


class WellbeingAnswer(models.TextChoices):
    MOSTLY = "mostly", gettext_noop("Most of the time")
    SOMETIMES = "sometimes", gettext_noop("Sometimes")
    HARDLY_EVER = "hardly_ever", gettext_noop("Hardly ever")
    RATHER_NOT_SAY = "rather_not_say", gettext_noop("I’d rather not say")


class WellbeingCheck(TimeStampedModel):
    """A young person's short wellbeing check, filled in on their own pages. The questions'
    wording is in quality/wellbeing.py; each answer is one field so figures count in SQL."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="wellbeing_checks"
    )
    given_on = models.DateField(default=timezone.localdate)
    settled = models.CharField(max_length=20, choices=WellbeingAnswer.choices)
    safe = models.CharField(max_length=20, choices=WellbeingAnswer.choices)
    someone_to_turn_to = models.CharField(max_length=20, choices=WellbeingAnswer.choices)
    managing_money = models.CharField(max_length=20, choices=WellbeingAnswer.choices)
    good_about_future = models.CharField(max_length=20, choices=WellbeingAnswer.choices)
    anything_else = models.TextField(blank=True)

    class Meta:
        ordering = ["-given_on", "-created_at"]
        indexes = [models.Index(fields=["young_person", "given_on"])]

    def __str__(self) -> str:
        return f"Wellbeing check from {self.young_person} on {self.given_on}"

    def answer_label(self, key: str) -> str:
        """The words of the answer to one question ("Most of the time")."""
        value = getattr(self, key)
        return str(dict(WellbeingAnswer.choices).get(value, value))


# You said, we did ----------------------------------------------------------------------------


class YouSaidStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class YouSaidWeDid(TimeStampedModel):
    """What young people told the service and what it changed, written by a manager and, once
    published, shown to every young person on their "Your say" page."""

    you_said = models.TextField("what young people said")
    we_did = models.TextField("what we did")
    done_on = models.DateField("when we did it")
    status = models.CharField(
        max_length=12, choices=YouSaidStatus.choices, default=YouSaidStatus.DRAFT
    )
    published_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-done_on", "-pk"]
        verbose_name = "you said, we did"
        verbose_name_plural = "you said, we did"
        indexes = [models.Index(fields=["status", "done_on"])]

    def __str__(self) -> str:
        return self.you_said[:80]


# Policy -------------------------------------------------------------------------------------


class QualityPolicy(CouncilSettings):
    """The council's own quality assurance settings. One row, edited by administrators in the
    admin site. Neither number is set by law: both are the council's local policy."""

    oversight_months = models.PositiveSmallIntegerField(
        "months without management oversight before a case is listed",
        default=3,
        help_text="The council's local policy: how often a manager should record oversight on "
        "each case. The oversight report lists young people with none in this many months.",
    )
    feedback_recent_days = models.PositiveSmallIntegerField(
        "days feedback counts as recent for an audit",
        default=90,
        help_text="The council's local policy: how old a young person's feedback may be for an "
        "auditor to use it in a case audit.",
    )
    wellbeing_interval_days = models.PositiveSmallIntegerField(
        "days between wellbeing checks",
        default=90,
        validators=[MinValueValidator(1)],
        help_text="The council's local policy: how many days after filling in a wellbeing check "
        "a young person may fill in another. Asking too often makes it a chore; 90 days asks "
        "about four times a year.",
    )
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "quality assurance policy"
        verbose_name_plural = "quality assurance policy"

    def __str__(self) -> str:
        return "Quality assurance policy"


# The audit tool's reference data --------------------------------------------------------------


class AuditQuestion(models.Model):  # type: ignore[django-manager-missing]
    """A question of the case audit tool, in one of Ofsted's care leaver judgement areas and
    tagged with the corporate parenting principles it tests.

    Reference data: the default set comes from a data migration and administrators edit it in
    the admin site. An audit copies its questions' wording when it starts, so rewording or
    retiring a question never changes an audit already started.
    """

    area = models.CharField(max_length=30, choices=AREA_CHOICES)
    text = models.CharField("question", max_length=400)
    hint = models.CharField(
        max_length=400, blank=True, help_text="What to look for, shown under the question."
    )
    # Codes from core.practice_framework.CORPORATE_PARENTING_PRINCIPLES ("a" to "g").
    principles = models.JSONField(default=list, blank=True)
    display_order = models.PositiveIntegerField(default=100)
    is_active = models.BooleanField(
        "in use",
        default=True,
        help_text="Untick to retire the question: new audits leave it out, audits that asked "
        "it keep it.",
    )

    class Meta:
        ordering = ["display_order", "pk"]

    def __str__(self) -> str:
        return self.text


class AuditTheme(models.Model):  # type: ignore[django-manager-missing]
    """A learning theme an audit can record, so that themes across audits can be counted.

    Reference data from a data migration; administrators add or retire themes in the admin.
    """

    key = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=120, unique=True)
    description = models.CharField(max_length=300, blank=True)
    display_order = models.PositiveIntegerField(default=100)
    is_active = models.BooleanField(
        "in use",
        default=True,
        help_text="Untick to stop auditors choosing it; past audits keep it.",
    )

    class Meta:
        ordering = ["display_order", "label"]

    def __str__(self) -> str:
        return self.label


# Case audits --------------------------------------------------------------------------------


class AuditStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class AnswerRating(models.TextChoices):
    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Does not apply to this young person"


class NoFeedbackReason(models.TextChoices):
    DECLINED = "declined", "They did not want to give feedback"
    NO_RESPONSE = "no_response", "They did not respond after at least two attempts"
    NOT_SAFE = "not_safe", "Asking now would not be safe or in their interests"
    UNAVAILABLE = (
        "unavailable",
        "They are in custody, in hospital or abroad and could not be reached",
    )
    COMMUNICATION = (
        "communication",
        "They could not give a view, even with support or an interpreter",
    )
    OTHER = "other", "Another reason"


class CaseAudit(ArchivableModel):
    """An audit of one young person's case by a quality assurance officer.

    The worker audited (their personal adviser, or social worker if they have no adviser), the
    worker's manager and the team are taken when the audit starts, so the audit keeps them when
    the case moves. `overall_grade` is the auditor's; `final_grade` is the one that counts: the
    moderator's when a moderator changed it, the auditor's otherwise.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="case_audits"
    )
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_audits",
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="worker audited",
    )
    worker_role = models.CharField(max_length=2, blank=True)  # casework WorkerRole code
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_audits_done"
    )
    status = models.CharField(
        max_length=12, choices=AuditStatus.choices, default=AuditStatus.IN_PROGRESS
    )
    started_on = models.DateField(default=timezone.localdate)
    completed_on = models.DateField(null=True, blank=True)
    overall_grade = models.CharField(max_length=24, choices=GRADE_CHOICES, blank=True)
    summary = models.TextField("overall evaluation", blank=True)
    final_grade = models.CharField(max_length=24, choices=GRADE_CHOICES, blank=True)
    feedback = models.ForeignKey(
        YoungPersonFeedback,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits",
        verbose_name="the young person's feedback",
    )
    no_feedback_reason = models.CharField(
        "why their feedback could not be had",
        max_length=20,
        choices=NoFeedbackReason.choices,
        blank=True,
    )
    no_feedback_explanation = models.TextField(blank=True)
    wellbeing_check = models.ForeignKey(
        WellbeingCheck,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits",
        verbose_name="the young person's wellbeing check",
    )
    themes = models.ManyToManyField(
        AuditTheme, blank=True, related_name="audits", verbose_name="learning themes"
    )

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [
            models.Index(fields=["status", "completed_on"]),
            models.Index(fields=["team", "completed_on"]),
            models.Index(fields=["young_person", "started_on"]),
            # The audit list's order (selectors.audit_list_visible_to): its first page reads
            # 50 audits from here instead of sorting every audit the user can see.
            models.Index(
                fields=["-completed_on", "-started_on", "-id"], name="quality_audit_list_order"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="in_progress", completed_on__isnull=True)
                | (
                    models.Q(status="completed", completed_on__isnull=False)
                    & ~models.Q(final_grade="")
                ),
                name="case_audit_completed_has_date_and_grade",
            ),
        ]

    def __str__(self) -> str:
        return f"Case audit of {self.young_person} started {self.started_on:%d/%m/%Y}"

    @property
    def is_completed(self) -> bool:
        return self.status == AuditStatus.COMPLETED

    @property
    def has_voice(self) -> bool:
        """The young person's feedback or wellbeing check, or the reason neither could be had,
        is recorded."""
        return (
            self.feedback_id is not None
            or self.wellbeing_check_id is not None
            or bool(self.no_feedback_reason)
        )


class AuditAnswer(models.Model):
    """The auditor's answer to one question, with the question's wording as it was asked."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT, related_name="answers")
    area = models.CharField(max_length=30, choices=AREA_CHOICES)
    question_text = models.CharField(max_length=400)
    hint = models.CharField(max_length=400, blank=True)
    principles = models.JSONField(default=list, blank=True)
    display_order = models.PositiveIntegerField(default=100)
    rating = models.CharField(max_length=20, choices=AnswerRating.choices, blank=True)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["display_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return self.question_text


class AuditAreaGrade(models.Model):
    """The auditor's grade for one judgement area of an audit."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.PROTECT, related_name="area_grades")
    area = models.CharField(max_length=30, choices=AREA_CHOICES)
    grade = models.CharField(max_length=24, choices=GRADE_CHOICES)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "area"], name="one_grade_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.get_grade_display()}"


class ActionFor(models.TextChoices):
    WORKER = "worker", "The worker"
    MANAGER = "manager", "The manager"


class AuditAction(ArchivableModel):
    """Direction for improvement from an audit: something the worker or the manager must do by
    a date. It shows in their work tray from when the audit is completed until they mark it
    done with a note."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.PROTECT, related_name="actions")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_actions"
    )
    assigned_as = models.CharField(max_length=10, choices=ActionFor.choices)
    description = models.TextField("what needs to be done")
    due_on = models.DateField("due by")
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    done_note = models.TextField("what was done", blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["assignee", "done_on"]),
            models.Index(fields=["due_on", "done_on"]),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class AuditModeration(TimeStampedModel):
    """A second auditor's view of a completed audit's grade. Both grades are kept: the audit's
    `overall_grade` is the first auditor's, `grade` here the moderator's."""

    audit = models.OneToOneField(CaseAudit, on_delete=models.PROTECT, related_name="moderation")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moderated_on = models.DateField(default=timezone.localdate)
    agrees = models.BooleanField("agrees with the grade")
    grade = models.CharField("moderated grade", max_length=24, choices=GRADE_CHOICES)
    reason = models.TextField("reason")

    def __str__(self) -> str:
        return f"Moderation of {self.audit}"


class AuditTarget(TimeStampedModel):
    """How many case audits a team should complete in a calendar month, set by a head of
    service or the team's manager. `month` is the first day of the month."""

    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, related_name="audit_targets"
    )
    month = models.DateField()
    target = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-month", "team__name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "month"], name="one_audit_target_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.team}: {self.target} audits in {self.month:%B %Y}"


# Management oversight -----------------------------------------------------------------------


class OversightEntry(ArchivableModel):
    """A team manager's or head of service's oversight on a case: the direction given, why, and
    when it should be looked at again. Marked reviewed when that happens."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="oversight_entries"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="oversight_entries"
    )
    recorded_on = models.DateField("date of the oversight", default=timezone.localdate)
    direction = models.TextField("direction given")
    rationale = models.TextField("reasons for the direction")
    review_by = models.DateField("review by", null=True, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    review_note = models.TextField("what the review found", blank=True)

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        verbose_name_plural = "oversight entries"
        indexes = [
            models.Index(fields=["young_person", "recorded_on"]),
            models.Index(fields=["manager", "reviewed_on"]),
        ]

    def __str__(self) -> str:
        return f"Management oversight on {self.young_person} on {self.recorded_on:%d/%m/%Y}"
