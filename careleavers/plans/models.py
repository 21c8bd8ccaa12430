"""Needs assessments, pathway plans, their sections, actions and goals, state changes and reviews.

Every record here keeps its versions with django-simple-history, so "what did the plan say on
3 March?" is read back from the history tables. Records are never deleted (DESIGN 4.5): an action
that is no longer needed is marked so, not removed. Edits carry a `version` (DESIGN 4.6).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop
from simple_history.models import HistoricalRecords

from careleavers.core import dfe_codes
from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import TimeStampedModel
from careleavers.people.models import YoungPerson
from careleavers.plans import schedule
from careleavers.plans.rules_due import DEFAULT_REVIEW_RULES, ReviewRules

# The creation and modification stamps change on every save and say nothing about the plan.
_NOT_HISTORY = ["modified_at"]


class NeedsAssessment(TimeStampedModel):
    """The assessment of needs that comes before a pathway plan (CPPCR 2010 reg 42)."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="needs_assessments"
    )
    started_on = models.DateField(default=timezone.localdate)
    # The deadline when the assessment was started, and the rule that set it.
    due_on = models.DateField(null=True, blank=True)
    due_rule = models.CharField(max_length=300, blank=True)
    # Care Leavers Regs 2010 reg 5(3): a written record of whose views were sought, the
    # information obtained, the deliberations at any meeting, and the results.
    views_sought = models.TextField("whose views were sought", blank=True)
    information_obtained = models.TextField("information obtained", blank=True)
    meeting_deliberations = models.TextField("what was discussed at any meeting", blank=True)
    outcome = models.TextField("the results of the assessment", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return f"Needs assessment started {self.started_on:%d/%m/%Y}"

    @property
    def is_complete(self) -> bool:
        return self.completed_on is not None


class AssessmentSection(TimeStampedModel):
    """What the assessment found about one matter of CPPCR 2010 reg 42(2)."""

    assessment = models.ForeignKey(
        NeedsAssessment, on_delete=models.PROTECT, related_name="sections"
    )
    matter = models.CharField(max_length=40, choices=schedule.ASSESSMENT_MATTER_CHOICES)
    findings = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "matter"], name="one_row_per_matter")
        ]


class PlanState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for authorisation"
    AUTHORISED = "authorised", "Authorised"
    RETURNED = "returned", "Returned to the worker"
    SHARED = "shared", "Shared with the young person"


# What happened when a plan moved into each state, for histories and the chronology.
STATE_CHANGE_VERBS = {
    PlanState.DRAFT: "started",
    PlanState.SUBMITTED: "submitted for authorisation",
    PlanState.RETURNED: "returned to the worker",
    PlanState.AUTHORISED: "authorised",
    PlanState.SHARED: "shared with the young person",
}

# A plan is written in these states; once submitted it is locked until a manager decides.
EDITABLE_STATES = frozenset({PlanState.DRAFT, PlanState.RETURNED})
# Plans still on their way to authorisation: a young person has at most one at a time.
OPEN_STATES = frozenset({PlanState.DRAFT, PlanState.SUBMITTED, PlanState.RETURNED})
# An authorised plan is in force until the next one is authorised.
IN_FORCE_STATES = frozenset({PlanState.AUTHORISED, PlanState.SHARED})


class ShareMethod(models.TextChoices):
    IN_PERSON = "in_person", "Given in person"
    POST = "post", "Sent by post"
    EMAIL = "email", "Sent by email"
    PORTAL = "portal", "Shared on their online account"
    OTHER = "other", "Another way"


class Agreement(models.TextChoices):
    AGREES = "agrees", "Agrees with the plan"
    AGREES_IN_PART = "agrees_in_part", "Agrees with some of the plan"
    DISAGREES = "disagrees", "Disagrees with the plan"


