"""Create one group per role, so roles exist before any user does."""

from django.db import migrations

ROLE_NAMES = [
    "personal_adviser",
    "social_worker",
    "team_manager",
    "head_of_service",
    "duty_worker",
    "auditor",
    "performance_analyst",
    "administrator",
    "inspector",
    "young_person",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_squashed")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
