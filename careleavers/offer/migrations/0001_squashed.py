# The offer tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("offer", "0001_initial"),
        ("offer", "0003_versions_and_payment_submission_key"),
        ("offer", "0004_health_history_and_bursary_wording"),
        ("offer", "0005_offer_explained"),
        ("offer", "0006_group_session_workers_and_hours"),
    ]

    initial = True

    dependencies = [
        ("accounts", "0001_squashed"),
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="OfferPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "setting_up_home_allowance_pence",
                    models.PositiveIntegerField(
                        default=300000, verbose_name="setting up home allowance (pence)"
                    ),
                ),
                (
                    "he_bursary_pence",
                    models.PositiveIntegerField(
                        default=200000, verbose_name="higher education bursary (pence)"
                    ),
                ),
                (
                    "he_bursary_instalments",
                    models.PositiveSmallIntegerField(
                        default=3, verbose_name="higher education bursary instalments"
                    ),
                ),
                (
                    "bursary_16_19_pence",
                    models.PositiveIntegerField(
                        default=120000, verbose_name="16 to 19 bursary a year (pence)"
                    ),
                ),
                (
                    "team_manager_limit_pence",
                    models.PositiveIntegerField(
                        default=100000,
                        verbose_name="largest payment a team manager may approve (pence)",
                    ),
                ),
                (
                    "head_of_service_limit_pence",
                    models.PositiveIntegerField(
                        default=500000,
                        verbose_name="largest payment a head of service may approve (pence)",
                    ),
                ),
                ("modified_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "offer policy",
                "verbose_name_plural": "offer policy",
            },
        ),
        migrations.CreateModel(
            name="CouncilTaxExemption",
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
                ("billing_authority", models.CharField(max_length=200)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("to_apply", "Not applied yet"),
                            ("applied", "Applied"),
                            ("granted", "Granted"),
                            ("refused", "Refused"),
                            ("ended", "Ended"),
                        ],
                        default="to_apply",
                        max_length=10,
                    ),
                ),
                ("applied_on", models.DateField(blank=True, null=True)),
                ("decided_on", models.DateField(blank=True, null=True)),
                (
                    "starts_on",
                    models.DateField(blank=True, null=True, verbose_name="exemption starts"),
                ),
                (
                    "ends_on",
                    models.DateField(blank=True, null=True, verbose_name="exemption ends"),
                ),
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
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="council_tax_exemptions",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Fund",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "payment_type",
                    models.CharField(
                        choices=[
                            ("setting_up_home", "Setting up home allowance"),
                            ("he_bursary", "Higher education bursary"),
                            ("bursary_16_19", "16 to 19 bursary"),
                            ("birthday", "Birthday grant"),
                            ("festival", "Festival grant"),
                            ("driving_lessons", "Driving lessons"),
                            ("device_and_data", "A device and data"),
                        ],
                        max_length=20,
                    ),
                ),
                ("entitlement_pence", models.PositiveIntegerField()),
                ("approved_pence", models.PositiveIntegerField(default=0)),
                ("paid_pence", models.PositiveIntegerField(default=0)),
                ("opened_at", models.DateTimeField(auto_now_add=True)),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="offer_funds",
                        to="people.youngperson",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="GroupActivity",
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
                ("description", models.TextField(blank=True)),
                (
                    "area",
                    models.CharField(
                        choices=[
                            ("health_and_wellbeing", "Health and wellbeing"),
                            ("relationships", "Relationships"),
                            ("education_and_training", "Education and training"),
                            ("employment", "Employment"),
                            ("accommodation", "Accommodation"),
                            ("participation", "Participation in society"),
                        ],
                        max_length=30,
                    ),
                ),
                ("when_and_where", models.CharField(blank=True, max_length=200)),
                ("is_running", models.BooleanField(default=True)),
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
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="accounts.team",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "group activities",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="GroupSession",
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
                ("held_on", models.DateField()),
                ("notes", models.TextField(blank=True)),
                (
                    "hours",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        max_digits=4,
                        null=True,
                        verbose_name="hours each worker spent, preparation included",
                    ),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sessions",
                        to="offer.groupactivity",
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
                    "run_by",
                    models.ManyToManyField(
                        blank=True, related_name="group_sessions_run", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "ordering": ["-held_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
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
                    "rating",
                    models.PositiveSmallIntegerField(
                        blank=True, choices=[(1, "Not good"), (2, "Okay"), (3, "Good")], null=True
                    ),
                ),
                ("feedback", models.TextField(blank=True, verbose_name="what they said about it")),
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
                        related_name="group_attendance",
                        to="people.youngperson",
                    ),
                ),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendance",
                        to="offer.groupsession",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ImportantDocument",
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
                            ("birth_certificate", "Birth certificate"),
                            ("passport", "Passport, biometric residence permit or eVisa"),
                            ("ni_number", "National Insurance number"),
                            ("bank_account", "Bank account"),
                            ("gp", "Registered with a GP, and NHS number"),
                            ("health_history", "Health history"),
                            ("photo_id", "Driving licence or photo ID"),
                            ("cv", "CV"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("have", "Has it"),
                            ("applied", "Applied for"),
                            ("missing", "Does not have it"),
                            ("not_needed", "Not needed"),
                        ],
                        default="missing",
                        max_length=10,
                    ),
                ),
                (
                    "dated",
                    models.DateField(
                        blank=True, null=True, verbose_name="date obtained or applied for"
                    ),
                ),
                (
                    "original_held_by",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("young_person", "The young person"),
                            ("leaving_care", "The leaving care team"),
                            ("carer", "Their carer or placement"),
                            ("other", "Someone else"),
                            ("", "Nobody (no original)"),
                        ],
                        default="",
                        max_length=15,
                    ),
                ),
                ("notes", models.CharField(blank=True, max_length=255)),
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
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="important_documents",
                        to="people.youngperson",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="OfferExplained",
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
                ("explained_on", models.DateField()),
                (
                    "how",
                    models.CharField(
                        choices=[
                            ("in_person", "In person"),
                            ("phone", "On the phone"),
                            ("video", "On a video call"),
                            ("written", "In writing (letter, email or their own pages)"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "understood",
                    models.CharField(
                        choices=[
                            ("yes", "Yes, they said they understood it"),
                            ("partly", "Partly: some of it needs going over again"),
                            ("no", "No, it needs explaining again"),
                        ],
                        max_length=10,
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
                        related_name="offer_explanations",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-explained_on", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="OfferVersion",
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
                ("number", models.PositiveIntegerField(unique=True)),
                (
                    "title",
                    models.CharField(default="Our local offer for care leavers", max_length=200),
                ),
                ("change_summary", models.TextField(blank=True, verbose_name="what changed")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("superseded", "Replaced by a later version"),
                        ],
                        default="draft",
                        max_length=12,
                    ),
                ),
                ("published_on", models.DateField(blank=True, null=True)),
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
                    "published_by",
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
                "ordering": ["-number"],
            },
        ),
        migrations.CreateModel(
            name="CatalogueItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "key",
                    models.SlugField(
                        help_text="Stays the same from version to version.", max_length=60
                    ),
                ),
                ("title", models.CharField(max_length=200)),
                (
                    "area",
                    models.CharField(
                        choices=[
                            ("health_and_wellbeing", "Health and wellbeing"),
                            ("relationships", "Relationships"),
                            ("education_and_training", "Education and training"),
                            ("employment", "Employment"),
                            ("accommodation", "Accommodation"),
                            ("participation", "Participation in society"),
                        ],
                        max_length=30,
                    ),
                ),
                ("summary", models.TextField(verbose_name="what it is, in plain English")),
                ("how_to_get_it", models.TextField(blank=True)),
                (
                    "amount_pence",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="amount (pence)"
                    ),
                ),
                (
                    "limit_text",
                    models.CharField(blank=True, max_length=200, verbose_name="limits"),
                ),
                (
                    "payment_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("setting_up_home", "Setting up home allowance"),
                            ("he_bursary", "Higher education bursary"),
                            ("bursary_16_19", "16 to 19 bursary"),
                            ("birthday", "Birthday grant"),
                            ("festival", "Festival grant"),
                            ("driving_lessons", "Driving lessons"),
                            ("device_and_data", "A device and data"),
                        ],
                        help_text="The ledger this item is paid from, if it is money.",
                        max_length=20,
                    ),
                ),
                ("rule", models.JSONField(blank=True, default=dict, verbose_name="who it is for")),
                ("order", models.PositiveSmallIntegerField(default=100)),
                (
                    "version",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="items",
                        to="offer.offerversion",
                    ),
                ),
            ],
            options={
                "ordering": ["area", "order", "title"],
            },
        ),
        migrations.CreateModel(
            name="PaymentRequest",
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
                ("description", models.CharField(max_length=200, verbose_name="what it is for")),
                ("amount_pence", models.PositiveIntegerField()),
                ("due_on", models.DateField(blank=True, null=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("requested", "Awaiting approval"),
                            ("approved", "Approved"),
                            ("refused", "Refused"),
                            ("paid", "Paid"),
                        ],
                        db_index=True,
                        default="requested",
                        max_length=10,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("decision_note", models.TextField(blank=True)),
                ("override_reason", models.TextField(blank=True)),
                ("paid_at", models.DateTimeField(blank=True, null=True)),
                (
                    "submission_key",
                    models.UUIDField(blank=True, editable=False, null=True, unique=True),
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
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "fund",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="payments",
                        to="offer.fund",
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
                    "paid_by",
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
                        related_name="offer_payments",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="fund",
            constraint=models.UniqueConstraint(
                fields=("young_person", "payment_type"), name="offer_one_fund_per_type"
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("session", "young_person"), name="offer_attend_once_per_session"
            ),
        ),
        migrations.AddConstraint(
            model_name="importantdocument",
            constraint=models.UniqueConstraint(
                fields=("young_person", "kind"), name="offer_one_document_row_per_kind"
            ),
        ),
        migrations.AddIndex(
            model_name="offerexplained",
            index=models.Index(
                fields=["young_person", "explained_on"], name="offer_offer_young_p_02389a_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="catalogueitem",
            constraint=models.UniqueConstraint(
                fields=("version", "key"), name="offer_item_key_per_version"
            ),
        ),
        migrations.AddIndex(
            model_name="paymentrequest",
            index=models.Index(
                fields=["status", "decided_at"], name="offer_payme_status_9a82e7_idx"
            ),
        ),
    ]
