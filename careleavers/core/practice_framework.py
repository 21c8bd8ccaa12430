"""The frameworks the service is judged against, as plain data shared by audits and insight.

Ofsted grades "the experiences and progress of care leavers" as a separate ILACS judgement on a
four-point scale; the focus areas below are the ones Ofsted named when it introduced the judgement
(docs/law/quality-and-inspection.md). The corporate parenting principles are the seven duties
of the Children and Social Work Act 2017 s.1 (same page). Audit questions and the
self-assessment pack are organised by these areas and tagged with these principles.
"""

from __future__ import annotations

CodeList = tuple[tuple[str, str], ...]

# Ofsted's four-point scale (ILACS), best first; docs/law/quality-and-inspection.md.
GRADES: CodeList = (
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
)

# Focus areas Ofsted named for the care leaver judgement (docs/law/quality-and-inspection.md).
# The wording of the evaluation criteria themselves was not at hand; these are the area titles.
JUDGEMENT_AREAS: CodeList = (
    ("relationships", "Relationships and access to social and recreational opportunities"),
    ("influence", "Ability to influence the services they receive"),
    ("health", "Health and emotional wellbeing"),
    ("learning_employment", "Learning and employment"),
    ("adulthood", "Good decisions and support into adulthood"),
)

# Children and Social Work Act 2017 s.1(1)(a)-(g); docs/law/quality-and-inspection.md.
CORPORATE_PARENTING_PRINCIPLES: CodeList = (
    ("a", "Act in their best interests and promote physical and mental health and wellbeing"),
    ("b", "Encourage them to express their views, wishes and feelings"),
    ("c", "Take their views, wishes and feelings into account"),
    ("d", "Help them gain access to and make the best use of services"),
    ("e", "Promote high aspirations and seek the best outcomes"),
    ("f", "Keep them safe, with stability in home life, relationships and education or work"),
    ("g", "Prepare them for adulthood and independent living"),
)


def label(codes: CodeList, code: str) -> str:
    return dict(codes).get(code, code)
