"""Where young people live: accommodation history and suitability, Staying Put and Staying Close,
housing applications and the wait for a home, and taster flats.

Reference data (providers, priority bands, protocol targets, taster flats and the accommodation
policy) is the council's own and is edited by administrators in the Django admin; data
migrations give the defaults. Case records are archived with a reason, never deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from careleavers.accommodation.suitability import CHECKS, CHECKS_BY_KEY
from careleavers.core import dfe_codes
from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import ArchivableModel, TimeStampedModel
from careleavers.people.models import YoungPerson

ACCOM_TYPE_CHOICES = list(dfe_codes.ACCOM_TYPES)

# Case records keep their history; these change on every save and tell nothing.
_NOT_HISTORY = ["modified_at"]


# Reference data ----------------------------------------------------------------------------------


class ProviderKind(models.TextChoices):
    COUNCIL = "council", "Council housing"
    HOUSING_ASSOCIATION = "housing_association", "Housing association"
    SUPPORTED = "supported", "Supported accommodation provider"
    PRIVATE = "private", "Private landlord or letting agent"
    OTHER = "other", "Other"


# The ignores below: django-stubs cannot resolve related managers whose model (an archivable
# record, with its queryset-built manager) is defined later in the same module.
class Provider(models.Model):  # type: ignore[django-manager-missing]
    """A housing or accommodation provider the council works with."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=ProviderKind.choices)
    takes_housing_applications = models.BooleanField(
        default=False, help_text="Young people can apply to this provider for a home."
    )
    is_active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class PriorityBand(models.Model):  # type: ignore[django-manager-missing]
    """A priority band of the council's housing allocation scheme, with the housing protocol's
    target for how soon a care leaver in it should be housed."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    target_weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The housing protocol's timescale: housed within this many weeks of applying. "
        "Leave empty for no target.",
    )
    order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class ProtocolTarget(models.Model):
    """A different timescale for one provider in one band, where the protocol sets one."""

    band = models.ForeignKey(PriorityBand, on_delete=models.CASCADE, related_name="targets")
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="targets")
    target_weeks = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["band", "provider"], name="one_target_per_band_provider"
            )
        ]

    def __str__(self) -> str:
        return f"{self.band} with {self.provider}: {self.target_weeks} weeks"


class AccommodationPolicy(CouncilSettings):
    """The council's accommodation settings. One row, edited by administrators."""

    staying_close_in_force = models.BooleanField(
        default=False,
        help_text="Tick once regulations bring section 7 of the Children's Wellbeing and "
        "Schools Act 2026 (Staying Close, Children Act 1989 s.23CZAA) into force.",
    )
    staying_close_in_force_from = models.DateField(null=True, blank=True)
    taster_flat_max_nights = models.PositiveSmallIntegerField(
        default=28, help_text="The longest taster flat stay that can be booked."
    )

    class Meta:
        verbose_name_plural = "accommodation policy"

    def __str__(self) -> str:
        return "Accommodation policy"


class TasterFlat(models.Model):  # type: ignore[django-manager-missing]
    """A flat the service lends for short stays, so a young person can try living alone."""

    name = models.CharField(max_length=100, unique=True)
    address = models.TextField(blank=True)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, null=True, blank=True, related_name="taster_flats"
    )
    notes = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# Accommodation history ---------------------------------------------------------------------------


