"""The services young people are most often referred to, with starting target waits.

Targets are the council's own (thresholds and waits are local: docs/law/quality-and-inspection.md); administrators
change them, and add services, in the admin site. The starting values follow national waiting
time standards where one exists:
- CAMHS and adult community mental health: NHS England's four-week waiting time ambition.
- Substance misuse: OHID's expectation that treatment starts within three weeks.
- Adult social care and learning disability: no national standard; 28 and 42 days to start.
"""

from django.db import migrations

SERVICES = [
    (
        "Adult social care: Care Act transition assessment",
        "adult_social_care",
        "An assessment under section 58 of the Care Act 2014 of the care and support they "
        "are likely to need as an adult.",
        28,
        10,
    ),
    (
        "Adult mental health services",
        "adult_mental_health",
        "Community mental health team, including section 117 aftercare after detention "
        "under the Mental Health Act.",
        28,
        20,
    ),
    (
        "Children and young people's mental health services (CAMHS)",
        "camhs",
        "For young people under 18.",
        28,
        30,
    ),
    (
        "Learning disability service",
        "learning_disability",
        "The community learning disability team.",
        42,
        40,
    ),
    (
        "Substance misuse service",
        "substance_misuse",
        "Drug and alcohol support for young people and adults.",
        21,
        50,
    ),
]


def seed(apps, schema_editor):
    Service = apps.get_model("transitions", "Service")
    for name, kind, description, target, order in SERVICES:
        Service.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "description": description,
                "target_wait_days": target,
                "display_order": order,
            },
        )


def unseed(apps, schema_editor):
    Service = apps.get_model("transitions", "Service")
    Referral = apps.get_model("transitions", "Referral")
    names = [row[0] for row in SERVICES]
    used = set(Referral.objects.values_list("service__name", flat=True))
    Service.objects.filter(name__in=[n for n in names if n not in used]).delete()


class Migration(migrations.Migration):
    dependencies = [("transitions", "0001_squashed")]

    operations = [migrations.RunPython(seed, unseed)]
