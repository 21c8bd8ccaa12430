"""Their plan is long on a phone (the review measured 7,500 to 8,600 pixels): an "On this page"
list links to each section, their goals and what they said about the plan."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from careleavers.plans.models import PlanState
from careleavers.plans.schedule import PLAN_SECTIONS
from careleavers.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def _contents(page: str) -> str:
    contents = page[page.index('<nav aria-labelledby="on-this-page">') :]
    return contents[: contents.index("</nav>")]


def test_on_this_page_links_to_every_section_in_order(people: Any, yp_client: Any) -> None:
    make_plan(people.young_person, state=PlanState.SHARED, writer=people.adviser)

    page = yp_client.get(reverse("portal:plan")).content.decode()

    contents = _contents(page)
    targets = re.findall(r'href="#([\w-]+)"', contents)
    sections = [f"section-{section.key}" for section in PLAN_SECTIONS]
    assert targets == [*sections, "goals", "your-say"]
    # Each link goes somewhere on the page, in the order of the list, and reads as the
    # section's own heading does.
    places = [page.index(f'id="{target}"') for target in targets]
    assert places == sorted(places)
    for section in PLAN_SECTIONS:
        assert f">{escape(section.young_person_title)}</a>" in contents


def test_no_contents_before_there_is_a_plan(people: Any, yp_client: Any) -> None:
    page = yp_client.get(reverse("portal:plan")).content.decode()
    assert "There is no plan to read here yet." in page
    assert "On this page" not in page