class AccommodationStay(ArchivableModel):
    """A period living somewhere. ``end`` is the day they left (empty while there)."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="accommodation_stays"
    )
    accom_type = models.CharField(
        "type of accommodation", max_length=1, choices=ACCOM_TYPE_CHOICES
    )
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, null=True, blank=True, related_name="stays"
    )
    landlord = models.CharField("landlord, host or carers", max_length=200, blank=True)
    council_provided = models.BooleanField(
        "provided by the council",
        default=False,
        help_text="Accommodation the council provides under the Children Act 1989 s.23B or "
        "s.24B. A personal adviser must visit within 7 days of it starting.",
    )
    start = models.DateField("moved in")
    end = models.DateField("moved out", null=True, blank=True)
    end_reason = models.CharField(max_length=255, blank=True)
    # Set only by the suitability services, from the pure Schedule 2 rule.
    suitable = models.BooleanField(null=True, blank=True)
    suitability_reason = models.TextField(blank=True)
    suitability_assessed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["young_person", "start"]),
            models.Index(fields=["young_person", "end"]),
            models.Index(fields=["accom_type", "end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="stay_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_accom_type_display()} from {self.start}"

    @property
    def is_current(self) -> bool:
        return self.end is None

    @property
    def accom_code(self) -> str:
        """The DfE ACCOM code while suitability is known ("" before it is assessed)."""
        if self.accom_type in dfe_codes.ACCOM_ALWAYS_UNSUITABLE:
            return f"{self.accom_type}2"
        if self.suitable is None:
            return ""
        return f"{self.accom_type}{'1' if self.suitable else '2'}"


class CheckAnswer(models.TextChoices):
    MET = "met", "Yes"
    NOT_MET = "not_met", "No"
    NOT_APPLICABLE = "not_applicable", "Does not apply"


def _check(key: str) -> models.CharField:
    return models.CharField(
        CHECKS_BY_KEY[key].question, max_length=15, choices=CheckAnswer.choices
    )


class SuitabilityAssessment(TimeStampedModel):
    """The Schedule 2 checks of one stay on one day, and the outcome they gave."""

    stay = models.ForeignKey(
        AccommodationStay, on_delete=models.PROTECT, related_name="assessments"
    )
    assessed_on = models.DateField()
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    young_persons_views = models.TextField("the young person's views, in their words", blank=True)
    suitable = models.BooleanField()
    reason = models.TextField()

    # One answer and note for each Schedule 2 matter (suitability.CHECKS, in that order).
    facilities = _check("facilities")
    facilities_note = models.TextField(blank=True)
    repair = _check("repair")
    repair_note = models.TextField(blank=True)
    safety = _check("safety")
    safety_note = models.TextField(blank=True)
    location = _check("location")
    location_note = models.TextField(blank=True)
    support = _check("support")
    support_note = models.TextField(blank=True)
    tenancy = _check("tenancy")
    tenancy_note = models.TextField(blank=True)
    affordability = _check("affordability")
    affordability_note = models.TextField(blank=True)
    views = _check("views")
    views_note = models.TextField(blank=True)
    rights = _check("rights")
    rights_note = models.TextField(blank=True)
    landlord = _check("landlord")
    landlord_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{'Suitable' if self.suitable else 'Unsuitable'} on {self.assessed_on}"

    def answers(self) -> dict[str, str]:
        return {check.key: getattr(self, check.key) for check in CHECKS}

    def notes(self) -> dict[str, str]:
        return {check.key: getattr(self, f"{check.key}_note") for check in CHECKS}


class RiskReason(models.TextChoices):
    NOTICE = "notice", "Notice to leave served"
    ARREARS = "arrears", "Rent arrears"
    RELATIONSHIP = "relationship", "Relationship breakdown with family, carers or hosts"
    BEHAVIOUR = "behaviour", "Anti-social behaviour or breach of tenancy"
    PLACEMENT_ENDING = "placement_ending", "Supported accommodation ending with nowhere to go"
    LEAVING_CUSTODY = "leaving_custody", "Leaving custody or hospital with nowhere to go"
    OTHER = "other", "Other"


class HomelessnessRisk(TimeStampedModel):
    """A time when a young person is at risk of becoming homeless."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="homelessness_risks"
    )
    identified_on = models.DateField()
    reason = models.CharField(max_length=20, choices=RiskReason.choices)
    details = models.TextField(blank=True)
    referred_to_housing_on = models.DateField(
        "referred to the housing options service on", null=True, blank=True
    )
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-identified_on", "-id"]
        indexes = [models.Index(fields=["young_person", "ended_on"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} from {self.identified_on}"


# Staying Put and Staying Close -------------------------------------------------------------------


class StayingPut(ArchivableModel):
    """Staying with former foster carers after 18, to 21 (Children Act 1989 s.23CZA)."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="staying_put"
    )
    carers = models.CharField("former foster carers", max_length=255)
    fostering_service = models.CharField(max_length=200, blank=True)
    start = models.DateField()
    planned_end = models.DateField()
    end = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    weekly_allowance = models.DecimalField(
        "weekly allowance to the carers", max_digits=7, decimal_places=2
    )
    young_person_weekly_contribution = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True
    )
    notes = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name_plural = "staying put arrangements"

    def __str__(self) -> str:
        return f"Staying Put with {self.carers} from {self.start}"


class StayingCloseOutcome(models.TextChoices):
    SUPPORT_NEEDED = "support_needed", "Staying Close support is needed"
    NOT_NEEDED = "not_needed", "Staying Close support is not needed"
    DECLINED = "declined", "The young person does not want Staying Close support"


class SupportArea(models.TextChoices):
    # CA 1989 s.23CZAA (CWSA 2026 s.7): finding and keeping suitable accommodation, and access to
    # these services (docs/law/accommodation-and-staying-put.md).
    ACCOMMODATION = "accommodation", "Finding and keeping suitable accommodation"
    HEALTH = "health", "Health and wellbeing"
    RELATIONSHIPS = "relationships", "Relationships"
    EDUCATION = "education", "Education and training"
    EMPLOYMENT = "employment", "Employment"
    PARTICIPATION = "participation", "Taking part in society"


class StayingClose(ArchivableModel):
    """A Staying Close assessment, its outcome and the support given (to 25)."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="staying_close"
    )
    assessed_on = models.DateField()
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    needs = models.TextField("what the assessment found")
    young_persons_views = models.TextField("the young person's views, in their words", blank=True)
    outcome = models.CharField(max_length=20, choices=StayingCloseOutcome.choices)
    support_areas = models.JSONField(default=list, blank=True)
    support = models.TextField("the support to be given", blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name_plural = "staying close assessments"

    def __str__(self) -> str:
        return f"Staying Close assessment on {self.assessed_on}"

    @property
    def support_area_labels(self) -> list[str]:
        labels = dict(SupportArea.choices)
        return [str(labels.get(area, area)) for area in self.support_areas]


class StayingCloseReview(TimeStampedModel):
    staying_close = models.ForeignKey(
        StayingClose, on_delete=models.PROTECT, related_name="reviews"
    )
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField("what was reviewed and agreed")
    continue_support = models.BooleanField()
    next_review_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]


# Housing applications ----------------------------------------------------------------------------


class HousingApplication(ArchivableModel):
    """An application for a home to a housing provider, and the wait until housed."""

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="housing_applications"
    )
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="applications")
    band = models.ForeignKey(PriorityBand, on_delete=models.PROTECT, related_name="applications")
    reference = models.CharField("housing register reference", max_length=50, blank=True)
    applied_on = models.DateField()
    housed_on = models.DateField(null=True, blank=True)
    housed_address = models.TextField(blank=True)
    closed_on = models.DateField(
        null=True, blank=True, help_text="Withdrawn or closed without being housed."
    )
    closed_reason = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-applied_on", "-id"]
        indexes = [
            models.Index(fields=["housed_on", "closed_on"]),
            models.Index(fields=["young_person", "applied_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.provider} ({self.band}) from {self.applied_on}"

    @property
    def is_waiting(self) -> bool:
        return self.housed_on is None and self.closed_on is None

    @property
    def status(self) -> str:
        if self.housed_on is not None:
            return "Housed"
        if self.closed_on is not None:
            return "Closed"
        return "Waiting"

    def days_waited(self, on: object = None) -> int:
        today = on or timezone.localdate()
        end = self.housed_on or self.closed_on or today
        return max(0, (end - self.applied_on).days)  # type: ignore[operator]


class BidResult(models.TextChoices):
    PENDING = "pending", "Waiting to hear"
    UNSUCCESSFUL = "unsuccessful", "Not successful"
    OFFERED = "offered", "Led to an offer"


class HousingBid(TimeStampedModel):
    """A bid for a property advertised through choice-based lettings."""

    application = models.ForeignKey(
        HousingApplication, on_delete=models.PROTECT, related_name="bids"
    )
    placed_on = models.DateField()
    property_reference = models.CharField(max_length=50, blank=True)
    property_description = models.CharField(max_length=255)
    result = models.CharField(max_length=15, choices=BidResult.choices, default=BidResult.PENDING)

    class Meta:
        ordering = ["-placed_on", "-id"]


class OfferDecision(models.TextChoices):
    PENDING = "pending", "Not decided yet"
    ACCEPTED = "accepted", "Accepted"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn by the provider"


class RefusalReason(models.TextChoices):
    LOCATION_UNSAFE = "location_unsafe", "The area is not safe for them"
    TOO_FAR = "too_far", "Too far from their support, education or work"
    CONDITION = "condition", "The state of the property"
    AFFORDABILITY = "affordability", "They could not afford it"
    NOT_READY = "not_ready", "They are not ready to live on their own yet"
    NOT_SUITABLE = "not_suitable", "Not right for their needs (size, access, children)"
    OTHER = "other", "Another reason"


class HousingOffer(TimeStampedModel):
    application = models.ForeignKey(
        HousingApplication, on_delete=models.PROTECT, related_name="offers"
    )
    offered_on = models.DateField()
    property_address = models.TextField()
    decision = models.CharField(
        max_length=15, choices=OfferDecision.choices, default=OfferDecision.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    refusal_reason = models.CharField(max_length=20, choices=RefusalReason.choices, blank=True)
    refusal_details = models.TextField(blank=True)

    class Meta:
        ordering = ["-offered_on", "-id"]


# Taster flats ------------------------------------------------------------------------------------


class Skill(models.TextChoices):
    COOKING = "cooking", "Cooking"
    SHOPPING = "shopping", "Shopping for food"
    BUDGETING = "budgeting", "Budgeting"
    BILLS = "bills", "Paying bills and topping up meters"
    CLEANING = "cleaning", "Cleaning"
    LAUNDRY = "laundry", "Laundry"
    ROUTINE = "routine", "Getting up and keeping a routine"
    SAFETY = "safety", "Keeping safe and secure at home"
    ALONE = "alone", "Spending time on their own"
    VISITORS = "visitors", "Managing visitors"


class BookingOutcome(models.TextChoices):
    READY = "ready", "Ready to live on their own"
    MORE_SUPPORT = "more_support", "Ready with more support"
    NOT_READY = "not_ready", "Not ready yet"
    DID_NOT_STAY = "did_not_stay", "Did not stay"


class TasterFlatBooking(ArchivableModel):
    """A stay in a taster flat: they arrive on ``starts_on`` and leave on ``ends_on``."""

    flat = models.ForeignKey(TasterFlat, on_delete=models.PROTECT, related_name="bookings")
    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="taster_flat_bookings"
    )
    starts_on = models.DateField("arrives")
    ends_on = models.DateField("leaves")
    purpose = models.TextField("what they want to try", blank=True)
    cancelled_on = models.DateField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)
    skills_practised = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=15, choices=BookingOutcome.choices, blank=True)
    outcome_notes = models.TextField(blank=True)
    young_persons_views = models.TextField("the young person's views, in their words", blank=True)

    history = HistoricalRecords(excluded_fields=_NOT_HISTORY)

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["flat", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="booking_leaves_after_arriving",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.flat} from {self.starts_on} to {self.ends_on}"

    @property
    def nights(self) -> int:
        return (self.ends_on - self.starts_on).days

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_on is not None

    @property
    def skill_labels(self) -> list[str]:
        labels = dict(Skill.choices)
        return [str(labels.get(skill, skill)) for skill in self.skills_practised]