class PathwayPlan(TimeStampedModel):
    """One version of a young person's pathway plan, from draft to shared.

    Each review starts the next plan (number + 1) from the last; the plan in force is the most
    recent authorised one, from `effective_from` until `effective_to`.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="pathway_plans"
    )
    number = models.PositiveIntegerField(help_text="1 for the first plan, then one per review.")
    previous_plan = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_plans"
    )
    state = models.CharField(max_length=20, choices=PlanState.choices, default=PlanState.DRAFT)

    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    authorised_at = models.DateTimeField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    authorisation_comments = models.TextField(blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_comments = models.TextField("what needs to change", blank=True)

    # Care Leavers Regs 2010 reg 4 (paraphrased in docs/law/pathway-plans-reviews-visits.md): a
    # copy given to the young person and explained.
    shared_on = models.DateField("date a copy was given and explained", null=True, blank=True)
    shared_method = models.CharField(
        "how it was shared", max_length=20, choices=ShareMethod.choices, blank=True
    )
    copy_given_and_explained = models.BooleanField(default=False)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    young_person_agreement = models.CharField(
        "whether the young person agrees", max_length=20, choices=Agreement.choices, blank=True
    )
    young_persons_response = models.TextField(
        "what the young person said about the plan, in their words", blank=True
    )

    effective_from = models.DateField(null=True, blank=True)
    effective_to = models.DateField(null=True, blank=True)

    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["young_person", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "number"], name="one_plan_number_per_young_person"
            ),
            models.UniqueConstraint(
                fields=["young_person"],
                condition=models.Q(state__in=["draft", "submitted", "returned"]),
                name="one_open_plan_per_young_person",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "submitted_at"]),
            # The managers' newest authorised plans: read backwards, not sorted from the year's.
            models.Index(fields=["authorised_at"], name="plans_plan_authorised_at_idx"),
            # Plans waiting and returned are a few thousand of the council's plans: a tray looks
            # them up by young person in these small indexes instead of reading every open plan
            # (13 ms to under 1 ms for an adviser's tray at 100,000 young people).
            models.Index(
                fields=["young_person"],
                condition=models.Q(state="submitted"),
                name="plans_plan_submitted_idx",
            ),
            models.Index(
                fields=["young_person"],
                condition=models.Q(state="returned"),
                name="plans_plan_returned_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Pathway plan {self.number} for {self.young_person}"

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_in_force_state(self) -> bool:
        return self.state in IN_FORCE_STATES


class PlanSection(TimeStampedModel):
    """One Schedule 1 matter of a plan: the young person's words first, then the worker's."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="sections")
    key = models.CharField(max_length=40, choices=schedule.SECTION_CHOICES)
    number = models.PositiveSmallIntegerField()
    young_persons_words = models.TextField(
        "what the young person says, in their words", blank=True
    )
    assessment = models.TextField("the worker's assessment", blank=True)
    # Structured answers, one per section that has one (schedule.planned_field), so the plan
    # can be checked against the record: free text is never parsed for this.
    planned_activity = models.CharField(
        "what they will mainly be doing",
        max_length=2,
        blank=True,
        choices=[(code, label) for code, label in dfe_codes.ACTIV if code != "0"],
    )
    planned_accommodation = models.CharField(
        "where they will live", max_length=1, blank=True, choices=dfe_codes.ACCOM_TYPES
    )
    personal_adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="their personal adviser",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="one_section_per_matter")
        ]

    def __str__(self) -> str:
        return self.definition.title

    @property
    def definition(self) -> schedule.PlanSectionDefinition:
        return schedule.SECTIONS_BY_KEY[self.key]

    @property
    def planned_question(self) -> str:
        field = self.definition.planned_field
        return planned_question(field) if field else ""

    @property
    def planned_answer(self) -> str:
        """The section's structured answer in words; empty if it has none or it is blank."""
        field = self.definition.planned_field
        if field == "personal_adviser":
            return str(self.personal_adviser) if self.personal_adviser else ""
        return str(getattr(self, f"get_{field}_display")()) if field else ""


def planned_field(name: str) -> models.Field[Any, Any]:
    field = PlanSection._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def planned_question(name: str) -> str:
    """The question a section's structured answer answers, from its model field."""
    return str(planned_field(name).verbose_name).capitalize()


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", gettext_noop("Not started")
    IN_PROGRESS = "in_progress", gettext_noop("Started")
    DONE = "done", gettext_noop("Done")
    NOT_NEEDED = "not_needed", gettext_noop("No longer needed")


