"""Annex A List 9: columns and "a) Label" values, pinned."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from careleavers.core import dfe_codes
from careleavers.returns import annex_a


def _columns_in_the_docs() -> tuple[str, ...]:
    """The List 9 headings as docs/data/annex-a.md lists them, from the template's source."""
    page = (Path(settings.BASE_DIR) / "docs" / "data" / "annex-a.md").read_text()
    listed = page.split("<!-- annex-a-list-9-columns -->")[1].split(
        "<!-- /annex-a-list-9-columns"
    )[0]
    return tuple(re.sub(r"^\d+\. ", "", line) for line in listed.strip().splitlines())


def test_list_9_columns_in_order_as_ofsteds_template_words_them():
    columns = _columns_in_the_docs()
    assert len(columns) == 17
    assert columns[0] == "Child Unique ID"
    assert columns == annex_a.COLUMNS
    assert annex_a.SHEET_NAME == "List 9"
    assert "5 April 2024" in annex_a.TEMPLATE_SOURCE


def test_the_labels_live_only_in_annex_a():
    """The Annex A wording is in one module: the copies that were in the learning and
    accommodation apps are gone."""
    root = Path(annex_a.__file__).resolve().parents[1]
    holders = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and "F4: Young person engaged full time in an apprenticeship" in path.read_text()
    }
    assert holders == {"returns/annex_a.py"}


@pytest.mark.parametrize(
    ("recorded", "label"), [("yes", "a) Yes"), ("no", "b) No"), ("", "c) Not known")]
)
def test_disability_is_yes_no_or_not_known(recorded, label):
    row = annex_a.row(person(has_disability=recorded), today=date(2026, 11, 24))
    assert row[6] == label


def test_gender_labels():
    assert annex_a.GENDER == {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("WBRI", "a) WBRI"),
        ("WIRT", "c) WIRT"),
        ("WOTH", "d) WOTH"),
        ("NOBT", "t) NOBT"),
        ("XXXX", "u) UNKNOWN"),
    ],
)
def test_ethnicity_labels(code, label):
    assert annex_a.ethnicity_label(code) == label


def test_every_dfe_ethnicity_has_a_label():
    assert set(annex_a.ETHNICITY_ORDER) == set(dfe_codes.codes(dfe_codes.ETHNIC))


def test_category_labels():
    assert annex_a.CATEGORY == {
        "relevant": "a) Relevant child",
        "former_relevant": "b) Former relevant child",
        "qualifying": "c) Qualifying care leaver",
        "eligible": "d) Eligible child",
    }


def test_in_touch_labels_cover_every_code():
    assert list(annex_a.IN_TOUCH) == list(dfe_codes.codes(dfe_codes.IN_TOUCH))
    assert annex_a.IN_TOUCH["RHOM"] == "f) Rhom"


def test_accommodation_and_activity_labels_cover_every_code():
    assert list(annex_a.ACCOMMODATION) == list(dfe_codes.codes(dfe_codes.ACCOM_TYPES))
    assert set(annex_a.ACTIVITY) == set(dfe_codes.codes(dfe_codes.ACTIV)) - {"0"}
    assert annex_a.ACCOMMODATION["Z"] == "Z: With former foster carers"
    assert annex_a.ACTIVITY["G6"] == (
        "G6: Not in education, employment or training - pregnancy or parenting"
    )


def person(**overrides):
    values = {
        "child_id": "C1",
        "sex": "F",
        "ethnicity": "BAFR",
        "date_of_birth": date(2005, 6, 1),
        "is_separated_migrant": True,
        "has_disability": "no",
        "team": "North team",
        "worker": "Sam Social",
        "personal_adviser": "Pat Adviser",
        "category": "former_relevant",
        "latest_pathway_plan": date(2026, 9, 3),
        "in_touch": "YES",
        "latest_contact": date(2026, 11, 2),
        "accom": "D1",
        "activ": "F2",
    }
    values.update(overrides)
    return annex_a.Person(**values)


def test_a_row_in_labels():
    assert annex_a.row(person(), today=date(2026, 11, 24)) == [
        "C1",
        "b) Female",
        "o) BAFR",
        "01/06/2005",
        "21",
        "a) Yes",
        "b) No",
        "North team",
        "Sam Social",
        "Pat Adviser",
        "b) Former relevant child",
        "a) Yes",
        "03/09/2026",
        "02/11/2026",
        "D: Semi-independent, transitional accommodation and self-contained accommodation",
        "a) Suitable",
        "F2: Full time in education other than higher",
    ]


def test_unrecorded_values_are_blank():
    row = annex_a.row(
        person(
            latest_pathway_plan=None, latest_contact=None, accom=None, activ=None, in_touch="NO"
        ),
        today=date(2026, 11, 24),
    )
    assert row[11] == "b) No"
    assert row[12:] == ["", "", "", "", ""]


def test_accommodation_0_is_blank_not_a_type():
    row = annex_a.row(person(accom="0", activ="0"), today=date(2026, 11, 24))
    assert row[14:] == ["", "", ""]


@pytest.mark.django_db
def test_the_latest_pathway_plan_date_counts_reviews_held():
    """Annex A's "Latest Pathway Plan Review Date": the plan's start or its latest review,
    whichever is later (SSD clea_pathway_plan_review_date)."""
    from careleavers.people.tests.factories import YoungPersonFactory
    from careleavers.plans.models import PathwayPlan, PlanReview, PlanState
    from careleavers.plans.tests.factories import make_plan
    from careleavers.returns import outcomes

    reviewed, not_reviewed = YoungPersonFactory(), YoungPersonFactory()
    for person in (reviewed, not_reviewed):
        plan = make_plan(person, state=PlanState.AUTHORISED)
        PathwayPlan.objects.filter(pk=plan.pk).update(effective_from=date(2025, 3, 1))
    PlanReview.objects.create(young_person=reviewed, reason="scheduled", held_on=date(2025, 9, 10))

    dates = outcomes.pathway_plan_dates_for([reviewed.pk, not_reviewed.pk])

    assert dates == {reviewed.pk: date(2025, 9, 10), not_reviewed.pk: date(2025, 3, 1)}
