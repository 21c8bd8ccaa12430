# The returns tables as the models define them: squashed on 6 December 2026 from the
# migrations in `replaces`. An install that applied all of those counts this one as applied
# (README, "Development").

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("returns", "0001_initial"),
        ("returns", "0002_validation_run_as_a_background_task"),
    ]

    initial = True

    dependencies = [
        ("people", "0001_squashed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalCareLeaverOutcome",
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
                ("collection_year", models.PositiveSmallIntegerField()),
                (
                    "in_touch",
                    models.CharField(
                        choices=[
                            ("YES", "Yes – in touch"),
                            ("NO", "No – not in touch"),
                            ("DIED", "Died after leaving care"),
                            ("REFU", "Young person refuses contact"),
                            (
                                "NREQ",
                                "Young person no longer requires children's social care services",
                            ),
                            (
                                "RHOM",
                                "Young person returned to live with parents or someone with parental responsibility for a continuous period of 6 months or more",
                            ),
                        ],
                        max_length=4,
                        verbose_name="IN_TOUCH",
                    ),
                ),
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
                            (
                                "0",
                                "Not in touch and activity not known, or died, or returned home",
                            ),
                        ],
                        max_length=2,
                        verbose_name="ACTIV",
                    ),
                ),
                (
                    "accom",
                    models.CharField(
                        choices=[
                            ("B1", "With parent(s) or relative(s) – suitable"),
                            ("B2", "With parent(s) or relative(s) – not suitable"),
                            (
                                "C1",
                                "Community home or other form of residential care such as an NHS establishment – suitable",
                            ),
                            (
                                "C2",
                                "Community home or other form of residential care such as an NHS establishment – not suitable",
                            ),
                            (
                                "D1",
                                "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support; and self-contained accommodation with floating support – suitable",
                            ),
                            (
                                "D2",
                                "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support; and self-contained accommodation with floating support – not suitable",
                            ),
                            (
                                "E1",
                                "Supported lodgings (accommodation, usually in a family home, where adult(s) in the host family provide formal advice and support) – suitable",
                            ),
                            (
                                "E2",
                                "Supported lodgings (accommodation, usually in a family home, where adult(s) in the host family provide formal advice and support) – not suitable",
                            ),
                            ("G1", "Gone abroad – suitable"),
                            ("G2", "Gone abroad – not suitable"),
                            ("H1", "Deported – suitable"),
                            ("H2", "Deported – not suitable"),
                            ("K1", "Ordinary lodgings, without formal support – suitable"),
                            ("K2", "Ordinary lodgings, without formal support – not suitable"),
                            ("R1", "Residence not known – suitable"),
                            ("R2", "Residence not known – not suitable"),
                            ("S2", "No fixed abode / homeless – not suitable"),
                            (
                                "T1",
                                "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment – suitable",
                            ),
                            (
                                "T2",
                                "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment – not suitable",
                            ),
                            (
                                "U1",
                                "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university – suitable",
                            ),
                            (
                                "U2",
                                "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university – not suitable",
                            ),
                            (
                                "V1",
                                "Emergency accommodation (like a night shelter, direct access or emergency hostel) – suitable",
                            ),
                            (
                                "V2",
                                "Emergency accommodation (like a night shelter, direct access or emergency hostel) – not suitable",
                            ),
                            ("W1", "Bed and breakfast – suitable"),
                            ("W2", "Bed and breakfast – not suitable"),
                            ("X2", "In custody – not suitable"),
                            ("Y1", "Other accommodation – suitable"),
                            ("Y2", "Other accommodation – not suitable"),
                            (
                                "Z1",
                                "With former foster carer(s) – fostered and on turning 18 remains with the same carer(s) who fostered them immediately before – suitable",
                            ),
                            (
                                "Z2",
                                "With former foster carer(s) – fostered and on turning 18 remains with the same carer(s) who fostered them immediately before – not suitable",
                            ),
                            (
                                "0",
                                "Not in touch and accommodation not known, or died, or returned home",
                            ),
                        ],
                        max_length=2,
                        verbose_name="ACCOM",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[("import", "Imported from an SSDA903 return")],
                        default="import",
                        max_length=10,
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
                "verbose_name": "historical care leaver outcome",
                "verbose_name_plural": "historical care leaver outcomes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ValidationRun",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("collection_year", models.PositiveSmallIntegerField(db_index=True)),
                ("run_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Waiting to start"),
                            ("preparing", "Preparing the validator"),
                            ("exporting", "Building the return"),
                            ("validating", "Running the validator"),
                            ("done", "Finished"),
                            ("failed", "Could not finish"),
                        ],
                        default="done",
                        max_length=10,
                    ),
                ),
                ("progress", models.CharField(blank=True, max_length=300)),
                ("failure", models.TextField(blank=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                ("children", models.PositiveIntegerField(default=0)),
                ("care_leavers", models.PositiveIntegerField(default=0)),
                ("error_count", models.PositiveIntegerField(default=0)),
                ("report", models.JSONField(default=dict)),
                (
                    "run_by",
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
                "ordering": ["-run_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="CareLeaverOutcome",
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
                ("collection_year", models.PositiveSmallIntegerField()),
                (
                    "in_touch",
                    models.CharField(
                        choices=[
                            ("YES", "Yes – in touch"),
                            ("NO", "No – not in touch"),
                            ("DIED", "Died after leaving care"),
                            ("REFU", "Young person refuses contact"),
                            (
                                "NREQ",
                                "Young person no longer requires children's social care services",
                            ),
                            (
                                "RHOM",
                                "Young person returned to live with parents or someone with parental responsibility for a continuous period of 6 months or more",
                            ),
                        ],
                        max_length=4,
                        verbose_name="IN_TOUCH",
                    ),
                ),
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
                            (
                                "0",
                                "Not in touch and activity not known, or died, or returned home",
                            ),
                        ],
                        max_length=2,
                        verbose_name="ACTIV",
                    ),
                ),
                (
                    "accom",
                    models.CharField(
                        choices=[
                            ("B1", "With parent(s) or relative(s) – suitable"),
                            ("B2", "With parent(s) or relative(s) – not suitable"),
                            (
                                "C1",
                                "Community home or other form of residential care such as an NHS establishment – suitable",
                            ),
                            (
                                "C2",
                                "Community home or other form of residential care such as an NHS establishment – not suitable",
                            ),
                            (
                                "D1",
                                "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support; and self-contained accommodation with floating support – suitable",
                            ),
                            (
                                "D2",
                                "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support; and self-contained accommodation with floating support – not suitable",
                            ),
                            (
                                "E1",
                                "Supported lodgings (accommodation, usually in a family home, where adult(s) in the host family provide formal advice and support) – suitable",
                            ),
                            (
                                "E2",
                                "Supported lodgings (accommodation, usually in a family home, where adult(s) in the host family provide formal advice and support) – not suitable",
                            ),
                            ("G1", "Gone abroad – suitable"),
                            ("G2", "Gone abroad – not suitable"),
                            ("H1", "Deported – suitable"),
                            ("H2", "Deported – not suitable"),
                            ("K1", "Ordinary lodgings, without formal support – suitable"),
                            ("K2", "Ordinary lodgings, without formal support – not suitable"),
                            ("R1", "Residence not known – suitable"),
                            ("R2", "Residence not known – not suitable"),
                            ("S2", "No fixed abode / homeless – not suitable"),
                            (
                                "T1",
                                "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment – suitable",
                            ),
                            (
                                "T2",
                                "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment – not suitable",
                            ),
                            (
                                "U1",
                                "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university – suitable",
                            ),
                            (
                                "U2",
                                "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university – not suitable",
                            ),
                            (
                                "V1",
                                "Emergency accommodation (like a night shelter, direct access or emergency hostel) – suitable",
                            ),
                            (
                                "V2",
                                "Emergency accommodation (like a night shelter, direct access or emergency hostel) – not suitable",
                            ),
                            ("W1", "Bed and breakfast – suitable"),
                            ("W2", "Bed and breakfast – not suitable"),
                            ("X2", "In custody – not suitable"),
                            ("Y1", "Other accommodation – suitable"),
                            ("Y2", "Other accommodation – not suitable"),
                            (
                                "Z1",
                                "With former foster carer(s) – fostered and on turning 18 remains with the same carer(s) who fostered them immediately before – suitable",
                            ),
                            (
                                "Z2",
                                "With former foster carer(s) – fostered and on turning 18 remains with the same carer(s) who fostered them immediately before – not suitable",
                            ),
                            (
                                "0",
                                "Not in touch and accommodation not known, or died, or returned home",
                            ),
                        ],
                        max_length=2,
                        verbose_name="ACCOM",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[("import", "Imported from an SSDA903 return")],
                        default="import",
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
                    "young_person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="care_leaver_outcomes",
                        to="people.youngperson",
                    ),
                ),
            ],
            options={
                "ordering": ["young_person", "collection_year"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("young_person", "collection_year"), name="one_outcome_per_year"
                    )
                ],
            },
        ),
    ]
