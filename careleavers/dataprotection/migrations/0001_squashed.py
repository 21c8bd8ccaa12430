# The dataprotection tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("dataprotection", "0001_initial"),
    ]

    initial = True

    dependencies = [
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DataProtectionPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "retention_age_years",
                    models.PositiveSmallIntegerField(
                        default=75, verbose_name="keep records until this birthday"
                    ),
                ),
                (
                    "after_death_years",
                    models.PositiveSmallIntegerField(
                        default=15, verbose_name="years to keep records after a death before 18"
                    ),
                ),
                (
                    "review_window_months",
                    models.PositiveSmallIntegerField(
                        default=12, verbose_name="months ahead the retention review looks"
                    ),
                ),
                (
                    "subject_access_file_keep_days",
                    models.PositiveSmallIntegerField(
                        default=30,
                        verbose_name="days a subject access file is kept before it is removed",
                    ),
                ),
                ("modified_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "data protection policy",
                "verbose_name_plural": "data protection policy",
            },
        ),
        migrations.CreateModel(
            name="SubjectAccessRequest",
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
                ("archived_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("archive_reason", models.TextField(blank=True, editable=False)),
                (
                    "requester_kind",
                    models.CharField(
                        choices=[
                            ("data_subject", "The young person"),
                            ("representative", "Someone acting for them"),
                        ],
                        default="data_subject",
                        max_length=20,
                        verbose_name="who asked",
                    ),
                ),
                (
                    "requested_by",
                    models.CharField(
                        help_text="The young person, or their representative and how they act for them.",
                        max_length=200,
                        verbose_name="name of the person who asked",
                    ),
                ),
                ("received_on", models.DateField()),
                ("extension_months", models.PositiveSmallIntegerField(default=0)),
                ("extension_reason", models.TextField(blank=True)),
                ("due_on", models.DateField(db_index=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("received", "Received"),
                            ("file_ready", "File ready to check"),
                            ("sent", "Sent"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        db_index=True,
                        default="received",
                        max_length=20,
                    ),
                ),
                ("notes", models.TextField(blank=True)),
                ("file_name", models.CharField(blank=True, editable=False, max_length=255)),
                (
                    "file_sha256",
                    models.CharField(
                        blank=True, max_length=64, verbose_name="SHA-256 of the file"
                    ),
                ),
                ("file_size", models.PositiveBigIntegerField(blank=True, null=True)),
                ("file_generated_at", models.DateTimeField(blank=True, null=True)),
                ("file_removed_at", models.DateTimeField(blank=True, null=True)),
                ("sent_on", models.DateField(blank=True, null=True)),
                ("closed_note", models.TextField(blank=True)),
                (
                    "archived_by",
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
                    "file_generated_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "handled_by",
                    models.ForeignKey(
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
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="subject_access_requests",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["due_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="RetentionDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("keep", "Keep for longer"),
                            ("destroy", "Pass to records management for destruction"),
                        ],
                        max_length=10,
                    ),
                ),
                ("reason", models.TextField()),
                ("review_again_on", models.DateField(blank=True, null=True)),
                (
                    "retention_ends_on",
                    models.DateField(
                        help_text="The retention date the decision was made against."
                    ),
                ),
                ("decided_at", models.DateTimeField()),
                (
                    "decided_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="retention_decisions",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-decided_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["young_person", "-decided_at"],
                        name="dataprotect_young_p_8d1568_idx",
                    )
                ],
            },
        ),
    ]
