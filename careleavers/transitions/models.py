"""Transitions to adult services and health.

Referrals to the services young people move on to (adult social care, adult mental health,
CAMHS, the learning disability service, substance misuse and whatever else the council adds),
with their dates, threshold decisions and the chasing it takes; transition plans for young
people with an EHC plan or learning needs; and the health facts a personal adviser keeps.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from careleavers.core.models import ArchivableModel, TimeStampedModel
from careleavers.people.models import YoungPerson


class ServiceKind(models.TextChoices):
    ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
    ADULT_MENTAL_HEALTH = "adult_mental_health", "Adult mental health"
    CAMHS = "camhs", "Children and young people's mental health (CAMHS)"
    LEARNING_DISABILITY = "learning_disability", "Learning disability"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    OTHER = "other", "Other"


# Kinds where section 117 aftercare can apply (Mental Health Act 1983 s.117).
MENTAL_HEALTH_KINDS = frozenset({ServiceKind.ADULT_MENTAL_HEALTH, ServiceKind.CAMHS})


class Service(models.Model):  # type: ignore[django-manager-missing]
    """A service young people are referred to, with the council's target wait for a decision.

    Reference data: the common services come from a data migration and administrators add
    others, or change targets, in the admin site.
    """

    name = models.CharField(max_length=150, unique=True)
    kind = models.CharField(max_length=30, choices=ServiceKind.choices, default=ServiceKind.OTHER)
    description = models.CharField(
        max_length=300, blank=True, help_text="Shown under the name when a worker refers."
    )
    target_wait_days = models.PositiveIntegerField(
        "target wait in days",
        help_text="How many days from referral to the service's decision the council expects.",
    )
    is_active = models.BooleanField(
        default=True, help_text="Untick to stop new referrals; existing ones are kept."
    )
    display_order = models.PositiveIntegerField(default=100)

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def allows_section_117(self) -> bool:
        return self.kind in MENTAL_HEALTH_KINDS


class Outcome(models.TextChoices):
    THRESHOLD_MET = "met", "Threshold met"
    THRESHOLD_NOT_MET = "not_met", "Threshold not met"
    SIGNPOSTED = "signposted", "Signposted to another service"


class Referral(ArchivableModel):
    """A referral of a young person to a service, from referral to decision and support.

    The wait runs from `referred_on` to `decided_on`; a referral with neither a decision nor a
    withdrawal is open and its wait is still growing (transitions/waits.py).
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="referrals"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    referred_on = models.DateField("date referred")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("why the young person was referred")
    section_117_aftercare = models.BooleanField(
        "section 117 aftercare",
        default=False,
        help_text="The young person was detained under the Mental Health Act and is entitled "
        "to aftercare.",
    )
    acknowledged_on = models.DateField("date acknowledged", null=True, blank=True)
    assessed_on = models.DateField("date assessed", null=True, blank=True)
    decided_on = models.DateField("date decided", null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    decision_notes = models.TextField("what the service decided and why", blank=True)
    # Required when the threshold was not met: the letter found many young people fall below
    # adult thresholds, so leaders need to see what they get instead.
    alternative_support = models.TextField("support given instead", blank=True)
    support_started_on = models.DateField("date support started", null=True, blank=True)
    withdrawn_on = models.DateField("date withdrawn", null=True, blank=True)
    withdrawn_reason = models.TextField("why the referral was withdrawn", blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-referred_on", "-id"]
        indexes = [
            models.Index(fields=["young_person", "referred_on"]),
            models.Index(fields=["decided_on", "withdrawn_on"]),
            models.Index(fields=["service", "referred_on"]),
            models.Index(fields=["outcome"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_on__isnull=True)
                | models.Q(decided_on__gte=models.F("referred_on")),
                name="referral_decided_after_referred",
            ),
            models.CheckConstraint(
                condition=models.Q(decided_on__isnull=True, outcome="")
                | (models.Q(decided_on__isnull=False) & ~models.Q(outcome="")),
                name="referral_decision_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} on {self.referred_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.decided_on is None and self.withdrawn_on is None

    @property
    def ended_on(self) -> datetime.date | None:
        return self.decided_on or self.withdrawn_on


class ChaseKind(models.TextChoices):
    CHASE = "chase", "Chase"
    ESCALATION = "escalation", "Escalation"


class ReferralChase(TimeStampedModel):
    """A chase of a referral, or an escalation to someone more senior. Never edited."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="chases")
    kind = models.CharField(max_length=12, choices=ChaseKind.choices)
    on = models.DateField("date")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contacted = models.CharField("who was contacted", max_length=200)
    notes = models.TextField("what was said or agreed", blank=True)

    class Meta:
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["referral", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%d/%m/%Y}"


class Registration(models.TextChoices):
    REGISTERED = "yes", "Registered"
    NOT_REGISTERED = "no", "Not registered"
    NOT_KNOWN = "unknown", "Not known"


class HealthProfile(TimeStampedModel):
    """The health facts a personal adviser keeps for a young person, one per young person."""

    young_person = models.OneToOneField(
        YoungPerson, on_delete=models.PROTECT, related_name="health_profile"
    )
    gp_registration = models.CharField(
        "registered with a GP",
        max_length=8,
        choices=Registration.choices,
        default=Registration.NOT_KNOWN,
    )
    gp_practice = models.CharField("GP practice", max_length=200, blank=True)
    dentist_registration = models.CharField(
        "registered with a dentist",
        max_length=8,
        choices=Registration.choices,
        default=Registration.NOT_KNOWN,
    )
    dentist_practice = models.CharField("dental practice", max_length=200, blank=True)
    health_history_given_on = models.DateField(
        "date the health history summary was given to the young person", null=True, blank=True
    )
    mental_health_needs = models.BooleanField("has mental health needs", default=False)
    mental_health_notes = models.TextField("mental health needs", blank=True)
    is_pregnant = models.BooleanField("pregnant", default=False)
    due_on = models.DateField("baby due", null=True, blank=True)
    is_parent = models.BooleanField("a parent", default=False)
    number_of_children = models.PositiveSmallIntegerField(default=0)
    # The SSDA903 asks whether a young woman in care is a mother, and her first child's date
    # of birth (MOTHER, MC_DOB; data-standards.md 1.5).
    first_child_born_on = models.DateField("first child's date of birth", null=True, blank=True)
    parenting_notes = models.TextField("parenting and support", blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    def __str__(self) -> str:
        return f"Health of {self.young_person}"


class TransitionPlan(TimeStampedModel):
    """Planning for adulthood with a young person who has an EHC plan or learning needs."""

    young_person = models.OneToOneField(
        YoungPerson, on_delete=models.PROTECT, related_name="transition_plan"
    )
    started_on = models.DateField("date planning started")
    young_persons_wishes = models.TextField("what the young person wants for adult life")
    summary = models.TextField("the plan", blank=True)
    adult_services = models.ManyToManyField(
        Service,
        blank=True,
        related_name="transition_plans",
        verbose_name="adult services involved",
    )
    other_professionals = models.TextField("other people and services involved", blank=True)
    next_review_on = models.DateField("next review", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["modified_at"])

    def __str__(self) -> str:
        return f"Transition plan for {self.young_person}"


class Milestone(TimeStampedModel):
    """One step of a transition plan, with who will do it and by when."""

    plan = models.ForeignKey(TransitionPlan, on_delete=models.PROTECT, related_name="milestones")
    title = models.CharField("milestone", max_length=200)
    owner = models.CharField("who will do it", max_length=200)
    due_on = models.DateField("by when")
    done_on = models.DateField("date done", null=True, blank=True)
    notes = models.TextField(blank=True)
    # Optimistic concurrency: a stale save is refused (DESIGN 4.6).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title
