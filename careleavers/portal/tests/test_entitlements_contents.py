"""What I can get is long on a phone (the review found 14 cards, over 7,000 pixels): what they
can get now is grouped by area of the local offer, and an "On this page" list links to each
group and section."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from careleavers.offer.entitlements import Area
from careleavers.portal.presenters import AREA_HEADINGS, statement_context

pytestmark = pytest.mark.django_db


def test_every_area_of_the_offer_has_a_heading() -> None:
    # An item in an area without one would drop off the young person's page.
    assert list(AREA_HEADINGS) == [area.value for area in Area]


def test_on_this_page_links_to_each_group_and_section(people: Any, yp_client: Any) -> None:
    page = yp_client.get(reverse("portal:entitlements")).content.decode()

    contents = page[page.index('<nav aria-labelledby="on-this-page">') :]
    contents = contents[: contents.index("</nav>")]
    assert ">On this page</h2>" in contents
    targets = re.findall(r'href="#([\w-]+)"', contents)
    assert targets[0] == "now"
    assert targets[-2:] == ["had", "later"]
    groups = targets[1:-2]
    assert groups, "no groups of what they can get now"
    # Each link has somewhere to go, in the order of the list.
    places = [page.index(f'id="{target}"') for target in targets]
    assert places == sorted(places)
    # Every card sits under the heading of its own area.
    sections = {
        group: page[page.index(f'id="{group}"') : page.index(f'id="{following}"')]
        for group, following in zip(groups, [*groups[1:], "had"], strict=True)
    }
    entitled_now = statement_context(people.young_person)["entitled_now"]
    assert any(entry["key"] == "leisure_pass" for entry in entitled_now)
    for entry in entitled_now:
        section = sections[f"now-{entry['area'].replace('_', '-')}"]
        assert f'<h4 class="govuk-heading-s">{entry["title"]}' in section, entry["key"]
    assert sum(section.count('class="app-portal-card"') for section in sections.values()) == len(
        entitled_now
    )
