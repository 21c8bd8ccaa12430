"""A page reached from both the navigation and the home page has one name in both (WCAG 2.2
3.2.4, consistent identification: links to the same page are named the same everywhere)."""

from __future__ import annotations

import pytest

from careleavers.core.home import home_links
from careleavers.core.navigation import nav_entries

BOTH = sorted({entry.url_name for entry in nav_entries} & {link.url_name for link in home_links})


def test_some_pages_are_in_both() -> None:
    # Guards the test below against passing because the registries were empty.
    assert len(BOTH) >= 4


@pytest.mark.parametrize("url_name", BOTH)
def test_the_navigation_and_the_home_page_name_the_page_alike(url_name: str) -> None:
    assert home_links.get(url_name).text == nav_entries.get(url_name).text
