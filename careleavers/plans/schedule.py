"""What a needs assessment and a pathway plan must cover, as data.

The pathway plan's ten sections are the matters of the Care Leavers (England) Regulations 2010,
Schedule 1 ("Matters to be dealt with in the pathway plan and review"). The needs assessment's
sections are the matters of the Care Planning, Placement and Case Review (England) Regulations
2010 (CPPCR), regulation 42(2). Both are quoted in docs/law/pathway-plans-reviews-visits.md.

Every screen, form, PDF and check reads the sections from here, so the wording and the order
live in one place. Each section has the worker's title, the title a young person reads on their
own copy, help for the worker, and a prompt for asking the young person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

CARE_LEAVERS_REGS = "Care Leavers (England) Regulations 2010"
CPPCR_REGS = "Care Planning, Placement and Case Review (England) Regulations 2010"
SCHEDULE_1 = f"{CARE_LEAVERS_REGS}, Schedule 1"


@dataclass(frozen=True)
class PlanSectionDefinition:
    key: str
    number: int  # the paragraph of Schedule 1, which is also the order on every page
    title: str
    young_person_title: str
    help: str
    young_person_prompt: str
    # The label of the worker's part. The contingency section's worker part *is* the
    # contingency plan, which must be written before the plan can be submitted.
    assessment_label: str = "Your assessment and what will be done"
    # The one structured answer a section records beside its free text (a PlanSection field),
    # so the plan can be checked against the young person's record. Empty: free text only.
    planned_field: str = ""

    @property
    def citation(self) -> str:
        return f"{SCHEDULE_1}, paragraph {self.number}"


CONTINGENCY = "contingency"
IDENTITY = "identity"

# Care Leavers (England) Regs 2010 Schedule 1 paragraphs 1 to 10, in order.
PLAN_SECTIONS: tuple[PlanSectionDefinition, ...] = (
    PlanSectionDefinition(
        key="contact_and_support",
        planned_field="personal_adviser",
        number=1,
        title="Contact and personal support",
        young_person_title=gettext_noop("Who will support you, and how often you will see them"),
        help=(
            "How often you and others will be in touch, what kind of support they will give, "
            "and who gives it: the personal adviser, family, carers or other services."
        ),
        young_person_prompt=(
            "Ask: who do you want support from? How often do you want to see or hear from us, "
            "and how (visits, calls, messages)?"
        ),
    ),
    PlanSectionDefinition(
        key="education_and_training",
        planned_field="planned_activity",
        number=2,
        title="Education and training",
        young_person_title=gettext_noop("Your education and training"),
        help=(
            "A detailed plan for education or training: where, which course, the help they "
            "will get (bursaries, travel, equipment) and who at the school or college is "
            "involved."
        ),
        young_person_prompt=(
            "Ask: what do you want to learn or study? What would help you keep going?"
        ),
    ),
    PlanSectionDefinition(
        key="employment",
        number=3,
        title="Employment and other purposeful activity",
        young_person_title=gettext_noop("Work and things to do"),
        help=(
            "How the council will help them into work or other purposeful activity: jobs, "
            "apprenticeships, volunteering, work experience, help with applications."
        ),
        young_person_prompt="Ask: what kind of work or activity interests you?",
    ),
    PlanSectionDefinition(
        key=CONTINGENCY,
        number=4,
        title="Contingency plan",
        young_person_title=gettext_noop("If things do not go to plan"),
        help=(
            "What happens if the plan stops working: who they contact (including the duty "
            "team and out of hours), where they could stay, and what the council will do. "
            "A plan cannot be submitted without a contingency plan."
        ),
        young_person_prompt=(
            "Ask: if things go wrong, who would you turn to? Where would you want to stay?"
        ),
        assessment_label="The contingency plan",
    ),
    PlanSectionDefinition(
        key="accommodation",
        planned_field="planned_accommodation",
        number=5,
        title="Accommodation",
        young_person_title=gettext_noop("Where you live"),
        help=(
            "Where they live, whether it is suitable and what was taken into account: "
            "facilities, state of repair, safety, location, support, tenancy, what it costs "
            "and whether they can afford it, and their own view of it (Schedule 2)."
        ),
        young_person_prompt=(
            "Ask: how do you feel about where you live? Do you feel safe? What would you change?"
        ),
    ),
    PlanSectionDefinition(
        key="relationships",
        number=6,
        title="Family and social relationships",
        young_person_title=gettext_noop("Family, friends and relationships"),
        help=(
            "The support they will get to build and keep up relationships with family, "
            "friends and others who matter to them."
        ),
        young_person_prompt="Ask: who is important to you? Who do you want to see more, or less?",
    ),
    PlanSectionDefinition(
        key="practical_skills",
        number=7,
        title="Practical and independent living skills",
        young_person_title=gettext_noop("Skills for living on your own"),
        help=(
            "A programme to build practical skills for living independently: cooking, "
            "shopping, budgeting, paying bills, looking after a home, using services."
        ),
        young_person_prompt="Ask: what can you do already? What would you like help learning?",
    ),
    PlanSectionDefinition(
        key="finance",
        number=8,
        title="Financial support",
        young_person_title=gettext_noop("Money"),
        help=(
            "The financial support they will get, in particular for accommodation and living "
            "costs: benefits, allowances, setting up home allowance, bursaries, and how they "
            "manage money."
        ),
        young_person_prompt="Ask: how are you managing with money? What worries you about it?",
    ),
    PlanSectionDefinition(
        key="health",
        number=9,
        title="Health and wellbeing",
        young_person_title=gettext_noop("Your health"),
        help=(
            "Their health needs, including mental health, and how they will be met: GP, "
            "dentist, health history, prescriptions, mental health support."
        ),
        young_person_prompt="Ask: how are you feeling, in body and mind? What help do you want?",
    ),
    PlanSectionDefinition(
        key=IDENTITY,
        number=10,
        title="Identity: faith, culture and language",
        young_person_title=gettext_noop("Who you are: faith, culture and language"),
        help=(
            "Their needs arising from their religion, racial origin, culture and language, "
            "and how they will be met. This starts from what the record says about their "
            "faith, culture and first language: check it with them."
        ),
        young_person_prompt=(
            "Ask: what matters to you about your faith, culture, language or background?"
        ),
    ),
)

SECTIONS_BY_KEY: dict[str, PlanSectionDefinition] = {s.key: s for s in PLAN_SECTIONS}
SECTION_CHOICES: list[tuple[str, str]] = [(s.key, s.title) for s in PLAN_SECTIONS]
assert len(PLAN_SECTIONS) == 10, "Schedule 1 has ten matters"


@dataclass(frozen=True)
class AssessmentMatterDefinition:
    key: str
    title: str
    help: str


ASSESSMENT_CITATION = f"{CPPCR_REGS}, regulation 42(2)"

# CPPCR 2010 reg 42(2): the matters a needs assessment must take into account.
ASSESSMENT_MATTERS: tuple[AssessmentMatterDefinition, ...] = (
    AssessmentMatterDefinition(
        "health",
        "Health and development",
        "Physical, emotional and mental health, and development.",
    ),
    AssessmentMatterDefinition(
        "education_training_employment",
        "Education, training and employment",
        "What they need to carry on with education, training or work.",
    ),
    AssessmentMatterDefinition(
        "family_support",
        "Support from family and others",
        "The support available from parents and other people connected to them.",
    ),
    AssessmentMatterDefinition(
        "finance",
        "Money",
        "The money they have and expect to have, and how well they can manage it.",
    ),
    AssessmentMatterDefinition(
        "practical_skills",
        "Practical skills for living independently",
        "Practical and other skills they need to live on their own.",
    ),
    AssessmentMatterDefinition(
        "care_support_accommodation",
        "Care, support and accommodation",
        "Their need for continuing care, support and somewhere to live.",
    ),
    AssessmentMatterDefinition(
        "wishes_and_feelings",
        "Wishes and feelings",
        "What the young person wants and feels, and what their parents and the "
        "appropriate person think.",
    ),
    AssessmentMatterDefinition(
        "views_of_others",
        "Views of others",
        "What their school or college, independent reviewing officer, health professionals, "
        "personal adviser and others said.",
    ),
)

ASSESSMENT_MATTERS_BY_KEY = {m.key: m for m in ASSESSMENT_MATTERS}
ASSESSMENT_MATTER_CHOICES = [(m.key, m.title) for m in ASSESSMENT_MATTERS]
