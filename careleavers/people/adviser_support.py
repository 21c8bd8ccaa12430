"""Who may ask for, or decline, a personal adviser from 21 to 25, and what their choices add up
to. Pure: plain values in and out, no database.

Children Act 1989 s.23CZB (inserted by the Children and Social Work Act 2017 s.3) applies to a
former relevant child who "has reached the age of 21 but not the age of 25"; if they tell the
council they want advice and support, it must provide a personal adviser until they are 25 or
"if earlier, informs the local authority that he or she no longer wants a personal adviser"
(s.23CZB(3)). s.23CA(1) gives a former relevant child under 25 whose s.23C duties have ended the
right to tell the council they are pursuing, or want to pursue, education or training. The
words are quoted in docs/law/pathway-plans-reviews-visits.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from careleavers.core.dates import format_date
from careleavers.people.category import Category

FROM_AGE = 21
UNTIL_AGE = 25

ASKED = "asked"
DECLINED = "declined"
EDUCATION = "education"


def choice_refusal(*, kind: str, category: str, age: int, told_on: date) -> str:
    """Why a choice of ``kind`` told on ``told_on`` cannot be recorded, or "" when it can.

    ``category`` is the stored category value; ``age`` their age on ``told_on``.
    """
    if category != Category.FORMER_RELEVANT.value:
        what = (
            "tell us they are going back to education or training under Children Act 1989 s.23CA"
            if kind == EDUCATION
            else "ask for, or say no to, a personal adviser from 21 to 25 (Children Act 1989 "
            "s.23CZB)"
        )
        return (
            f"Only a former relevant young person can {what}. Their category is "
            f"{Category(category).label.lower()}."
        )
    if not FROM_AGE <= age < UNTIL_AGE:
        return (
            "This is for former relevant young people from their 21st birthday until they are "
            f"25. They were {age} on {format_date(told_on)}."
        )
    return ""


def may_ask_for_adviser(*, category: str, age: int, has_adviser: bool, declined: bool) -> bool:
    """Whether the young person's own pages should offer "ask for support again".

    Only former relevant young people aged 21 to 24 who have no personal adviser now (none
    allocated, or they said they no longer want one) are offered it.
    """
    return (
        category == Category.FORMER_RELEVANT.value
        and FROM_AGE <= age < UNTIL_AGE
        and (declined or not has_adviser)
    )


def current_choices(choices: Iterable[tuple[str, date, int]]) -> tuple[date | None, date | None]:
    """From (kind, told on, id) rows: the day they said no to an adviser (None if they have
    asked since, or never said no), and the latest day they told us about education."""
    ordered = sorted(choices, key=lambda row: (row[1], row[2]))
    declined_on: date | None = None
    education_on: date | None = None
    for kind, told_on, _ in ordered:
        if kind == DECLINED:
            declined_on = told_on
        elif kind == ASKED:
            declined_on = None
        elif kind == EDUCATION:
            education_on = told_on
    return declined_on, education_on
