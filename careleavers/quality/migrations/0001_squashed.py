# The quality tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("quality", "0001_initial"),
        ("quality", "0002_audits_and_oversight"),
        ("quality", "0004_policy_help_without_placeholders"),
        ("quality", "0005_voice_anonymous_wellbeing_you_said"),
        ("quality", "0006_audit_list_order"),
    ]

    initial = True

    dependencies = [
        ("accounts", "0001_squashed"),
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditQuestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "area",
                    models.CharField(
                        choices=[
                            (
                                "relationships",
                                "Relationships and access to social and recreational opportunities",
                            ),
                            ("influence", "Ability to influence the services they receive"),
                            ("health", "Health and emotional wellbeing"),
                            ("learning_employment", "Learning and employment"),
                            ("adulthood", "Good decisions and support into adulthood"),
                        ],
                        max_length=30,
                    ),
                ),
                ("text", models.CharField(max_length=400, verbose_name="question")),
                (
                    "hint",
                    models.CharField(
                        blank=True,
                        help_text="What to look for, shown under the question.",
                        max_length=400,
                    ),
                ),
                ("principles", models.JSONField(blank=True, default=list)),
                ("display_order", models.PositiveIntegerField(default=100)),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to retire the question: new audits leave it out, audits that asked it keep it.",
                        verbose_name="in use",
                    ),
                ),
            ],
            options={
                "ordering": ["display_order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="AuditTheme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.SlugField(max_length=40, unique=True)),
                ("label", models.CharField(max_length=120, unique=True)),
                ("description", models.CharField(blank=True, max_length=300)),
                ("display_order", models.PositiveIntegerField(default=100)),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to stop auditors choosing it; past audits keep it.",
                        verbose_name="in use",
                    ),
                ),
            ],
            options={
                "ordering": ["display_order", "label"],
            },
        ),
        migrations.CreateModel(
            name="QualityPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "oversight_months",
                    models.PositiveSmallIntegerField(
                        default=3,
                        help_text="The council's local policy: how often a manager should record oversight on each case. The oversight report lists young people with none in this many months.",
                        verbose_name="months without management oversight before a case is listed",
                    ),
                ),
                (
                    "feedback_recent_days",
                    models.PositiveSmallIntegerField(
                        default=90,
                        help_text="The council's local policy: how old a young person's feedback may be for an auditor to use it in a case audit.",
                        verbose_name="days feedback counts as recent for an audit",
                    ),
                ),
                (
                    "wellbeing_interval_days",
                    models.PositiveSmallIntegerField(
                        default=90,
                        help_text="The council's local policy: how many days after filling in a wellbeing check a young person may fill in another. Asking too often makes it a chore; 90 days asks about four times a year.",
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="days between wellbeing checks",
                    ),
                ),
                ("modified_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "quality assurance policy",
                "verbose_name_plural": "quality assurance policy",
            },
        ),
        migrations.CreateModel(
            name="CaseAudit",
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
                ("worker_role", models.CharField(blank=True, max_length=2)),
                (
                    "status",
                    models.CharField(
                        choices=[("in_progress", "In progress"), ("completed", "Completed")],
                        default="in_progress",
                        max_length=12,
                    ),
                ),
                ("started_on", models.DateField(default=django.utils.timezone.localdate)),
                ("completed_on", models.DateField(blank=True, null=True)),
                (
                    "overall_grade",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("outstanding", "Outstanding"),
                            ("good", "Good"),
                            ("requires_improvement", "Requires improvement"),
                            ("inadequate", "Inadequate"),
                        ],
                        max_length=24,
                    ),
                ),
                ("summary", models.TextField(blank=True, verbose_name="overall evaluation")),
                (
                    "final_grade",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("outstanding", "Outstanding"),
                            ("good", "Good"),
                            ("requires_improvement", "Requires improvement"),
                            ("inadequate", "Inadequate"),
                        ],
                        max_length=24,
                    ),
                ),
                (
                    "no_feedback_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("declined", "They did not want to give feedback"),
                            ("no_response", "They did not respond after at least two attempts"),
                            ("not_safe", "Asking now would not be safe or in their interests"),
                            (
                                "unavailable",
                                "They are in custody, in hospital or abroad and could not be reached",
                            ),
                            (
                                "communication",
                                "They could not give a view, even with support or an interpreter",
                            ),
                            ("other", "Another reason"),
                        ],
                        max_length=20,
                        verbose_name="why their feedback could not be had",
                    ),
                ),
                ("no_feedback_explanation", models.TextField(blank=True)),
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
                    "auditor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="case_audits_done",
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
                    "manager",
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
                    "team",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="case_audits",
                        to="accounts.team",
                    ),
                ),
                (
                    "themes",
                    models.ManyToManyField(
                        blank=True,
                        related_name="audits",
                        to="quality.audittheme",
                        verbose_name="learning themes",
                    ),
                ),
                (
                    "worker",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="worker audited",
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="case_audits",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-started_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="AuditModeration",
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
                ("moderated_on", models.DateField(default=django.utils.timezone.localdate)),
                ("agrees", models.BooleanField(verbose_name="agrees with the grade")),
                (
                    "grade",
                    models.CharField(
                        choices=[
                            ("outstanding", "Outstanding"),
                            ("good", "Good"),
                            ("requires_improvement", "Requires improvement"),
                            ("inadequate", "Inadequate"),
                        ],
                        max_length=24,
                        verbose_name="moderated grade",
                    ),
                ),
                ("reason", models.TextField(verbose_name="reason")),
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
                    "moderator",
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
                    "audit",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="moderation",
                        to="quality.caseaudit",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="WellbeingCheck",
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
                ("given_on", models.DateField(default=django.utils.timezone.localdate)),
                (
                    "settled",
                    models.CharField(
                        choices=[
                            ("mostly", "Most of the time"),
                            ("sometimes", "Sometimes"),
                            ("hardly_ever", "Hardly ever"),
                            ("rather_not_say", "I’d rather not say"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "safe",
                    models.CharField(
                        choices=[
                            ("mostly", "Most of the time"),
                            ("sometimes", "Sometimes"),
                            ("hardly_ever", "Hardly ever"),
                            ("rather_not_say", "I’d rather not say"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "someone_to_turn_to",
                    models.CharField(
                        choices=[
                            ("mostly", "Most of the time"),
                            ("sometimes", "Sometimes"),
                            ("hardly_ever", "Hardly ever"),
                            ("rather_not_say", "I’d rather not say"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "managing_money",
                    models.CharField(
                        choices=[
                            ("mostly", "Most of the time"),
                            ("sometimes", "Sometimes"),
                            ("hardly_ever", "Hardly ever"),
                            ("rather_not_say", "I’d rather not say"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "good_about_future",
                    models.CharField(
                        choices=[
                            ("mostly", "Most of the time"),
                            ("sometimes", "Sometimes"),
                            ("hardly_ever", "Hardly ever"),
                            ("rather_not_say", "I’d rather not say"),
                        ],
                        max_length=20,
                    ),
                ),
                ("anything_else", models.TextField(blank=True)),
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
                        related_name="wellbeing_checks",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-given_on", "-created_at"],
            },
        ),
        migrations.AddField(
            model_name="caseaudit",
            name="wellbeing_check",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audits",
                to="quality.wellbeingcheck",
                verbose_name="the young person's wellbeing check",
            ),
        ),
        migrations.CreateModel(
            name="YoungPersonFeedback",
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
                ("given_on", models.DateField(default=django.utils.timezone.localdate)),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("portal", "Through their pages online"),
                            ("phone", "By phone"),
                            ("in_person", "In person"),
                            ("survey", "In a survey"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "about",
                    models.CharField(
                        choices=[
                            ("personal_adviser", "My personal adviser"),
                            ("service", "The leaving care service"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("very_good", "Very good"),
                            ("good", "Good"),
                            ("ok", "OK"),
                            ("not_good", "Not good"),
                        ],
                        max_length=20,
                    ),
                ),
                ("what_is_good", models.TextField(blank=True)),
                ("what_could_be_better", models.TextField(blank=True)),
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
                        related_name="feedback",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-given_on", "-created_at"],
            },
        ),
        migrations.AddField(
            model_name="caseaudit",
            name="feedback",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audits",
                to="quality.youngpersonfeedback",
                verbose_name="the young person's feedback",
            ),
        ),
        migrations.CreateModel(
            name="YouSaidWeDid",
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
                ("you_said", models.TextField(verbose_name="what young people said")),
                ("we_did", models.TextField(verbose_name="what we did")),
                ("done_on", models.DateField(verbose_name="when we did it")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        default="draft",
                        max_length=12,
                    ),
                ),
                ("published_on", models.DateField(blank=True, null=True)),
                ("withdrawn_on", models.DateField(blank=True, null=True)),
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
                "verbose_name": "you said, we did",
                "verbose_name_plural": "you said, we did",
                "ordering": ["-done_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="AnonymousFeedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("given_on", models.DateField()),
                (
                    "about",
                    models.CharField(
                        choices=[
                            ("personal_adviser", "My personal adviser"),
                            ("service", "The leaving care service"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("very_good", "Very good"),
                            ("good", "Good"),
                            ("ok", "OK"),
                            ("not_good", "Not good"),
                        ],
                        max_length=20,
                    ),
                ),
                ("what_is_good", models.TextField(blank=True)),
                ("what_could_be_better", models.TextField(blank=True)),
                ("read_on", models.DateField(blank=True, null=True)),
                (
                    "manager_note",
                    models.TextField(blank=True, verbose_name="what the manager did"),
                ),
                ("logged", models.BooleanField(default=False)),
                (
                    "adviser",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="personal adviser it is about",
                    ),
                ),
                (
                    "read_by",
                    models.ForeignKey(
                        blank=True,
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
                        related_name="anonymous_feedback",
                        to="accounts.team",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "anonymous feedback",
                "ordering": ["-given_on", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["team", "read_on"], name="quality_ano_team_id_be427f_idx"
                    ),
                    models.Index(
                        fields=["logged", "given_on"], name="quality_ano_logged_9afc69_idx"
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="AuditTarget",
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
                ("month", models.DateField()),
                ("target", models.PositiveSmallIntegerField()),
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
                        related_name="audit_targets",
                        to="accounts.team",
                    ),
                ),
            ],
            options={
                "ordering": ["-month", "team__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("team", "month"), name="one_audit_target_per_month"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AuditAreaGrade",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "area",
                    models.CharField(
                        choices=[
                            (
                                "relationships",
                                "Relationships and access to social and recreational opportunities",
                            ),
                            ("influence", "Ability to influence the services they receive"),
                            ("health", "Health and emotional wellbeing"),
                            ("learning_employment", "Learning and employment"),
                            ("adulthood", "Good decisions and support into adulthood"),
                        ],
                        max_length=30,
                    ),
                ),
                (
                    "grade",
                    models.CharField(
                        choices=[
                            ("outstanding", "Outstanding"),
                            ("good", "Good"),
                            ("requires_improvement", "Requires improvement"),
                            ("inadequate", "Inadequate"),
                        ],
                        max_length=24,
                    ),
                ),
                ("comment", models.TextField(blank=True)),
                (
                    "audit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="area_grades",
                        to="quality.caseaudit",
                    ),
                ),
            ],
            options={
                "ordering": ["pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("audit", "area"), name="one_grade_per_area")
                ],
            },
        ),
        migrations.CreateModel(
            name="AuditAnswer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "area",
                    models.CharField(
                        choices=[
                            (
                                "relationships",
                                "Relationships and access to social and recreational opportunities",
                            ),
                            ("influence", "Ability to influence the services they receive"),
                            ("health", "Health and emotional wellbeing"),
                            ("learning_employment", "Learning and employment"),
                            ("adulthood", "Good decisions and support into adulthood"),
                        ],
                        max_length=30,
                    ),
                ),
                ("question_text", models.CharField(max_length=400)),
                ("hint", models.CharField(blank=True, max_length=400)),
                ("principles", models.JSONField(blank=True, default=list)),
                ("display_order", models.PositiveIntegerField(default=100)),
                (
                    "rating",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("met", "Met"),
                            ("partly_met", "Partly met"),
                            ("not_met", "Not met"),
                            ("not_applicable", "Does not apply to this young person"),
                        ],
                        max_length=20,
                    ),
                ),
                ("evidence", models.TextField(blank=True)),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="answers",
                        to="quality.auditquestion",
                    ),
                ),
                (
                    "audit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="answers",
                        to="quality.caseaudit",
                    ),
                ),
            ],
            options={
                "ordering": ["display_order", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("audit", "question"), name="one_answer_per_question"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AuditAction",
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
                    "assigned_as",
                    models.CharField(
                        choices=[("worker", "The worker"), ("manager", "The manager")],
                        max_length=10,
                    ),
                ),
                ("description", models.TextField(verbose_name="what needs to be done")),
                ("due_on", models.DateField(verbose_name="due by")),
                ("done_on", models.DateField(blank=True, null=True)),
                ("done_note", models.TextField(blank=True, verbose_name="what was done")),
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
                    "assignee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="audit_actions",
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
                    "audit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actions",
                        to="quality.caseaudit",
                    ),
                ),
            ],
            options={
                "ordering": ["due_on", "pk"],
                "indexes": [
                    models.Index(
                        fields=["assignee", "done_on"], name="quality_aud_assigne_5c56c4_idx"
                    ),
                    models.Index(
                        fields=["due_on", "done_on"], name="quality_aud_due_on_2ba5c1_idx"
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="OversightEntry",
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
                    "recorded_on",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        verbose_name="date of the oversight",
                    ),
                ),
                ("direction", models.TextField(verbose_name="direction given")),
                ("rationale", models.TextField(verbose_name="reasons for the direction")),
                ("review_by", models.DateField(blank=True, null=True, verbose_name="review by")),
                ("reviewed_on", models.DateField(blank=True, null=True)),
                (
                    "review_note",
                    models.TextField(blank=True, verbose_name="what the review found"),
                ),
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
                    "manager",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="oversight_entries",
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
                    "reviewed_by",
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
                        related_name="oversight_entries",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "oversight entries",
                "ordering": ["-recorded_on", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["young_person", "recorded_on"],
                        name="quality_ove_young_p_2fbc1c_idx",
                    ),
                    models.Index(
                        fields=["manager", "reviewed_on"], name="quality_ove_manager_0e0502_idx"
                    ),
                ],
            },
        ),
        migrations.AddIndex(
            model_name="wellbeingcheck",
            index=models.Index(
                fields=["young_person", "given_on"], name="quality_wel_young_p_bd152a_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="youngpersonfeedback",
            index=models.Index(
                fields=["young_person", "given_on"], name="quality_you_young_p_6a5e80_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="caseaudit",
            index=models.Index(
                fields=["status", "completed_on"], name="quality_cas_status_df6b39_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="caseaudit",
            index=models.Index(
                fields=["team", "completed_on"], name="quality_cas_team_id_68849b_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="caseaudit",
            index=models.Index(
                fields=["young_person", "started_on"], name="quality_cas_young_p_4ebb1c_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="caseaudit",
            index=models.Index(
                fields=["-completed_on", "-started_on", "-id"], name="quality_audit_list_order"
            ),
        ),
        migrations.AddConstraint(
            model_name="caseaudit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("completed_on__isnull", True), ("status", "in_progress")),
                    models.Q(
                        ("completed_on__isnull", False),
                        ("status", "completed"),
                        models.Q(("final_grade", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="case_audit_completed_has_date_and_grade",
            ),
        ),
        migrations.AddIndex(
            model_name="yousaidwedid",
            index=models.Index(fields=["status", "done_on"], name="quality_you_status_4ce34f_idx"),
        ),
    ]
