"""Ofsted ILACS Annex A, List 9 (care leavers): the columns and the "a) Label" values.

Pure: plain values in, the row of strings out. The Annex A labels live here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careleavers.core import dfe_codes
from careleavers.core.dates import age_on
from careleavers.returns import ssda903

SHEET_NAME = "List 9"

# The List 9 column headings in the order of Ofsted's current template: "Annex A: data set",
# List 9 "Leaving care services", published with "Inspecting local authority children's
# services" (Ofsted, framework updated 5 April 2024). The headings were transcribed from that
# template by Data to Insight into their Annex A SQL for the Standard Safeguarding Dataset
# (data-to-insight/ssd-data-model, AA_9_care_leavers, last modified 13 February 2024; the
# commented column list), which is the copy this service could read (data-standards.md 2.1).
# The template itself was not at hand: check against the spreadsheet Ofsted sends with the
# inspection notification, and change the words here only.
TEMPLATE_SOURCE = (
    "Ofsted ILACS Annex A data set, List 9 Leaving care services (framework of 5 April 2024), "
    "as transcribed in Data to Insight's Annex A SQL of 13 February 2024"
)
COLUMNS = (
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over",
    "Does the Child have a Disability",
    "Allocated Team",
    "Allocated Worker",
    "Allocated Personal Advisor",
    "Eligibility Category",
    "LA in Touch",
    "Latest Pathway Plan Review Date",
    "Latest Date of Contact",
    "Type of Accommodation",
    "Suitability of Accommodation",
    "Activity Status",
)

# docs/data/annex-a.md (D2I SQL). U is the 903's "not known", which Annex A calls not stated.
GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}

ETHNICITY_ORDER = (
    "WBRI",
    "WIRI",
    "WIRT",
    "WOTH",
    "WROM",
    "MWBC",
    "MWBA",
    "MWAS",
    "MOTH",
    "AIND",
    "APKN",
    "ABAN",
    "AOTH",
    "BCRB",
    "BAFR",
    "BOTH",
    "CHNE",
    "OOTH",
    "REFU",
    "NOBT",
)
ETHNICITY_UNKNOWN = "u) UNKNOWN"

YES, NO = "a) Yes", "b) No"
# Disability is yes, no or not known: a record that says nothing is not a "no".
DISABILITY = {"yes": YES, "no": NO, "": "c) Not known"}

CATEGORY = {
    "relevant": "a) Relevant child",
    "former_relevant": "b) Former relevant child",
    "qualifying": "c) Qualifying care leaver",
    "eligible": "d) Eligible child",
}

IN_TOUCH = {
    "YES": "a) Yes",
    "NO": "b) No",
    "DIED": "c) Died",
    "REFU": "d) Refu",
    "NREQ": "e) NREQ",
    "RHOM": "f) Rhom",
}

ACCOMMODATION = {
    "B": "B: Parents/relatives",
    "C": "C: Community home / residential care",
    "D": ("D: Semi-independent, transitional accommodation and self-contained accommodation"),
    "E": "E: Supported lodgings",
    "G": "G: Abroad",
    "H": "H: Deported",
    "K": "K: Ordinary lodgings, without formal support",
    "R": "R: Residence not known",
    "S": "S: No fixed abode / homeless",
    "T": "T: Foyers and similar supported accommodation",
    "U": "U: Independent living",
    "V": "V: Emergency accommodation",
    "W": "W: Bed and breakfast",
    "X": "X: In custody",
    "Y": "Y: Other accommodation",
    "Z": "Z: With former foster carers",
}

SUITABILITY = {True: "a) Suitable", False: "b) Unsuitable"}

ACTIVITY = {
    "F1": "F1: Full time in higher education",
    "P1": "P1: Part time in higher education",
    "F2": "F2: Full time in education other than higher",
    "P2": "P2: Part time in education other than higher",
    "F4": "F4: Young person engaged full time in an apprenticeship",
    "P4": "P4: Young person engaged part time in an apprenticeship",
    "F5": "F5: Young person engaged full time in training or employment (not apprenticeship)",
    "P5": "P5: Young person engaged part time in training or employment (not apprenticeship)",
    "G4": "G4: Not in education, employment or training - illness or disability",
    "G5": "G5: Not in education, employment or training - other",
    "G6": "G6: Not in education, employment or training - pregnancy or parenting",
}


# Each ACCOM code's (letter, suitable), looked up once per row; 0 (not known) and anything
# that is not an ACCOM code have none, and leave both columns blank.
_ACCOM_PARTS = {
    code: parts
    for code in dfe_codes.codes(dfe_codes.ACCOM)
    if (parts := dfe_codes.accom_parts(code)) is not None
}


def ethnicity_label(code: str) -> str:
    """``a) WBRI`` and so on in the Annex A order; ``u) UNKNOWN`` for anything else."""
    if code in ETHNICITY_ORDER:
        return f"{chr(ord('a') + ETHNICITY_ORDER.index(code))}) {code}"
    return ETHNICITY_UNKNOWN


@dataclass(frozen=True)
class Person:
    """What one List 9 row says about a care leaver (codes and dates, not labels)."""

    child_id: str
    sex: str
    ethnicity: str
    date_of_birth: date
    is_separated_migrant: bool
    has_disability: str  # "yes", "no" or "" (not known)
    team: str
    worker: str
    personal_adviser: str
    category: str
    latest_pathway_plan: date | None
    in_touch: str
    latest_contact: date | None
    accom: str | None
    activ: str | None


def row(person: Person, *, today: date) -> list[str]:
    """The List 9 row, in COLUMNS order. Unrecorded values are left blank, never guessed."""
    parts = _ACCOM_PARTS.get(person.accom or "")
    return [
        person.child_id,
        GENDER.get(person.sex, GENDER["U"]),
        ethnicity_label(person.ethnicity),
        ssda903.format_date(person.date_of_birth),
        str(age_on(person.date_of_birth, today)),
        YES if person.is_separated_migrant else NO,
        DISABILITY.get(person.has_disability, DISABILITY[""]),
        person.team,
        person.worker,
        person.personal_adviser,
        CATEGORY.get(person.category, ""),
        IN_TOUCH.get(person.in_touch, ""),
        ssda903.format_date(person.latest_pathway_plan),
        ssda903.format_date(person.latest_contact),
        ACCOMMODATION[parts[0]] if parts else "",
        SUITABILITY[parts[1]] if parts else "",
        ACTIVITY.get(person.activ or "", ""),
    ]
