"""What the returns app keeps: care-leaver outcomes as returned, and validator reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from careleavers.core import dfe_codes
from careleavers.core.models import TimeStampedModel
from careleavers.people.models import YoungPerson


class OutcomeSource(models.TextChoices):
    IMPORT = "import", "Imported from an SSDA903 return"


class CareLeaverOutcome(TimeStampedModel):
    """A care leaver's OC3 values as a past SSDA903 return gave them, for one collection year.

    Kept so a council's history survives the move into this service, and so a year already
    returned exports as it was returned. The export for a year prefers these to values derived
    from contacts, activity and accommodation.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="care_leaver_outcomes"
    )
    # The year the collection ends on 31 March (2026 for 1 April 2025 to 31 March 2026).
    collection_year = models.PositiveSmallIntegerField()
    in_touch = models.CharField("IN_TOUCH", max_length=4, choices=dfe_codes.IN_TOUCH)
    activ = models.CharField("ACTIV", max_length=2, choices=dfe_codes.ACTIV)
    accom = models.CharField("ACCOM", max_length=2, choices=dfe_codes.ACCOM)
    source = models.CharField(
        max_length=10, choices=OutcomeSource.choices, default=OutcomeSource.IMPORT
    )

    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["young_person", "collection_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "collection_year"], name="one_outcome_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection_year}: {self.in_touch} {self.activ} {self.accom}"


class ValidationStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    PREPARING = "preparing", "Preparing the validator"
    EXPORTING = "exporting", "Building the return"
    VALIDATING = "validating", "Running the validator"
    DONE = "done", "Finished"
    FAILED = "failed", "Could not finish"


class ValidationRun(models.Model):
    """One run of the sector's SSDA903 validator over this service's export for a year.

    Asked for from the returns page and run as a background task (returns/tasks.py), which
    moves it through the statuses and says what it is doing in `progress`.
    """

    # Changing one of these moves no young person's work (core/audit.py).
    CHANGES_NO_YOUNG_PERSON_RECORDS = True

    collection_year = models.PositiveSmallIntegerField(db_index=True)
    run_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=ValidationStatus.choices, default=ValidationStatus.DONE
    )
    progress = models.CharField(max_length=300, blank=True)
    failure = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    children = models.PositiveIntegerField(default=0)
    care_leavers = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # The parsed report: rules run, errors by rule and by child (validator.ValidatorReport).
    report = models.JSONField(default=dict)

    class Meta:
        ordering = ["-run_at", "-id"]

    def __str__(self) -> str:
        return f"Validator run for {self.collection_year} at {self.run_at:%d/%m/%Y %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.status in (ValidationStatus.DONE, ValidationStatus.FAILED)
