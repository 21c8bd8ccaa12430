"""Words and rows for the pages: how a referral, a wait and a health record read.

Plain functions from records to the dicts the GOV.UK template tags take; no queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString

from careleavers.core.dates import format_date
from careleavers.core.templatetags.govuk import govuk_tag
from careleavers.people.models import YoungPerson
from careleavers.transitions.models import HealthProfile, Outcome, Referral, Registration
from careleavers.transitions.needs import needs_transition_plan, transition_planning_from
from careleavers.transitions.selectors import ReferralWait, ServiceWaitingRow, WaitingRow
from careleavers.transitions.waits import MonthWaits, format_days

OUTCOME_COLOURS = {
    Outcome.THRESHOLD_MET: "green",
    Outcome.THRESHOLD_NOT_MET: "orange",
    Outcome.SIGNPOSTED: "purple",
}


def status_tag(referral: Referral, *, over_target: bool) -> SafeString:
    if referral.withdrawn_on is not None:
        return govuk_tag("Withdrawn", "grey")
    if referral.outcome:
        return govuk_tag(
            referral.get_outcome_display(), OUTCOME_COLOURS[Outcome(referral.outcome)]
        )
    if over_target:
        return govuk_tag("Waiting: over target", "red")
    return govuk_tag("Waiting", "blue")


def wait_text(row: ReferralWait) -> str:
    """ "Waiting 45 days (target 28 days, 17 days over)" or "Waited 12 days (target 28 days)"."""
    target = format_days(row.referral.service.target_wait_days)
    verb = "Waiting" if row.is_open else "Waited"
    text = f"{verb} {format_days(row.wait)} (target {target}"
    if row.over_target:
        text += f", {format_days(row.days_over)} over"
    return text + ")"


def referral_url(referral: Referral, name: str = "referral_detail") -> str:
    return reverse(
        f"transitions:{name}",
        kwargs={"pk": referral.young_person_id, "referral_pk": referral.pk},
    )


def referral_rows(row: ReferralWait, *, can_change: bool) -> list[dict[str, Any]]:
    """The referral's summary list, with change links for those who may change it."""
    referral = row.referral

    def change(name: str, hidden: str) -> dict[str, str]:
        if not can_change or referral.withdrawn_on is not None:
            return {}
        return {"href": referral_url(referral, name), "action_hidden": hidden}

    rows: list[dict[str, Any]] = [
        {"key": "Service", "value": referral.service.name},
        {"key": "Why they were referred", "value": referral.reason},
    ]
    if referral.section_117_aftercare:
        rows.append({"key": "Section 117 aftercare", "value": "Applies"})
    rows += [
        {"key": "Date referred", "value": referral.referred_on},
        {
            "key": "Date acknowledged",
            "value": referral.acknowledged_on,
            **change("referral_progress", "date acknowledged"),
        },
        {
            "key": "Date assessed",
            "value": referral.assessed_on,
            **change("referral_progress", "date assessed"),
        },
        {"key": "Wait", "value": wait_text(row)},
        {
            "key": "Decision",
            "value": (
                f"{referral.get_outcome_display()} on {format_date(referral.decided_on)}"
                if referral.decided_on
                else ""
            ),
            **change("referral_decision", "decision"),
        },
    ]
    if referral.decision_notes:
        rows.append({"key": "About the decision", "value": referral.decision_notes})
    if referral.outcome == Outcome.THRESHOLD_NOT_MET:
        rows.append({"key": "Support given instead", "value": referral.alternative_support})
    if referral.outcome == Outcome.THRESHOLD_MET:
        rows.append(
            {
                "key": "Date support started",
                "value": referral.support_started_on,
                **change("referral_support", "date support started"),
            }
        )
    if referral.withdrawn_on is not None:
        rows.append({"key": "Withdrawn", "value": referral.withdrawn_on})
        rows.append({"key": "Why it was withdrawn", "value": referral.withdrawn_reason})
    return rows


def _registration(status: str, practice: str) -> str:
    label = Registration(status).label
    return f"{label}: {practice}" if status == Registration.REGISTERED and practice else label


