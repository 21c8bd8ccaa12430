"""Seed the supervision policy and the courses of the learning and development programme.

The Ofsted letter (context/) describes a learning and development programme embedding new
practice standards; these courses are a starting point. Which are mandatory and how often they
are renewed are the council's decisions [verify: local policy]; administrators change them in the
admin site.
"""

from __future__ import annotations

from django.db import migrations

COURSES = [
    dict(
        name="Practice standards for the leaving care service",
        description="The service's practice standards and guidance: what good looks like in "
        "visits, pathway plans and recording.",
        mandatory=True,
        renewal_months=None,
        complete_within_days=90,
        display_order=10,
    ),
    dict(
        name="Safeguarding refresher",
        description="Safeguarding young people and adults at risk: recognising and reporting "
        "harm, exploitation and self-neglect.",
        mandatory=True,
        renewal_months=36,
        complete_within_days=90,
        display_order=20,
    ),
    dict(
        name="Pathway planning",
        description="Writing pathway plans with the young person: the Schedule 1 sections, "
        "their own words, contingency plans and reviews.",
        mandatory=True,
        renewal_months=None,
        complete_within_days=180,
        display_order=30,
    ),
    dict(
        name="Data protection and information sharing",
        description="Recording, sharing and keeping information about young people lawfully.",
        mandatory=True,
        renewal_months=12,
        complete_within_days=30,
        display_order=40,
    ),
    dict(
        name="Reflective supervision",
        description="For team managers and senior practitioners: supervision that helps workers "
        "think, not only check tasks.",
        mandatory=False,
        renewal_months=None,
        complete_within_days=180,
        display_order=50,
    ),
    dict(
        name="Trauma-informed practice",
        description="Understanding how trauma and care experience shape young people's lives.",
        mandatory=False,
        renewal_months=None,
        complete_within_days=180,
        display_order=60,
    ),
]


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Course = apps.get_model("workforce", "Course")
    SupervisionPolicy = apps.get_model("workforce", "SupervisionPolicy")
    for course in COURSES:
        Course.objects.get_or_create(name=course["name"], defaults=course)
    if not SupervisionPolicy.objects.exists():
        SupervisionPolicy.objects.create()


class Migration(migrations.Migration):
    dependencies = [("workforce", "0001_squashed")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
