# The transitions tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("transitions", "0001_initial"),
        ("transitions", "0003_milestone_version"),
        ("transitions", "0004_health_first_child_born_on"),
    ]

    initial = True

    dependencies = [
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Service",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=150, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("adult_social_care", "Adult social care"),
                            ("adult_mental_health", "Adult mental health"),
                            ("camhs", "Children and young people's mental health (CAMHS)"),
                            ("learning_disability", "Learning disability"),
                            ("substance_misuse", "Substance misuse"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=30,
                    ),
                ),
                (
                    "description",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the name when a worker refers.",
                        max_length=300,
                    ),
                ),
                (
                    "target_wait_days",
                    models.PositiveIntegerField(
                        help_text="How many days from referral to the service's decision the council expects.",
                        verbose_name="target wait in days",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to stop new referrals; existing ones are kept.",
                    ),
                ),
                ("display_order", models.PositiveIntegerField(default=100)),
            ],
            options={
                "ordering": ["display_order", "name"],
            },
        ),
        migrations.CreateModel(
            name="HealthProfile",
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
                    "gp_registration",
                    models.CharField(
                        choices=[
                            ("yes", "Registered"),
                            ("no", "Not registered"),
                            ("unknown", "Not known"),
                        ],
                        default="unknown",
                        max_length=8,
                        verbose_name="registered with a GP",
                    ),
                ),
                (
                    "gp_practice",
                    models.CharField(blank=True, max_length=200, verbose_name="GP practice"),
                ),
                (
                    "dentist_registration",
                    models.CharField(
                        choices=[
                            ("yes", "Registered"),
                            ("no", "Not registered"),
                            ("unknown", "Not known"),
                        ],
                        default="unknown",
                        max_length=8,
                        verbose_name="registered with a dentist",
                    ),
                ),
                (
                    "dentist_practice",
                    models.CharField(blank=True, max_length=200, verbose_name="dental practice"),
                ),
                (
                    "health_history_given_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="date the health history summary was given to the young person",
                    ),
                ),
                (
                    "mental_health_needs",
                    models.BooleanField(default=False, verbose_name="has mental health needs"),
                ),
                (
                    "mental_health_notes",
                    models.TextField(blank=True, verbose_name="mental health needs"),
                ),
                ("is_pregnant", models.BooleanField(default=False, verbose_name="pregnant")),
                ("due_on", models.DateField(blank=True, null=True, verbose_name="baby due")),
                ("is_parent", models.BooleanField(default=False, verbose_name="a parent")),
                ("number_of_children", models.PositiveSmallIntegerField(default=0)),
                (
                    "first_child_born_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="first child's date of birth"
                    ),
                ),
                (
                    "parenting_notes",
                    models.TextField(blank=True, verbose_name="parenting and support"),
                ),
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
                    "young_person",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="health_profile",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="HistoricalHealthProfile",
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
                    "gp_registration",
                    models.CharField(
                        choices=[
                            ("yes", "Registered"),
                            ("no", "Not registered"),
                            ("unknown", "Not known"),
                        ],
                        default="unknown",
                        max_length=8,
                        verbose_name="registered with a GP",
                    ),
                ),
                (
                    "gp_practice",
                    models.CharField(blank=True, max_length=200, verbose_name="GP practice"),
                ),
                (
                    "dentist_registration",
                    models.CharField(
                        choices=[
                            ("yes", "Registered"),
                            ("no", "Not registered"),
                            ("unknown", "Not known"),
                        ],
                        default="unknown",
                        max_length=8,
                        verbose_name="registered with a dentist",
                    ),
                ),
                (
                    "dentist_practice",
                    models.CharField(blank=True, max_length=200, verbose_name="dental practice"),
                ),
                (
                    "health_history_given_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="date the health history summary was given to the young person",
                    ),
                ),
                (
                    "mental_health_needs",
                    models.BooleanField(default=False, verbose_name="has mental health needs"),
                ),
                (
                    "mental_health_notes",
                    models.TextField(blank=True, verbose_name="mental health needs"),
                ),
                ("is_pregnant", models.BooleanField(default=False, verbose_name="pregnant")),
                ("due_on", models.DateField(blank=True, null=True, verbose_name="baby due")),
                ("is_parent", models.BooleanField(default=False, verbose_name="a parent")),
                ("number_of_children", models.PositiveSmallIntegerField(default=0)),
                (
                    "first_child_born_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="first child's date of birth"
                    ),
                ),
                (
                    "parenting_notes",
                    models.TextField(blank=True, verbose_name="parenting and support"),
                ),
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
                "verbose_name": "historical health profile",
                "verbose_name_plural": "historical health profiles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTransitionPlan",
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
                ("started_on", models.DateField(verbose_name="date planning started")),
                (
                    "young_persons_wishes",
                    models.TextField(verbose_name="what the young person wants for adult life"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="the plan")),
                (
                    "other_professionals",
                    models.TextField(
                        blank=True, verbose_name="other people and services involved"
                    ),
                ),
                (
                    "next_review_on",
                    models.DateField(blank=True, null=True, verbose_name="next review"),
                ),
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
                "verbose_name": "historical transition plan",
                "verbose_name_plural": "historical transition plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Referral",
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
                ("referred_on", models.DateField(verbose_name="date referred")),
                ("reason", models.TextField(verbose_name="why the young person was referred")),
                (
                    "section_117_aftercare",
                    models.BooleanField(
                        default=False,
                        help_text="The young person was detained under the Mental Health Act and is entitled to aftercare.",
                        verbose_name="section 117 aftercare",
                    ),
                ),
                (
                    "acknowledged_on",
                    models.DateField(blank=True, null=True, verbose_name="date acknowledged"),
                ),
                (
                    "assessed_on",
                    models.DateField(blank=True, null=True, verbose_name="date assessed"),
                ),
                (
                    "decided_on",
                    models.DateField(blank=True, null=True, verbose_name="date decided"),
                ),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("met", "Threshold met"),
                            ("not_met", "Threshold not met"),
                            ("signposted", "Signposted to another service"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "decision_notes",
                    models.TextField(blank=True, verbose_name="what the service decided and why"),
                ),
                (
                    "alternative_support",
                    models.TextField(blank=True, verbose_name="support given instead"),
                ),
                (
                    "support_started_on",
                    models.DateField(blank=True, null=True, verbose_name="date support started"),
                ),
                (
                    "withdrawn_on",
                    models.DateField(blank=True, null=True, verbose_name="date withdrawn"),
                ),
                (
                    "withdrawn_reason",
                    models.TextField(blank=True, verbose_name="why the referral was withdrawn"),
                ),
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
                    "referred_by",
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
                        related_name="referrals",
                        to="people.youngperson",
                    ),
                ),
                (
                    "service",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="referrals",
                        to="transitions.service",
                    ),
                ),
            ],
            options={
                "ordering": ["-referred_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalReferral",
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
                ("referred_on", models.DateField(verbose_name="date referred")),
                ("reason", models.TextField(verbose_name="why the young person was referred")),
                (
                    "section_117_aftercare",
                    models.BooleanField(
                        default=False,
                        help_text="The young person was detained under the Mental Health Act and is entitled to aftercare.",
                        verbose_name="section 117 aftercare",
                    ),
                ),
                (
                    "acknowledged_on",
                    models.DateField(blank=True, null=True, verbose_name="date acknowledged"),
                ),
                (
                    "assessed_on",
                    models.DateField(blank=True, null=True, verbose_name="date assessed"),
                ),
                (
                    "decided_on",
                    models.DateField(blank=True, null=True, verbose_name="date decided"),
                ),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("met", "Threshold met"),
                            ("not_met", "Threshold not met"),
                            ("signposted", "Signposted to another service"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "decision_notes",
                    models.TextField(blank=True, verbose_name="what the service decided and why"),
                ),
                (
                    "alternative_support",
                    models.TextField(blank=True, verbose_name="support given instead"),
                ),
                (
                    "support_started_on",
                    models.DateField(blank=True, null=True, verbose_name="date support started"),
                ),
                (
                    "withdrawn_on",
                    models.DateField(blank=True, null=True, verbose_name="date withdrawn"),
                ),
                (
                    "withdrawn_reason",
                    models.TextField(blank=True, verbose_name="why the referral was withdrawn"),
                ),
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
                    "referred_by",
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
                (
                    "service",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="transitions.service",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical referral",
                "verbose_name_plural": "historical referrals",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TransitionPlan",
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
                ("started_on", models.DateField(verbose_name="date planning started")),
                (
                    "young_persons_wishes",
                    models.TextField(verbose_name="what the young person wants for adult life"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="the plan")),
                (
                    "other_professionals",
                    models.TextField(
                        blank=True, verbose_name="other people and services involved"
                    ),
                ),
                (
                    "next_review_on",
                    models.DateField(blank=True, null=True, verbose_name="next review"),
                ),
                ("version", models.PositiveIntegerField(default=1)),
                (
                    "adult_services",
                    models.ManyToManyField(
                        blank=True,
                        related_name="transition_plans",
                        to="transitions.service",
                        verbose_name="adult services involved",
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
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="transition_plan",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Milestone",
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
                ("title", models.CharField(max_length=200, verbose_name="milestone")),
                ("owner", models.CharField(max_length=200, verbose_name="who will do it")),
                ("due_on", models.DateField(verbose_name="by when")),
                ("done_on", models.DateField(blank=True, null=True, verbose_name="date done")),
                ("notes", models.TextField(blank=True)),
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
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="milestones",
                        to="transitions.transitionplan",
                    ),
                ),
            ],
            options={
                "ordering": ["due_on", "id"],
            },
        ),
        migrations.CreateModel(
            name="ReferralChase",
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
                        choices=[("chase", "Chase"), ("escalation", "Escalation")], max_length=12
                    ),
                ),
                ("on", models.DateField(verbose_name="date")),
                ("contacted", models.CharField(max_length=200, verbose_name="who was contacted")),
                ("notes", models.TextField(blank=True, verbose_name="what was said or agreed")),
                (
                    "by",
                    models.ForeignKey(
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
                    "referral",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="chases",
                        to="transitions.referral",
                    ),
                ),
            ],
            options={
                "ordering": ["on", "id"],
                "indexes": [
                    models.Index(fields=["referral", "on"], name="transitions_referra_39fb1a_idx")
                ],
            },
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                fields=["young_person", "referred_on"], name="transitions_young_p_427d73_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                fields=["decided_on", "withdrawn_on"], name="transitions_decided_98b8ed_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                fields=["service", "referred_on"], name="transitions_service_5bfabe_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(fields=["outcome"], name="transitions_outcome_04c3d9_idx"),
        ),
        migrations.AddConstraint(
            model_name="referral",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("decided_on__isnull", True),
                    ("decided_on__gte", models.F("referred_on")),
                    _connector="OR",
                ),
                name="referral_decided_after_referred",
            ),
        ),
        migrations.AddConstraint(
            model_name="referral",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("decided_on__isnull", True), ("outcome", "")),
                    models.Q(
                        ("decided_on__isnull", False), models.Q(("outcome", ""), _negated=True)
                    ),
                    _connector="OR",
                ),
                name="referral_decision_has_outcome",
            ),
        ),
    ]
