"""The council's starting reference data: providers, priority bands with housing protocol
targets, and the accommodation policy row. Administrators change them in the Django admin.

Priority bands and targets are local allocation policy (Housing Act 1996 Part 6), not
care-leaver law (docs/law/accommodation-and-staying-put.md); these defaults are a common shape for a
council that gives care leavers priority, to be replaced by the council's own scheme.
"""

from django.db import migrations

PROVIDERS = [
    # name, kind, takes housing applications, order
    ("Council housing register", "council", True, 10),
    ("Housing association partners", "housing_association", True, 20),
    ("Supported accommodation provider", "supported", False, 30),
    ("Foyer", "supported", False, 40),
    ("Supported lodgings scheme", "supported", False, 50),
    ("Private landlord or letting agent", "private", False, 60),
]

BANDS = [
    # code, name, description, target weeks, order
    (
        "A",
        "Band A: urgent need",
        "Homeless or about to be, or in unsafe or unsuitable accommodation.",
        8,
        10,
    ),
    (
        "B",
        "Band B: care leaver priority",
        "Care leavers ready to live independently, under the housing protocol.",
        16,
        20,
    ),
    ("C", "Band C: general need", "Other housing need.", 52, 30),
]


def add_defaults(apps, schema_editor):
    Provider = apps.get_model("accommodation", "Provider")
    PriorityBand = apps.get_model("accommodation", "PriorityBand")
    AccommodationPolicy = apps.get_model("accommodation", "AccommodationPolicy")
    for name, kind, applications, order in PROVIDERS:
        Provider.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "takes_housing_applications": applications, "order": order},
        )
    for code, name, description, weeks, order in BANDS:
        PriorityBand.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "target_weeks": weeks,
                "order": order,
            },
        )
    AccommodationPolicy.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("accommodation", "0001_squashed")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
