"""Insight's own records: the council's settings and targets, the DfE benchmarks, and the monthly
snapshots of every indicator.

Targets and the insight policy are the council's reference data (DESIGN 4.8): edited in the
service by the head of service or a performance analyst, or by administrators in the admin.
Benchmarks are the DfE's published figures, shipped in data/ and loaded by migration 0002; a
performance analyst replaces them by uploading a newer DfE file. Snapshots are derived figures,
written once a month so that history does not shift when records are later corrected.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from careleavers.core.council_settings import CouncilSettings
from careleavers.core.models import TimeStampedModel


class InsightPolicy(CouncilSettings):
    """How the council counts the local indicators whose thresholds are not fixed nationally.

    One row, edited by administrators. The defaults follow common practice
    (docs/data/indicators.md); where a rule is the council's own rather than national, it is here
    so the council can set its own.
    """

    in_touch_months = models.PositiveSmallIntegerField(
        "recent contact: a contact within this many months",
        default=12,
        help_text="A care leaver counts as having a recent contact when a contact was made "
        "within this many months. A council setting: the DfE's own in-touch measure, around the "
        "17th to 21st birthdays, is a separate indicator.",
    )
    pa_introduction_months = models.PositiveSmallIntegerField(
        "personal adviser introduced by this age, in months",
        default=198,
        help_text="198 months is 16 and a half years (Ofsted expects a personal adviser from "
        "about 16; reference indicators.md P3).",
    )
    worker_changes_threshold = models.PositiveSmallIntegerField(
        "worker changes: this many or more in 12 months",
        default=2,
        help_text="Young people with this many changes of worker in a year are counted "
        "(a common local measure of stability, not a national one).",
    )
    key_documents = models.JSONField(
        "important documents every care leaver should hold at 18",
        default=list,
        blank=True,
        help_text="Document kinds from the local offer's checklist. Empty means birth "
        "certificate, passport or ID, National Insurance number and bank account "
        "(reference indicators.md P7).",
    )

    class Meta:
        verbose_name = "insight policy"
        verbose_name_plural = "insight policy"

    def __str__(self) -> str:
        return "How local indicators are counted"

    @property
    def documents(self) -> list[str]:
        return list(self.key_documents) or list(DEFAULT_KEY_DOCUMENTS)


# docs/data/indicators.md P7: birth certificate, passport or ID (or BRP/eVisa), National
# Insurance number and bank account, as kinds of the local offer's documents checklist.
DEFAULT_KEY_DOCUMENTS = ("birth_certificate", "passport", "ni_number", "bank_account")


class Target(models.Model):
    """A target the council sets for one indicator, in force from a date until the next one.

    Rows are never changed: a new target is a new row, so the dashboards can say which target
    applied in any month. The value is in the indicator's unit (a percentage, a count, days or
    pounds).
    """

    indicator_key = models.CharField(max_length=80, db_index=True)
    value = models.DecimalField(max_digits=12, decimal_places=2)
    effective_from = models.DateField("in force from")
    note = models.TextField("why this target", blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator_key", "-effective_from", "-id"]
        indexes = [models.Index(fields=["indicator_key", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.indicator_key}: {self.value} from {self.effective_from}"


class BenchmarkKind(models.TextChoices):
    FIGURES = "figures", "DfE care leaver figures (LAIT extract)"
    NEIGHBOURS = "neighbours", "DfE statistical neighbours"


class BenchmarkImport(TimeStampedModel):
    """One loading of a DfE file: which file, when, by whom, and how many rows it held."""

    kind = models.CharField(max_length=12, choices=BenchmarkKind.choices)
    file_name = models.CharField(max_length=255)
    source = models.TextField(help_text="Where the figures come from and which release.")
    rows = models.PositiveIntegerField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.file_name}"


class BenchmarkFigure(models.Model):
    """One published DfE figure: a measure for an area (England, a region or a council) in a
    year. Suppressed values are kept as published ("-", "c", "x") with no number, never 0."""

    imported = models.ForeignKey(BenchmarkImport, on_delete=models.PROTECT, related_name="figures")
    measure = models.CharField(max_length=60)
    year = models.CharField(
        max_length=9, help_text="The collection year ending 31 March (2025), or 2024-25."
    )
    area = models.CharField(max_length=120)
    la_number = models.CharField("DfE LA number", max_length=4)
    region = models.CharField(max_length=120, blank=True)
    published = models.CharField("value as published", max_length=20)
    value = models.DecimalField(max_digits=16, decimal_places=3, null=True, blank=True)

    class Meta:
        ordering = ["measure", "year", "area"]
        indexes = [models.Index(fields=["measure", "la_number", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "year", "la_number"], name="one_benchmark_per_measure_year_la"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.year} {self.area}: {self.published}"


class StatisticalNeighbour(models.Model):
    """One of a council's ten DfE statistical neighbours, with its rank and closeness."""

    imported = models.ForeignKey(
        BenchmarkImport, on_delete=models.PROTECT, related_name="neighbours"
    )
    la_number = models.CharField(max_length=4)
    la_name = models.CharField(max_length=120)
    rank = models.PositiveSmallIntegerField()
    neighbour_la_number = models.CharField(max_length=4)
    closeness = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["la_number", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["la_number", "rank"], name="one_neighbour_per_rank")
        ]

    def __str__(self) -> str:
        return f"{self.la_name} neighbour {self.rank}: {self.neighbour_la_number}"


