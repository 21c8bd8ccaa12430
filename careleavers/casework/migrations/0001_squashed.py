# The casework tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import careleavers.casework.models
import careleavers.casework.phones
import datetime
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("casework", "0001_initial"),
        ("casework", "0002_initial"),
        ("casework", "0003_duty_rota_and_alerts"),
        ("casework", "0004_contact_and_case_note_submission_keys"),
        ("casework", "0005_keeping_in_touch"),
        ("casework", "0006_allocation_reasons_for_care_leavers"),
        ("casework", "0007_answer_within_working_days"),
        ("casework", "0008_appointments"),
        ("casework", "0009_planned_handovers"),
        ("casework", "0010_stored_work_items"),
        ("casework", "0011_stored_work_pending"),
    ]

    initial = True

    dependencies = [
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ContactPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("weeks_to_21", models.PositiveSmallIntegerField(default=8)),
                ("weeks_21_to_25", models.PositiveSmallIntegerField(default=8)),
                (
                    "reduced_from_21_weeks",
                    models.PositiveSmallIntegerField(
                        default=12,
                        help_text="For young people aged 21 to 25 who chose less frequent contact.",
                    ),
                ),
                (
                    "correction_window_minutes",
                    models.PositiveSmallIntegerField(
                        default=60,
                        help_text="How long the author may correct a contact record before changes become amendments.",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "contact policy",
            },
        ),
        migrations.CreateModel(
            name="StoredWorkDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField()),
                ("set_aside", models.BooleanField(default=False)),
                ("finished_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("young_people", models.PositiveIntegerField(default=0)),
                ("items", models.PositiveIntegerField(default=0)),
                ("drift", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="Alert",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("safeguarding", "Safeguarding concern"),
                            ("risk_to_staff", "Risk to staff"),
                            ("health", "Health"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("description", models.TextField()),
                ("raised_on", models.DateField(default=django.utils.timezone.localdate)),
                ("ended_on", models.DateField(blank=True, null=True)),
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
                        related_name="alerts",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-raised_on"],
            },
        ),
        migrations.CreateModel(
            name="Allocation",
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
                        choices=[("pa", "Personal adviser"), ("sw", "Social worker")], max_length=2
                    ),
                ),
                ("start", models.DateField(default=django.utils.timezone.localdate)),
                ("end", models.DateField(blank=True, null=True)),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("MANAGE", "Caseload balancing"),
                            ("FCONTA", "First contact or re-referral"),
                            ("LEFTRL", "Previous worker left their role"),
                            ("ORGRST", "Organisational restructure"),
                            ("TSPROC", "Child transfer due to standard process"),
                            ("ABSENC", "Cover for the previous worker's absence, or their return"),
                            ("CHCHAN", "Child requested change"),
                            ("PCCHAN", "Parent/carer requested change"),
                            ("SWDIED", "Previous worker died"),
                            ("OTHERS", "Other reason"),
                            ("FIRST", "First allocation"),
                            ("PAINTRO", "Personal adviser introduced at 16"),
                            ("YPREQ", "The young person asked for a different worker"),
                            ("CASELOAD", "Caseload balancing"),
                            ("TEAMMOVE", "Moved to another team"),
                            ("ABSENCE", "Worker's long-term absence"),
                        ],
                        max_length=8,
                    ),
                ),
                ("reason_note", models.TextField(blank=True)),
                ("is_change", models.BooleanField(default=False)),
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
                    "worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="allocations",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="allocations",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-start", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Appointment",
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
                            ("visit", "Visit"),
                            ("review", "Pathway plan review"),
                            ("meeting", "Meeting"),
                            ("call", "Phone or video call"),
                        ],
                        max_length=10,
                    ),
                ),
                ("starts_at", models.DateTimeField()),
                ("place", models.CharField(max_length=200)),
                ("note", models.CharField(blank=True, max_length=300)),
                ("cancelled_at", models.DateTimeField(blank=True, null=True)),
                ("cancelled_reason", models.CharField(blank=True, max_length=300)),
                ("reminded_at", models.DateTimeField(blank=True, null=True)),
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
                    "worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appointments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="appointments",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["starts_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="CaseNote",
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
                ("written_on", models.DateField(default=django.utils.timezone.localdate)),
                ("title", models.CharField(max_length=200)),
                ("body", models.TextField()),
                ("written_to_young_person", models.BooleanField(default=False)),
                ("contains_third_party_information", models.BooleanField(default=False)),
                ("third_party_description", models.CharField(blank=True, max_length=255)),
                (
                    "submission_key",
                    models.UUIDField(blank=True, editable=False, null=True, unique=True),
                ),
                (
                    "author",
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
                        related_name="case_notes",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-written_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Contact",
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
                ("occurred_at", models.DateTimeField()),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("home_visit", "Home visit"),
                            ("office", "Office visit"),
                            ("phone", "Phone call"),
                            ("video", "Video call"),
                            ("message", "Text or message"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "made_contact",
                    models.BooleanField(
                        default=True,
                        help_text="No means a failed attempt: record why in the reason.",
                    ),
                ),
                ("failed_reason", models.TextField(blank=True)),
                ("seen", models.BooleanField(default=False)),
                ("seen_alone", models.BooleanField(default=False)),
                ("purpose", models.CharField(blank=True, max_length=255)),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
                ),
                ("notes", models.TextField(blank=True)),
                ("written_to_young_person", models.BooleanField(default=False)),
                ("version", models.PositiveIntegerField(default=1)),
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
                    "worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contacts_made",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contacts",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-occurred_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ContactAmendment",
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
                ("reason", models.TextField()),
                ("changes", models.JSONField(help_text="Field name to [old, new] values.")),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="amendments",
                        to="casework.contact",
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
                "ordering": ["created_at"],
            },
        ),
        migrations.CreateModel(
            name="DutyAlert",
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
                ("raised_at", models.DateTimeField()),
                ("their_words", models.TextField(blank=True)),
                (
                    "call_on",
                    models.CharField(
                        blank=True,
                        max_length=20,
                        verbose_name="the number they said to call them on",
                    ),
                ),
                ("where", models.TextField(blank=True, verbose_name="where they said they are")),
                ("in_office_hours", models.BooleanField()),
                (
                    "sent_to",
                    models.CharField(
                        choices=[
                            ("duty_worker", "Duty worker"),
                            ("out_of_hours", "Out-of-hours service"),
                            ("adviser", "Personal adviser"),
                        ],
                        max_length=20,
                    ),
                ),
                ("sent_to_name", models.CharField(max_length=200)),
                ("nobody_on_rota", models.BooleanField(default=False)),
                ("reply_link", models.CharField(blank=True, max_length=300)),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "alert",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duty_alert",
                        to="casework.alert",
                    ),
                ),
                (
                    "closed_by",
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
                    "duty_worker",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duty_alerts_sent_to",
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
                        related_name="duty_alerts",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-raised_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="DutyAlertMessage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[("sms", "Text message"), ("email", "Email")], max_length=5
                    ),
                ),
                (
                    "recipient",
                    models.CharField(
                        choices=[
                            ("duty_worker", "Duty worker"),
                            ("out_of_hours", "Out-of-hours service"),
                            ("adviser", "Personal adviser"),
                        ],
                        max_length=20,
                    ),
                ),
                ("recipient_name", models.CharField(max_length=200)),
                ("to", models.CharField(blank=True, max_length=254)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("waiting", "Waiting to be sent"),
                            ("sent", "Sent"),
                            ("failed", "Not sent"),
                        ],
                        default="waiting",
                        max_length=7,
                    ),
                ),
                ("notify_id", models.CharField(blank=True, max_length=100)),
                ("failure", models.CharField(blank=True, max_length=300)),
                ("attempted_at", models.DateTimeField(blank=True, null=True)),
                (
                    "duty_alert",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="messages",
                        to="casework.dutyalert",
                    ),
                ),
            ],
            options={
                "ordering": ["pk"],
            },
        ),
        migrations.CreateModel(
            name="DutyLogEntry",
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
                ("occurred_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("caller", models.CharField(max_length=200, verbose_name="who called or came in")),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("home_visit", "Home visit"),
                            ("office", "Office visit"),
                            ("phone", "Phone call"),
                            ("video", "Video call"),
                            ("message", "Text or message"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("need", models.TextField(verbose_name="what they needed")),
                ("action_taken", models.TextField(verbose_name="what was done")),
                ("urgent", models.BooleanField(default=False)),
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
                    "duty_worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duty_entries",
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
                    "passed_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duty_entries_passed",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duty_entries",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "duty log entries",
                "ordering": ["-occurred_at"],
            },
        ),
        migrations.CreateModel(
            name="DutyPolicy",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("office_opens", models.TimeField(default=datetime.time(9, 0))),
                ("office_closes", models.TimeField(default=datetime.time(17, 0))),
                (
                    "office_days",
                    models.JSONField(default=careleavers.casework.models._monday_to_friday),
                ),
                (
                    "closed_on_bank_holidays",
                    models.BooleanField(
                        default=True, help_text="Bank holidays in England, from GOV.UK."
                    ),
                ),
                (
                    "out_of_hours_name",
                    models.CharField(
                        default="Out-of-hours team",
                        max_length=120,
                        verbose_name="name of the out-of-hours service",
                    ),
                ),
                (
                    "out_of_hours_mobile",
                    models.CharField(
                        blank=True,
                        help_text="The mobile the out-of-hours worker on call carries. Texts cannot go to a landline.",
                        max_length=20,
                        validators=[careleavers.casework.phones.validate_uk_mobile],
                        verbose_name="mobile number for urgent texts",
                    ),
                ),
                (
                    "out_of_hours_email",
                    models.EmailField(
                        blank=True,
                        max_length=254,
                        verbose_name="email address for urgent messages",
                    ),
                ),
                (
                    "answer_within_working_days",
                    models.PositiveSmallIntegerField(
                        default=3,
                        help_text="A council setting, not law: young people are told by when to expect an answer to what they ask for on their pages, counting office days only.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(20),
                        ],
                        verbose_name="working days to answer a young person's request",
                    ),
                ),
                ("modified_at", models.DateTimeField(auto_now=True)),
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
                "verbose_name": "office hours and out-of-hours service",
                "verbose_name_plural": "office hours and out-of-hours service",
            },
        ),
        migrations.CreateModel(
            name="DutyRotaEntry",
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
                ("on", models.DateField()),
                ("starts", models.TimeField()),
                ("ends", models.TimeField()),
                (
                    "mobile",
                    models.CharField(max_length=20, verbose_name="mobile number for urgent texts"),
                ),
                (
                    "email",
                    models.EmailField(
                        max_length=254, verbose_name="email address for urgent messages"
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
                    "worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duty_rota_entries",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "duty rota entries",
                "ordering": ["on", "starts"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCaseNote",
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
                ("written_on", models.DateField(default=django.utils.timezone.localdate)),
                ("title", models.CharField(max_length=200)),
                ("body", models.TextField()),
                ("written_to_young_person", models.BooleanField(default=False)),
                ("contains_third_party_information", models.BooleanField(default=False)),
                ("third_party_description", models.CharField(blank=True, max_length=255)),
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
                    "author",
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
                "verbose_name": "historical case note",
                "verbose_name_plural": "historical case notes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalContact",
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
                ("occurred_at", models.DateTimeField()),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("home_visit", "Home visit"),
                            ("office", "Office visit"),
                            ("phone", "Phone call"),
                            ("video", "Video call"),
                            ("message", "Text or message"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "made_contact",
                    models.BooleanField(
                        default=True,
                        help_text="No means a failed attempt: record why in the reason.",
                    ),
                ),
                ("failed_reason", models.TextField(blank=True)),
                ("seen", models.BooleanField(default=False)),
                ("seen_alone", models.BooleanField(default=False)),
                ("purpose", models.CharField(blank=True, max_length=255)),
                (
                    "young_persons_views",
                    models.TextField(
                        blank=True, verbose_name="the young person's views, in their words"
                    ),
                ),
                ("notes", models.TextField(blank=True)),
                ("written_to_young_person", models.BooleanField(default=False)),
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
                    "worker",
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
                "verbose_name": "historical contact",
                "verbose_name_plural": "historical contacts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="KeepingInTouch",
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
                    "status",
                    models.CharField(
                        choices=[
                            ("REFU", "Refuses contact"),
                            ("NREQ", "No longer needs support from the service"),
                        ],
                        max_length=4,
                    ),
                ),
                ("start", models.DateField(verbose_name="from")),
                (
                    "end",
                    models.DateField(
                        blank=True,
                        help_text="The last day it applied.",
                        null=True,
                        verbose_name="until",
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
                        related_name="keeping_in_touch",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["-start", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Notification",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=40)),
                ("message", models.CharField(max_length=500)),
                ("link", models.CharField(blank=True, max_length=300)),
                ("urgent", models.BooleanField(default=False)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("read_at", models.DateTimeField(blank=True, null=True)),
                (
                    "recipient",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="notifications",
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
            ],
            options={
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="PlannedHandover",
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
                        choices=[("pa", "Personal adviser"), ("sw", "Social worker")], max_length=2
                    ),
                ),
                ("starts_on", models.DateField()),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("MANAGE", "Caseload balancing"),
                            ("FCONTA", "First contact or re-referral"),
                            ("LEFTRL", "Previous worker left their role"),
                            ("ORGRST", "Organisational restructure"),
                            ("TSPROC", "Child transfer due to standard process"),
                            ("ABSENC", "Cover for the previous worker's absence, or their return"),
                            ("CHCHAN", "Child requested change"),
                            ("PCCHAN", "Parent/carer requested change"),
                            ("SWDIED", "Previous worker died"),
                            ("OTHERS", "Other reason"),
                            ("FIRST", "First allocation"),
                            ("PAINTRO", "Personal adviser introduced at 16"),
                            ("YPREQ", "The young person asked for a different worker"),
                            ("CASELOAD", "Caseload balancing"),
                            ("TEAMMOVE", "Moved to another team"),
                            ("ABSENCE", "Worker's long-term absence"),
                        ],
                        max_length=8,
                    ),
                ),
                ("reason_note", models.TextField(blank=True)),
                ("cancelled_at", models.DateTimeField(blank=True, null=True)),
                ("cancelled_reason", models.CharField(blank=True, max_length=300)),
                ("failed_reason", models.CharField(blank=True, max_length=500)),
                (
                    "allocation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="casework.allocation",
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
                    "introduction",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="casework.appointment",
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
                    "to_worker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="handovers_to",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="planned_handovers",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["starts_on", "id"],
            },
        ),
        migrations.CreateModel(
            name="StoredWorkItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=50)),
                ("title", models.CharField(max_length=300)),
                ("detail", models.TextField(blank=True)),
                ("due", models.DateField(blank=True, null=True)),
                ("overdue", models.BooleanField(default=False)),
                ("days_overdue", models.PositiveIntegerField(default=0)),
                ("urgent", models.BooleanField(default=False)),
                ("url", models.CharField(max_length=500)),
                ("batch_id", models.BigIntegerField(blank=True, null=True)),
                ("worked_out_for", models.DateField()),
                (
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="people.youngperson",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="StoredWorkPending",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("marked_at", models.DateTimeField()),
                (
                    "young_person",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="people.youngperson",
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(
                fields=["young_person", "ended_on"], name="casework_al_young_p_895304_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="allocation",
            index=models.Index(fields=["worker", "end"], name="casework_al_worker__3e6d9b_idx"),
        ),
        migrations.AddIndex(
            model_name="allocation",
            index=models.Index(
                fields=["young_person", "role", "end"], name="casework_al_young_p_dae2a2_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="allocation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("end__isnull", True)),
                fields=("young_person", "role"),
                name="one_current_worker_per_role",
            ),
        ),
        migrations.AddIndex(
            model_name="appointment",
            index=models.Index(
                fields=["young_person", "starts_at"], name="casework_ap_young_p_44d6d7_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="appointment",
            index=models.Index(fields=["starts_at"], name="appointment_starts_at"),
        ),
        migrations.AddIndex(
            model_name="contact",
            index=models.Index(
                fields=["young_person", "occurred_at"], name="casework_co_young_p_65a22a_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="dutyalert",
            index=models.Index(
                fields=["closed_at", "raised_at"], name="casework_du_closed__25a4d5_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="dutyrotaentry",
            index=models.Index(fields=["on", "starts"], name="casework_du_on_0a5b5e_idx"),
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                fields=["recipient", "read_at"], name="casework_no_recipie_2fa516_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="plannedhandover",
            constraint=models.UniqueConstraint(
                condition=models.Q(("allocation__isnull", True), ("cancelled_at__isnull", True)),
                fields=("young_person", "role"),
                name="one_open_handover_per_role",
            ),
        ),
        migrations.AddIndex(
            model_name="storedworkitem",
            index=models.Index(
                fields=["young_person", "kind"], name="casework_st_young_p_7f55dd_idx"
            ),
        ),
    ]
