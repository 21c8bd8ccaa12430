# The people tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("people", "0001_initial"),
        ("people", "0003_category_questions_support_choices_and_qualifying_routes"),
        ("people", "0004_young_person_date_of_death_and_disability"),
        ("people", "0005_reported_care_leaver_category"),
        ("people", "0006_visible_young_people_index"),
    ]

    initial = True

    dependencies = [
        ("accounts", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalYoungPerson",
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
                    "child_id",
                    models.CharField(
                        db_index=True,
                        help_text="The ID used in the SSDA903 return (up to 10 characters).",
                        max_length=10,
                        verbose_name="council child ID",
                    ),
                ),
                ("first_name", models.CharField(max_length=100)),
                ("last_name", models.CharField(max_length=100)),
                ("preferred_name", models.CharField(blank=True, max_length=100)),
                ("pronouns", models.CharField(blank=True, max_length=40)),
                ("date_of_birth", models.DateField()),
                (
                    "sex",
                    models.CharField(
                        choices=[("M", "Male"), ("F", "Female"), ("U", "Not known")],
                        max_length=1,
                        verbose_name="legal sex",
                    ),
                ),
                (
                    "gender",
                    models.CharField(blank=True, max_length=100, verbose_name="gender identity"),
                ),
                (
                    "ethnicity",
                    models.CharField(
                        choices=[
                            ("WBRI", "White British"),
                            ("WIRI", "White Irish"),
                            ("WOTH", "Any other White background"),
                            ("WIRT", "Traveller of Irish heritage"),
                            ("WROM", "Gypsy/Roma"),
                            ("MWBC", "White and Black Caribbean"),
                            ("MWBA", "White and Black African"),
                            ("MWAS", "White and Asian"),
                            ("MOTH", "Any other Mixed background"),
                            ("AIND", "Indian"),
                            ("APKN", "Pakistani"),
                            ("ABAN", "Bangladeshi"),
                            ("AOTH", "Any other Asian background"),
                            ("BCRB", "Caribbean"),
                            ("BAFR", "African"),
                            ("BOTH", "Any other Black background"),
                            ("CHNE", "Chinese"),
                            ("OOTH", "Any other ethnic group"),
                            ("REFU", "Refused"),
                            ("NOBT", "Information not yet obtained"),
                        ],
                        default="NOBT",
                        max_length=4,
                    ),
                ),
                (
                    "upn",
                    models.CharField(
                        blank=True, max_length=13, verbose_name="unique pupil number"
                    ),
                ),
                (
                    "upn_unknown_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "UN1",
                                "Not of school age and not yet given a unique pupil number (UPN)",
                            ),
                            (
                                "UN2",
                                "Never attended a maintained school in England (for example, some UASC)",
                            ),
                            ("UN3", "Educated outside England"),
                            (
                                "UN4",
                                "Newly looked after and the UPN was not yet known at the time of the return",
                            ),
                            (
                                "UN5",
                                "Sources collating UPNs show discrepancies that prevent reliable matching",
                            ),
                        ],
                        max_length=3,
                        verbose_name="why there is no UPN",
                    ),
                ),
                (
                    "nhs_number",
                    models.CharField(
                        blank=True, db_index=True, max_length=10, verbose_name="NHS number"
                    ),
                ),
                (
                    "ni_number",
                    models.CharField(
                        blank=True, max_length=9, verbose_name="National Insurance number"
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254)),
                ("phone", models.CharField(blank=True, max_length=20)),
                ("address", models.TextField(blank=True)),
                ("postcode", models.CharField(blank=True, max_length=8)),
                ("first_language", models.CharField(blank=True, max_length=100)),
                ("interpreter_needed", models.BooleanField(default=False)),
                ("faith", models.CharField(blank=True, max_length=100)),
                ("culture", models.TextField(blank=True, verbose_name="culture and heritage")),
                (
                    "has_disability",
                    models.CharField(
                        blank=True,
                        choices=[("yes", "Yes"), ("no", "No"), ("", "Not known")],
                        max_length=3,
                        verbose_name="do they have a disability",
                    ),
                ),
                ("disability", models.TextField(blank=True)),
                ("learning_needs", models.TextField(blank=True)),
                (
                    "has_ehc_plan",
                    models.BooleanField(
                        default=False, verbose_name="has an education, health and care plan"
                    ),
                ),
                (
                    "immigration_status",
                    models.CharField(
                        choices=[
                            ("british", "British citizen"),
                            ("settled", "Settled status or indefinite leave to remain"),
                            ("pre_settled", "Pre-settled status"),
                            ("refugee", "Refugee status"),
                            ("humanitarian", "Humanitarian protection"),
                            ("limited_leave", "Limited or discretionary leave to remain"),
                            ("uasc_leave", "UASC leave"),
                            (
                                "claim_pending",
                                "Asylum claim or application waiting for a decision",
                            ),
                            ("appeal", "Appealing a refusal"),
                            ("are", "Appeal rights exhausted"),
                            ("other", "Other"),
                            ("not_known", "Not known"),
                        ],
                        default="british",
                        max_length=20,
                    ),
                ),
                (
                    "is_separated_migrant",
                    models.BooleanField(
                        default=False,
                        verbose_name="separated migrant (unaccompanied asylum-seeking child)",
                    ),
                ),
                ("arrived_in_uk_on", models.DateField(blank=True, null=True)),
                (
                    "age_assessed_on",
                    models.DateField(blank=True, null=True, verbose_name="age assessment date"),
                ),
                ("age_assessment_outcome", models.CharField(blank=True, max_length=200)),
                ("legal_representative", models.CharField(blank=True, max_length=200)),
                ("next_home_office_date", models.DateField(blank=True, null=True)),
                ("no_recourse_to_public_funds", models.BooleanField(default=False)),
                ("detained_or_in_hospital_on_16th_birthday", models.BooleanField(default=False)),
                (
                    "detained_or_admitted_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="day they were detained or went into hospital",
                    ),
                ),
                ("subject_to_care_order_on_16th_birthday", models.BooleanField(default=False)),
                ("special_guardianship_after_care", models.BooleanField(default=False)),
                ("in_education_or_training", models.BooleanField(default=False)),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("eligible", "Eligible"),
                            ("relevant", "Relevant"),
                            ("former_relevant", "Former relevant"),
                            ("qualifying", "Qualifying"),
                            ("none", "Not a care leaver"),
                        ],
                        db_index=True,
                        default="none",
                        max_length=20,
                    ),
                ),
                ("category_since", models.DateField(blank=True, null=True)),
                ("category_reason", models.TextField(blank=True)),
                ("category_needs_decision", models.TextField(blank=True)),
                ("category_decided_on", models.DateField(blank=True, null=True)),
                ("category_next_check", models.DateField(blank=True, db_index=True, null=True)),
                ("chose_less_contact", models.BooleanField(default=False)),
                ("personal_adviser_declined_on", models.DateField(blank=True, null=True)),
                ("education_return_informed_on", models.DateField(blank=True, null=True)),
                (
                    "is_restricted",
                    models.BooleanField(default=False, verbose_name="restricted record"),
                ),
                ("restriction_reason", models.TextField(blank=True)),
                ("died_on", models.DateField(blank=True, null=True, verbose_name="date of death")),
                ("last_contact_on", models.DateField(blank=True, null=True)),
                ("last_visit_on", models.DateField(blank=True, null=True)),
                ("next_contact_due", models.DateField(blank=True, db_index=True, null=True)),
                ("next_contact_rule", models.CharField(blank=True, max_length=255)),
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
                    "team",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="accounts.team",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical young person",
                "verbose_name_plural": "historical young persons",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="YoungPerson",
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
                    "child_id",
                    models.CharField(
                        help_text="The ID used in the SSDA903 return (up to 10 characters).",
                        max_length=10,
                        unique=True,
                        verbose_name="council child ID",
                    ),
                ),
                ("first_name", models.CharField(max_length=100)),
                ("last_name", models.CharField(max_length=100)),
                ("preferred_name", models.CharField(blank=True, max_length=100)),
                ("pronouns", models.CharField(blank=True, max_length=40)),
                ("date_of_birth", models.DateField()),
                (
                    "sex",
                    models.CharField(
                        choices=[("M", "Male"), ("F", "Female"), ("U", "Not known")],
                        max_length=1,
                        verbose_name="legal sex",
                    ),
                ),
                (
                    "gender",
                    models.CharField(blank=True, max_length=100, verbose_name="gender identity"),
                ),
                (
                    "ethnicity",
                    models.CharField(
                        choices=[
                            ("WBRI", "White British"),
                            ("WIRI", "White Irish"),
                            ("WOTH", "Any other White background"),
                            ("WIRT", "Traveller of Irish heritage"),
                            ("WROM", "Gypsy/Roma"),
                            ("MWBC", "White and Black Caribbean"),
                            ("MWBA", "White and Black African"),
                            ("MWAS", "White and Asian"),
                            ("MOTH", "Any other Mixed background"),
                            ("AIND", "Indian"),
                            ("APKN", "Pakistani"),
                            ("ABAN", "Bangladeshi"),
                            ("AOTH", "Any other Asian background"),
                            ("BCRB", "Caribbean"),
                            ("BAFR", "African"),
                            ("BOTH", "Any other Black background"),
                            ("CHNE", "Chinese"),
                            ("OOTH", "Any other ethnic group"),
                            ("REFU", "Refused"),
                            ("NOBT", "Information not yet obtained"),
                        ],
                        default="NOBT",
                        max_length=4,
                    ),
                ),
                (
                    "upn",
                    models.CharField(
                        blank=True, max_length=13, verbose_name="unique pupil number"
                    ),
                ),
                (
                    "upn_unknown_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "UN1",
                                "Not of school age and not yet given a unique pupil number (UPN)",
                            ),
                            (
                                "UN2",
                                "Never attended a maintained school in England (for example, some UASC)",
                            ),
                            ("UN3", "Educated outside England"),
                            (
                                "UN4",
                                "Newly looked after and the UPN was not yet known at the time of the return",
                            ),
                            (
                                "UN5",
                                "Sources collating UPNs show discrepancies that prevent reliable matching",
                            ),
                        ],
                        max_length=3,
                        verbose_name="why there is no UPN",
                    ),
                ),
                (
                    "nhs_number",
                    models.CharField(
                        blank=True, db_index=True, max_length=10, verbose_name="NHS number"
                    ),
                ),
                (
                    "ni_number",
                    models.CharField(
                        blank=True, max_length=9, verbose_name="National Insurance number"
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254)),
                ("phone", models.CharField(blank=True, max_length=20)),
                ("address", models.TextField(blank=True)),
                ("postcode", models.CharField(blank=True, max_length=8)),
                ("first_language", models.CharField(blank=True, max_length=100)),
                ("interpreter_needed", models.BooleanField(default=False)),
                ("faith", models.CharField(blank=True, max_length=100)),
                ("culture", models.TextField(blank=True, verbose_name="culture and heritage")),
                (
                    "has_disability",
                    models.CharField(
                        blank=True,
                        choices=[("yes", "Yes"), ("no", "No"), ("", "Not known")],
                        max_length=3,
                        verbose_name="do they have a disability",
                    ),
                ),
                ("disability", models.TextField(blank=True)),
                ("learning_needs", models.TextField(blank=True)),
                (
                    "has_ehc_plan",
                    models.BooleanField(
                        default=False, verbose_name="has an education, health and care plan"
                    ),
                ),
                (
                    "immigration_status",
                    models.CharField(
                        choices=[
                            ("british", "British citizen"),
                            ("settled", "Settled status or indefinite leave to remain"),
                            ("pre_settled", "Pre-settled status"),
                            ("refugee", "Refugee status"),
                            ("humanitarian", "Humanitarian protection"),
                            ("limited_leave", "Limited or discretionary leave to remain"),
                            ("uasc_leave", "UASC leave"),
                            (
                                "claim_pending",
                                "Asylum claim or application waiting for a decision",
                            ),
                            ("appeal", "Appealing a refusal"),
                            ("are", "Appeal rights exhausted"),
                            ("other", "Other"),
                            ("not_known", "Not known"),
                        ],
                        default="british",
                        max_length=20,
                    ),
                ),
                (
                    "is_separated_migrant",
                    models.BooleanField(
                        default=False,
                        verbose_name="separated migrant (unaccompanied asylum-seeking child)",
                    ),
                ),
                ("arrived_in_uk_on", models.DateField(blank=True, null=True)),
                (
                    "age_assessed_on",
                    models.DateField(blank=True, null=True, verbose_name="age assessment date"),
                ),
                ("age_assessment_outcome", models.CharField(blank=True, max_length=200)),
                ("legal_representative", models.CharField(blank=True, max_length=200)),
                ("next_home_office_date", models.DateField(blank=True, null=True)),
                ("no_recourse_to_public_funds", models.BooleanField(default=False)),
                ("detained_or_in_hospital_on_16th_birthday", models.BooleanField(default=False)),
                (
                    "detained_or_admitted_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="day they were detained or went into hospital",
                    ),
                ),
                ("subject_to_care_order_on_16th_birthday", models.BooleanField(default=False)),
                ("special_guardianship_after_care", models.BooleanField(default=False)),
                ("in_education_or_training", models.BooleanField(default=False)),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("eligible", "Eligible"),
                            ("relevant", "Relevant"),
                            ("former_relevant", "Former relevant"),
                            ("qualifying", "Qualifying"),
                            ("none", "Not a care leaver"),
                        ],
                        db_index=True,
                        default="none",
                        max_length=20,
                    ),
                ),
                ("category_since", models.DateField(blank=True, null=True)),
                ("category_reason", models.TextField(blank=True)),
                ("category_needs_decision", models.TextField(blank=True)),
                ("category_decided_on", models.DateField(blank=True, null=True)),
                ("category_next_check", models.DateField(blank=True, db_index=True, null=True)),
                ("chose_less_contact", models.BooleanField(default=False)),
                ("personal_adviser_declined_on", models.DateField(blank=True, null=True)),
                ("education_return_informed_on", models.DateField(blank=True, null=True)),
                (
                    "is_restricted",
                    models.BooleanField(default=False, verbose_name="restricted record"),
                ),
                ("restriction_reason", models.TextField(blank=True)),
                ("died_on", models.DateField(blank=True, null=True, verbose_name="date of death")),
                ("last_contact_on", models.DateField(blank=True, null=True)),
                ("last_visit_on", models.DateField(blank=True, null=True)),
                ("next_contact_due", models.DateField(blank=True, db_index=True, null=True)),
                ("next_contact_rule", models.CharField(blank=True, max_length=255)),
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
                    "restricted_to",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Only these staff may open a restricted record.",
                        related_name="restricted_records",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "team",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="young_people",
                        to="accounts.team",
                    ),
                ),
            ],
            options={
                "ordering": ["last_name", "first_name"],
            },
        ),
        migrations.CreateModel(
            name="SupportChoice",
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
                            ("asked", "Asked for a personal adviser's support"),
                            ("declined", "Said they no longer want a personal adviser"),
                            (
                                "education",
                                "Told us they are in, or want to go back to, education or training",
                            ),
                        ],
                        max_length=20,
                    ),
                ),
                ("told_on", models.DateField(verbose_name="date they told us")),
                ("notes", models.TextField(blank=True)),
                ("from_young_persons_pages", models.BooleanField(default=False)),
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
                        related_name="support_choices",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-told_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ReportedCategory",
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
                    "category",
                    models.CharField(
                        choices=[
                            ("eligible", "Eligible"),
                            ("relevant", "Relevant"),
                            ("former_relevant", "Former relevant"),
                            ("qualifying", "Qualifying"),
                            ("none", "Not a care leaver"),
                        ],
                        max_length=20,
                    ),
                ),
                ("collection_year", models.PositiveSmallIntegerField()),
                (
                    "source",
                    models.CharField(
                        help_text="Where the report came from: the file or folder imported.",
                        max_length=200,
                    ),
                ),
                ("needs_check", models.BooleanField(db_index=True, default=False)),
                ("checked_on", models.DateField(blank=True, null=True)),
                (
                    "check_outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "keep",
                                "The report stands: the care history held here is incomplete",
                            ),
                            ("set_aside", "The report was wrong: set it aside"),
                        ],
                        max_length=10,
                    ),
                ),
                ("check_note", models.TextField(blank=True)),
                (
                    "checked_by",
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
                        related_name="reported_categories",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["young_person", "collection_year"],
            },
        ),
        migrations.CreateModel(
            name="PreviousName",
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
                ("first_name", models.CharField(max_length=100)),
                ("last_name", models.CharField(max_length=100)),
                ("used_until", models.DateField(blank=True, null=True)),
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
                        related_name="previous_names",
                        to="people.youngperson",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="HomePeriod",
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
                ("start", models.DateField()),
                ("end", models.DateField(blank=True, null=True)),
                ("notes", models.TextField(blank=True)),
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
                        related_name="home_periods",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["start"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCareEpisode",
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
                ("start", models.DateField(verbose_name="date episode started")),
                (
                    "end",
                    models.DateField(blank=True, null=True, verbose_name="date episode ceased"),
                ),
                (
                    "reason_new_episode",
                    models.CharField(
                        choices=[
                            ("S", "Started to be looked after"),
                            ("L", "Change of legal status only"),
                            ("P", "Change of placement and carer(s) only"),
                            ("T", "Change of placement (but same carer(s)) only"),
                            (
                                "B",
                                "Change of legal status and placement and carer(s) at the same time",
                            ),
                            (
                                "U",
                                "Change of legal status and change of placement (but same carer(s)) at the same time",
                            ),
                        ],
                        max_length=1,
                    ),
                ),
                (
                    "legal_status",
                    models.CharField(
                        choices=[
                            ("C1", "Interim care order"),
                            ("C2", "Full care order"),
                            ("D1", "Freeing order granted"),
                            ("E1", "Placement order granted"),
                            (
                                "V2",
                                "Single period of accommodation under section 20 (Children Act 1989)",
                            ),
                            (
                                "V3",
                                "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
                            ),
                            (
                                "V4",
                                "Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)",
                            ),
                            ("L1", "Under police protection and in local authority accommodation"),
                            ("L2", "Emergency protection order (EPO)"),
                            (
                                "L3",
                                "Under child assessment order and in local authority accommodation",
                            ),
                            (
                                "J1",
                                "Remanded to local authority accommodation or to youth detention accommodation",
                            ),
                            (
                                "J2",
                                "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation",
                            ),
                            (
                                "J3",
                                "Sentenced to Youth Rehabilitation Order with residence or intensive fostering requirement",
                            ),
                        ],
                        max_length=2,
                    ),
                ),
                (
                    "category_of_need",
                    models.CharField(
                        choices=[
                            ("N1", "Abuse or neglect"),
                            ("N2", "Child's disability"),
                            ("N3", "Parental illness or disability"),
                            ("N4", "Family in acute stress"),
                            ("N5", "Family dysfunction"),
                            ("N6", "Socially unacceptable behaviour"),
                            ("N7", "Low income"),
                            ("N8", "Absent parenting"),
                        ],
                        max_length=2,
                    ),
                ),
                (
                    "placement_type",
                    models.CharField(
                        choices=[
                            (
                                "A3",
                                "Placed for adoption with consent with current foster carer(s)",
                            ),
                            (
                                "A4",
                                "Placed for adoption with consent not with current foster carer(s)",
                            ),
                            (
                                "A5",
                                "Placed for adoption with placement order with current foster carer(s)",
                            ),
                            (
                                "A6",
                                "Placed for adoption with placement order not with current foster carer(s)",
                            ),
                            ("K1", "Secure children's homes"),
                            ("K2", "Children's homes subject to Children's Homes Regulations"),
                            ("K3", "Registered supported accommodation"),
                            (
                                "P1",
                                "Placed with own parent(s) or other person(s) with parental responsibility",
                            ),
                            ("P3", "Residential employment"),
                            ("R1", "Residential care home"),
                            (
                                "R2",
                                "National Health Service (NHS)/health trust or other establishment providing medical or nursing care",
                            ),
                            ("R3", "Family centre or mother and baby unit"),
                            ("R5", "Young offender institution (YOI)"),
                            (
                                "S1",
                                "All residential schools, except where dual-registered as a school and children's home",
                            ),
                            ("T0", "All types of temporary move"),
                            ("T1", "Temporary periods in hospital"),
                            ("T2", "Temporary absences of the child on holiday"),
                            (
                                "T3",
                                "Temporary accommodation whilst normal foster carer(s) is/are on holiday",
                            ),
                            (
                                "T4",
                                "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3",
                            ),
                            (
                                "U1",
                                "Foster placement with relative(s) or friend(s) – long term fostering",
                            ),
                            (
                                "U2",
                                "Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s) – fostering for adoption/concurrent planning",
                            ),
                            (
                                "U3",
                                "Foster placement with relative(s) or friend(s) – not long term or fostering for adoption/concurrent planning",
                            ),
                            (
                                "U4",
                                "Foster placement with other foster carer(s) – long term fostering",
                            ),
                            (
                                "U5",
                                "Foster placement with other foster carer(s) who is/are also an approved adopter(s) – fostering for adoption/concurrent planning",
                            ),
                            (
                                "U6",
                                "Foster placement with other foster carer(s) – not long term or fostering for adoption/concurrent planning",
                            ),
                            ("Z11", "Other placements (Z11)"),
                            ("Z12", "Other placements (Z12)"),
                            ("Z13", "Other placements (Z13)"),
                            ("Z14", "Other placements (Z14)"),
                            (
                                "H5",
                                "Semi-independent living accommodation not subject to children's homes regulations",
                            ),
                            (
                                "P2",
                                "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends, with or without formal support",
                            ),
                            ("Z1", "Other placements"),
                        ],
                        max_length=3,
                    ),
                ),
                ("placement_provider", models.CharField(blank=True, max_length=4)),
                (
                    "reason_ended",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "X1",
                                "Episode ceases, and new episode begins on same day, for any reason",
                            ),
                            ("E11", "Adopted – application for an adoption order unopposed"),
                            ("E12", "Adopted – consent dispensed with by the court"),
                            (
                                "E13",
                                "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility",
                            ),
                            ("E14", "Accommodation on remand ended"),
                            (
                                "E15",
                                "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply",
                            ),
                            ("E16", "Child moved abroad"),
                            (
                                "E17",
                                "Aged 18 (or over) and remained with current carers (including under staying put arrangements)",
                            ),
                            ("E2", "Died"),
                            ("E3", "Care taken over by another local authority in the UK"),
                            (
                                "E4A",
                                "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process",
                            ),
                            (
                                "E4B",
                                "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process",
                            ),
                            (
                                "E41",
                                "Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted",
                            ),
                            (
                                "E45",
                                "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)",
                            ),
                            (
                                "E46",
                                "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
                            ),
                            (
                                "E47",
                                "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)",
                            ),
                            (
                                "E48",
                                "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)",
                            ),
                            (
                                "E5",
                                "Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice/support arrangements",
                            ),
                            (
                                "E6",
                                "Moved into independent living arrangement and no longer looked after: accommodation providing no formalised advice/support arrangements",
                            ),
                            (
                                "E7",
                                "Transferred to residential care funded by adult social care services",
                            ),
                            (
                                "E8",
                                "Period of being looked after ceased for any other reason (where none of the other reasons apply)",
                            ),
                            ("E9", "Sentenced to custody"),
                        ],
                        max_length=3,
                        verbose_name="reason episode ceased",
                    ),
                ),
                (
                    "reason_place_change",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("CARPL", "Change to/implementation of care plan"),
                            ("CLOSE", "Resignation/closure of provision"),
                            ("ALLEG", "Allegation (s47)"),
                            ("STAND", "Standards of care concern"),
                            ("APPRR", "Approval removed"),
                            ("CREQB", "Carer(s) requests placement end due to child's behaviour"),
                            (
                                "CREQO",
                                "Carer(s) requests placement end other than due to child's behaviour",
                            ),
                            ("CHILD", "Child requests placement end"),
                            ("LAREQ", "Responsible/area authority requests placement end"),
                            ("PLACE", "Change in the status of placement only"),
                            ("CUSTOD", "Custody arrangement"),
                            ("OTHER", "Other"),
                        ],
                        max_length=6,
                    ),
                ),
                ("home_postcode", models.CharField(blank=True, max_length=8)),
                ("placement_postcode", models.CharField(blank=True, max_length=8)),
                ("urn", models.CharField(blank=True, max_length=7, verbose_name="Ofsted URN")),
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
                "verbose_name": "historical care episode",
                "verbose_name_plural": "historical care episodes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAccommodatedPeriod",
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
                    "kind",
                    models.CharField(
                        choices=[
                            (
                                "voluntary_organisation",
                                "Accommodated by or for a voluntary organisation",
                            ),
                            (
                                "private_childrens_home",
                                "Accommodated in a private children's home",
                            ),
                            (
                                "health_or_education",
                                "Accommodated for 3 months or more by a health body or an education authority, or in a care home or hospital",
                            ),
                            ("privately_fostered", "Privately fostered"),
                        ],
                        max_length=30,
                    ),
                ),
                ("start", models.DateField()),
                ("end", models.DateField(blank=True, null=True)),
                (
                    "provider",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="who accommodated them"
                    ),
                ),
                ("notes", models.TextField(blank=True)),
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
                "verbose_name": "historical accommodated period",
                "verbose_name_plural": "historical accommodated periods",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAboutMe",
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
                ("summary", models.TextField(verbose_name="what I want workers to know")),
                (
                    "please_do_not_ask",
                    models.TextField(
                        blank=True, verbose_name="what I do not want to have to retell"
                    ),
                ),
                ("written_on", models.DateField(default=django.utils.timezone.localdate)),
                ("agreed_by_young_person_on", models.DateField(blank=True, null=True)),
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
                    "written_by",
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
                "verbose_name": "historical about me",
                "verbose_name_plural": "historical about mes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="CategoryQuestionDecision",
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
                ("question", models.CharField(max_length=80)),
                ("question_text", models.TextField()),
                ("reading", models.CharField(max_length=40)),
                ("reading_text", models.TextField()),
                ("reason", models.TextField(verbose_name="why")),
                ("decided_at", models.DateTimeField(default=django.utils.timezone.now)),
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
                    "decided_by",
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
                        related_name="category_question_decisions",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-decided_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="CareEpisode",
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
                ("start", models.DateField(verbose_name="date episode started")),
                (
                    "end",
                    models.DateField(blank=True, null=True, verbose_name="date episode ceased"),
                ),
                (
                    "reason_new_episode",
                    models.CharField(
                        choices=[
                            ("S", "Started to be looked after"),
                            ("L", "Change of legal status only"),
                            ("P", "Change of placement and carer(s) only"),
                            ("T", "Change of placement (but same carer(s)) only"),
                            (
                                "B",
                                "Change of legal status and placement and carer(s) at the same time",
                            ),
                            (
                                "U",
                                "Change of legal status and change of placement (but same carer(s)) at the same time",
                            ),
                        ],
                        max_length=1,
                    ),
                ),
                (
                    "legal_status",
                    models.CharField(
                        choices=[
                            ("C1", "Interim care order"),
                            ("C2", "Full care order"),
                            ("D1", "Freeing order granted"),
                            ("E1", "Placement order granted"),
                            (
                                "V2",
                                "Single period of accommodation under section 20 (Children Act 1989)",
                            ),
                            (
                                "V3",
                                "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
                            ),
                            (
                                "V4",
                                "Accommodated under an agreed series of short-term breaks, when agreements are recorded (NOT individual episodes of care)",
                            ),
                            ("L1", "Under police protection and in local authority accommodation"),
                            ("L2", "Emergency protection order (EPO)"),
                            (
                                "L3",
                                "Under child assessment order and in local authority accommodation",
                            ),
                            (
                                "J1",
                                "Remanded to local authority accommodation or to youth detention accommodation",
                            ),
                            (
                                "J2",
                                "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation",
                            ),
                            (
                                "J3",
                                "Sentenced to Youth Rehabilitation Order with residence or intensive fostering requirement",
                            ),
                        ],
                        max_length=2,
                    ),
                ),
                (
                    "category_of_need",
                    models.CharField(
                        choices=[
                            ("N1", "Abuse or neglect"),
                            ("N2", "Child's disability"),
                            ("N3", "Parental illness or disability"),
                            ("N4", "Family in acute stress"),
                            ("N5", "Family dysfunction"),
                            ("N6", "Socially unacceptable behaviour"),
                            ("N7", "Low income"),
                            ("N8", "Absent parenting"),
                        ],
                        max_length=2,
                    ),
                ),
                (
                    "placement_type",
                    models.CharField(
                        choices=[
                            (
                                "A3",
                                "Placed for adoption with consent with current foster carer(s)",
                            ),
                            (
                                "A4",
                                "Placed for adoption with consent not with current foster carer(s)",
                            ),
                            (
                                "A5",
                                "Placed for adoption with placement order with current foster carer(s)",
                            ),
                            (
                                "A6",
                                "Placed for adoption with placement order not with current foster carer(s)",
                            ),
                            ("K1", "Secure children's homes"),
                            ("K2", "Children's homes subject to Children's Homes Regulations"),
                            ("K3", "Registered supported accommodation"),
                            (
                                "P1",
                                "Placed with own parent(s) or other person(s) with parental responsibility",
                            ),
                            ("P3", "Residential employment"),
                            ("R1", "Residential care home"),
                            (
                                "R2",
                                "National Health Service (NHS)/health trust or other establishment providing medical or nursing care",
                            ),
                            ("R3", "Family centre or mother and baby unit"),
                            ("R5", "Young offender institution (YOI)"),
                            (
                                "S1",
                                "All residential schools, except where dual-registered as a school and children's home",
                            ),
                            ("T0", "All types of temporary move"),
                            ("T1", "Temporary periods in hospital"),
                            ("T2", "Temporary absences of the child on holiday"),
                            (
                                "T3",
                                "Temporary accommodation whilst normal foster carer(s) is/are on holiday",
                            ),
                            (
                                "T4",
                                "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3",
                            ),
                            (
                                "U1",
                                "Foster placement with relative(s) or friend(s) – long term fostering",
                            ),
                            (
                                "U2",
                                "Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s) – fostering for adoption/concurrent planning",
                            ),
                            (
                                "U3",
                                "Foster placement with relative(s) or friend(s) – not long term or fostering for adoption/concurrent planning",
                            ),
                            (
                                "U4",
                                "Foster placement with other foster carer(s) – long term fostering",
                            ),
                            (
                                "U5",
                                "Foster placement with other foster carer(s) who is/are also an approved adopter(s) – fostering for adoption/concurrent planning",
                            ),
                            (
                                "U6",
                                "Foster placement with other foster carer(s) – not long term or fostering for adoption/concurrent planning",
                            ),
                            ("Z11", "Other placements (Z11)"),
                            ("Z12", "Other placements (Z12)"),
                            ("Z13", "Other placements (Z13)"),
                            ("Z14", "Other placements (Z14)"),
                            (
                                "H5",
                                "Semi-independent living accommodation not subject to children's homes regulations",
                            ),
                            (
                                "P2",
                                "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends, with or without formal support",
                            ),
                            ("Z1", "Other placements"),
                        ],
                        max_length=3,
                    ),
                ),
                ("placement_provider", models.CharField(blank=True, max_length=4)),
                (
                    "reason_ended",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "X1",
                                "Episode ceases, and new episode begins on same day, for any reason",
                            ),
                            ("E11", "Adopted – application for an adoption order unopposed"),
                            ("E12", "Adopted – consent dispensed with by the court"),
                            (
                                "E13",
                                "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility",
                            ),
                            ("E14", "Accommodation on remand ended"),
                            (
                                "E15",
                                "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply",
                            ),
                            ("E16", "Child moved abroad"),
                            (
                                "E17",
                                "Aged 18 (or over) and remained with current carers (including under staying put arrangements)",
                            ),
                            ("E2", "Died"),
                            ("E3", "Care taken over by another local authority in the UK"),
                            (
                                "E4A",
                                "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process",
                            ),
                            (
                                "E4B",
                                "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process",
                            ),
                            (
                                "E41",
                                "Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted",
                            ),
                            (
                                "E45",
                                "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)",
                            ),
                            (
                                "E46",
                                "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
                            ),
                            (
                                "E47",
                                "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)",
                            ),
                            (
                                "E48",
                                "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)",
                            ),
                            (
                                "E5",
                                "Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice/support arrangements",
                            ),
                            (
                                "E6",
                                "Moved into independent living arrangement and no longer looked after: accommodation providing no formalised advice/support arrangements",
                            ),
                            (
                                "E7",
                                "Transferred to residential care funded by adult social care services",
                            ),
                            (
                                "E8",
                                "Period of being looked after ceased for any other reason (where none of the other reasons apply)",
                            ),
                            ("E9", "Sentenced to custody"),
                        ],
                        max_length=3,
                        verbose_name="reason episode ceased",
                    ),
                ),
                (
                    "reason_place_change",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("CARPL", "Change to/implementation of care plan"),
                            ("CLOSE", "Resignation/closure of provision"),
                            ("ALLEG", "Allegation (s47)"),
                            ("STAND", "Standards of care concern"),
                            ("APPRR", "Approval removed"),
                            ("CREQB", "Carer(s) requests placement end due to child's behaviour"),
                            (
                                "CREQO",
                                "Carer(s) requests placement end other than due to child's behaviour",
                            ),
                            ("CHILD", "Child requests placement end"),
                            ("LAREQ", "Responsible/area authority requests placement end"),
                            ("PLACE", "Change in the status of placement only"),
                            ("CUSTOD", "Custody arrangement"),
                            ("OTHER", "Other"),
                        ],
                        max_length=6,
                    ),
                ),
                ("home_postcode", models.CharField(blank=True, max_length=8)),
                ("placement_postcode", models.CharField(blank=True, max_length=8)),
                ("urn", models.CharField(blank=True, max_length=7, verbose_name="Ofsted URN")),
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
                        related_name="care_episodes",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["start"],
            },
        ),
        migrations.CreateModel(
            name="AccommodatedPeriod",
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
                            (
                                "voluntary_organisation",
                                "Accommodated by or for a voluntary organisation",
                            ),
                            (
                                "private_childrens_home",
                                "Accommodated in a private children's home",
                            ),
                            (
                                "health_or_education",
                                "Accommodated for 3 months or more by a health body or an education authority, or in a care home or hospital",
                            ),
                            ("privately_fostered", "Privately fostered"),
                        ],
                        max_length=30,
                    ),
                ),
                ("start", models.DateField()),
                ("end", models.DateField(blank=True, null=True)),
                (
                    "provider",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="who accommodated them"
                    ),
                ),
                ("notes", models.TextField(blank=True)),
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
                        related_name="accommodated_periods",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["start"],
            },
        ),
        migrations.CreateModel(
            name="AboutMe",
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
                ("summary", models.TextField(verbose_name="what I want workers to know")),
                (
                    "please_do_not_ask",
                    models.TextField(
                        blank=True, verbose_name="what I do not want to have to retell"
                    ),
                ),
                ("written_on", models.DateField(default=django.utils.timezone.localdate)),
                ("agreed_by_young_person_on", models.DateField(blank=True, null=True)),
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
                    "written_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="about_me",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddIndex(
            model_name="youngperson",
            index=models.Index(
                fields=["last_name", "first_name"], name="people_youn_last_na_627028_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="youngperson",
            index=models.Index(fields=["date_of_birth"], name="people_youn_date_of_3cbd15_idx"),
        ),
        migrations.AddIndex(
            model_name="youngperson",
            index=models.Index(fields=["team", "category"], name="people_youn_team_id_3bf3b3_idx"),
        ),
        migrations.AddIndex(
            model_name="youngperson",
            index=models.Index(
                fields=["archived_at", "is_restricted", "id"], name="people_visible_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="reportedcategory",
            constraint=models.UniqueConstraint(
                fields=("young_person", "collection_year"), name="one_reported_category_a_year"
            ),
        ),
        migrations.AddIndex(
            model_name="previousname",
            index=models.Index(
                fields=["last_name", "first_name"], name="people_prev_last_na_be007c_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="categoryquestiondecision",
            index=models.Index(
                fields=["young_person", "question"], name="people_cate_young_p_01d248_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="careepisode",
            constraint=models.UniqueConstraint(
                fields=("young_person", "start"), name="one_episode_per_start"
            ),
        ),
        migrations.AddConstraint(
            model_name="careepisode",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end__isnull", True), ("end__gte", models.F("start")), _connector="OR"
                ),
                name="episode_ends_after_it_starts",
            ),
        ),
        migrations.AddConstraint(
            model_name="accommodatedperiod",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end__isnull", True), ("end__gte", models.F("start")), _connector="OR"
                ),
                name="accommodated_period_ends_after_it_starts",
            ),
        ),
    ]