class ScopeKind(models.TextChoices):
    SERVICE = "service", "The whole service"
    TEAM = "team", "A team"
    WORKER = "worker", "A worker's caseload"


class IndicatorSnapshot(models.Model):
    """An indicator's figure for one month and one scope, as it stood at the month's end.

    Written by the monthly job (or `manage.py insight_snapshots`) and then left alone, so trends
    show what leaders saw at the time even after records are corrected. `scope_id` is 0 for
    the service, otherwise the team's or the worker's id.
    """

    month = models.DateField(help_text="The first day of the month.")
    as_at = models.DateField(help_text="The day the figure was counted as at.")
    indicator_key = models.CharField(max_length=80)
    scope_kind = models.CharField(max_length=10, choices=ScopeKind.choices)
    scope_id = models.PositiveIntegerField(default=0)
    numerator = models.IntegerField()
    denominator = models.IntegerField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["month", "indicator_key"]
        indexes = [models.Index(fields=["scope_kind", "scope_id", "indicator_key", "month"])]
        constraints = [
            models.UniqueConstraint(
                fields=["month", "indicator_key", "scope_kind", "scope_id"],
                name="one_snapshot_per_month_indicator_scope",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_key} {self.scope_kind} {self.scope_id} {self.month:%Y-%m}"


class DailyFigure(models.Model):
    """An indicator's figure for the whole service or one team, counted overnight as at a day.

    The service and team dashboards read these instead of counting 25 figures over every young
    person on each request (about 8 seconds at 100,000 young people). Like the monthly
    snapshots they count every live young person, restricted records included, and keep only
    numbers. The nightly job replaces the day's rows and keeps a week.
    """

    as_at = models.DateField(help_text="The day the figure was counted as at.")
    indicator_key = models.CharField(max_length=80)
    scope_kind = models.CharField(max_length=10, choices=ScopeKind.choices)
    scope_id = models.PositiveIntegerField(default=0)
    numerator = models.IntegerField()
    denominator = models.IntegerField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["-as_at", "indicator_key"]
        indexes = [models.Index(fields=["scope_kind", "scope_id", "as_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["as_at", "indicator_key", "scope_kind", "scope_id"],
                name="one_daily_figure_per_day_indicator_scope",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_key} {self.scope_kind} {self.scope_id} {self.as_at}"