def health_rows(profile: HealthProfile | None) -> list[dict[str, Any]]:
    """Health facts for the overview and the transitions page. Nothing recorded reads as
    "Not recorded", never as a guess."""
    if profile is None:
        return [
            {"key": key, "value": ""}
            for key in (
                "GP",
                "Dentist",
                "Health history summary given",
                "Mental health needs",
                "Pregnancy and parenting",
            )
        ]
    family = []
    if profile.is_pregnant:
        due = f", due {format_date(profile.due_on)}" if profile.due_on else ""
        family.append(f"Pregnant{due}")
    if profile.is_parent:
        children = profile.number_of_children
        family.append(f"Parent of {children} child{'ren' if children != 1 else ''}")
        if profile.first_child_born_on:
            family.append(f"First child born {format_date(profile.first_child_born_on)}")
    if not family:
        family.append("Not pregnant and not a parent")
    if profile.parenting_notes:
        family.append(profile.parenting_notes)
    return [
        {"key": "GP", "value": _registration(profile.gp_registration, profile.gp_practice)},
        {
            "key": "Dentist",
            "value": _registration(profile.dentist_registration, profile.dentist_practice),
        },
        {
            "key": "Health history summary given",
            "value": profile.health_history_given_on or "Not given yet",
        },
        {
            "key": "Mental health needs",
            "value": (profile.mental_health_notes or "Yes")
            if profile.mental_health_needs
            else "None known",
        },
        {"key": "Pregnancy and parenting", "value": family},
    ]


def planning_status(young_person: YoungPerson, *, has_plan: bool, today: datetime.date) -> str:
    """One sentence on whether the young person needs a transition plan, and has one."""
    needed = needs_transition_plan(
        date_of_birth=young_person.date_of_birth,
        has_ehc_plan=young_person.has_ehc_plan,
        has_learning_needs=bool(young_person.learning_needs.strip()),
        today=today,
    )
    if has_plan:
        return ""
    if needed:
        return (
            "They need a transition plan: they have an EHC plan or learning needs and are "
            "16 or over. Nobody has started one yet."
        )
    starts = transition_planning_from(young_person.date_of_birth)
    if (young_person.has_ehc_plan or young_person.learning_needs.strip()) and starts > today:
        return f"Transition planning starts by their 16th birthday, {format_date(starts)}."
    return "They do not need a transition plan: they have no EHC plan or learning needs recorded."


def needs_text(young_person: YoungPerson) -> str:
    """Why a young person needs transition planning: "EHC plan", "Learning needs" or both."""
    needs = []
    if young_person.has_ehc_plan:
        needs.append("EHC plan")
    if young_person.learning_needs.strip():
        needs.append("Learning needs")
    return ", ".join(needs)


def complex_needs_text(young_person: YoungPerson) -> str:
    """The complex needs recorded for a young person, as `needs.has_complex_needs` counts them.
    Expects `health_profile` to be loaded with the young person (or absent)."""
    needs = []
    if young_person.has_ehc_plan:
        needs.append("EHC plan")
    if young_person.learning_needs.strip():
        needs.append("Learning needs")
    if young_person.disability.strip():
        needs.append("Disability")
    try:
        profile = young_person.health_profile  # type: ignore[attr-defined]
    except HealthProfile.DoesNotExist:
        profile = None
    if profile is not None and profile.mental_health_needs:
        needs.append("Mental health needs")
    return ", ".join(needs)


# Tables: each a dict of `head` and `rows` for the govuk_table tag ----------------------------

NUMERIC = "numeric"


def _number(value: int | None) -> dict[str, Any]:
    return {"text": "" if value is None else value, "format": NUMERIC}


def _days(value: float | None, empty: str) -> dict[str, Any]:
    return {
        "text": format_days(value) or empty,
        "format": NUMERIC,
        "sort_value": "" if value is None else value,
    }


def referrals_table(rows: Iterable[ReferralWait]) -> dict[str, Any]:
    return {
        "head": ["Service", "Referred", "Status", "Wait"],
        "rows": [
            [
                {"text": row.referral.service.name, "href": referral_url(row.referral)},
                row.referral.referred_on,
                status_tag(row.referral, over_target=row.over_target),
                wait_text(row),
            ]
            for row in rows
        ],
    }


