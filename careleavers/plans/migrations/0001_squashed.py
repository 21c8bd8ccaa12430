# The plans tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("plans", "0001_initial"),
        ("plans", "0002_plan_section_structured_answers"),
        ("plans", "0003_plan_authorised_at_index"),
        ("plans", "0004_plan_waiting_and_returned_indexes"),
    ]

    initial = True

    dependencies = [
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "review_on_accommodation_change",
                    models.BooleanField(
                        default=True,
                        help_text="Bring the review forward whenever the young person's accommodation changes.",
                    ),
                ),
                (
                    "days_after_request",
                    models.PositiveSmallIntegerField(
                        default=28,
                        help_text="Days within which a review asked for by the young person or the worker must take place.",
                    ),
                ),
                ("days_after_accommodation_change", models.PositiveSmallIntegerField(default=28)),
            ],
            options={
                "verbose_name_plural": "review policy",
            },
        ),
        migrations.CreateModel(
            name="HistoricalNeedsAssessment",
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
                ("started_on", models.DateField(default=django.utils.timezone.localdate)),
                ("due_on", models.DateField(blank=True, null=True)),
                ("due_rule", models.CharField(blank=True, max_length=300)),
                (
                    "views_sought",
                    models.TextField(blank=True, verbose_name="whose views were sought"),
                ),
                (
                    "information_obtained",
                    models.TextField(blank=True, verbose_name="information obtained"),
                ),
                (
                    "meeting_deliberations",
                    models.TextField(blank=True, verbose_name="what was discussed at any meeting"),
                ),
                (
                    "outcome",
                    models.TextField(blank=True, verbose_name="the results of the assessment"),
                ),
                ("completed_on", models.DateField(blank=True, null=True)),
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
                    "completed_by",
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
                "verbose_name": "historical needs assessment",
                "verbose_name_plural": "historical needs assessments",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="NeedsAssessment",
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
                ("started_on", models.DateField(default=django.utils.timezone.localdate)),
                ("due_on", models.DateField(blank=True, null=True)),
                ("due_rule", models.CharField(blank=True, max_length=300)),
                (
                    "views_sought",
                    models.TextField(blank=True, verbose_name="whose views were sought"),
                ),
                (
                    "information_obtained",
                    models.TextField(blank=True, verbose_name="information obtained"),
                ),
                (
                    "meeting_deliberations",
                    models.TextField(blank=True, verbose_name="what was discussed at any meeting"),
                ),
                (
                    "outcome",
                    models.TextField(blank=True, verbose_name="the results of the assessment"),
                ),
                ("completed_on", models.DateField(blank=True, null=True)),
                ("version", models.PositiveIntegerField(default=1)),
                (
                    "completed_by",
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
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="needs_assessments",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-started_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAssessmentSection",
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
                    "matter",
                    models.CharField(
                        choices=[
                            ("health", "Health and development"),
                            (
                                "education_training_employment",
                                "Education, training and employment",
                            ),
                            ("family_support", "Support from family and others"),
                            ("finance", "Money"),
                            ("practical_skills", "Practical skills for living independently"),
                            ("care_support_accommodation", "Care, support and accommodation"),
                            ("wishes_and_feelings", "Wishes and feelings"),
                            ("views_of_others", "Views of others"),
                        ],
                        max_length=40,
                    ),
                ),
                ("findings", models.TextField(blank=True)),
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
                    "assessment",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.needsassessment",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical assessment section",
                "verbose_name_plural": "historical assessment sections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PathwayPlan",
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
                    "number",
                    models.PositiveIntegerField(
                        help_text="1 for the first plan, then one per review."
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Waiting for authorisation"),
                            ("authorised", "Authorised"),
                            ("returned", "Returned to the worker"),
                            ("shared", "Shared with the young person"),
                        ],
                        default="draft",
                        max_length=20,
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("authorised_at", models.DateTimeField(blank=True, null=True)),
                ("authorisation_comments", models.TextField(blank=True)),
                ("returned_at", models.DateTimeField(blank=True, null=True)),
                (
                    "returned_comments",
                    models.TextField(blank=True, verbose_name="what needs to change"),
                ),
                (
                    "shared_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date a copy was given and explained"
                    ),
                ),
                (
                    "shared_method",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("in_person", "Given in person"),
                            ("post", "Sent by post"),
                            ("email", "Sent by email"),
                            ("portal", "Shared on their online account"),
                            ("other", "Another way"),
                        ],
                        max_length=20,
                        verbose_name="how it was shared",
                    ),
                ),
                ("copy_given_and_explained", models.BooleanField(default=False)),
                (
                    "young_person_agreement",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("agrees", "Agrees with the plan"),
                            ("agrees_in_part", "Agrees with some of the plan"),
                            ("disagrees", "Disagrees with the plan"),
                        ],
                        max_length=20,
                        verbose_name="whether the young person agrees",
                    ),
                ),
                (
                    "young_persons_response",
                    models.TextField(
                        blank=True,
                        verbose_name="what the young person said about the plan, in their words",
                    ),
                ),
                ("effective_from", models.DateField(blank=True, null=True)),
                ("effective_to", models.DateField(blank=True, null=True)),
                ("version", models.PositiveIntegerField(default=1)),
                (
                    "authorised_by",
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
                (
                    "previous_plan",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="next_plans",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "returned_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "shared_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "submitted_by",
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
                        related_name="pathway_plans",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["young_person", "-number"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPlanSection",
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
                    "key",
                    models.CharField(
                        choices=[
                            ("contact_and_support", "Contact and personal support"),
                            ("education_and_training", "Education and training"),
                            ("employment", "Employment and other purposeful activity"),
                            ("contingency", "Contingency plan"),
                            ("accommodation", "Accommodation"),
                            ("relationships", "Family and social relationships"),
                            ("practical_skills", "Practical and independent living skills"),
                            ("finance", "Financial support"),
                            ("health", "Health and wellbeing"),
                            ("identity", "Identity: faith, culture and language"),
                        ],
                        max_length=40,
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                (
                    "young_persons_words",
                    models.TextField(
                        blank=True, verbose_name="what the young person says, in their words"
                    ),
                ),
                (
                    "assessment",
                    models.TextField(blank=True, verbose_name="the worker's assessment"),
                ),
                (
                    "planned_activity",
                    models.CharField(
                        blank=True,
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
                        verbose_name="what they will mainly be doing",
                    ),
                ),
                (
                    "planned_accommodation",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("B", "With parent(s) or relative(s)"),
                            (
                                "C",
                                "Community home or other form of residential care such as an NHS establishment",
                            ),
                            (
                                "D",
                                "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support; and self-contained accommodation with floating support",
                            ),
                            (
                                "E",
                                "Supported lodgings (accommodation, usually in a family home, where adult(s) in the host family provide formal advice and support)",
                            ),
                            ("G", "Gone abroad"),
                            ("H", "Deported"),
                            ("K", "Ordinary lodgings, without formal support"),
                            ("R", "Residence not known"),
                            ("S", "No fixed abode / homeless"),
                            (
                                "T",
                                "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment",
                            ),
                            (
                                "U",
                                "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university",
                            ),
                            (
                                "V",
                                "Emergency accommodation (like a night shelter, direct access or emergency hostel)",
                            ),
                            ("W", "Bed and breakfast"),
                            ("X", "In custody"),
                            ("Y", "Other accommodation"),
                            (
                                "Z",
                                "With former foster carer(s) – fostered and on turning 18 remains with the same carer(s) who fostered them immediately before",
                            ),
                        ],
                        max_length=1,
                        verbose_name="where they will live",
                    ),
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
                    "personal_adviser",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="their personal adviser",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.pathwayplan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan section",
                "verbose_name_plural": "historical plan sections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPathwayPlan",
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
                    "number",
                    models.PositiveIntegerField(
                        help_text="1 for the first plan, then one per review."
                    ),
                ),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Waiting for authorisation"),
                            ("authorised", "Authorised"),
                            ("returned", "Returned to the worker"),
                            ("shared", "Shared with the young person"),
                        ],
                        default="draft",
                        max_length=20,
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("authorised_at", models.DateTimeField(blank=True, null=True)),
                ("authorisation_comments", models.TextField(blank=True)),
                ("returned_at", models.DateTimeField(blank=True, null=True)),
                (
                    "returned_comments",
                    models.TextField(blank=True, verbose_name="what needs to change"),
                ),
                (
                    "shared_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="date a copy was given and explained"
                    ),
                ),
                (
                    "shared_method",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("in_person", "Given in person"),
                            ("post", "Sent by post"),
                            ("email", "Sent by email"),
                            ("portal", "Shared on their online account"),
                            ("other", "Another way"),
                        ],
                        max_length=20,
                        verbose_name="how it was shared",
                    ),
                ),
                ("copy_given_and_explained", models.BooleanField(default=False)),
                (
                    "young_person_agreement",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("agrees", "Agrees with the plan"),
                            ("agrees_in_part", "Agrees with some of the plan"),
                            ("disagrees", "Disagrees with the plan"),
                        ],
                        max_length=20,
                        verbose_name="whether the young person agrees",
                    ),
                ),
                (
                    "young_persons_response",
                    models.TextField(
                        blank=True,
                        verbose_name="what the young person said about the plan, in their words",
                    ),
                ),
                ("effective_from", models.DateField(blank=True, null=True)),
                ("effective_to", models.DateField(blank=True, null=True)),
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
                    "authorised_by",
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
                    "returned_by",
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
                    "shared_by",
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
                    "submitted_by",
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
                    "previous_plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.pathwayplan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pathway plan",
                "verbose_name_plural": "historical pathway plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGoal",
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
                    "description",
                    models.TextField(verbose_name="the goal, in the young person's words"),
                ),
                ("target_date", models.DateField(blank=True, null=True)),
                (
                    "progress",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("some_progress", "Some progress"),
                            ("achieved", "Achieved"),
                            ("changed", "Changed or dropped"),
                        ],
                        default="not_started",
                        max_length=20,
                    ),
                ),
                ("progress_note", models.TextField(blank=True, verbose_name="how it is going")),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.pathwayplan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical goal",
                "verbose_name_plural": "historical goals",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Goal",
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
                    "description",
                    models.TextField(verbose_name="the goal, in the young person's words"),
                ),
                ("target_date", models.DateField(blank=True, null=True)),
                (
                    "progress",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("some_progress", "Some progress"),
                            ("achieved", "Achieved"),
                            ("changed", "Changed or dropped"),
                        ],
                        default="not_started",
                        max_length=20,
                    ),
                ),
                ("progress_note", models.TextField(blank=True, verbose_name="how it is going")),
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
                        related_name="goals",
                        to="plans.pathwayplan",
                    ),
                ),
            ],
            options={
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="PlanReview",
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
                    "reason",
                    models.CharField(
                        choices=[
                            ("scheduled", "Scheduled review (at most every 6 months)"),
                            ("young_person_asked", "The young person asked for a review"),
                            ("accommodation_changed", "Their accommodation changed"),
                            (
                                "worker_thought_necessary",
                                "The worker or council thought it necessary",
                            ),
                        ],
                        max_length=30,
                    ),
                ),
                ("requested_on", models.DateField(blank=True, null=True)),
                (
                    "request_note",
                    models.TextField(blank=True, verbose_name="why a review is needed"),
                ),
                ("held_on", models.DateField(blank=True, null=True)),
                ("what_changed", models.TextField(blank=True)),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
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
                    "met_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="For a request: the review that met it.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="requests_met",
                        to="plans.planreview",
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
                        blank=True,
                        help_text="The plan in force that was reviewed.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reviews",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "resulting_plan",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="from_reviews",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plan_reviews",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-held_on", "-requested_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPlanReview",
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
                    "reason",
                    models.CharField(
                        choices=[
                            ("scheduled", "Scheduled review (at most every 6 months)"),
                            ("young_person_asked", "The young person asked for a review"),
                            ("accommodation_changed", "Their accommodation changed"),
                            (
                                "worker_thought_necessary",
                                "The worker or council thought it necessary",
                            ),
                        ],
                        max_length=30,
                    ),
                ),
                ("requested_on", models.DateField(blank=True, null=True)),
                (
                    "request_note",
                    models.TextField(blank=True, verbose_name="why a review is needed"),
                ),
                ("held_on", models.DateField(blank=True, null=True)),
                ("what_changed", models.TextField(blank=True)),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
                ),
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
                    "recorded_by",
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
                    "requested_by",
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The plan in force that was reviewed.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "resulting_plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "met_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="For a request: the review that met it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.planreview",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan review",
                "verbose_name_plural": "historical plan reviews",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PlanSection",
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
                    "key",
                    models.CharField(
                        choices=[
                            ("contact_and_support", "Contact and personal support"),
                            ("education_and_training", "Education and training"),
                            ("employment", "Employment and other purposeful activity"),
                            ("contingency", "Contingency plan"),
                            ("accommodation", "Accommodation"),
                            ("relationships", "Family and social relationships"),
                            ("practical_skills", "Practical and independent living skills"),
                            ("finance", "Financial support"),
                            ("health", "Health and wellbeing"),
                            ("identity", "Identity: faith, culture and language"),
                        ],
                        max_length=40,
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                (
                    "young_persons_words",
                    models.TextField(
                        blank=True, verbose_name="what the young person says, in their words"
                    ),
                ),
                (
                    "assessment",
                    models.TextField(blank=True, verbose_name="the worker's assessment"),
                ),
                (
                    "planned_activity",
                    models.CharField(
                        blank=True,
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
                        verbose_name="what they will mainly be doing",
                    ),
                ),
                (
                    "planned_accommodation",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("B", "With parent(s) or relative(s)"),
                            (
                                "C",
                                "Community home or other form of residential care such as an NHS establishment",
                            ),
                            (
                                "D",
                                "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support; and self-contained accommodation with floating support",
                            ),
                            (
                                "E",
                                "Supported lodgings (accommodation, usually in a family home, where adult(s) in the host family provide formal advice and support)",
                            ),
                            ("G", "Gone abroad"),
                            ("H", "Deported"),
                            ("K", "Ordinary lodgings, without formal support"),
                            ("R", "Residence not known"),
                            ("S", "No fixed abode / homeless"),
                            (
                                "T",
                                "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment",
                            ),
                            (
                                "U",
                                "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university",
                            ),
                            (
                                "V",
                                "Emergency accommodation (like a night shelter, direct access or emergency hostel)",
                            ),
                            ("W", "Bed and breakfast"),
                            ("X", "In custody"),
                            ("Y", "Other accommodation"),
                            (
                                "Z",
                                "With former foster carer(s) – fostered and on turning 18 remains with the same carer(s) who fostered them immediately before",
                            ),
                        ],
                        max_length=1,
                        verbose_name="where they will live",
                    ),
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
                    "personal_adviser",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="their personal adviser",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sections",
                        to="plans.pathwayplan",
                    ),
                ),
            ],
            options={
                "ordering": ["plan", "number"],
            },
        ),
        migrations.CreateModel(
            name="PlanAction",
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
                ("what", models.TextField(verbose_name="what will be done")),
                ("who", models.CharField(max_length=200, verbose_name="who will do it")),
                ("by_when", models.DateField(verbose_name="by when")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "Started"),
                            ("done", "Done"),
                            ("not_needed", "No longer needed"),
                        ],
                        default="not_started",
                        max_length=20,
                    ),
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
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actions",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "section",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actions",
                        to="plans.plansection",
                    ),
                ),
            ],
            options={
                "ordering": ["by_when", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPlanAction",
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
                ("what", models.TextField(verbose_name="what will be done")),
                ("who", models.CharField(max_length=200, verbose_name="who will do it")),
                ("by_when", models.DateField(verbose_name="by when")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "Started"),
                            ("done", "Done"),
                            ("not_needed", "No longer needed"),
                        ],
                        default="not_started",
                        max_length=20,
                    ),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.pathwayplan",
                    ),
                ),
                (
                    "section",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.plansection",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan action",
                "verbose_name_plural": "historical plan actions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PlanStateChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                (
                    "from_state",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Waiting for authorisation"),
                            ("authorised", "Authorised"),
                            ("returned", "Returned to the worker"),
                            ("shared", "Shared with the young person"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "to_state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Waiting for authorisation"),
                            ("authorised", "Authorised"),
                            ("returned", "Returned to the worker"),
                            ("shared", "Shared with the young person"),
                        ],
                        max_length=20,
                    ),
                ),
                ("comment", models.TextField(blank=True)),
                (
                    "by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="state_changes",
                        to="plans.pathwayplan",
                    ),
                ),
            ],
            options={
                "ordering": ["at", "id"],
            },
        ),
        migrations.CreateModel(
            name="AssessmentSection",
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
                    "matter",
                    models.CharField(
                        choices=[
                            ("health", "Health and development"),
                            (
                                "education_training_employment",
                                "Education, training and employment",
                            ),
                            ("family_support", "Support from family and others"),
                            ("finance", "Money"),
                            ("practical_skills", "Practical skills for living independently"),
                            ("care_support_accommodation", "Care, support and accommodation"),
                            ("wishes_and_feelings", "Wishes and feelings"),
                            ("views_of_others", "Views of others"),
                        ],
                        max_length=40,
                    ),
                ),
                ("findings", models.TextField(blank=True)),
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
                    "assessment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sections",
                        to="plans.needsassessment",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("assessment", "matter"), name="one_row_per_matter"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="pathwayplan",
            index=models.Index(
                fields=["state", "submitted_at"], name="plans_pathw_state_310ad1_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="pathwayplan",
            index=models.Index(fields=["authorised_at"], name="plans_plan_authorised_at_idx"),
        ),
        migrations.AddIndex(
            model_name="pathwayplan",
            index=models.Index(
                condition=models.Q(("state", "submitted")),
                fields=["young_person"],
                name="plans_plan_submitted_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="pathwayplan",
            index=models.Index(
                condition=models.Q(("state", "returned")),
                fields=["young_person"],
                name="plans_plan_returned_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="pathwayplan",
            constraint=models.UniqueConstraint(
                fields=("young_person", "number"), name="one_plan_number_per_young_person"
            ),
        ),
        migrations.AddConstraint(
            model_name="pathwayplan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("state__in", ["draft", "submitted", "returned"])),
                fields=("young_person",),
                name="one_open_plan_per_young_person",
            ),
        ),
        migrations.AddIndex(
            model_name="planreview",
            index=models.Index(
                fields=["young_person", "held_on"], name="plans_planr_young_p_418198_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="plansection",
            constraint=models.UniqueConstraint(
                fields=("plan", "key"), name="one_section_per_matter"
            ),
        ),
        migrations.AddIndex(
            model_name="planstatechange",
            index=models.Index(fields=["plan", "to_state"], name="plans_plans_plan_id_915d77_idx"),
        ),
    ]
