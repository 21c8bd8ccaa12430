"""The default case audit questions and learning themes.

Questions are grouped by the focus areas Ofsted named for the care leaver judgement
(core.practice_framework.JUDGEMENT_AREAS) and tagged with the corporate parenting principles of
the Children and Social Work Act 2017 s.1(1)(a)-(g) (docs/law/quality-and-inspection.md). Ofsted's
evaluation criteria were not at hand word for word, so the questions are the council's own reading of
what "good" looks like, written for auditors; administrators reword, add and retire questions in
the admin site. Audits copy the wording when they start, so changes never alter past audits.

The themes are the ones the Ofsted letter and common audit practice name (voice of the young
person, contingency planning, timeliness of visits...), so themes can be counted across audits.
"""

from django.db import migrations

QUESTIONS = [
    # Relationships and access to social and recreational opportunities
    (
        "relationships",
        "Does the young person have a trusting relationship with their personal adviser, who "
        "knows them well and keeps in touch as often as agreed with them?",
        "Look at contact records, the young person's own words and how the worker describes them.",
        ["a", "f"],
    ),
    (
        "relationships",
        "Has the worker helped the young person keep or rebuild the relationships that matter "
        "to them, such as family, former carers, siblings and friends, where that is safe?",
        "",
        ["c", "f"],
    ),
    (
        "relationships",
        "Is the young person supported to take part in social, leisure and community "
        "activities they enjoy?",
        "Including the service's groups, clubs, faith and cultural communities.",
        ["a", "d", "e"],
    ),
    (
        "relationships",
        "Where the young person changed worker, was the change planned and explained, so they "
        "did not have to retell their story?",
        "Answer 'does not apply' if they have had the same worker throughout.",
        ["b", "f"],
    ),
    # Ability to influence the services they receive
    (
        "influence",
        "Are the young person's views, wishes and feelings recorded in their own words "
        "throughout the record?",
        "",
        ["b"],
    ),
    (
        "influence",
        "Is there evidence that the young person's views changed what was planned or provided "
        "for them?",
        "",
        ["c"],
    ),
    (
        "influence",
        "Does the young person know what they are entitled to under the local offer, and how "
        "to ask for more or complain?",
        "",
        ["b", "d"],
    ),
    (
        "influence",
        "Has the young person been offered an advocate, and ways to help shape the service, "
        "such as a care leavers forum?",
        "",
        ["b", "d"],
    ),
    # Health and emotional wellbeing
    (
        "health",
        "Are the young person's physical, mental and emotional health needs known, with a plan "
        "to meet them?",
        "",
        ["a"],
    ),
    (
        "health",
        "Is the young person registered with a GP and a dentist, and have they been given "
        "their health history?",
        "",
        ["a", "d", "g"],
    ),
    (
        "health",
        "Where the young person needed specialist help, was it sought promptly and chased, "
        "with support given while they waited?",
        "For example mental health, substance misuse, or adult social care.",
        ["a", "d"],
    ),
    (
        "health",
        "Are risks to the young person's safety identified and acted on, with a plan they "
        "know about?",
        "For example exploitation, self-harm, going missing or unsafe relationships.",
        ["a", "f"],
    ),
    # Learning and employment
    (
        "learning_employment",
        "Is the young person in education, employment or training, or is there an active plan "
        "to help them into it?",
        "",
        ["e"],
    ),
    (
        "learning_employment",
        "Do the plans for learning and work reflect high aspirations and the young person's own "
        "goals, including higher education or apprenticeships where they suit?",
        "",
        ["c", "e"],
    ),
    (
        "learning_employment",
        "Has the young person had the financial and practical help they are entitled to, to "
        "start and stay in learning or work?",
        "Bursaries, travel, equipment, and help with applications and interviews.",
        ["d", "e"],
    ),
    (
        "learning_employment",
        "For a young person aged 16 to 18, is there a current personal education plan that "
        "tracks their progress?",
        "Answer 'does not apply' for young people aged 18 or over.",
        ["e", "f"],
    ),
    # Good decisions and support into adulthood
    (
        "adulthood",
        "Is there a current pathway plan, reviewed in the last 6 months, written with the "
        "young person in words they understand?",
        "",
        ["c", "g"],
    ),
    (
        "adulthood",
        "Does the pathway plan include a contingency plan that says what will happen if things "
        "change?",
        "",
        ["f", "g"],
    ),
    (
        "adulthood",
        "Is the young person living in suitable accommodation, with a plan for where they will "
        "live next?",
        "",
        ["f", "g"],
    ),
    (
        "adulthood",
        "Does the young person have their important documents and a bank account, and help to "
        "budget and manage money?",
        "Birth certificate, passport or ID, National Insurance number.",
        ["d", "g"],
    ),
    (
        "adulthood",
        "Is management oversight clear on the record, with decisions, their reasons and "
        "follow-up?",
        "",
        ["a", "f"],
    ),
]

THEMES = [
    ("voice", "Voice of the young person"),
    ("contingency", "Contingency planning"),
    ("visits", "Timeliness of visits and contact"),
    ("pathway-plan", "Quality of the pathway plan"),
    ("oversight", "Management oversight"),
    ("recording", "Quality of recording"),
    ("health", "Health and emotional wellbeing"),
    ("eet", "Education, employment and training"),
    ("accommodation", "Accommodation and housing"),
    ("relationships", "Relationships and family time"),
    ("transitions", "Transitions to adult services"),
    ("entitlements", "Understanding of the local offer"),
    ("worker-changes", "Changes of worker and handovers"),
    ("risk", "Risk and safety planning"),
    ("identity", "Identity, culture and faith"),
]


def add_defaults(apps, schema_editor):
    Question = apps.get_model("quality", "AuditQuestion")
    Theme = apps.get_model("quality", "AuditTheme")
    Question.objects.bulk_create(
        Question(area=area, text=text, hint=hint, principles=principles, display_order=index * 10)
        for index, (area, text, hint, principles) in enumerate(QUESTIONS, start=1)
    )
    Theme.objects.bulk_create(
        Theme(key=key, label=label, display_order=index * 10)
        for index, (key, label) in enumerate(THEMES, start=1)
    )


def remove_defaults(apps, schema_editor):
    apps.get_model("quality", "AuditQuestion").objects.all().delete()
    apps.get_model("quality", "AuditTheme").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_squashed")]
    # Recorded as 0003_default_questions_and_themes by installs from before the squash (December 2026).
    replaces = [("quality", "0003_default_questions_and_themes")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
