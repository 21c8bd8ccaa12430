"""Two corrections to the default offer that young people read in 'What I can get'.

- The health history said "Ask your personal adviser before your 18th birthday", which told a
  23-year-old something they could no longer do.
- The 16 to 19 bursary is for school, college or training; it was listed under "When you start
  university".

Only rows still exactly as the first default offer seeded them are changed: an item the council
has edited is the council's own wording and stays as it is.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

OLD_HEALTH_HISTORY_HOW = "Ask your personal adviser before your 18th birthday."
NEW_HEALTH_HISTORY_HOW = (
    "Ask your personal adviser. You should have it by your 18th birthday; if you have not had "
    "it, ask for it now."
)
OLD_BURSARY_RULE = {"min_age": 16, "max_age": 20, "requires_education_or_training": True}
NEW_BURSARY_RULE = {**OLD_BURSARY_RULE, "excludes_higher_education": True}


def correct(apps: Any, schema_editor: Any) -> None:
    CatalogueItem = apps.get_model("offer", "CatalogueItem")
    CatalogueItem.objects.filter(
        key="health_history", how_to_get_it=OLD_HEALTH_HISTORY_HOW
    ).update(how_to_get_it=NEW_HEALTH_HISTORY_HOW)
    for item in CatalogueItem.objects.filter(key="bursary_16_19"):
        if item.rule == OLD_BURSARY_RULE:
            item.rule = NEW_BURSARY_RULE
            item.save(update_fields=["rule"])


def restore(apps: Any, schema_editor: Any) -> None:
    CatalogueItem = apps.get_model("offer", "CatalogueItem")
    CatalogueItem.objects.filter(
        key="health_history", how_to_get_it=NEW_HEALTH_HISTORY_HOW
    ).update(how_to_get_it=OLD_HEALTH_HISTORY_HOW)
    for item in CatalogueItem.objects.filter(key="bursary_16_19"):
        if item.rule == NEW_BURSARY_RULE:
            item.rule = OLD_BURSARY_RULE
            item.save(update_fields=["rule"])


class Migration(migrations.Migration):
    dependencies = [("offer", "0003_versions_and_payment_submission_key")]

    operations = [migrations.RunPython(correct, restore)]