def service_waiting_table(rows: Iterable[ServiceWaitingRow]) -> dict[str, Any]:
    return {
        "head": [
            "Service",
            {"text": "Target", "format": NUMERIC},
            {"text": "Waiting", "format": NUMERIC},
            {"text": "Over target", "format": NUMERIC},
            {"text": "Median wait", "format": NUMERIC},
            {"text": "Longest wait", "format": NUMERIC},
        ],
        "rows": [
            [
                row.service.name,
                _days(row.figures.target_days, ""),
                _number(row.figures.waiting),
                _number(row.figures.over_target),
                _days(row.figures.median, "None waiting"),
                _days(row.figures.longest, "None waiting"),
            ]
            for row in rows
        ],
    }


def monthly_table(months: Iterable[MonthWaits]) -> dict[str, Any]:
    return {
        "head": [
            "Month",
            {"text": "Decided", "format": NUMERIC},
            {"text": "Median wait of those decided", "format": NUMERIC},
            {"text": "90th percentile of those decided", "format": NUMERIC},
            {"text": "Still waiting at month end", "format": NUMERIC},
            {"text": "Median wait so far", "format": NUMERIC},
            {"text": "90th percentile so far", "format": NUMERIC},
        ],
        "rows": [
            [
                f"{month.month:%B %Y}",
                _number(month.decided),
                _days(month.decided_median, "None decided"),
                _days(month.decided_p90, "None decided"),
                _number(month.waiting),
                _days(month.waiting_median, "None waiting"),
                _days(month.waiting_p90, "None waiting"),
            ]
            for month in months
        ],
    }


def waiting_table(rows: Iterable[WaitingRow]) -> dict[str, Any]:
    return {
        "head": [
            "Young person",
            {"text": "Age when referred", "format": NUMERIC},
            "Service",
            "Referred",
            {"text": "Waiting", "format": NUMERIC},
            {"text": "Target", "format": NUMERIC},
            "Status",
            "Last chased",
            {"text": "Escalations", "format": NUMERIC},
        ],
        "rows": [
            [
                {
                    "text": row.referral.young_person.display_name,
                    "href": referral_url(row.referral),
                },
                _number(row.age_when_referred),
                row.referral.service.name,
                row.referral.referred_on,
                _days(row.wait, ""),
                _days(row.target_days, ""),
                status_tag(row.referral, over_target=row.over_target),
                getattr(row.referral, "last_chased_on", None) or "Not chased",
                _number(getattr(row.referral, "escalation_count", 0)),
            ]
            for row in rows
        ],
    }


def not_met_table(referrals: Iterable[Referral]) -> dict[str, Any]:
    return {
        "head": [
            "Young person",
            {"text": "Age", "format": NUMERIC},
            "Needs",
            "Service",
            "Decided",
            "Support given instead",
        ],
        "rows": [
            [
                {
                    "text": referral.young_person.display_name,
                    "href": referral_url(referral),
                },
                _number(referral.young_person.age),
                complex_needs_text(referral.young_person),
                referral.service.name,
                referral.decided_on,
                referral.alternative_support,
            ]
            for referral in referrals
        ],
    }


def planning_table(young_people: Iterable[YoungPerson], *, today: datetime.date) -> dict[str, Any]:
    return {
        "head": [
            "Young person",
            {"text": "Age", "format": NUMERIC},
            "Needs",
            "Team",
            "Plan started",
            "Next review",
            {"text": "Overdue milestones", "format": NUMERIC},
        ],
        "rows": [
            [
                {
                    "text": person.display_name,
                    "href": reverse("transitions:young_person", kwargs={"pk": person.pk}),
                },
                _number(person.age_on(today)),
                needs_text(person),
                person.team.name if person.team else "No team",
                getattr(person, "plan_started_on", None) or "No plan",
                getattr(person, "plan_next_review_on", None) or "",
                _number(getattr(person, "overdue_milestones", 0)),
            ]
            for person in young_people
        ],
    }
