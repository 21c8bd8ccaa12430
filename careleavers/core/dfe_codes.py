"""DfE SSDA903 code lists as plain data.

This module is the single home of the DfE codes the service records. Each list is a tuple of
``(code, label)`` pairs in the order the DfE publishes them, so Django model choices, forms,
importers and exporters can all be built from the same data. It deliberately imports nothing
from Django: the statutory logic and the SSDA903 importer use it outside a request.

Codes are taken from the sector's SSDA903 validator (csc-validator-be-903) and the wording from
the DfE meanings collected in docs/data/ssda903.md §3 and §4.
"""

from __future__ import annotations

from enum import Enum

CodeList = tuple[tuple[str, str], ...]

# SSDA903 Header SEX, validator rule 101 (M, F, U from 2024/25); docs/data/ssda903.md §4.
# The label for U is not confirmed from the DfE guide.
SEX: CodeList = (
    ("M", "Male"),
    ("F", "Female"),
    ("U", "Not known"),
)

# Returns before 2024/25 (and liia-tools, UASC files) used 1 and 2; docs/data/ssda903.md §4.
SEX_OLD_CODES: dict[str, str] = {"1": "M", "2": "F"}

# SSDA903 Header ETHNIC, validator rule 103; docs/data/ssda903.md §4.
ETHNIC: CodeList = (
    ("WBRI", "White British"),
    ("WIRI", "White Irish"),
    ("WOTH", "Any other White background"),
    ("WIRT", "Traveller of Irish heritage"),
    ("WROM", "Gypsy/Roma"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other Mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Caribbean"),
    ("BAFR", "African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Refused"),
    ("NOBT", "Information not yet obtained"),
)

# SSDA903 Header UPN default codes when the UPN is unknown, validator rule 168;
# docs/data/ssda903.md §4.
UPN_UNKNOWN: CodeList = (
    ("UN1", "Not of school age and not yet given a unique pupil number (UPN)"),
    ("UN2", "Never attended a maintained school in England (for example, some UASC)"),
    ("UN3", "Educated outside England"),
    ("UN4", "Newly looked after and the UPN was not yet known at the time of the return"),
    ("UN5", "Sources collating UPNs show discrepancies that prevent reliable matching"),
)

# SSDA903 Episodes RNE (reason for new episode), validator rule 143; docs/data/ssda903.md §4.
RNE: CodeList = (
    ("S", "Started to be looked after"),
    ("L", "Change of legal status only"),
    ("P", "Change of placement and carer(s) only"),
    ("T", "Change of placement (but same carer(s)) only"),
    ("B", "Change of legal status and placement and carer(s) at the same time"),
    ("U", "Change of legal status and change of placement (but same carer(s)) at the same time"),
)

# SSDA903 Episodes LS (legal status), validator rule 144; docs/data/ssda903.md §4.
LS: CodeList = (
    ("C1", "Interim care order"),
    ("C2", "Full care order"),
    ("D1", "Freeing order granted"),
    ("E1", "Placement order granted"),
    ("V2", "Single period of accommodation under section 20 (Children Act 1989)"),
    (
        "V3",
        (
            "Accommodated under an agreed series of short-term breaks, "
            "when individual episodes of care are recorded"
        ),
    ),
    (
        "V4",
        (
            "Accommodated under an agreed series of short-term breaks, "
            "when agreements are recorded (NOT individual episodes of care)"
        ),
    ),
    ("L1", "Under police protection and in local authority accommodation"),
    ("L2", "Emergency protection order (EPO)"),
    ("L3", "Under child assessment order and in local authority accommodation"),
    ("J1", "Remanded to local authority accommodation or to youth detention accommodation"),
    (
        "J2",
        (
            "Placed in local authority accommodation under the Police and Criminal Evidence Act "
            "1984, including secure accommodation"
        ),
    ),
    (
        "J3",
        (
            "Sentenced to Youth Rehabilitation Order with residence or intensive fostering "
            "requirement"
        ),
    ),
)

# Legal statuses that record an agreed series of short breaks (CPPCR 2010 reg 48), which never
# make a child eligible (reg 40(2)); docs/law/care-leaver-categories.md (short breaks).
SHORT_BREAK_LEGAL_STATUSES: frozenset[str] = frozenset({"V3", "V4"})

# SSDA903 Header/Episodes CIN (category of need), validator rule 145; docs/data/ssda903.md §4.
CIN: CodeList = (
    ("N1", "Abuse or neglect"),
    ("N2", "Child's disability"),
    ("N3", "Parental illness or disability"),
    ("N4", "Family in acute stress"),
    ("N5", "Family dysfunction"),
    ("N6", "Socially unacceptable behaviour"),
    ("N7", "Low income"),
    ("N8", "Absent parenting"),
)

# SSDA903 Episodes PLACE (placement type), validator rule 146, 2025/26 list;
# docs/data/ssda903.md §4.
# The separate meanings of Z11 to Z14 (which replace Z1) were not found.
PLACE: CodeList = (
    ("A3", "Placed for adoption with consent with current foster carer(s)"),
    ("A4", "Placed for adoption with consent not with current foster carer(s)"),
    ("A5", "Placed for adoption with placement order with current foster carer(s)"),
    ("A6", "Placed for adoption with placement order not with current foster carer(s)"),
    ("K1", "Secure children's homes"),
    ("K2", "Children's homes subject to Children's Homes Regulations"),
    ("K3", "Registered supported accommodation"),
    ("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
    ("P3", "Residential employment"),
    ("R1", "Residential care home"),
    (
        "R2",
        (
            "National Health Service (NHS)/health trust or other establishment providing medical "
            "or nursing care"
        ),
    ),
    ("R3", "Family centre or mother and baby unit"),
    ("R5", "Young offender institution (YOI)"),
    (
        "S1",
        "All residential schools, except where dual-registered as a school and children's home",
    ),
    ("T0", "All types of temporary move"),
    ("T1", "Temporary periods in hospital"),
    ("T2", "Temporary absences of the child on holiday"),
    ("T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday"),
    (
        "T4",
        (
            "Temporary accommodation of seven days or less, for any reason, not covered by codes "
            "T1 to T3"
        ),
    ),
    ("U1", "Foster placement with relative(s) or friend(s) – long term fostering"),
    (
        "U2",
        (
            "Foster placement with relative(s) or friend(s) who is/are also an approved "
            "adopter(s) – fostering for adoption/concurrent planning"
        ),
    ),
    (
        "U3",
        (
            "Foster placement with relative(s) or friend(s) – not long term or fostering for "
            "adoption/concurrent planning"
        ),
    ),
    ("U4", "Foster placement with other foster carer(s) – long term fostering"),
    (
        "U5",
        (
            "Foster placement with other foster carer(s) who is/are also an approved adopter(s) "
            "– fostering for adoption/concurrent planning"
        ),
    ),
    (
        "U6",
        (
            "Foster placement with other foster carer(s) – not long term or fostering for "
            "adoption/concurrent planning"
        ),
    ),
    ("Z11", "Other placements (Z11)"),
    ("Z12", "Other placements (Z12)"),
    ("Z13", "Other placements (Z13)"),
    ("Z14", "Other placements (Z14)"),
)

# Placement types retired before 2025/26 that still appear in older returns;
# docs/data/ssda903.md §4.
PLACE_RETIRED: CodeList = (
    ("H5", "Semi-independent living accommodation not subject to children's homes regulations"),
    (
        "P2",
        (
            "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or "
            "with friends, with or without formal support"
        ),
    ),
    ("Z1", "Other placements"),
)

# SSDA903 Episodes PLACE_PROVIDER, validator rule 178; docs/data/ssda903.md §4. Blank for
# placements T0 to T3 and Z11 to Z14.
PLACE_PROVIDER: CodeList = (
    ("PR0", "Parent(s) or other person(s) with parental responsibility"),
    ("PR1", "Own provision (by the local authority)"),
    ("PR2", "Other local authority provision"),
    ("PR3", "Other public provision (for example, an NHS trust)"),
    ("PR4", "Private provision"),
    ("PR5", "Voluntary or third sector provision"),
)
NO_PROVIDER_PLACEMENTS: frozenset[str] = frozenset(
    {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"}
)

# SSDA903 Episodes REC (reason episode ceased), validator rule 149; docs/data/ssda903.md §4.
REC: CodeList = (
    ("X1", "Episode ceases, and new episode begins on same day, for any reason"),
    ("E11", "Adopted – application for an adoption order unopposed"),
    ("E12", "Adopted – consent dispensed with by the court"),
    (
        "E13",
        (
            "Left care to live with parent(s), relative(s), or other person(s) with no parental "
            "responsibility"
        ),
    ),
    ("E14", "Accommodation on remand ended"),
    (
        "E15",
        "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply",
    ),
    ("E16", "Child moved abroad"),
    (
        "E17",
        (
            "Aged 18 (or over) and remained with current carers (including under staying put "
            "arrangements)"
        ),
    ),
    ("E2", "Died"),
    ("E3", "Care taken over by another local authority in the UK"),
    (
        "E4A",
        (
            "Returned home to live with parent(s), relative(s), or other person(s) with parental "
            "responsibility as part of the care planning process"
        ),
    ),
    (
        "E4B",
        (
            "Returned home to live with parent(s), relative(s), or other person(s) with parental "
            "responsibility which was not part of the current care planning process"
        ),
    ),
    (
        "E41",
        (
            "Residence order (or, from 22 April 2014, a child arrangement order which sets out "
            "with whom the child is to live) granted"
        ),
    ),
    (
        "E45",
        (
            "Special guardianship order made to former foster carer(s), who was/are a relative(s) "
            "or friend(s)"
        ),
    ),
    (
        "E46",
        (
            "Special guardianship order made to former foster carer(s), other than relative(s) or "
            "friend(s)"
        ),
    ),
    (
        "E47",
        (
            "Special guardianship order made to carer(s), other than former foster carer(s), who "
            "was/are a relative(s) or friend(s)"
        ),
    ),
    (
        "E48",
        (
            "Special guardianship order made to carer(s), other than former foster carer(s), "
            "other than relative(s) or friend(s)"
        ),
    ),
    (
        "E5",
        (
            "Moved into independent living arrangement and no longer looked after: supportive "
            "accommodation providing formalised advice/support arrangements"
        ),
    ),
    (
        "E6",
        (
            "Moved into independent living arrangement and no longer looked after: accommodation "
            "providing no formalised advice/support arrangements"
        ),
    ),
    ("E7", "Transferred to residential care funded by adult social care services"),
    (
        "E8",
        (
            "Period of being looked after ceased for any other reason (where none of the other "
            "reasons apply)"
        ),
    ),
    ("E9", "Sentenced to custody"),
)

# Reasons an episode ceased by a special guardianship order (qualifying care leaver route,
# CA 1989 s.24(1A)(a)); docs/data/ssda903.md §4 (REC).
REC_SPECIAL_GUARDIANSHIP: frozenset[str] = frozenset({"E45", "E46", "E47", "E48"})

# SSDA903 Episodes REASON_PLACE_CHANGE, validator rule 1009; docs/data/ssda903.md §4.
REASON_PLACE_CHANGE: CodeList = (
    ("CARPL", "Change to/implementation of care plan"),
    ("CLOSE", "Resignation/closure of provision"),
    ("ALLEG", "Allegation (s47)"),
    ("STAND", "Standards of care concern"),
    ("APPRR", "Approval removed"),
    ("CREQB", "Carer(s) requests placement end due to child's behaviour"),
    ("CREQO", "Carer(s) requests placement end other than due to child's behaviour"),
    ("CHILD", "Child requests placement end"),
    ("LAREQ", "Responsible/area authority requests placement end"),
    ("PLACE", "Change in the status of placement only"),
    ("CUSTOD", "Custody arrangement"),
    ("OTHER", "Other"),
)

# SSDA903 social worker episodes SW_REASON, validator rule SW13STG1; docs/data/ssda903.md §4
# (meanings from the SSD ssd_involvements INVO004A).
SW_REASON: CodeList = (
    ("MANAGE", "Managing caseloads"),
    ("FCONTA", "First contact or re-referral"),
    ("LEFTRL", "Previous social worker left role"),
    ("ORGRST", "Organisational restructure"),
    ("TSPROC", "Child transfer due to standard process"),
    ("ABSENC", "Absence cover or return from absence"),
    ("CHCHAN", "Child requested change"),
    ("PCCHAN", "Parent/carer requested change"),
    ("SWDIED", "Previous social worker died"),
    ("OTHERS", "Other reason"),
)

# SSDA903 OC3 IN_TOUCH, validator rule 131; docs/data/ssda903.md §3.
IN_TOUCH: CodeList = (
    ("YES", "Yes – in touch"),
    ("NO", "No – not in touch"),
    ("DIED", "Died after leaving care"),
    ("REFU", "Young person refuses contact"),
    ("NREQ", "Young person no longer requires children's social care services"),
    (
        "RHOM",
        (
            "Young person returned to live with parents or someone with parental responsibility "
            "for a continuous period of 6 months or more"
        ),
    ),
)

# SSDA903 OC3 ACTIV (main activity), validator rule 132; docs/data/ssda903.md §3.
# F3 and P3 were superseded by F4/F5 and P4/P5 and are rejected by the validator.
ACTIV: CodeList = (
    ("F1", "Full time in higher education (for example, studies beyond A level)"),
    ("P1", "Part time in higher education"),
    ("F2", "Full time in education other than higher education"),
    ("P2", "Part time in education other than higher education"),
    ("F4", "Full time in an apprenticeship"),
    ("P4", "Part time in an apprenticeship"),
    ("F5", "Full time in training or employment (not apprenticeship)"),
    ("P5", "Part time in training or employment (not apprenticeship)"),
    ("G4", "Not in education, employment or training because of illness or disability"),
    ("G5", "Not in education, employment or training: other circumstances"),
    ("G6", "Not in education, employment or training due to pregnancy or parenting"),
    ("0", "Not in touch and activity not known, or died, or returned home"),
)


class EetStatus(Enum):
    """Whether an ACTIV code counts as in education, employment or training."""

    EET = "In education, employment or training"
    NEET = "Not in education, employment or training"
    UNKNOWN = "Not known"


# EET = F1 P1 F2 P2 F4 P4 F5 P5, NEET = G4 G5 G6, 0 = no information; docs/data/ssda903.md §3.
ACTIV_EET: frozenset[str] = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})
ACTIV_NEET: frozenset[str] = frozenset({"G4", "G5", "G6"})

# SSDA903 OC3 ACCOM type letters with DfE meanings, validator rule 133; docs/data/ssda903.md §3.
# The 903 code is the letter plus 1 (suitable) or 2 (unsuitable); see ACCOM for valid codes.
ACCOM_TYPES: CodeList = (
    ("B", "With parent(s) or relative(s)"),
    (
        "C",
        "Community home or other form of residential care such as an NHS establishment",
    ),
    (
        "D",
        (
            "Semi-independent, transitional accommodation (like a supported hostel, trainer "
            "flats); self-contained accommodation with specialist personal assistance support; "
            "and self-contained accommodation with floating support"
        ),
    ),
    (
        "E",
        (
            "Supported lodgings (accommodation, usually in a family home, where adult(s) in the "
            "host family provide formal advice and support)"
        ),
    ),
    ("G", "Gone abroad"),
    ("H", "Deported"),
    ("K", "Ordinary lodgings, without formal support"),
    ("R", "Residence not known"),
    ("S", "No fixed abode / homeless"),
    (
        "T",
        (
            "Foyers and similar supported accommodation which combines the accommodation with "
            "opportunities for education, training or employment"
        ),
    ),
    (
        "U",
        (
            "Independent living, for example independent tenancy of flat, house or bedsit, "
            "including local authority or housing association tenancy, or accommodation provided "
            "by a college or university"
        ),
    ),
    ("V", "Emergency accommodation (like a night shelter, direct access or emergency hostel)"),
    ("W", "Bed and breakfast"),
    ("X", "In custody"),
    ("Y", "Other accommodation"),
    (
        "Z",
        (
            "With former foster carer(s) – fostered and on turning 18 remains with the same "
            "carer(s) who fostered them immediately before"
        ),
    ),
)

# The validator rejects S1 and X1: homelessness and custody are never suitable (rule 133).
ACCOM_ALWAYS_UNSUITABLE: frozenset[str] = frozenset({"S", "X"})
ACCOM_NOT_KNOWN = "0"


def _accom_codes() -> CodeList:
    pairs: list[tuple[str, str]] = []
    for letter, meaning in ACCOM_TYPES:
        if letter not in ACCOM_ALWAYS_UNSUITABLE:
            pairs.append((f"{letter}1", f"{meaning} – suitable"))
        pairs.append((f"{letter}2", f"{meaning} – not suitable"))
    pairs.append(
        (
            ACCOM_NOT_KNOWN,
            "Not in touch and accommodation not known, or died, or returned home",
        )
    )
    return tuple(pairs)


# SSDA903 OC3 ACCOM two-character codes accepted by validator rule 133; docs/data/ssda903.md §3.
ACCOM: CodeList = _accom_codes()


def codes(code_list: CodeList) -> tuple[str, ...]:
    """Return the codes of a list, in the DfE order."""
    return tuple(code for code, _ in code_list)


def label_for(code_list: CodeList, code: str) -> str:
    """Return the DfE wording for ``code``; raise ``KeyError`` if the list does not hold it."""
    for candidate, label in code_list:
        if candidate == code:
            return label
    raise KeyError(f"{code!r} is not a code in this list")


def is_valid(code_list: CodeList, code: str) -> bool:
    """Whether ``code`` is one of the list's codes (exact, case-sensitive match)."""
    return any(candidate == code for candidate, _ in code_list)


def normalise_sex(code: str) -> str:
    """Return the current SEX code for ``code``, translating the pre-2024/25 1 and 2."""
    cleaned = code.strip().upper()
    cleaned = SEX_OLD_CODES.get(cleaned, cleaned)
    if not is_valid(SEX, cleaned):
        raise KeyError(f"{code!r} is not a SEX code")
    return cleaned


def eet_status(activ: str) -> EetStatus:
    """Classify an ACTIV code as EET, NEET or not known (code 0)."""
    if activ in ACTIV_EET:
        return EetStatus.EET
    if activ in ACTIV_NEET:
        return EetStatus.NEET
    if activ == "0":
        return EetStatus.UNKNOWN
    raise KeyError(f"{activ!r} is not an ACTIV code")


def is_eet(activ: str) -> bool:
    """Whether an ACTIV code means in education, employment or training."""
    return eet_status(activ) is EetStatus.EET


ACTIV_FULL_TIME_EET: frozenset[str] = frozenset({"F1", "F2", "F4", "F5"})


def activ_priority(activ: str) -> int:
    """Which of several activities at once is the main one, lowest first.

    The 903 asks for the young person's main activity. When several are recorded for the same
    day this service takes full-time education, employment or training before part-time, and
    either before NEET (the service's reading: the DfE does not say). The EET pages and the
    return both choose with this, so they always agree.
    """
    if activ in ACTIV_FULL_TIME_EET:
        return 0
    if activ in ACTIV_EET:
        return 1
    return 2


def accom_code(letter: str, *, suitable: bool) -> str:
    """Compose the 903 ACCOM code from a type letter and suitability.

    Raises ``ValueError`` for S or X marked suitable, which the DfE validator rejects.
    """
    if not is_valid(ACCOM_TYPES, letter):
        raise KeyError(f"{letter!r} is not an ACCOM type letter")
    if suitable and letter in ACCOM_ALWAYS_UNSUITABLE:
        raise ValueError(f"accommodation type {letter} cannot be recorded as suitable")
    return f"{letter}{'1' if suitable else '2'}"


def accom_parts(code: str) -> tuple[str, bool] | None:
    """Split an ACCOM code into (letter, suitable); ``None`` for 0 (not known)."""
    if not is_valid(ACCOM, code):
        raise KeyError(f"{code!r} is not an ACCOM code")
    if code == ACCOM_NOT_KNOWN:
        return None
    return code[0], code[1] == "1"
