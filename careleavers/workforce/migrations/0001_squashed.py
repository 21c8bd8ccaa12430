# The workforce tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("workforce", "0001_initial"),
        ("workforce", "0003_policy_help_without_placeholders"),
    ]

    initial = True

    dependencies = [
        ("accounts", "0001_squashed"),
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Course",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=150, unique=True)),
                ("description", models.CharField(blank=True, max_length=300)),
                ("mandatory", models.BooleanField(default=False)),
                (
                    "renewal_months",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Leave empty for a course done once. A council setting, not law.",
                        null=True,
                        verbose_name="renew after this many months",
                    ),
                ),
                (
                    "complete_within_days",
                    models.PositiveSmallIntegerField(
                        default=90,
                        help_text="How long a new starter has to complete this course. A council setting, not law.",
                        verbose_name="new starters complete it within this many days",
                    ),
                ),
                ("is_active", models.BooleanField(default=True)),
                ("display_order", models.PositiveSmallIntegerField(default=100)),
            ],
            options={
                "ordering": ["display_order", "name"],
            },
        ),
        migrations.CreateModel(
            name="SupervisionPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "personal_adviser_interval_days",
                    models.PositiveSmallIntegerField(
                        default=28,
                        help_text="A council setting, not law: the default is common practice. Administrators change it in the admin site to match the council's supervision policy.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(365),
                        ],
                        verbose_name="days between supervisions for personal advisers",
                    ),
                ),
                (
                    "social_worker_interval_days",
                    models.PositiveSmallIntegerField(
                        default=28,
                        help_text="A council setting, not law: the default is common practice. Administrators change it in the admin site to match the council's supervision policy.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(365),
                        ],
                        verbose_name="days between supervisions for social workers",
                    ),
                ),
                (
                    "new_starter_interval_days",
                    models.PositiveSmallIntegerField(
                        default=14,
                        help_text="A council setting, not law: the default is common practice. Administrators change it in the admin site to match the council's supervision policy.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(365),
                        ],
                        verbose_name="days between supervisions for new starters",
                    ),
                ),
                (
                    "new_starter_months",
                    models.PositiveSmallIntegerField(
                        default=6,
                        help_text="A council setting, not law: the default is common practice. Administrators change it in the admin site to match the council's supervision policy.",
                        validators=[django.core.validators.MaxValueValidator(36)],
                        verbose_name="months after starting that count as new",
                    ),
                ),
                (
                    "sample_percent",
                    models.PositiveSmallIntegerField(
                        default=10,
                        help_text="How many of the recent ungraded records a random sample draws.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="percentage of recent records to sample for grading",
                    ),
                ),
                (
                    "sample_recent_days",
                    models.PositiveSmallIntegerField(
                        default=90,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(730),
                        ],
                        verbose_name="records held in the last this many days count as recent",
                    ),
                ),
                ("modified_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "supervision policy",
                "verbose_name_plural": "supervision policy",
            },
        ),
        migrations.CreateModel(
            name="Post",
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
                    "role",
                    models.CharField(
                        choices=[
                            ("pa", "Personal adviser"),
                            ("sw", "Social worker"),
                            ("tm", "Team manager"),
                        ],
                        max_length=2,
                    ),
                ),
                (
                    "reference",
                    models.CharField(
                        blank=True,
                        help_text="The council's post number, if it has one.",
                        max_length=40,
                    ),
                ),
                (
                    "fte",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=3,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0.01")),
                            django.core.validators.MaxValueValidator(Decimal("1.00")),
                        ],
                        verbose_name="full-time equivalent",
                    ),
                ),
                ("funded_from", models.DateField()),
                ("funded_to", models.DateField(blank=True, null=True)),
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
                (
                    "team",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="posts",
                        to="accounts.team",
                    ),
                ),
            ],
            options={
                "ordering": ["team__name", "role", "reference", "id"],
            },
        ),
        migrations.CreateModel(
            name="SupervisionRecord",
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
                ("held_on", models.DateField(verbose_name="date of supervision")),
                ("what_is_working", models.TextField(blank=True, verbose_name="what is working")),
                ("what_worries_us", models.TextField(blank=True, verbose_name="what worries us")),
                (
                    "young_persons_experience",
                    models.TextField(blank=True, verbose_name="the young person's experience"),
                ),
                (
                    "workers_wellbeing",
                    models.TextField(blank=True, verbose_name="the worker's wellbeing"),
                ),
                (
                    "worker_comment",
                    models.TextField(blank=True, verbose_name="the worker's comment"),
                ),
                ("worker_agrees", models.BooleanField(blank=True, null=True)),
                ("worker_responded_at", models.DateTimeField(blank=True, null=True)),
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
                (
                    "supervisor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="supervisions_given",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "team",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="accounts.team",
                    ),
                ),
                (
                    "worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="supervisions_received",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_people",
                    models.ManyToManyField(
                        blank=True, related_name="supervision_discussions", to="people.youngperson"
                    ),
                ),
            ],
            options={
                "ordering": ["-held_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="SupervisionAction",
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
                ("text", models.TextField(verbose_name="action")),
                ("due_on", models.DateField(verbose_name="due date")),
                ("done_on", models.DateField(blank=True, null=True)),
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
                    "done_by",
                    models.ForeignKey(
                        blank=True,
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
                (
                    "young_person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="people.youngperson",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actions",
                        to="workforce.supervisionrecord",
                    ),
                ),
            ],
            options={
                "ordering": ["due_on", "id"],
            },
        ),
        migrations.CreateModel(
            name="SupervisionReview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("randomly_sampled", models.BooleanField(default=False)),
                ("sampled_at", models.DateTimeField()),
                (
                    "grade",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("reflective", "Reflective"),
                            ("compliance_led", "Compliance-led"),
                        ],
                        max_length=20,
                    ),
                ),
                ("comment", models.TextField(blank=True)),
                ("graded_at", models.DateTimeField(blank=True, null=True)),
                (
                    "graded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "record",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="review",
                        to="workforce.supervisionrecord",
                    ),
                ),
                (
                    "sampled_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-sampled_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="TrainingRecord",
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
                ("completed_on", models.DateField()),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="records",
                        to="workforce.course",
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
                    "staff",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="training_records",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-completed_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Employment",
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
                        choices=[("permanent", "Permanent"), ("agency", "Agency")], max_length=10
                    ),
                ),
                (
                    "fte",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=3,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0.01")),
                            django.core.validators.MaxValueValidator(Decimal("1.00")),
                        ],
                        verbose_name="full-time equivalent",
                    ),
                ),
                ("start", models.DateField()),
                (
                    "end",
                    models.DateField(
                        blank=True, help_text="Their last day in the post.", null=True
                    ),
                ),
                (
                    "leaving_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("resigned", "Resigned"),
                            ("retired", "Retired"),
                            ("contract_ended", "Agency assignment or fixed-term contract ended"),
                            ("dismissed", "Dismissed"),
                            ("moved", "Moved to another post in the service"),
                            ("other", "Other"),
                        ],
                        max_length=20,
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
                    "staff",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="employments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "post",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="employments",
                        to="workforce.post",
                    ),
                ),
            ],
            options={
                "ordering": ["-start", "-id"],
                "indexes": [
                    models.Index(fields=["staff", "end"], name="workforce_e_staff_i_8a70e2_idx"),
                    models.Index(fields=["post", "end"], name="workforce_e_post_id_fe1693_idx"),
                ],
            },
        ),
        migrations.CreateModel(
            name="SicknessAbsence",
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
                ("first_day", models.DateField()),
                (
                    "last_day",
                    models.DateField(blank=True, help_text="Empty while still off.", null=True),
                ),
                ("working_days_lost", models.DecimalField(decimal_places=1, max_digits=5)),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            (
                                "mental_health",
                                "Stress, depression, anxiety or other mental health",
                            ),
                            ("musculoskeletal", "Back, neck or other musculoskeletal"),
                            ("infection", "Cold, flu, COVID-19 or other infection"),
                            ("stomach", "Stomach, liver or digestion"),
                            ("injury", "Injury or accident"),
                            ("operation", "Operation or recovery from an operation"),
                            ("pregnancy", "Pregnancy related"),
                            ("other", "Other"),
                        ],
                        max_length=20,
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
                    "staff",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sickness_absences",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-first_day", "-id"],
                "indexes": [
                    models.Index(
                        fields=["staff", "first_day"], name="workforce_s_staff_i_d75711_idx"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="supervisionrecord",
            index=models.Index(
                fields=["worker", "held_on"], name="workforce_s_worker__be6e64_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="supervisionrecord",
            index=models.Index(fields=["held_on"], name="workforce_s_held_on_93b7cd_idx"),
        ),
        migrations.AddIndex(
            model_name="trainingrecord",
            index=models.Index(
                fields=["staff", "course", "completed_on"], name="workforce_t_staff_i_66126f_idx"
            ),
        ),
    ]
