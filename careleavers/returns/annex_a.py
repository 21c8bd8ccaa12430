"""Ofsted ILACS Annex A, List 9 (care leavers): the columns and the "a) Label" values.

Pure: plain values in, the row of strings out. Columns and labels are those of
docs/data/annex-a.md (liia-tools' sample workbook and the Data to
Insight Annex A SQL); the exact official wording of the newer columns (UASC, personal adviser,
pathway plan, latest contact) is unverified there, and pinned by tests here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careleavers.core import dfe_codes
from careleavers.returns import ssda903

SHEET_NAME = "List 9"

# docs/data/annex-a.md: the recommended union of the two templates, in this order.
COLUMNS = (
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age",
    "UASC",
    "Does the Child have a Disability",
    "Allocated Team",
    "Allocated Worker",
    "Allocated Personal Adviser",
    "Eligibility Category",
    "Date of Latest Pathway Plan",
    "LA in Touch",
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
    has_disability: bool
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
    parts = None
    if (
        person.accom
        and person.accom != ssda903.ZERO
        and dfe_codes.is_valid(dfe_codes.ACCOM, person.accom)
    ):
        parts = dfe_codes.accom_parts(person.accom)
    return [
        person.child_id,
        GENDER.get(person.sex, GENDER["U"]),
        ethnicity_label(person.ethnicity),
        ssda903.format_date(person.date_of_birth),
        str(ssda903.age_on(person.date_of_birth, today)),
        YES if person.is_separated_migrant else NO,
        YES if person.has_disability else NO,
        person.team,
        person.worker,
        person.personal_adviser,
        CATEGORY.get(person.category, ""),
        ssda903.format_date(person.latest_pathway_plan),
        IN_TOUCH.get(person.in_touch, ""),
        ssda903.format_date(person.latest_contact),
        ACCOMMODATION[parts[0]] if parts else "",
        SUITABILITY[parts[1]] if parts else "",
        ACTIVITY.get(person.activ or "", ""),
    ]
