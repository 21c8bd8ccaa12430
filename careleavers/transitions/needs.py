"""Who needs transition planning and who has complex needs; the order of a referral's dates.

Pure functions over plain values: no database, no Django.
"""

from __future__ import annotations

import datetime

from careleavers.core.dates import birthday, format_date
from careleavers.core.past_days import not_after_today

# SEND Code of Practice 2015 ch. 8 and Care Act 2014 s.58: plan for adulthood from 16 with
# those likely to need adult support (EHC plan, learning needs), while leaving care support lasts.
TRANSITION_PLANNING_FROM_AGE = 16
LEAVING_CARE_SUPPORT_ENDS_AGE = 25


def transition_planning_from(date_of_birth: datetime.date) -> datetime.date:
    # SEND Code of Practice 2015 ch. 8: planning starts by the 16th birthday at the latest.
    return birthday(date_of_birth, TRANSITION_PLANNING_FROM_AGE)


def needs_transition_plan(
    *,
    date_of_birth: datetime.date,
    has_ehc_plan: bool,
    has_learning_needs: bool,
    today: datetime.date,
) -> bool:
    # SEND CoP 2015 ch. 8 / Care Act 2014 s.58: from 16 to 25 with an EHC plan or learning needs.
    if not (has_ehc_plan or has_learning_needs):
        return False
    return (
        transition_planning_from(date_of_birth)
        <= today
        < birthday(date_of_birth, LEAVING_CARE_SUPPORT_ENDS_AGE)
    )


def has_complex_needs(
    *, has_ehc_plan: bool, learning_needs: str, disability: str, mental_health_needs: bool
) -> bool:
    # Ofsted monitoring letter 2022: "complex learning and mental health needs" are the ones
    # that struggle to reach adult services, so any of these counts.
    return bool(
        has_ehc_plan or learning_needs.strip() or disability.strip() or mental_health_needs
    )


# The dates of a referral in the order they happen, with the words used in messages.
DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("referred_on", "the date referred"),
    ("acknowledged_on", "the date acknowledged"),
    ("assessed_on", "the date assessed"),
    ("decided_on", "the date decided"),
    ("support_started_on", "the date support started"),
)
DATE_SUBJECTS = {
    "referred_on": "Date referred",
    "acknowledged_on": "Date acknowledged",
    "assessed_on": "Date assessed",
    "decided_on": "Date decided",
    "support_started_on": "Date support started",
    "withdrawn_on": "Date withdrawn",
}


def referral_date_problems(
    dates: dict[str, datetime.date | None], *, today: datetime.date
) -> dict[str, str]:
    """What is wrong with a referral's dates, by field: a date in the future, or a date before
    an earlier step (a decision before the referral). Missing steps are skipped, because a
    service can decide without a separate assessment or acknowledgement."""
    problems: dict[str, str] = {}
    for field, value in dates.items():
        not_after_today(problems, field, value, subject=DATE_SUBJECTS[field], today=today)
    words = dict(DATE_ORDER)
    latest: tuple[str, datetime.date] | None = None
    for field, _ in DATE_ORDER:
        value = dates.get(field)
        if value is None:
            continue
        if latest is not None and value < latest[1]:
            problems.setdefault(
                field,
                f"{DATE_SUBJECTS[field]} must be the same as or after "
                f"{words[latest[0]]} ({format_date(latest[1])})",
            )
        else:
            latest = (field, value)
    withdrawn = dates.get("withdrawn_on")
    referred = dates.get("referred_on")
    if withdrawn and referred and withdrawn < referred and "withdrawn_on" not in problems:
        problems["withdrawn_on"] = (
            f"Date withdrawn must be the same as or after the date referred "
            f"({format_date(referred)})"
        )
    return problems


def decision_problems(
    *, outcome: str, alternative_support: str, support_started_on: datetime.date | None
) -> dict[str, str]:
    """A decision of threshold not met must say what support the young person gets instead;
    support from the service can only start when its threshold was met."""
    # Local practice (Ofsted monitoring letter 2022): leaders must see what happens to those
    # who do not meet adult thresholds.
    problems: dict[str, str] = {}
    if outcome == "not_met" and not alternative_support.strip():
        problems["alternative_support"] = "Enter the support the young person will get instead"
    if support_started_on is not None and outcome != "met":
        problems["support_started_on"] = (
            "Support from the service can only start when the threshold was met"
        )
    return problems
