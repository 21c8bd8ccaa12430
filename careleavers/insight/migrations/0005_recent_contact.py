"""The local "in touch" measure (any contact in the months the policy sets) is now called
"recent contact": its targets, monthly snapshots and daily figures move to the new key, so its
history is kept, and the key "in_touch" is no longer used for a figure that is not the DfE's."""

from django.db import migrations, models

OLD, NEW = "in_touch", "recent_contact"
MODELS = ("Target", "IndicatorSnapshot", "DailyFigure")


def _rename(apps, old, new):
    for name in MODELS:
        apps.get_model("insight", name).objects.filter(indicator_key=old).update(indicator_key=new)


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0004_policy_help_without_placeholders"),
    ]

    operations = [
        migrations.AlterField(
            model_name="insightpolicy",
            name="in_touch_months",
            field=models.PositiveSmallIntegerField(
                default=12,
                help_text="A care leaver counts as having a recent contact when a contact was "
                "made within this many months. A council setting: the DfE's own in-touch "
                "measure, around the 17th to 21st birthdays, is a separate indicator.",
                verbose_name="recent contact: a contact within this many months",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
