# The insight tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("insight", "0001_initial"),
        ("insight", "0003_daily_figures"),
        ("insight", "0004_policy_help_without_placeholders"),
        ("insight", "0005_recent_contact"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="InsightPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "in_touch_months",
                    models.PositiveSmallIntegerField(
                        default=12,
                        help_text="A care leaver counts as having a recent contact when a contact was made within this many months. A council setting: the DfE's own in-touch measure, around the 17th to 21st birthdays, is a separate indicator.",
                        verbose_name="recent contact: a contact within this many months",
                    ),
                ),
                (
                    "pa_introduction_months",
                    models.PositiveSmallIntegerField(
                        default=198,
                        help_text="198 months is 16 and a half years (Ofsted expects a personal adviser from about 16; reference indicators.md P3).",
                        verbose_name="personal adviser introduced by this age, in months",
                    ),
                ),
                (
                    "worker_changes_threshold",
                    models.PositiveSmallIntegerField(
                        default=2,
                        help_text="Young people with this many changes of worker in a year are counted (a common local measure of stability, not a national one).",
                        verbose_name="worker changes: this many or more in 12 months",
                    ),
                ),
                (
                    "key_documents",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Document kinds from the local offer's checklist. Empty means birth certificate, passport or ID, National Insurance number and bank account (reference indicators.md P7).",
                        verbose_name="important documents every care leaver should hold at 18",
                    ),
                ),
            ],
            options={
                "verbose_name": "insight policy",
                "verbose_name_plural": "insight policy",
            },
        ),
        migrations.CreateModel(
            name="BenchmarkImport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("modified_at", models.DateTimeField(auto_now=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("figures", "DfE care leaver figures (LAIT extract)"),
                            ("neighbours", "DfE statistical neighbours"),
                        ],
                        max_length=12,
                    ),
                ),
                ("file_name", models.CharField(max_length=255)),
                (
                    "source",
                    models.TextField(help_text="Where the figures come from and which release."),
                ),
                ("rows", models.PositiveIntegerField()),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "modified_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="DailyFigure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("as_at", models.DateField(help_text="The day the figure was counted as at.")),
                ("indicator_key", models.CharField(max_length=80)),
                (
                    "scope_kind",
                    models.CharField(
                        choices=[
                            ("service", "The whole service"),
                            ("team", "A team"),
                            ("worker", "A worker's caseload"),
                        ],
                        max_length=10,
                    ),
                ),
                ("scope_id", models.PositiveIntegerField(default=0)),
                ("numerator", models.IntegerField()),
                ("denominator", models.IntegerField(blank=True, null=True)),
                ("value", models.FloatField(blank=True, null=True)),
                ("computed_at", models.DateTimeField()),
            ],
            options={
                "ordering": ["-as_at", "indicator_key"],
                "indexes": [
                    models.Index(
                        fields=["scope_kind", "scope_id", "as_at"],
                        name="insight_dai_scope_k_50bd7f_idx",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("as_at", "indicator_key", "scope_kind", "scope_id"),
                        name="one_daily_figure_per_day_indicator_scope",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="IndicatorSnapshot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(help_text="The first day of the month.")),
                ("as_at", models.DateField(help_text="The day the figure was counted as at.")),
                ("indicator_key", models.CharField(max_length=80)),
                (
                    "scope_kind",
                    models.CharField(
                        choices=[
                            ("service", "The whole service"),
                            ("team", "A team"),
                            ("worker", "A worker's caseload"),
                        ],
                        max_length=10,
                    ),
                ),
                ("scope_id", models.PositiveIntegerField(default=0)),
                ("numerator", models.IntegerField()),
                ("denominator", models.IntegerField(blank=True, null=True)),
                ("value", models.FloatField(blank=True, null=True)),
                ("computed_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["month", "indicator_key"],
                "indexes": [
                    models.Index(
                        fields=["scope_kind", "scope_id", "indicator_key", "month"],
                        name="insight_ind_scope_k_e6f1e4_idx",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("month", "indicator_key", "scope_kind", "scope_id"),
                        name="one_snapshot_per_month_indicator_scope",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="BenchmarkFigure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("measure", models.CharField(max_length=60)),
                (
                    "year",
                    models.CharField(
                        help_text="The collection year ending 31 March (2025), or 2024-25.",
                        max_length=9,
                    ),
                ),
                ("area", models.CharField(max_length=120)),
                ("la_number", models.CharField(max_length=4, verbose_name="DfE LA number")),
                ("region", models.CharField(blank=True, max_length=120)),
                ("published", models.CharField(max_length=20, verbose_name="value as published")),
                (
                    "value",
                    models.DecimalField(blank=True, decimal_places=3, max_digits=16, null=True),
                ),
                (
                    "imported",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="figures",
                        to="insight.benchmarkimport",
                    ),
                ),
            ],
            options={
                "ordering": ["measure", "year", "area"],
                "indexes": [
                    models.Index(
                        fields=["measure", "la_number", "year"],
                        name="insight_ben_measure_9d28a8_idx",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("measure", "year", "la_number"),
                        name="one_benchmark_per_measure_year_la",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="StatisticalNeighbour",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("la_number", models.CharField(max_length=4)),
                ("la_name", models.CharField(max_length=120)),
                ("rank", models.PositiveSmallIntegerField()),
                ("neighbour_la_number", models.CharField(max_length=4)),
                ("closeness", models.CharField(blank=True, max_length=40)),
                (
                    "imported",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="neighbours",
                        to="insight.benchmarkimport",
                    ),
                ),
            ],
            options={
                "ordering": ["la_number", "rank"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("la_number", "rank"), name="one_neighbour_per_rank"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Target",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("indicator_key", models.CharField(db_index=True, max_length=80)),
                ("value", models.DecimalField(decimal_places=2, max_digits=12)),
                ("effective_from", models.DateField(verbose_name="in force from")),
                ("note", models.TextField(blank=True, verbose_name="why this target")),
                ("set_at", models.DateTimeField(auto_now_add=True)),
                (
                    "set_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["indicator_key", "-effective_from", "-id"],
                "indexes": [
                    models.Index(
                        fields=["indicator_key", "effective_from"],
                        name="insight_tar_indicat_3a44f0_idx",
                    )
                ],
            },
        ),
    ]
