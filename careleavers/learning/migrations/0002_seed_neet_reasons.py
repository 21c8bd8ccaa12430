"""Seed the fixed list of reasons for not being in education, employment or training,
and the one row of the council's EET policy with its defaults.

The council extends the list in the admin; these are never deleted, only retired.
"""

from django.db import migrations

REASONS = [
    ("mental-health", "Mental health", ""),
    ("physical-health-disability", "Physical health or disability", ""),
    ("pregnancy-parenting", "Pregnancy or parenting", ""),
    ("caring", "Caring for someone", "For example, a parent, brother or sister."),
    ("unstable-housing", "Unstable housing", "Homeless, sofa surfing, or about to move."),
    (
        "immigration",
        "Immigration restrictions",
        "No right to work or study, or waiting for a decision.",
    ),
    ("no-qualifications", "No qualifications", "Or not the qualifications a course or job needs."),
    ("waiting-course", "Waiting for a course to start", ""),
    ("confidence", "Confidence", "Anxiety about starting, or not knowing what they want to do."),
    ("substance-misuse", "Substance misuse", ""),
    ("custody", "In custody", ""),
    ("other", "Other", "Say what in the young person's own words."),
]


def seed(apps, schema_editor):
    NeetReason = apps.get_model("learning", "NeetReason")
    for order, (code, label, hint) in enumerate(REASONS, start=1):
        NeetReason.objects.get_or_create(
            code=code, defaults={"label": label, "hint": hint, "order": order * 10}
        )
    apps.get_model("learning", "LearningPolicy").objects.get_or_create(pk=1)


def unseed(apps, schema_editor):
    # Reasons may be referred to by records by now; leave them in place.
    pass


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_squashed")]

    operations = [migrations.RunPython(seed, unseed)]
