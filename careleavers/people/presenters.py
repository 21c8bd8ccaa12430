"""How a young person's record reads on screen: summary list rows and labels.

Plain functions from a record to the rows the GOV.UK summary list and table tags take, so
templates stay free of logic and every page words things the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from careleavers.core.templatetags.govuk import govuk_date, govuk_tag
from careleavers.people.category import Category
from careleavers.people.models import (
    AccommodatedPeriod,
    CareEpisode,
    CategoryQuestionDecision,
    HomePeriod,
    SupportChoice,
    YoungPerson,
)
from careleavers.people.validators import format_nhs_number, format_ni_number

CATEGORY_COLOURS = {
    Category.ELIGIBLE.value: "blue",
    Category.RELEVANT.value: "purple",
    Category.FORMER_RELEVANT.value: "turquoise",
    Category.QUALIFYING.value: "yellow",
    Category.NONE.value: "grey",
}


def category_tag(young_person: YoungPerson) -> str:
    return govuk_tag(
        young_person.get_category_display(), CATEGORY_COLOURS.get(young_person.category, "grey")
    )


def _section_href(young_person: YoungPerson, section: str, can_change: bool) -> str:
    if not can_change:
        return ""
    return reverse("people:edit_details", kwargs={"pk": young_person.pk, "section": section})


def _rows(
    young_person: YoungPerson, section: str, can_change: bool, pairs: list[tuple[str, Any]]
) -> list[dict[str, Any]]:
    href = _section_href(young_person, section, can_change)
    return [{"key": key, "value": value, "href": href} for key, value in pairs]


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def detail_sections(young_person: YoungPerson, *, can_change: bool) -> list[dict[str, Any]]:
    """The record's details page, as summary cards: one per section a form edits."""
    yp = young_person
    upn = yp.upn or (
        f"None: {yp.get_upn_unknown_reason_display()}" if yp.upn_unknown_reason else ""
    )
    return [
        {
            "title": "Name and identity",
            "rows": _rows(
                yp,
                "identity",
                can_change,
                [
                    ("Name", f"{yp.first_name} {yp.last_name}"),
                    ("Preferred name", yp.preferred_name),
                    ("Pronouns", yp.pronouns),
                    ("Date of birth", f"{govuk_date(yp.date_of_birth)} (aged {yp.age})"),
                    ("Legal sex", yp.get_sex_display()),
                    ("Gender identity", yp.gender),
                    ("Ethnicity", f"{yp.get_ethnicity_display()} ({yp.ethnicity})"),
                    ("Council child ID", yp.child_id),
                    ("Unique pupil number", upn),
                    ("NHS number", format_nhs_number(yp.nhs_number) if yp.nhs_number else ""),
                    (
                        "National Insurance number",
                        format_ni_number(yp.ni_number) if yp.ni_number else "",
                    ),
                    *([("Date of death", govuk_date(yp.died_on))] if yp.died_on else []),
                ],
            ),
        },
        {
            "title": "Contact details",
            "rows": _rows(
                yp,
                "contact",
                can_change,
                [
                    ("Phone number", yp.phone),
                    ("Email address", yp.email),
                    ("Address", "\n".join(filter(None, [yp.address, yp.postcode]))),
                    ("Chose less frequent contact from 21", _yes_no(yp.chose_less_contact)),
                ],
            ),
        },
        {
            "title": "Language, faith, culture and needs",
            "rows": _rows(
                yp,
                "needs",
                can_change,
                [
                    ("First language", yp.first_language),
                    ("Needs an interpreter", _yes_no(yp.interpreter_needed)),
                    ("Faith or religion", yp.faith),
                    ("Culture and heritage", yp.culture),
                    (
                        "Disability",
                        yp.disability
                        or (yp.get_has_disability_display() if yp.has_disability else ""),
                    ),
                    ("Learning needs", yp.learning_needs),
                    ("Education, health and care plan", _yes_no(yp.has_ehc_plan)),
                ],
            ),
        },
        {
            "title": "Immigration and separated migrant details",
            "rows": _rows(
                yp,
                "immigration",
                can_change,
                [
                    ("Immigration status", yp.get_immigration_status_display()),
                    ("Separated migrant child (UASC)", _yes_no(yp.is_separated_migrant)),
                    ("Arrived in the UK", yp.arrived_in_uk_on),
                    ("Age assessment", _age_assessment(yp)),
                    ("Legal representative", yp.legal_representative),
                    ("Next Home Office date", yp.next_home_office_date),
                    ("No recourse to public funds", _yes_no(yp.no_recourse_to_public_funds)),
                ],
            ),
        },
        {
            "title": "Facts for the care-leaver category",
            "rows": category_fact_rows(yp, can_change=can_change),
        },
    ]


def _age_assessment(yp: YoungPerson) -> str:
    if not yp.age_assessed_on:
        return yp.age_assessment_outcome
    when = f"Assessed {govuk_date(yp.age_assessed_on)}"
    return f"{when}: {yp.age_assessment_outcome}" if yp.age_assessment_outcome else when


