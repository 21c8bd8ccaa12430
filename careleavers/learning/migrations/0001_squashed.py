# The learning tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("learning", "0001_initial"),
    ]

    initial = True

    dependencies = [
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="LearningPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "course_ending_within_days",
                    models.PositiveSmallIntegerField(
                        default=42,
                        help_text="Young people whose course or contract ends within this many days of the panel are listed as at risk.",
                    ),
                ),
                (
                    "pep_completion_target_percent",
                    models.PositiveSmallIntegerField(
                        default=90, verbose_name="PEP completion target (%)"
                    ),
                ),
                (
                    "pep_due_weeks_into_term",
                    models.PositiveSmallIntegerField(
                        default=6, verbose_name="weeks into each term a PEP is due"
                    ),
                ),
                (
                    "pep_work_tray_days_ahead",
                    models.PositiveSmallIntegerField(
                        default=21,
                        verbose_name="days before its due date a PEP shows in the work tray",
                    ),
                ),
                (
                    "eet_target_17_18_percent",
                    models.PositiveSmallIntegerField(
                        default=65, verbose_name="EET target for 17 and 18 year olds (%)"
                    ),
                ),
                (
                    "eet_target_19_21_percent",
                    models.PositiveSmallIntegerField(
                        default=60, verbose_name="EET target for 19 to 21 year olds (%)"
                    ),
                ),
                (
                    "eet_target_22_25_percent",
                    models.PositiveSmallIntegerField(
                        default=50, verbose_name="EET target for 22 to 25 year olds (%)"
                    ),
                ),
            ],
            options={
                "verbose_name": "EET policy",
                "verbose_name_plural": "EET policy",
            },
        ),
        migrations.CreateModel(
            name="NeetReason",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=40, unique=True)),
                ("label", models.CharField(max_length=120, unique=True)),
                ("hint", models.CharField(blank=True, max_length=255)),
                ("order", models.PositiveSmallIntegerField(default=100)),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to stop offering this reason for new records.",
                        verbose_name="in use",
                    ),
                ),
            ],
            options={
                "ordering": ["order", "label"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalActivityEpisode",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("archived_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("archive_reason", models.TextField(blank=True, editable=False)),
                (
                    "activ",
                    models.CharField(
                        choices=[
                            (
                                "F1",
                                "Full time in higher education (for example, studies beyond A level)",
                            ),
                            ("P1", "Part time in higher education"),
                            ("F2", "Full time in education other than higher education"),
                            ("P2", "Part time in education other than higher education"),
                            ("F4", "Full time in an apprenticeship"),
                            ("P4", "Part time in an apprenticeship"),
                            ("F5", "Full time in training or employment (not apprenticeship)"),
                            ("P5", "Part time in training or employment (not apprenticeship)"),
                            (
                                "G4",
                                "Not in education, employment or training because of illness or disability",
                            ),
                            (
                                "G5",
                                "Not in education, employment or training: other circumstances",
                            ),
                            (
                                "G6",
                                "Not in education, employment or training due to pregnancy or parenting",
                            ),
                        ],
                        max_length=2,
                        verbose_name="activity",
                    ),
                ),
                (
                    "provider",
                    models.CharField(
                        blank=True,
                        max_length=200,
                        verbose_name="college, university, employer or training provider",
                    ),
                ),
                (
                    "course_or_role",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="course, apprenticeship or job"
                    ),
                ),
                (
                    "hours_per_week",
                    models.DecimalField(blank=True, decimal_places=1, max_digits=4, null=True),
                ),
                ("start", models.DateField(verbose_name="start date")),
                ("end", models.DateField(blank=True, null=True, verbose_name="end date")),
                ("end_reason", models.TextField(blank=True, verbose_name="why it ended")),
                (
                    "planned_end",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="date the course or contract is due to end",
                    ),
                ),
                (
                    "is_training",
                    models.BooleanField(
                        default=False,
                        help_text="For F5 and P5 only: a training course or traineeship counts as training for help up to 25.",
                        verbose_name="training rather than a job",
                    ),
                ),
                (
                    "council_job_offer",
                    models.BooleanField(
                        default=False,
                        help_text="A job or apprenticeship the council offered because the young person is a care leaver.",
                        verbose_name="offered by the council as a corporate parent",
                    ),
                ),
                (
                    "young_persons_view",
                    models.TextField(blank=True, verbose_name="what the young person says"),
                ),
                ("notes", models.TextField(blank=True)),
                ("version", models.PositiveIntegerField(default=1)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "archived_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "modified_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical activity episode",
                "verbose_name_plural": "historical activity episodes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPersonalEducationPlan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                (
                    "academic_year",
                    models.PositiveSmallIntegerField(help_text="The year the school year starts."),
                ),
                (
                    "term",
                    models.CharField(
                        choices=[("autumn", "Autumn"), ("spring", "Spring"), ("summer", "Summer")],
                        max_length=6,
                    ),
                ),
                ("due_on", models.DateField(verbose_name="due date")),
                ("completed_on", models.DateField(blank=True, null=True)),
                ("education_setting", models.CharField(blank=True, max_length=200)),
                ("summary", models.TextField(blank=True, verbose_name="what the plan says")),
                ("not_required_on", models.DateField(blank=True, null=True)),
                ("not_required_reason", models.CharField(blank=True, max_length=255)),
                (
                    "quality_grade",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("outstanding", "Outstanding"),
                            ("good", "Good"),
                            ("requires_improvement", "Requires improvement"),
                            ("inadequate", "Inadequate"),
                        ],
                        max_length=20,
                    ),
                ),
                ("reviewed_on", models.DateField(blank=True, null=True)),
                ("reviewer_feedback", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "modified_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewer",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical personal education plan",
                "verbose_name_plural": "historical personal education plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalNeetReasonRecord",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("archived_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("archive_reason", models.TextField(blank=True, editable=False)),
                ("identified_on", models.DateField(verbose_name="date recorded")),
                (
                    "resolved_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date it stopped being a barrier"
                    ),
                ),
                (
                    "young_persons_view",
                    models.TextField(
                        blank=True, verbose_name="what the young person says about it"
                    ),
                ),
                ("details", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "archived_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "modified_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="people.youngperson",
                    ),
                ),
                (
                    "reason",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="learning.neetreason",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical neet reason record",
                "verbose_name_plural": "historical neet reason records",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PanelMeeting",
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
                ("held_on", models.DateField(unique=True, verbose_name="meeting date")),
                ("location", models.CharField(blank=True, max_length=200)),
                ("notes", models.TextField(blank=True)),
                ("agenda_built_on", models.DateField(blank=True, null=True)),
                (
                    "course_ending_within_days",
                    models.PositiveSmallIntegerField(blank=True, null=True),
                ),
                (
                    "chair",
                    models.ForeignKey(
                        blank=True,
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
                "ordering": ["-held_on"],
            },
        ),
        migrations.CreateModel(
            name="PanelCase",
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
                    "listed_because",
                    models.CharField(
                        choices=[
                            ("neet", "Not in education, employment or training"),
                            ("course_ending", "Course or contract ending soon"),
                        ],
                        max_length=20,
                    ),
                ),
                ("activ_when_listed", models.CharField(blank=True, max_length=2)),
                ("neet_since", models.DateField(blank=True, null=True)),
                ("course_ends_on", models.DateField(blank=True, null=True)),
                ("discussion", models.TextField(blank=True)),
                ("discussed_at", models.DateTimeField(blank=True, null=True)),
                ("version", models.PositiveIntegerField(default=1)),
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
                    "reasons",
                    models.ManyToManyField(
                        blank=True, related_name="panel_cases", to="learning.neetreason"
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="panel_cases",
                        to="people.youngperson",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cases",
                        to="learning.panelmeeting",
                    ),
                ),
            ],
            options={
                "ordering": ["listed_because", "neet_since", "course_ends_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PanelAttendee",
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
                ("name", models.CharField(max_length=200)),
                ("organisation", models.CharField(blank=True, max_length=200)),
                (
                    "attendance",
                    models.CharField(
                        choices=[
                            ("attended", "Attended"),
                            ("apologies", "Sent apologies"),
                            ("absent", "Did not attend"),
                        ],
                        max_length=10,
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
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendees",
                        to="learning.panelmeeting",
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="PersonalEducationPlan",
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
                    "academic_year",
                    models.PositiveSmallIntegerField(help_text="The year the school year starts."),
                ),
                (
                    "term",
                    models.CharField(
                        choices=[("autumn", "Autumn"), ("spring", "Spring"), ("summer", "Summer")],
                        max_length=6,
                    ),
                ),
                ("due_on", models.DateField(verbose_name="due date")),
                ("completed_on", models.DateField(blank=True, null=True)),
                ("education_setting", models.CharField(blank=True, max_length=200)),
                ("summary", models.TextField(blank=True, verbose_name="what the plan says")),
                ("not_required_on", models.DateField(blank=True, null=True)),
                ("not_required_reason", models.CharField(blank=True, max_length=255)),
                (
                    "quality_grade",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("outstanding", "Outstanding"),
                            ("good", "Good"),
                            ("requires_improvement", "Requires improvement"),
                            ("inadequate", "Inadequate"),
                        ],
                        max_length=20,
                    ),
                ),
                ("reviewed_on", models.DateField(blank=True, null=True)),
                ("reviewer_feedback", models.TextField(blank=True)),
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
                    "reviewer",
                    models.ForeignKey(
                        blank=True,
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
                        related_name="peps",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-due_on"],
            },
        ),
        migrations.CreateModel(
            name="PepTarget",
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
                ("description", models.TextField(verbose_name="target")),
                ("by_when", models.DateField(blank=True, null=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "In progress"),
                            ("achieved", "Achieved"),
                            ("not_achieved", "Not achieved"),
                        ],
                        default="not_started",
                        max_length=12,
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
                    "pep",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="targets",
                        to="learning.personaleducationplan",
                    ),
                ),
            ],
            options={
                "ordering": ["pk"],
            },
        ),
        migrations.CreateModel(
            name="ActivityEpisode",
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
                    "activ",
                    models.CharField(
                        choices=[
                            (
                                "F1",
                                "Full time in higher education (for example, studies beyond A level)",
                            ),
                            ("P1", "Part time in higher education"),
                            ("F2", "Full time in education other than higher education"),
                            ("P2", "Part time in education other than higher education"),
                            ("F4", "Full time in an apprenticeship"),
                            ("P4", "Part time in an apprenticeship"),
                            ("F5", "Full time in training or employment (not apprenticeship)"),
                            ("P5", "Part time in training or employment (not apprenticeship)"),
                            (
                                "G4",
                                "Not in education, employment or training because of illness or disability",
                            ),
                            (
                                "G5",
                                "Not in education, employment or training: other circumstances",
                            ),
                            (
                                "G6",
                                "Not in education, employment or training due to pregnancy or parenting",
                            ),
                        ],
                        max_length=2,
                        verbose_name="activity",
                    ),
                ),
                (
                    "provider",
                    models.CharField(
                        blank=True,
                        max_length=200,
                        verbose_name="college, university, employer or training provider",
                    ),
                ),
                (
                    "course_or_role",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="course, apprenticeship or job"
                    ),
                ),
                (
                    "hours_per_week",
                    models.DecimalField(blank=True, decimal_places=1, max_digits=4, null=True),
                ),
                ("start", models.DateField(verbose_name="start date")),
                ("end", models.DateField(blank=True, null=True, verbose_name="end date")),
                ("end_reason", models.TextField(blank=True, verbose_name="why it ended")),
                (
                    "planned_end",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="date the course or contract is due to end",
                    ),
                ),
                (
                    "is_training",
                    models.BooleanField(
                        default=False,
                        help_text="For F5 and P5 only: a training course or traineeship counts as training for help up to 25.",
                        verbose_name="training rather than a job",
                    ),
                ),
                (
                    "council_job_offer",
                    models.BooleanField(
                        default=False,
                        help_text="A job or apprenticeship the council offered because the young person is a care leaver.",
                        verbose_name="offered by the council as a corporate parent",
                    ),
                ),
                (
                    "young_persons_view",
                    models.TextField(blank=True, verbose_name="what the young person says"),
                ),
                ("notes", models.TextField(blank=True)),
                ("version", models.PositiveIntegerField(default=1)),
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
                        related_name="activities",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-start", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["young_person", "start"], name="learning_ac_young_p_933873_idx"
                    ),
                    models.Index(fields=["activ", "end"], name="learning_ac_activ_197c69_idx"),
                    models.Index(fields=["planned_end"], name="learning_ac_planned_29f02d_idx"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end__isnull", True), ("end__gte", models.F("start")), _connector="OR"
                        ),
                        name="activity_ends_after_it_starts",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="NeetReasonRecord",
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
                ("identified_on", models.DateField(verbose_name="date recorded")),
                (
                    "resolved_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date it stopped being a barrier"
                    ),
                ),
                (
                    "young_persons_view",
                    models.TextField(
                        blank=True, verbose_name="what the young person says about it"
                    ),
                ),
                ("details", models.TextField(blank=True)),
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
                    "reason",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="records",
                        to="learning.neetreason",
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="neet_reasons",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-identified_on", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(
                            ("archived_at__isnull", True), ("resolved_on__isnull", True)
                        ),
                        fields=("young_person", "reason"),
                        name="one_open_record_per_neet_reason",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("resolved_on__isnull", True),
                            ("resolved_on__gte", models.F("identified_on")),
                            _connector="OR",
                        ),
                        name="neet_reason_resolved_after_identified",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="PanelAction",
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
                            ("course", "Course or training referral"),
                            ("job", "Job or apprenticeship application"),
                            ("careers", "Careers advice and guidance"),
                            ("health", "Health or wellbeing referral"),
                            ("money", "Benefits, bursary or money"),
                            ("housing", "Housing"),
                            ("childcare", "Childcare"),
                            ("confidence", "Confidence or skills building"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="type of action",
                    ),
                ),
                ("description", models.TextField(verbose_name="what will be done")),
                (
                    "owner_name",
                    models.CharField(
                        blank=True,
                        help_text="For a partner, for example a college or Jobcentre work coach.",
                        max_length=200,
                        verbose_name="owner outside the service",
                    ),
                ),
                ("due_on", models.DateField(verbose_name="due date")),
                ("completed_on", models.DateField(blank=True, null=True)),
                ("outcome", models.TextField(blank=True)),
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
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="eet_panel_actions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actions",
                        to="learning.panelcase",
                    ),
                ),
            ],
            options={
                "ordering": ["due_on", "pk"],
                "indexes": [
                    models.Index(
                        fields=["owner", "completed_on"], name="learning_pa_owner_i_9f29d3_idx"
                    )
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("owner__isnull", False),
                            models.Q(("owner_name", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="panel_action_has_an_owner",
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="panelcase",
            constraint=models.UniqueConstraint(
                fields=("meeting", "young_person"), name="one_case_per_young_person_per_meeting"
            ),
        ),
        migrations.AddIndex(
            model_name="personaleducationplan",
            index=models.Index(
                fields=["due_on", "completed_on"], name="learning_pe_due_on_760993_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="personaleducationplan",
            constraint=models.UniqueConstraint(
                fields=("young_person", "academic_year", "term"), name="one_pep_per_term"
            ),
        ),
    ]
