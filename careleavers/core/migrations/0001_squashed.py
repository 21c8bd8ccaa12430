# The core tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("core", "0001_initial"),
        ("core", "0004_file_job"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ("actor_label", models.CharField(blank=True, max_length=255)),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("view", "Viewed"),
                            ("create", "Created"),
                            ("change", "Changed"),
                            ("archive", "Archived"),
                            ("export", "Exported"),
                            ("print", "Printed"),
                            ("import", "Imported"),
                            ("sign_in", "Signed in"),
                            ("sign_out", "Signed out"),
                            ("sign_in_failed", "Sign-in failed"),
                            ("access_change", "Access changed"),
                            ("access_refused", "Access refused"),
                        ],
                        db_index=True,
                        max_length=32,
                    ),
                ),
                ("subject_type", models.CharField(max_length=100)),
                ("subject_id", models.CharField(blank=True, max_length=64)),
                ("young_person_id", models.BigIntegerField(blank=True, db_index=True, null=True)),
                ("detail", models.JSONField(blank=True, default=dict)),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True)),
                (
                    "actor",
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
                "ordering": ["-at", "-id"],
                "indexes": [
                    models.Index(fields=["actor", "at"], name="core_audite_actor_i_6b0cd5_idx"),
                    models.Index(
                        fields=["subject_type", "subject_id"],
                        name="core_audite_subject_f1453f_idx",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="FileJob",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(db_index=True, max_length=60)),
                ("title", models.CharField(max_length=200)),
                ("parameters", models.JSONField(blank=True, default=dict)),
                ("requested_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Waiting to start"),
                            ("running", "Being made"),
                            ("done", "Ready to download"),
                            ("failed", "Could not be made"),
                        ],
                        default="queued",
                        max_length=10,
                    ),
                ),
                ("step", models.CharField(blank=True, max_length=300)),
                ("rows_done", models.PositiveIntegerField(default=0)),
                ("rows_total", models.PositiveIntegerField(blank=True, null=True)),
                ("started_at", models.DateTimeField(blank=True, null=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                ("failure", models.TextField(blank=True)),
                ("file_name", models.CharField(blank=True, editable=False, max_length=255)),
                ("download_name", models.CharField(blank=True, max_length=200)),
                ("content_type", models.CharField(blank=True, max_length=100)),
                ("file_size", models.PositiveBigIntegerField(default=0)),
                (
                    "file_sha256",
                    models.CharField(
                        blank=True, max_length=64, verbose_name="SHA-256 of the file"
                    ),
                ),
                ("file_removed_at", models.DateTimeField(blank=True, null=True)),
                ("export_audit", models.JSONField(blank=True, default=dict)),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-requested_at", "-id"],
                "indexes": [
                    models.Index(
                        fields=["kind", "requested_at"], name="core_filejo_kind_83bd9a_idx"
                    )
                ],
            },
        ),
    ]