def category_fact_rows(yp: YoungPerson, *, can_change: bool) -> list[dict[str, Any]]:
    return _rows(
        yp,
        "category-facts",
        can_change,
        [
            (
                "In custody or hospital on their 16th birthday",
                _yes_no(yp.detained_or_in_hospital_on_16th_birthday),
            ),
            (
                "Day they were detained or went into hospital",
                govuk_date(yp.detained_or_admitted_on) if yp.detained_or_admitted_on else "",
            ),
            (
                "Subject to a care order on their 16th birthday",
                _yes_no(yp.subject_to_care_order_on_16th_birthday),
            ),
            (
                "Special guardianship order made after care",
                _yes_no(yp.special_guardianship_after_care),
            ),
            ("In education or training", _yes_no(yp.in_education_or_training)),
        ],
    )


def category_rows(yp: YoungPerson) -> list[dict[str, Any]]:
    return [
        {"key": "Category", "value": category_tag(yp)},
        {"key": "Since", "value": yp.category_since},
        {"key": "Why", "value": yp.category_reason},
        {"key": "Worked out on", "value": yp.category_decided_on},
    ]


def episode_table(
    young_person: YoungPerson, episodes: list[CareEpisode], *, can_change: bool
) -> tuple[list[Any], list[list[Any]]]:
    head: list[Any] = [
        "Started",
        "Ceased",
        "Legal status",
        "Placement",
        "Reason ceased",
    ]
    if can_change:
        head.append({"text": "Action"})
    rows = []
    for episode in episodes:
        row: list[Any] = [
            episode.start,
            episode.end or "Not ended",
            f"{episode.legal_status}: {episode.get_legal_status_display()}",
            f"{episode.placement_type}: {episode.get_placement_type_display()}",
            f"{episode.reason_ended}: {episode.get_reason_ended_display()}"
            if episode.reason_ended
            else "",
        ]
        if can_change:
            row.append(
                {
                    "text": format_html(
                        'Change<span class="govuk-visually-hidden"> the episode that started '
                        "{}</span>",
                        govuk_date(episode.start),
                    ),
                    "href": reverse(
                        "people:episode_edit",
                        kwargs={"pk": young_person.pk, "episode_pk": episode.pk},
                    ),
                }
            )
        rows.append(row)
    return head, rows


def home_period_rows(periods: Iterable[HomePeriod]) -> list[list[Any]]:
    return [[period.start, period.end or "Still living there", period.notes] for period in periods]


def accommodated_period_rows(periods: Iterable[AccommodatedPeriod]) -> list[list[Any]]:
    return [
        [period.get_kind_display(), period.start, period.end or "Not ended", period.provider]
        for period in periods
    ]


def support_choice_rows(choices: Iterable[SupportChoice]) -> list[list[Any]]:
    return [
        [
            choice.told_on,
            choice.get_kind_display(),
            "Their own pages" if choice.from_young_persons_pages else str(choice.created_by or ""),
            choice.notes,
        ]
        for choice in choices
    ]


def category_question_decision_rows(
    decisions: Iterable[CategoryQuestionDecision],
) -> list[list[Any]]:
    """Who decided which reading of which question, when and why, newest first."""
    return [
        [
            govuk_date(timezone.localtime(decision.decided_at).date()),
            decision.question_text,
            decision.reading_text,
            decision.reason,
            str(decision.decided_by),
        ]
        for decision in decisions
    ]


def overview_rows(yp: YoungPerson) -> list[dict[str, Any]]:
    """Who this is, at a glance: the top of the overview."""
    category = format_html("{} {}", category_tag(yp), yp.category_reason)
    if yp.category_since:
        category = format_html("{} Since {}.", category, govuk_date(yp.category_since))
    return [
        {"key": "Name", "value": f"{yp.first_name} {yp.last_name}"},
        {"key": "Preferred name", "value": yp.preferred_name},
        {"key": "Pronouns", "value": yp.pronouns},
        {"key": "Age", "value": f"{yp.age} (born {govuk_date(yp.date_of_birth)})"},
        {"key": "Care-leaver category", "value": category},
        {"key": "Team", "value": yp.team.name if yp.team else ""},
    ]


SEARCH_HEAD = ["Name", "Date of birth", "Council child ID", "Category", "Team"]


def search_rows(young_people: Iterable[YoungPerson]) -> list[list[Any]]:
    """Rows of the search results table; needs only the young people and their teams."""
    rows = []
    for yp in young_people:
        name = format_html(
            '<a class="govuk-link" href="{}">{}, {}</a>',
            reverse("people:overview", kwargs={"pk": yp.pk}),
            yp.last_name,
            yp.first_name,
        )
        if yp.preferred_name:
            name = format_html(
                '{}<br><span class="govuk-body-s">Known as {}</span>', name, yp.preferred_name
            )
        if yp.is_restricted:
            name = format_html("{}<br>{}", name, govuk_tag("Restricted record", "red"))
        rows.append(
            [
                name,
                yp.date_of_birth,
                yp.child_id,
                yp.get_category_display(),
                yp.team.name if yp.team else "No team",
            ]
        )
    return rows


def search_caption(count: int, *, searched: bool) -> str:
    if not searched:
        return f"Young people you can see ({count})"
    return f"{count} young {'person' if count == 1 else 'people'} found"
