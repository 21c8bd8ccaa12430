# The accommodation tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("accommodation", "0001_initial"),
    ]

    initial = True

    dependencies = [
        ("people", "0002_name_search_trigram_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AccommodationPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "staying_close_in_force",
                    models.BooleanField(
                        default=False,
                        help_text="Tick once regulations bring section 7 of the Children's Wellbeing and Schools Act 2026 (Staying Close, Children Act 1989 s.23CZAA) into force.",
                    ),
                ),
                ("staying_close_in_force_from", models.DateField(blank=True, null=True)),
                (
                    "taster_flat_max_nights",
                    models.PositiveSmallIntegerField(
                        default=28, help_text="The longest taster flat stay that can be booked."
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "accommodation policy",
            },
        ),
        migrations.CreateModel(
            name="PriorityBand",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=10, unique=True)),
                ("name", models.CharField(max_length=100)),
                ("description", models.TextField(blank=True)),
                (
                    "target_weeks",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="The housing protocol's timescale: housed within this many weeks of applying. Leave empty for no target.",
                        null=True,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=100)),
                ("is_active", models.BooleanField(default=True)),
            ],
            options={
                "ordering": ["order", "code"],
            },
        ),
        migrations.CreateModel(
            name="Provider",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("council", "Council housing"),
                            ("housing_association", "Housing association"),
                            ("supported", "Supported accommodation provider"),
                            ("private", "Private landlord or letting agent"),
                            ("other", "Other"),
                        ],
                        max_length=30,
                    ),
                ),
                (
                    "takes_housing_applications",
                    models.BooleanField(
                        default=False,
                        help_text="Young people can apply to this provider for a home.",
                    ),
                ),
                ("is_active", models.BooleanField(default=True)),
                ("order", models.PositiveSmallIntegerField(default=100)),
            ],
            options={
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalHomelessnessRisk",
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
                ("identified_on", models.DateField()),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("notice", "Notice to leave served"),
                            ("arrears", "Rent arrears"),
                            (
                                "relationship",
                                "Relationship breakdown with family, carers or hosts",
                            ),
                            ("behaviour", "Anti-social behaviour or breach of tenancy"),
                            (
                                "placement_ending",
                                "Supported accommodation ending with nowhere to go",
                            ),
                            ("leaving_custody", "Leaving custody or hospital with nowhere to go"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("details", models.TextField(blank=True)),
                (
                    "referred_to_housing_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="referred to the housing options service on",
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True)),
                ("outcome", models.TextField(blank=True)),
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
                "verbose_name": "historical homelessness risk",
                "verbose_name_plural": "historical homelessness risks",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStayingClose",
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
                ("assessed_on", models.DateField()),
                ("needs", models.TextField(verbose_name="what the assessment found")),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("support_needed", "Staying Close support is needed"),
                            ("not_needed", "Staying Close support is not needed"),
                            ("declined", "The young person does not want Staying Close support"),
                        ],
                        max_length=20,
                    ),
                ),
                ("support_areas", models.JSONField(blank=True, default=list)),
                ("support", models.TextField(blank=True, verbose_name="the support to be given")),
                ("next_review_on", models.DateField(blank=True, null=True)),
                ("ended_on", models.DateField(blank=True, null=True)),
                ("end_reason", models.TextField(blank=True)),
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
                    "assessed_by",
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
                "verbose_name": "historical staying close",
                "verbose_name_plural": "historical staying close assessments",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStayingPut",
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
                ("carers", models.CharField(max_length=255, verbose_name="former foster carers")),
                ("fostering_service", models.CharField(blank=True, max_length=200)),
                ("start", models.DateField()),
                ("planned_end", models.DateField()),
                ("end", models.DateField(blank=True, null=True)),
                ("end_reason", models.TextField(blank=True)),
                (
                    "weekly_allowance",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=7,
                        verbose_name="weekly allowance to the carers",
                    ),
                ),
                (
                    "young_person_weekly_contribution",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True),
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
                "verbose_name": "historical staying put",
                "verbose_name_plural": "historical staying put arrangements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HousingApplication",
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
                    "reference",
                    models.CharField(
                        blank=True, max_length=50, verbose_name="housing register reference"
                    ),
                ),
                ("applied_on", models.DateField()),
                ("housed_on", models.DateField(blank=True, null=True)),
                ("housed_address", models.TextField(blank=True)),
                (
                    "closed_on",
                    models.DateField(
                        blank=True,
                        help_text="Withdrawn or closed without being housed.",
                        null=True,
                    ),
                ),
                ("closed_reason", models.TextField(blank=True)),
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
                        related_name="housing_applications",
                        to="people.youngperson",
                    ),
                ),
                (
                    "band",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="applications",
                        to="accommodation.priorityband",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="applications",
                        to="accommodation.provider",
                    ),
                ),
            ],
            options={
                "ordering": ["-applied_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HousingBid",
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
                ("placed_on", models.DateField()),
                ("property_reference", models.CharField(blank=True, max_length=50)),
                ("property_description", models.CharField(max_length=255)),
                (
                    "result",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting to hear"),
                            ("unsuccessful", "Not successful"),
                            ("offered", "Led to an offer"),
                        ],
                        default="pending",
                        max_length=15,
                    ),
                ),
                (
                    "application",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="bids",
                        to="accommodation.housingapplication",
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
                "ordering": ["-placed_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HousingOffer",
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
                ("offered_on", models.DateField()),
                ("property_address", models.TextField()),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("pending", "Not decided yet"),
                            ("accepted", "Accepted"),
                            ("refused", "Refused"),
                            ("withdrawn", "Withdrawn by the provider"),
                        ],
                        default="pending",
                        max_length=15,
                    ),
                ),
                ("decided_on", models.DateField(blank=True, null=True)),
                (
                    "refusal_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("location_unsafe", "The area is not safe for them"),
                            ("too_far", "Too far from their support, education or work"),
                            ("condition", "The state of the property"),
                            ("affordability", "They could not afford it"),
                            ("not_ready", "They are not ready to live on their own yet"),
                            ("not_suitable", "Not right for their needs (size, access, children)"),
                            ("other", "Another reason"),
                        ],
                        max_length=20,
                    ),
                ),
                ("refusal_details", models.TextField(blank=True)),
                (
                    "application",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="offers",
                        to="accommodation.housingapplication",
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
                "ordering": ["-offered_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalHousingApplication",
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
                    "reference",
                    models.CharField(
                        blank=True, max_length=50, verbose_name="housing register reference"
                    ),
                ),
                ("applied_on", models.DateField()),
                ("housed_on", models.DateField(blank=True, null=True)),
                ("housed_address", models.TextField(blank=True)),
                (
                    "closed_on",
                    models.DateField(
                        blank=True,
                        help_text="Withdrawn or closed without being housed.",
                        null=True,
                    ),
                ),
                ("closed_reason", models.TextField(blank=True)),
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
                (
                    "band",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="accommodation.priorityband",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="accommodation.provider",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical housing application",
                "verbose_name_plural": "historical housing applications",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAccommodationStay",
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
                    "accom_type",
                    models.CharField(
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
                        verbose_name="type of accommodation",
                    ),
                ),
                ("address", models.TextField(blank=True)),
                ("postcode", models.CharField(blank=True, max_length=8)),
                (
                    "landlord",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="landlord, host or carers"
                    ),
                ),
                (
                    "council_provided",
                    models.BooleanField(
                        default=False,
                        help_text="Accommodation the council provides under the Children Act 1989 s.23B or s.24B. A personal adviser must visit within 7 days of it starting.",
                        verbose_name="provided by the council",
                    ),
                ),
                ("start", models.DateField(verbose_name="moved in")),
                ("end", models.DateField(blank=True, null=True, verbose_name="moved out")),
                ("end_reason", models.CharField(blank=True, max_length=255)),
                ("suitable", models.BooleanField(blank=True, null=True)),
                ("suitability_reason", models.TextField(blank=True)),
                ("suitability_assessed_on", models.DateField(blank=True, null=True)),
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
                (
                    "provider",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="accommodation.provider",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical accommodation stay",
                "verbose_name_plural": "historical accommodation stays",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="AccommodationStay",
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
                    "accom_type",
                    models.CharField(
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
                        verbose_name="type of accommodation",
                    ),
                ),
                ("address", models.TextField(blank=True)),
                ("postcode", models.CharField(blank=True, max_length=8)),
                (
                    "landlord",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="landlord, host or carers"
                    ),
                ),
                (
                    "council_provided",
                    models.BooleanField(
                        default=False,
                        help_text="Accommodation the council provides under the Children Act 1989 s.23B or s.24B. A personal adviser must visit within 7 days of it starting.",
                        verbose_name="provided by the council",
                    ),
                ),
                ("start", models.DateField(verbose_name="moved in")),
                ("end", models.DateField(blank=True, null=True, verbose_name="moved out")),
                ("end_reason", models.CharField(blank=True, max_length=255)),
                ("suitable", models.BooleanField(blank=True, null=True)),
                ("suitability_reason", models.TextField(blank=True)),
                ("suitability_assessed_on", models.DateField(blank=True, null=True)),
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
                        related_name="accommodation_stays",
                        to="people.youngperson",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="stays",
                        to="accommodation.provider",
                    ),
                ),
            ],
            options={
                "ordering": ["-start", "-id"],
            },
        ),
        migrations.CreateModel(
            name="StayingClose",
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
                ("assessed_on", models.DateField()),
                ("needs", models.TextField(verbose_name="what the assessment found")),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("support_needed", "Staying Close support is needed"),
                            ("not_needed", "Staying Close support is not needed"),
                            ("declined", "The young person does not want Staying Close support"),
                        ],
                        max_length=20,
                    ),
                ),
                ("support_areas", models.JSONField(blank=True, default=list)),
                ("support", models.TextField(blank=True, verbose_name="the support to be given")),
                ("next_review_on", models.DateField(blank=True, null=True)),
                ("ended_on", models.DateField(blank=True, null=True)),
                ("end_reason", models.TextField(blank=True)),
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
                    "assessed_by",
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
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="staying_close",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "staying close assessments",
                "ordering": ["-assessed_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="StayingCloseReview",
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
                ("reviewed_on", models.DateField()),
                ("notes", models.TextField(verbose_name="what was reviewed and agreed")),
                ("continue_support", models.BooleanField()),
                ("next_review_on", models.DateField(blank=True, null=True)),
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
                    "reviewed_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "staying_close",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reviews",
                        to="accommodation.stayingclose",
                    ),
                ),
            ],
            options={
                "ordering": ["-reviewed_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="StayingPut",
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
                ("carers", models.CharField(max_length=255, verbose_name="former foster carers")),
                ("fostering_service", models.CharField(blank=True, max_length=200)),
                ("start", models.DateField()),
                ("planned_end", models.DateField()),
                ("end", models.DateField(blank=True, null=True)),
                ("end_reason", models.TextField(blank=True)),
                (
                    "weekly_allowance",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=7,
                        verbose_name="weekly allowance to the carers",
                    ),
                ),
                (
                    "young_person_weekly_contribution",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True),
                ),
                ("notes", models.TextField(blank=True)),
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
                        related_name="staying_put",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "staying put arrangements",
                "ordering": ["-start", "-id"],
            },
        ),
        migrations.CreateModel(
            name="SuitabilityAssessment",
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
                ("assessed_on", models.DateField()),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
                ),
                ("suitable", models.BooleanField()),
                ("reason", models.TextField()),
                (
                    "facilities",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Does it have the facilities and services they need?",
                    ),
                ),
                ("facilities_note", models.TextField(blank=True)),
                (
                    "repair",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Is it in a good state of repair?",
                    ),
                ),
                ("repair_note", models.TextField(blank=True)),
                (
                    "safety",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Is it safe?",
                    ),
                ),
                ("safety_note", models.TextField(blank=True)),
                (
                    "location",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Is the location right for them?",
                    ),
                ),
                ("location_note", models.TextField(blank=True)),
                (
                    "support",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Do they get the support they need to live there?",
                    ),
                ),
                ("support_note", models.TextField(blank=True)),
                (
                    "tenancy",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Is their tenancy or licence secure and right for them?",
                    ),
                ),
                ("tenancy_note", models.TextField(blank=True)),
                (
                    "affordability",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Can they afford it?",
                    ),
                ),
                ("affordability_note", models.TextField(blank=True)),
                (
                    "views",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Does the young person say it is right for them?",
                    ),
                ),
                ("views_note", models.TextField(blank=True)),
                (
                    "rights",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Do they understand their rights and responsibilities there?",
                    ),
                ),
                ("rights_note", models.TextField(blank=True)),
                (
                    "landlord",
                    models.CharField(
                        choices=[
                            ("met", "Yes"),
                            ("not_met", "No"),
                            ("not_applicable", "Does not apply"),
                        ],
                        max_length=15,
                        verbose_name="Are you satisfied about the landlord's character and suitability?",
                    ),
                ),
                ("landlord_note", models.TextField(blank=True)),
                (
                    "assessed_by",
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
                    "stay",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assessments",
                        to="accommodation.accommodationstay",
                    ),
                ),
            ],
            options={
                "ordering": ["-assessed_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="TasterFlat",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True)),
                ("address", models.TextField(blank=True)),
                ("notes", models.TextField(blank=True)),
                ("is_active", models.BooleanField(default=True)),
                (
                    "provider",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="taster_flats",
                        to="accommodation.provider",
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTasterFlatBooking",
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
                ("starts_on", models.DateField(verbose_name="arrives")),
                ("ends_on", models.DateField(verbose_name="leaves")),
                ("purpose", models.TextField(blank=True, verbose_name="what they want to try")),
                ("cancelled_on", models.DateField(blank=True, null=True)),
                ("cancelled_reason", models.TextField(blank=True)),
                ("skills_practised", models.JSONField(blank=True, default=list)),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("ready", "Ready to live on their own"),
                            ("more_support", "Ready with more support"),
                            ("not_ready", "Not ready yet"),
                            ("did_not_stay", "Did not stay"),
                        ],
                        max_length=15,
                    ),
                ),
                ("outcome_notes", models.TextField(blank=True)),
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
                    "flat",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="accommodation.tasterflat",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical taster flat booking",
                "verbose_name_plural": "historical taster flat bookings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TasterFlatBooking",
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
                ("starts_on", models.DateField(verbose_name="arrives")),
                ("ends_on", models.DateField(verbose_name="leaves")),
                ("purpose", models.TextField(blank=True, verbose_name="what they want to try")),
                ("cancelled_on", models.DateField(blank=True, null=True)),
                ("cancelled_reason", models.TextField(blank=True)),
                ("skills_practised", models.JSONField(blank=True, default=list)),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("ready", "Ready to live on their own"),
                            ("more_support", "Ready with more support"),
                            ("not_ready", "Not ready yet"),
                            ("did_not_stay", "Did not stay"),
                        ],
                        max_length=15,
                    ),
                ),
                ("outcome_notes", models.TextField(blank=True)),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
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
                    "flat",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="bookings",
                        to="accommodation.tasterflat",
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
                        related_name="taster_flat_bookings",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-starts_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HomelessnessRisk",
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
                ("identified_on", models.DateField()),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("notice", "Notice to leave served"),
                            ("arrears", "Rent arrears"),
                            (
                                "relationship",
                                "Relationship breakdown with family, carers or hosts",
                            ),
                            ("behaviour", "Anti-social behaviour or breach of tenancy"),
                            (
                                "placement_ending",
                                "Supported accommodation ending with nowhere to go",
                            ),
                            ("leaving_custody", "Leaving custody or hospital with nowhere to go"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("details", models.TextField(blank=True)),
                (
                    "referred_to_housing_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="referred to the housing options service on",
                    ),
                ),
                ("ended_on", models.DateField(blank=True, null=True)),
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
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="homelessness_risks",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-identified_on", "-id"],
                "indexes": [
                    models.Index(
                        fields=["young_person", "ended_on"], name="accommodati_young_p_abdf03_idx"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ProtocolTarget",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("target_weeks", models.PositiveSmallIntegerField()),
                (
                    "band",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="targets",
                        to="accommodation.priorityband",
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="targets",
                        to="accommodation.provider",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("band", "provider"), name="one_target_per_band_provider"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="housingapplication",
            index=models.Index(
                fields=["housed_on", "closed_on"], name="accommodati_housed__132d5e_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="housingapplication",
            index=models.Index(
                fields=["young_person", "applied_on"], name="accommodati_young_p_3f3077_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="accommodationstay",
            index=models.Index(
                fields=["young_person", "start"], name="accommodati_young_p_52de50_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="accommodationstay",
            index=models.Index(
                fields=["young_person", "end"], name="accommodati_young_p_ac3d2d_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="accommodationstay",
            index=models.Index(
                fields=["accom_type", "end"], name="accommodati_accom_t_9e1506_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="accommodationstay",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end__isnull", True), ("end__gte", models.F("start")), _connector="OR"
                ),
                name="stay_ends_after_it_starts",
            ),
        ),
        migrations.AddIndex(
            model_name="tasterflatbooking",
            index=models.Index(
                fields=["flat", "starts_on", "ends_on"], name="accommodati_flat_id_c7478e_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="tasterflatbooking",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_on__gt", models.F("starts_on"))),
                name="booking_leaves_after_arriving",
            ),
        ),
    ]
