"""Reading rendered HTML fragments in tests: parse one, and find the one element an XPath names."""

from __future__ import annotations

from typing import Any

import lxml.html


def parse(html: str) -> Any:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def has_class(name: str) -> str:
    """An XPath predicate for an element with this class."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def only(tree: Any, xpath: str) -> Any:
    """The one element the XPath matches; fails the test when there are none or several."""
    found = tree.xpath(xpath)
    assert len(found) == 1, f"{xpath} matched {len(found)} elements"
    return found[0]