class PlanAction(TimeStampedModel):
    """Something someone will do, by a date, to make one section of the plan happen."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="actions")
    section = models.ForeignKey(PlanSection, on_delete=models.PROTECT, related_name="actions")
    what = models.TextField("what will be done")
    who = models.CharField("who will do it", max_length=200)
    by_when = models.DateField("by when")
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["by_when", "id"]

    def __str__(self) -> str:
        return self.what


class GoalProgress(models.TextChoices):
    NOT_STARTED = "not_started", gettext_noop("Not started")
    SOME_PROGRESS = "some_progress", gettext_noop("Some progress")
    ACHIEVED = "achieved", gettext_noop("Achieved")
    CHANGED = "changed", gettext_noop("Changed or dropped")


class Goal(TimeStampedModel):
    """Something the young person wants to achieve, with how it is going."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="goals")
    description = models.TextField("the goal, in the young person's words")
    target_date = models.DateField(null=True, blank=True)
    progress = models.CharField(
        max_length=20, choices=GoalProgress.choices, default=GoalProgress.NOT_STARTED
    )
    progress_note = models.TextField("how it is going", blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description


class PlanStateChange(models.Model):
    """A plan moved from one state to another: who moved it, when, and what they said."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="state_changes")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_state = models.CharField(max_length=20, choices=PlanState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=PlanState.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["plan", "to_state"])]

    def __str__(self) -> str:
        return f"{self.from_state or 'new'} to {self.to_state} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def verb(self) -> str:
        """What happened, for example "returned to the worker"."""
        return STATE_CHANGE_VERBS[PlanState(self.to_state)]


class ReviewReason(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled review (at most every 6 months)"
    YOUNG_PERSON_ASKED = "young_person_asked", "The young person asked for a review"
    ACCOMMODATION_CHANGED = "accommodation_changed", "Their accommodation changed"
    WORKER_THOUGHT_NECESSARY = (
        "worker_thought_necessary",
        "The worker or council thought it necessary",
    )


# Reasons for asking for a review before it is due; a scheduled review is not requested.
REQUEST_REASONS = (
    ReviewReason.YOUNG_PERSON_ASKED,
    ReviewReason.ACCOMMODATION_CHANGED,
    ReviewReason.WORKER_THOUGHT_NECESSARY,
)


class PlanReview(TimeStampedModel):
    """A review of the pathway plan: asked for (and when), then held, with what changed.

    A request stays open until a review is recorded; recording a review meets every open
    request for the young person and starts the next version of the plan.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="plan_reviews"
    )
    plan = models.ForeignKey(
        PathwayPlan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
        help_text="The plan in force that was reviewed.",
    )
    reason = models.CharField(max_length=30, choices=ReviewReason.choices)
    requested_on = models.DateField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    request_note = models.TextField("why a review is needed", blank=True)
    held_on = models.DateField(null=True, blank=True)
    what_changed = models.TextField(blank=True)
    young_persons_views = models.TextField("the young person's views, in their words", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    met_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests_met",
        help_text="For a request: the review that met it.",
    )
    resulting_plan = models.ForeignKey(
        PathwayPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="from_reviews"
    )

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-held_on", "-requested_on", "-id"]
        indexes = [models.Index(fields=["young_person", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} for {self.young_person}"

    @property
    def is_open_request(self) -> bool:
        return self.held_on is None and self.met_by_id is None


class ReviewPolicy(CouncilSettings):
    """The council's local review rules (the 6-month ceiling is law, fixed in code).

    One row, edited by administrators in the Django admin.
    """

    review_on_accommodation_change = models.BooleanField(
        default=DEFAULT_REVIEW_RULES.review_on_accommodation_change,
        help_text="Bring the review forward whenever the young person's accommodation changes.",
    )
    days_after_request = models.PositiveSmallIntegerField(
        default=DEFAULT_REVIEW_RULES.days_after_request,
        help_text="Days within which a review asked for by the young person or the worker must "
        "take place.",
    )
    days_after_accommodation_change = models.PositiveSmallIntegerField(
        default=DEFAULT_REVIEW_RULES.days_after_accommodation_change
    )

    class Meta:
        verbose_name_plural = "review policy"

    def __str__(self) -> str:
        return "Pathway plan review rules"

    @classmethod
    def current_rules(cls) -> ReviewRules:
        policy = cls.current()
        return ReviewRules(
            review_on_accommodation_change=policy.review_on_accommodation_change,
            days_after_request=min(policy.days_after_request, 183),
            days_after_accommodation_change=min(policy.days_after_accommodation_change, 183),
        )
