"""Seed the default local offer (version 1, published) and the money policy.

A realistic starting point in the DfE's six areas (docs/law/money-and-offer.md); the council edits
it through the offer pages and publishes its own version.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import migrations

ANY_CARE_LEAVER = {"min_age": 16, "max_age": 25}
ADULT = {"min_age": 18, "max_age": 25}

# Corrected in 0004 for councils that installed the first wording; new installs start right.
HEALTH_HISTORY_HOW = (
    "Ask your personal adviser. You should have it by your 18th birthday; if you have not had "
    "it, ask for it now."
)
BURSARY_16_19_RULE = {
    "min_age": 16,
    "max_age": 20,
    "requires_education_or_training": True,
    "excludes_higher_education": True,
}

DEFAULT_ITEMS: list[dict[str, Any]] = [
    # Health and wellbeing
    dict(
        key="health_history",
        area="health_and_wellbeing",
        title="Your health history",
        summary="A copy of your health history from your time in care, with your NHS number "
        "and your GP's details, so you know your own story.",
        how_to_get_it=HEALTH_HISTORY_HOW,
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="leisure_pass",
        area="health_and_wellbeing",
        title="Free leisure centre pass",
        summary="Free gym and swimming at any council leisure centre.",
        how_to_get_it="Your personal adviser applies for your card.",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="wellbeing_service",
        area="health_and_wellbeing",
        title="Someone to talk to about how you feel",
        summary="Our emotional wellbeing workers see you quickly, without a long wait.",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="prescription_costs",
        area="health_and_wellbeing",
        title="Help with prescription, dental and eye test costs",
        summary="We pay for prescriptions, dental treatment and glasses if you cannot.",
        rule=ADULT,
    ),
    # Relationships
    dict(
        key="birthday_grant",
        area="relationships",
        title="Birthday grant",
        summary="Money for your birthday, every year until you are 25.",
        amount_pence=5_000,
        limit_text="each year",
        payment_type="birthday",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="festival_grant",
        area="relationships",
        title="Festival grant",
        summary="Money for the festival that matters to you (such as Christmas, Eid or Diwali).",
        amount_pence=5_000,
        limit_text="each year",
        payment_type="festival",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="family_time",
        area="relationships",
        title="Help to keep in touch with family",
        summary="Travel costs to see brothers, sisters and other family who matter to you.",
        rule={"max_age": 25},
    ),
    dict(
        key="young_parents",
        area="relationships",
        title="Young parents' support",
        summary="A starter pack for your baby and a place at the young parents' group.",
        rule={"min_age": 16, "max_age": 25, "requires_parent": True},
    ),
    # Education and training
    dict(
        key="bursary_16_19",
        area="education_and_training",
        title="16 to 19 bursary",
        summary="Up to £1,200 a year while you are at school, college or in training.",
        amount_pence=120_000,
        limit_text="each year",
        payment_type="bursary_16_19",
        rule=BURSARY_16_19_RULE,
    ),
    dict(
        key="he_bursary",
        area="education_and_training",
        title="Higher education bursary",
        summary="£2,000 towards university, on top of student finance, paid in instalments.",
        amount_pence=200_000,
        limit_text="once",
        payment_type="he_bursary",
        rule={
            "min_age": 18,
            "max_age": 25,
            "categories": ["former_relevant"],
            "requires_higher_education": True,
        },
    ),
    dict(
        key="vacation_accommodation",
        area="education_and_training",
        title="Somewhere to live in the university holidays",
        summary="If you have nowhere to stay between terms, we find or pay for somewhere.",
        rule={
            "min_age": 18,
            "max_age": 25,
            "categories": ["former_relevant"],
            "requires_higher_education": True,
        },
    ),
    dict(
        key="device_and_data",
        area="education_and_training",
        title="A laptop and data",
        summary="A laptop or tablet and a year of mobile data for study, work and keeping "
        "in touch.",
        amount_pence=45_000,
        limit_text="once",
        payment_type="device_and_data",
        rule=ANY_CARE_LEAVER,
    ),
    # Employment
    dict(
        key="council_apprenticeships",
        area="employment",
        title="Apprenticeships kept for care leavers",
        summary="Some council apprenticeships are kept for care leavers, with a guaranteed "
        "interview.",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="driving_lessons",
        area="employment",
        title="Driving lessons",
        summary="Up to £500 towards driving lessons and your theory test.",
        amount_pence=50_000,
        limit_text="once",
        payment_type="driving_lessons",
        rule={"min_age": 17, "max_age": 25},
    ),
    dict(
        key="interview_clothes",
        area="employment",
        title="Interview clothes and travel",
        summary="Clothes for an interview and travel to your first month of work.",
        rule=ANY_CARE_LEAVER,
    ),
    # Accommodation
    dict(
        key="setting_up_home",
        area="accommodation",
        title="Setting up home allowance",
        summary="£3,000 for furniture, white goods and what you need for your first home.",
        how_to_get_it="Plan it with your personal adviser; we can order items for you.",
        amount_pence=300_000,
        limit_text="once",
        payment_type="setting_up_home",
        rule={"min_age": 18, "max_age": 25, "categories": ["former_relevant"]},
    ),
    dict(
        key="council_tax_exemption",
        area="accommodation",
        title="No council tax until 25",
        summary="You pay no council tax on your own home until you are 25. We apply for you, "
        "even if you live in another council's area.",
        rule={"min_age": 18, "max_age": 25, "requires_tenancy": True},
    ),
    dict(
        key="taster_flat",
        area="accommodation",
        title="Try a taster flat",
        summary="Stay in a practice flat for a few nights to see what living alone is like.",
        rule={"min_age": 17, "max_age": 21},
    ),
    dict(
        key="housing_priority",
        area="accommodation",
        title="Priority for a council home",
        summary="Care leavers get a high priority band on the housing register.",
        rule=ADULT,
    ),
    # Participation in society
    dict(
        key="id_documents",
        area="participation",
        title="Help to get your ID",
        summary="We pay for your birth certificate, passport or provisional driving licence.",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="bank_account",
        area="participation",
        title="Help to open a bank account",
        summary="We help you open an account and understand budgeting.",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="immigration_advice",
        area="participation",
        title="Free immigration advice",
        summary="Free legal advice from a specialist solicitor about your immigration status.",
        rule=ANY_CARE_LEAVER,
    ),
    dict(
        key="cook_and_eat",
        area="participation",
        title="Cook and eat group",
        summary="A weekly evening group: cook a meal together, eat it, and meet other care "
        "leavers.",
        rule=ANY_CARE_LEAVER,
    ),
]


def seed(apps: Any, schema_editor: Any) -> None:
    OfferVersion = apps.get_model("offer", "OfferVersion")
    CatalogueItem = apps.get_model("offer", "CatalogueItem")
    OfferPolicy = apps.get_model("offer", "OfferPolicy")
    if not OfferPolicy.objects.exists():
        OfferPolicy.objects.create()
    if OfferVersion.objects.exists():
        return
    version = OfferVersion.objects.create(
        number=1,
        title="Our local offer for care leavers",
        change_summary="First version, after consultation with the children in care council.",
        status="published",
        published_on=datetime.date(2025, 4, 1),
    )
    CatalogueItem.objects.bulk_create(
        [
            CatalogueItem(version=version, order=index, **item)
            for index, item in enumerate(DEFAULT_ITEMS)
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("offer", "0001_squashed")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
